package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cnnbuild.core.data.ImageSet;
import java.nio.ByteBuffer;

/**
 * Turns images into the network's input: {@code float32} tensors of shape {@code N x C x H x W}, pixels
 * scaled to {@code [0, 1]} as torchvision's {@code ToTensor} does.
 *
 * <pre>{@code
 * NDArray batch = ImageTensors.images(manager, testSet.images(), 0, 256);
 * }</pre>
 */
public final class ImageTensors {

    private ImageTensors() {
    }

    /**
     * Returns images {@code from} (inclusive) to {@code to} (exclusive) as one tensor.
     *
     * @param manager the manager that owns the tensor
     * @param images the images
     * @param from first image
     * @param to one past the last image
     * @return a {@code (to - from) x C x H x W} float tensor
     */
    public static NDArray images(NDManager manager, ImageSet images, int from, int to) {
        int size = images.imageSize();
        ByteBuffer bytes = ByteBuffer.allocateDirect((to - from) * size);
        bytes.put(images.pixels(), from * size, (to - from) * size).flip();
        Shape shape = new Shape(to - from, images.channels(), images.height(), images.width());
        try (NDArray raw = manager.create(bytes, shape, DataType.UINT8)) {
            return raw.toType(DataType.FLOAT32, true).divi(255f);
        }
    }

    /**
     * Returns labels as an {@code int64} tensor, the type the cross-entropy loss picks with.
     *
     * @param manager the manager that owns the tensor
     * @param labels the labels
     * @return a tensor of shape {@code labels.length}
     */
    public static NDArray labels(NDManager manager, int[] labels) {
        long[] values = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return manager.create(values);
    }
}
