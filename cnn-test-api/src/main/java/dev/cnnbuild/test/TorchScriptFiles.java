package dev.cnnbuild.test;

import dev.cnnbuild.core.evaluation.PixelScaling;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What {@link CnnModelExtension} does with a {@link TorchScriptFile}: checks its attributes, names the model it
 * describes (equal attributes, one model per JVM) and loads it through {@link TorchScriptModelBuilder}.
 *
 * <pre>{@code
 * String key = TorchScriptFiles.key(annotation, "parameter 0 of MnistTest.meetsTheBar");
 * CnnModel model = TorchScriptFiles.load(annotation);
 * }</pre>
 */
final class TorchScriptFiles {

    private TorchScriptFiles() {}

    /** Returns the store key of the model the annotation describes, after checking its attributes. */
    static String key(TorchScriptFile file, String where) {
        if (file.input().length != 3) {
            throw new ParameterResolutionException("@TorchScriptFile of " + where + ": input is channels, height and"
                    + " width, as in input = {1, 28, 28}, but " + file.input().length + " numbers were given");
        }
        if (file.testImages().isEmpty() != file.testLabels().isEmpty()) {
            throw new ParameterResolutionException("@TorchScriptFile of " + where + ": testImages and testLabels"
                    + " go together; give both IDX files of the test set, or neither");
        }
        return "torchscript:" + path(file.value()) + " input:" + Arrays.toString(file.input()) + " classes:"
                + file.classes() + " scaling:" + file.mean() + "/" + file.std() + " test:"
                + (file.testImages().isEmpty() ? "" : path(file.testImages()) + "," + path(file.testLabels()))
                + " name:" + file.name();
    }

    /** Loads the model the annotation describes. */
    static CnnModel load(TorchScriptFile file) {
        TorchScriptModelBuilder builder = CnnModel.torchScript(path(file.value()))
                .setInput(file.input()[0], file.input()[1], file.input()[2])
                .setClasses(file.classes())
                .optPixelScaling(PixelScaling.normalized(file.mean(), file.std()));
        if (!file.testImages().isEmpty()) {
            builder.optTestSet(TestSet.idx(path(file.testImages()), path(file.testLabels())));
        }
        if (!file.name().isEmpty()) {
            builder.optName(file.name());
        }
        return builder.load();
    }

    private static Path path(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }
}
