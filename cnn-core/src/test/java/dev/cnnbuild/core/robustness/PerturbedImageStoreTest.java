package dev.cnnbuild.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Perturbing a store batch by batch gives, to the byte, what perturbing the set whole gives, and only in order. */
class PerturbedImageStoreTest {
    private static final int COUNT = 10;

    private static HeapImageStore images() {
        byte[] pixels = new byte[COUNT * 2 * 5 * 4];
        new Random(7).nextBytes(pixels);
        return new HeapImageStore(new LabeledImages(
                new ImageSet(COUNT, 2, 5, 4, pixels),
                IntStream.range(0, COUNT).map(i -> i % 3).toArray()));
    }

    @Test
    void batchAfterBatchGivesWhatTheWholeSetGives() throws Exception {
        HeapImageStore store = images();
        ImageSet whole = store.gather(IntStream.range(0, COUNT).toArray());
        for (ImagePerturbation perturbation : List.of(
                GaussianNoise.of(0.2), new GaussianNoise(0.05, 3), new PixelShift(1, -2), new PixelShift(-1, 0))) {
            PerturbedImageStore perturbed = new PerturbedImageStore(store, perturbation);
            ByteArrayOutputStream batches = new ByteArrayOutputStream();
            byte[] reused = new byte[3 * store.imageSize()];
            for (int start = 0; start < COUNT; start += 3) {
                int[] indices =
                        IntStream.range(start, Math.min(start + 3, COUNT)).toArray();
                if (indices.length == 3) {
                    assertThat(perturbed.gather(indices, reused).pixels())
                            .as("the caller's array holds the perturbed batch")
                            .isSameAs(reused);
                    batches.write(reused);
                } else {
                    batches.write(perturbed.gather(indices).pixels());
                }
            }

            assertThat(batches.toByteArray())
                    .as(perturbation.describe())
                    .isEqualTo(perturbation.apply(whole).pixels())
                    .isNotEqualTo(whole.pixels());
            assertThat(perturbed.labels()).containsExactly(store.labels());
        }
    }

    @Test
    void imagesReadOutOfOrderOrTwiceAreRefused() throws Exception {
        PerturbedImageStore perturbed = new PerturbedImageStore(images(), GaussianNoise.of(0.1));
        perturbed.gather(new int[] {0, 1});

        assertThatThrownBy(() -> perturbed.gather(new int[] {3}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("perturbed images are read once, in order: image 2 comes next, not 3");
        assertThatThrownBy(() -> perturbed.gather(new int[] {0}))
                .hasMessage("perturbed images are read once, in order: image 2 comes next, not 0");
    }
}
