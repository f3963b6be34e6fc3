package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cnnbuild.test.fixtures.BandsModel;
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
        assertThatThrownBy(model::parameterCount).isInstanceOf(IllegalStateException.class)
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
    void missingModelSaysWhereItLookedAndWhichGoalMakesIt() {
        Path output = BandsModel.OUTPUT.toAbsolutePath().normalize();

        assertThat(failure(MissingModel.class)).isEqualTo("Cannot resolve parameter 0 of MissingModel.test: No trained"
                + " model mnist-cnn in output folder " + output + ": " + output.resolve("mnist-cnn") + " does not"
                + " exist. Model directories are written by the goal cnn:train of cnn-maven-plugin, which runs in"
                + " phase process-classes: run 'mvn verify' (or 'mvn process-classes' before running the tests from"
                + " an IDE). The output folder is system property cnn.outputDirectory, else target/cnn in the working"
                + " directory.");
    }

    @Test
    void misuseIsExplained() {
        assertThat(failure(WrongType.class)).isEqualTo("@TrainedModel goes on a parameter of type CnnModel, but"
                + " parameter 0 of WrongType.test is a String");
        assertThat(failure(NoAnnotation.class)).isEqualTo("parameter 0 of NoAnnotation.test is a CnnModel without"
                + " @TrainedModel; say which model it is, as in @TrainedModel(\"mnist-cnn\")");
        assertThat(failure(NameAndClasspath.class)).isEqualTo("@TrainedModel of parameter 0 of NameAndClasspath.test"
                + " needs either a model name, as in @TrainedModel(\"mnist-cnn\"), or a class path folder, as in"
                + " @TrainedModel(classpath = \"cnn/mnist-cnn\"), not both and not neither");
        assertThat(failure(MissingOnClasspath.class)).startsWith("Cannot resolve parameter 0 of"
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
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
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
            CnnAssertions.assertThat(model).hasTestAccuracyAbove(0.9).keepsAccuracyAboveUnderNoise(0.05, 0.9)
                    .hasMedianLatencyPerImageBelow(Duration.ofSeconds(5));
        }
    }

    @CnnTest
    static class MissingModel {
        @Test
        void test(@TrainedModel(value = "mnist-cnn", outputDirectory = "target/test-models") CnnModel model) {
        }
    }

    @CnnTest
    static class WrongType {
        @Test
        void test(@TrainedModel("bands") String model) {
        }
    }

    @CnnTest
    static class NoAnnotation {
        @Test
        void test(CnnModel model) {
        }
    }

    @CnnTest
    static class NameAndClasspath {
        @Test
        void test(@TrainedModel(value = "bands", classpath = "cnn/bands") CnnModel model) {
        }
    }

    @CnnTest
    static class MissingOnClasspath {
        @Test
        void test(@TrainedModel(classpath = "cnn/nothing") CnnModel model) {
        }
    }
}
