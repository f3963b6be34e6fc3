package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.rules.Rule;
import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.service.CheckRequest;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code cnn:check} tells its fork ({@link CheckCommand}): where the trained models are, the project, the
 * baselines and JUnit XML folders, the rules as the POM wrote them, the models to check, the evaluating device, the
 * threads and the process to watch. New fields go here, in {@link ForkRequestFile} (one key each) and in its
 * round-trip test.
 *
 * <pre>{@code
 * CheckForkRequest request = CheckForkRequest.of(Path.of("target/cnn"),
 *         List.of(new RuleArgument("accuracy", null, "0.98", null, null, null)));
 * int status = CheckCommand.run(request, System.out, System.err);
 * }</pre>
 *
 * @param outputDirectory the folder that holds model directories
 * @param projectDirectory the project the models' recorded paths are relative to
 * @param baselineDirectory where {@code <name>.metrics.json} baselines are, if anywhere
 * @param reportsDirectory where JUnit XML files and the summary go, if anywhere
 * @param rules the rules, as written in the POM
 * @param modelNames the models to check; empty: every complete model directory
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param threads PyTorch's intra-op threads; they never adapt in a check
 * @param parentPid the process the fork ends with, if any
 */
public record CheckForkRequest(
        Path outputDirectory,
        Path projectDirectory,
        Optional<Path> baselineDirectory,
        Optional<Path> reportsDirectory,
        List<RuleArgument> rules,
        List<String> modelNames,
        String device,
        ThreadSettings threads,
        OptionalLong parentPid)
        implements ForkRequest {

    /** Copies the lists. */
    public CheckForkRequest {
        rules = List.copyOf(rules);
        modelNames = List.copyOf(modelNames);
    }

    /**
     * A request for every model under {@code outputDirectory} in the working directory's project, without
     * baselines or JUnit XML files, on device {@code auto}, watching no process.
     *
     * @param outputDirectory the folder that holds model directories
     * @param rules the rules
     * @return the request
     */
    public static CheckForkRequest of(Path outputDirectory, List<RuleArgument> rules) {
        return new CheckForkRequest(
                outputDirectory,
                Path.of(""),
                Optional.empty(),
                Optional.empty(),
                rules,
                List.of(),
                "auto",
                ThreadSettings.fixed(Runtime.getRuntime().availableProcessors()),
                OptionalLong.empty());
    }

    /** Returns this request with the models named. */
    public CheckForkRequest withModelNames(List<String> names) {
        return new CheckForkRequest(
                outputDirectory,
                projectDirectory,
                baselineDirectory,
                reportsDirectory,
                rules,
                names,
                device,
                threads,
                parentPid);
    }

    /**
     * Returns the check service's request, its rules built.
     *
     * @return the request
     * @throws RuleException if a rule is not valid
     */
    public CheckRequest checkRequest() throws RuleException {
        List<Rule> built = new ArrayList<>();
        for (RuleArgument rule : rules) {
            built.add(rule.toRule());
        }
        return new CheckRequest(
                outputDirectory, projectDirectory, baselineDirectory, reportsDirectory, built, modelNames, device);
    }

    @Override
    public String mainClass() {
        return ForkProtocol.CHECK_MAIN_CLASS;
    }

    @Override
    public String goal() {
        return "check";
    }
}
