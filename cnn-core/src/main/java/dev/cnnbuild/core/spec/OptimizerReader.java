package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.util.List;

/** Reads {@code training.optimizer}: a name, or a mapping from one name to its settings. */
final class OptimizerReader {

    private static final List<String> NAMES = List.of(AdamOptimizer.TYPE, SgdOptimizer.TYPE);

    private OptimizerReader() {}

    /** Reads the optimizer; settings left out take their defaults. */
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

    private static AdamOptimizer adam(YamlMapping settings) throws SpecException {
        settings.allowOnly(ModelFileDefinitions.ADAM.names());
        AdamOptimizer defaults = AdamOptimizer.defaults();
        return new AdamOptimizer(
                settings.valueOr("learningRate", defaults.learningRate(), YamlValue::positiveNumber),
                settings.valueOr("beta1", defaults.beta1(), YamlValue::fraction),
                settings.valueOr("beta2", defaults.beta2(), YamlValue::fraction),
                settings.valueOr("epsilon", defaults.epsilon(), YamlValue::positiveNumber),
                settings.valueOr("weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber));
    }

    private static SgdOptimizer sgd(YamlMapping settings) throws SpecException {
        settings.allowOnly(ModelFileDefinitions.SGD.names());
        SgdOptimizer defaults = SgdOptimizer.defaults();
        return new SgdOptimizer(
                settings.valueOr("learningRate", defaults.learningRate(), YamlValue::positiveNumber),
                settings.valueOr("momentum", defaults.momentum(), YamlValue::fraction),
                settings.valueOr("weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber));
    }
}
