package dev.cnnbuild.core.spec;

import java.util.Arrays;
import java.util.List;

/** Reads the {@code training} section of a model file; only {@code epochs} is required. */
final class TrainingReader {

    private static final List<String> DEVICES = Arrays.stream(DeviceChoice.values())
            .map(DeviceChoice::yamlName).toList();

    private TrainingReader() {
    }

    /** Reads the settings, using the defaults documented on {@link TrainingSpec} for those left out. */
    static TrainingSpec read(YamlMapping training) throws SpecException {
        training.allowOnly(List.of("epochs", "batchSize", "optimizer", "loss", "seed", "device", "validationSplit",
                "earlyStopping"));
        double validationSplit = training.valueOr("validationSplit", 0.0, YamlValue::fraction);
        return new TrainingSpec(
                training.require("epochs", "epochs: 10").positiveInt(),
                training.valueOr("batchSize", 32, YamlValue::positiveInt),
                training.valueOr("optimizer", AdamOptimizer.defaults(), OptimizerReader::read),
                training.valueOr("loss", "softmaxCrossEntropy", value -> value.choice(List.of("softmaxCrossEntropy"))),
                training.valueOr("seed", 42L, YamlValue::nonNegativeLong),
                training.valueOr("device", DeviceChoice.AUTO, value -> DeviceChoice.parse(value.choice(DEVICES))),
                validationSplit,
                training.valueOr("earlyStopping", null, value -> EarlyStoppingReader.read(value, validationSplit)));
    }
}
