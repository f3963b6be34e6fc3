package dev.cnnbuild.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.nn.ImageTensors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A pass reuses its arrays from batch to batch: in batches of 3 (the last one of 1) each image gets what it gets
 * alone in a batch of its own, so no batch reads what the one before left.
 */
class EvaluatorTest {
    private static final int COUNT = 10;
    private static final int CLASSES = 3;

    @Test
    void batchesThatReuseTheirArraysPredictWhatEachImageAlonePredicts() throws Exception {
        byte[] pixels = new byte[COUNT * 3 * 4 * 4];
        new Random(3).nextBytes(pixels);
        HeapImageStore store = new HeapImageStore(
                new LabeledImages(new ImageSet(COUNT, 3, 4, 4, pixels), new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}));
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock network = new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(CLASSES).build());
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 4, 4));
            assertThat(ImageTensors.isChannelsLast(network, manager))
                    .as("the floats go through the reused direct buffer")
                    .isTrue();

            List<Prediction> alone = Evaluator.evaluateAndPredict(
                            network, manager, store, CLASSES, 1, PixelScaling.UNIT, ChannelNormalization.NONE)
                    .predictions();
            PredictedEvaluation inThrees = Evaluator.evaluateAndPredict(
                    network, manager, store, CLASSES, 3, PixelScaling.UNIT, ChannelNormalization.NONE);

            assertThat(inThrees.predictions()).hasSize(COUNT);
            for (int i = 0; i < COUNT; i++) {
                for (int c = 0; c < CLASSES; c++) {
                    assertThat(inThrees.predictions().get(i).probability(c))
                            .as("image %d, class %d", i, c)
                            .isCloseTo(alone.get(i).probability(c), within(1e-6));
                }
            }
            assertThat(inThrees.evaluation().count()).isEqualTo(COUNT);
        }
    }
}
