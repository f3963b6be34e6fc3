package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.spec.AugmentationSpec;
import dev.cnnbuild.core.spec.ColorJitterAugmentation;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.RandomCropAugmentation;
import dev.cnnbuild.core.spec.RotationAugmentation;
import dev.cnnbuild.core.spec.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

        byte[] first = augmented(augmenter, batch, 1, 0);

        assertThat(augmented(augmenter, batch, 1, 0)).isEqualTo(first);
        assertThat(augmented(augmenter, batch, 1, 1)).isNotEqualTo(first);
        assertThat(augmented(augmenter, batch, 2, 0)).isNotEqualTo(first);
        assertThat(augmented(new Augmenter(List.of(new RandomCropAugmentation(2, HERE)), 43), batch, 1, 0))
                .isNotEqualTo(augmented(new Augmenter(List.of(new RandomCropAugmentation(2, HERE)), 42), batch, 1, 0));
    }

    @Test
    void theBatchIsAugmentedInItsOwnArray() {
        ImageSet batch = gradient(4, 3, 6, 6);
        byte[] array = batch.pixels();
        Augmenter rotation = new Augmenter(List.of(new RotationAugmentation(20, HERE)), 8);
        byte[] expected = augmented(rotation, gradient(4, 3, 6, 6), 1, 0);

        rotation.augment(batch, 1, 0);

        assertThat(batch.pixels())
                .isSameAs(array)
                .isEqualTo(expected)
                .isNotEqualTo(gradient(4, 3, 6, 6).pixels());
    }

    @Test
    void aCertainFlipMirrorsEveryRowOfEveryChannel() {
        ImageSet image = new ImageSet(1, 2, 1, 3, new byte[] {1, 2, 3, 4, 5, 6});

        new Augmenter(List.of(new HorizontalFlipAugmentation(1, HERE)), 1).augment(image, 1, 0);

        assertThat(image.pixels()).containsExactly(3, 2, 1, 6, 5, 4);
    }

    @Test
    void aRandomCropMovesTheContentByAtMostThePadding() {
        byte[] pixels = new byte[25];
        pixels[12] = (byte) 200;
        ImageSet dot = new ImageSet(1, 1, 5, 5, pixels);
        Augmenter crop = new Augmenter(List.of(new RandomCropAugmentation(1, HERE)), 3);

        for (int batch = 0; batch < 20; batch++) {
            byte[] moved = augmented(crop, dot, 1, batch);
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
        new Augmenter(List.of(new RotationAugmentation(30, HERE)), 5).augment(centre, 1, 0);
        assertThat(centre.pixel(0, 1, 1)).isEqualTo(100);

        byte[] flat = new byte[12];
        java.util.Arrays.fill(flat, (byte) 100);
        ImageSet grey = new ImageSet(1, 3, 2, 2, flat);
        assertThat(augmented(new Augmenter(List.of(new ColorJitterAugmentation(0, 0.5, HERE)), 5), grey, 1, 0))
                .as("contrast alone leaves a flat image as it is")
                .isEqualTo(flat);
    }

    @Test
    void cropsAndFlipsMoveTheBytesAsTheFormulaOnDoublesMovesThemForOddSizes() {
        Random bytes = new Random(11);
        List<List<AugmentationSpec>> chains = List.of(
                List.of(new HorizontalFlipAugmentation(0.5, HERE)),
                List.of(new RandomCropAugmentation(3, HERE)),
                List.of(new RandomCropAugmentation(4, HERE), new HorizontalFlipAugmentation(0.5, HERE)),
                List.of(
                        new HorizontalFlipAugmentation(0.3, HERE),
                        new RandomCropAugmentation(1, HERE),
                        new HorizontalFlipAugmentation(1, HERE)));
        for (List<AugmentationSpec> chain : chains) {
            for (int[] size :
                    new int[][] {{1, 7, 5}, {3, 5, 9}, {3, 1, 1}, {1, 2, 3}, {3, 3, 37}, {1, 2, 16}, {1, 2, 24}}) {
                byte[] pixels = new byte[6 * size[0] * size[1] * size[2]];
                bytes.nextBytes(pixels);
                ImageSet batch = new ImageSet(6, size[0], size[1], size[2], pixels);

                for (int index = 0; index < 3; index++) {
                    assertThat(augmented(new Augmenter(chain, 9), batch, 2, index))
                            .as("%s on %s, batch %d", chain, Arrays.toString(size), index)
                            .isEqualTo(onDoubles(chain, batch, EpochSeeds.augmentation(9, 2, index)));
                }
            }
        }
    }

    /** Returns a copy of the batch's bytes augmented, the batch left as it is. */
    private static byte[] augmented(Augmenter augmenter, ImageSet batch, int epoch, int index) {
        ImageSet copy = new ImageSet(
                batch.count(),
                batch.channels(),
                batch.height(),
                batch.width(),
                batch.pixels().clone());
        augmenter.augment(copy, epoch, index);
        return copy.pixels();
    }

    /** Crops and flips as the straightforward formula: each value read as a double, moved, rounded back. */
    private static byte[] onDoubles(List<AugmentationSpec> chain, ImageSet batch, long seed) {
        Random random = new Random(seed);
        int channels = batch.channels();
        int height = batch.height();
        int width = batch.width();
        byte[] out = new byte[batch.pixels().length];
        for (int i = 0; i < batch.count(); i++) {
            double[] values = new double[batch.imageSize()];
            for (int v = 0; v < values.length; v++) {
                values[v] = batch.pixels()[i * batch.imageSize() + v] & 0xFF;
            }
            for (AugmentationSpec step : chain) {
                double[] moved = new double[values.length];
                if (step instanceof RandomCropAugmentation crop) {
                    int dx = random.nextInt(2 * crop.padding() + 1) - crop.padding();
                    int dy = random.nextInt(2 * crop.padding() + 1) - crop.padding();
                    for (int c = 0; c < channels; c++) {
                        for (int y = 0; y < height; y++) {
                            for (int x = 0; x < width; x++) {
                                boolean inside = y + dy >= 0 && y + dy < height && x + dx >= 0 && x + dx < width;
                                moved[(c * height + y) * width + x] =
                                        inside ? values[(c * height + y + dy) * width + x + dx] : 0;
                            }
                        }
                    }
                } else if (step instanceof HorizontalFlipAugmentation flip) {
                    boolean flipped = random.nextDouble() < flip.probability();
                    for (int v = 0; v < values.length; v++) {
                        int x = v % width;
                        moved[v] = values[flipped ? v - x + width - 1 - x : v];
                    }
                }
                values = moved;
            }
            for (int v = 0; v < values.length; v++) {
                out[i * batch.imageSize() + v] = (byte) Math.max(0, Math.min(255, Math.round(values[v])));
            }
        }
        return out;
    }

    private static ImageSet gradient(int count, int channels, int height, int width) {
        byte[] pixels = new byte[count * channels * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 % 256);
        }
        return new ImageSet(count, channels, height, width, pixels);
    }
}
