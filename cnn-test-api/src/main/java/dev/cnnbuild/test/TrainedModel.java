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
 *   <li>{@code @TrainedModel(value = "mnist-cnn", directory = "models")}: in another output folder, relative to
 *   the working directory;</li>
 *   <li>{@code @TrainedModel(classpath = "cnn/mnist-cnn")}: a model directory packaged on the class path, such as
 *   in a jar of another module.</li>
 * </ul>
 *
 * <pre>{@code
 * @CnnTest
 * class MnistModelTest {
 *     @Test
 *     void meetsTheBar(@TrainedModel("mnist-cnn") CnnModel model) {
 *         assertThat(model).hasAccuracyAbove(0.98);
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

    /** The output folder to look in instead of the build's; empty for the build's. */
    String directory() default "";

    /** The class path folder of a packaged model directory, such as {@code "cnn/mnist-cnn"}; empty for none. */
    String classpath() default "";
}
