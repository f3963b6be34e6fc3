package dev.cnnbuild.core.report;

import dev.cnnbuild.core.data.ImageSet;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Turns one grey or colour image of an {@link ImageSet} into an upscaled PNG {@code data:} URI. */
final class PngDataUri {

    private PngDataUri() {}

    /**
     * Returns the image as {@code data:image/png;base64,...}, each pixel a {@code scale x scale} square.
     *
     * @param images the images
     * @param index which one
     * @param scale how many times larger
     * @return the data URI
     */
    static String of(ImageSet images, int index, int scale) {
        boolean colour = images.channels() == 3;
        BufferedImage image = new BufferedImage(
                images.width() * scale,
                images.height() * scale,
                colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] square = new int[scale * scale];
        for (int band = 0; band < raster.getNumBands(); band++) {
            for (int row = 0; row < images.height(); row++) {
                for (int column = 0; column < images.width(); column++) {
                    Arrays.fill(square, images.pixel(index, band, row, column));
                    raster.setSamples(column * scale, row * scale, scale, scale, band, square);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
