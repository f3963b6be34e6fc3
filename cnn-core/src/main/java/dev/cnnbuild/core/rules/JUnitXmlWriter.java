package dev.cnnbuild.core.rules;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link GateResult} as a JUnit XML report, the format Surefire writes and CI servers (Jenkins, GitLab,
 * GitHub actions) show as tests: one {@code <testsuite name="cnn.check.<model>">} with one {@code <testcase>} per
 * outcome, a {@code <failure>} for each violation and a {@code <skipped>} for each tolerance without a baseline.
 *
 * <pre>{@code
 * JUnitXmlWriter.write(result, reportsDirectory.resolve(JUnitXmlWriter.fileName("mnist-cnn")));
 * }</pre>
 * <pre>{@code
 * <testsuite name="cnn.check.mnist-cnn" tests="2" failures="1" errors="0" skipped="0">
 *   <testcase classname="cnn.check.mnist-cnn" name="test accuracy minimum 0.9800">
 *     <failure type="cnn.check.violation" message="mnist-cnn: test accuracy is 0.9712, but ...">...</failure>
 *   </testcase>
 *   <testcase classname="cnn.check.mnist-cnn" name="test loss maximum 0.0500"/>
 * </testsuite>
 * }</pre>
 */
public final class JUnitXmlWriter {
    private static final String SUITE_PREFIX = "cnn.check.";

    private JUnitXmlWriter() {}

    /** Returns the usual file name, {@code TEST-cnn.check.<model>.xml}, which CI servers pick up as Surefire's. */
    public static String fileName(String modelName) {
        return "TEST-" + SUITE_PREFIX + modelName + ".xml";
    }

    /**
     * Writes the report to a file, UTF-8, creating parent folders.
     *
     * @param result the gate's result
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public static void write(GateResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    /**
     * Writes the report; the caller encodes the characters as UTF-8, as the XML declaration says.
     *
     * @param result the gate's result
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(GateResult result, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            String suite = SUITE_PREFIX + result.modelName();
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            attribute(xml, "name", suite);
            attribute(xml, "tests", count(result.outcomes().size()));
            attribute(xml, "failures", count(result.violations().size()));
            attribute(xml, "errors", "0");
            attribute(xml, "skipped", count(result.skipped().size()));
            for (RuleOutcome outcome : result.outcomes()) {
                xml.writeCharacters("\n  ");
                testCase(xml, suite, outcome);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, String suite, RuleOutcome outcome) throws XMLStreamException {
        boolean hasChild = outcome.status() != RuleOutcome.Status.PASSED;
        if (hasChild) {
            xml.writeStartElement("testcase");
        } else {
            xml.writeEmptyElement("testcase");
        }
        attribute(xml, "classname", suite);
        attribute(xml, "name", outcome.name());
        if (!hasChild) {
            return;
        }
        xml.writeCharacters("\n    ");
        if (outcome.violated()) {
            xml.writeStartElement("failure");
            attribute(xml, "type", "cnn.check.violation");
            attribute(xml, "message", outcome.message());
            xml.writeCharacters(clean(outcome.message()));
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            attribute(xml, "message", outcome.message());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, clean(value));
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%d", n);
    }

    /** Drops the characters XML 1.0 cannot hold at all (control characters other than tab, newline, return). */
    private static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(JUnitXmlWriter::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
