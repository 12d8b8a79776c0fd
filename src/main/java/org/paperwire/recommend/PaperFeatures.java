package org.paperwire.recommend;

import java.util.Objects;

/**
 * What the recommendation model knows of one paper: its embedding (the search index's, of title and abstract,
 * unit length) and its tf-idf terms in the day's {@link TermSpace} ({@link TermVector#EMPTY} when terms are not
 * used). Nothing else: author names never reach the model.
 */
public record PaperFeatures(String id, float[] embedding, TermVector terms) {
    public PaperFeatures {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(terms, "terms");
    }
}
