package org.paperwire.library.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paperwire.paper.Paper;

/**
 * Writes papers as CSL-JSON items the way Zotero writes an arXiv preprint: type article, title, authors split into
 * given and family names, issued, URL, arXiv's DOI, number = the arXiv id, publisher arXiv.
 */
final class CslJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "la", "le", "dos", "das", "ten", "ter");
    private static final Set<String> SUFFIXES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

    private CslJsonWriter() {}

    /** The items of {@code ids} in order; an id {@code papers} lacks gets an item of its arXiv fields alone. */
    static String write(List<String> ids, Map<String, Paper> papers) {
        ArrayNode items = JSON.createArrayNode();
        CitationKeys keys = new CitationKeys();
        for (String id : ids) {
            Paper p = papers.get(id);
            if (p == null) {
                ids(items.addObject(), keys.forId(id), id);
                continue;
            }
            ObjectNode item = ids(items.addObject(), keys.next(p), p.id());
            item.put("title", p.title());
            ArrayNode authors = item.putArray("author");
            p.authors().forEach(a -> name(authors.addObject(), a));
            LocalDate d = p.date();
            if (d != null) {
                item.putObject("issued").putArray("date-parts").addArray()
                        .add(d.getYear()).add(d.getMonthValue()).add(d.getDayOfMonth());
            }
        }
        try {
            return JSON.writeValueAsString(items) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSL-JSON", e);
        }
    }

    private static ObjectNode ids(ObjectNode item, String key, String arxivId) {
        item.put("id", key);
        item.put("type", "article");
        item.put("publisher", "arXiv");
        item.put("number", arxivId);
        item.put("URL", "https://arxiv.org/abs/" + arxivId);
        item.put("DOI", ArxivRefs.doiOf(arxivId));
        return item;
    }

    /** "Ludwig van Beethoven Jr." → given Ludwig, family van Beethoven, suffix Jr.; one word → literal. */
    static void name(ObjectNode node, String author) {
        String[] words = author.strip().split("\\s+");
        int end = words.length;
        String suffix = null;
        if (end > 2 && SUFFIXES.contains(words[end - 1])) {
            suffix = words[--end];
        }
        if (end < 2) {
            node.put("literal", author.strip());
            return;
        }
        int family = end - 1;
        while (family > 1 && PARTICLES.contains(words[family - 1])) {
            family--;
        }
        node.put("family", String.join(" ", List.of(words).subList(family, end)));
        node.put("given", String.join(" ", List.of(words).subList(0, family)));
        if (suffix != null) {
            node.put("suffix", suffix);
        }
    }
}
