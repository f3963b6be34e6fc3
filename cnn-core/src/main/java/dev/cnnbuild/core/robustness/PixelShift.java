package dev.cnnbuild.core.robustness;

import dev.cnnbuild.core.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Moves every image {@code right} pixels to the right and {@code down} pixels down (negative values move left and
 * up); what moves out of the frame is lost and what moves in is black (0), the background of MNIST digits.
 *
 * <pre>{@code
 * ImageSet shifted = new PixelShift(2, 0).apply(testSet.images());   // two pixels to the right
 * List<PixelShift> around = PixelShift.everyDirection(2);             // right, left, down, up
 * }</pre>
 *
 * @param right columns to move right; negative moves left
 * @param down rows to move down; negative moves up
 */
public record PixelShift(int right, int down) implements ImagePerturbation {

    /** Returns the four shifts by {@code pixels}: right, left, down and up. */
    public static List<PixelShift> everyDirection(int pixels) {
        return List.of(
                new PixelShift(pixels, 0),
                new PixelShift(-pixels, 0),
                new PixelShift(0, pixels),
                new PixelShift(0, -pixels));
    }

    @Override
    public ImageSet apply(ImageSet images) {
        int height = images.height();
        int width = images.width();
        byte[] source = images.pixels();
        byte[] shifted = new byte[source.length];
        int planeSize = height * width;
        for (int plane = 0; plane < images.count() * images.channels(); plane++) {
            int base = plane * planeSize;
            for (int row = Math.max(0, down); row < Math.min(height, height + down); row++) {
                int from = Math.max(0, right);
                int to = Math.min(width, width + right);
                if (from < to) {
                    System.arraycopy(
                            source,
                            base + (row - down) * width + from - right,
                            shifted,
                            base + row * width + from,
                            to - from);
                }
            }
        }
        return new ImageSet(images.count(), images.channels(), height, width, shifted);
    }

    /** Shifts each batch as {@link #apply} would: every image is shifted on its own. */
    @Override
    public UnaryOperator<ImageSet> inBatches() {
        return this::apply;
    }

    @Override
    public String describe() {
        List<String> moves = new ArrayList<>();
        if (right != 0) {
            moves.add(pixels(right) + (right > 0 ? " right" : " left"));
        }
        if (down != 0) {
            moves.add(pixels(down) + (down > 0 ? " down" : " up"));
        }
        return moves.isEmpty() ? "not shifted" : "shifted " + String.join(" and ", moves);
    }

    private static String pixels(int offset) {
        int pixels = Math.abs(offset);
        return pixels + (pixels == 1 ? " pixel" : " pixels");
    }
}
