package dev.cnnbuild.core.rules;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The figures a model is compared with by the tolerance rules: a {@code metrics.json} file, committed (as
 * {@code cnn:bless} writes it) or in another model directory, or figures at hand such as another model's measured
 * by the test API. A baseline may be absent (the file is not there yet, or none is configured); tolerance rules are
 * then skipped and {@link GateResult#baselineNote()} says why.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.load(Path.of("src/test/cnn/mnist-cnn.metrics.json"));
 * if (!baseline.isPresent()) {
 *     log.info(baseline.describe() + "; change rules skipped");  // no baseline at src/test/cnn/...
 * }
 * }</pre>
 */
public final class Baseline {
    private final Path file;
    private final String name;
    private final MetricSource source;

    private Baseline(Path file, String name, MetricSource source) {
        this.file = file;
        this.name = name;
        this.source = source;
    }

    /** Returns the absence of a configured baseline. */
    public static Baseline none() {
        return new Baseline(null, null, null);
    }

    /**
     * Loads the baseline at {@code location}: a {@code metrics.json} file, or a model directory holding one. If
     * there is nothing there, the baseline is absent, not an error.
     *
     * @param location the file or directory
     * @return the baseline, present if the file exists
     * @throws IOException if the file exists but cannot be read or is not JSON
     */
    public static Baseline load(Path location) throws IOException {
        Path file = Files.isDirectory(location) ? ModelDirectory.of(location).metrics() : location;
        return new Baseline(file, file.toString(), Files.isRegularFile(file) ? MetricSource.read(file) : null);
    }

    /**
     * Loads the baseline at {@code location}, as {@link #load(Path)} does, and names it in messages relative to a
     * project when it lies inside it, so that what those messages go into (such as the report in a model
     * directory) holds no path of this machine.
     *
     * <pre>{@code
     * Baseline.load(project.resolve("src/test/cnn/mnist-cnn.metrics.json"), project).describe();
     * // the baseline src/test/cnn/mnist-cnn.metrics.json
     * }</pre>
     *
     * @param location the file or directory
     * @param project the folder that messages name the file relative to
     * @return the baseline, present if the file exists
     * @throws IOException if the file exists but cannot be read or is not JSON
     */
    public static Baseline load(Path location, Path project) throws IOException {
        Path file = Files.isDirectory(location) ? ModelDirectory.of(location).metrics() : location;
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.startsWith(project.toAbsolutePath().normalize())
                ? ProjectPaths.relative(project, absolute)
                : file.toString();
        return new Baseline(file, name, Files.isRegularFile(file) ? MetricSource.read(file) : null);
    }

    /**
     * Returns a baseline with figures already at hand.
     *
     * @param file where they come from, for messages
     * @param source the figures
     * @return the present baseline
     */
    public static Baseline of(Path file, MetricSource source) {
        return new Baseline(file, file.toString(), source);
    }

    /**
     * Returns a baseline that is no file, such as another model measured now.
     *
     * <pre>{@code
     * Baseline.named("model mnist-cnn", MetricSource.of(evaluation)).describe(); // the baseline model mnist-cnn
     * }</pre>
     *
     * @param name how messages call it, after {@code the baseline}
     * @param source the figures
     * @return the present baseline, without a {@link #file()}
     */
    public static Baseline named(String name, MetricSource source) {
        return new Baseline(null, name, source);
    }

    /** Returns whether there are figures to compare with. */
    public boolean isPresent() {
        return source != null;
    }

    /** Returns the file the baseline is, or would be, read from; empty if none is configured or it is no file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Returns the baseline's figures.
     *
     * @throws IllegalStateException if the baseline is absent
     */
    public MetricSource source() {
        if (source == null) {
            throw new IllegalStateException(describe());
        }
        return source;
    }

    /**
     * Returns {@code the baseline <file>} (or {@code the baseline <name>}), {@code no baseline at <file>}, or
     * {@code no baseline configured}.
     */
    public String describe() {
        if (name == null) {
            return "no baseline configured";
        }
        return (isPresent() ? "the baseline " : "no baseline at ") + name;
    }
}
