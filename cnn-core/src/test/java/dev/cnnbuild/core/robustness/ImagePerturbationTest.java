package dev.cnnbuild.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.ImageSet;
import org.junit.jupiter.api.Test;

class ImagePerturbationTest {
    // one 3x3 image: 1 2 3 / 4 5 6 / 7 8 9
    private final ImageSet image = new ImageSet(1, 3, 3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    @Test
    void shiftMovesPixelsAndFillsWithBlack() {
        assertThat(new PixelShift(1, 0).apply(image).pixels()).containsExactly(0, 1, 2, 0, 4, 5, 0, 7, 8);
        assertThat(new PixelShift(-1, 0).apply(image).pixels()).containsExactly(2, 3, 0, 5, 6, 0, 8, 9, 0);
        assertThat(new PixelShift(0, 1).apply(image).pixels()).containsExactly(0, 0, 0, 1, 2, 3, 4, 5, 6);
        assertThat(new PixelShift(1, -1).apply(image).pixels()).containsExactly(0, 4, 5, 0, 7, 8, 0, 0, 0);
        assertThat(new PixelShift(3, 0).apply(image).pixels()).containsOnly(0);
        assertThat(image.pixels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void shiftsDescribeThemselves() {
        assertThat(PixelShift.everyDirection(2))
                .extracting(PixelShift::describe)
                .containsExactly(
                        "shifted 2 pixels right",
                        "shifted 2 pixels left",
                        "shifted 2 pixels down",
                        "shifted 2 pixels up");
        assertThat(new PixelShift(1, -3).describe()).isEqualTo("shifted 1 pixel right and 3 pixels up");
    }

    @Test
    void noiseIsSeededClippedAndLeavesTheSourceAlone() {
        ImageSet grey = new ImageSet(2, 10, 10, new byte[200]);

        ImageSet once = new GaussianNoise(0.2, 7).apply(grey);
        ImageSet again = new GaussianNoise(0.2, 7).apply(grey);
        ImageSet otherSeed = new GaussianNoise(0.2, 8).apply(grey);

        assertThat(once.pixels()).isEqualTo(again.pixels()).isNotEqualTo(otherSeed.pixels());
        assertThat(grey.pixels()).containsOnly(0);
        assertThat(GaussianNoise.of(0).apply(image).pixels()).isEqualTo(image.pixels());
        assertThat(GaussianNoise.of(0.1).describe()).isEqualTo("Gaussian noise of sigma 0.1000 (seed 42)");
        assertThatThrownBy(() -> GaussianNoise.of(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noiseHasTheAskedSpreadOnTheUnitScale() {
        ImageSet grey = new ImageSet(1, 100, 100, filled(10_000, (byte) 128));

        byte[] noisy = GaussianNoise.of(0.05).apply(grey).pixels();

        double sum = 0;
        double squares = 0;
        for (byte b : noisy) {
            double d = ((b & 0xFF) - 128) / 255.0;
            sum += d;
            squares += d * d;
        }
        assertThat(sum / noisy.length).isBetween(-0.002, 0.002);
        assertThat(Math.sqrt(squares / noisy.length)).isBetween(0.048, 0.052);
    }

    private static byte[] filled(int n, byte value) {
        byte[] bytes = new byte[n];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
