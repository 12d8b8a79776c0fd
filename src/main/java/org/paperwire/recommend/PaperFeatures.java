package org.paperwire.recommend;

import java.util.Objects;

/**
 * What the recommendation model knows of one paper: its embedding (the search index's, of title and abstract,
 * unit length), its tf-idf terms in the day's {@link TermSpace} ({@link TermVector#EMPTY} when terms are not
 * used) and the counts of all its words and bigrams ({@link TermCounts#EMPTY} when not used). Nothing else:
 * author names never reach the model.
 */
public record PaperFeatures(String id, float[] embedding, TermVector terms, TermCounts counts) {
    public PaperFeatures {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(counts, "counts");
    }

    /** Without word counts: the language-model part of a model sees nothing of this paper. */
    public PaperFeatures(String id, float[] embedding, TermVector terms) {
        this(id, embedding, terms, TermCounts.EMPTY);
    }
}
