package dev.cnnbuild.core.data;

/**
 * The EXIF orientation of a JPEG file (tag {@code 0x0112} of the first image directory), and turning decoded planes
 * upright by it, as Pillow's {@code ImageOps.exif_transpose} does: phone cameras store the sensor's rows and record
 * in this tag how the picture is to be turned for display.
 *
 * <pre>{@code
 * int orientation = ExifOrientation.of(bytes);   // 1 (upright) when the file has no EXIF orientation
 * byte[] upright = ExifOrientation.apply(planes, 3, height, width, orientation);   // 6: height and width swap
 * }</pre>
 */
final class ExifOrientation {
    private static final int TAG = 0x0112;

    private ExifOrientation() {}

    /**
     * Returns the orientation recorded in a JPEG file's EXIF segment.
     *
     * @param file the file's bytes
     * @return 1 to 8; 1 when the file is no JPEG, has no EXIF segment or no valid orientation
     */
    static int of(byte[] file) {
        if (file.length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xFF) == 0xFF) {
            int marker = file[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // image data or the end: no EXIF segment before them
            }
            int length = ((file[at + 2] & 0xFF) << 8) | (file[at + 3] & 0xFF);
            if (marker == 0xE1 && length >= 8 && at + 2 + length <= file.length && isExif(file, at + 4)) {
                return orientation(file, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return 1;
    }

    private static boolean isExif(byte[] file, int at) {
        return file[at] == 'E'
                && file[at + 1] == 'x'
                && file[at + 2] == 'i'
                && file[at + 3] == 'f'
                && file[at + 4] == 0
                && file[at + 5] == 0;
    }

    /** Reads the tag from the TIFF structure at {@code tiff}, which ends before {@code end}. */
    private static int orientation(byte[] file, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = file[tiff] == 'I' && file[tiff + 1] == 'I';
        if (!little && !(file[tiff] == 'M' && file[tiff + 1] == 'M')) {
            return 1;
        }
        long directory = tiff + unsigned(file, tiff + 4, 4, little);
        if (directory + 2 > end) {
            return 1;
        }
        int entries = (int) unsigned(file, (int) directory, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned(file, entry, 2, little) == TAG && unsigned(file, entry + 2, 2, little) == 3) {
                int value = (int) unsigned(file, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long unsigned(byte[] file, int at, int bytes, boolean little) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int b = file[at + (little ? bytes - 1 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    /**
     * Turns planes upright.
     *
     * @param planes {@code channels} planes of {@code height x width} bytes, as stored in the file
     * @param channels the number of planes
     * @param height the stored height
     * @param width the stored width
     * @param orientation 1 to 8, as {@link #of} returns
     * @return the upright planes, the same array for orientation 1; for 5 to 8 they are {@code width} high and
     *     {@code height} wide
     */
    static byte[] apply(byte[] planes, int channels, int height, int width, int orientation) {
        if (orientation == 1) {
            return planes;
        }
        boolean swap = orientation >= 5;
        int outHeight = swap ? width : height;
        int outWidth = swap ? height : width;
        int size = height * width;
        byte[] upright = new byte[planes.length];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int source =
                        switch (orientation) {
                            case 2 -> y * width + (width - 1 - x); // mirrored
                            case 3 -> (height - 1 - y) * width + (width - 1 - x); // turned half round
                            case 4 -> (height - 1 - y) * width + x; // upside down
                            case 5 -> x * width + y; // transposed
                            case 6 -> (height - 1 - x) * width + y; // to be turned a quarter clockwise
                            case 7 -> (height - 1 - x) * width + (width - 1 - y); // transversed
                            case 8 -> x * width + (width - 1 - y); // to be turned a quarter anticlockwise
                            default -> throw new IllegalArgumentException("orientation " + orientation);
                        };
                for (int c = 0; c < channels; c++) {
                    upright[c * size + y * outWidth + x] = planes[c * size + source];
                }
            }
        }
        return upright;
    }
}
