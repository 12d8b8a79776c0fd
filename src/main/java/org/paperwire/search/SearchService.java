package org.paperwire.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.paperwire.search.PaperSearch.Candidate;
import org.paperwire.search.PaperSearch.Filter;
import org.paperwire.search.PaperSearch.Ranked;
import org.paperwire.search.PaperSearch.TextQuery;
import org.paperwire.search.PaperSearch.View;
import org.paperwire.search.embed.Embedder;

/**
 * Keyword, semantic and hybrid search, and similar papers, over a {@link PaperSearch} backend: this class
 * keeps what every backend shares (query truncation, notes, modes, fusion, the order of ties, paging). Results
 * are ordered by score, then date (newer first), then id, so equal scores never shuffle between runs.
 */
public final class SearchService {
    /** Longer queries are cut here (at a word boundary): enough for any real query or pasted abstract. */
    public static final int MAX_QUERY_CHARS = 1000;
    /** Candidates taken from each ranking before fusion (at least; more when a later page is asked for). */
    public static final int HYBRID_DEPTH = 100;
    /** Categories one search may ask for, from the query and the request together. */
    static final int MAX_CATEGORIES = 100;
    /** Extra hits collected beyond a page so that ties at its end are ordered by date and id. */
    static final int TIE_SLACK = 16;

    private final PaperSearch backend;
    private final Embedder embedder;
    private final LongSupplier backlog;
    private final QuerySyntax syntax;
    private final Fusion fusion;
    private final int hybridDepth;

    /**
     * @param embedder embeds query text; the same model as the backend's vectors
     * @param backlog papers still waiting for their vectors (named in a note)
     */
    public SearchService(PaperSearch backend, Embedder embedder, LongSupplier backlog, QuerySyntax syntax,
            Fusion fusion) {
        this(backend, embedder, backlog, syntax, fusion, HYBRID_DEPTH);
    }

    /** With another candidate depth for hybrid search (tests: a small depth leaves papers to one side). */
    SearchService(PaperSearch backend, Embedder embedder, LongSupplier backlog, QuerySyntax syntax, Fusion fusion,
            int hybridDepth) {
        this.backend = backend;
        this.embedder = embedder;
        this.backlog = backlog;
        this.syntax = syntax;
        this.fusion = fusion;
        this.hybridDepth = hybridDepth;
    }

    public QuerySyntax syntax() {
        return syntax;
    }

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
        int categories = parsed.categories().size() + request.categories().size();
        if (categories > MAX_CATEGORIES) {
            throw new SearchInputException(String.format("%,d categories asked for; a search takes at most %d",
                    categories, MAX_CATEGORIES));
        }
        return backend.read(view -> {
            Optional<Filter> filter = view.filter(parsed, request, notes);
            if (filter.isEmpty()) {
                return new SearchResults(query, request.mode(), 0, List.of(), notes);
            }
            TextQuery scoring = null;
            if (parsed.hasText()) {
                scoring = view.text(parsed.text(), filter.get(), notes).orElse(null);
                if (scoring == null) {
                    notes.add("the query has only common words (such as 'the', 'of'); nothing to search for");
                    return new SearchResults(query, request.mode(), 0, List.of(), notes);
                }
            }
            SearchMode mode = request.mode();
            if (mode != SearchMode.KEYWORD && !parsed.hasText()) {
                mode = SearchMode.KEYWORD; // filters only: nothing to embed, newest first
            }
            Ranked ranked = switch (mode) {
                case KEYWORD -> keyword(view, scoring, filter.get(), request);
                case SEMANTIC -> semantic(view, parsed.text(), filter.get(), request, notes);
                case HYBRID -> hybrid(view, scoring, parsed.text(), filter.get(), request, notes);
            };
            List<Candidate> page = ranked.candidates().subList(Math.min(request.offset(), ranked.candidates().size()),
                    Math.min(request.offset() + request.limit(), ranked.candidates().size()));
            return new SearchResults(query, request.mode(), ranked.total(),
                    view.hits(page, request.offset(), scoring, request.snippets()), notes);
        });
    }

    private static String truncate(String query, List<String> notes) {
        if (query.length() <= MAX_QUERY_CHARS) {
            return query;
        }
        int cut = query.lastIndexOf(' ', MAX_QUERY_CHARS);
        String kept = query.substring(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS).strip();
        notes.add(String.format("the query was %,d characters long; searched its first %,d", query.length(), kept.length()));
        return kept;
    }

    private static Ranked keyword(View view, TextQuery scoring, Filter filter, SearchRequest request)
            throws IOException {
        int n = request.offset() + request.limit();
        if (scoring == null || request.sort() == SearchSort.DATE) {
            return view.newest(scoring, filter, n);
        }
        return topByScore(view, scoring, filter, n);
    }

    /**
     * The best {@code n} by score, ties by date then id: the {@link #TIE_SLACK} extra hits are re-sorted so that
     * ties at the cut are settled by date and id too (unless more than that many papers share the score at the
     * cut).
     */
    private static Ranked topByScore(View view, TextQuery scoring, Filter filter, int n) throws IOException {
        Ranked top = view.best(scoring, filter, n + TIE_SLACK);
        List<Candidate> candidates = new ArrayList<>(top.candidates());
        candidates.sort(BY_SCORE);
        return new Ranked(new ArrayList<>(candidates.subList(0, Math.min(n, candidates.size()))), top.total());
    }

    private Ranked semantic(View view, String text, Filter filter, SearchRequest request, List<String> notes)
            throws IOException {
        int k = Math.max(request.offset() + request.limit(), 1);
        List<Candidate> candidates = new ArrayList<>(view.nearest(embedder.embedQuery(text), k, filter));
        noteBacklog(notes);
        candidates.sort(request.sort() == SearchSort.DATE ? BY_DATE : BY_SCORE);
        return new Ranked(candidates, candidates.size());
    }

    private Ranked hybrid(View view, TextQuery scoring, String text, Filter filter, SearchRequest request,
            List<String> notes) throws IOException {
        int depth = Math.max(hybridDepth, request.offset() + request.limit());
        float[] vector = embedder.embedQuery(text);
        Map<Integer, Candidate> union = new HashMap<>();
        Map<Integer, Double> keyword = new HashMap<>();
        for (Candidate c : topByScore(view, scoring, filter, depth).candidates()) {
            union.put(c.handle(), c);
            keyword.put(c.handle(), c.score());
        }
        Map<Integer, Double> semantic = new HashMap<>();
        for (Candidate c : view.nearest(vector, depth, filter)) {
            semantic.put(c.handle(), c.score());
            union.putIfAbsent(c.handle(), c);
        }
        noteBacklog(notes);
        // each paper's score on the side it was not found by, so that fusion compares like with like
        int[] handles = union.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        view.keywordScores(scoring, filter, handles, keyword);
        view.vectorScores(vector, handles, semantic);
        List<Fusion.Pair> pairs = new ArrayList<>(handles.length);
        for (int handle : handles) {
            pairs.add(new Fusion.Pair(union.get(handle).id(), keyword.getOrDefault(handle, 0.0),
                    semantic.getOrDefault(handle, Double.NaN)));
        }
        Map<String, Double> fused = fusion.fuse(pairs);
        List<Candidate> candidates = new ArrayList<>(handles.length);
        for (Candidate c : union.values()) {
            candidates.add(new Candidate(c.handle(), c.id(), fused.get(c.id()), c.day()));
        }
        candidates.sort(request.sort() == SearchSort.DATE ? BY_DATE : BY_SCORE);
        return new Ranked(candidates, candidates.size());
    }

    private void noteBacklog(List<String> notes) {
        long pending = backlog.getAsLong();
        if (pending > 0) {
            notes.add(String.format("%,d papers are still waiting for their embeddings; until then semantic search"
                    + " misses them and hybrid search ranks them by their keyword match", pending));
        }
    }

    /**
     * Papers nearest to {@code id}'s vector, itself excluded.
     *
     * @throws SearchInputException when the paper is not indexed or has no vector yet
     */
    public List<SearchHit> similar(String id, int limit) {
        return backend.read(view -> {
            float[] vector = view.vector(id).orElseThrow(() -> new SearchInputException("paper '" + id
                    + "' has no embedding yet (" + backlog.getAsLong() + " papers are waiting); try again later"));
            List<Candidate> candidates = new ArrayList<>(view.nearest(vector, limit, view.excluding(id)));
            candidates.sort(BY_SCORE);
            return view.hits(candidates, 0, null, false);
        });
    }

    /**
     * The cosine similarity of {@code text}'s embedding to each of {@code ids} that has a vector: an absolute
     * measure of how well a paper matches, where fused hybrid scores are relative to their result list.
     */
    public Map<String, Double> cosine(String text, Collection<String> ids) {
        float[] vector = embedder.embedQuery(text);
        return backend.read(view -> view.cosine(vector, ids));
    }
}
