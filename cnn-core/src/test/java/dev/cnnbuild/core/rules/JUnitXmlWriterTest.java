package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTest {
    @TempDir
    Path dir;

    @Test
    void oneTestCasePerOutcomeWithFailuresAndSkips() throws Exception {
        GateResult result = new QualityGate(List.of(
                        Rule.builder("accuracy")
                                .minimum("0.98")
                                .absoluteTolerance("0.01")
                                .build(),
                        Rule.builder("loss").maximum("0.09").build()))
                .check("mnist-cnn", MetricSource.of(SampleMetrics.test(0.9712, 0.0812, 0.9)), Baseline.none());
        Path file = dir.resolve("reports/" + JUnitXmlWriter.fileName("mnist-cnn"));

        JUnitXmlWriter.write(result, file);

        assertThat(file.getFileName().toString()).isEqualTo("TEST-cnn.check.mnist-cnn.xml");
        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("cnn.check.mnist-cnn");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");

        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failed = (Element) cases.item(0);
        assertThat(failed.getAttribute("classname")).isEqualTo("cnn.check.mnist-cnn");
        assertThat(failed.getAttribute("name")).isEqualTo("test accuracy minimum 0.98");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("mnist-cnn: test accuracy is 0.9712, but expected minimum is 0.98");
        assertThat(failure.getTextContent()).isEqualTo(failure.getAttribute("message"));

        Element skipped = (Element) cases.item(1);
        assertThat(skipped.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("mnist-cnn: test accuracy is not compared: no baseline configured");

        Element passed = (Element) cases.item(2);
        assertThat(passed.getAttribute("name")).isEqualTo("test loss maximum 0.09");
        assertThat(passed.getChildNodes().getLength()).isZero();
    }

    @Test
    void markupAndControlCharactersInNamesAreEscapedOrDropped() throws Exception {
        String name = "a<b>&\"c'\u0001";
        GateResult result = new QualityGate(
                        List.of(Rule.builder("accuracy").minimum("0.99").build()))
                .check(name, MetricSource.of(SampleMetrics.test(0.9712, 0.0812, 0.9)), Baseline.none());
        StringWriter out = new StringWriter();

        JUnitXmlWriter.write(result, out);

        Path file = Files.writeString(dir.resolve("x.xml"), out.toString());
        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("cnn.check.a<b>&\"c'");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("a<b>&\"c': test accuracy is 0.9712");
        assertThat(out.toString()).doesNotContain("a<b>");
    }

    @Test
    void gateWithoutRulesIsAnEmptySuite() throws Exception {
        StringWriter out = new StringWriter();

        JUnitXmlWriter.write(
                new QualityGate(List.of()).check("m", MetricSource.of(SampleMetrics.test(1, 0, 1)), Baseline.none()),
                out);

        Element suite =
                parse(Files.writeString(dir.resolve("e.xml"), out.toString())).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isZero();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
