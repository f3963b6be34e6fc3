package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.engine.EngineLoader;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.metrics.ModelMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import dev.cnnbuild.core.service.PreflightException;
import dev.cnnbuild.core.service.TrainingPreflight;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingResult;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.text.Counted;
import dev.cnnbuild.core.training.TrainingException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The main class of the JVM that {@code cnn:train} forks: reads its {@link TrainForkRequest} from the file named by
 * its one argument, {@code --request FILE} ({@link ForkRequestFile}), trains one {@link TrainingRequest} per model
 * file with {@link TrainingService}, and prints the progress and the results. Exit status as {@link ForkProtocol}
 * defines it: 0 all trained or up to date; 2 a model file, a data file, an option or the request file is wrong (the
 * error line says where and how to fix it); 1 an unexpected failure (a stack trace follows).
 *
 * <p>Before any model trains, every model file is read and checked once and every problem reported
 * ({@link TrainingPreflight}), training then uses the checked models, and the output folder is locked for this process ({@link FolderLock}), so a second build on the same folder
 * stops with an error naming the first. Started by the plugin, the JVM also stops when Maven is gone
 * ({@link ParentWatch}). With {@code force} the PyTorch engine starts loading on a second thread before the model
 * files are read ({@link EngineLoader}); without it, only once a model is found to need training.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.TrainCommand --request target/cnn-fork/train-1.properties
 * // or in this JVM:
 * TrainCommand.run(TrainForkRequest.of(Path.of("target/cnn"), List.of(Path.of("src/main/cnn/mnist.yaml"))), out, err);
 * }</pre>
 */
public final class TrainCommand {
    private static final String USAGE = "usage: TrainCommand --request FILE, where FILE is the request that cnn:train"
            + " writes (ForkRequestFile)";

    private TrainCommand() {}

    /**
     * Runs the command and exits with its status.
     *
     * @param args {@code --request FILE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Reads the request file named by the arguments, starts watching the process it names, and runs the request.
     *
     * @param args {@code --request FILE}
     * @param out where progress goes
     * @param err where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        TrainForkRequest request;
        try {
            request = ForkRequestFile.read(ForkProtocol.requestFile(args, USAGE), TrainForkRequest.class);
        } catch (ForkRequestException e) {
            err.println(ForkProtocol.error(e.getMessage()));
            return ForkProtocol.INVALID_INPUT;
        }
        ParentWatch.start(request.parentPid(), err);
        return run(request, out, err);
    }

    /**
     * Runs a request.
     *
     * @param request what to train
     * @param out where progress goes
     * @param err where errors go
     * @return the exit status
     */
    public static int run(TrainForkRequest request, PrintStream out, PrintStream err) {
        try {
            List<TrainingRequest> requests = request.trainingRequests();
            if (request.force()) {
                EngineLoader.startInBackground();
            }
            TrainingPreflight preflight = TrainingPreflight.validate(requests);
            try (FolderLock lock = preflight.lockOutput()) {
                preflight.checkOutput();
                TrainingService service = new TrainingService(new ProgressPrinter(out::println));
                for (TrainingRequest one : requests) {
                    print(service.train(one, preflight.model(one)), out);
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
                "%s: test accuracy %.4f (%,d of %,d) after %s%s in %.1f s;" + " model written to %s",
                result.modelName(),
                test.accuracy(),
                test.correct(),
                test.count(),
                Counted.of(metrics.history().size(), "epoch"),
                kept,
                metrics.totalSeconds(),
                result.directory().root()));
    }
}
