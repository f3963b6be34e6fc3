package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cnnbuild.test.fixtures.BandsModel;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the JUnit Platform test kit and checks what the extension did. */
class CnnModelExtensionTest {
    static final Set<CnnModel> SEEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void writeModel() {
        BandsModel.writeDefault();
    }

    @Test
    void resolvesTheModelOnceAndClosesItAtTheEnd() {
        SEEN.clear();

        Events tests = run(UsesBandsTwice.class, false);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SEEN).hasSize(1);
        CnnModel model = SEEN.iterator().next();
        assertThatThrownBy(model::parameterCount)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith(" is closed");
    }

    @Test
    void sharesOneModelBetweenParallelTests() {
        SEEN.clear();

        Events tests = run(ParallelTests.class, true);

        tests.assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void injectsATorchScriptFileOncePerJvmAndClosesItAtTheEnd() {
        SEEN.clear();

        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UsesBandsScript.class), selectClass(UsesBandsScriptByItsOwnAnnotation.class));
        kit.execute().testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(SEEN).hasSize(1);
        CnnModel model = SEEN.iterator().next();
        assertThat(model.name()).isEqualTo("bands-script");
        assertThat(model.origin())
                .isEqualTo("TorchScript file " + Path.of(BANDS_PT).toAbsolutePath());
        assertThatThrownBy(model::parameterCount)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith(" is closed");
    }

    @Test
    void torchScriptMisuseIsExplained() {
        assertThat(failure(TorchScriptWithTwoNumbers.class))
                .isEqualTo("@TorchScriptFile of parameter 0 of"
                        + " TorchScriptWithTwoNumbers.test: input is channels, height and width, as in input = {1, 28, 28},"
                        + " but 2 numbers were given");
        assertThat(failure(TorchScriptWithoutLabels.class))
                .isEqualTo("@TorchScriptFile of parameter 0 of"
                        + " TorchScriptWithoutLabels.test: testImages and testLabels go together; give both IDX files of the"
                        + " test set, or neither");
        assertThat(failure(BothAnnotations.class))
                .isEqualTo("parameter 0 of BothAnnotations.test is a CnnModel"
                        + " with both @TrainedModel and @TorchScriptFile; keep the one that says which model it is");
        assertThat(failure(TorchScriptOfWrongSize.class))
                .isEqualTo("Cannot resolve parameter 0 of"
                        + " TorchScriptOfWrongSize.test: TorchScript file "
                        + Path.of(BANDS_PT).toAbsolutePath()
                        + " does not take 1x8x8 images: mat1 and mat2 shapes cannot be multiplied (1x64 and 36x3). Give the"
                        + " input size it was trained on; the engine's TorchScript trace is in this exception's cause");
    }

    @Test
    void missingModelSaysWhereItLookedAndWhichGoalMakesIt() {
        Path output = BandsModel.OUTPUT.toAbsolutePath().normalize();

        assertThat(failure(MissingModel.class))
                .isEqualTo("Cannot resolve parameter 0 of MissingModel.test: No trained"
                        + " model mnist-cnn in output folder " + output + ": " + output.resolve("mnist-cnn")
                        + " does not"
                        + " exist. Model directories are written by the goal cnn:train of cnn-maven-plugin, which runs in"
                        + " phase process-classes: run 'mvn verify' (or 'mvn process-classes' before running the tests from"
                        + " an IDE). The output folder is system property cnn.outputDirectory, else target/cnn in the working"
                        + " directory.");
    }

    @Test
    void aModelTheBuildSkippedSkipsItsTestsAndMisuseStillFails() {
        Path missing = BandsModel.OUTPUT.toAbsolutePath().normalize().resolve("mnist-cnn");
        System.setProperty(BuildSkip.PROPERTY, "true");
        try {
            for (Class<?> skipped : List.of(MissingModel.class, MissingLoadedByHand.class)) {
                List<Event> aborted = run(skipped, false).aborted().list();
                assertThat(aborted).hasSize(1);
                assertThat(aborted.get(0)
                                .getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getThrowable()
                                .orElseThrow()
                                .getMessage())
                        .isEqualTo("Skipped: model mnist-cnn was not trained (" + missing + " does not exist) because"
                                + " the build skips the cnn goals (cnn.skip=true); build without cnn.skip to train and"
                                + " test the models");
            }
            assertThat(run(MissingOnClasspath.class, false).aborted().list()).hasSize(1);
            assertThat(failure(WrongType.class)).startsWith("@TrainedModel goes on a parameter of type CnnModel");
            assertThat(run(PresentModel.class, false).succeeded().list()).hasSize(1);
        } finally {
            System.clearProperty(BuildSkip.PROPERTY);
        }
    }

    @Test
    void misuseIsExplained() {
        assertThat(failure(WrongType.class))
                .isEqualTo("@TrainedModel goes on a parameter of type CnnModel, but"
                        + " parameter 0 of WrongType.test is a String");
        assertThat(failure(NoAnnotation.class))
                .isEqualTo("parameter 0 of NoAnnotation.test is a CnnModel without"
                        + " @TrainedModel; say which model it is, as in @TrainedModel(\"mnist-cnn\"), or which TorchScript"
                        + " file, with @TorchScriptFile");
        assertThat(failure(NameAndClasspath.class))
                .isEqualTo("@TrainedModel of parameter 0 of NameAndClasspath.test"
                        + " needs either a model name, as in @TrainedModel(\"mnist-cnn\"), or a class path folder, as in"
                        + " @TrainedModel(classpath = \"cnn/mnist-cnn\"), not both and not neither");
        assertThat(failure(MissingOnClasspath.class))
                .startsWith("Cannot resolve parameter 0 of"
                        + " MissingOnClasspath.test: No complete trained model on the class path at cnn/nothing/");
    }

    private static Events run(Class<?> testClass, boolean parallel) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    private static String failure(Class<?> testClass) {
        List<Event> failed = run(testClass, false).failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    @CnnTest
    static class UsesBandsTwice {
        @Test
        void first(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            SEEN.add(model);
            CnnAssertions.assertThat(model).hasTestAccuracyAbove(0.9);
        }

        @Test
        void second(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            SEEN.add(model);
            CnnAssertions.assertThat(model).everyClassHasAccuracyAbove(0.85);
        }
    }

    @CnnTest
    @Execution(ExecutionMode.CONCURRENT)
    static class ParallelTests {
        @Test
        void a(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        @Test
        void b(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        @Test
        void c(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        @Test
        void d(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        @Test
        void e(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        @Test
        void f(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            check(model);
        }

        private static void check(CnnModel model) {
            SEEN.add(model);
            CnnAssertions.assertThat(model)
                    .hasTestAccuracyAbove(0.9)
                    .keepsAccuracyAboveUnderNoise(0.05, 0.9)
                    .hasMedianLatencyPerImageBelow(Duration.ofSeconds(5));
        }
    }

    static final String BANDS_PT = "src/test/resources/torchscript/bands.pt";

    /** The bands network saved by PyTorch, with its pixel scaling and the bands model's test set. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @TorchScriptFile(
            value = BANDS_PT,
            input = {1, 6, 6},
            classes = 3,
            mean = 0.5,
            std = 0.5,
            name = "bands-script",
            testImages = "target/test-models/bands-source/test-images.idx3.gz",
            testLabels = "target/test-models/bands-source/test-labels.idx1.gz")
    @interface BandsScript {}

    @CnnTest
    static class UsesBandsScript {
        @Test
        void measuresOnItsTestSet(
                @TorchScriptFile(
                                value = BANDS_PT,
                                input = {1, 6, 6},
                                classes = 3,
                                mean = 0.5,
                                std = 0.5,
                                name = "bands-script",
                                testImages = "target/test-models/bands-source/test-images.idx3.gz",
                                testLabels = "target/test-models/bands-source/test-labels.idx1.gz")
                        CnnModel model) {
            SEEN.add(model);
            CnnAssertions.assertThat(model).hasTestAccuracyAbove(0.94).hasParameterCountBelow(112);
        }

        @Test
        void softly(@BandsScript CnnModel model) {
            SEEN.add(model);
            CnnSoftAssertions.assertSoftly(softly -> softly.assertThat(model).everyClassHasAccuracyAbove(0.85));
        }
    }

    @CnnTest
    static class UsesBandsScriptByItsOwnAnnotation {
        @Test
        void classifies(@BandsScript CnnModel model) {
            SEEN.add(model);
            CnnAssertions.assertThat(model).classifiesAs(TestImage.of(BandsModel.band(2, 255)), 2);
        }
    }

    @CnnTest
    static class TorchScriptWithTwoNumbers {
        @Test
        void test(
                @TorchScriptFile(
                                value = BANDS_PT,
                                input = {6, 6},
                                classes = 3)
                        CnnModel model) {}
    }

    @CnnTest
    static class TorchScriptWithoutLabels {
        @Test
        void test(
                @TorchScriptFile(
                                value = BANDS_PT,
                                input = {1, 6, 6},
                                classes = 3,
                                testImages = "x.idx3")
                        CnnModel model) {}
    }

    @CnnTest
    static class TorchScriptOfWrongSize {
        @Test
        void test(
                @TorchScriptFile(
                                value = BANDS_PT,
                                input = {1, 8, 8},
                                classes = 3)
                        CnnModel model) {}
    }

    @CnnTest
    static class BothAnnotations {
        @Test
        void test(
                @TrainedModel("bands")
                        @TorchScriptFile(
                                value = BANDS_PT,
                                input = {1, 6, 6},
                                classes = 3)
                        CnnModel model) {}
    }

    @CnnTest
    static class MissingModel {
        @Test
        void test(@TrainedModel(value = "mnist-cnn", outputDirectory = "target/test-models") CnnModel model) {}
    }

    static class MissingLoadedByHand {
        @Test
        void test() {
            CnnModel.load(Path.of("target/test-models"), "mnist-cnn").close();
        }
    }

    @CnnTest
    static class PresentModel {
        @Test
        void test(@TrainedModel(value = "bands", outputDirectory = "target/test-models") CnnModel model) {
            assertThat(model.name()).isEqualTo("bands");
        }
    }

    @CnnTest
    static class WrongType {
        @Test
        void test(@TrainedModel("bands") String model) {}
    }

    @CnnTest
    static class NoAnnotation {
        @Test
        void test(CnnModel model) {}
    }

    @CnnTest
    static class NameAndClasspath {
        @Test
        void test(@TrainedModel(value = "bands", classpath = "cnn/bands") CnnModel model) {}
    }

    @CnnTest
    static class MissingOnClasspath {
        @Test
        void test(@TrainedModel(classpath = "cnn/nothing") CnnModel model) {}
    }
}
