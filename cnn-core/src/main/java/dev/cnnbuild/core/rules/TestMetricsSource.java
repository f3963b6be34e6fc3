package dev.cnnbuild.core.rules;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cnnbuild.core.metrics.ClassMetrics;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads figures through typed accessors: each metric maps to one accessor of {@link StoredFigures}, which is made from
 * {@link TestMetrics} in memory with no JSON in between, or read from the {@code test} object of a
 * {@code metrics.json} file. A figure a stored file lacks is missing rather than read as 0. Per-class figures are
 * looked up by their label, not their position; a class with a support of 0 has no test image.
 */
final class TestMetricsSource implements MetricSource {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final StoredFigures figures;

    private TestMetricsSource(StoredFigures figures) {
        this.figures = figures;
    }

    static TestMetricsSource of(TestMetrics test) {
        return new TestMetricsSource(test == null ? StoredFigures.NONE : StoredFigures.of(test));
    }

    static TestMetricsSource read(Path file) throws IOException {
        try {
            JsonNode test = JSON.readTree(file.toFile()).path("test");
            return new TestMetricsSource(
                    test.isObject() ? JSON.treeToValue(test, StoredFigures.class) : StoredFigures.NONE);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a valid metrics.json file (" + e.getOriginalMessage() + ")", e);
        }
    }

    @Override
    public OptionalDouble value(Measure measure) {
        return switch (measure.metric()) {
            case ACCURACY -> present(figures.accuracy());
            case LOSS -> present(figures.loss());
            case MACRO_PRECISION -> present(figures.macroPrecision());
            case MACRO_RECALL -> present(figures.macroRecall());
            case MACRO_F1 -> present(figures.macroF1());
            case CLASS_ACCURACY ->
                present(ofClass(measure.label()).map(ClassFigures::recall).orElse(null));
            case CLASS_PRECISION ->
                present(ofClass(measure.label()).map(ClassFigures::precision).orElse(null));
            case CLASS_F1 ->
                present(ofClass(measure.label()).map(ClassFigures::f1).orElse(null));
        };
    }

    @Override
    public int classes() {
        return figures.perClass() == null ? 0 : figures.perClass().size();
    }

    @Override
    public boolean hasImagesOf(int label) {
        return ofClass(label).map(c -> c.support() == null || c.support() > 0).orElse(true);
    }

    private Optional<ClassFigures> ofClass(int label) {
        if (figures.perClass() == null) {
            return Optional.empty();
        }
        return figures.perClass().stream()
                .filter(c -> c.label() != null && c.label() == label)
                .findFirst();
    }

    private static OptionalDouble present(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * The figures rules read, each {@code null} when a stored file lacks it; the component names are those of
     * {@link TestMetrics}, which writes the file.
     */
    record StoredFigures(
            Double accuracy,
            Double loss,
            Double macroPrecision,
            Double macroRecall,
            Double macroF1,
            List<ClassFigures> perClass) {
        static final StoredFigures NONE = new StoredFigures(null, null, null, null, null, List.of());

        static StoredFigures of(TestMetrics test) {
            return new StoredFigures(
                    test.accuracy(),
                    test.loss(),
                    test.macroPrecision(),
                    test.macroRecall(),
                    test.macroF1(),
                    test.perClass().stream().map(ClassFigures::of).toList());
        }
    }

    /**
     * One class's figures, named as in {@link ClassMetrics}; files written before a class's accuracy and recall were
     * stored once may hold only {@code accuracy}, the same figure.
     */
    record ClassFigures(
            Integer label,
            Long support,
            Double precision,
            @JsonAlias("accuracy") Double recall,
            Double f1) {
        static ClassFigures of(ClassMetrics c) {
            return new ClassFigures(c.label(), c.support(), c.precision(), c.recall(), c.f1());
        }
    }
}
