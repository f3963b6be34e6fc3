package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each EXIF orientation turns the stored planes upright, as Pillow's exif_transpose; files without one stay as they are. */
class ExifOrientationTest {
    /** Two planes of a 2 x 3 image: 1 2 3 / 4 5 6, and the same plus 10. */
    private static final byte[] STORED = {1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16};

    @Test
    void eachOrientationTurnsThePlanesUpright() {
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 1)).isSameAs(STORED);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 2)).startsWith(3, 2, 1, 6, 5, 4, 13);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 3)).startsWith(6, 5, 4, 3, 2, 1, 16);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 4)).startsWith(4, 5, 6, 1, 2, 3, 14);
        // 3 high and 2 wide from here on
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 5)).startsWith(1, 4, 2, 5, 3, 6, 11);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 6)).startsWith(4, 1, 5, 2, 6, 3, 14);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 7)).startsWith(6, 3, 5, 2, 4, 1, 16);
        assertThat(ExifOrientation.apply(STORED, 2, 2, 3, 8)).startsWith(3, 6, 2, 5, 1, 4, 13);
    }

    @Test
    void theTagIsReadInEitherByteOrderAndIsUprightWhenAbsentOrInvalid() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

        assertThat(ExifOrientation.of(ImageDecoderFormatsTest.withOrientation(jpeg, 6, false)))
                .isEqualTo(6);
        assertThat(ExifOrientation.of(ImageDecoderFormatsTest.withOrientation(jpeg, 3, true)))
                .isEqualTo(3);
        assertThat(ExifOrientation.of(ImageDecoderFormatsTest.withOrientation(jpeg, 9, true)))
                .isEqualTo(1);
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo(1);
        byte[] cut = ImageDecoderFormatsTest.withOrientation(jpeg, 6, false);
        assertThat(ExifOrientation.of(java.util.Arrays.copyOf(cut, 20))).isEqualTo(1);
    }
}
