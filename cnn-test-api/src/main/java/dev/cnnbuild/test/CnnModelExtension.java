package dev.cnnbuild.test;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link CnnModel} parameters annotated with {@link TrainedModel} or {@link TorchScriptFile}. Each model is
 * loaded once per JVM, on first use, and kept in the root context's store (one namespace for this extension, as JUnit's
 * {@code TempDirectory} keeps its folders), which closes it when the test run ends: the model is stored in a holder
 * that is JUnit's {@code CloseableResource}, which every supported JUnit version (5.10 and later, 6 included) closes
 * (versions before 5.13 do not close a plain {@link AutoCloseable}); tests running in parallel share it, and the first
 * one loads it while the others wait. A model that cannot be loaded fails each test that asks for it, with a message
 * that says where the extension looked and which goal makes the model.
 *
 * <pre>{@code
 * @ExtendWith(CnnModelExtension.class)   // or @CnnTest
 * class MnistModelTest {
 *     @Test
 *     void meetsTheBar(@TrainedModel("mnist-cnn") CnnModel model) {
 *         assertThat(model).hasTestAccuracyAbove(0.98);
 *     }
 * }
 * }</pre>
 */
public class CnnModelExtension implements ParameterResolver, BeforeEachCallback {
    private static final Namespace NAMESPACE = Namespace.create(CnnModelExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(TrainedModel.class)
                || parameter.isAnnotated(TorchScriptFile.class)
                || parameter.getParameter().getType() == CnnModel.class;
    }

    @Override
    public CnnModel resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return model(
                parameter.getParameter(),
                parameter.findAnnotation(TrainedModel.class),
                parameter.findAnnotation(TorchScriptFile.class),
                where(parameter.getIndex(), parameter.getDeclaringExecutable()),
                context);
    }

    private static String where(int index, Executable executable) {
        return "parameter " + index + " of " + executable.getDeclaringClass().getSimpleName() + "."
                + executable.getName();
    }

    /**
     * While the build skips the {@code cnn} goals ({@link BuildSkip}), loads the test's models before it runs, so that
     * one the build did not make skips the test (a parameter that fails to resolve would fail it); any other failure
     * is left to the parameter's resolution, which reports it.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!BuildSkip.active()) {
            return;
        }
        Parameter[] parameters = context.getRequiredTestMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Optional<TrainedModel> trained = AnnotationSupport.findAnnotation(parameters[i], TrainedModel.class);
            Optional<TorchScriptFile> torchScript =
                    AnnotationSupport.findAnnotation(parameters[i], TorchScriptFile.class);
            if (trained.isPresent() || torchScript.isPresent()) {
                try {
                    model(parameters[i], trained, torchScript, where(i, context.getRequiredTestMethod()), context);
                } catch (CnnModelException | ParameterResolutionException e) {
                    // reported when JUnit resolves the parameter
                }
            }
        }
    }

    private static CnnModel model(
            Parameter parameter,
            Optional<TrainedModel> annotation,
            Optional<TorchScriptFile> torchScript,
            String where,
            ExtensionContext context) {
        String annotationName = torchScript.isPresent() ? "@TorchScriptFile" : "@TrainedModel";
        if (parameter.getType() != CnnModel.class) {
            throw new ParameterResolutionException(annotationName + " goes on a parameter of type CnnModel, but "
                    + where + " is a " + parameter.getType().getSimpleName());
        }
        if (annotation.isPresent() == torchScript.isPresent()) {
            throw new ParameterResolutionException(
                    where + " is a CnnModel "
                            + (annotation.isEmpty()
                                    ? "without @TrainedModel; say which model it is, as in @TrainedModel(\"mnist-cnn\"), or which"
                                            + " TorchScript file, with @TorchScriptFile"
                                    : "with both @TrainedModel and @TorchScriptFile; keep the one that says which model it is"));
        }
        String key;
        Supplier<CnnModel> loader;
        if (torchScript.isPresent()) {
            TorchScriptFile file = torchScript.get();
            key = TorchScriptFiles.key(file, where);
            loader = () -> TorchScriptFiles.load(file);
        } else {
            TrainedModel model = annotation.get();
            ClassLoader classLoader = context.getRequiredTestClass().getClassLoader();
            key = key(model, where);
            loader = () -> load(model, classLoader);
        }
        try {
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(key, k -> new Held(loader.get()), Held.class)
                    .model();
        } catch (CnnModelException e) {
            throw new ParameterResolutionException("Cannot resolve " + where + ": " + e.getMessage(), e);
        }
    }

    private static String key(TrainedModel model, String where) {
        boolean named = !model.value().isEmpty();
        boolean packaged = !model.classpath().isEmpty();
        if (named == packaged) {
            throw new ParameterResolutionException("@TrainedModel of " + where + " needs either a model name,"
                    + " as in @TrainedModel(\"mnist-cnn\"), or a class path folder, as in"
                    + " @TrainedModel(classpath = \"cnn/mnist-cnn\"), not both and not neither");
        }
        if (packaged && !model.outputDirectory().isEmpty()) {
            throw new ParameterResolutionException("@TrainedModel of " + where + ": outputDirectory does not go with"
                    + " classpath; a class path model is found by its folder alone");
        }
        return (packaged
                        ? "classpath:" + model.classpath()
                        : "directory:" + outputDirectory(model).resolve(model.value()))
                + " project:" + project(model);
    }

    private static CnnModel load(TrainedModel model, ClassLoader classLoader) {
        if (!model.classpath().isEmpty()) {
            return CnnModel.fromClasspath(model.classpath(), classLoader, project(model));
        }
        return CnnModel.load(outputDirectory(model), model.value(), project(model));
    }

    private static Path outputDirectory(TrainedModel model) {
        return model.outputDirectory().isEmpty()
                ? CnnModel.outputDirectory()
                : Path.of(model.outputDirectory()).toAbsolutePath().normalize();
    }

    private static Path project(TrainedModel model) {
        return model.project().isEmpty()
                ? CnnModel.projectDirectory()
                : Path.of(model.project()).toAbsolutePath().normalize();
    }

    /**
     * Holds a model in the store; JUnit closes it at the end of the run in every JUnit 5 version: before 5.13 as a
     * {@code CloseableResource}, from 5.13 as an {@link AutoCloseable} (once; closing a model twice is harmless).
     */
    @SuppressWarnings("deprecation")
    private record Held(CnnModel model) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }
}
