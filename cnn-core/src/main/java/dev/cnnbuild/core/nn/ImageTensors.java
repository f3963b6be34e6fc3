package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SymbolBlock;
import dev.cnnbuild.core.data.ImageSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Turns images into the network's input: {@code float32} tensors of shape {@code N x C x H x W}, pixels
 * scaled to {@code [0, 1]} as torchvision's {@code ToTensor} does.
 *
 * <p>{@link #input} lays a batch out in memory the way the network runs fastest. A network built from a model file
 * gets it channels-last on the CPU (each pixel's channels side by side, PyTorch's {@code torch.channels_last}):
 * PyTorch then runs every convolution, activation and pooling layer in that layout and oneDNN's convolutions need
 * no reordering before and after each layer, which makes training and evaluation faster (docs/benchmarks.md,
 * "Channels-last input"). The tensor's shape and values are the same in either
 * layout; only the kernels' rounding differs. A TorchScript module gets the contiguous layout it was written for
 * ({@code x.view(n, -1)} fails on any other), and so does a network on a GPU, where it was not measured.
 *
 * <pre>{@code
 * NDArray batch = ImageTensors.input(network, manager, testSet.images(), 0, 256);
 * NDArray contiguous = ImageTensors.images(manager, testSet.images(), 0, 256);
 * }</pre>
 */
public final class ImageTensors {
    /** {@code b / 255f} for every byte value {@code b}, the quotient PyTorch's {@code float32} division gives. */
    private static final float[] UNIT = new float[256];

    static {
        for (int b = 0; b < UNIT.length; b++) {
            UNIT[b] = b / 255f;
        }
    }

    private ImageTensors() {}

    /**
     * Returns images {@code from} (inclusive) to {@code to} (exclusive) as one tensor laid out for the network that
     * takes it: channels-last for a network built from a model file on the CPU, contiguous otherwise.
     *
     * @param network the network the tensor is for
     * @param manager the manager that owns the tensor; its device is the network's
     * @param images the images
     * @param from first image
     * @param to one past the last image
     * @return a {@code (to - from) x C x H x W} float tensor
     */
    public static NDArray input(Block network, NDManager manager, ImageSet images, int from, int to) {
        if (!isChannelsLast(network, manager)) {
            return images(manager, images, from, to);
        }
        return channelsLast(manager, images, from, to);
    }

    /**
     * Returns whether {@link #input} lays a batch out channels-last for this network: one built from a model file,
     * on the CPU.
     *
     * @param network the network the input is for
     * @param manager the manager whose device the input lives on
     * @return {@code true} for channels-last, {@code false} for the contiguous layout
     */
    public static boolean isChannelsLast(Block network, NDManager manager) {
        return !(network instanceof SymbolBlock) && !manager.getDevice().isGpu();
    }

    /**
     * Returns pixels already scaled (and normalised) in Java as the network's input, laid out as {@link #input} lays
     * them out, without copying them: the buffer holds the floats in {@code N x H x W x C} order for a channels-last
     * network ({@link #isChannelsLast}), which the returned view shows as {@code N x C x H x W} with channels-last
     * strides, and in {@code N x C x H x W} order otherwise. The tensor reads the buffer's memory: keep the buffer
     * reachable until the network's output is computed.
     *
     * <pre>{@code
     * ByteBuffer floats = ByteBuffer.allocateDirect(n * 28 * 28 * Float.BYTES).order(ByteOrder.nativeOrder());
     * NDArray x = ImageTensors.fromFloats(network, scope, floats, new Shape(n, 1, 28, 28));
     * }</pre>
     *
     * @param network the network the input is for
     * @param manager the manager that owns the tensor
     * @param floats a direct buffer in the platform's byte order holding {@code N x C x H x W} floats
     * @param shape {@code N x C x H x W}
     * @return the input tensor, of shape {@code shape}
     */
    public static NDArray fromFloats(Block network, NDManager manager, ByteBuffer floats, Shape shape) {
        if (!isChannelsLast(network, manager)) {
            return manager.create(floats, shape, DataType.FLOAT32);
        }
        Shape interleaved = new Shape(shape.get(0), shape.get(2), shape.get(3), shape.get(1));
        return manager.create(floats, interleaved, DataType.FLOAT32).transpose(0, 3, 1, 2);
    }

    /**
     * Returns images {@code from} (inclusive) to {@code to} (exclusive) as one tensor, contiguous.
     *
     * @param manager the manager that owns the tensor
     * @param images the images
     * @param from first image
     * @param to one past the last image
     * @return a {@code (to - from) x C x H x W} float tensor
     */
    public static NDArray images(NDManager manager, ImageSet images, int from, int to) {
        try (NDArray raw = bytes(manager, images, from, to)) {
            return raw.toType(DataType.FLOAT32, true).divi(255f);
        }
    }

    /**
     * Returns images as an {@code N x C x H x W} tensor whose memory holds each pixel's channels side by side. The
     * pixels are scaled here, each byte divided by {@code 255f} as PyTorch divides a {@code float32} tensor (IEEE
     * division, the same value to the bit), into a {@code N x H x W x C} tensor that is then viewed with the channel
     * dimension second and cloned into storage of its own in that layout (a clone keeps the strides). That is five
     * calls into PyTorch for a batch, where scaling in PyTorch takes about ten, and each call costs as much as the
     * arithmetic for a single image.
     */
    static NDArray channelsLast(NDManager manager, ImageSet images, int from, int to) {
        return fromChannelsLast(
                manager,
                channelsLastFloats(images, from, to, null),
                to - from,
                images.channels(),
                images.height(),
                images.width());
    }

    /**
     * Returns images {@code from} to {@code to} scaled to {@code [0, 1]} as {@code float32} values in native order,
     * each pixel's channels side by side: the work of {@link #input} that needs no engine, so that worker threads can
     * do it ahead of the network.
     *
     * <pre>{@code
     * ByteBuffer floats = ImageTensors.channelsLastFloats(batch, 0, batch.count(), null);
     * NDArray x = ImageTensors.fromChannelsLast(manager, floats, batch.count(), 3, 224, 224);
     * }</pre>
     *
     * @param images the images
     * @param from first image
     * @param to one past the last image
     * @param reuse a direct buffer to fill if it has the capacity, or {@code null}
     * @return the filled buffer, positioned at 0
     */
    public static ByteBuffer channelsLastFloats(ImageSet images, int from, int to, ByteBuffer reuse) {
        int count = to - from;
        int channels = images.channels();
        int plane = images.height() * images.width();
        byte[] pixels = images.pixels();
        int bytes = count * images.imageSize() * Float.BYTES;
        ByteBuffer buffer = reuse != null && reuse.capacity() >= bytes
                ? reuse.clear().limit(bytes)
                : ByteBuffer.allocateDirect(bytes);
        buffer.order(ByteOrder.nativeOrder());
        FloatBuffer floats = buffer.asFloatBuffer();
        for (int image = from; image < to; image++) {
            interleave(
                    pixels, image * images.imageSize(), channels, plane, floats, (image - from) * images.imageSize());
        }
        return buffer;
    }

    /**
     * Writes one image's bytes, channel plane by plane from {@code start}, into {@code floats} from index {@code at},
     * scaled to {@code [0, 1]}, each pixel's channels side by side: the value of byte {@code b} is {@code b / 255f},
     * read from a table of the 256 quotients.
     */
    private static void interleave(byte[] pixels, int start, int channels, int plane, FloatBuffer floats, int at) {
        if (channels == 3) {
            int green = start + plane;
            int blue = green + plane;
            for (int pixel = 0, to = at; pixel < plane; pixel++, to += 3) {
                floats.put(to, UNIT[pixels[start + pixel] & 0xFF]);
                floats.put(to + 1, UNIT[pixels[green + pixel] & 0xFF]);
                floats.put(to + 2, UNIT[pixels[blue + pixel] & 0xFF]);
            }
            return;
        }
        for (int channel = 0; channel < channels; channel++) {
            int offset = start + channel * plane;
            for (int pixel = 0, to = at + channel; pixel < plane; pixel++, to += channels) {
                floats.put(to, UNIT[pixels[offset + pixel] & 0xFF]);
            }
        }
    }

    /**
     * Returns the {@code N x C x H x W} tensor of a buffer filled by {@link #channelsLastFloats}, in storage of its
     * own: the buffer may be reused as soon as this returns.
     *
     * @param manager the manager that owns the tensor
     * @param floats the scaled values, each pixel's channels side by side
     * @param count images
     * @param channels values per pixel
     * @param height rows per image
     * @param width columns per image
     * @return the tensor, channels-last in memory
     */
    public static NDArray fromChannelsLast(
            NDManager manager, ByteBuffer floats, int count, int channels, int height, int width) {
        Shape interleaved = new Shape(count, height, width, channels);
        // the view shares the buffer, which only the array created from it keeps alive: the clone owns its memory
        try (NDArray pixelsLast = manager.create(floats, interleaved, DataType.FLOAT32);
                NDArray view = pixelsLast.transpose(0, 3, 1, 2)) {
            return view.duplicate();
        }
    }

    /** Returns the images' bytes as a contiguous {@code uint8} tensor of shape {@code N x C x H x W}. */
    private static NDArray bytes(NDManager manager, ImageSet images, int from, int to) {
        int size = images.imageSize();
        ByteBuffer bytes = ByteBuffer.allocateDirect((to - from) * size);
        bytes.put(images.pixels(), from * size, (to - from) * size).flip();
        Shape shape = new Shape(to - from, images.channels(), images.height(), images.width());
        return manager.create(bytes, shape, DataType.UINT8);
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
