package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small facts about SnakeYAML nodes, worded for error messages. */
final class YamlNodes {

    private YamlNodes() {}

    /** The 1-based location of a SnakeYAML mark, whose line and column are 0-based. */
    static SourceLocation locate(Path file, Mark mark) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Where a node starts. */
    static SourceLocation locate(Path file, Node node) {
        return locate(file, node.getStartMark());
    }

    /** Whether a node is empty: nothing, {@code ~} or {@code null} after a key. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** The text of a scalar node, or null for any other node. */
    static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** What a node is, to end "..., but was " in a message: {@code 'sixteen'}, {@code a list}, {@code empty}. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "empty";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode mapping) {
            return mapping.getValue().isEmpty() ? "an empty mapping" : "a mapping";
        }
        return "'" + scalarText(node) + "'";
    }
}
