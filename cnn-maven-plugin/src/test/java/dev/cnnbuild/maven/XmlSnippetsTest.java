package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.MarkdownCodeBlock;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Validates every {@code ```xml} block of README.md, CONTRIBUTING.md and docs/ as Maven reads it: well-formed, and, where it configures
 * this plugin (a {@code <plugin>} of {@code cnn-maven-plugin}, or an {@code <execution>} standing alone), every goal
 * and report it names is a goal of the plugin's descriptor, every configuration element a parameter of those goals,
 * and every element of a {@code <rule>} a field of {@link RuleConfig}. A snippet that stops fitting the plugin fails
 * the build, naming its file and line.
 */
class XmlSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final String ARTIFACT_ID = "cnn-maven-plugin";

    @TestFactory
    Stream<DynamicTest> everyXmlSnippetFitsThePlugin() throws Exception {
        Map<String, Set<String>> goals = goals();
        assertThat(goals).containsKeys("train", "check", "bless", "attach", "report");
        List<MarkdownCodeBlock> blocks = MarkdownCodeBlock.all(ROOT, "xml");
        assertThat(blocks).hasSizeGreaterThan(4);
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> check(block, goals)));
    }

    private static void check(MarkdownCodeBlock block, Map<String, Set<String>> goals) throws Exception {
        Document snippet = parse("<snippet>" + block.code() + "</snippet>", block);
        List<String> problems = new ArrayList<>();
        for (Element goal : DomElements.named(snippet, "goal")) {
            if (configuresThisPlugin(goal)
                    && !goals.containsKey(goal.getTextContent().strip())) {
                problems.add("goal " + goal.getTextContent().strip() + " is not a goal of " + ARTIFACT_ID);
            }
        }
        for (Element report : DomElements.named(snippet, "report")) {
            if (configuresThisPlugin(report)
                    && !goals.containsKey(report.getTextContent().strip())) {
                problems.add("report " + report.getTextContent().strip() + " is not a goal of " + ARTIFACT_ID);
            }
        }
        for (Element configuration : DomElements.named(snippet, "configuration")) {
            if (!configuresThisPlugin(configuration)) {
                continue;
            }
            Set<String> parameters = parametersFor(configuration, goals);
            for (Element parameter : children(configuration)) {
                if (!parameters.contains(parameter.getTagName())) {
                    problems.add("<" + parameter.getTagName() + "> is not a parameter of the configured goals;"
                            + " they take " + new TreeSet<>(parameters));
                }
            }
        }
        Set<String> ruleFields = Arrays.stream(RuleConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());
        for (Element rule : DomElements.named(snippet, "rule")) {
            for (Element field : children(rule)) {
                if (!ruleFields.contains(field.getTagName())) {
                    problems.add("<" + field.getTagName() + "> is not a field of a rule; a rule takes " + ruleFields);
                }
            }
        }
        assertThat(problems)
                .as("the XML snippet at %s fits %s", block, ARTIFACT_ID)
                .isEmpty();
    }

    /** Goals of the execution that holds the configuration, else all goals; their parameters. */
    private static Set<String> parametersFor(Element configuration, Map<String, Set<String>> goals) {
        Node parent = configuration.getParentNode();
        List<String> named =
                parent instanceof Element execution && execution.getTagName().equals("execution")
                        ? DomElements.named(execution, "goal").stream()
                                .map(g -> g.getTextContent().strip())
                                .toList()
                        : List.of();
        Set<String> parameters = new HashSet<>();
        (named.isEmpty() ? goals.keySet() : named)
                .forEach(goal -> parameters.addAll(goals.getOrDefault(goal, Set.of())));
        return parameters;
    }

    /** Within a plugin of this artifact id, or within no plugin at all (an execution shown on its own). */
    private static boolean configuresThisPlugin(Element element) {
        for (Node node = element.getParentNode(); node instanceof Element ancestor; node = node.getParentNode()) {
            if (ancestor.getTagName().equals("plugin")) {
                return ARTIFACT_ID.equals(child(ancestor, "artifactId"));
            }
        }
        return true;
    }

    private static Map<String, Set<String>> goals() throws Exception {
        Document descriptor = parse(Files.readString(DESCRIPTOR), null);
        Map<String, Set<String>> goals = new TreeMap<>();
        for (Element mojo : DomElements.named(descriptor, "mojo")) {
            String goal = child(mojo, "goal");
            Set<String> parameters = new HashSet<>();
            for (Element parameter : DomElements.named(mojo, "parameter")) {
                if (parameter.getParentNode().getNodeName().equals("parameters")
                        && "true".equals(child(parameter, "editable"))) {
                    parameters.add(child(parameter, "name"));
                }
            }
            goals.put(goal, parameters);
        }
        return goals;
    }

    private static Document parse(String xml, MarkdownCodeBlock block) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
        } catch (org.xml.sax.SAXParseException e) {
            throw new AssertionError(
                    (block == null
                                    ? DESCRIPTOR.toString()
                                    : block.file() + ":" + (block.line() + e.getLineNumber() - 1))
                            + ": not well-formed XML: " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + block, e);
        }
    }

    private static String child(Element parent, String name) {
        return children(parent).stream()
                .filter(c -> c.getTagName().equals(name))
                .map(Node::getTextContent)
                .map(String::strip)
                .findFirst()
                .orElse("");
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }
}
