package org.paperwire.library.transfer;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paperwire.paper.Paper;

/** Citation keys in Google Scholar's style ({@code vaswani2017attention}), unique within one export. */
final class CitationKeys {
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and");
    private final Set<String> used = new HashSet<>();

    String next(Paper p) {
        String surname = p.authors().isEmpty() ? "" : last(p.authors().getFirst());
        String year = p.date() == null ? "" : String.valueOf(p.date().getYear());
        String word = List.of(p.title().split("\\s+")).stream().map(CitationKeys::ascii)
                .filter(w -> !w.isEmpty() && !SMALL_WORDS.contains(w)).findFirst().orElse("");
        String base = ascii(surname) + year + word;
        return unique(base.isEmpty() ? "arxiv" + p.id().replaceAll("[^0-9A-Za-z]", "") : base, p.id());
    }

    /** The key of a paper known by its id alone. */
    String forId(String arxivId) {
        return unique("arxiv" + arxivId.replaceAll("[^0-9A-Za-z]", ""), arxivId);
    }

    private String unique(String base, String id) {
        String key = base;
        for (char suffix = 'b'; !used.add(key); suffix++) {
            key = suffix <= 'z' ? base + suffix : base + "-" + id.replaceAll("[^0-9A-Za-z]", "");
        }
        return key;
    }

    private static String last(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
