package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.MarkdownTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/goals.md against the plugin's descriptor, {@code plugin.xml}: every goal with its default phase, and under
 * each goal's heading a table of every parameter a POM may set, with its user property and its default value. A
 * default written in code font must be the descriptor's default; one the goal works out when it runs is written in
 * words, and then the descriptor must have none. A goal or parameter added, removed or changed fails here, naming
 * the row.
 */
class GoalsPageTest {
    private static final Path PAGE = Path.of("../docs/goals.md");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    /** One parameter as the page and the descriptor give it: its property and default, {@code null} when none. */
    record Row(String property, String defaultValue) {}

    @Test
    void everyGoalIsListedWithItsPhase() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Element mojo : DomElements.named(descriptor(), "mojo")) {
            actual.put("cnn:" + child(mojo, "goal"), Objects.requireNonNullElse(child(mojo, "phase"), "(none)"));
        }
        Map<String, String> documented = new TreeMap<>();
        for (List<String> row : table("goal", "default phase", "what it does").rows()) {
            List<String> phase = MarkdownTable.codeSpans(row.get(1));
            documented.put(MarkdownTable.codeSpans(row.get(0)).get(0), phase.isEmpty() ? row.get(1) : phase.get(0));
        }
        assertThat(documented)
                .as("%s's table of goals and default phases against %s", PAGE.normalize(), DESCRIPTOR)
                .isEqualTo(actual);
    }

    @Test
    void everyParameterIsListedWithItsPropertyAndDefault() throws Exception {
        List<MarkdownTable> tables = MarkdownTable.all(PAGE).stream()
                .filter(t -> t.header().equals(List.of("parameter", "property", "default", "meaning")))
                .toList();
        List<String> problems = new ArrayList<>();
        List<Element> mojos = DomElements.named(descriptor(), "mojo");
        assertThat(mojos).hasSizeGreaterThan(4);
        for (Element mojo : mojos) {
            String goal = "cnn:" + child(mojo, "goal");
            Map<String, Row> actual = parameters(mojo);
            MarkdownTable table = tables.stream()
                    .filter(t -> t.heading().equals("`" + goal + "`"))
                    .findFirst()
                    .orElse(null);
            if (table == null) {
                problems.add("goal " + goal + " has no section: add a heading ## `" + goal + "` with a table"
                        + " | parameter | property | default | meaning |");
                continue;
            }
            Map<String, Row> documented = new TreeMap<>();
            for (List<String> row : table.rows()) {
                List<String> property = MarkdownTable.codeSpans(row.get(1));
                String cell = row.get(2);
                List<String> code = MarkdownTable.codeSpans(cell);
                boolean literal = code.size() == 1 && cell.equals("`" + code.get(0) + "`");
                documented.put(
                        MarkdownTable.codeSpans(row.get(0)).get(0),
                        new Row(property.isEmpty() ? null : property.get(0), literal ? code.get(0) : null));
            }
            actual.forEach((name, row) -> {
                if (!documented.containsKey(name)) {
                    problems.add(goal + ": parameter " + name + " is missing: add the row | `" + name + "` | "
                            + code(row.property()) + " | " + code(row.defaultValue()) + " | what it does |");
                } else if (!documented.get(name).equals(row)) {
                    problems.add(goal + ": parameter " + name + " has property " + code(row.property())
                            + " and default " + code(row.defaultValue()) + " (a default in words when none),"
                            + " the page says " + documented.get(name));
                }
            });
            documented.keySet().stream()
                    .filter(name -> !actual.containsKey(name))
                    .forEach(name -> problems.add(goal + ": parameter " + name + " does not exist: remove its row"));
        }
        assertThat(problems)
                .as("%s against the plugin's descriptor %s", PAGE.normalize(), DESCRIPTOR)
                .isEmpty();
    }

    /** The parameters a POM may set, with the property and default of the descriptor's configuration. */
    private static Map<String, Row> parameters(Element mojo) {
        Map<String, Row> parameters = new TreeMap<>();
        Element configuration = DomElements.named(mojo, "configuration").stream()
                .filter(c -> c.getParentNode() == mojo)
                .findFirst()
                .orElse(null);
        for (Element parameter : DomElements.named(mojo, "parameter")) {
            if (!parameter.getParentNode().getNodeName().equals("parameters")
                    || !"true".equals(child(parameter, "editable"))) {
                continue;
            }
            String name = child(parameter, "name");
            String property = null;
            String defaultValue = null;
            if (configuration != null) {
                for (Element value : DomElements.named(configuration, name)) {
                    String expression = value.getTextContent().strip();
                    if (expression.startsWith("${") && expression.endsWith("}")) {
                        property = expression.substring(2, expression.length() - 1);
                    }
                    defaultValue = value.hasAttribute("default-value") ? value.getAttribute("default-value") : null;
                }
            }
            parameters.put(name, new Row(property, defaultValue));
        }
        return parameters;
    }

    private static String code(String text) {
        return text == null ? "" : "`" + text + "`";
    }

    private static MarkdownTable table(String... header) throws Exception {
        return MarkdownTable.all(PAGE).stream()
                .filter(t -> t.header().equals(List.of(header)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " has no table | " + String.join(" | ", header) + " |"));
    }

    private static Document descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }
}
