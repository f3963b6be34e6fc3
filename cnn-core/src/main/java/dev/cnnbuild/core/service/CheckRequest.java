package dev.cnnbuild.core.service;

import dev.cnnbuild.core.rules.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to check: the trained models under an output folder (all complete ones, or those named), the rules, where
 * baselines are, where the JUnit XML files go, and where the models are evaluated.
 *
 * <pre>{@code
 * CheckRequest request = new CheckRequest(Path.of("target/cnn"), Path.of(""), Optional.of(Path.of("src/test/cnn")),
 *         Optional.of(Path.of("target/cnn-reports")), List.of(Rule.builder("accuracy").minimum("0.98").build()),
 *         List.of(), "auto");
 * }</pre>
 *
 * @param outputDirectory the folder that holds model directories
 * @param projectDirectory the project the models' recorded paths (their test sets) are relative to
 * @param baselineDirectory where {@code <name>.metrics.json} baselines are, if anywhere
 * @param reportsDirectory where {@code TEST-cnn.check.<name>.xml} files go, if anywhere
 * @param rules the rules
 * @param modelNames the models to check; empty: every complete model directory under {@code outputDirectory}
 * @param evaluationDevice {@code auto} (the kind of device that trained each model when this machine has one, the
 *     CPU otherwise), {@code cpu}, {@code gpu} or {@code gpu:N}
 */
public record CheckRequest(
        Path outputDirectory,
        Path projectDirectory,
        Optional<Path> baselineDirectory,
        Optional<Path> reportsDirectory,
        List<Rule> rules,
        List<String> modelNames,
        String evaluationDevice) {

    /** File name suffix of a model's baseline in the baseline directory. */
    public static final String BASELINE_SUFFIX = ".metrics.json";

    /** Copies the lists. */
    public CheckRequest {
        rules = List.copyOf(rules);
        modelNames = List.copyOf(modelNames);
    }

    /**
     * Checks every model under {@code outputDirectory} in the working directory's project, without baselines or
     * JUnit XML files.
     *
     * @param outputDirectory the folder that holds model directories
     * @param rules the rules
     * @return the request
     */
    public static CheckRequest of(Path outputDirectory, List<Rule> rules) {
        return new CheckRequest(
                outputDirectory, Path.of(""), Optional.empty(), Optional.empty(), rules, List.of(), "auto");
    }
}
