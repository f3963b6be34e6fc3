package dev.cnnbuild.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class that measures trained models: registers {@link CnnModelExtension}, which resolves
 * {@link TrainedModel} parameters.
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
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(CnnModelExtension.class)
public @interface CnnTest {}
