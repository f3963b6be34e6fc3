package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The softmax taken in Java gives PyTorch's probabilities, for ordinary and extreme logits. */
class PredictionTest {

    @Test
    void theSoftmaxOfLogitRowsIsPyTorchsWithinFloatRounding() {
        float[] logits = {2f, 0f, -1f, 0f, 0.5f, 0.5f, 300f, -300f, 1e-3f, 88f, 89f, -90f};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] torch = manager.create(logits, new Shape(4, 3)).softmax(1).toFloatArray();

            List<Prediction> predictions = Prediction.ofLogitRows(logits, 3);

            assertThat(predictions).hasSize(4);
            for (int row = 0; row < 4; row++) {
                float[] expected = Arrays.copyOfRange(torch, row * 3, row * 3 + 3);
                assertThat(predictions.get(row).probabilities()).containsExactly(expected, within(1e-7f));
            }
            assertThat(predictions.get(0).label()).isZero();
            assertThat(predictions.get(1).label()).as("the first among equals").isEqualTo(1);
            assertThat(predictions.get(2).probabilities()).containsExactly(1f, 0f, 0f);
            assertThat(predictions.get(3).label()).isEqualTo(1);
        }
    }
}
