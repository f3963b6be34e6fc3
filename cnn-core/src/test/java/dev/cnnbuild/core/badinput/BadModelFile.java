package dev.cnnbuild.core.badinput;

import dev.cnnbuild.core.spec.MemoryLimit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One case of the corpus's {@code model-files} folder: a model file whose first comment lines name its class of
 * bad input, what it is, an optional memory limit (as {@code cnn:train}'s {@code memoryLimit} parameter takes it),
 * and the exact message expected, in which {@code {file}} stands for the model file and {@code {dir}} for its folder.
 *
 * <pre>{@code
 * # class: paths
 * # case: /dev/zero, which never ends
 * # expect: {file}:11:19: 'data.train.images' is /dev/zero, which is not a regular file ...
 * }</pre>
 *
 * @param source the case's file in the corpus
 * @param name the file's name without {@code .yaml}, also the model's name where the case has a valid one
 * @param badInputClass the class of bad input, such as {@code paths}
 * @param description what is wrong, in words
 * @param memoryLimit the memory limit the case trains with, if not the machine's memory
 * @param expected the expected message with its placeholders
 */
record BadModelFile(
        Path source,
        String name,
        String badInputClass,
        String description,
        Optional<MemoryLimit> memoryLimit,
        String expected) {

    /** Returns every case, sorted by name. */
    static Stream<BadModelFile> all() throws IOException, URISyntaxException {
        Path folder = Path.of(
                BadModelFile.class.getResource("/bad-inputs/model-files").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            return sorted.stream().map(BadModelFile::read);
        }
    }

    private static BadModelFile read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return new BadModelFile(
                    file,
                    file.getFileName().toString().replace(".yaml", ""),
                    header(lines, "class").orElseThrow(),
                    header(lines, "case").orElseThrow(),
                    header(lines, "memoryLimit").map(MemoryLimit::parse),
                    header(lines, "expect").orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> header(List<String> lines, String key) {
        String prefix = "# " + key + ": ";
        return lines.stream()
                .takeWhile(l -> l.startsWith("#"))
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst();
    }

    /** Copies the model file into {@code dir}, beside the data that {@link BadFiles} wrote there. */
    Path copyInto(Path dir) throws IOException {
        return Files.copy(source, dir.resolve(source.getFileName()));
    }

    /** Returns the expected message for the model file copied to {@code yaml}. */
    String expectedFor(Path yaml) {
        return expected.replace("{file}", yaml.toString())
                .replace("{dir}", yaml.getParent().toString());
    }

    /** Returns the memory limit the case trains with. */
    MemoryLimit limit() {
        return memoryLimit.orElseGet(MemoryLimit::machine);
    }

    @Override
    public String toString() {
        return badInputClass + "/" + name;
    }
}
