package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files into input bytes: every format and colour kind, channel conversion, resizing, and errors. */
class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void colourPngBecomesThreePlanesOrGreyByLuminance() throws Exception {
        Path red = TinyImages.solid(dir.resolve("red.png"), 2, 3, 0xFF0000, "png");

        assertThat(ImageDecoder.decode(red, new InputShape(3, 2, 3), ResizeMode.NONE))
                .containsExactly(planes(255, 0, 0, 6));
        assertThat(ImageDecoder.decode(red, new InputShape(1, 2, 3), ResizeMode.NONE))
                .containsExactly(planes(76, 6));
    }

    @Test
    void greyRepeatsToThreeChannels() throws Exception {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {100, 100, 100, 100});
        Path file = TinyImages.write(grey, "png", dir.resolve("grey.png"));

        assertThat(ImageDecoder.decode(file, new InputShape(3, 2, 2), ResizeMode.NONE))
                .containsExactly(planes(100, 100, 100, 4));
    }

    @Test
    void greyBytesAreReadInRowOrderFromAPartOfALargerImageAndBesideAlpha() throws Exception {
        BufferedImage large = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = new int[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 13;
        }
        large.getRaster().setSamples(0, 0, 5, 4, 0, values);
        BufferedImage part = large.getSubimage(1, 1, 3, 2); // its raster starts inside the larger one's bytes
        BufferedImage fromPng = ImageIO.read(
                TinyImages.write(part, "png", dir.resolve("part.png")).toFile());
        ColorModel greyAndAlpha = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        BufferedImage withAlpha =
                new BufferedImage(greyAndAlpha, greyAndAlpha.createCompatibleWritableRaster(3, 2), false, null);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                withAlpha.getRaster().setSample(x, y, 0, part.getRaster().getSample(x, y, 0));
                withAlpha.getRaster().setSample(x, y, 1, 77);
            }
        }
        byte[] expected = {78, 91, 104, (byte) 143, (byte) 156, (byte) 169}; // rows 1 and 2, columns 1 to 3

        for (BufferedImage image : new BufferedImage[] {part, fromPng, withAlpha}) {
            assertThat(ImageDecoder.decode(image, "part", new InputShape(1, 2, 3), ResizeMode.NONE))
                    .containsExactly(expected);
        }
    }

    @Test
    void eightBitRastersGiveTheSamplesEveryBandSampleByTheFormulaGivesForOddSizesAndSubimages() throws Exception {
        Random random = new Random(3);
        int[] types = {
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_RGB
        };
        for (int type : types) {
            for (int[] size : new int[][] {{7, 5}, {1, 1}, {4, 9}}) {
                BufferedImage whole = new BufferedImage(size[1] + 3, size[0] + 2, type);
                for (int band = 0; band < whole.getRaster().getNumBands(); band++) {
                    for (int y = 0; y < whole.getHeight(); y++) {
                        for (int x = 0; x < whole.getWidth(); x++) {
                            whole.getRaster().setSample(x, y, band, random.nextInt(256));
                        }
                    }
                }
                for (BufferedImage image : new BufferedImage[] {whole, whole.getSubimage(2, 1, size[1], size[0])}) {
                    int colours = image.getColorModel().getNumColorComponents();
                    InputShape input = new InputShape(colours, image.getHeight(), image.getWidth());

                    assertThat(ImageDecoder.decode(image, "random", input, ResizeMode.NONE))
                            .as("type %d, %dx%d", type, image.getHeight(), image.getWidth())
                            .containsExactly(bySamples(image, colours));
                }
            }
        }
    }

    /** Each colour band's samples, {@code (s * 255 + max / 2) / max} with {@code max} the band's largest value. */
    private static byte[] bySamples(BufferedImage image, int colours) {
        int size = image.getWidth() * image.getHeight();
        byte[] planes = new byte[colours * size];
        for (int band = 0; band < colours; band++) {
            long max = (1L << image.getColorModel().getComponentSize(band)) - 1;
            for (int y = 0, i = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++, i++) {
                    planes[band * size + i] = (byte) ((image.getRaster().getSample(x, y, band) * 255L + max / 2) / max);
                }
            }
        }
        return planes;
    }

    @Test
    void alphaIsDropped() throws Exception {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x800A141E);
        Path file = TinyImages.write(image, "png", dir.resolve("alpha.png"));

        assertThat(ImageDecoder.decode(file, new InputShape(3, 1, 1), ResizeMode.NONE))
                .containsExactly(10, 20, 30);
    }

    @Test
    void sixteenBitPngIsScaledToEightBits() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {65535, 32896});
        Path file = TinyImages.write(image, "png", dir.resolve("deep.png"));

        assertThat(ImageDecoder.decode(file, new InputShape(1, 1, 2), ResizeMode.NONE))
                .containsExactly((byte) 255, (byte) 128);
    }

    @Test
    void gifBmpAndJpegAreRead() throws Exception {
        Path gif = TinyImages.solid(dir.resolve("green.gif"), 2, 2, 0x00FF00, "gif");
        Path bmp = TinyImages.solid(dir.resolve("colour.bmp"), 2, 2, 0x0C2238, "bmp");
        Path jpeg = TinyImages.solid(dir.resolve("colour.jpg"), 8, 8, 0xC86432, "jpeg");

        assertThat(ImageDecoder.decode(gif, new InputShape(3, 2, 2), ResizeMode.NONE))
                .containsExactly(planes(0, 255, 0, 4));
        assertThat(ImageDecoder.decode(bmp, new InputShape(3, 2, 2), ResizeMode.NONE))
                .containsExactly(planes(12, 34, 56, 4));
        byte[] decoded = ImageDecoder.decode(jpeg, new InputShape(3, 8, 8), ResizeMode.NONE);
        assertThat(decoded[0] & 0xFF).isBetween(196, 204);
        assertThat(decoded[64] & 0xFF).isBetween(96, 104);
        assertThat(decoded[128] & 0xFF).isBetween(46, 54);
    }

    @Test
    void anotherSizeIsRefusedByDefaultNamingTheFileAndBothSizes() throws Exception {
        Path file = TinyImages.solid(dir.resolve("big.png"), 30, 40, 0x000000, "png");

        assertThatThrownBy(() -> ImageDecoder.decode(file, new InputShape(1, 28, 28), ResizeMode.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(file + ": image is 30x40 (height x width) but the model input is 28x28; resize the"
                        + " images, or set 'resize: stretch' or 'resize: crop' in the model file's 'data' section");
    }

    @Test
    void stretchInterpolatesBetweenPixelCentres() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 200});
        Path file = TinyImages.write(image, "png", dir.resolve("two.png"));

        assertThat(ImageDecoder.decode(file, new InputShape(1, 1, 4), ResizeMode.STRETCH))
                .containsExactly((byte) 0, (byte) 50, (byte) 150, (byte) 200);
    }

    @Test
    void cropScalesTheShortSideAndTakesTheCentre() throws Exception {
        BufferedImage wide = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 4; x < 12; x++) {
            for (int y = 0; y < 8; y++) {
                wide.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path file = TinyImages.write(wide, "png", dir.resolve("wide.png"));

        assertThat(ImageDecoder.decode(file, new InputShape(1, 4, 4), ResizeMode.CROP))
                .containsExactly(planes(255, 16));
        byte[] stretched = ImageDecoder.decode(file, new InputShape(1, 4, 4), ResizeMode.STRETCH);
        assertThat(stretched[0]).isEqualTo((byte) 0);
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "not a picture");

        assertThatThrownBy(() -> ImageDecoder.decode(file, new InputShape(1, 2, 2), ResizeMode.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(file + ": is not a PNG, JPEG, BMP, GIF or WebP image although its name says so; replace it"
                        + " or remove it");
    }

    @Test
    void aTruncatedImageIsNamed() throws Exception {
        Path whole = TinyImages.solid(dir.resolve("whole.png"), 8, 8, 0x123456, "png");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, 40));

        assertThatThrownBy(() -> ImageDecoder.decode(file, new InputShape(1, 8, 8), ResizeMode.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + ": cannot be decoded as an image (")
                .hasMessageEndingWith(
                        "); the file is damaged or not what its extension says: replace it or remove" + " it");
    }

    private static byte[] planes(int value, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] planes(int red, int green, int blue, int size) {
        byte[] bytes = new byte[3 * size];
        Arrays.fill(bytes, 0, size, (byte) red);
        Arrays.fill(bytes, size, 2 * size, (byte) green);
        Arrays.fill(bytes, 2 * size, 3 * size, (byte) blue);
        return bytes;
    }
}
