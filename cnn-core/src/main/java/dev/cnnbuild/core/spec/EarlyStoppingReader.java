package dev.cnnbuild.core.spec;

/** Reads {@code training.earlyStopping}: {@code metric} and {@code patience} are required. */
final class EarlyStoppingReader {

    /** How the mapping looks, for messages. */
    static final String EXAMPLE = "{metric: validationLoss, patience: 3}";

    private EarlyStoppingReader() {}

    /**
     * Reads the settings; each wrong one is recorded in the model file's {@link SpecErrors} and the next one is
     * read.
     *
     * @param value the value of {@code earlyStopping}
     * @param validationSplit the share of the training set held out, as read from the same section
     * @return the settings, or {@code null} when one is wrong
     * @throws SpecException if the value is not a mapping
     */
    static EarlyStoppingSpec read(YamlValue value, double validationSplit) throws SpecException {
        YamlMapping settings = value.mapping(EXAMPLE);
        settings.allowOnly(ModelFileDefinitions.EARLY_STOPPING);
        SpecErrors errors = settings.errors();
        int before = errors.count();
        EarlyStoppingMetric metric = errors.attempt(() -> metric(settings, validationSplit), null);
        int patience =
                errors.attempt(() -> settings.require("patience", "patience: 3").positiveInt(), 1);
        double minDelta = errors.attempt(() -> settings.valueOr("minDelta", 0.0, YamlValue::nonNegativeNumber), 0.0);
        return errors.count() > before ? null : new EarlyStoppingSpec(metric, patience, minDelta);
    }

    private static EarlyStoppingMetric metric(YamlMapping settings, double validationSplit) throws SpecException {
        YamlValue metricValue = settings.require("metric", "metric: validationLoss");
        EarlyStoppingMetric metric = metricValue.choice(EarlyStoppingMetric.values(), EarlyStoppingMetric::yamlName);
        if (metric.needsValidationSet() && validationSplit == 0) {
            throw SpecException.at(
                    metricValue.location(),
                    metricValue.field() + " is " + metric.yamlName()
                            + ", which is measured on a validation set, but training holds none out; add e.g."
                            + " 'validationSplit: 0.1' to training");
        }
        return metric;
    }
}
