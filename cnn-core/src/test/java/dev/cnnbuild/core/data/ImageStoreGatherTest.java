package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch gathered into the caller's array holds what a batch in an array of its own holds, every byte overwritten. */
class ImageStoreGatherTest {
    private static final int COUNT = 9;

    private final ImageStore store = new SubsetImageStore(
            new HeapImageStore(randomImages()),
            IntStream.range(0, COUNT).map(i -> COUNT - 1 - i).toArray());

    @Test
    void aBatchGatheredIntoAReusedArrayEqualsAFreshOneAndIsThatArray() throws Exception {
        byte[] reused = new byte[3 * store.imageSize()];
        java.util.Arrays.fill(reused, (byte) 0x5A);
        for (int[] indices : new int[][] {{4, 0, 8}, {2, 2, 7}, {8, 7, 6}}) {
            ImageSet batch = store.gather(indices, reused);

            assertThat(batch.pixels())
                    .isSameAs(reused)
                    .isEqualTo(store.gather(indices).pixels());
            assertThat(batch.count()).isEqualTo(3);
            assertThat(batch.channels()).isEqualTo(3);
        }
    }

    @Test
    void anArrayOfAnotherLengthIsRefusedBeforeAnythingIsRead() {
        byte[] tooShort = new byte[2 * store.imageSize()];

        assertThatThrownBy(() -> store.gather(new int[] {0, 1, 2}, tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 images of 48 bytes do not fill 96 bytes");
        assertThat(tooShort).containsOnly(0);
    }

    private static LabeledImages randomImages() {
        byte[] pixels = new byte[COUNT * 3 * 4 * 4];
        new Random(5).nextBytes(pixels);
        return new LabeledImages(new ImageSet(COUNT, 3, 4, 4, pixels), new int[COUNT]);
    }
}
