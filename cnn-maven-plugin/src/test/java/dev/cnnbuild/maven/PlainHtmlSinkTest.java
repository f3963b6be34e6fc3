package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.apache.maven.doxia.sink.Sink;
import org.junit.jupiter.api.Test;

/** The standalone report's page: the events the models' page sends become HTML; any other is refused by name. */
class PlainHtmlSinkTest {

    @Test
    void writesThePageEventsAsEscapedHtml() {
        StringWriter out = new StringWriter();
        Sink sink = PlainHtmlSink.writingTo(out);
        sink.head();
        sink.title();
        sink.text("CNN models");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("a < b & \"c\"");
        sink.sectionTitle1_();
        sink.table();
        sink.tableRows();
        sink.tableRow();
        sink.tableHeaderCell();
        sink.text("model");
        sink.tableHeaderCell_();
        sink.tableCell();
        sink.link("tiny/report.html");
        sink.text("report.html");
        sink.link_();
        sink.tableCell_();
        sink.tableRow_();
        sink.tableRows_();
        sink.table_();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();

        assertThat(out.toString())
                .isEqualTo("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\">"
                        + "<title>CNN models</title></head><body><section><h1>a &lt; b &amp; &quot;c&quot;</h1><table><tbody>"
                        + "<tr><th>model</th><td><a href=\"tiny/report.html\">report.html</a></td></tr></tbody></table>"
                        + "</section></body></html>\n");
    }

    @Test
    void refusesEventsThePageDoesNotUse() {
        Sink sink = PlainHtmlSink.writingTo(new StringWriter());

        assertThatThrownBy(sink::figure)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("The plain HTML page of cnn:report has no 'figure' event");
    }
}
