package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.data.ImageSet;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {

    /** Two 2x3 images whose every byte differs, so any misplaced value shows. */
    static ImageSet images(int channels) {
        byte[] pixels = new byte[2 * channels * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return new ImageSet(2, channels, 2, 3, pixels);
    }

    @Test
    void theNetworksInputHasTheContiguousTensorsShapeAndValues() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int channels : new int[] {1, 3}) {
                ImageSet set = images(channels);
                NDArray contiguous = ImageTensors.images(manager, set, 0, 2);
                NDArray input = ImageTensors.input(new SequentialBlock(), manager, set, 0, 2);

                assertThat(input.getShape()).isEqualTo(new Shape(2, channels, 2, 3));
                assertThat(input.toFloatArray()).containsExactly(contiguous.toFloatArray());
                assertThat(contiguous.getFloat(1, channels - 1, 1, 2))
                        .isEqualTo(set.pixel(1, channels - 1, 1, 2) / 255f);
                assertThat(ImageTensors.input(new SequentialBlock(), manager, set, 1, 2)
                                .toFloatArray())
                        .containsExactly(contiguous.get(1).toFloatArray());
            }
        }
    }

    @Test
    void bytesInAReusedBufferGiveTheTensorThatImagesGives() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ImageSet set = images(3);
            ByteBuffer reused = ByteBuffer.allocateDirect(10 * set.imageSize());

            ByteBuffer filled = ImageTensors.directBytes(set, 1, 2, reused);
            NDArray fromBytes = ImageTensors.fromBytes(manager, filled, 1, 3, set.height(), set.width());

            assertThat(filled).isSameAs(reused);
            assertThat(filled.remaining()).isEqualTo(set.imageSize());
            assertThat(fromBytes.toFloatArray())
                    .containsExactly(ImageTensors.images(manager, set, 1, 2).toFloatArray());
        }
    }

    @Test
    void everyByteIsScaledToTheBitAsPyTorchScalesIt() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int channels : new int[] {1, 3}) {
                byte[] pixels = new byte[256 * channels];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (byte) (i * 37);
                }
                ImageSet set = new ImageSet(1, channels, 16, 16, pixels);
                float[] java = ImageTensors.input(new SequentialBlock(), manager, set, 0, 1)
                        .toFloatArray();
                float[] torch = ImageTensors.images(manager, set, 0, 1).toFloatArray();

                for (int i = 0; i < torch.length; i++) {
                    assertThat(Float.floatToRawIntBits(java[i]))
                            .as("pixel %d of %d channels", i, channels)
                            .isEqualTo(Float.floatToRawIntBits(torch[i]));
                }
            }
        }
    }

    @Test
    void theChannelsLastFloatsAreEachByteOver255InPixelOrderForOddSizesAndAReusedBuffer() {
        Random random = new Random(5);
        ByteBuffer reuse = ByteBuffer.allocateDirect(4 * 4 * 3 * 7 * 5 + 64).order(ByteOrder.BIG_ENDIAN);
        // one and three channels go four pixels at a time, with 0 to 3 left over; others one value at a time
        for (int channels : new int[] {1, 3, 2, 4}) {
            for (int[] size : new int[][] {{7, 5}, {1, 1}, {3, 9}, {2, 3}, {4, 4}, {2, 7}}) {
                int height = size[0];
                int width = size[1];
                byte[] pixels = new byte[4 * channels * height * width];
                random.nextBytes(pixels);
                ImageSet set = new ImageSet(4, channels, height, width, pixels);

                for (ByteBuffer given : new ByteBuffer[] {null, reuse}) {
                    FloatBuffer floats =
                            ImageTensors.channelsLastFloats(set, 1, 4, given).asFloatBuffer();

                    assertThat(floats.remaining()).isEqualTo(3 * channels * height * width);
                    for (int image = 1, at = 0; image < 4; image++) {
                        for (int pixel = 0; pixel < height * width; pixel++) {
                            for (int c = 0; c < channels; c++, at++) {
                                int b = pixels[image * set.imageSize() + c * height * width + pixel] & 0xFF;
                                assertThat(Float.floatToRawIntBits(floats.get(at)))
                                        .as(
                                                "image %d pixel %d channel %d of %dx%dx%d",
                                                image, pixel, c, channels, height, width)
                                        .isEqualTo(Float.floatToRawIntBits(b / 255f));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyByteValueInEveryPositionOfFourPixelsBecomesItsQuotientTo255() {
        for (int channels : new int[] {1, 3}) {
            // 256 images of 2x2: image i holds byte i + 64 * c + 16 * p in channel c of pixel p, all 256 values
            // in every channel and every position of a group of four pixels
            byte[] pixels = new byte[256 * channels * 4];
            for (int image = 0, at = 0; image < 256; image++) {
                for (int c = 0; c < channels; c++) {
                    for (int pixel = 0; pixel < 4; pixel++, at++) {
                        pixels[at] = (byte) (image + 64 * c + 16 * pixel);
                    }
                }
            }
            FloatBuffer floats = ImageTensors.channelsLastFloats(
                            new ImageSet(256, channels, 2, 2, pixels), 0, 256, null)
                    .asFloatBuffer();
            for (int image = 0, at = 0; image < 256; image++) {
                for (int pixel = 0; pixel < 4; pixel++) {
                    for (int c = 0; c < channels; c++, at++) {
                        int b = (image + 64 * c + 16 * pixel) & 0xFF;
                        assertThat(Float.floatToRawIntBits(floats.get(at)))
                                .as("image %d pixel %d channel %d of %d", image, pixel, c, channels)
                                .isEqualTo(Float.floatToRawIntBits(b / 255f));
                    }
                }
            }
        }
    }

    @Test
    void aNetworkBuiltHereRunsChannelsLastOnTheCpu() throws ReflectiveOperationException {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int channels : new int[] {1, 3}) {
                Conv2d convolution = Conv2d.builder()
                        .setKernelShape(new Shape(1, 1))
                        .setFilters(2)
                        .build();
                convolution.initialize(manager, DataType.FLOAT32, new Shape(2, channels, 2, 3));
                NDArray contiguous = ImageTensors.images(manager, images(channels), 0, 2);
                NDArray input = ImageTensors.input(convolution, manager, images(channels), 0, 2);

                // a grey tensor is contiguous in either layout; the convolution's output shows which one ran
                assertThat(contiguous(forward(convolution, manager, contiguous)))
                        .isTrue();
                assertThat(contiguous(forward(convolution, manager, input))).isFalse();
                assertThat(forward(convolution, manager, input).toFloatArray())
                        .containsExactly(
                                forward(convolution, manager, contiguous).toFloatArray(), within(1e-6f));
            }
        }
    }

    private static NDArray forward(Block network, NDManager manager, NDArray input) {
        return network.forward(new ParameterStore(manager, false), new NDList(input), false)
                .singletonOrThrow();
    }

    /** Asks PyTorch whether the tensor is contiguous (DJL keeps the question to itself). */
    private static boolean contiguous(NDArray array) throws ReflectiveOperationException {
        Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
        Field instance = library.getDeclaredField("LIB");
        instance.setAccessible(true);
        Method isContiguous = library.getDeclaredMethod("torchIsContiguous", long.class);
        isContiguous.setAccessible(true);
        return (boolean) isContiguous.invoke(instance.get(null), ((PtNDArray) array).getHandle());
    }
}
