package dev.cnnbuild.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone photo (a JPEG whose EXIF orientation says to turn its pixels) is classified upright, as training decoded
 * it, whether it comes as a file, bytes or a stream: the same probabilities as the upright image in memory. The ONNX
 * runtime's test extends it with its own {@link #load}, through this module's test jar.
 */
public class PhonePhotoTest {
    @TempDir
    Path dir;

    /**
     * Loads a model directory with the runtime under test.
     *
     * @param directory the model directory
     * @return its classifier
     */
    protected Classifier load(Path directory) {
        return CnnClassifier.load(directory);
    }

    @Test
    void aJpegWithAnExifOrientationIsClassifiedUprightFromAFileBytesAndAStream() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "colours", 3, "stretch", "auto");
        TrainedModels.PhonePhoto photo = TrainedModels.writePhonePhoto(dir.resolve("phone.jpg"));
        try (Classifier classifier = load(model.root())) {
            Classification upright = classifier.classify(photo.upright());
            assertThat(classifier.classify(photo.stored()))
                    .as("the network tells the sideways pixels from the upright ones")
                    .isNotEqualTo(upright);

            assertThat(classifier.classify(photo.file())).isEqualTo(upright);
            assertThat(classifier.classify(Files.readAllBytes(photo.file()))).isEqualTo(upright);
            try (InputStream in = Files.newInputStream(photo.file())) {
                assertThat(classifier.classify(in)).isEqualTo(upright);
            }
        }
    }
}
