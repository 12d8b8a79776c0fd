package org.paperwire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;
import org.paperwire.search.index.PaperDocuments;
import org.paperwire.search.index.SearchIndex;

/**
 * {@link PaperSearch} over the Lucene {@link SearchIndex}: BM25 over weighted fields, HNSW nearest vectors
 * (Lucene's dot-product score, {@code (1 + cos) / 2}), filters as Lucene queries, ids and dates from doc values.
 * A candidate's handle is the Lucene document number in the view's reader.
 */
public final class LuceneSearch implements PaperSearch {
    /**
     * Words searched per field: three fields stay under Lucene's 1,024 clauses per query with room for filters.
     * Only a pasted text of hundreds of short words gets here; a note says so.
     */
    static final int MAX_TERMS = 300;
    /** The fields the free text is searched in (all text, title, authors), each a clause per word. */
    private static final int TEXT_FIELDS = 3;

    private final SearchIndex index;
    private final EmbeddingCache cache;
    private final String modelKey;
    private final FieldWeights weights;

    /** @param modelKey the embedding cache key of the model the index's vectors come from */
    public LuceneSearch(SearchIndex index, EmbeddingCache cache, String modelKey, FieldWeights weights) {
        this.index = index;
        this.cache = cache;
        this.modelKey = modelKey;
        this.weights = weights;
    }

    private record LuceneFilter(Query query) implements Filter {}

    private record LuceneText(Query query) implements TextQuery {}

    @Override
    public <T> T read(Work<T> work) {
        return index.withSearcher(searcher -> work.run(new LuceneView(searcher)));
    }

    /**
     * BM25 over the weighted fields for the free text; null when the text has only stop words. One flat
     * disjunction of (boosted) term queries, one per analyzed word and field: the same sum as a disjunction per
     * field, but Lucene scores it as one MaxScore disjunction, about a fifth faster than the nested form.
     */
    public Query textQuery(String text) {
        return textQuery(text, new ArrayList<>(), MAX_TERMS);
    }

    private Query textQuery(String text, List<String> notes, int maxTerms) {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        // a fixed field order: float sums in a fixed order give the same score on every run
        int words = addTerms(terms, PaperDocuments.ALL, text, weights.all(), maxTerms);
        if (words == 0) {
            return null;
        }
        addTerms(terms, PaperDocuments.TITLE, text, weights.title(), maxTerms);
        addTerms(terms, PaperDocuments.AUTHORS, text, weights.authors(), maxTerms);
        if (words > maxTerms) {
            notes.add(String.format("the query has %,d words to search for; searched the first %,d", words, maxTerms));
        }
        return terms.build();
    }

    /**
     * How many words each field's clauses may take beside {@code filter}: Lucene refuses a query of more than
     * {@link IndexSearcher#getMaxClauseCount()} leaf clauses in all, so many filters leave fewer words than
     * {@link #MAX_TERMS}.
     *
     * @throws SearchInputException when the filters alone take every clause (only the CLI can ask for that many
     *     categories; the query syntax keeps to {@link QuerySyntax#MAX_FILTERS})
     */
    private static int termsPerField(Query filter) {
        int filters = leafClauses(filter);
        int left = IndexSearcher.getMaxClauseCount() - filters;
        if (left < TEXT_FIELDS) {
            throw new SearchInputException(String.format("the search has %,d filter clauses (categories, phrases,"
                    + " exclusions, authors); at most %,d fit in one search", filters, IndexSearcher.getMaxClauseCount() - TEXT_FIELDS));
        }
        return Math.min(MAX_TERMS, left / TEXT_FIELDS);
    }

    /** The leaf clauses of {@code query}, counted as Lucene counts them against its clause limit. */
    static int leafClauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this; // MUST_NOT clauses count too
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0]++;
            }
        });
        return count[0];
    }

    /**
     * Adds a clause per analyzed word of {@code text} in {@code field}, at most {@code maxTerms}; returns how
     * many words there were.
     */
    private int addTerms(BooleanQuery.Builder terms, String field, String text, float weight, int maxTerms) {
        if (weight <= 0) {
            return 0;
        }
        int words = 0;
        try (TokenStream tokens = index.analyzer().tokenStream(field, text)) {
            TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (++words <= maxTerms) {
                    Query q = new TermQuery(new Term(field, BytesRef.deepCopyOf(term.getBytesRef())));
                    terms.add(weight == 1f ? q : new BoostQuery(q, weight), Occur.SHOULD);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze the query '" + text + "'", e); // a string never fails to read
        }
        return words;
    }

    private static Query categoryQuery(String category) {
        String lower = category.strip().toLowerCase(Locale.ROOT);
        Query exact = new TermQuery(new Term(PaperDocuments.CATEGORY_LOWER, lower));
        if (lower.contains(".")) {
            return exact;
        }
        return new BooleanQuery.Builder().add(exact, Occur.SHOULD)
                .add(new PrefixQuery(new Term(PaperDocuments.CATEGORY_LOWER, lower + ".")), Occur.SHOULD).build();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** {@code scoring} restricted to {@code filter}; as it is when the filter takes every paper (no rewrite per search). */
    private static Query filtered(Query scoring, Query filter) {
        return filter instanceof MatchAllDocsQuery ? scoring
                : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Query query(Filter filter) {
        return ((LuceneFilter) filter).query();
    }

    private static Query query(TextQuery text) {
        return ((LuceneText) text).query();
    }

    /** One searcher's view. */
    private final class LuceneView implements View {
        private final IndexSearcher searcher;

        LuceneView(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        @Override
        public Optional<Filter> filter(ParsedQuery parsed, SearchRequest request, List<String> notes)
                throws IOException {
            QueryBuilder builder = new QueryBuilder(index.analyzer());
            BooleanQuery.Builder filter = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
            for (String phrase : parsed.phrases()) {
                Query q = builder.createPhraseQuery(PaperDocuments.ALL, phrase);
                if (q != null) {
                    filter.add(q, Occur.FILTER);
                }
            }
            for (String excluded : parsed.excluded()) {
                Query q = builder.createPhraseQuery(PaperDocuments.ALL, excluded);
                if (q != null) {
                    filter.add(q, Occur.MUST_NOT);
                }
            }
            for (String author : parsed.authors()) {
                Query q = builder.createPhraseQuery(PaperDocuments.AUTHORS, author);
                if (q != null) {
                    filter.add(q, Occur.FILTER);
                }
            }
            List<String> categories = new ArrayList<>(parsed.categories());
            categories.addAll(request.categories());
            if (!categories.isEmpty()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String category : categories) {
                    Query q = categoryQuery(category);
                    if (searcher.count(q) == 0) {
                        notes.add("unknown category '" + category + "': no paper in the index is in it (categories"
                                + " look like cs.CL or stat.ML, archives like cs)");
                        return Optional.empty();
                    }
                    any.add(q, Occur.SHOULD);
                }
                filter.add(any.build(), Occur.FILTER);
            }
            LocalDate since = latest(parsed.since(), request.since());
            LocalDate until = earliest(parsed.until(), request.until());
            if (since != null || until != null) {
                filter.add(LongField.newRangeQuery(PaperDocuments.DATE,
                        since == null ? Long.MIN_VALUE : since.toEpochDay(),
                        until == null ? Long.MAX_VALUE : until.toEpochDay()), Occur.FILTER);
            }
            BooleanQuery built = filter.build();
            return Optional.of(new LuceneFilter(built.clauses().size() == 1 ? new MatchAllDocsQuery() : built));
        }

        @Override
        public Filter excluding(String id) {
            return new LuceneFilter(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(new TermQuery(new Term(PaperDocuments.ID, id)), Occur.MUST_NOT).build());
        }

        @Override
        public Optional<TextQuery> text(String text, Filter filter, List<String> notes) {
            return Optional.ofNullable(textQuery(text, notes, termsPerField(query(filter)))).map(LuceneText::new);
        }

        @Override
        public Ranked newest(TextQuery text, Filter filter, int n) throws IOException {
            Query query = text == null ? query(filter) : filtered(query(text), query(filter));
            TopDocs top = searcher.search(query, n, PaperDocuments.NEWEST_FIRST, true);
            return new Ranked(candidates(top.scoreDocs), top.totalHits.value());
        }

        /**
         * Collecting by score alone lets Lucene skip blocks that cannot compete (block-max WAND), many times
         * faster than sorting every match by (score, date, id). Totals are exact up to 1,000 and a lower bound
         * beyond.
         */
        @Override
        public Ranked best(TextQuery text, Filter filter, int n) throws IOException {
            TopDocs top = searcher.search(filtered(query(text), query(filter)), n);
            return new Ranked(candidates(top.scoreDocs), top.totalHits.value());
        }

        @Override
        public List<Candidate> nearest(float[] vector, int k, Filter filter) throws IOException {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(PaperDocuments.VECTOR, vector, k, query(filter)), k);
            return candidates(top.scoreDocs);
        }

        @Override
        public void keywordScores(TextQuery text, Filter filter, int[] handles, Map<Integer, Double> scores)
                throws IOException {
            HybridScores.keyword(searcher, filtered(query(text), query(filter)), handles, scores);
        }

        @Override
        public void vectorScores(float[] vector, int[] handles, Map<Integer, Double> scores) throws IOException {
            HybridScores.semantic(searcher, vector, handles, scores);
        }

        @Override
        public Map<String, Double> cosine(float[] vector, Collection<String> ids) throws IOException {
            Map<String, String> hashes = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (String id : ids) {
                TopDocs found = searcher.search(new TermQuery(new Term(PaperDocuments.ID, id)), 1);
                if (found.scoreDocs.length > 0) {
                    hashes.put(id, textHash(stored.document(found.scoreDocs[0].doc)));
                }
            }
            // one read of the embedding cache for all of them, not one per paper
            Map<String, float[]> vectors = cache.getAll(modelKey, List.copyOf(new HashSet<>(hashes.values())));
            Map<String, Double> out = new HashMap<>();
            hashes.forEach((id, hash) -> {
                float[] other = vectors.get(hash);
                if (other != null) {
                    out.put(id, (double) VectorUtil.dotProduct(vector, other));
                }
            });
            return out;
        }

        @Override
        public Optional<float[]> vector(String id) throws IOException {
            TopDocs found = searcher.search(new TermQuery(new Term(PaperDocuments.ID, id)), 1);
            if (found.scoreDocs.length == 0) {
                throw new SearchInputException("no paper '" + id + "' in the index");
            }
            return vectorOf(searcher.storedFields().document(found.scoreDocs[0].doc));
        }

        /** The paper's vector from the embedding cache, keyed by its text as the index embedded it. */
        private Optional<float[]> vectorOf(Document doc) {
            String hash = textHash(doc);
            return Optional.ofNullable(cache.getAll(modelKey, List.of(hash)).get(hash));
        }

        private static String textHash(Document doc) {
            return EmbeddingCache.hash(EmbeddingText.of(doc.get(PaperDocuments.TITLE), doc.get(PaperDocuments.ABSTRACT)));
        }

        /**
         * Each hit's id and date from doc values. Reading them from stored fields decompressed a block of
         * documents per hit: about 1.5 of the 9 ms of CPU a hybrid search took over 100 + 100 candidates (bench
         * web, issue 4).
         */
        private List<Candidate> candidates(ScoreDoc[] docs) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<Candidate> out = new ArrayList<>(docs.length);
            for (ScoreDoc sd : docs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                int doc = sd.doc - leaf.docBase;
                // fresh iterators per hit: hits come in score order, doc values only move forward
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), PaperDocuments.ID);
                SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), PaperDocuments.DATE);
                if (!ids.advanceExact(doc)) {
                    throw new IllegalStateException("indexed document " + sd.doc + " has no paper id");
                }
                out.add(new Candidate(sd.doc, ids.lookupOrd(ids.ordValue()).utf8ToString(),
                        Float.isNaN(sd.score) ? 0 : sd.score, dates.advanceExact(doc) ? dates.nextValue() : Long.MIN_VALUE));
            }
            return out;
        }

        @Override
        public List<SearchHit> hits(List<Candidate> page, int offset, TextQuery text, boolean snippets)
                throws IOException {
            StoredFields stored = searcher.storedFields();
            List<Document> docs = new ArrayList<>(page.size());
            for (Candidate c : page) {
                docs.add(stored.document(c.handle()));
            }
            String[] shown = new String[page.size()];
            if (snippets && !page.isEmpty()) {
                Query highlight = text != null ? query(text) : new MatchAllDocsQuery();
                shown = Snippets.of(searcher, index.analyzer(), highlight, page.stream().mapToInt(Candidate::handle).toArray(),
                        docs.stream().map(d -> d.get(PaperDocuments.ABSTRACT)).toArray(String[]::new));
            }
            List<SearchHit> hits = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                Candidate c = page.get(i);
                Document doc = docs.get(i);
                hits.add(new SearchHit(offset + i + 1, c.id(), doc.get(PaperDocuments.TITLE),
                        List.of(doc.getValues(PaperDocuments.AUTHORS)), List.of(doc.getValues(PaperDocuments.CATEGORY)),
                        c.day() == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(c.day()), c.score(),
                        shown[i] == null ? "" : shown[i]));
            }
            return hits;
        }
    }
}
