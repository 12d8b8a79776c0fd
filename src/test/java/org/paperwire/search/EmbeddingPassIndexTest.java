package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.JdbcEmbeddingCache;
import org.paperwire.search.index.SearchIndex;

/**
 * Issue 12, point 9: the first embedding pass re-adds every paper with its vector, and each re-add leaves a
 * deleted copy behind until a merge drops it. The index a user searches after the pass should not carry them.
 */
class EmbeddingPassIndexTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);
    /** Enough papers for a dozen embedding rounds, so that merges mix embedded and pending papers. */
    private static final int PAPERS = 3000;

    @TempDir
    Path dir;
    private Database database;
    private SearchEngine engine;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        JdbcPaperStore store = new JdbcPaperStore(database.dataSource(), CLOCK);
        engine = new SearchEngine(store, new JdbcEmbeddingCache(database.dataSource()), dir.resolve("index"), new WordHashEmbedder(), CLOCK,
                FieldWeights.DEFAULT, Fusion.DEFAULT);
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            papers.add(new Paper(String.format("2501.%05d", i), 1, "Paper number " + i + " on graphs",
                    "An abstract about topic " + (i % 97) + " and method " + (i % 13) + ".", List.of("Ada Lovelace"),
                    List.of("cs.LG"), null, null, null, Instant.parse("2025-01-01T09:00:00Z").plusSeconds(3600L * i),
                    null, null));
        }
        store.upsertAll(papers);
        engine.follower().catchUp();
    }

    @AfterEach
    void close() {
        engine.close();
        database.close();
    }

    @Test
    void afterTheFirstEmbeddingPassTheIndexHoldsFewDeletedCopies() {
        assertThat(engine.embeddings().drain()).isEqualTo(PAPERS);

        SearchIndex.Shape shape = engine.index().shape();
        assertThat(shape.liveDocs()).isEqualTo(PAPERS);
        // before the fix: 1,464 deleted copies beside the 3,000 papers (33 %)
        assertThat(shape.deletedRatio()).isLessThanOrEqualTo(SearchIndex.RECLAIM_ABOVE);
    }
}
