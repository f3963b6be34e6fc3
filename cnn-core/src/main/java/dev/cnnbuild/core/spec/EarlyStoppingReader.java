package dev.cnnbuild.core.spec;

/** Reads {@code training.earlyStopping}: {@code metric} and {@code patience} are required. */
final class EarlyStoppingReader {

    /** How the mapping looks, for messages. */
    static final String EXAMPLE = "{metric: validationLoss, patience: 3}";

    private EarlyStoppingReader() {}

    /**
     * Reads the settings.
     *
     * @param value the value of {@code earlyStopping}
     * @param validationSplit the share of the training set held out, as read from the same section
     * @throws SpecException if a key is unknown or missing, a value has the wrong type, or a validation metric is
     *     asked for without a validation split
     */
    static EarlyStoppingSpec read(YamlValue value, double validationSplit) throws SpecException {
        YamlMapping settings = value.mapping(EXAMPLE);
        settings.allowOnly(ModelFileDefinitions.EARLY_STOPPING.names());
        YamlValue metricValue = settings.require("metric", "metric: validationLoss");
        EarlyStoppingMetric metric = metricValue.choice(EarlyStoppingMetric.values(), EarlyStoppingMetric::yamlName);
        if (metric.needsValidationSet() && validationSplit == 0) {
            throw SpecException.at(
                    metricValue.location(),
                    metricValue.field() + " is " + metric.yamlName()
                            + ", which is measured on a validation set, but training holds none out; add e.g."
                            + " 'validationSplit: 0.1' to training");
        }
        return new EarlyStoppingSpec(
                metric,
                settings.require("patience", "patience: 3").positiveInt(),
                settings.valueOr("minDelta", 0.0, YamlValue::nonNegativeNumber));
    }
}
