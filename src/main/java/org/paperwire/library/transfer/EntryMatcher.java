package org.paperwire.library.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.TitleKey;

/**
 * Finds the paper each entry names: by arXiv id when it has one (kept even when the store does not have the paper
 * yet), else by normalized title ({@link TitleKey}) against the store. A title several papers share is narrowed by
 * the entry's year, then its first author's surname; still several, and the entry stays unmatched rather than
 * saving a wrong paper. Lookups go in batches: one for all ids, one for all titles.
 */
public final class EntryMatcher {
    /** How an entry ended. */
    public enum Outcome { MATCHED, KEPT, UNMATCHED }

    /** One entry's outcome; {@code paperId} null when unmatched, {@code note} says why. */
    public record Match(LibraryEntry entry, Outcome outcome, String paperId, String note) {}

    private final PaperStore papers;

    public EntryMatcher(PaperStore papers) {
        this.papers = papers;
    }

    public List<Match> match(List<LibraryEntry> entries) {
        Set<String> known = new HashSet<>();
        List<String> ids = entries.stream().map(LibraryEntry::arxivId).filter(id -> id != null).distinct().toList();
        papers.findAll(ids).forEach(p -> known.add(p.id()));
        Set<TitleKey> keys = new HashSet<>();
        entries.stream().filter(e -> e.arxivId() == null).forEach(e -> keys.add(TitleKey.of(e.title())));
        Map<TitleKey, List<Paper>> byTitle = new HashMap<>();
        papers.findByTitleKeys(keys).forEach(p -> byTitle.computeIfAbsent(TitleKey.of(p.title()), k -> new ArrayList<>()).add(p));
        List<Match> matches = new ArrayList<>(entries.size());
        for (LibraryEntry e : entries) {
            if (e.arxivId() != null) {
                matches.add(known.contains(e.arxivId()) ? new Match(e, Outcome.MATCHED, e.arxivId(), null)
                        : new Match(e, Outcome.KEPT, e.arxivId(), "arXiv " + e.arxivId() + " is not in the store yet"));
            } else {
                matches.add(byTitle(e, byTitle.getOrDefault(TitleKey.of(e.title()), List.of())));
            }
        }
        return matches;
    }

    private static Match byTitle(LibraryEntry e, List<Paper> candidates) {
        if (candidates.isEmpty()) {
            return new Match(e, Outcome.UNMATCHED, null, "no arXiv id, and no paper in the store has this title: " + e.title());
        }
        List<Paper> narrowed = candidates;
        if (narrowed.size() > 1 && e.year() != null) {
            narrowed = narrow(narrowed, narrowed.stream().filter(p -> year(p) == e.year()).toList());
        }
        if (narrowed.size() > 1 && !e.authors().isEmpty()) {
            String surname = surname(e.authors().getFirst());
            narrowed = narrow(narrowed, narrowed.stream()
                    .filter(p -> !p.authors().isEmpty() && surname(p.authors().getFirst()).equals(surname)).toList());
        }
        if (narrowed.size() == 1) {
            return new Match(e, Outcome.MATCHED, narrowed.getFirst().id(), null);
        }
        return new Match(e, Outcome.UNMATCHED, null, "the title fits " + narrowed.size() + " papers ("
                + String.join(", ", ids(narrowed)) + "); add the arXiv id to the entry");
    }

    /** {@code fewer} when it leaves any, else {@code all}: a wrong year or name must not rule out every paper. */
    private static List<Paper> narrow(List<Paper> all, List<Paper> fewer) {
        return fewer.isEmpty() ? all : fewer;
    }

    private static int year(Paper p) {
        LocalDate d = p.date();
        return d == null ? Integer.MIN_VALUE : d.getYear();
    }

    private static String surname(String name) {
        String[] words = name.strip().split("\\s+");
        return TitleKey.of(words[words.length - 1].toLowerCase(Locale.ROOT)).text();
    }

    private static List<String> ids(Collection<Paper> papers) {
        return papers.stream().map(Paper::id).sorted().toList();
    }
}
