package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code data.augment} list of a model file, one {@link AugmentationSpec} per item. */
final class AugmentationReader {

    private static final String WRITE_AS = "'- horizontalFlip' or '- randomCrop: {padding: 4}'";
    private static final List<String> TYPES = ModelFileDefinitions.AUGMENTATIONS.stream()
            .map(ModelFileDefinitions.Named::name)
            .toList();

    private AugmentationReader() {}

    /**
     * Reads the items in order.
     *
     * @throws SpecException if an item is unknown or badly written
     */
    static List<AugmentationSpec> read(YamlValue augment) throws SpecException {
        List<Node> items = augment.list("a list like '- horizontalFlip' and '- randomCrop: {padding: 4}'");
        List<AugmentationSpec> specs = new ArrayList<>();
        for (Node item : items) {
            int number = specs.size() + 1;
            NamedEntry entry = NamedEntry.of(augment, item, "augmentation " + number, WRITE_AS);
            String owner = entry.name() + " (augmentation " + number + ")";
            specs.add(
                    switch (entry.name()) {
                        case RandomCropAugmentation.TYPE -> randomCrop(entry, owner);
                        case HorizontalFlipAugmentation.TYPE -> horizontalFlip(entry, owner);
                        case RotationAugmentation.TYPE -> rotation(entry, owner);
                        case ColorJitterAugmentation.TYPE -> colorJitter(entry, owner);
                        default ->
                            throw SpecException.at(
                                    entry.nameLocation(),
                                    "unknown augmentation '" + entry.name()
                                            + "' (augmentation " + number + ")"
                                            + Suggestions.unknownWordHint(entry.name(), TYPES, "augmentations"));
                    });
        }
        return specs;
    }

    private static AugmentationSpec randomCrop(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{padding: 4}");
        parameters.allowOnly(ModelFileDefinitions.RANDOM_CROP.names());
        return new RandomCropAugmentation(
                parameters.require("padding", "padding: 4").positiveInt(), entry.location());
    }

    private static AugmentationSpec horizontalFlip(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{probability: 0.5}");
        parameters.allowOnly(ModelFileDefinitions.HORIZONTAL_FLIP.names());
        double probability = parameters.valueOr("probability", 0.5, value -> {
            double p = value.positiveNumber();
            if (p > 1) {
                throw SpecException.at(
                        value.location(), value.field() + " must be above 0 and at most 1, but was " + p);
            }
            return p;
        });
        return new HorizontalFlipAugmentation(probability, entry.location());
    }

    private static AugmentationSpec rotation(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{degrees: 10}");
        parameters.allowOnly(ModelFileDefinitions.ROTATION.names());
        double degrees = parameters.require("degrees", "degrees: 10").positiveNumber();
        if (degrees > 45) {
            throw SpecException.at(
                    parameters.require("degrees", "").location(),
                    "'degrees' of " + owner + " must be at most 45 (a small rotation), but was " + degrees);
        }
        return new RotationAugmentation(degrees, entry.location());
    }

    private static AugmentationSpec colorJitter(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{brightness: 0.2, contrast: 0.2}");
        parameters.allowOnly(ModelFileDefinitions.COLOR_JITTER.names());
        double brightness = parameters.valueOr("brightness", 0.0, YamlValue::fraction);
        double contrast = parameters.valueOr("contrast", 0.0, YamlValue::fraction);
        if (brightness == 0 && contrast == 0) {
            throw SpecException.at(
                    entry.location(),
                    owner + " changes nothing; give 'brightness', 'contrast' or"
                            + " both, such as {brightness: 0.2, contrast: 0.2}");
        }
        return new ColorJitterAugmentation(brightness, contrast, entry.location());
    }
}
