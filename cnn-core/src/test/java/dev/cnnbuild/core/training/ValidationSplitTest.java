package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
    /** 100 one-pixel images whose pixel is their index, labelled by parity. */
    private static final ImageStore HUNDRED = new HeapImageStore(new LabeledImages(
            new ImageSet(100, 1, 1, bytes(IntStream.range(0, 100).toArray())),
            IntStream.range(0, 100).map(i -> i % 2).toArray()));

    @Test
    void holdsOutTheRoundedShareDisjointAndInOrder() throws Exception {
        TrainingData data = ValidationSplit.split("tiny", HUNDRED, 0.105, 7);

        int[] train = pixels(data.train());
        int[] validation = pixels(data.validation());
        assertThat(validation).hasSize(11).isSorted();
        assertThat(train).hasSize(89).isSorted();
        assertThat(IntStream.concat(Arrays.stream(train), Arrays.stream(validation))
                        .sorted()
                        .toArray())
                .isEqualTo(IntStream.range(0, 100).toArray());
        assertThat(data.validation().labels())
                .isEqualTo(Arrays.stream(validation).map(i -> i % 2).toArray());
    }

    @Test
    void theSeedDecidesWhichImagesAreHeldOut() throws Exception {
        int[] first = pixels(ValidationSplit.split("tiny", HUNDRED, 0.2, 7).validation());

        assertThat(pixels(ValidationSplit.split("tiny", HUNDRED, 0.2, 7).validation()))
                .isEqualTo(first);
        assertThat(pixels(ValidationSplit.split("tiny", HUNDRED, 0.2, 8).validation()))
                .isNotEqualTo(first);
    }

    @Test
    void noShareKeepsEveryImageForTraining() throws Exception {
        TrainingData data = ValidationSplit.split("tiny", HUNDRED, 0, 7);

        assertThat(data.train()).isSameAs(HUNDRED);
        assertThat(data.validation()).isNull();
        assertThat(data.validationSize()).isZero();
    }

    @Test
    void aShareThatHoldsOutNothingIsReported() {
        assertThatThrownBy(() -> ValidationSplit.split("tiny", HUNDRED, 0.001, 7))
                .isInstanceOf(TrainingException.class)
                .hasMessage("tiny: 'training.validationSplit' 0.001 of 100 training images holds out none; raise it"
                        + " or remove it");
    }

    private static int[] pixels(ImageStore images) throws Exception {
        ImageSet all = images.gather(IntStream.range(0, images.count()).toArray());
        return IntStream.range(0, images.count()).map(i -> all.pixel(i, 0, 0)).toArray();
    }

    private static byte[] bytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
