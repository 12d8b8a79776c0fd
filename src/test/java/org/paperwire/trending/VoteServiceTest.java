package org.paperwire.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.Papers;
import org.paperwire.paper.SqlitePaperStore;

class VoteServiceTest {
    @TempDir
    Path dir;
    Database db;
    SqliteSignalStore signals;
    VoteService votes;
    final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-10T12:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(dir);
        SqlitePaperStore papers = new SqlitePaperStore(db.dataSource(), clock);
        papers.upsertAll(List.of(Papers.paper("2603.00001", 1, "Voted paper")));
        signals = new SqliteSignalStore(db.dataSource());
        votes = new VoteService(signals, papers,
                new TrendingService(signals, TrendingFormula.DEFAULT, clock, Duration.ZERO), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneVotePerVisitorAndUnvotingTakesItBack() {
        assertThat(votes.vote("2603.00001", "alice", true)).isEqualTo(new VoteService.VoteState("2603.00001", true, 1));
        assertThat(votes.vote("2603.00001", "alice", true).votes()).isEqualTo(1);
        assertThat(votes.vote("2603.00001", "bob", true).votes()).isEqualTo(2);
        assertThat(votes.vote("2603.00001", "alice", false)).isEqualTo(new VoteService.VoteState("2603.00001", false, 1));
        assertThat(votes.vote("2603.00001", "alice", false).votes()).isEqualTo(1);
    }

    @Test
    void countsStayExactUnderConcurrentVoting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String visitor = "visitor-" + (i % 100); // every visitor votes twice: only one counts
            futures.add(pool.submit(() -> votes.vote("2603.00001", visitor, true)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(signals.signals("2603.00001").votes()).isEqualTo(100);
    }

    @Test
    void votingForAnUnknownPaperIsRefused() {
        assertThatThrownBy(() -> votes.vote("2603.99999", "alice", true)).hasMessageContaining("2603.99999");
    }

    @Test
    void votesAndViewsAreKeptPerDayForTheChart() {
        votes.vote("2603.00001", "alice", true);
        ViewCounter views = new ViewCounter(signals, clock);
        views.viewed("2603.00001");
        views.viewed("2603.00001");
        views.flush();
        assertThat(signals.history("2603.00001")).singleElement().satisfies(p -> {
            assertThat(p.day()).hasToString("2026-03-10");
            assertThat(p.signals().votes()).isEqualTo(1);
            assertThat(p.signals().views()).isEqualTo(2);
        });
    }
}
