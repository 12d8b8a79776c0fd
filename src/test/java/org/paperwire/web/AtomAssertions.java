package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a document against the rules of the Atom format (RFC 4287): namespace, the feed's required id,
 * title and updated, and for each entry id, title, updated, an alternate link and an author (own or the
 * feed's); ids are absolute IRIs and dates RFC 3339.
 */
public final class AtomAssertions {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomAssertions() {}

    public static void assertValidAtom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        requireOne(feed, "id", true);
        requireOne(feed, "title", false);
        requireDate(feed);
        boolean feedHasAuthor = children(feed, "author").getLength() > 0;
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            requireOne(entry, "id", true);
            requireOne(entry, "title", false);
            requireDate(entry);
            assertThat(feedHasAuthor || children(entry, "author").getLength() > 0)
                    .as("entry %d has an author", i).isTrue();
            boolean alternate = false;
            NodeList links = children(entry, "link");
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                assertThat(link.getAttribute("href")).isNotBlank();
                alternate |= link.getAttribute("rel").isEmpty() || link.getAttribute("rel").equals("alternate");
            }
            assertThat(alternate).as("entry %d has an alternate link (no content element)", i).isTrue();
        }
    }

    private static NodeList children(Element parent, String name) {
        return new DirectChildren(parent, name);
    }

    private static void requireOne(Element parent, String name, boolean iri) {
        NodeList list = children(parent, name);
        assertThat(list.getLength()).as("<%s> has exactly one <%s>", parent.getLocalName(), name).isEqualTo(1);
        String text = list.item(0).getTextContent().strip();
        assertThat(text).as("<%s> is not empty", name).isNotEmpty();
        if (iri) {
            assertThat(URI.create(text).isAbsolute()).as("<id> %s is an absolute IRI", text).isTrue();
        }
    }

    private static void requireDate(Element parent) {
        requireOne(parent, "updated", false);
        OffsetDateTime.parse(children(parent, "updated").item(0).getTextContent().strip());
    }

    /** Atom-namespace children of one element (not descendants). */
    private record DirectChildren(Element parent, String name) implements NodeList {
        private List<Node> nodes() {
            List<Node> result = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                    result.add(n);
                }
            }
            return result;
        }

        @Override
        public Node item(int index) {
            return nodes().get(index);
        }

        @Override
        public int getLength() {
            return nodes().size();
        }
    }
}
