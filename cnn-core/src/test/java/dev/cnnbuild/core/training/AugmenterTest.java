package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.spec.ColorJitterAugmentation;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.RandomCropAugmentation;
import dev.cnnbuild.core.spec.RotationAugmentation;
import dev.cnnbuild.core.spec.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each augmentation on small colour images, and the seeding that makes batches repeat. */
class AugmenterTest {
    private static final SourceLocation HERE = new SourceLocation(Path.of("m.yaml"), 1, 1);

    @Test
    void theSameSeedEpochAndBatchGiveTheSameBatchAndOthersDiffer() {
        Augmenter augmenter = new Augmenter(
                List.of(
                        new RandomCropAugmentation(2, HERE),
                        new HorizontalFlipAugmentation(0.5, HERE),
                        new RotationAugmentation(10, HERE),
                        new ColorJitterAugmentation(0.3, 0.3, HERE)),
                42);
        ImageSet batch = gradient(8, 3, 6, 6);

        byte[] first = augmenter.apply(batch, 1, 0).pixels();

        assertThat(augmenter.apply(batch, 1, 0).pixels()).isEqualTo(first);
        assertThat(augmenter.apply(batch, 1, 1).pixels()).isNotEqualTo(first);
        assertThat(augmenter.apply(batch, 2, 0).pixels()).isNotEqualTo(first);
        assertThat(new Augmenter(List.of(new RandomCropAugmentation(2, HERE)), 43)
                        .apply(batch, 1, 0)
                        .pixels())
                .isNotEqualTo(new Augmenter(List.of(new RandomCropAugmentation(2, HERE)), 42)
                        .apply(batch, 1, 0)
                        .pixels());
        assertThat(batch.pixels())
                .as("the input is left alone")
                .isEqualTo(gradient(8, 3, 6, 6).pixels());
    }

    @Test
    void aCertainFlipMirrorsEveryRowOfEveryChannel() {
        ImageSet image = new ImageSet(1, 2, 1, 3, new byte[] {1, 2, 3, 4, 5, 6});

        ImageSet flipped = new Augmenter(List.of(new HorizontalFlipAugmentation(1, HERE)), 1).apply(image, 1, 0);

        assertThat(flipped.pixels()).containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void aRandomCropMovesTheContentByAtMostThePadding() {
        byte[] pixels = new byte[25];
        pixels[12] = (byte) 200;
        ImageSet dot = new ImageSet(1, 1, 5, 5, pixels);
        Augmenter crop = new Augmenter(List.of(new RandomCropAugmentation(1, HERE)), 3);

        for (int batch = 0; batch < 20; batch++) {
            byte[] moved = crop.apply(dot, 1, batch).pixels();
            int at = -1;
            for (int i = 0; i < moved.length; i++) {
                if (moved[i] != 0) {
                    at = i;
                }
            }
            assertThat(moved[at] & 0xFF).isEqualTo(200);
            assertThat(Math.abs(at / 5 - 2)).isLessThanOrEqualTo(1);
            assertThat(Math.abs(at % 5 - 2)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aRotationKeepsTheCentreAndAJitterKeepsFlatGreyFlat() {
        byte[] pixels = new byte[9];
        pixels[4] = (byte) 100;
        ImageSet centre = new ImageSet(1, 1, 3, 3, pixels);
        assertThat(new Augmenter(List.of(new RotationAugmentation(30, HERE)), 5)
                        .apply(centre, 1, 0)
                        .pixel(0, 1, 1))
                .isEqualTo(100);

        byte[] flat = new byte[12];
        java.util.Arrays.fill(flat, (byte) 100);
        ImageSet grey = new ImageSet(1, 3, 2, 2, flat);
        ImageSet jittered = new Augmenter(List.of(new ColorJitterAugmentation(0, 0.5, HERE)), 5).apply(grey, 1, 0);
        assertThat(jittered.pixels())
                .as("contrast alone leaves a flat image as it is")
                .isEqualTo(flat);
    }

    private static ImageSet gradient(int count, int channels, int height, int width) {
        byte[] pixels = new byte[count * channels * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 % 256);
        }
        return new ImageSet(count, channels, height, width, pixels);
    }
}
