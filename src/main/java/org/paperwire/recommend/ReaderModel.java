package org.paperwire.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One collection's model: a linear score over a paper's embedding and terms, {@code w_e · embedding + w_t · terms
 * + bias}, plus (trained models) the paper's similarity to its nearest collection paper,
 * {@code a · max cos(embeddings) + b · max cos(terms)}, and the collection's papers, to say which of them a
 * recommendation is closest to. Immutable and
 * thread-safe; {@link ReaderModels} makes them.
 */
public final class ReaderModel {
    /** How the model was made. */
    public enum Kind {
        /** A classifier trained on the collection against negatives and background papers. */
        TRAINED,
        /** Too few papers to train: similarity to the collection, recent additions weighing more. */
        SIMILARITY
    }

    private final Kind kind;
    private final float[] embeddingWeights;
    private final float[] termWeights;
    private final double bias;
    private final List<PaperFeatures> library;
    private final double nearestEmbedding;
    private final double nearestTerms;

    ReaderModel(Kind kind, float[] embeddingWeights, float[] termWeights, double bias, List<PaperFeatures> library,
            double nearestEmbedding, double nearestTerms) {
        this.kind = kind;
        this.embeddingWeights = embeddingWeights;
        this.termWeights = termWeights;
        this.bias = bias;
        this.library = List.copyOf(library);
        this.nearestEmbedding = nearestEmbedding;
        this.nearestTerms = nearestTerms;
    }

    public Kind kind() {
        return kind;
    }

    /** The score of one paper: higher is a better match. Comparable only among one model's scores. */
    public double score(PaperFeatures paper) {
        double s = bias + Vectors.dot(embeddingWeights, paper.embedding());
        s = termWeights == null ? s : s + paper.terms().dot(termWeights, 0);
        return nearestEmbedding == 0 && nearestTerms == 0 ? s : s + nearest(paper);
    }

    /** The similarity to the nearest collection paper, by each half (a paper in the collection is its own nearest). */
    private double nearest(PaperFeatures paper) {
        double embedding = 0;
        double terms = 0;
        for (PaperFeatures saved : library) {
            if (nearestEmbedding != 0) {
                embedding = Math.max(embedding, Vectors.dot(saved.embedding(), paper.embedding()));
            }
            if (nearestTerms != 0) {
                terms = Math.max(terms, paper.terms().dot(saved.terms()));
            }
        }
        return nearestEmbedding * embedding + nearestTerms * terms;
    }

    /** The scores of {@code candidates}, in their order. */
    public double[] score(List<PaperFeatures> candidates) {
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(candidates.get(i));
        }
        return scores;
    }

    /**
     * The (at most) {@code max} collection papers closest to {@code paper} by the cosine of their embeddings, closest
     * first, ties by id; the paper itself, if it is in the collection, is skipped.
     */
    public List<Because> because(PaperFeatures paper, int max) {
        List<Because> all = new ArrayList<>(library.size());
        for (PaperFeatures saved : library) {
            if (!saved.id().equals(paper.id())) {
                all.add(new Because(saved.id(), Vectors.dot(saved.embedding(), paper.embedding())));
            }
        }
        all.sort(Comparator.comparingDouble(Because::similarity).reversed().thenComparing(Because::id));
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }
}
