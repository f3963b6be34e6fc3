package dev.cnnbuild.core.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Normalisation per channel, as torchvision's {@code Normalize}: pixels already scaled to {@code [0, 1]} become
 * {@code (x - mean[c]) / std[c]}. A model trained with {@code data.normalize} stores it in its model directory as
 * {@value #FILE_NAME}, so {@code cnn:check}, the report and the test API feed it exactly as it was trained.
 *
 * <pre>{@code
 * ChannelNormalization rgb = new ChannelNormalization(new double[] {0.485, 0.456, 0.406},
 *         new double[] {0.229, 0.224, 0.225});
 * NDArray input = rgb.apply(ImageTensors.images(manager, images, 0, 64));
 * }</pre>
 *
 * @param mean per channel, subtracted after scaling to {@code [0, 1]}
 * @param std per channel, divided by after subtracting the mean; positive
 */
public record ChannelNormalization(double[] mean, double[] std) {
    /** The file of a model directory that holds it. */
    public static final String FILE_NAME = "normalization.json";
    /** Pixels in {@code [0, 1]}, nothing more. */
    public static final ChannelNormalization NONE = new ChannelNormalization(new double[] {0}, new double[] {1});

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks the figures.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0, a mean is not finite or a std not positive
     */
    public ChannelNormalization {
        mean = mean.clone();
        std = std.clone();
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "normalisation needs one mean and one std per channel, got " + mean.length + " and " + std.length);
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !(std[c] > 0) || Double.isInfinite(std[c])) {
                throw new IllegalArgumentException("normalisation needs finite means and positive finite standard"
                        + " deviations, got mean " + mean[c] + " and std " + std[c]);
            }
        }
    }

    /** Returns the same normalisation for every channel, as a {@link PixelScaling} gives it. */
    public static ChannelNormalization of(PixelScaling scaling) {
        return new ChannelNormalization(new double[] {scaling.mean()}, new double[] {scaling.std()});
    }

    /**
     * Normalises pixels already scaled to {@code [0, 1]}, in place.
     *
     * @param unitPixels an {@code N x C x H x W} array with pixels in {@code [0, 1]}
     * @return the same array, normalised
     */
    public NDArray apply(NDArray unitPixels) {
        if (isNone()) {
            return unitPixels;
        }
        if (mean.length == 1) {
            return unitPixels.subi((float) mean[0]).divi((float) std[0]);
        }
        Shape perChannel = new Shape(1, mean.length, 1, 1);
        try (NDArray means = unitPixels.getManager().create(toFloats(mean), perChannel);
                NDArray stds = unitPixels.getManager().create(toFloats(std), perChannel)) {
            return unitPixels.subi(means).divi(stds);
        }
    }

    /** Returns whether it leaves pixels as they are. */
    @JsonIgnore
    public boolean isNone() {
        return Arrays.stream(mean).allMatch(m -> m == 0) && Arrays.stream(std).allMatch(s -> s == 1);
    }

    /** Returns the JSON that {@link #read} reads. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("two arrays of doubles always become JSON", e);
        }
    }

    /**
     * Reads the file a model directory holds.
     *
     * @param file the {@value #FILE_NAME} file
     * @return the normalisation
     * @throws IOException if it cannot be read or holds no valid normalisation
     */
    public static ChannelNormalization read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), ChannelNormalization.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage() + "; retrain the model", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelNormalization that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ChannelNormalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
