package dev.cnnbuild.core.spec;

import java.util.List;

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
        int epochs =
                errors.attempt(() -> training.require("epochs", "epochs: 10").positiveInt(), 1);
        int batchSize = errors.attempt(() -> training.valueOr("batchSize", 32, YamlValue::positiveInt), 32);
        OptimizerSpec optimizer = errors.attempt(
                () -> training.valueOr("optimizer", AdamOptimizer.defaults(), OptimizerReader::read),
                AdamOptimizer.defaults());
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
        if (errors.count() > before) {
            return null;
        }
        return new TrainingSpec(
                epochs, batchSize, optimizer, loss, seed, device, validationSplit, earlyStopping, testPass);
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
