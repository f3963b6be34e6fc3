package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A value that names a kind of thing and may give it parameters, as layers and optimizers do: a bare name
 * ({@code relu}), or a mapping with exactly one key whose value holds the parameters
 * ({@code conv2d: {filters: 16, kernel: 5}}, {@code relu: {}}, {@code batchnorm:}).
 */
final class NamedEntry {

    private final Path file;
    private final SpecErrors errors;
    private final Node node;
    private final Node nameNode;
    private final Node parameters;

    private NamedEntry(Path file, SpecErrors errors, Node node, Node nameNode, Node parameters) {
        this.file = file;
        this.errors = errors;
        this.node = node;
        this.nameNode = nameNode;
        this.parameters = parameters;
    }

    /**
     * Reads the name and keeps the parameters for later.
     *
     * @param within the value that holds the node, such as the {@code layers} list
     * @param node the entry's node
     * @param subject the value in messages, such as {@code "layer 3"}
     * @param writeAs how to write it, such as {@code "'- relu' or '- conv2d: {filters: 16, kernel: 5}'"}
     * @throws SpecException if the value is neither a name nor a mapping with one key
     */
    static NamedEntry of(YamlValue within, Node node, String subject, String writeAs) throws SpecException {
        Path file = within.file();
        if (node instanceof ScalarNode && !YamlNodes.isNull(node)) {
            return new NamedEntry(file, within.errors(), node, node, null);
        }
        if (node instanceof MappingNode mapping && mapping.getValue().size() == 1) {
            NodeTuple entry = mapping.getValue().get(0);
            if (entry.getKeyNode() instanceof ScalarNode) {
                return new NamedEntry(file, within.errors(), node, entry.getKeyNode(), entry.getValueNode());
            }
        }
        if (node instanceof MappingNode mapping && mapping.getValue().size() > 1) {
            List<String> keys =
                    mapping.getValue().stream().map(NamedEntry::keyText).toList();
            throw SpecException.at(
                    YamlNodes.locate(file, node),
                    subject + " has " + keys.size() + " keys ("
                            + String.join(", ", keys) + ") but must have exactly one, with any parameters inside"
                            + " its value; write it as " + writeAs);
        }
        throw SpecException.at(
                YamlNodes.locate(file, node),
                subject + " must be written as " + writeAs + ", but was " + YamlNodes.describe(node));
    }

    private static String keyText(NodeTuple entry) {
        String text = YamlNodes.scalarText(entry.getKeyNode());
        return text != null ? text : YamlNodes.describe(entry.getKeyNode());
    }

    /** The name, such as {@code conv2d}. */
    String name() {
        return YamlNodes.scalarText(nameNode);
    }

    /** Where the whole entry is. */
    SourceLocation location() {
        return YamlNodes.locate(file, node);
    }

    /** Where the name is. */
    SourceLocation nameLocation() {
        return YamlNodes.locate(file, nameNode);
    }

    /**
     * The parameters; none given reads as an empty mapping located at the entry.
     *
     * @param owner the entry in messages, such as {@code "conv2d (layer 1)"}
     * @param example how the parameters look, such as {@code "{filters: 16, kernel: 5}"}
     */
    YamlMapping parameters(String owner, String example) throws SpecException {
        if (parameters == null || YamlNodes.isNull(parameters)) {
            return YamlMapping.empty(file, location(), owner, errors);
        }
        if (parameters instanceof MappingNode mapping) {
            return YamlMapping.of(file, mapping, owner, errors);
        }
        throw SpecException.at(
                YamlNodes.locate(file, parameters),
                "the parameters of " + owner + " must be a mapping like " + example + ", but was "
                        + YamlNodes.describe(parameters));
    }

    /**
     * Checks that no parameters are given: a bare name, an empty value or an empty mapping.
     *
     * @param owner the entry in messages, such as {@code "relu (layer 2)"}
     * @param writeAs how to write it, such as {@code "'- relu'"}
     */
    void requireNoParameters(String owner, String writeAs) throws SpecException {
        if (parameters == null
                || YamlNodes.isNull(parameters)
                || parameters instanceof MappingNode mapping
                        && mapping.getValue().isEmpty()) {
            return;
        }
        Node given = parameters instanceof MappingNode mapping
                ? mapping.getValue().get(0).getKeyNode()
                : parameters;
        throw SpecException.at(
                YamlNodes.locate(file, given),
                owner + " takes no parameters, but was given " + YamlNodes.describe(given) + "; write it as "
                        + writeAs);
    }
}
