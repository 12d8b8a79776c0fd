package org.paperwire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
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
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;
import org.paperwire.search.index.PaperDocuments;
import org.paperwire.search.index.SearchIndex;

/**
 * Keyword, semantic and hybrid search over the {@link SearchIndex}, and similar papers. Results are ordered
 * by score, then date (newer first), then id, so equal scores never shuffle between runs.
 */
public final class SearchService {
    /** Longer queries are cut here (at a word boundary): enough for any real query or pasted abstract. */
    public static final int MAX_QUERY_CHARS = 1000;
    /** Candidates taken from each ranking before fusion (at least; more when a later page is asked for). */
    public static final int HYBRID_DEPTH = 100;
    /**
     * Words searched per field: three fields stay under Lucene's 1,024 clauses per query with room for filters.
     * Only a pasted text of hundreds of short words gets here; a note says so.
     */
    static final int MAX_TERMS = 300;
    /** Categories one search may ask for, from the query and the request together. */
    static final int MAX_CATEGORIES = 100;
    /** The fields the free text is searched in (all text, title, authors), each a clause per word. */
    private static final int TEXT_FIELDS = 3;
    /** Extra hits collected beyond a page so that ties at its end are ordered by date and id. */
    static final int TIE_SLACK = 16;

    private final SearchIndex index;
    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final LongSupplier backlog;
    private final QuerySyntax syntax;
    private final FieldWeights weights;
    private final Fusion fusion;
    private final int hybridDepth;

    public SearchService(SearchIndex index, Embedder embedder, EmbeddingCache cache, LongSupplier backlog,
            QuerySyntax syntax, FieldWeights weights, Fusion fusion) {
        this(index, embedder, cache, backlog, syntax, weights, fusion, HYBRID_DEPTH);
    }

    /** With another candidate depth for hybrid search (tests: a small depth leaves papers to one side). */
    SearchService(SearchIndex index, Embedder embedder, EmbeddingCache cache, LongSupplier backlog,
            QuerySyntax syntax, FieldWeights weights, Fusion fusion, int hybridDepth) {
        this.hybridDepth = hybridDepth;
        this.index = index;
        this.embedder = embedder;
        this.cache = cache;
        this.backlog = backlog;
        this.syntax = syntax;
        this.weights = weights;
        this.fusion = fusion;
    }

    public QuerySyntax syntax() {
        return syntax;
    }

    /** A candidate before pagination. */
    private record Candidate(int doc, String id, double score, long day) {}

    private static final Comparator<Candidate> BY_SCORE = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Comparator.comparingLong(Candidate::day).reversed())
            .thenComparing(Candidate::id);
    private static final Comparator<Candidate> BY_DATE = Comparator.comparingLong(Candidate::day).reversed()
            .thenComparing(Candidate::id);

    /**
     * Runs {@code request}.
     *
     * @throws SearchInputException for an empty query
     */
    public SearchResults search(SearchRequest request) {
        List<String> notes = new ArrayList<>();
        String query = truncate(request.query().strip(), notes);
        ParsedQuery parsed = syntax.parse(query);
        notes.addAll(parsed.notes());
        if (parsed.isEmpty() && request.categories().isEmpty() && request.since() == null && request.until() == null) {
            throw new SearchInputException("empty query: type some words, a \"phrase\", author:NAME, cat:CATEGORY"
                    + " or since:DATE");
        }
        return index.withSearcher(searcher -> {
            Optional<Query> filter = filter(searcher, parsed, request, notes);
            if (filter.isEmpty()) {
                return new SearchResults(query, request.mode(), 0, List.of(), notes);
            }
            Query scoring = parsed.hasText() ? textQuery(parsed.text(), notes, termsPerField(filter.get())) : null;
            if (parsed.hasText() && scoring == null) {
                notes.add("the query has only common words (such as 'the', 'of'); nothing to search for");
                return new SearchResults(query, request.mode(), 0, List.of(), notes);
            }
            SearchMode mode = request.mode();
            if (mode != SearchMode.KEYWORD && !parsed.hasText()) {
                mode = SearchMode.KEYWORD; // filters only: nothing to embed, newest first
            }
            Ranked ranked = switch (mode) {
                case KEYWORD -> keyword(searcher, scoring, filter.get(), request);
                case SEMANTIC -> semantic(searcher, parsed.text(), filter.get(), request, notes);
                case HYBRID -> hybrid(searcher, scoring, parsed.text(), filter.get(), request, notes);
            };
            List<Candidate> page = ranked.candidates().subList(Math.min(request.offset(), ranked.candidates().size()),
                    Math.min(request.offset() + request.limit(), ranked.candidates().size()));
            Query highlight = scoring != null ? scoring : new MatchAllDocsQuery();
            return new SearchResults(query, request.mode(), ranked.total(),
                    hits(searcher, page, request.offset(), request.snippets() ? highlight : null), notes);
        });
    }

    private record Ranked(List<Candidate> candidates, long total) {}

    private static String truncate(String query, List<String> notes) {
        if (query.length() <= MAX_QUERY_CHARS) {
            return query;
        }
        int cut = query.lastIndexOf(' ', MAX_QUERY_CHARS);
        String kept = query.substring(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS).strip();
        notes.add(String.format("the query was %,d characters long; searched its first %,d", query.length(), kept.length()));
        return kept;
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

    /**
     * Everything a paper must (not) have besides the ranking: phrases, exclusions, authors, categories,
     * dates; a {@link MatchAllDocsQuery} when nothing is asked. Empty when a category is unknown (with a note
     * saying so).
     */
    private Optional<Query> filter(IndexSearcher searcher, ParsedQuery parsed, SearchRequest request, List<String> notes)
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
        if (categories.size() > MAX_CATEGORIES) {
            throw new SearchInputException(String.format("%,d categories asked for; a search takes at most %d",
                    categories.size(), MAX_CATEGORIES));
        }
        if (!categories.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String category : categories) {
                Query q = categoryQuery(category);
                if (searcher.count(q) == 0) {
                    notes.add("unknown category '" + category + "': no paper in the index is in it (categories look"
                            + " like cs.CL or stat.ML, archives like cs)");
                    return Optional.empty();
                }
                any.add(q, Occur.SHOULD);
            }
            filter.add(any.build(), Occur.FILTER);
        }
        LocalDate since = latest(parsed.since(), request.since());
        LocalDate until = earliest(parsed.until(), request.until());
        if (since != null || until != null) {
            filter.add(LongField.newRangeQuery(PaperDocuments.DATE, since == null ? Long.MIN_VALUE : since.toEpochDay(),
                    until == null ? Long.MAX_VALUE : until.toEpochDay()), Occur.FILTER);
        }
        BooleanQuery built = filter.build();
        return Optional.of(built.clauses().size() == 1 ? new MatchAllDocsQuery() : built);
    }

    private static Query categoryQuery(String category) {
        String lower = category.strip().toLowerCase(java.util.Locale.ROOT);
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

    private Ranked keyword(IndexSearcher searcher, Query scoring, Query filter, SearchRequest request) throws IOException {
        int n = request.offset() + request.limit();
        Query query = scoring == null ? filter : filtered(scoring, filter);
        if (scoring == null || request.sort() == SearchSort.DATE) {
            TopDocs top = searcher.search(query, n, PaperDocuments.NEWEST_FIRST, true);
            return new Ranked(candidates(searcher, top.scoreDocs), top.totalHits.value());
        }
        return topByScore(searcher, query, n);
    }

    /** {@code scoring} restricted to {@code filter}; as it is when the filter takes every paper (no rewrite per search). */
    private static Query filtered(Query scoring, Query filter) {
        return filter instanceof MatchAllDocsQuery ? scoring
                : new BooleanQuery.Builder().add(scoring, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /**
     * The best {@code n} by score, ties by date then id. Collecting by score alone lets Lucene skip blocks
     * that cannot compete (block-max WAND), many times faster than sorting every match by (score, date, id);
     * the {@link #TIE_SLACK} extra hits are re-sorted so that ties at the cut are settled by date and id too
     * (unless more than that many papers share the score at the cut). Totals are exact up to 1,000 and a
     * lower bound beyond.
     */
    private static Ranked topByScore(IndexSearcher searcher, Query query, int n) throws IOException {
        TopDocs top = searcher.search(query, n + TIE_SLACK);
        List<Candidate> candidates = candidates(searcher, top.scoreDocs);
        candidates.sort(BY_SCORE);
        return new Ranked(new ArrayList<>(candidates.subList(0, Math.min(n, candidates.size()))), top.totalHits.value());
    }

    private Ranked semantic(IndexSearcher searcher, String text, Query filter, SearchRequest request, List<String> notes)
            throws IOException {
        int k = Math.max(request.offset() + request.limit(), 1);
        List<Candidate> candidates = nearest(searcher, embedder.embedQuery(text), k, filter);
        noteBacklog(notes);
        candidates.sort(request.sort() == SearchSort.DATE ? BY_DATE : BY_SCORE);
        return new Ranked(candidates, candidates.size());
    }

    private Ranked hybrid(IndexSearcher searcher, Query scoring, String text, Query filter, SearchRequest request,
            List<String> notes) throws IOException {
        int depth = Math.max(hybridDepth, request.offset() + request.limit());
        Query query = filtered(scoring, filter);
        float[] vector = embedder.embedQuery(text);
        Map<Integer, Candidate> union = new HashMap<>();
        Map<Integer, Double> keyword = new HashMap<>();
        for (Candidate c : topByScore(searcher, query, depth).candidates()) {
            union.put(c.doc(), c);
            keyword.put(c.doc(), c.score());
        }
        Map<Integer, Double> semantic = new HashMap<>();
        for (Candidate c : nearest(searcher, vector, depth, filter)) {
            semantic.put(c.doc(), c.score());
            union.putIfAbsent(c.doc(), c);
        }
        noteBacklog(notes);
        // each paper's score on the side it was not found by, so that fusion compares like with like
        int[] docs = union.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        HybridScores.keyword(searcher, query, docs, keyword);
        HybridScores.semantic(searcher, vector, docs, semantic);
        List<Fusion.Pair> pairs = new ArrayList<>(docs.length);
        for (int doc : docs) {
            pairs.add(new Fusion.Pair(union.get(doc).id(), keyword.getOrDefault(doc, 0.0),
                    semantic.getOrDefault(doc, Double.NaN)));
        }
        Map<String, Double> fused = fusion.fuse(pairs);
        List<Candidate> candidates = new ArrayList<>(docs.length);
        for (Candidate c : union.values()) {
            candidates.add(new Candidate(c.doc(), c.id(), fused.get(c.id()), c.day()));
        }
        candidates.sort(request.sort() == SearchSort.DATE ? BY_DATE : BY_SCORE);
        return new Ranked(candidates, candidates.size());
    }

    private List<Candidate> nearest(IndexSearcher searcher, float[] vector, int k, Query filter) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(PaperDocuments.VECTOR, vector, k, filter), k);
        return candidates(searcher, top.scoreDocs);
    }

    private void noteBacklog(List<String> notes) {
        long pending = backlog.getAsLong();
        if (pending > 0) {
            notes.add(String.format("%,d papers are still waiting for their embeddings; until then semantic search"
                    + " misses them and hybrid search ranks them by their keyword match", pending));
        }
    }

    /**
     * Each hit's id and date from doc values. Reading them from stored fields decompressed a block of documents
     * per hit: about 1.5 of the 9 ms of CPU a hybrid search took over 100 + 100 candidates (bench web, issue 4).
     */
    private static List<Candidate> candidates(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
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

    private List<SearchHit> hits(IndexSearcher searcher, List<Candidate> page, int offset, Query highlight)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>(page.size());
        for (Candidate c : page) {
            docs.add(stored.document(c.doc()));
        }
        String[] snippets = new String[page.size()];
        if (highlight != null && !page.isEmpty()) {
            snippets = Snippets.of(searcher, index.analyzer(), highlight, page.stream().mapToInt(Candidate::doc).toArray(),
                    docs.stream().map(d -> d.get(PaperDocuments.ABSTRACT)).toArray(String[]::new));
        }
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Candidate c = page.get(i);
            Document doc = docs.get(i);
            hits.add(new SearchHit(offset + i + 1, c.id(), doc.get(PaperDocuments.TITLE),
                    List.of(doc.getValues(PaperDocuments.AUTHORS)), List.of(doc.getValues(PaperDocuments.CATEGORY)),
                    c.day() == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(c.day()), c.score(),
                    snippets[i] == null ? "" : snippets[i]));
        }
        return hits;
    }

    /**
     * Papers nearest to {@code id}'s vector, itself excluded.
     *
     * @throws SearchInputException when the paper is not indexed or has no vector yet
     */
    public List<SearchHit> similar(String id, int limit) {
        return index.withSearcher(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(PaperDocuments.ID, id)), 1);
            if (found.scoreDocs.length == 0) {
                throw new SearchInputException("no paper '" + id + "' in the index");
            }
            Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
            String hash = EmbeddingCache.hash(EmbeddingText.of(doc.get(PaperDocuments.TITLE), doc.get(PaperDocuments.ABSTRACT)));
            float[] vector = cache.getAll(embedder.cacheKey(), List.of(hash)).get(hash);
            if (vector == null) {
                throw new SearchInputException("paper '" + id + "' has no embedding yet (" + backlog.getAsLong()
                        + " papers are waiting); try again later");
            }
            Query notItself = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(new TermQuery(new Term(PaperDocuments.ID, id)), Occur.MUST_NOT).build();
            List<Candidate> candidates = nearest(searcher, vector, limit, notItself);
            candidates.sort(BY_SCORE);
            return hits(searcher, candidates, 0, null);
        });
    }
}
