package dev.cnnbuild.core.spec;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads the {@code training} section of a model file; only {@code epochs} is required. */
final class TrainingReader {

    private static final List<String> DEVICES = List.of("auto", "cpu", "gpu", "gpu:0");

    private TrainingReader() {}

    /**
     * Reads the settings, using the defaults documented on {@link TrainingSpec} for those left out; each wrong setting
     * is recorded in the model file's {@link SpecErrors} and the next one is read.
     *
     * @return the settings, or {@code null} when one is wrong
     */
    static TrainingSpec read(YamlMapping training) throws SpecException {
        training.allowOnly(ModelFileDefinitions.TRAINING);
        SpecErrors errors = training.errors();
        int before = errors.count();
        int beforeEpochs = errors.count();
        int epochs =
                errors.attempt(() -> training.require("epochs", "epochs: 10").positiveInt(), 1);
        boolean epochsKnown = errors.count() == beforeEpochs;
        int batchSize = errors.attempt(() -> training.valueOr("batchSize", 32, YamlValue::positiveInt), 32);
        int beforeOptimizer = errors.count();
        OptimizerSpec optimizer = errors.attempt(
                () -> training.valueOr("optimizer", AdamOptimizer.defaults(), OptimizerReader::read),
                AdamOptimizer.defaults());
        OptimizerSpec validOptimizer = errors.count() == beforeOptimizer ? optimizer : null;
        String loss = errors.attempt(
                () -> training.valueOr(
                        "loss", "softmaxCrossEntropy", value -> value.choice(List.of("softmaxCrossEntropy"))),
                "softmaxCrossEntropy");
        long seed = errors.attempt(() -> training.valueOr("seed", 42L, YamlValue::nonNegativeLong), 42L);
        DeviceChoice device = errors.attempt(() -> device(training), DeviceChoice.AUTO);
        int beforeSplit = errors.count();
        double validationSplit =
                errors.attempt(() -> training.valueOr("validationSplit", 0.0, YamlValue::fraction), 0.0);
        // early stopping is checked against the split, so it is read only when the split is valid
        EarlyStoppingSpec earlyStopping = errors.count() > beforeSplit
                ? null
                : errors.attempt(
                        () -> training.valueOr(
                                "earlyStopping", null, value -> EarlyStoppingReader.read(value, validationSplit)),
                        null);
        TestPass testPass = errors.attempt(
                () -> training.valueOr(
                        "testPass", TestPass.END, value -> value.choice(TestPass.values(), TestPass::yamlName)),
                TestPass.END);
        // a schedule is checked against the epochs, so it is read only when they are valid
        ScheduleSpec schedule = epochsKnown
                ? errors.attempt(
                        () -> training.valueOr(
                                "schedule", null, value -> ScheduleReader.read(value, epochs, validOptimizer)),
                        null)
                : null;
        double labelSmoothing = errors.attempt(() -> training.valueOr("labelSmoothing", 0.0, YamlValue::fraction), 0.0);
        ClassWeightsSpec classWeights =
                errors.attempt(() -> training.valueOr("classWeights", null, TrainingReader::classWeights), null);
        GradientClippingSpec clipping = errors.attempt(
                () -> training.valueOr("gradientClipping", null, value -> gradientClipping(value, device)), null);
        if (errors.count() > before) {
            return null;
        }
        return new TrainingSpec(
                epochs,
                batchSize,
                optimizer,
                loss,
                seed,
                device,
                validationSplit,
                earlyStopping,
                testPass,
                schedule,
                labelSmoothing,
                classWeights,
                clipping);
    }

    /** {@code balanced}, or a mapping from class names to weights above 0. */
    private static ClassWeightsSpec classWeights(YamlValue value) throws SpecException {
        if (!(value.node() instanceof MappingNode mapping)) {
            String word = value.choice(List.of(ClassWeightsSpec.BALANCED));
            return new ClassWeightsSpec(word.equals(ClassWeightsSpec.BALANCED), List.of());
        }
        if (mapping.getValue().isEmpty()) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " names no class; write 'balanced' or weights by class name, such as"
                            + " {cat: 2.0, dog: 1.0}");
        }
        SpecErrors errors = value.errors();
        int before = errors.count();
        List<ClassWeightsSpec.ClassWeight> weights = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            YamlValue name = value.sibling(entry.getKeyNode(), "classWeights", "training");
            String className = errors.attempt(name::text, null);
            if (className == null) {
                continue;
            }
            if (seen.contains(className)) {
                errors.add(SpecException.at(
                        name.location(),
                        "class '" + className + "' is weighed twice in 'classWeights' of training; keep one weight"));
                continue;
            }
            seen.add(className);
            YamlValue weight = value.sibling(entry.getValueNode(), className, "training.classWeights");
            Double number = errors.attempt(weight::positiveNumber, null);
            if (number != null) {
                weights.add(new ClassWeightsSpec.ClassWeight(className, number, name.location()));
            }
        }
        return errors.count() > before ? null : new ClassWeightsSpec(false, weights);
    }

    private static GradientClippingSpec gradientClipping(YamlValue value, DeviceChoice device) throws SpecException {
        if (device.devices() != 1) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " clips the gradients on one device, but 'devices' is " + device.devicesName()
                            + ", which trains data-parallel; remove 'devices' or 'gradientClipping'");
        }
        YamlMapping settings = value.mapping("{norm: 1.0}");
        settings.allowOnly(ModelFileDefinitions.GRADIENT_CLIPPING);
        return new GradientClippingSpec(settings.require("norm", "norm: 1.0").positiveNumber());
    }

    private static DeviceChoice device(YamlMapping training) throws SpecException {
        DeviceChoice device = training.valueOr("device", DeviceChoice.AUTO, value -> {
            try {
                return DeviceChoice.parse(value.text());
            } catch (IllegalArgumentException e) {
                return DeviceChoice.parse(value.choice(DEVICES));
            }
        });
        return training.valueOr("devices", device, value -> {
            int count;
            try {
                count = DeviceChoice.parseDevices(value.text());
            } catch (IllegalArgumentException e) {
                throw SpecException.at(
                        value.location(),
                        value.field() + " must be 'all' or a number of GPUs such as" + " 2, but was '" + value.text()
                                + "'");
            }
            try {
                return device.withDevices(count);
            } catch (IllegalArgumentException e) {
                throw SpecException.at(value.location(), e.getMessage());
            }
        });
    }
}
