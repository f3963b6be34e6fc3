package dev.cnnbuild.core.spec;

import java.util.List;

/** Reads the {@code training} section of a model file; only {@code epochs} is required. */
final class TrainingReader {

    private static final List<String> DEVICES = List.of("auto", "cpu", "gpu", "gpu:0");

    private TrainingReader() {}

    /** Reads the settings, using the defaults documented on {@link TrainingSpec} for those left out. */
    static TrainingSpec read(YamlMapping training) throws SpecException {
        training.allowOnly(ModelFileDefinitions.TRAINING.names());
        double validationSplit = training.valueOr("validationSplit", 0.0, YamlValue::fraction);
        return new TrainingSpec(
                training.require("epochs", "epochs: 10").positiveInt(),
                training.valueOr("batchSize", 32, YamlValue::positiveInt),
                training.valueOr("optimizer", AdamOptimizer.defaults(), OptimizerReader::read),
                training.valueOr("loss", "softmaxCrossEntropy", value -> value.choice(List.of("softmaxCrossEntropy"))),
                training.valueOr("seed", 42L, YamlValue::nonNegativeLong),
                device(training),
                validationSplit,
                training.valueOr("earlyStopping", null, value -> EarlyStoppingReader.read(value, validationSplit)),
                training.valueOr(
                        "testPass", TestPass.END, value -> value.choice(TestPass.values(), TestPass::yamlName)));
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
