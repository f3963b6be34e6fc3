package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.util.List;

/** Reads {@code training.optimizer}: a name, or a mapping from one name to its settings. */
final class OptimizerReader {

    private static final List<String> NAMES = List.of(AdamOptimizer.TYPE, SgdOptimizer.TYPE);

    private OptimizerReader() {}

    /**
     * Reads the optimizer; settings left out take their defaults. Each wrong setting is recorded in the model file's
     * {@link SpecErrors} and the next one is read.
     *
     * @return the optimizer, or {@code null} when a setting is wrong
     * @throws SpecException if the optimizer is not written as a name with settings, or is unknown
     */
    static OptimizerSpec read(YamlValue value) throws SpecException {
        NamedEntry entry = NamedEntry.of(
                value, value.node(), value.field(), "'adam' or '{sgd: {learningRate: 0.1, momentum: 0.9}}'");
        String owner = value.nestedOwner() + "." + entry.name();
        switch (entry.name()) {
            case AdamOptimizer.TYPE:
                return adam(entry.parameters(owner, "{learningRate: 0.001}"));
            case SgdOptimizer.TYPE:
                return sgd(entry.parameters(owner, "{learningRate: 0.01, momentum: 0.9}"));
            default:
                throw SpecException.at(
                        entry.nameLocation(),
                        "unknown optimizer '" + entry.name() + "'"
                                + Suggestions.unknownWordHint(entry.name(), NAMES, "optimizers"));
        }
    }

    private static AdamOptimizer adam(YamlMapping settings) {
        settings.allowOnly(ModelFileDefinitions.ADAM);
        AdamOptimizer defaults = AdamOptimizer.defaults();
        SpecErrors errors = settings.errors();
        int before = errors.count();
        double learningRate = setting(settings, "learningRate", defaults.learningRate(), YamlValue::positiveNumber);
        double beta1 = setting(settings, "beta1", defaults.beta1(), YamlValue::fraction);
        double beta2 = setting(settings, "beta2", defaults.beta2(), YamlValue::fraction);
        double epsilon = setting(settings, "epsilon", defaults.epsilon(), YamlValue::positiveNumber);
        double weightDecay = setting(settings, "weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber);
        return errors.count() > before ? null : new AdamOptimizer(learningRate, beta1, beta2, epsilon, weightDecay);
    }

    private static SgdOptimizer sgd(YamlMapping settings) {
        settings.allowOnly(ModelFileDefinitions.SGD);
        SgdOptimizer defaults = SgdOptimizer.defaults();
        SpecErrors errors = settings.errors();
        int before = errors.count();
        double learningRate = setting(settings, "learningRate", defaults.learningRate(), YamlValue::positiveNumber);
        double momentum = setting(settings, "momentum", defaults.momentum(), YamlValue::fraction);
        double weightDecay = setting(settings, "weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber);
        return errors.count() > before ? null : new SgdOptimizer(learningRate, momentum, weightDecay);
    }

    /** One setting, its error recorded so that the next setting is read too. */
    private static double setting(
            YamlMapping settings, String key, double defaultValue, YamlMapping.Conversion<Double> conversion) {
        return settings.errors().attempt(() -> settings.valueOr(key, defaultValue, conversion), defaultValue);
    }
}
