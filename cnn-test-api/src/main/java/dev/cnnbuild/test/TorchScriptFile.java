package dev.cnnbuild.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which TorchScript file a {@link CnnModel} test parameter is, and what the file does not say: its input size, its
 * class count, how it expects its pixels and, optionally, its test set. {@link CnnModelExtension} (registered by
 * {@link CnnTest}) loads it once per JVM, as {@link CnnModel#torchScript(java.nio.file.Path)} does, shares it among all
 * test classes that name the same file with the same attributes, and closes it after the last test. Paths are relative
 * to the working directory (the module's folder under surefire).
 *
 * <pre>{@code
 * @CnnTest
 * class PythonModelTest {
 *     @Test
 *     void meetsTheBar(@TorchScriptFile(value = "src/test/resources/mnist.pt", input = {1, 28, 28}, classes = 10,
 *             mean = 0.1307, std = 0.3081, testImages = "data/t10k-images-idx3-ubyte.gz",
 *             testLabels = "data/t10k-labels-idx1-ubyte.gz") CnnModel model) {
 *         assertThat(model).hasTestAccuracyAbove(0.98);
 *     }
 * }
 * }</pre>
 *
 * <p>To name one file from several test classes without repeating its attributes, put them on an annotation of your
 * own, which the extension finds as JUnit finds composed annotations:
 *
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.PARAMETER)
 * @TorchScriptFile(value = "src/test/resources/mnist.pt", input = {1, 28, 28}, classes = 10)
 * @interface MnistPython {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
public @interface TorchScriptFile {

    /** The {@code .pt} file written by {@code torch.jit.save}, relative to the working directory. */
    String value();

    /** The shape of one input image: channels (1: images are grey), height, width. */
    int[] input();

    /** The number of classes, the length of the module's output. */
    int classes();

    /** The mean of torchvision's {@code Normalize} the module was trained with; with {@link #std()}. */
    double mean() default 0;

    /** The standard deviation of torchvision's {@code Normalize}; pixels are in {@code [0, 1]} unless given. */
    double std() default 1;

    /** The IDX file of the test set's images, relative to the working directory; empty for no test set. */
    String testImages() default "";

    /** The IDX file of the test set's labels; given with {@link #testImages()}. */
    String testLabels() default "";

    /** The name failure messages use; empty for the file's name without its extension. */
    String name() default "";
}
