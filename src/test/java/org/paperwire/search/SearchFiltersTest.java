package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.JdbcEmbeddingCache;

/**
 * The query syntax's filters on a real index, one claim per test. The tests only read, so they share one index of
 * {@link SearchServiceTest#FOUR_PAPERS}.
 */
class SearchFiltersTest {
    @TempDir
    static Path dir;
    static Database database;
    static SearchEngine engine;

    @BeforeAll
    static void open() {
        database = Database.open(dir);
        JdbcPaperStore store = new JdbcPaperStore(database.dataSource(), SearchServiceTest.CLOCK);
        engine = new SearchEngine(store, new JdbcEmbeddingCache(database.dataSource()), dir.resolve("index"), new WordHashEmbedder(),
                SearchServiceTest.CLOCK, FieldWeights.DEFAULT, Fusion.DEFAULT);
        store.upsertAll(SearchServiceTest.FOUR_PAPERS);
        engine.follower().catchUp();
    }

    @AfterAll
    static void close() {
        engine.close();
        database.close();
    }

    static List<String> ids(String query) {
        return engine.service().search(SearchRequest.of(query, SearchMode.KEYWORD, 10)).hits().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void aPhraseMatchesItsWordsSideBySide() {
        assertThat(ids("\"graph neural\"")).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    }

    @Test
    void anExclusionDropsPapersWithTheWord() {
        assertThat(ids("graph -survey")).doesNotContain("2501.00002").isNotEmpty();
    }

    @Test
    void anAuthorFilterMatchesAnyOfThePapersAuthors() {
        assertThat(ids("graph author:turing")).containsExactlyInAnyOrder("2501.00002", "2503.00004");
    }

    @Test
    void anAuthorFilterIgnoresAccents() {
        assertThat(ids("author:muller")).containsExactly("2502.00003");
    }

    @Test
    void aCategoryFilterIgnoresCase() {
        assertThat(ids("graph cat:cs.cl")).containsExactly("2503.00004");
    }

    @Test
    void aCategoryFilterOnAnArchiveTakesAllItsCategories() {
        assertThat(ids("graph cat:cs")).hasSize(3);
    }

    @Test
    void sinceAndUntilBoundTheDays() {
        assertThat(ids("graph since:2025-01-15 until:2025-02")).containsExactly("2501.00002");
    }

    @Test
    void sinceWeekKeepsOnlyTheLastWeek() {
        assertThat(ids("graph since:week")).containsExactly("2503.00004");
    }
}
