package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test API's public signatures use, of the core, only the types it publishes as its own API (listed in the
 * package documentation and docs/test-api.md), so the rest of the core can change without breaking test authors.
 */
class ApiSurfaceTest {
    static final Set<String> PUBLISHED_CORE_TYPES = Set.of(
            "dev.cnnbuild.core.evaluation.Evaluation",
            "dev.cnnbuild.core.evaluation.ClassNames",
            "dev.cnnbuild.core.evaluation.Prediction",
            "dev.cnnbuild.core.evaluation.Latency",
            "dev.cnnbuild.core.evaluation.PixelScaling",
            "dev.cnnbuild.core.robustness.ImagePerturbation",
            "dev.cnnbuild.core.robustness.GaussianNoise",
            "dev.cnnbuild.core.robustness.PixelShift",
            "dev.cnnbuild.core.data.ImageSet",
            "dev.cnnbuild.core.data.LabeledImages",
            "dev.cnnbuild.core.data.IdxReader",
            "dev.cnnbuild.core.spec.InputShape",
            "dev.cnnbuild.core.rules.GateResult");

    @Test
    void publicSignaturesUseOnlyThePublishedCoreTypes() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Class<?> type : publicTypes()) {
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
            members.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable member : members) {
                if (visible(member.getModifiers()) && !member.isSynthetic()) {
                    Type returned = member instanceof Method method ? method.getGenericReturnType() : void.class;
                    collect(returned, used);
                    for (Type parameter : member.getGenericParameterTypes()) {
                        collect(parameter, used);
                    }
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    collect(field.getGenericType(), used);
                }
            }
        }

        assertThat(used).isNotEmpty().allMatch(PUBLISHED_CORE_TYPES::contains, "a published core type");
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void collect(Type type, Set<String> used) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), used);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, used);
            }
        } else if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("dev.cnnbuild.core.")) {
                used.add(element.getName());
            }
        }
    }

    private static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/cnnbuild/test"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
