package dev.cnnbuild.core.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cnnbuild.core.metrics.TestMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Reads figures from the JSON form of {@link TestMetrics}, the {@code test} object of {@code metrics.json}. Figures
 * in memory are turned into the same JSON first, so live and stored figures are read by the same code, and a field
 * a stored file lacks is missing rather than read as 0. Per-class figures are looked up by their label, not their
 * position.
 */
final class TestMetricsSource implements MetricSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode test;

    private TestMetricsSource(JsonNode test) {
        this.test = test;
    }

    static TestMetricsSource of(TestMetrics test) {
        return new TestMetricsSource(test == null ? MissingNode.getInstance() : JSON.valueToTree(test));
    }

    static TestMetricsSource read(Path file) throws IOException {
        try {
            return new TestMetricsSource(JSON.readTree(file.toFile()).path("test"));
        } catch (JacksonException e) {
            throw new IOException(file + " is not a valid metrics.json file (" + e.getOriginalMessage() + ")", e);
        }
    }

    @Override
    public OptionalDouble value(Measure measure) {
        return switch (measure.metric()) {
            case ACCURACY -> number(test.path("accuracy"));
            case LOSS -> number(test.path("loss"));
            case MACRO_PRECISION -> number(test.path("macroPrecision"));
            case MACRO_RECALL -> number(test.path("macroRecall"));
            case MACRO_F1 -> number(test.path("macroF1"));
            case CLASS_ACCURACY -> number(classNode(measure.label()).path("accuracy"));
            case CLASS_PRECISION -> number(classNode(measure.label()).path("precision"));
            case CLASS_RECALL -> number(classNode(measure.label()).path("recall"));
            case CLASS_F1 -> number(classNode(measure.label()).path("f1"));
        };
    }

    @Override
    public int classes() {
        return test.path("perClass").size();
    }

    private JsonNode classNode(int label) {
        for (JsonNode c : test.path("perClass")) {
            if (c.path("label").isInt() && c.path("label").intValue() == label) {
                return c;
            }
        }
        return MissingNode.getInstance();
    }

    /** Reads a number; Jackson writes NaN and infinities as strings, so those are read back too. */
    private static OptionalDouble number(JsonNode node) {
        if (node.isNumber()) {
            return OptionalDouble.of(node.doubleValue());
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return OptionalDouble.of(Double.NaN);
                case "Infinity":
                    return OptionalDouble.of(Double.POSITIVE_INFINITY);
                case "-Infinity":
                    return OptionalDouble.of(Double.NEGATIVE_INFINITY);
                default:
                    return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
