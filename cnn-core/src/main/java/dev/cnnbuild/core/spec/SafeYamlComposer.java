package dev.cnnbuild.core.spec;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the text of a model file into SnakeYAML nodes, never into objects.
 *
 * <p>Only {@link Yaml#compose} is used, which builds a tree of nodes and constructs nothing, so a tag such as
 * {@code !!java.io.File} cannot instantiate a class. SnakeYAML is told to let every tag through to the tree so
 * that this class can reject any tag other than the plain YAML ones with a message that says where it is and
 * what to do. Anchors and aliases are accepted; SnakeYAML limits how many aliases a file may use, and an error
 * in an aliased value is reported where the anchored value is written.
 */
final class SafeYamlComposer {

    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    private SafeYamlComposer() {}

    /**
     * Composes the single document of a model file.
     *
     * @return the root node, or null if the file holds no document
     * @throws SpecException if the text is not valid YAML or uses a tag
     */
    static Node compose(Path file, String text) throws SpecException {
        LoaderOptions options = new LoaderOptions();
        options.setTagInspector(tag -> true);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        } catch (YAMLException e) {
            throw SpecException.at(new SourceLocation(file, 1, 1), "invalid YAML: " + e.getMessage());
        }
        if (root != null) {
            rejectTags(file, root, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return root;
    }

    private static SpecException syntaxError(Path file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String context = e.getContext();
        String problem;
        if (context == null) {
            problem = e.getProblem();
        } else if (context.startsWith("while") && e.getContextMark() != null) {
            Mark start = e.getContextMark();
            problem = e.getProblem() + " (" + context + " that starts at line " + (start.getLine() + 1) + ", column "
                    + (start.getColumn() + 1) + ")";
        } else {
            problem = context + ", " + e.getProblem();
        }
        return SpecException.at(YamlNodes.locate(file, mark), "invalid YAML: " + problem.strip());
    }

    private static void rejectTags(Path file, Node node, Set<Node> visited) throws SpecException {
        if (!visited.add(node)) {
            return;
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw SpecException.at(
                    YamlNodes.locate(file, node),
                    "YAML tag '" + written(node.getTag())
                            + "' is not allowed; remove it, a model file holds only plain values, lists and mappings");
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                rejectTags(file, entry.getKeyNode(), visited);
                rejectTags(file, entry.getValueNode(), visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                rejectTags(file, item, visited);
            }
        }
    }

    private static String written(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
