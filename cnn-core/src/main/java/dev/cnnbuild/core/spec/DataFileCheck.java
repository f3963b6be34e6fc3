package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.files.RegularFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks that every data path of a model file names a readable regular file, before anything opens or hashes it: a
 * missing file, a directory, a symbolic-link loop, {@code /dev/zero} or a named pipe is an error at the key that
 * names it, found at once.
 *
 * <pre>{@code
 * DataFileCheck.requireRegularFiles(spec);
 * // mnist.yaml:14:13: 'data.test.images' is /dev/zero, which is not a regular file (a device, a pipe or a
 * // socket); name a regular file
 * }</pre>
 */
public final class DataFileCheck {

    private DataFileCheck() {}

    /**
     * Checks the four data paths of IDX data: the training images and labels, then the test images and labels.
     * Image folders and CSV files are checked as they are listed, where only regular files are taken as images.
     *
     * @param spec the model, as the reader returned it
     * @throws SpecException at the first path that is not a readable regular file, naming its key and the path
     */
    public static void requireRegularFiles(ModelSpec spec) throws SpecException {
        if (!spec.data().isIdx()) {
            return;
        }
        check(spec, "train", "images", spec.data().train().images());
        check(spec, "train", "labels", spec.data().train().labels());
        check(spec, "test", "images", spec.data().test().images());
        check(spec, "test", "labels", spec.data().test().labels());
    }

    private static void check(ModelSpec spec, String set, String kind, Path path) throws SpecException {
        Optional<String> problem = RegularFiles.problem(path);
        if (problem.isPresent()) {
            String relative = Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    ? ""
                    : " (a relative path starts at the model file's folder)";
            throw SpecException.at(
                    locate(spec, set, kind),
                    "'data." + set + "." + kind + "' is " + path + ", which " + problem.get() + relative);
        }
    }

    /** Finds the value of {@code data.<set>.<kind>} in the model file's text; the file's start if it is not there. */
    private static SourceLocation locate(ModelSpec spec, String set, String kind) throws SpecException {
        Node node = SafeYamlComposer.compose(spec.source(), spec.yaml());
        for (String key : new String[] {"data", set, kind}) {
            node = node instanceof MappingNode mapping ? valueOf(mapping, key) : null;
        }
        return node == null ? new SourceLocation(spec.source(), 1, 1) : YamlNodes.locate(spec.source(), node);
    }

    private static Node valueOf(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(tuple -> key.equals(YamlNodes.scalarText(tuple.getKeyNode())))
                .map(tuple -> tuple.getValueNode())
                .findFirst()
                .orElse(null);
    }
}
