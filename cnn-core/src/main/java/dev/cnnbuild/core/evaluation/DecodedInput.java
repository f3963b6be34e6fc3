package dev.cnnbuild.core.evaluation;

import dev.cnnbuild.core.spec.InputShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decoded images turned into the network's input floats in Java, in one pass over their bytes: each byte divided
 * by {@code 255f}, then the {@link PixelScaling} and the {@link ChannelNormalization} applied as
 * {@code (x - mean) / std} in {@code float} arithmetic, the operations PyTorch applies to a {@code float32} tensor
 * (the same values to the bit), written in the order the input tensor reads them. It needs no engine: a runtime
 * that feeds {@code model.onnx} to another engine prepares its input with it too.
 *
 * <pre>{@code
 * ByteBuffer floats = new DecodedInput(input, PixelScaling.UNIT, normalization).floats(images, true);
 * }</pre>
 *
 * <p>The 256 values a byte of each channel becomes are worked out once, when it is made; it is immutable and safe
 * to share between threads.
 */
public final class DecodedInput {
    private final InputShape input;
    private final float[] lookup;

    /**
     * Works out each channel's 256 input values.
     *
     * @param input the shape of one image
     * @param scaling the scaling after {@code / 255}
     * @param normalization the per-channel normalisation after the scaling
     */
    public DecodedInput(InputShape input, PixelScaling scaling, ChannelNormalization normalization) {
        this.input = input;
        this.lookup = lookup(input.channels(), scaling, normalization);
    }

    /**
     * Returns the images' floats in a direct buffer in the platform's byte order.
     *
     * @param images each image's {@code channels x height x width} bytes, channel plane by plane
     * @param channelsLast whether to write each pixel's channels side by side ({@code N x H x W x C}) rather than
     *     plane by plane ({@code N x C x H x W})
     * @return the buffer, {@code 4 x N x C x H x W} bytes
     * @throws IllegalArgumentException if an image has another size than the input's
     */
    public ByteBuffer floats(List<byte[]> images, boolean channelsLast) {
        int size = input.channels() * input.height() * input.width();
        ByteBuffer buffer =
                ByteBuffer.allocateDirect(images.size() * size * Float.BYTES).order(ByteOrder.nativeOrder());
        write(images, channelsLast, buffer.asFloatBuffer());
        return buffer;
    }

    /**
     * Writes the images' floats into a buffer, from its position on, as {@link #floats} lays them out: for a caller
     * that reuses one buffer, such as the one an input tensor reads.
     *
     * <pre>{@code
     * FloatBuffer reused = buffer.asFloatBuffer();
     * input.write(List.of(image), true, reused.clear());
     * }</pre>
     *
     * @param images each image's {@code channels x height x width} bytes, channel plane by plane
     * @param channelsLast whether to write each pixel's channels side by side, as {@link #floats} says
     * @param into where the floats go; its position moves past them
     * @throws IllegalArgumentException if an image has another size than the input's
     * @throws java.nio.BufferOverflowException if the buffer has no room for them all
     */
    public void write(List<byte[]> images, boolean channelsLast, FloatBuffer into) {
        int channels = input.channels();
        int plane = input.height() * input.width();
        float[] values = new float[channels * plane];
        for (byte[] image : images) {
            if (image.length != values.length) {
                throw new IllegalArgumentException("an image of " + image.length + " bytes for an input of " + channels
                        + " x " + input.height() + " x " + input.width());
            }
            for (int channel = 0; channel < channels; channel++) {
                int offset = channel * 256;
                for (int pixel = 0; pixel < plane; pixel++) {
                    int at = channelsLast ? pixel * channels + channel : channel * plane + pixel;
                    values[at] = lookup[offset + (image[channel * plane + pixel] & 0xFF)];
                }
            }
            into.put(values);
        }
    }

    /** Returns each channel's 256 input values, indexed {@code channel * 256 + byte}. */
    private static float[] lookup(int channels, PixelScaling scaling, ChannelNormalization normalization) {
        float[] lookup = new float[channels * 256];
        boolean scaled = !scaling.equals(PixelScaling.UNIT);
        boolean normalized = !normalization.isNone();
        for (int channel = 0; channel < channels; channel++) {
            int c = normalization.mean().length == 1 ? 0 : channel;
            float mean = (float) normalization.mean()[c];
            float std = (float) normalization.std()[c];
            for (int value = 0; value < 256; value++) {
                float x = value / 255f;
                if (scaled) {
                    x = (x - (float) scaling.mean()) / (float) scaling.std();
                }
                if (normalized) {
                    x = (x - mean) / std;
                }
                lookup[channel * 256 + value] = x;
            }
        }
        return lookup;
    }
}
