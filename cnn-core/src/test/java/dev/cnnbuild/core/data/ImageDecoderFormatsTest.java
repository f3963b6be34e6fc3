package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image files people have: phone photos with an EXIF orientation, CMYK and progressive JPEG, 16-bit, palette and
 * grey-with-alpha PNG, and WebP. Each image is generated here, tiny; only the WebP files are bytes (made with Pillow,
 * as no Java library writes WebP).
 */
class ImageDecoderFormatsTest {
    private static final InputShape RGB_16_BY_32 = new InputShape(3, 16, 32);

    @TempDir
    Path dir;

    @Test
    void aJpegToBeTurnedAQuarterClockwiseIsDecodedUpright() throws Exception {
        Path file = Files.write(dir.resolve("phone.jpg"), withOrientation(jpeg(redLeftBlueRight(), false), 6, false));

        byte[] planes = ImageDecoder.decode(file, new InputShape(3, 32, 16), ResizeMode.NONE);

        // stored 16 high and 32 wide, red left; upright it is 32 high and 16 wide, red on top
        assertThat(rgb(planes, 32, 16, 4, 8)).isEqualTo(RED);
        assertThat(rgb(planes, 32, 16, 28, 8)).isEqualTo(BLUE);
    }

    @Test
    void aJpegToBeTurnedAnticlockwiseWithLittleEndianExifIsDecodedUpright() throws Exception {
        Path file = Files.write(dir.resolve("phone.jpg"), withOrientation(jpeg(redLeftBlueRight(), false), 8, true));

        byte[] planes = ImageDecoder.decode(file, new InputShape(3, 32, 16), ResizeMode.NONE);

        assertThat(rgb(planes, 32, 16, 4, 8)).isEqualTo(BLUE);
        assertThat(rgb(planes, 32, 16, 28, 8)).isEqualTo(RED);
    }

    @Test
    void anUprightOrientationAndAJpegWithoutExifAreLeftAsStored() throws Exception {
        Path tagged = Files.write(dir.resolve("a.jpg"), withOrientation(jpeg(redLeftBlueRight(), false), 1, false));
        Path plain = Files.write(dir.resolve("b.jpg"), jpeg(redLeftBlueRight(), false));

        for (Path file : new Path[] {tagged, plain}) {
            byte[] planes = ImageDecoder.decode(file, RGB_16_BY_32, ResizeMode.NONE);
            assertThat(rgb(planes, 16, 32, 8, 4)).isEqualTo(RED);
            assertThat(rgb(planes, 16, 32, 8, 28)).isEqualTo(BLUE);
        }
    }

    @Test
    void theOrientedSizeIsWhatResizeMeasures() throws Exception {
        Path file = Files.write(dir.resolve("phone.jpg"), withOrientation(jpeg(redLeftBlueRight(), false), 6, false));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ImageDecoder.decode(file, RGB_16_BY_32, ResizeMode.NONE))
                .hasMessageStartingWith(file + ": image is 32x16 (height x width)");
    }

    @Test
    void aProgressiveJpegIsRead() throws Exception {
        Path file = Files.write(dir.resolve("progressive.jpg"), jpeg(redLeftBlueRight(), true));

        byte[] planes = ImageDecoder.decode(file, RGB_16_BY_32, ResizeMode.NONE);

        assertThat(rgb(planes, 16, 32, 8, 4)).isEqualTo(RED);
        assertThat(rgb(planes, 16, 32, 8, 28)).isEqualTo(BLUE);
    }

    @Test
    void aCmykJpegAsPhotoshopSavesItIsConvertedToRgb() throws Exception {
        // Adobe's CMYK JPEGs store inverted inks: cyan 0 %, magenta and yellow 100 %, black 0 % is red
        Path file = Files.write(dir.resolve("print.jpg"), adobe(jpeg(fourChannels(255, 0, 0, 255)), 0));

        assertThat(rawRgb(ImageDecoder.decode(file, new InputShape(3, 16, 16), ResizeMode.NONE), 16, 16, 8, 8))
                .satisfies(colour -> assertThat(colour[0]).isGreaterThan(180))
                .satisfies(colour -> assertThat(colour[1]).isLessThan(90))
                .satisfies(colour -> assertThat(colour[2]).isLessThan(90));
    }

    @Test
    void aYcckJpegIsConvertedToRgb() throws Exception {
        // the same red ink, its cyan, magenta and yellow stored as luma and chroma: the YCC of 0, 255, 255
        Path file = Files.write(dir.resolve("print.jpg"), adobe(jpeg(fourChannels(179, 171, 0, 255)), 2));

        byte[] planes = ImageDecoder.decode(file, new InputShape(1, 16, 16), ResizeMode.NONE);

        assertThat(planes[8 * 16 + 8] & 0xFF).isBetween(40, 110); // red's luminance, 76
    }

    @Test
    void sixteenBitColourPngIsScaledToEightBits() throws Exception {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 32896, 0});
        raster.setPixel(1, 0, new int[] {0, 257, 65535});
        Path file = TinyImages.write(new BufferedImage(model, raster, false, null), "png", dir.resolve("deep.png"));

        byte[] planes = ImageDecoder.decode(file, new InputShape(3, 1, 2), ResizeMode.NONE);

        assertThat(unsigned(planes)).containsExactly(255, 0, 128, 1, 0, 255);
    }

    @Test
    void palettePngIsReadThroughItsPalette() throws Exception {
        IndexColorModel palette = new IndexColorModel(
                2, 2, new byte[] {(byte) 200, 10}, new byte[] {20, 10}, new byte[] {30, (byte) 250});
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        image.getRaster().setSample(1, 0, 0, 1);
        Path file = TinyImages.write(image, "png", dir.resolve("palette.png"));

        byte[] planes = ImageDecoder.decode(file, new InputShape(3, 1, 2), ResizeMode.NONE);

        assertThat(unsigned(planes)).containsExactly(200, 10, 20, 10, 30, 250);
    }

    @Test
    void greyWithAlphaPngKeepsItsGreyAndDropsTheAlpha() throws Exception {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {40, 0});
        raster.setPixel(1, 0, new int[] {220, 128});
        Path file = TinyImages.write(new BufferedImage(model, raster, false, null), "png", dir.resolve("grey.png"));

        assertThat(unsigned(ImageDecoder.decode(file, new InputShape(1, 1, 2), ResizeMode.NONE)))
                .containsExactly(40, 220);
        assertThat(unsigned(ImageDecoder.decode(file, new InputShape(3, 1, 2), ResizeMode.NONE)))
                .containsExactly(40, 220, 40, 220, 40, 220);
    }

    @Test
    void losslessAndLossyWebpAreRead() throws Exception {
        // Pillow: a 4x2 image, red left and blue right, saved lossless; a 16x16 one of (200, 30, 30) at quality 90
        Path lossless = Files.write(
                dir.resolve("a.webp"),
                Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4TBYAAAAvA0AAAA8Q87//8x8OFAIIgIImov/x"));
        Path lossy = Files.write(
                dir.resolve("b.WEBP"),
                Base64.getDecoder()
                        .decode("UklGRj4AAABXRUJQVlA4IDIAAADQAQCdASoQABAAAMASJaACdLoB+AADsAD++X2//00jxpHjSPmLf/ugT90C"
                                + "fugT/3NoAA=="));

        byte[] exact = ImageDecoder.decode(lossless, new InputShape(3, 2, 4), ResizeMode.NONE);
        byte[] close = ImageDecoder.decode(lossy, new InputShape(3, 16, 16), ResizeMode.NONE);

        assertThat(ImageFormats.isImage(lossy)).isTrue();
        assertThat(rgb(exact, 2, 4, 1, 0)).isEqualTo(RED);
        assertThat(rgb(exact, 2, 4, 1, 3)).isEqualTo(BLUE);
        int[] colour = rawRgb(close, 16, 16, 8, 8);
        assertThat(colour[0]).isBetween(190, 210);
        assertThat(colour[1]).isBetween(20, 40);
        assertThat(colour[2]).isBetween(20, 40);
    }

    private static final int[] RED = {255, 0, 0};
    private static final int[] BLUE = {0, 0, 255};

    /** Returns a 16 x 32 image: red in its left half, blue in its right, split on a JPEG block edge. */
    private static BufferedImage redLeftBlueRight() {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, x < 16 ? 0xFF0000 : 0x0000FF);
            }
        }
        return image;
    }

    /** Returns the pixel's red, green and blue, each rounded to a multiple of 255 if within 40 of it. */
    private static int[] rgb(byte[] planes, int height, int width, int y, int x) {
        int size = height * width;
        int[] colour = new int[3];
        for (int c = 0; c < 3; c++) {
            int value = planes[c * size + y * width + x] & 0xFF;
            colour[c] = value > 215 ? 255 : value < 40 ? 0 : value;
        }
        return colour;
    }

    private static int[] rawRgb(byte[] planes, int height, int width, int y, int x) {
        int size = height * width;
        return new int[] {
            planes[y * width + x] & 0xFF, planes[size + y * width + x] & 0xFF, planes[2 * size + y * width + x] & 0xFF
        };
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return write(writer, new IIOImage(image, null, null), param);
    }

    /** Returns 16 x 16 pixels of four channels, all the same. */
    private static Raster fourChannels(int... pixel) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, new Point());
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        return raster;
    }

    /**
     * Inserts Adobe's segment after the start marker, which says how four channels are to be read: {@code 0} as
     * CMYK, {@code 2} as YCCK.
     */
    private static byte[] adobe(byte[] jpeg, int transform) {
        byte[] segment = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
        };
        byte[] marked = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, marked, 0, 2);
        System.arraycopy(segment, 0, marked, 2, segment.length);
        System.arraycopy(jpeg, 2, marked, 2 + segment.length, jpeg.length - 2);
        return marked;
    }

    /** Writes four-channel samples as a JPEG, with no segment that says what they are. */
    private static byte[] jpeg(Raster cmyk) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        return write(writer, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Inserts an EXIF segment after the JPEG's start marker holding one tag, the orientation, as a camera writes it.
     */
    static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8); // the first directory follows the 8-byte header
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0); // no next directory
        byte[] exif = new byte[2 + 2 + 6 + tiff.capacity()];
        ByteBuffer segment = ByteBuffer.wrap(exif).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length - 2));
        segment.put("Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put((byte) 0)
                .put((byte) 0);
        segment.put(tiff.array());
        byte[] tagged = new byte[jpeg.length + exif.length];
        System.arraycopy(jpeg, 0, tagged, 0, 2);
        System.arraycopy(exif, 0, tagged, 2, exif.length);
        System.arraycopy(jpeg, 2, tagged, 2 + exif.length, jpeg.length - 2);
        return tagged;
    }
}
