package org.paperwire.search;

/**
 * Query-time weights of the keyword fields. {@code all} (title and abstract as one text) carries the BM25
 * ranking, as in Anserini's "flat" BEIR runs; a match in the title counts extra, since a title says what
 * a paper is about; a match in an author's name counts a little, so that "hinton capsules" finds Hinton's
 * paper on capsules without letting names drown topics.
 */
public record FieldWeights(float all, float title, float authors) {
    public static final FieldWeights DEFAULT = new FieldWeights(1.0f, 0.5f, 0.5f);
}
