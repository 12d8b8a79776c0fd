package org.paperwire.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.paperwire.search.index.PaperDocuments;

/**
 * Scores of given documents on each side of a hybrid search, for the papers that side did not retrieve:
 * BM25 of the keyword query (0 when no query word matches) and the dot-product score of the query vector
 * (absent when the paper has no vector yet).
 */
final class HybridScores {
    private HybridScores() {}

    /**
     * Adds to {@code scores} the BM25 of {@code query} for each of {@code docs} (ascending) not in it yet;
     * documents it does not match are left out.
     */
    static void keyword(IndexSearcher searcher, Query query, int[] docs, Map<Integer, Double> scores)
            throws IOException {
        if (Arrays.stream(docs).allMatch(scores::containsKey)) {
            return;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        forEachLeaf(searcher, docs, (leaf, from, to) -> {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                return;
            }
            scoreMissing(docs, from, to, leaf.docBase, scorer.iterator(), scores, () -> scorer.score());
        });
    }

    /** Adds to {@code scores} the vector score of each of {@code docs} (ascending) not in it yet. */
    static void semantic(IndexSearcher searcher, float[] vector, int[] docs, Map<Integer, Double> scores)
            throws IOException {
        forEachLeaf(searcher, docs, (leaf, from, to) -> {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperDocuments.VECTOR);
            if (values == null) {
                return;
            }
            KnnVectorValues.DocIndexIterator it = values.iterator();
            scoreMissing(docs, from, to, leaf.docBase, it,
                    scores, () -> VectorSimilarityFunction.DOT_PRODUCT.compare(vector, values.vectorValue(it.index())));
        });
    }

    /**
     * Walks {@code it} (one segment's, its first doc at {@code docBase}) to each of {@code docs[from..to)} not in
     * {@code scores} yet, and puts the {@code current} score of each that the segment has.
     */
    private static void scoreMissing(int[] docs, int from, int to, int docBase, DocIdSetIterator it,
            Map<Integer, Double> scores, CurrentScore current) throws IOException {
        for (int i = from; i < to; i++) {
            if (scores.containsKey(docs[i])) {
                continue;
            }
            int target = docs[i] - docBase;
            int at = it.docID() < target ? it.advance(target) : it.docID();
            if (at == target) {
                scores.put(docs[i], current.score());
            }
        }
    }

    /** The score of the document an iterator stands on. */
    private interface CurrentScore {
        double score() throws IOException;
    }

    /** Work on one index segment's share {@code docs[from..to)} of the ascending global doc ids. */
    private interface LeafWork {
        void run(LeafReaderContext leaf, int from, int to) throws IOException;
    }

    private static void forEachLeaf(IndexSearcher searcher, int[] docs, LeafWork work) throws IOException {
        int i = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            int from = i;
            while (i < docs.length && docs[i] < end) {
                i++;
            }
            if (i > from) {
                work.run(leaf, from, i);
            }
        }
    }
}
