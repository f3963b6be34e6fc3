package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tutorial model file of the documentation, and variants of it with one mistake each. */
final class Tutorial {

    /** The name the variants are parsed under, so that messages start with {@code mnist.yaml:line:column: }. */
    static final Path FILE = Path.of("mnist.yaml");

    private static final String TEXT = read(resource());

    private Tutorial() {}

    /** The tutorial file in the test resources. */
    static Path resource() {
        try {
            return Path.of(Tutorial.class.getResource("/spec/mnist-cnn.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tutorial's text. */
    static String text() {
        return TEXT;
    }

    /** The tutorial's text with one piece replaced; fails if the piece is not there. */
    static String with(String piece, String replacement) {
        if (!TEXT.contains(piece)) {
            throw new IllegalArgumentException("the tutorial has no '" + piece + "'");
        }
        return TEXT.replace(piece, replacement);
    }

    /** Parses a text as {@code mnist.yaml}. */
    static ModelSpec parse(String text) throws SpecException {
        return ModelSpecReader.parse(FILE, text);
    }

    /** The message of the error that parsing a text and inferring its shapes must raise. */
    static String errorOf(String text) {
        return exceptionOf(text).getMessage();
    }

    /** Every error that parsing a text and inferring its shapes must raise, one located line each. */
    static List<String> errorsOf(String text) {
        return exceptionOf(text).errors();
    }

    private static SpecException exceptionOf(String text) {
        SpecException error = catchThrowableOfType(SpecException.class, () -> ShapeInference.infer(parse(text)));
        if (error == null) {
            throw new AssertionError("expected a SpecException for:\n" + text);
        }
        return error;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
