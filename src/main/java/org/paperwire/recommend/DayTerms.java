package org.paperwire.recommend;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The words and bigrams of a list of papers to rank (a day's new papers, say), numbered once and shared by every
 * reader's model that ranks them: {@link LibraryLanguageModel} then adds up a library's counts in an array indexed
 * by these numbers instead of hashing the library's terms per reader. Each paper's terms, candidate or library, are
 * looked up once ({@link #map}; up to a bound), keeping only those the list has: a library term no paper of the list
 * holds can change no score. Thread-safe.
 */
public final class DayTerms {
    /** A paper's terms that the list holds: their numbers, counts, and the paper's number of terms in all. */
    record Mapped(int[] slot, int[] count, int length) {}

    /** Each term's number, in the order the list first holds it. */
    private final LongIntHashMap numbers;
    private final double[] prior;
    /**
     * {@link #weight} for library counts 1 to {@link #TABULATED}, computed once (most library counts are small), for
     * lists of at most {@link #TABULATED_TERMS} terms (a day or a week of papers; a month's are computed as needed).
     */
    private final double[] tabulated;
    private static final int TABULATED = 4;
    private static final int TABULATED_TERMS = 250_000;
    /** How many papers' terms are kept at most, unless told otherwise: about 1.3 KB each. */
    static final int KEPT = 50_000;
    private final ConcurrentHashMap<String, Mapped> mapped = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final int maxKept;

    private DayTerms(List<PaperFeatures> papers, CollectionCounts collection, int maxKept) {
        this.maxKept = maxKept;
        numbers = new LongIntHashMap(); // grows as it meets terms: a month of papers shares most of them
        LongArrayList terms = new LongArrayList();
        for (PaperFeatures p : papers) {
            for (long term : p.counts().terms()) {
                int at = numbers.indexOf(term);
                if (at < 0) {
                    numbers.indexInsert(at, term, terms.size());
                    terms.add(term);
                }
            }
        }
        int slots = terms.size();
        prior = new double[slots];
        tabulated = slots <= TABULATED_TERMS ? new double[slots * TABULATED] : null;
        for (int i = 0; i < slots; i++) {
            prior[i] = LibraryLanguageModel.MU * collection.probability(terms.get(i));
            for (int c = 1; tabulated != null && c <= TABULATED; c++) {
                tabulated[i * TABULATED + c - 1] = Math.log(1 + c / prior[i]);
            }
        }
    }

    /** The terms of {@code papers}, with the collection model their weights are smoothed by. */
    static DayTerms of(List<PaperFeatures> papers, CollectionCounts collection) {
        return of(papers, collection, KEPT);
    }

    /** @param maxKept how many papers' terms are kept at most */
    static DayTerms of(List<PaperFeatures> papers, CollectionCounts collection, int maxKept) {
        return new DayTerms(papers, collection, maxKept);
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

    /**
     * The terms of {@code paper} that the list holds, looked up once per paper id while fewer than {@code maxKept}
     * papers are kept (a digest run's libraries can hold hundreds of thousands of papers), then each time.
     */
    Mapped map(PaperFeatures paper) {
        Mapped known = mapped.get(paper.id()); // lock-free, where computeIfAbsent may lock the key's bin
        if (known != null) {
            return known;
        }
        if (kept.get() >= maxKept) { // checked, then counted: a few more may be kept under a race
            return lookUp(paper);
        }
        return mapped.computeIfAbsent(paper.id(), id -> {
            kept.incrementAndGet();
            return lookUp(paper);
        });
    }

    private Mapped lookUp(PaperFeatures paper) {
        TermCounts c = paper.counts();
        int[] slot = new int[c.terms().length];
        int[] count = new int[c.terms().length];
        int n = 0;
        for (int i = 0; i < c.terms().length; i++) {
            int at = numbers.indexOf(c.terms()[i]);
            if (at >= 0) {
                slot[n] = numbers.indexGet(at);
                count[n++] = c.counts()[i];
            }
        }
        return new Mapped(Arrays.copyOf(slot, n), Arrays.copyOf(count, n), c.length());
    }

    /** How many papers' terms are kept (for tests). */
    int kept() {
        return kept.get();
    }
}
