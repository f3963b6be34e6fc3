package dev.cnnbuild.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SymbolBlock;
import dev.cnnbuild.core.data.ImageSet;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
    /**
     * The bits of {@code b / 255f} for every byte value {@code b}, the quotient PyTorch's {@code float32} division
     * gives.
     */
    private static final int[] BITS = new int[256];

    /** Four bytes of a channel plane at once, the first in the lowest bits. */
    private static final VarHandle QUADS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Two floats at once into a buffer in the platform's byte order. */
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** One float into a buffer in the platform's byte order. */
    private static final VarHandle FLOATS =
            MethodHandles.byteBufferViewVarHandle(float[].class, ByteOrder.nativeOrder());

    /** Whether a {@code long} in the platform's byte order stores its low half first. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    static {
        for (int b = 0; b < BITS.length; b++) {
            BITS[b] = Float.floatToRawIntBits(b / 255f);
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
        return fromBytes(
                manager,
                directBytes(images, from, to, null),
                to - from,
                images.channels(),
                images.height(),
                images.width());
    }

    /**
     * Returns images {@code from} to {@code to} as bytes in a direct buffer, channel plane by plane: what
     * {@link #fromBytes} makes the contiguous input of, so that a caller that makes one batch after another (a
     * training on a GPU, a TorchScript module) can reuse one buffer rather than leave a new one per batch for the
     * collector to free.
     *
     * <pre>{@code
     * ByteBuffer bytes = ImageTensors.directBytes(batch, 0, batch.count(), null);
     * NDArray x = ImageTensors.fromBytes(manager, bytes, batch.count(), 3, 224, 224);
     * }</pre>
     *
     * @param images the images
     * @param from first image
     * @param to one past the last image
     * @param reuse a direct buffer to fill if it has the capacity, or {@code null}
     * @return the filled buffer, positioned at 0
     */
    public static ByteBuffer directBytes(ImageSet images, int from, int to, ByteBuffer reuse) {
        int size = images.imageSize();
        int bytes = (to - from) * size;
        ByteBuffer buffer = reuse != null && reuse.capacity() >= bytes
                ? reuse.clear().limit(bytes)
                : ByteBuffer.allocateDirect(bytes);
        return buffer.put(images.pixels(), from * size, bytes).flip();
    }

    /**
     * Returns the contiguous {@code N x C x H x W} tensor of a buffer filled by {@link #directBytes}, scaled to
     * {@code [0, 1]}, in storage of its own: the buffer may be reused as soon as this returns.
     *
     * @param manager the manager that owns the tensor
     * @param bytes the images' bytes, channel plane by plane
     * @param count images
     * @param channels values per pixel
     * @param height rows per image
     * @param width columns per image
     * @return the float tensor
     */
    public static NDArray fromBytes(
            NDManager manager, ByteBuffer bytes, int count, int channels, int height, int width) {
        try (NDArray raw = manager.create(bytes, new Shape(count, channels, height, width), DataType.UINT8)) {
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
        for (int image = from; image < to; image++) {
            interleave(
                    pixels,
                    image * images.imageSize(),
                    channels,
                    plane,
                    buffer,
                    (image - from) * images.imageSize() * Float.BYTES);
        }
        return buffer;
    }

    /**
     * Writes one image's bytes, channel plane by plane from {@code start}, into {@code buffer} from byte {@code at},
     * scaled to {@code [0, 1]}, each pixel's channels side by side: the value of byte {@code b} is {@code b / 255f},
     * read as its bits from a table of the 256 quotients. One or three channels are read four pixels at a time (one
     * {@code int} per channel plane) and written two floats at a time (one {@code long}), which halves the stores
     * and bounds checks of writing float by float.
     */
    private static void interleave(byte[] pixels, int start, int channels, int plane, ByteBuffer buffer, int at) {
        int pixel = 0;
        if (channels == 3) {
            int green = start + plane;
            int blue = green + plane;
            for (; pixel <= plane - 4; pixel += 4, at += 12 * Float.BYTES) {
                int r = (int) QUADS.get(pixels, start + pixel);
                int g = (int) QUADS.get(pixels, green + pixel);
                int b = (int) QUADS.get(pixels, blue + pixel);
                LONGS.set(buffer, at, pair(r & 0xFF, g & 0xFF));
                LONGS.set(buffer, at + 8, pair(b & 0xFF, (r >>> 8) & 0xFF));
                LONGS.set(buffer, at + 16, pair((g >>> 8) & 0xFF, (b >>> 8) & 0xFF));
                LONGS.set(buffer, at + 24, pair((r >>> 16) & 0xFF, (g >>> 16) & 0xFF));
                LONGS.set(buffer, at + 32, pair((b >>> 16) & 0xFF, r >>> 24));
                LONGS.set(buffer, at + 40, pair(g >>> 24, b >>> 24));
            }
        } else if (channels == 1) {
            for (; pixel <= plane - 4; pixel += 4, at += 4 * Float.BYTES) {
                int q = (int) QUADS.get(pixels, start + pixel);
                LONGS.set(buffer, at, pair(q & 0xFF, (q >>> 8) & 0xFF));
                LONGS.set(buffer, at + 8, pair((q >>> 16) & 0xFF, q >>> 24));
            }
        }
        for (; pixel < plane; pixel++) {
            for (int channel = 0; channel < channels; channel++, at += Float.BYTES) {
                FLOATS.set(buffer, at, Float.intBitsToFloat(BITS[pixels[start + channel * plane + pixel] & 0xFF]));
            }
        }
    }

    /** Returns the floats of bytes {@code first} and {@code second} as one {@code long} that stores them in order. */
    private static long pair(int first, int second) {
        long low = BITS[first] & 0xFFFFFFFFL;
        long high = BITS[second] & 0xFFFFFFFFL;
        return LITTLE_ENDIAN ? low | high << 32 : low << 32 | high;
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
