package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;

/**
 * How a network expects its pixels: first scaled from {@code 0..255} to {@code [0, 1]}, as torchvision's
 * {@code ToTensor} does, then normalised as {@code (x - mean) / std}, as torchvision's {@code Normalize} does.
 * Networks trained by this project take {@link #UNIT}; a TorchScript model trained elsewhere may take, say,
 * MNIST's usual {@code normalized(0.1307, 0.3081)}.
 *
 * <pre>{@code
 * PixelScaling scaling = PixelScaling.normalized(0.1307, 0.3081);
 * NDArray input = scaling.apply(ImageTensors.images(manager, images, 0, 64));
 * }</pre>
 *
 * @param mean subtracted after scaling to {@code [0, 1]}
 * @param std divided by after subtracting the mean; positive
 */
public record PixelScaling(double mean, double std) {
    /** Pixels in {@code [0, 1]}, nothing more: what networks trained by this project take. */
    public static final PixelScaling UNIT = new PixelScaling(0, 1);

    /**
     * Checks the standard deviation.
     *
     * @param mean subtracted after scaling to {@code [0, 1]}
     * @param std divided by after subtracting the mean
     * @throws IllegalArgumentException if {@code std} is not positive and finite, or {@code mean} is not finite
     */
    public PixelScaling {
        if (!(std > 0) || Double.isInfinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("pixel scaling needs a finite mean and a positive finite standard"
                    + " deviation, got mean " + mean + " and std " + std);
        }
    }

    /** Returns the scaling {@code (x / 255 - mean) / std}. */
    public static PixelScaling normalized(double mean, double std) {
        return new PixelScaling(mean, std);
    }

    /**
     * Normalises pixels already scaled to {@code [0, 1]}, in place.
     *
     * @param unitPixels pixels in {@code [0, 1]}, as {@link dev.cnnbuild.core.nn.ImageTensors#images} makes them
     * @return the same array, normalised
     */
    public NDArray apply(NDArray unitPixels) {
        if (equals(UNIT)) {
            return unitPixels;
        }
        return unitPixels.subi((float) mean).divi((float) std);
    }
}
