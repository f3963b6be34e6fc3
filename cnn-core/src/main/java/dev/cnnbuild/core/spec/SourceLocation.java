package dev.cnnbuild.core.spec;

import java.nio.file.Path;

/**
 * A position in a model file, used to start every error message.
 *
 * <pre>{@code
 * new SourceLocation(Path.of("src/main/cnn/mnist.yaml"), 12, 5).toString()  // "src/main/cnn/mnist.yaml:12:5"
 * }</pre>
 *
 * @param file the model file, as given to the reader
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourceLocation(Path file, int line, int column) {

    /**
     * Formats the location the way compilers do.
     *
     * @return {@code file:line:column}
     */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
