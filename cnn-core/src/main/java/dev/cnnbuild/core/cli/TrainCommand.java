package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.service.PreflightException;
import dev.cnnbuild.core.service.TrainingPreflight;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingResult;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.training.EngineLoader;
import dev.cnnbuild.core.training.TrainingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@link TrainingService}: parses the arguments into one {@link TrainingRequest} per model file
 * and prints the progress and the results. This is the main class of the JVM that {@code cnn:train} forks, and
 * works by hand too.
 *
 * <p>Usage: {@code TrainCommand --output DIR [--project DIR] [--device auto|cpu|gpu|gpu:N] [--devices all|N]
 * [--force] [--adapt-threads] MODEL.yaml...}; {@code --device} replaces the model file's {@code training.device} and
 * {@code training.devices} (one device unless {@code --devices} is given too);
 * {@code --adapt-threads} lets a training on the CPU give up threads while other processes keep the processors busy.
 * The
 * project (by default the working directory) is what {@code metrics.json} records the model file relative to. Exit
 * status as {@link ForkProtocol} defines it: 0 all trained or up to date; 2 a model file, a data file or an option is
 * wrong (the error line says where and how to fix it); 1 an unexpected failure (a stack trace follows).
 *
 * <p>Before any model trains, every model file is validated and every problem reported ({@link TrainingPreflight}),
 * and the output folder is locked for this process ({@link FolderLock}), so a second build on the same folder
 * stops with an error naming the first. Started by the plugin, the JVM also stops when Maven is gone
 * ({@link ParentWatch}). With {@code --force} the PyTorch engine starts loading on a second thread before the model
 * files are read ({@link EngineLoader}); without it, only once a model is found to need training.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.TrainCommand \
 *     --output target/cnn src/main/cnn/mnist.yaml
 * }</pre>
 */
public final class TrainCommand {
    private static final String USAGE =
            "usage: TrainCommand --output DIR [--project DIR] [--device auto|cpu|gpu|gpu:N] [--devices all|N] [--force]"
                    + " [--adapt-threads] MODEL.yaml...";

    private TrainCommand() {}

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        ParentWatch.startFromSystemProperty(System.err);
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @param args the command line
     * @param out where progress goes
     * @param err where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<TrainingRequest> requests = parse(args);
            if (requests.stream().anyMatch(TrainingRequest::force)) {
                EngineLoader.startInBackground();
            }
            TrainingPreflight preflight = TrainingPreflight.validate(requests);
            try (FolderLock lock = preflight.lockOutput()) {
                preflight.checkOutput();
                TrainingService service = new TrainingService(new ProgressPrinter(out::println));
                for (TrainingRequest request : requests) {
                    print(service.train(request), out);
                }
            }
            return ForkProtocol.SUCCESS;
        } catch (PreflightException e) {
            e.problems().forEach(problem -> err.println(ForkProtocol.error(problem)));
            return ForkProtocol.INVALID_INPUT;
        } catch (SpecException | DatasetException | TrainingException e) {
            err.println(ForkProtocol.error(e.getMessage()));
            return ForkProtocol.INVALID_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println(ForkProtocol.error("training failed unexpectedly: " + e));
            e.printStackTrace(err);
            return ForkProtocol.FAILED;
        }
    }

    private static List<TrainingRequest> parse(String[] args) throws TrainingException {
        Path output = null;
        Path project = Path.of("");
        DeviceChoice device = null;
        Integer devices = null;
        boolean force = false;
        boolean adaptThreads = false;
        List<Path> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(value(args, ++i, "--output"));
                case "--project" -> project = Path.of(value(args, ++i, "--project"));
                case "--device" -> device = device(value(args, ++i, "--device"));
                case "--devices" -> devices = deviceCount(value(args, ++i, "--devices"));
                case "--force" -> force = true;
                case "--adapt-threads" -> adaptThreads = true;
                default -> models.add(Path.of(args[i]));
            }
        }
        if (output == null || models.isEmpty()) {
            throw new TrainingException(USAGE);
        }
        List<TrainingRequest> requests = new ArrayList<>();
        for (Path model : models) {
            requests.add(new TrainingRequest(
                    model,
                    output,
                    project,
                    Optional.ofNullable(device),
                    Optional.ofNullable(devices),
                    force,
                    adaptThreads));
        }
        return requests;
    }

    private static DeviceChoice device(String name) throws TrainingException {
        try {
            return DeviceChoice.parse(name);
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    private static int deviceCount(String text) throws TrainingException {
        try {
            return DeviceChoice.parseDevices(text);
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) throws TrainingException {
        if (i >= args.length) {
            throw new TrainingException(option + " needs a value");
        }
        return args[i];
    }

    private static void print(TrainingResult result, PrintStream out) {
        if (result.metrics().isEmpty()) {
            out.println(result.modelName() + ": up to date (" + result.reason() + "); skipping training."
                    + " Use -Dcnn.force=true to retrain.");
            return;
        }
        ModelMetrics metrics = result.metrics().get();
        TestMetrics test = metrics.test();
        String kept = result.keptEpoch().isPresent()
                ? " (keeping epoch " + result.keptEpoch().getAsInt() + ")"
                : "";
        out.println(String.format(
                Locale.ROOT,
                "%s: test accuracy %.4f (%,d of %,d) after %d epochs%s in %.1f s;" + " model written to %s",
                result.modelName(),
                test.accuracy(),
                test.correct(),
                test.count(),
                metrics.history().size(),
                kept,
                metrics.totalSeconds(),
                result.directory().root()));
    }
}
