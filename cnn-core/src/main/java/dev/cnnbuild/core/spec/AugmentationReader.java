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
     * Reads the items in order; an item that is unknown or badly written is recorded in the model file's
     * {@link SpecErrors} and the next item is read, so every wrong item and every wrong parameter is reported.
     *
     * @return the augmentations, or {@code null} when one is wrong
     * @throws SpecException if the value is not a list
     */
    static List<AugmentationSpec> read(YamlValue augment) throws SpecException {
        List<Node> items = augment.list("a list like '- horizontalFlip' and '- randomCrop: {padding: 4}'");
        SpecErrors errors = augment.errors();
        int before = errors.count();
        List<AugmentationSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            int number = i + 1;
            errors.attempt(() -> specs.add(augmentation(augment, item, number)), false);
        }
        return errors.count() > before ? null : specs;
    }

    private static AugmentationSpec augmentation(YamlValue augment, Node item, int number) throws SpecException {
        NamedEntry entry = NamedEntry.of(augment, item, "augmentation " + number, WRITE_AS);
        String owner = entry.name() + " (augmentation " + number + ")";
        return switch (entry.name()) {
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
        };
    }

    private static AugmentationSpec randomCrop(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{padding: 4}");
        parameters.allowOnly(ModelFileDefinitions.RANDOM_CROP);
        return new RandomCropAugmentation(
                parameters.require("padding", "padding: 4").positiveInt(), entry.location());
    }

    private static AugmentationSpec horizontalFlip(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{probability: 0.5}");
        parameters.allowOnly(ModelFileDefinitions.HORIZONTAL_FLIP);
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
        parameters.allowOnly(ModelFileDefinitions.ROTATION);
        YamlValue value = parameters.require("degrees", "degrees: 10");
        double degrees = value.positiveNumber();
        if (degrees > 45) {
            throw SpecException.at(
                    value.location(),
                    "'degrees' of " + owner + " must be at most 45 (a small rotation), but was " + degrees);
        }
        return new RotationAugmentation(degrees, entry.location());
    }

    /** Brightness and contrast are read each on its own; that one must change something needs both valid. */
    private static AugmentationSpec colorJitter(NamedEntry entry, String owner) throws SpecException {
        YamlMapping parameters = entry.parameters(owner, "{brightness: 0.2, contrast: 0.2}");
        parameters.allowOnly(ModelFileDefinitions.COLOR_JITTER);
        SpecErrors errors = parameters.errors();
        int before = errors.count();
        double brightness = errors.attempt(() -> parameters.valueOr("brightness", 0.0, YamlValue::fraction), 0.0);
        double contrast = errors.attempt(() -> parameters.valueOr("contrast", 0.0, YamlValue::fraction), 0.0);
        if (errors.count() > before) {
            return null;
        }
        if (brightness == 0 && contrast == 0) {
            throw SpecException.at(
                    entry.location(),
                    owner + " changes nothing; give 'brightness', 'contrast' or"
                            + " both, such as {brightness: 0.2, contrast: 0.2}");
        }
        return new ColorJitterAugmentation(brightness, contrast, entry.location());
    }
}
