package org.paperwire.recommend;

import java.util.Objects;

/**
 * What the recommendation model knows of one paper: its embedding (the search index's, of title and abstract,
 * unit length), its tf-idf terms in the day's {@link TermSpace} ({@link TermVector#EMPTY} when terms are not
 * used), the counts of all its words and bigrams ({@link TermCounts#EMPTY} when not used) and the sketch of its
 * character n-grams ({@link CharGrams}; empty when not used). Nothing else:
 * author names never reach the model.
 */
public record PaperFeatures(String id, float[] embedding, TermVector terms, TermCounts counts, CharSketch chars) {
    public PaperFeatures {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(chars, "chars");
    }

    /** Without character n-grams. */
    public PaperFeatures(String id, float[] embedding, TermVector terms, TermCounts counts) {
        this(id, embedding, terms, counts, CharSketch.NONE);
    }

    /** With the terms' three parts. */
    public PaperFeatures(String id, float[] embedding, TermSpace.Terms terms) {
        this(id, embedding, terms.vector(), terms.counts(), terms.chars());
    }

    /** Without word counts: the language-model part of a model sees nothing of this paper. */
    public PaperFeatures(String id, float[] embedding, TermVector terms) {
        this(id, embedding, terms, TermCounts.EMPTY);
    }
}
