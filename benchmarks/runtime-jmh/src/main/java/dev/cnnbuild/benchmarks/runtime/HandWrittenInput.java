package dev.cnnbuild.benchmarks.runtime;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.List;

/**
 * The preprocessing a team writes by hand for a grey 28 x 28 model without {@code cnn-runtime}: each image's grey
 * samples, scaled to {@code [0, 1]} and normalised, into one {@code float} array laid out {@code N x 1 x H x W}. The
 * plain DJL translator and the ONNX Runtime benchmark use it; it takes grey images of the model's size only.
 *
 * <pre>{@code
 * HandWrittenInput input = new HandWrittenInput(28, 28, 0f, 1f);
 * float[] batch = input.floats(images);
 * }</pre>
 *
 * @param height the model's input height
 * @param width the model's input width
 * @param mean subtracted after scaling to {@code [0, 1]}
 * @param std divided by after subtracting the mean
 */
public record HandWrittenInput(int height, int width, float mean, float std) {
    /**
     * Returns the images' pixels, scaled and normalised, image after image.
     *
     * @param images grey images of the model's size
     * @return {@code images.size() x height x width} floats
     */
    public float[] floats(List<BufferedImage> images) {
        float[] floats = new float[images.size() * height * width];
        int[] samples = new int[height * width];
        for (int i = 0; i < images.size(); i++) {
            Raster raster = images.get(i).getRaster();
            raster.getSamples(0, 0, width, height, 0, samples);
            int offset = i * height * width;
            for (int p = 0; p < samples.length; p++) {
                floats[offset + p] = (samples[p] / 255f - mean) / std;
            }
        }
        return floats;
    }
}
