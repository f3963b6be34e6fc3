package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Plain JPEGs read by the JDK's reader give TwelveMonkeys' pixels; every other JPEG is left to TwelveMonkeys. */
class PlainJpegTest {

    @Test
    void plainColourAndGreyJpegsOfOddSizesGiveTwelveMonkeysPixels() throws Exception {
        Random random = new Random(4);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            for (boolean progressive : new boolean[] {false, true}) {
                BufferedImage image = new BufferedImage(13, 7, type);
                random.nextBytes(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
                byte[] file = jpeg(image, progressive);
                byte[] rotated = ImageDecoderFormatsTest.withOrientation(file, 6, false);

                for (byte[] bytes : new byte[][] {file, rotated}) {
                    BufferedImage jdk = PlainJpeg.read(bytes);
                    BufferedImage twelveMonkeys = twelveMonkeys(bytes);

                    assertThat(jdk)
                            .as("type %d, progressive %b", type, progressive)
                            .isNotNull();
                    assertThat(jdk.getType()).isEqualTo(twelveMonkeys.getType());
                    assertThat(pixels(jdk)).isEqualTo(pixels(twelveMonkeys));
                }
                int channels = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
                assertThat(ImageDecoder.decode(file, "plain.jpg", new InputShape(channels, 7, 13), ResizeMode.NONE))
                        .isEqualTo(ImageDecoder.decode(
                                twelveMonkeys(file), "plain.jpg", new InputShape(channels, 7, 13), ResizeMode.NONE));
            }
        }
    }

    @Test
    void aProfileAnAdobeSegmentFourComponentsOrACutFileIsLeftToTwelveMonkeys() throws Exception {
        byte[] plain = jpeg(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), false);
        assertThat(PlainJpeg.isPlain(plain)).isTrue();

        byte[] profile = {(byte) 0xFF, (byte) 0xE2, 0, 14, 'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};
        assertThat(PlainJpeg.isPlain(insert(plain, profile)))
                .as("an ICC profile")
                .isFalse();
        assertThat(PlainJpeg.read(insert(plain, profile))).isNull();
        assertThat(PlainJpeg.isPlain(insert(plain, adobe)))
                .as("Adobe's segment")
                .isFalse();
        assertThat(PlainJpeg.isPlain(Arrays.copyOf(plain, 30)))
                .as("cut in the headers")
                .isFalse();
        assertThat(PlainJpeg.read(Arrays.copyOf(plain, plain.length - 40)))
                .as("cut in the scan: the JDK's reader warns")
                .isNull();
        assertThat(PlainJpeg.isPlain(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage twelveMonkeys(byte[] file) throws Exception {
        ImageDecoder.exifOrientation(file); // registers TwelveMonkeys' reader
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.twelvemonkeys.")) {
                reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(file)));
                try {
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new AssertionError("TwelveMonkeys' JPEG reader is not registered");
    }

    private static byte[] insert(byte[] jpeg, byte[] segment) {
        byte[] marked = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, marked, 0, 2);
        System.arraycopy(segment, 0, marked, 2, segment.length);
        System.arraycopy(jpeg, 2, marked, 2 + segment.length, jpeg.length - 2);
        return marked;
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
