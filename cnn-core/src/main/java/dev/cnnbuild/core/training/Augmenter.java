package dev.cnnbuild.core.training;

import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.spec.AugmentationSpec;
import dev.cnnbuild.core.spec.ColorJitterAugmentation;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.RandomCropAugmentation;
import dev.cnnbuild.core.spec.RotationAugmentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Applies {@code data.augment} to a training batch of bytes, in place (the batch's array is the training's own,
 * reused batch after batch): crops and flips alone move the bytes, and a rotation or a colour jitter works on doubles
 * that are rounded back. Each batch draws from its own {@link Random}, seeded by
 * the training seed, the epoch and the batch's index, so a run repeats exactly and a run resumed at an epoch's start
 * augments as the uninterrupted one did.
 *
 * <pre>{@code
 * Augmenter augmenter = new Augmenter(spec.data().options().augment(), spec.training().seed());
 * augmenter.augment(batch, epoch, batchIndex); // batch.pixels() now holds the augmented images
 * }</pre>
 */
final class Augmenter {
    private final List<AugmentationSpec> steps;
    private final long seed;
    private final boolean movesWholePixels;

    Augmenter(List<AugmentationSpec> steps, long seed) {
        this.steps = List.copyOf(steps);
        this.seed = seed;
        this.movesWholePixels = steps.stream()
                .allMatch(step -> step instanceof RandomCropAugmentation || step instanceof HorizontalFlipAugmentation);
    }

    /** Augments the batch's images in its own array; leaves them as they are when there is nothing to apply. */
    void augment(ImageSet batch, int epoch, int batchIndex) {
        if (steps.isEmpty()) {
            return;
        }
        Random random = new Random(EpochSeeds.augmentation(seed, epoch, batchIndex));
        byte[] pixels = batch.pixels();
        if (movesWholePixels) {
            Pixels image = new Pixels(batch.channels(), batch.height(), batch.width());
            for (int i = 0; i < batch.count(); i++) {
                for (AugmentationSpec step : steps) {
                    move(step, image, pixels, i * batch.imageSize(), random);
                }
            }
        } else {
            Image image = new Image(batch.channels(), batch.height(), batch.width());
            for (int i = 0; i < batch.count(); i++) {
                image.load(pixels, i * batch.imageSize());
                for (AugmentationSpec step : steps) {
                    apply(step, image, random);
                }
                image.store(pixels, i * batch.imageSize());
            }
        }
    }

    /** Applies a crop or a flip to the image at {@code offset}, drawing from {@code random} as the double path does. */
    private static void move(AugmentationSpec step, Pixels image, byte[] pixels, int offset, Random random) {
        if (step instanceof RandomCropAugmentation crop) {
            int dx = random.nextInt(2 * crop.padding() + 1) - crop.padding();
            int dy = random.nextInt(2 * crop.padding() + 1) - crop.padding();
            image.shift(pixels, offset, dx, dy);
        } else if (step instanceof HorizontalFlipAugmentation flip) {
            if (random.nextDouble() < flip.probability()) {
                image.flip(pixels, offset);
            }
        } else {
            throw new IllegalArgumentException("not a step that moves whole pixels: " + step);
        }
    }

    private static void apply(AugmentationSpec step, Image image, Random random) {
        if (step instanceof RandomCropAugmentation crop) {
            int dx = random.nextInt(2 * crop.padding() + 1) - crop.padding();
            int dy = random.nextInt(2 * crop.padding() + 1) - crop.padding();
            image.shift(dx, dy);
        } else if (step instanceof HorizontalFlipAugmentation flip) {
            if (random.nextDouble() < flip.probability()) {
                image.flip();
            }
        } else if (step instanceof RotationAugmentation rotation) {
            image.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * rotation.degrees()));
        } else if (step instanceof ColorJitterAugmentation jitter) {
            double brightness = 1 + (random.nextDouble() * 2 - 1) * jitter.brightness();
            double contrast = 1 + (random.nextDouble() * 2 - 1) * jitter.contrast();
            image.jitter(brightness, contrast);
        }
    }

    /**
     * Moves the bytes of one image in place at a time, for crops and flips: the values {@link Image} would give,
     * since moving whole pixels of whole numbers and rounding them back changes none.
     */
    private static final class Pixels {
        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
        private final int channels;
        private final int height;
        private final int width;
        private final byte[] copy;

        Pixels(int channels, int height, int width) {
            this.channels = channels;
            this.height = height;
            this.width = width;
            this.copy = new byte[channels * height * width];
        }

        /** Moves the content by {@code (-dx, -dy)}, zeros coming in: the window of a padded image at that offset. */
        void shift(byte[] pixels, int offset, int dx, int dy) {
            if (dx == 0 && dy == 0) {
                return;
            }
            System.arraycopy(pixels, offset, copy, 0, copy.length);
            int from = Math.max(0, -dx);
            int to = Math.min(width, width - dx);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int row = offset + (c * height + y) * width;
                    int sy = y + dy;
                    if (sy < 0 || sy >= height || from >= to) {
                        Arrays.fill(pixels, row, row + width, (byte) 0);
                        continue;
                    }
                    Arrays.fill(pixels, row, row + from, (byte) 0);
                    System.arraycopy(copy, (c * height + sy) * width + from + dx, pixels, row + from, to - from);
                    Arrays.fill(pixels, row + to, row + width, (byte) 0);
                }
            }
        }

        /**
         * Mirrors every row: eight bytes from each end at a time, each group's bytes reversed, while 16 or more are
         * left between the ends, then byte by byte.
         */
        void flip(byte[] pixels, int offset) {
            for (int row = 0; row < channels * height; row++) {
                int left = offset + row * width;
                int right = left + width;
                for (; right - left >= 2 * Long.BYTES; left += Long.BYTES, right -= Long.BYTES) {
                    long head = (long) LONGS.get(pixels, left);
                    long tail = (long) LONGS.get(pixels, right - Long.BYTES);
                    LONGS.set(pixels, left, Long.reverseBytes(tail));
                    LONGS.set(pixels, right - Long.BYTES, Long.reverseBytes(head));
                }
                for (right--; left < right; left++, right--) {
                    byte kept = pixels[left];
                    pixels[left] = pixels[right];
                    pixels[right] = kept;
                }
            }
        }
    }

    /**
     * One image's values as doubles, channel plane by plane, while it is augmented; a shift or a rotation writes into
     * a second array of the same size, and the two change places, so that a batch allocates two arrays, not two per
     * image and step (one image of 224x224x3 is 1.2 MB of doubles).
     */
    private static final class Image {
        private final int channels;
        private final int height;
        private final int width;
        private double[] values;
        private double[] spare;

        Image(int channels, int height, int width) {
            this.channels = channels;
            this.height = height;
            this.width = width;
            this.values = new double[channels * height * width];
            this.spare = new double[values.length];
        }

        /** Makes the values just written into {@link #spare} the image's. */
        private void swap() {
            double[] written = spare;
            spare = values;
            values = written;
        }

        void load(byte[] pixels, int offset) {
            for (int i = 0; i < values.length; i++) {
                values[i] = pixels[offset + i] & 0xFF;
            }
        }

        void store(byte[] pixels, int offset) {
            for (int i = 0; i < values.length; i++) {
                pixels[offset + i] = (byte) Math.max(0, Math.min(255, Math.round(values[i])));
            }
        }

        /** Moves the content by {@code (-dx, -dy)}: the window of a padded image at that offset. */
        void shift(int dx, int dy) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int sy = y + dy;
                        int sx = x + dx;
                        spare[(c * height + y) * width + x] = sy >= 0 && sy < height && sx >= 0 && sx < width
                                ? values[(c * height + sy) * width + sx]
                                : 0;
                    }
                }
            }
            swap();
        }

        void flip() {
            for (int row = 0; row < channels * height; row++) {
                for (int x = 0; x < width / 2; x++) {
                    int left = row * width + x;
                    int right = row * width + width - 1 - x;
                    double kept = values[left];
                    values[left] = values[right];
                    values[right] = kept;
                }
            }
        }

        void rotate(double radians) {
            double cos = Math.cos(radians);
            double sin = Math.sin(radians);
            double cy = (height - 1) / 2.0;
            double cx = (width - 1) / 2.0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sx = cos * (x - cx) + sin * (y - cy) + cx;
                    double sy = -sin * (x - cx) + cos * (y - cy) + cy;
                    for (int c = 0; c < channels; c++) {
                        spare[(c * height + y) * width + x] = bilinear(c, sy, sx);
                    }
                }
            }
            swap();
        }

        void jitter(double brightness, double contrast) {
            int plane = height * width;
            double grey = 0;
            for (int i = 0; i < plane; i++) {
                grey += channels == 3
                        ? 0.299 * values[i] + 0.587 * values[plane + i] + 0.114 * values[2 * plane + i]
                        : values[i];
            }
            grey = grey / plane * brightness;
            for (int i = 0; i < values.length; i++) {
                double bright = Math.min(255, values[i] * brightness);
                values[i] = Math.max(0, Math.min(255, (bright - grey) * contrast + grey));
            }
        }

        private double bilinear(int c, double y, double x) {
            if (y < -0.5 || y > height - 0.5 || x < -0.5 || x > width - 0.5) {
                return 0;
            }
            int y0 = (int) Math.floor(y);
            int x0 = (int) Math.floor(x);
            double fy = y - y0;
            double fx = x - x0;
            return value(c, y0, x0) * (1 - fy) * (1 - fx)
                    + value(c, y0, x0 + 1) * (1 - fy) * fx
                    + value(c, y0 + 1, x0) * fy * (1 - fx)
                    + value(c, y0 + 1, x0 + 1) * fy * fx;
        }

        private double value(int c, int y, int x) {
            return y < 0 || y >= height || x < 0 || x >= width ? 0 : values[(c * height + y) * width + x];
        }
    }
}
