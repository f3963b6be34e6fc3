package dev.cnnbuild.core.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.cnnbuild.core.nn.NetworkBuilder;
import dev.cnnbuild.core.spec.AdamOptimizer;
import dev.cnnbuild.core.spec.AdamWOptimizer;
import dev.cnnbuild.core.spec.CosineSchedule;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.OneCycleSchedule;
import dev.cnnbuild.core.spec.OptimizerSpec;
import dev.cnnbuild.core.spec.SgdOptimizer;
import dev.cnnbuild.core.spec.ShapeInference;
import dev.cnnbuild.core.testing.TinyDataset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The resumable optimizers step exactly as DJL's own ones do, and pick up exactly where an exported one was. */
class ResumableOptimizerTest {
    private static final AdamOptimizer ADAM = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, 0.001);
    private static final SgdOptimizer SGD = new SgdOptimizer(0.1, 0.9, 0.001);

    @Test
    void assignOverwritesAWeightInPlace() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray source = manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));

            ResumableOptimizer.assign(weight, source);

            assertThat(weight.toFloatArray()).containsExactly(5, 6, 7, 8);
            assertThat(source.toFloatArray()).containsExactly(5, 6, 7, 8);
        }
    }

    @Test
    void adamStepsExactlyAsDjlsAdam() throws Exception {
        Optimizer djl = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed(0.01f))
                .optBeta1(0.9f)
                .optBeta2(0.999f)
                .optEpsilon(1e-8f)
                .optWeightDecays(0.001f)
                .build();

        assertThat(new Run(ResumableOptimizer.of(ADAM, 0)).steps(0, 5).parameters())
                .isEqualTo(new Run(djl).steps(0, 5).parameters());
    }

    @Test
    void plainSgdStepsExactlyAsDjlsSgd() throws Exception {
        Optimizer djl = Optimizer.sgd()
                .setLearningRateTracker(Tracker.fixed(0.1f))
                .optWeightDecays(0.001f)
                .build();

        assertThat(new Run(ResumableOptimizer.of(new SgdOptimizer(0.1, 0, 0.001), 0))
                        .steps(0, 5)
                        .parameters())
                .isEqualTo(new Run(djl).steps(0, 5).parameters());
    }

    @Test
    void adamwResumedFromExportedStateEndsWhereAnUninterruptedRunEnds() throws Exception {
        assertResumesExactly(new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01));
    }

    @Test
    void nesterovSgdResumedFromExportedStateEndsWhereAnUninterruptedRunEnds() throws Exception {
        assertResumesExactly(new SgdOptimizer(0.1, 0.9, true, 0.001));
    }

    @Test
    void adamResumedFromExportedStateEndsWhereAnUninterruptedRunEnds() throws Exception {
        assertResumesExactly(ADAM);
    }

    @Test
    void sgdResumedFromExportedStateEndsWhereAnUninterruptedRunEnds() throws Exception {
        assertResumesExactly(SGD);
    }

    @Test
    void sgdWithoutMomentumHasNoState() throws Exception {
        Run run = new Run(ResumableOptimizer.of(new SgdOptimizer(0.1, 0, 0), 0)).steps(0, 2);

        assertThat(((ResumableOptimizer) run.optimizer).exportState(run.network.getParameters()))
                .isEmpty();
        run.parameters();
    }

    @Test
    void stateOfAnotherOptimizerIsRejected() throws Exception {
        Run adam = new Run(ResumableOptimizer.of(ADAM, 0)).steps(0, 1);
        byte[] state = ((ResumableOptimizer) adam.optimizer)
                .exportState(adam.network.getParameters())
                .encode();
        byte[] parameters = adam.parameters();

        assertThatThrownBy(() -> new Run(ResumableOptimizer.of(SGD, 1), parameters, state))
                .isInstanceOf(IOException.class)
                .hasMessage("the optimizer state has 8 arrays, but only 0 belong to this network's parameters and"
                        + " this optimizer");
    }

    @Test
    void adamwWithAWarmedUpCosineScheduleResumedEndsWhereAnUninterruptedRunEnds() throws Exception {
        AdamWOptimizer adamw = new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01);
        // five epochs of one step: a warm-up of two steps, then the cosine
        assertResumesExactly(adamw, LearningRateSchedule.of(adamw, new CosineSchedule(2, 0), 5, 1));
    }

    @Test
    void aOneCycleThatCyclesTheMomentumResumedEndsWhereAnUninterruptedRunEnds() throws Exception {
        // five epochs of one step: the rate rises for two, the momentum (beta1 for Adam) falls meanwhile
        OneCycleSchedule oneCycle = new OneCycleSchedule(0.4, 2, true, 0.85, 0.95);
        for (OptimizerSpec spec : new OptimizerSpec[] {SGD, ADAM, new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01)}) {
            assertResumesExactly(spec, LearningRateSchedule.of(spec, oneCycle, 5, 1));
        }
    }

    @Test
    void aCycledMomentumChangesTheSteps() throws Exception {
        for (OptimizerSpec spec : new OptimizerSpec[] {SGD, ADAM, new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01)}) {
            LearningRateSchedule cycled =
                    LearningRateSchedule.of(spec, new OneCycleSchedule(0.4, 2, true, 0.85, 0.95), 5, 1);
            LearningRateSchedule fixed =
                    LearningRateSchedule.of(spec, new OneCycleSchedule(0.4, 2, false, 0.85, 0.95), 5, 1);

            assertThat(new Run(ResumableOptimizer.of(spec, 0, cycled))
                            .steps(0, 5)
                            .parameters())
                    .as(spec.type())
                    .isNotEqualTo(new Run(ResumableOptimizer.of(spec, 0, fixed))
                            .steps(0, 5)
                            .parameters());
        }
    }

    @Test
    void aScheduleChangesTheSteps() throws Exception {
        AdamWOptimizer adamw = new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01);
        LearningRateSchedule cosine = LearningRateSchedule.of(adamw, new CosineSchedule(2, 0), 5, 1);

        assertThat(new Run(ResumableOptimizer.of(adamw, 0, cosine)).steps(0, 5).parameters())
                .isNotEqualTo(
                        new Run(ResumableOptimizer.of(adamw, 0)).steps(0, 5).parameters());
    }

    @Test
    void stepAllTakesTheStepsOfOneUpdatePerParameterBitForBit() throws Exception {
        AdamWOptimizer adamw = new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01);
        OptimizerSpec[] specs = {
            ADAM, SGD, new SgdOptimizer(0.1, 0, 0.001), new SgdOptimizer(0.1, 0.9, true, 0.001), adamw
        };
        for (OptimizerSpec spec : specs) {
            LearningRateSchedule cosine = LearningRateSchedule.of(spec, new CosineSchedule(2, 0), 5, 1);
            Run perParameter = new Run(ResumableOptimizer.of(spec, 0, cosine)).steps(0, 5);
            Run all = new Run(ResumableOptimizer.of(spec, 0, cosine)).stepsAll(0, 5);

            assertThat(all.state()).as(spec.type() + " state").isEqualTo(perParameter.state());
            assertThat(all.parameters()).as(spec.type()).isEqualTo(perParameter.parameters());
        }
    }

    @Test
    void stepAllResumedFromExportedStateEndsWhereAnUninterruptedRunEnds() throws Exception {
        for (OptimizerSpec spec : new OptimizerSpec[] {ADAM, new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01)}) {
            byte[] uninterrupted =
                    new Run(ResumableOptimizer.of(spec, 0)).steps(0, 5).parameters();

            Run first = new Run(ResumableOptimizer.of(spec, 0)).stepsAll(0, 3);
            byte[] state = first.state();
            byte[] parameters = first.parameters();
            Run resumed = new Run(ResumableOptimizer.of(spec, 3), parameters, state);

            assertThat(resumed.stepsAll(3, 5).parameters()).as(spec.type()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void stepAllFollowsParametersThatAreFrozenAndUnfrozen() throws Exception {
        AdamWOptimizer adamw = new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01);
        Run perParameter = new Run(ResumableOptimizer.of(adamw, 0)).frozen(true).steps(0, 2);
        perParameter.frozen(false).steps(2, 4);
        Run all = new Run(ResumableOptimizer.of(adamw, 0)).frozen(true).stepsAll(0, 2);
        all.frozen(false).stepsAll(2, 4);

        assertThat(all.state()).isEqualTo(perParameter.state());
        assertThat(all.parameters()).isEqualTo(perParameter.parameters());
    }

    @Test
    void anUpdateOutsideABegunStepIsRefused() throws Exception {
        ResumableOptimizer adamw = ResumableOptimizer.of(new AdamWOptimizer(0.01, 0.9, 0.999, 1e-8, 0.01), 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1, 2});
            NDArray grad = manager.create(new float[] {0.5f, 0.5f});

            assertThatThrownBy(() -> adamw.update("w", weight, grad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("parameter w would take step 0 twice: call beginStep() before each Trainer.step()");
            adamw.beginStep();
            adamw.update("w", weight, grad);
            assertThatThrownBy(() -> adamw.update("w", weight, grad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("parameter w would take step 1 twice: call beginStep() before each Trainer.step()");
        }
    }

    private static void assertResumesExactly(OptimizerSpec spec) throws Exception {
        assertResumesExactly(spec, LearningRateSchedule.constant(spec.learningRate()));
    }

    private static void assertResumesExactly(OptimizerSpec spec, LearningRateSchedule schedule) throws Exception {
        byte[] uninterrupted =
                new Run(ResumableOptimizer.of(spec, 0, schedule)).steps(0, 5).parameters();

        Run first = new Run(ResumableOptimizer.of(spec, 0, schedule)).steps(0, 3);
        byte[] state = ((ResumableOptimizer) first.optimizer)
                .exportState(first.network.getParameters())
                .encode();
        byte[] parameters = first.parameters();
        Run resumed = new Run(ResumableOptimizer.of(spec, 3, schedule), parameters, state);

        assertThat(resumed.steps(3, 5).parameters()).isEqualTo(uninterrupted);
    }

    /** A tiny network trained step by step on seeded random batches, each step's batch fixed by its number. */
    private static final class Run {
        private static final Shape INPUT = new Shape(8, 1, 8, 8);
        private final Model model = Model.newInstance("tiny", "PyTorch");
        private final Optimizer optimizer;
        private final Block network;
        private final Trainer trainer;

        Run(Optimizer optimizer) throws Exception {
            this(optimizer, null, null);
        }

        Run(Optimizer optimizer, byte[] parameters, byte[] optimizerState) throws Exception {
            ModelSpec spec = ModelSpecReader.parse(Path.of("tiny.yaml"), TinyDataset.modelYaml("tiny", ""));
            this.optimizer = optimizer;
            this.network = NetworkBuilder.build(ShapeInference.infer(spec));
            model.setBlock(network);
            if (parameters != null) {
                network.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
            }
            Engine.getEngine("PyTorch").setRandomSeed(7);
            trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
            trainer.initialize(INPUT);
            if (optimizerState != null) {
                ((ResumableOptimizer) optimizer)
                        .importState(NDList.decode(model.getNDManager(), optimizerState), network.getParameters());
            }
        }

        Run steps(int from, int to) {
            return steps(from, to, false);
        }

        /** Takes the steps with {@link ResumableOptimizer#stepAll} instead of the trainer's per-parameter updates. */
        Run stepsAll(int from, int to) {
            return steps(from, to, true);
        }

        /** Freezes or unfreezes the first layer's parameters. */
        Run frozen(boolean frozen) {
            network.getChildren().get(0).getValue().freezeParameters(frozen);
            return this;
        }

        /** Returns the optimizer's exported state, encoded. */
        byte[] state() {
            return ((ResumableOptimizer) optimizer)
                    .exportState(network.getParameters())
                    .encode();
        }

        private Run steps(int from, int to, boolean all) {
            for (int step = from; step < to; step++) {
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    Engine.getEngine("PyTorch").setRandomSeed(100 + step);
                    NDArray x = scope.randomUniform(0, 1, INPUT);
                    NDArray y = scope.randomInteger(0, 2, new Shape(8), DataType.INT64);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                    }
                    if (all) {
                        ((ResumableOptimizer) optimizer).stepAll(network, Set.of());
                    } else {
                        if (optimizer instanceof ResumableOptimizer resumable) {
                            resumable.beginStep();
                        }
                        trainer.step();
                    }
                }
            }
            return this;
        }

        /** Returns the parameters and closes the run. */
        byte[] parameters() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            network.saveParameters(new DataOutputStream(bytes));
            trainer.close();
            model.close();
            return bytes.toByteArray();
        }
    }
}
