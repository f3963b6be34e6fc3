package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code training.optimizer}: a name, or a mapping from one name to its settings. */
final class OptimizerReader {

    private static final List<String> NAMES = List.of(AdamOptimizer.TYPE, AdamWOptimizer.TYPE, SgdOptimizer.TYPE);

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
            case AdamWOptimizer.TYPE:
                return adamw(entry.parameters(owner, "{learningRate: 0.001, weightDecay: 0.01}"));
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
        boolean nesterov = errors.attempt(() -> settings.valueOr("nesterov", false, YamlValue::bool), false);
        double weightDecay = setting(settings, "weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber);
        if (nesterov && momentum == 0 && errors.count() == before) {
            YamlValue written = errors.attempt(() -> settings.require("nesterov", "nesterov: true"), null);
            errors.add(SpecException.at(
                    written.location(),
                    written.field() + " needs a momentum above 0, as PyTorch's SGD does; add e.g. 'momentum: 0.9'"
                            + " or remove 'nesterov'"));
        }
        return errors.count() > before ? null : new SgdOptimizer(learningRate, momentum, nesterov, weightDecay);
    }

    private static AdamWOptimizer adamw(YamlMapping settings) {
        settings.allowOnly(ModelFileDefinitions.ADAMW);
        AdamWOptimizer defaults = AdamWOptimizer.defaults();
        SpecErrors errors = settings.errors();
        int before = errors.count();
        double learningRate = setting(settings, "learningRate", defaults.learningRate(), YamlValue::positiveNumber);
        double weightDecay = setting(settings, "weightDecay", defaults.weightDecay(), YamlValue::nonNegativeNumber);
        double[] defaultBetas = {defaults.beta1(), defaults.beta2()};
        double[] betas = errors.attempt(() -> settings.valueOr("betas", defaultBetas, OptimizerReader::betas), null);
        double epsilon = setting(settings, "epsilon", defaults.epsilon(), YamlValue::positiveNumber);
        return errors.count() > before
                ? null
                : new AdamWOptimizer(learningRate, betas[0], betas[1], epsilon, weightDecay);
    }

    /** Two decays, each at least 0 and below 1, as PyTorch's {@code betas=(0.9, 0.999)}. */
    private static double[] betas(YamlValue value) throws SpecException {
        List<Node> items = value.list("a list of two decays such as [0.9, 0.999]");
        if (items.size() != 2) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " must list two decays, of the first and the second moment, such as [0.9, 0.999],"
                            + " but lists " + items.size());
        }
        SpecErrors errors = value.errors();
        int before = errors.count();
        double[] betas = new double[2];
        for (int i = 0; i < 2; i++) {
            YamlValue item =
                    value.sibling(items.get(i), "betas", value.nestedOwner().replace(".betas", ""));
            betas[i] = errors.attempt(item::fraction, 0.0);
        }
        return errors.count() > before ? null : betas;
    }

    /** One setting, its error recorded so that the next setting is read too. */
    private static double setting(
            YamlMapping settings, String key, double defaultValue, YamlMapping.Conversion<Double> conversion) {
        return settings.errors().attempt(() -> settings.valueOr(key, defaultValue, conversion), defaultValue);
    }
}
