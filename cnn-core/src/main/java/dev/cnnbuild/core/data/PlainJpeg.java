package dev.cnnbuild.core.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a plain JPEG with the JDK's own reader: 8-bit grey or YCbCr (components 1, 2, 3), baseline, extended or
 * progressive, with no ICC profile and no Adobe segment, as cameras and most data sets save it. TwelveMonkeys'
 * reader, which {@link ImageDecoder} registers first for the CMYK and YCCK files the JDK's refuses, hands such a file
 * to the JDK's reader all the same, so the pixels are the same; reading it directly saves the segment parsing
 * TwelveMonkeys does first. Anything else, a file the JDK's reader refuses or warns about included, is left to the
 * registered readers ({@link #read} returns {@code null}).
 *
 * <pre>{@code
 * BufferedImage image = PlainJpeg.read(bytes);   // null: read it with ImageIO
 * }</pre>
 */
final class PlainJpeg {
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final ImageReaderSpi JDK = jdkReader();

    private PlainJpeg() {}

    /**
     * Decodes a plain JPEG with the JDK's reader.
     *
     * @param file the whole file
     * @return the image, or {@code null} when the file is no plain JPEG or the JDK's reader does not read it cleanly
     */
    static BufferedImage read(byte[] file) {
        if (JDK == null || !isPlain(file)) {
            return null;
        }
        ImageReader reader;
        try {
            reader = JDK.createReaderInstance();
        } catch (IOException e) {
            return null;
        }
        boolean[] warned = {false};
        reader.addIIOReadWarningListener(warnings(warned));
        try (MemoryCacheImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(stream, true, true);
            BufferedImage image = reader.read(0);
            return warned[0] ? null : image;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            reader.dispose();
        }
    }

    /**
     * Returns whether a file is a JPEG that the JDK's reader and TwelveMonkeys' decode alike: before the scan, no
     * ICC profile ({@code APP2}), no Adobe segment ({@code APP14}), and a frame of Huffman-coded 8-bit samples
     * with one component or three numbered 1, 2 and 3 (YCbCr).
     */
    static boolean isPlain(byte[] file) {
        if (file.length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != 0xD8) {
            return false;
        }
        boolean frame = false;
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xFF) == 0xFF) {
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xDA) {
                return frame;
            }
            int length = ((file[at + 2] & 0xFF) << 8) | (file[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > file.length) {
                return false;
            }
            if (marker == 0xE2 || marker == 0xEE) {
                return false;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (frame || marker > 0xC2 || !isPlainFrame(file, at + 4, length - 2)) {
                    return false;
                }
                frame = true;
            }
            at += 2 + length;
        }
        return false;
    }

    /** Checks a frame header of {@code length} bytes at {@code at}: 8 bits, grey or components 1, 2 and 3. */
    private static boolean isPlainFrame(byte[] file, int at, int length) {
        if (length < 6 || file[at] != 8) {
            return false;
        }
        int components = file[at + 5] & 0xFF;
        if (length < 6 + 3 * components) {
            return false;
        }
        if (components == 1) {
            return true;
        }
        return components == 3 && file[at + 6] == 1 && file[at + 9] == 2 && file[at + 12] == 3;
    }

    private static IIOReadWarningListener warnings(boolean[] warned) {
        return (source, warning) -> warned[0] = true;
    }

    private static ImageReaderSpi jdkReader() {
        Iterator<ImageReaderSpi> readers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (readers.hasNext()) {
            ImageReaderSpi reader = readers.next();
            if (reader.getClass().getName().equals(JDK_READER)) {
                return reader;
            }
        }
        return null;
    }
}
