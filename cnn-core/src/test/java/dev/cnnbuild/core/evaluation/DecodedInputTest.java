package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.spec.InputShape;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pixels prepared in Java are, to the bit, the floats PyTorch makes of them, in either layout. */
class DecodedInputTest {

    @Test
    void everyByteIsScaledAndNormalisedToTheBitAsPyTorchDoesIt() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (int channels : new int[] {1, 3}) {
                List<ChannelNormalization> normalizations = List.of(
                        ChannelNormalization.NONE,
                        new ChannelNormalization(new double[] {0.1307}, new double[] {0.3081}),
                        channels == 3
                                ? new ChannelNormalization(
                                        new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225})
                                : new ChannelNormalization(new double[] {0.2}, new double[] {0.3}));
                for (ChannelNormalization normalization : normalizations) {
                    for (PixelScaling scaling : List.of(PixelScaling.UNIT, PixelScaling.normalized(0.5, 0.25))) {
                        ImageSet set = everyByte(channels);
                        float[] torch = normalization
                                .apply(scaling.apply(ImageTensors.images(manager, set, 0, 2)))
                                .toFloatArray();
                        DecodedInput input = new DecodedInput(new InputShape(channels, 16, 16), scaling, normalization);
                        float[] java = floats(input.floats(images(set), false));

                        assertThat(java).hasSize(torch.length);
                        for (int i = 0; i < torch.length; i++) {
                            assertThat(Float.floatToRawIntBits(java[i]))
                                    .as("value %d, %d channels, %s, %s", i, channels, normalization, scaling)
                                    .isEqualTo(Float.floatToRawIntBits(torch[i]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void channelsLastPutsEachPixelsChannelsSideBySideAndTheTensorShowsThemInPlaneOrder() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ImageSet set = everyByte(3);
            DecodedInput input =
                    new DecodedInput(new InputShape(3, 16, 16), PixelScaling.UNIT, ChannelNormalization.NONE);
            float[] planes = floats(input.floats(images(set), false));
            ByteBuffer interleaved = input.floats(images(set), true);
            float[] last = floats(interleaved.duplicate().order(ByteOrder.nativeOrder()));

            assertThat(last[1]).isEqualTo(planes[256]);
            assertThat(last[3 * 255 + 2]).isEqualTo(planes[2 * 256 + 255]);
            float[] tensor = ImageTensors.fromFloats(
                            new SequentialBlock(), manager, interleaved, new Shape(2, 3, 16, 16))
                    .toFloatArray();
            assertThat(tensor).containsExactly(planes);
            assertThat(tensor)
                    .containsExactly(ImageTensors.input(new SequentialBlock(), manager, set, 0, 2)
                            .toFloatArray());
        }
    }

    @Test
    void writingIntoAReusedBufferGivesTheFloatsOfAFreshOne() {
        ImageSet set = everyByte(3);
        DecodedInput input = new DecodedInput(
                new InputShape(3, 16, 16), PixelScaling.normalized(0.5, 0.25), ChannelNormalization.NONE);
        FloatBuffer reused = FloatBuffer.allocate(3 * 256);
        for (int i = 1; i >= 0; i--) {
            List<byte[]> one = List.of(images(set).get(i));
            input.write(one, true, reused.clear());

            assertThat(reused.position()).isEqualTo(3 * 256);
            assertThat(reused.array()).containsExactly(floats(input.floats(one, true)));
        }
        assertThatThrownBy(() -> input.write(images(set), true, reused.clear()))
                .isInstanceOf(BufferOverflowException.class);
    }

    @Test
    void anImageOfAnotherSizeIsRefused() {
        DecodedInput input = new DecodedInput(new InputShape(1, 4, 4), PixelScaling.UNIT, ChannelNormalization.NONE);
        assertThatThrownBy(() -> input.floats(List.of(new byte[15]), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an image of 15 bytes for an input of 1 x 4 x 4");
    }

    /** Two 16x16 images whose bytes run through every value in every channel. */
    private static ImageSet everyByte(int channels) {
        byte[] pixels = new byte[2 * channels * 256];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37 + i / 256);
        }
        return new ImageSet(2, channels, 16, 16, pixels);
    }

    private static List<byte[]> images(ImageSet set) {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < set.count(); i++) {
            byte[] image = new byte[set.imageSize()];
            System.arraycopy(set.pixels(), i * set.imageSize(), image, 0, image.length);
            images.add(image);
        }
        return images;
    }

    private static float[] floats(ByteBuffer buffer) {
        FloatBuffer floats = buffer.asFloatBuffer();
        float[] values = new float[floats.remaining()];
        floats.get(values);
        return values;
    }
}
