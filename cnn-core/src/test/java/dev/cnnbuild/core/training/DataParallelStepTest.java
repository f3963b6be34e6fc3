package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.testing.TinyDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-parallel step gives the gradient and figures of the whole batch. Run here with the CPU given three times as
 * the slices' devices (DJL's trainer itself takes each device once), so the slicing, the per-slice weighting and the
 * summing of gradients are exercised without a GPU.
 */
class DataParallelStepTest {
    private static final int ROWS = 10;

    @TempDir
    Path dir;

    @Test
    void slicesUnevenlyAndSumsToTheWholeBatchGradient() throws Exception {
        assertSlicesSumToTheWholeBatch(Loss.softmaxCrossEntropyLoss());
    }

    @Test
    void withClassWeightsAndLabelSmoothingSlicesSumToTheWholeBatchToo() throws Exception {
        // each slice's weighted mean counts by its share of the batch's label weights, not of its images
        assertSlicesSumToTheWholeBatch(new SmoothedCrossEntropyLoss(0.1, new float[] {0.25f, 3f}));
    }

    private void assertSlicesSumToTheWholeBatch(Loss lossFunction) throws Exception {
        CheckedModel checked = CheckedModel.read(TinyDataset.writeModel(dir, "tiny", ""), MemoryLimit.machine());
        ModelSpec spec = checked.spec();
        Device[] devices = {Device.cpu(), Device.cpu(), Device.cpu()};
        try (Model model = Model.newInstance("tiny", Device.cpu(), "PyTorch")) {
            model.setBlock(NetworkBuilder.build(checked.shapes()));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(lossFunction).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(ROWS, 1, TinyDataset.SIZE, TinyDataset.SIZE));
                NDManager manager = trainer.getManager();
                manager.getEngine().setRandomSeed(3);
                NDArray images = manager.randomUniform(0, 1, new Shape(ROWS, 1, TinyDataset.SIZE, TinyDataset.SIZE));
                NDArray labels =
                        manager.create(new int[] {0, 1, 1, 0, 1, 0, 0, 1, 1, 1}).toType(DataType.INT64, false);

                double wholeLoss;
                long wholeCorrect;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(images)).singletonOrThrow();
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                    collector.backward(loss);
                    wholeLoss = loss.getFloat();
                    wholeCorrect = logits.argMax(1).eq(labels).countNonzero().getLong();
                }
                float[] wholeGradient = gradients(model);
                zeroGradients(model);

                DataParallelStep.BatchFigures figures = DataParallelStep.train(trainer, devices, images, labels);

                assertThat(figures.loss()).isCloseTo(wholeLoss, within(1e-6));
                assertThat(figures.correct()).isEqualTo(wholeCorrect);
                float[] sliced = gradients(model);
                assertThat(sliced).hasSameSizeAs(wholeGradient);
                for (int i = 0; i < sliced.length; i++) {
                    assertThat(sliced[i]).as("gradient %d", i).isCloseTo(wholeGradient[i], within(1e-6f));
                }
            }
        }
    }

    @Test
    void cutsIntoSlicesThatDifferByOneAtMost() {
        assertThat(DataParallelStep.cuts(10, 3)).containsExactly(3, 6);
        assertThat(DataParallelStep.cuts(256, 8)).containsExactly(32, 64, 96, 128, 160, 192, 224);
        assertThat(DataParallelStep.cuts(5, 1)).isEmpty();
    }

    /** As DJL's parameter server does after each step: a new collector adds to the gradients it finds. */
    private static void zeroGradients(Model model) {
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            NDArray gradient = parameter.getValue().getArray().getGradient();
            gradient.subi(gradient);
        }
    }

    private static float[] gradients(Model model) {
        List<Float> values = new ArrayList<>();
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            for (float value : parameter.getValue().getArray().getGradient().toFloatArray()) {
                values.add(value);
            }
        }
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }
}
