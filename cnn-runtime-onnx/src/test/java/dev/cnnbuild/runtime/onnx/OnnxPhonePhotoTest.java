package dev.cnnbuild.runtime.onnx;

import dev.cnnbuild.runtime.Classifier;
import dev.cnnbuild.runtime.PhonePhotoTest;
import java.nio.file.Path;

/**
 * On ONNX Runtime, a phone photo (a JPEG whose EXIF orientation says to turn its pixels) is classified upright, as
 * training decoded it, whether it comes as a file, bytes or a stream: {@link PhonePhotoTest}'s case on this runtime.
 */
class OnnxPhonePhotoTest extends PhonePhotoTest {

    @Override
    protected Classifier load(Path directory) {
        return OnnxClassifier.load(directory);
    }
}
