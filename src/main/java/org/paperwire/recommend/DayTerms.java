package org.paperwire.recommend;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words and bigrams of a list of papers to rank (a day's new papers, say), numbered once and shared by every
 * reader's model that ranks them: {@link LibraryLanguageModel} then adds up a library's counts in an array indexed
 * by these numbers instead of hashing the library's terms per reader. Each paper's terms, candidate or library, are
 * looked up once ({@link #map}), keeping only those the list has: a library term no paper of the list holds can
 * change no score. Thread-safe.
 */
public final class DayTerms {
    /** A paper's terms that the list holds: their numbers, counts, and the paper's number of terms in all. */
    record Mapped(int[] slot, int[] count, int length) {}

    private static final long EMPTY = 0; // a term hash of 0 is taken as absent: one term in 2^64

    private final long[] tableTerm;
    private final int[] tableSlot;
    private final int mask;
    private final double[] prior;
    /**
     * {@link #weight} for library counts 1 to {@link #TABULATED}, computed once (most library counts are small), for
     * lists of at most {@link #TABULATED_TERMS} terms (a day or a week of papers; a month's are computed as needed).
     */
    private final double[] tabulated;
    private static final int TABULATED = 4;
    private static final int TABULATED_TERMS = 250_000;
    private final ConcurrentHashMap<String, Mapped> mapped = new ConcurrentHashMap<>();

    private DayTerms(List<PaperFeatures> papers, CollectionCounts collection) {
        // sized for a few distinct terms per paper and doubled while filling: a month of papers shares most terms
        long[] table = new long[Integer.highestOneBit(Math.max(16, papers.size() * 64)) * 2];
        int[] tableSlots = new int[table.length];
        long[] terms = new long[1024];
        int slots = 0;
        for (PaperFeatures p : papers) {
            for (long term : p.counts().terms()) {
                if (term == EMPTY) {
                    continue;
                }
                int h = hash(term, table.length - 1);
                while (table[h] != EMPTY && table[h] != term) {
                    h = (h + 1) & (table.length - 1);
                }
                if (table[h] != EMPTY) {
                    continue;
                }
                if (slots == terms.length) {
                    terms = java.util.Arrays.copyOf(terms, slots * 2);
                }
                table[h] = term;
                tableSlots[h] = slots;
                terms[slots++] = term;
                if (slots * 2 > table.length) { // at most half full: twice the room, every term placed again
                    long[] bigger = new long[table.length * 2];
                    int[] biggerSlots = new int[bigger.length];
                    for (int i = 0; i < table.length; i++) {
                        if (table[i] != EMPTY) {
                            int to = hash(table[i], bigger.length - 1);
                            while (bigger[to] != EMPTY) {
                                to = (to + 1) & (bigger.length - 1);
                            }
                            bigger[to] = table[i];
                            biggerSlots[to] = tableSlots[i];
                        }
                    }
                    table = bigger;
                    tableSlots = biggerSlots;
                }
            }
        }
        tableTerm = table;
        tableSlot = tableSlots;
        mask = table.length - 1;
        prior = new double[slots];
        tabulated = slots <= TABULATED_TERMS ? new double[slots * TABULATED] : null;
        for (int i = 0; i < slots; i++) {
            prior[i] = LibraryLanguageModel.MU * collection.probability(terms[i]);
            for (int c = 1; tabulated != null && c <= TABULATED; c++) {
                tabulated[i * TABULATED + c - 1] = Math.log(1 + c / prior[i]);
            }
        }
    }

    private static int hash(long term, int mask) {
        return (int) (term ^ term >>> 29) & mask;
    }

    /** The terms of {@code papers}, with the collection model their weights are smoothed by. */
    static DayTerms of(List<PaperFeatures> papers, CollectionCounts collection) {
        return new DayTerms(papers, collection);
    }

    private int hash(long term) {
        return hash(term, mask);
    }

    /** How many distinct terms the list has. */
    int size() {
        return prior.length;
    }

    /**
     * What one occurrence of term number {@code slot} in a paper adds when the library holds it {@code count} times:
     * {@code ln(1 + count / (μ · P(term | month)))}.
     */
    double weight(int slot, int count) {
        return count <= TABULATED && tabulated != null ? tabulated[slot * TABULATED + count - 1]
                : Math.log(1 + count / prior[slot]);
    }

    /** The terms of {@code paper} that the list holds, looked up once per paper id. */
    Mapped map(PaperFeatures paper) {
        return mapped.computeIfAbsent(paper.id(), id -> {
            TermCounts c = paper.counts();
            int[] slot = new int[c.terms().length];
            int[] count = new int[c.terms().length];
            int n = 0;
            for (int i = 0; i < c.terms().length; i++) {
                long term = c.terms()[i];
                for (int h = hash(term); tableTerm[h] != EMPTY; h = (h + 1) & mask) {
                    if (tableTerm[h] == term) {
                        slot[n] = tableSlot[h];
                        count[n++] = c.counts()[i];
                        break;
                    }
                }
            }
            return new Mapped(java.util.Arrays.copyOf(slot, n), java.util.Arrays.copyOf(count, n), c.length());
        });
    }
}
