package org.paperwire.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.paperwire.search.index.PaperDocuments;

/**
 * Highlighted abstract passages for a page of hits: the two best sentences of each abstract, query words in
 * {@code <b>…</b>}, HTML-escaped. Lucene's {@link UnifiedHighlighter} re-analyzes each abstract (the field keeps
 * no offsets), but takes the abstracts the page has already read: letting it read them again from stored fields
 * decompressed each document's block a second time (about a tenth of a keyword search's time).
 */
final class Snippets {
    private static final int PASSAGES = 2;

    private Snippets() {}

    /** The snippet of each of {@code docs} (Lucene doc ids) whose abstract is at the same index of {@code abstracts}. */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docs, String[] abstracts)
            throws IOException {
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], abstracts[i]);
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFieldMatcher(field -> true) // words matched in title or all are marked in the abstract too
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true));
        return new Preloaded(builder, byDoc).highlightFields(new String[] {PaperDocuments.ABSTRACT}, query, docs,
                new int[] {PASSAGES}).get(PaperDocuments.ABSTRACT);
    }

    /** A highlighter that analyzes the given abstracts instead of reading them from the index. */
    private static final class Preloaded extends UnifiedHighlighter {
        private final Map<Integer, String> abstracts;

        Preloaded(Builder builder, Map<Integer, String> abstracts) {
            super(builder);
            this.abstracts = abstracts;
        }

        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.ANALYSIS; // what it would find from the field infos, without merging them per search
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                values.add(new CharSequence[] {abstracts.get(doc)});
            }
            return values;
        }
    }
}
