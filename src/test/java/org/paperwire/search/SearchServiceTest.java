package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.JdbcEmbeddingCache;
import org.paperwire.search.index.IndexLockedException;
import org.paperwire.search.index.PaperDocuments;
import org.paperwire.search.index.SearchIndex;

class SearchServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);

    /** Two graph papers a few days apart, a speech paper and a language-model paper that mentions graphs. */
    static final List<Paper> FOUR_PAPERS = List.of(
            paper("2501.00001", "Graph neural networks for molecules", "We learn molecular graphs with message passing.",
                    List.of("Ada Lovelace"), "cs.LG", "2025-01-10"),
            paper("2501.00002", "A survey of graph neural networks", "This survey covers graph networks broadly.",
                    List.of("Alan Turing"), "cs.LG", "2025-01-20"),
            paper("2502.00003", "Speech recognition with transformers", "Transformers transcribe speech well.",
                    List.of("Grace Hopper", "Jürgen Müller"), "eess.AS", "2025-02-01"),
            paper("2503.00004", "Large language models as graph reasoners", "Language models reason over graph structure.",
                    List.of("Ada Lovelace", "Alan Turing"), "cs.CL", "2025-03-10"));

    @TempDir
    Path dir;
    private Database database;
    private JdbcPaperStore store;
    private WordHashEmbedder embedder;
    private SearchEngine engine;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        store = new JdbcPaperStore(database.dataSource(), CLOCK);
        embedder = new WordHashEmbedder();
        engine = new SearchEngine(store, new JdbcEmbeddingCache(database.dataSource()), dir.resolve("index"), embedder, CLOCK,
                FieldWeights.DEFAULT, Fusion.DEFAULT);
        store.upsertAll(FOUR_PAPERS);
        engine.follower().catchUp();
    }

    @AfterEach
    void close() {
        engine.close();
        database.close();
    }

    static Paper paper(String id, String title, String text, List<String> authors, String cat, String day) {
        return new Paper(id, 1, title, text, authors, List.of(cat), null, null, null,
                Instant.parse(day + "T09:00:00Z"), null, null);
    }

    private List<String> ids(String query, SearchMode mode) {
        return engine.service().search(SearchRequest.of(query, mode, 10)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void newPapersAreSearchableByKeywordAsSoonAsTheFollowerCatchesUpAndBeforeTheyAreEmbedded() {
        // the survey says "graph" and "networks" again in its abstract: it scores above the molecules paper
        assertThat(ids("graph neural networks", SearchMode.KEYWORD))
                .containsExactly("2501.00002", "2501.00001", "2503.00004");
        assertThat(engine.embeddings().backlog()).isEqualTo(4);
        SearchResults semantic = engine.service().search(SearchRequest.of("graph", SearchMode.SEMANTIC, 10));
        assertThat(semantic.hits()).isEmpty();
        assertThat(semantic.notes()).anyMatch(n -> n.contains("4 papers are still waiting for their embeddings"));
    }

    @Test
    void backgroundEmbeddingGoesNewestFirstAndAReindexNeverEmbedsTheSameTextAgain() {
        assertThat(engine.embeddings().runRound()).isEqualTo(4);
        assertThat(engine.embeddings().backlog()).isZero();
        assertThat(ids("speech transformers", SearchMode.SEMANTIC)).first().isEqualTo("2502.00003");

        engine.follower().rebuild(n -> {});
        assertThat(engine.embeddings().backlog()).isZero();
        assertThat(embedder.embedded.get()).isEqualTo(4);
        assertThat(ids("speech transformers", SearchMode.SEMANTIC)).first().isEqualTo("2502.00003");
    }

    @Test
    void hybridIsTheUnionOfBothRankingsAndSimilarPapersExcludeThemselves() {
        engine.embeddings().drain();
        // the test embedder is deterministic, so the fused order is too
        assertThat(ids("graph neural networks", SearchMode.HYBRID))
                .containsExactly("2501.00002", "2501.00001", "2503.00004", "2502.00003");
        List<SearchHit> similar = engine.service().similar("2501.00001", 3);
        assertThat(similar).extracting(SearchHit::id).doesNotContain("2501.00001").contains("2501.00002");
    }


    @Test
    void hybridFusesBothRealScoresOfCandidatesThatOnlyOneSideRetrieved() {
        engine.embeddings().drain();
        String query = "graph";
        List<SearchHit> keyword = engine.service().search(SearchRequest.of(query, SearchMode.KEYWORD, 10)).hits();
        List<SearchHit> semantic = engine.service().search(SearchRequest.of(query, SearchMode.SEMANTIC, 10)).hits();
        String keywordTop = keyword.getFirst().id();
        String semanticTop = semantic.getFirst().id();
        assertThat(keywordTop).as("the fixture: each side has its own best paper").isNotEqualTo(semanticTop);
        // a depth of 1 takes one paper from each side; each is missing from the other side's list
        SearchService shallow = new SearchService(engine.lucene(), embedder, () -> 0, new QuerySyntax(CLOCK),
                Fusion.DEFAULT, 1);

        SearchResults hybrid = shallow.search(SearchRequest.of(query, SearchMode.HYBRID, 1));

        assertThat(hybrid.total()).isEqualTo(2);
        Map<String, Double> fused = Fusion.DEFAULT.fuse(List.of(
                new Fusion.Pair(keywordTop, score(keyword, keywordTop), score(semantic, keywordTop)),
                new Fusion.Pair(semanticTop, score(keyword, semanticTop), score(semantic, semanticTop))));
        String best = fused.get(keywordTop) >= fused.get(semanticTop) ? keywordTop : semanticTop;
        assertThat(hybrid.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo(best);
            assertThat(hit.score()).isCloseTo(fused.get(best), Assertions.within(1e-6));
        });
        assertThat(score(keyword, semanticTop)).as("found by keyword too, below the depth").isPositive();
    }

    private static double score(List<SearchHit> hits, String id) {
        return hits.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().score();
    }

    @Test
    void cosineForGivenPapersIsWhatLucenesSemanticScoreEncodes() {
        engine.embeddings().drain();
        List<SearchHit> semantic = engine.service().search(SearchRequest.of("graph networks", SearchMode.SEMANTIC, 10))
                .hits();
        List<String> ids = new ArrayList<>(semantic.stream().map(SearchHit::id).toList());
        ids.add("9999.99999"); // not indexed: left out

        Map<String, Double> cosine = engine.service().cosine("graph networks", ids);

        assertThat(cosine).hasSize(semantic.size());
        for (SearchHit hit : semantic) { // Lucene's dot-product score is (1 + cos) / 2
            assertThat(cosine.get(hit.id())).isCloseTo(2 * hit.score() - 1, Assertions.within(1e-6));
        }
    }

    @Test
    void theMissingSideScoresAreTheScoresEachSideWouldHaveGiven() {
        engine.embeddings().drain();
        Query query = engine.lucene().textQuery("graph networks");
        float[] vector = embedder.embedQuery("graph networks");
        engine.index().withSearcher(searcher -> {
            Bits live = MultiBits.getLiveDocs(searcher.getIndexReader());
            int[] all = IntStream.range(0, searcher.getIndexReader().maxDoc())
                    .filter(d -> live == null || live.get(d)).toArray();
            Map<Integer, Double> bm25 = new HashMap<>();
            HybridScores.keyword(searcher, query, all, bm25);
            TopDocs top = searcher.search(query, 10);
            assertThat(bm25).hasSize(top.scoreDocs.length).hasSizeLessThan(all.length); // the speech paper: no match
            for (ScoreDoc sd : top.scoreDocs) {
                assertThat(bm25.get(sd.doc)).isCloseTo(sd.score, Assertions.within(1e-6));
            }
            Map<Integer, Double> cosine = new HashMap<>();
            HybridScores.semantic(searcher, vector, all, cosine);
            TopDocs nearest = searcher.search(new KnnFloatVectorQuery(
                    PaperDocuments.VECTOR, vector, 10), 10);
            assertThat(cosine).hasSize(nearest.scoreDocs.length);
            for (ScoreDoc sd : nearest.scoreDocs) {
                assertThat(cosine.get(sd.doc)).isCloseTo(sd.score, Assertions.within(1e-6));
            }
            return null;
        });
    }

    @Test
    void aQueryOfHundredsOfWordsIsSearchedForItsFirstWordsWithANote() {
        SearchResults results = engine.service().search(SearchRequest.of("graph ".repeat(2) + "x ".repeat(450),
                SearchMode.KEYWORD, 10));
        assertThat(results.notes()).anyMatch(n -> n.contains("452 words to search for; searched the first 300"));
        assertThat(results.hits()).extracting(SearchHit::id).contains("2501.00001");
    }

    @Test
    void threeHundredWordsAndHundredsOfExclusionsAreCutWithANoteInsteadOfOverflowingLucene() {
        // issue 9, finding 7: 900 word clauses + the exclusions passed Lucene's 1,024 clauses: a 500
        String query = "g ".repeat(300) + "-x ".repeat(133); // 999 characters, under the 1,000 cut
        for (SearchMode mode : SearchMode.values()) {
            SearchResults results = engine.service().search(SearchRequest.of(query, mode, 10));
            assertThat(results.notes()).as(mode.name()).anyMatch(n -> n.contains("used the first 50"));
        }
    }

    @Test
    void manyCategoriesFromTheCommandLineLeaveFewerWordsWithANoteOrAreRefusedByName() {
        List<String> many = Collections.nCopies(100, "cs.LG");
        SearchRequest wordy = new SearchRequest("g ".repeat(300), SearchMode.KEYWORD, many, null, null,
                SearchSort.RELEVANCE, 0, 10, false);
        // 100 category clauses and the filter's own leave (1,024 - 101) / 3 = 307 per field: all 300 words fit
        assertThat(engine.service().search(wordy).notes()).noneMatch(n -> n.contains("words to search for"));
        SearchRequest manyMore = new SearchRequest("g ".repeat(300) + "cat:cs ".repeat(50), SearchMode.KEYWORD,
                Collections.nCopies(50, "cs"), null, null, SearchSort.RELEVANCE, 0, 10, false);
        // 100 archives of two clauses each: (1,024 - 201) / 3 = 274
        assertThat(engine.service().search(manyMore).notes()).anyMatch(n -> n.contains("300 words to search for; searched the first 274"));
        SearchRequest tooMany = new SearchRequest("graph", SearchMode.KEYWORD, Collections.nCopies(1100, "cs.LG"),
                null, null, SearchSort.RELEVANCE, 0, 10, false);
        assertThatThrownBy(() -> engine.service().search(tooMany)).isInstanceOf(SearchInputException.class)
                .hasMessageContaining("1,100 categories asked for");
    }

    @Test
    void beforeAnythingIsEmbeddedHybridRanksLikeKeyword() {
        assertThat(ids("graph neural networks", SearchMode.HYBRID)).isEqualTo(ids("graph neural networks", SearchMode.KEYWORD));
    }
    @Test
    void filtersAloneListNewestFirstAndDateSortOrdersByDay() {
        assertThat(ids("cat:cs.LG", SearchMode.HYBRID)).containsExactly("2501.00002", "2501.00001");
        SearchRequest byDate = new SearchRequest("graph", SearchMode.KEYWORD, List.of(), null, null, SearchSort.DATE, 0, 10, false);
        assertThat(engine.service().search(byDate).hits()).extracting(SearchHit::date)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void equalScoresAreOrderedByDateThenIdAndPagesDoNotOverlap() {
        store.upsertAll(List.of(
                paper("2501.00010", "Twin paper", "identical text", List.of(), "cs.LG", "2025-01-05"),
                paper("2501.00011", "Twin paper", "identical text", List.of(), "cs.LG", "2025-01-05"),
                paper("2501.00009", "Twin paper", "identical text", List.of(), "cs.LG", "2025-01-06")));
        engine.follower().catchUp();
        assertThat(ids("twin", SearchMode.KEYWORD)).containsExactly("2501.00009", "2501.00010", "2501.00011");
        SearchRequest page2 = new SearchRequest("twin", SearchMode.KEYWORD, List.of(), null, null, SearchSort.RELEVANCE, 2, 2, false);
        SearchResults second = engine.service().search(page2);
        assertThat(second.hits()).extracting(SearchHit::id).containsExactly("2501.00011");
        assertThat(second.hits().getFirst().rank()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void snippetsHighlightTheQueryWordsInTheAbstract() {
        SearchHit hit = engine.service().search(SearchRequest.of("speech", SearchMode.KEYWORD, 1)).hits().getFirst();
        assertThat(hit.snippet()).contains("<b>speech</b>");
        assertThat(hit.authors()).containsExactly("Grace Hopper", "Jürgen Müller");
        assertThat(hit.date()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void anEmptyQueryIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> engine.service().search(SearchRequest.of("   ", SearchMode.HYBRID, 10)))
                .isInstanceOf(SearchInputException.class).hasMessageStartingWith("empty query");
    }

    @Test
    void aTenThousandCharacterQueryIsTruncatedWithANote() {
        SearchResults results = engine.service().search(SearchRequest.of("graph ".repeat(1667), SearchMode.KEYWORD, 10));
        assertThat(results.query()).hasSizeLessThanOrEqualTo(SearchService.MAX_QUERY_CHARS);
        assertThat(results.notes()).anyMatch(n -> n.contains("characters long; searched its first"));
        assertThat(results.hits()).isNotEmpty();
    }

    @Test
    void anUnknownCategoryReturnsNothingAndSaysWhy() {
        SearchResults results = engine.service().search(SearchRequest.of("graph cat:cs.XX", SearchMode.HYBRID, 10));
        assertThat(results.hits()).isEmpty();
        assertThat(results.notes()).singleElement().asString().contains("unknown category 'cs.XX'");
    }

    @Test
    void aLockedIndexFolderIsNamedInTheMessage() {
        assertThatThrownBy(() -> SearchIndex.open(dir.resolve("index"), "bge-small-en-v1.5-q"))
                .isInstanceOf(IndexLockedException.class).hasMessageContaining(dir.resolve("index").toString());
    }
}
