package org.paperwire.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A search backend: finds, scores and shows papers for {@link SearchService}, which keeps what does not depend
 * on the backend (query truncation, notes, modes, fusion, the order of ties, paging). Lucene today
 * ({@link LuceneSearch}); another store brings its own implementation.
 */
public interface PaperSearch {
    /**
     * Runs {@code work} over one point-in-time view of the papers, so that the rankings, scores and hits of one
     * request agree with each other.
     */
    <T> T read(Work<T> work);

    /** What one request does with a view. */
    @FunctionalInterface
    interface Work<T> {
        T run(View view) throws IOException;
    }

    /**
     * A found paper: the view's handle for it (valid within that view only), its id, score and listing day
     * (epoch day, {@link Long#MIN_VALUE} when undated).
     */
    record Candidate(int handle, String id, double score, long day) {}

    /** Candidates and how many papers matched in all (a lower bound for large counts). */
    record Ranked(List<Candidate> candidates, long total) {}

    /** The constraints of a search (phrases, exclusions, authors, categories, dates), compiled by the backend. */
    interface Filter {}

    /** Free text compiled for keyword scoring by the backend. */
    interface TextQuery {}

    /** One point-in-time view. */
    interface View {
        /**
         * The constraints of {@code parsed} and {@code request}; empty when a category is unknown (with a note).
         *
         * @throws SearchInputException when the constraints cannot be searched at all
         */
        Optional<Filter> filter(ParsedQuery parsed, SearchRequest request, List<String> notes) throws IOException;

        /** Every paper but {@code id}. */
        Filter excluding(String id);

        /** {@code text} for keyword scoring beside {@code filter}; empty when it has only stop words. */
        Optional<TextQuery> text(String text, Filter filter, List<String> notes);

        /** The newest {@code n} papers of {@code filter} that match {@code text} (any, when null). */
        Ranked newest(TextQuery text, Filter filter, int n) throws IOException;

        /** At least the best {@code n} keyword matches of {@code text} in {@code filter}, in no set order. */
        Ranked best(TextQuery text, Filter filter, int n) throws IOException;

        /** The {@code k} papers of {@code filter} whose vectors are nearest to {@code vector}, in no set order. */
        List<Candidate> nearest(float[] vector, int k, Filter filter) throws IOException;

        /**
         * Adds to {@code scores} the keyword score of {@code text} in {@code filter} for each of {@code handles}
         * (ascending) not in it yet; papers it does not match are left out.
         */
        void keywordScores(TextQuery text, Filter filter, int[] handles, Map<Integer, Double> scores)
                throws IOException;

        /**
         * Adds to {@code scores} the vector score of {@code vector} for each of {@code handles} (ascending) not in
         * it yet; papers without a vector are left out.
         */
        void vectorScores(float[] vector, int[] handles, Map<Integer, Double> scores) throws IOException;

        /**
         * The cosine similarity of {@code vector} to each of {@code ids} that is indexed with a vector (unit vectors:
         * the dot product).
         */
        Map<String, Double> cosine(float[] vector, Collection<String> ids) throws IOException;

        /**
         * The stored vector of paper {@code id}; empty when it has none yet.
         *
         * @throws SearchInputException when the paper is not indexed
         */
        Optional<float[]> vector(String id) throws IOException;

        /**
         * The hits for {@code page}, ranked from {@code offset + 1}; with {@code snippets}, an abstract snippet
         * highlighting {@code text} (the abstract's start when null).
         */
        List<SearchHit> hits(List<Candidate> page, int offset, TextQuery text, boolean snippets) throws IOException;
    }
}
