package dev.cnnbuild.core.cli;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DatasetLoader;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.model.Fingerprint;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ModelDirectoryWriter;
import dev.cnnbuild.core.model.ModelFreshness;
import dev.cnnbuild.core.model.ModelMetrics;
import dev.cnnbuild.core.model.TestMetrics;
import dev.cnnbuild.core.model.ToolVersions;
import dev.cnnbuild.core.report.ReportWriter;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.training.CheckpointStore;
import dev.cnnbuild.core.training.DeviceSelector;
import dev.cnnbuild.core.training.ModelTrainer;
import dev.cnnbuild.core.training.TrainedNetwork;
import dev.cnnbuild.core.training.TrainingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains each model file given and writes its model directory under the output folder. This is the main class of
 * the JVM that {@code cnn:train} forks, and works by hand too.
 *
 * <p>Usage: {@code TrainCommand --output DIR [--device auto|cpu|gpu] [--force] MODEL.yaml...}. Exit status 0: all
 * trained or up to date; 2: a model file, a data file or an option is wrong (the message, on standard error after
 * {@code ERROR: }, says where and how to fix it); 1: an unexpected failure (a stack trace follows).
 *
 * <p>A model whose directory is complete and whose {@code fingerprint.txt} matches the run's inputs is not trained
 * again, unless {@code --force} is given; the log says which inputs changed when it is. Training saves a checkpoint
 * beside the model directory after every epoch and resumes from it after a kill; {@code --force} discards it.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp "$CLASSPATH" dev.cnnbuild.core.cli.TrainCommand \
 *     --output target/cnn src/main/cnn/mnist.yaml
 * }</pre>
 */
public final class TrainCommand {
    /** Exit status for bad input. */
    public static final int INVALID_INPUT = 2;

    private final PrintStream out;
    private Path output;
    private DeviceChoice device;
    private boolean force;
    private final List<Path> models = new ArrayList<>();

    private TrainCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
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
        TrainCommand command = new TrainCommand(out);
        try {
            command.parse(args);
            for (Path model : command.models) {
                command.train(model);
            }
            return 0;
        } catch (SpecException | DatasetException | TrainingException e) {
            err.println("ERROR: " + e.getMessage());
            return INVALID_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println("ERROR: training failed unexpectedly: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private void parse(String[] args) throws TrainingException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--output" -> output = Path.of(value(args, ++i, "--output"));
                case "--device" -> device = device(value(args, ++i, "--device"));
                case "--force" -> force = true;
                default -> models.add(Path.of(args[i]));
            }
        }
        if (output == null || models.isEmpty()) {
            throw new TrainingException(
                    "usage: TrainCommand --output DIR [--device auto|cpu|gpu] [--force] MODEL.yaml...");
        }
    }

    private static DeviceChoice device(String name) throws TrainingException {
        try {
            return DeviceChoice.parse(name);
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

    private void train(Path file) throws SpecException, DatasetException, TrainingException, IOException {
        long start = System.nanoTime();
        ModelSpec spec = ModelSpecReader.readAndValidate(file.toAbsolutePath().normalize());
        DeviceChoice choice = device == null ? spec.training().device() : device;
        String deviceType = DeviceSelector.select(choice).isGpu() ? "gpu" : "cpu";
        ToolVersions versions = ToolVersions.current();
        Fingerprint fingerprint = Fingerprint.of(spec, versions, deviceType);
        ModelFreshness freshness = ModelFreshness.check(ModelDirectory.of(output, spec.name()), fingerprint);
        if (freshness.upToDate() && !force) {
            out.println(spec.name() + ": up to date (" + freshness.reason() + "); skipping training."
                    + " Use -Dcnn.force=true to retrain.");
            return;
        }
        out.println(spec.name() + ": training: " + (freshness.upToDate()
                ? "forced, although it is up to date (" + freshness.reason() + ")" : freshness.reason()));
        LabeledImages train = DatasetLoader.load(spec.data().train(), spec.input(), spec.classes());
        LabeledImages test = DatasetLoader.load(spec.data().test(), spec.input(), spec.classes());
        CheckpointStore checkpoints = CheckpointStore.beside(output, spec.name());
        ModelTrainer trainer = ModelTrainer.builder()
                .setSpec(spec)
                .optDevice(choice)
                .optListener(new ProgressPrinter(out::println))
                .optCheckpoints(checkpoints, fingerprint.value())
                .optStartFresh(force)
                .build();
        try (TrainedNetwork trained = trainer.train(train, test)) {
            TestMetrics testMetrics = TestMetrics.of(trained.finalEvaluation());
            ModelMetrics metrics = new ModelMetrics(spec.name(), spec.source().toString(), spec.training().seed(),
                    trained.device(), versions, ShapeInference.parameterCount(spec), trained.history(),
                    testMetrics, trained.trainSeconds(), (System.nanoTime() - start) / 1e9,
                    trained.earlyStopping().orElse(null), trained.resumedAfterEpoch().isPresent()
                            ? trained.resumedAfterEpoch().getAsInt() : null);
            String report = ReportWriter.render(trained.finalPredictions(), metrics, testMetrics, test, null);
            ModelDirectory directory = ModelDirectoryWriter.write(output, spec.name(), spec.yaml(),
                    trained.network(), metrics, fingerprint, report);
            checkpoints.delete();
            int epochs = trained.history().size();
            String kept = trained.earlyStopping().filter(r -> r.keptEpoch() != epochs)
                    .map(r -> " (keeping epoch " + r.keptEpoch() + ")").orElse("");
            out.println(String.format(Locale.ROOT, "%s: test accuracy %.4f (%,d of %,d) after %d epochs%s in %.1f s;"
                    + " model written to %s", spec.name(), testMetrics.accuracy(), testMetrics.correct(),
                    testMetrics.count(), epochs, kept, metrics.totalSeconds(), directory.root()));
        }
    }
}
