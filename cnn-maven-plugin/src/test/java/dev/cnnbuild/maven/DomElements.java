package dev.cnnbuild.maven;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The elements of a DOM tree by tag name, as a list, for the tests that read the plugin's descriptor and the XML
 * snippets of the docs.
 *
 * <pre>{@code
 * for (Element mojo : DomElements.named(descriptor, "mojo")) { ... }
 * }</pre>
 */
final class DomElements {
    private DomElements() {}

    /** Returns every element named {@code name} below {@code root}, a document or an element, in document order. */
    static List<Element> named(Node root, String name) {
        NodeList nodes = root instanceof Document document
                ? document.getElementsByTagName(name)
                : ((Element) root).getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
