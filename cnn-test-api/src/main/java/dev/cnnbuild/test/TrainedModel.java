package dev.cnnbuild.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which trained model a {@link CnnModel} test parameter is; {@link CnnModelExtension} (registered by
 * {@link CnnTest}) loads it once per JVM and closes it after the last test.
 *
 * <ul>
 *   <li>{@code @TrainedModel("mnist-cnn")}: the model directory of that name in the build's output folder, system
 *   property {@code cnn.outputDirectory}, else {@code target/cnn};</li>
 *   <li>{@code @TrainedModel(value = "mnist-cnn", outputDirectory = "models")}: in another output folder (the
 *   folder that holds model directories, as {@link CnnModel#load(java.nio.file.Path, String)} takes it),
 *   relative to the working directory;</li>
 *   <li>{@code @TrainedModel(classpath = "cnn/mnist-cnn")}: a model directory packaged on the class path, such as
 *   in a jar of another module;</li>
 *   <li>{@code @TrainedModel(classpath = "cnn/mnist-cnn", project = "../producer")}: with its test set found in
 *   the project that trained it, relative to the working directory, instead of this one.</li>
 * </ul>
 *
 * <pre>{@code
 * @CnnTest
 * class MnistModelTest {
 *     @Test
 *     void meetsTheBar(@TrainedModel("mnist-cnn") CnnModel model) {
 *         assertThat(model).hasTestAccuracyAbove(0.98);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TrainedModel {

    /** The model's name, its directory's name in the output folder; empty when {@link #classpath()} is given. */
    String value() default "";

    /**
     * The output folder (the folder that holds model directories, such as {@code target/cnn}) to look in instead of
     * the build's; empty for the build's.
     */
    String outputDirectory() default "";

    /** The class path folder of a packaged model directory, such as {@code "cnn/mnist-cnn"}; empty for none. */
    String classpath() default "";

    /**
     * The project the model's recorded paths (its test set) are relative to, relative to the working directory;
     * empty for {@link CnnModel#projectDirectory()}.
     */
    String project() default "";
}
