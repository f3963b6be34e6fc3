package dev.cnnbuild.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.runtime.Classification;
import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.TrainedModels;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On ONNX Runtime, a phone photo (a JPEG whose EXIF orientation says to turn its pixels) is classified upright, as training decoded
 * it, whether it comes as a file, bytes or a stream: the same probabilities as the upright image in memory.
 */
class OnnxPhonePhotoTest {
    @TempDir
    Path dir;

    @Test
    void aJpegWithAnExifOrientationIsClassifiedUprightFromAFileBytesAndAStream() throws Exception {
        ModelDirectory model = TrainedModels.colours(dir, "colours", 3, "stretch", "auto");
        TrainedModels.PhonePhoto photo = TrainedModels.writePhonePhoto(dir.resolve("phone.jpg"));
        try (Classifier classifier = OnnxClassifier.load(model.root())) {
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
