package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import org.junit.jupiter.api.Test;

/** A test or validation pass takes 1000 small images at a time, but only as many large ones as fit 64 MB of floats. */
class EvaluationBatchTest {

    @Test
    void smallImagesGoInBatchesOf1000AndLargeOnesInBatchesOf64MegabytesOfFloats() {
        assertThat(EpochLoop.evaluationBatch(store(1, 28, 28))).isEqualTo(1000);
        assertThat(EpochLoop.evaluationBatch(store(3, 32, 32))).isEqualTo(1000);
        assertThat(EpochLoop.evaluationBatch(store(3, 224, 224))).isEqualTo(111);
        assertThat(EpochLoop.evaluationBatch(store(3, 4096, 4096))).isEqualTo(1);
    }

    private static HeapImageStore store(int channels, int height, int width) {
        return new HeapImageStore(new LabeledImages(
                new ImageSet(1, channels, height, width, new byte[channels * height * width]), new int[1]));
    }
}
