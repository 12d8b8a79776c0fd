package org.paperwire.ingest.arxiv;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The little StAX we need: a reader that refuses DTDs and external entities, and a walk over a document
 * that reports each element by its path of local names ({@code feed/entry/author/name}) with its own text.
 * Local names are enough for arXiv's formats and keep the parsers free of namespace bookkeeping.
 */
final class Xml {
    private static final XMLInputFactory FACTORY = factory();

    /** Receives the elements of a walk in document order. */
    interface Handler {
        /** An element opened; attributes can be read from {@code reader}. */
        default void start(String path, XMLStreamReader reader) {}

        /** An element closed; {@code text} is its own character data, not that of its children. */
        void end(String path, String text);
    }

    private Xml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /**
     * Walks the whole document from {@code bytes}, which are read as UTF-8 (what arXiv sends), and returns the
     * local name of the root element so that callers can check they got the kind of document they asked for.
     */
    static String walk(InputStream bytes, Handler handler) throws XMLStreamException {
        XMLStreamReader r;
        synchronized (FACTORY) {
            r = FACTORY.createXMLStreamReader(bytes, StandardCharsets.UTF_8.name());
        }
        try {
            r.nextTag();
            String root = r.getLocalName();
            walkElement(r, handler);
            while (r.hasNext()) {
                r.next(); // reads to the end so that trailing garbage is reported too
            }
            return root;
        } finally {
            r.close();
        }
    }

    private static void walkElement(XMLStreamReader r, Handler handler) throws XMLStreamException {
        Deque<String> paths = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        open(r, handler, r.getLocalName(), paths, texts);
        while (!paths.isEmpty()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT ->
                        open(r, handler, paths.peek() + "/" + r.getLocalName(), paths, texts);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        texts.peek().append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> handler.end(paths.pop(), texts.pop().toString());
                default -> { }
            }
        }
    }

    private static void open(XMLStreamReader r, Handler handler, String path, Deque<String> paths,
            Deque<StringBuilder> texts) {
        paths.push(path);
        texts.push(new StringBuilder());
        handler.start(path, r);
    }

    /** "invalid XML at line 3, column 7: ..." for a parse error; the bare message for other problems. */
    static String describe(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int marker = message.indexOf("Message: ");
        message = marker >= 0 ? message.substring(marker + "Message: ".length()) : message;
        if (at == null) {
            return message;
        }
        return "invalid XML at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message;
    }
}
