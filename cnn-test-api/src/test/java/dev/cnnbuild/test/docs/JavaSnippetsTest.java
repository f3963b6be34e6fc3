package dev.cnnbuild.test.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.MarkdownCodeBlock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of README.md, CONTRIBUTING.md and docs/ against this module's test class path (the test API,
 * the core, both runtimes, AssertJ, JUnit), so a snippet that stops compiling fails the build, naming its file and line. A block
 * is compiled as it stands when it declares a type (its {@code package} line first); a block of methods goes into a class; a block of statements
 * into a method of a class whose fields are the variables the docs use without declaring them ({@code model},
 * {@code images}, {@code labels}, {@code labeledImages}, {@code file}). Every block gets the imports a test of the
 * API has.
 */
class JavaSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final String IMPORTS = "import static dev.cnnbuild.test.CnnAssertions.assertThat;"
            + " import dev.cnnbuild.test.*; import dev.cnnbuild.core.evaluation.*;"
            + " import dev.cnnbuild.core.robustness.*; import dev.cnnbuild.runtime.*; import java.util.List;"
            + " import dev.cnnbuild.core.data.*; import dev.cnnbuild.core.spec.InputShape; import java.nio.file.*;"
            + " import java.time.Duration; import java.lang.annotation.*; import org.junit.jupiter.api.*;"
            + " import org.junit.jupiter.params.*; import org.junit.jupiter.params.provider.*;";
    private static final Pattern TYPE =
            Pattern.compile("(?m)^(public |abstract |final )*(class|interface|enum|record|@interface) ");
    private static final Pattern MEMBER = Pattern.compile("^(@\\w+|(public |static |private )*[\\w<>\\[\\]]+ \\w+\\()");

    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        List<MarkdownCodeBlock> blocks = MarkdownCodeBlock.all(ROOT, "java");
        assertThat(blocks).hasSizeGreaterThan(5);
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> compile(block)));
    }

    private void compile(MarkdownCodeBlock block) throws IOException {
        String packageLine =
                block.code().lines().filter(l -> l.startsWith("package ")).collect(Collectors.joining(" "));
        String imports =
                block.code().lines().filter(l -> l.startsWith("import ")).collect(Collectors.joining(" "));
        String body = block.code()
                .lines()
                .map(l -> l.startsWith("import ") || l.startsWith("package ") ? "" : l)
                .collect(Collectors.joining("\n"));
        String source;
        if (TYPE.matcher(body).find()) {
            source = packageLine + IMPORTS + imports + "\n" + body;
        } else if (MEMBER.matcher(body.strip()).find()) {
            source = IMPORTS + imports + " abstract class Snippet {\n" + body + "\n}";
        } else {
            source = IMPORTS + imports + " abstract class Snippet { CnnModel model; Path images; Path labels;"
                    + " LabeledImages labeledImages; Path file; void run() throws Exception {\n" + body + "\n} }";
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path output = Files.createDirectories(classes.resolve("b" + block.line()));
        boolean compiled = compiler.getTask(
                        null,
                        null,
                        diagnostics,
                        List.of("-classpath", classPath(), "-d", output.toString(), "-proc:none", "-implicit:none"),
                        null,
                        List.of(new Source(source)))
                .call();
        String errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d ->
                        block.file() + ":" + (block.line() + d.getLineNumber() - 2) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        assertThat(compiled)
                .as("the snippet at %s compiles:%n%s", block, errors)
                .isTrue();
    }

    /** Surefire's class path: its booter jar hides it from {@code java.class.path}, so it names it in a property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(URI.create("string:///Snippet.java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
