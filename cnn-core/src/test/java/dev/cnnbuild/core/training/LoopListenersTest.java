package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The epoch loop's listeners hear each batch in order, any one of them stops the training, a non-finite loss stops
 * it at its batch, and closing closes them all, the last first.
 */
class LoopListenersTest {
    private final List<String> heard = new ArrayList<>();

    @Test
    void everyListenerHearsEachBatchInOrderAndClosesInReverse() throws Exception {
        try (LoopListeners listeners = new LoopListeners(List.of(recorder("a", false), recorder("b", false)))) {
            listeners.onBatch(new LoopListener.BatchEnd(1, 1, 4, 0.5, 0.5, 0));

            assertThat(listeners.stopsTraining()).isFalse();
        }

        assertThat(heard).containsExactly("a batch 1", "b batch 1", "b closed", "a closed");
    }

    @Test
    void oneListenerThatStopsStopsTheTraining() {
        LoopListeners listeners = new LoopListeners(List.of(recorder("a", false), recorder("b", true)));

        assertThat(listeners.stopsTraining()).isTrue();
    }

    @Test
    void aNonFiniteLossStopsTrainingAtItsBatchAndTheListenersAfterItHearNothing() {
        LoopListeners listeners =
                new LoopListeners(List.of(new DivergenceListener("tiny"), recorder("progress", false)));

        assertThatThrownBy(() -> listeners.onBatch(new LoopListener.BatchEnd(3, 2, 16, Double.NaN, Double.NaN, 0)))
                .isInstanceOf(TrainingException.class)
                .hasMessage(
                        "tiny: training diverged: the loss is NaN in epoch 3, batch 2 of 16; lower the learning"
                                + " rate ('learningRate' under 'training.optimizer'), and check the data; no model was written");
        assertThat(heard).isEmpty();
    }

    @Test
    void aFiniteLossGoesOn() throws Exception {
        new DivergenceListener("tiny").onBatch(new LoopListener.BatchEnd(1, 1, 1, 1e30, 1e30, 0));
    }

    private LoopListener recorder(String name, boolean stops) {
        return new LoopListener() {
            @Override
            public void onBatch(BatchEnd batch) {
                heard.add(name + " batch " + batch.batch());
            }

            @Override
            public boolean stopsTraining() {
                return stops;
            }

            @Override
            public void close() {
                heard.add(name + " closed");
            }
        };
    }
}
