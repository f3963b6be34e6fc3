package dev.cnnbuild.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;

/**
 * A Doxia {@link Sink} that writes a plain HTML page, for {@code mvn cnn:report} run on its own, outside
 * {@code mvn site} (which gives the report the site's own sink and skin). It knows the events of the models' page
 * (head, title, body, section, heading, paragraph, table, link, text) and refuses any other, so that the plugin
 * needs neither Doxia's renderers nor a skin: only the sink's interface, which the site plugin shares with its
 * reports.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(page)) {
 *     Sink sink = PlainHtmlSink.writingTo(out);
 *     sink.body(); sink.paragraph(); sink.text("a < b"); sink.paragraph_(); sink.body_();
 *     sink.close();   // <!DOCTYPE html><html><body><p>a &lt; b</p></body></html>
 * }
 * }</pre>
 */
final class PlainHtmlSink implements InvocationHandler {
    /** The page's events and their HTML elements; the event's name with {@code _} closes the element. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("head", "head"),
            Map.entry("title", "title"),
            Map.entry("body", "body"),
            Map.entry("section1", "section"),
            Map.entry("sectionTitle1", "h1"),
            Map.entry("paragraph", "p"),
            Map.entry("table", "table"),
            Map.entry("tableRows", "tbody"),
            Map.entry("tableRow", "tr"),
            Map.entry("tableHeaderCell", "th"),
            Map.entry("tableCell", "td"),
            Map.entry("link", "a"));

    private final Writer out;

    private PlainHtmlSink(Writer out) {
        this.out = out;
    }

    /**
     * A sink that writes one HTML page to {@code out}; {@code close()} ends the page (it does not close the writer).
     *
     * @param out where the page goes
     * @return the sink
     */
    static Sink writingTo(Writer out) {
        PlainHtmlSink handler = new PlainHtmlSink(out);
        handler.write("<!DOCTYPE html>\n<html>");
        return (Sink) Proxy.newProxyInstance(Sink.class.getClassLoader(), new Class<?>[] {Sink.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String event = method.getName();
        Object first = args == null || args.length == 0 ? null : args[0];
        switch (event) {
            case "text" -> write(escape((String) first));
            case "link" -> write("<a href=\"" + escape((String) first) + "\">");
            case "head" -> write("<head><meta charset=\"UTF-8\">");
            case "flush" -> flush();
            case "close" -> write("</html>\n");
            case "toString" -> {
                return "PlainHtmlSink";
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == first;
            }
            default -> write(element(event));
        }
        return null;
    }

    private static String element(String event) {
        boolean closing = event.endsWith("_");
        String element = ELEMENTS.get(closing ? event.substring(0, event.length() - 1) : event);
        if (element == null) {
            throw new UnsupportedOperationException("The plain HTML page of cnn:report has no '" + event + "' event");
        }
        return closing ? "</" + element + ">" : "<" + element + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private void write(String html) {
        try {
            out.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
