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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreException;
import org.paperwire.paper.Papers;
import org.paperwire.paper.JdbcPaperStore;

class VoteServiceTest {
    @TempDir
    Path dir;
    Database db;
    JdbcSignalStore signals;
    VoteService votes;
    final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-10T12:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(dir);
        JdbcPaperStore papers = new JdbcPaperStore(db.dataSource(), clock);
        papers.upsertAll(List.of(Papers.paper("2603.00001", 1, "Voted paper")));
        signals = new JdbcSignalStore(db.dataSource(), db.kind());
        votes = new VoteService(signals, papers,
                new TrendingService(signals, TrendingFormula.DEFAULT, clock, Duration.ZERO), clock, 3);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneVotePerVisitorAndUnvotingTakesItBack() {
        assertThat(votes.vote("2603.00001", "alice", "net-alice", true)).isEqualTo(new VoteService.VoteState("2603.00001", true, 1));
        assertThat(votes.vote("2603.00001", "alice", "net-alice", true).votes()).isEqualTo(1);
        assertThat(votes.vote("2603.00001", "bob", "net-bob", true).votes()).isEqualTo(2);
        assertThat(votes.vote("2603.00001", "alice", "net-alice", false)).isEqualTo(new VoteService.VoteState("2603.00001", false, 1));
        assertThat(votes.vote("2603.00001", "alice", "net-alice", false).votes()).isEqualTo(1);
    }

    @Test
    void countsStayExactUnderConcurrentVoting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String visitor = "visitor-" + (i % 100); // every visitor votes twice: only one counts
            futures.add(pool.submit(() -> votes.vote("2603.00001", visitor, "net-" + visitor, true)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(signals.signals("2603.00001").votes()).isEqualTo(100);
    }

    @Test
    void aVoteTheStoreCannotRecordNamesThePaper() {
        Jdbc.inTransaction(db.dataSource(), "drop the votes", c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DROP TABLE votes");
            }
        });

        assertThatThrownBy(() -> votes.vote("2603.00001", "alice", "net-alice", true))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not record vote on 2603.00001: ")
                .hasMessageContaining("no such table: votes");
    }

    @Test
    void votingForAnUnknownPaperIsRefused() {
        assertThatThrownBy(() -> votes.vote("2603.99999", "alice", "net-alice", true)).hasMessageContaining("2603.99999");
    }

    @Test
    void votesAndViewsAreKeptPerDayForTheChart() {
        votes.vote("2603.00001", "alice", "net-alice", true);
        ViewCounter views = new ViewCounter(signals, clock, 10);
        views.viewed("2603.00001", "alice", "net-a");
        views.viewed("2603.00001", "bob", "net-b");
        views.flush();
        assertThat(signals.history("2603.00001")).singleElement().satisfies(p -> {
            assertThat(p.day()).hasToString("2026-03-10");
            assertThat(p.signals().votes()).isEqualTo(1);
            assertThat(p.signals().views()).isEqualTo(2);
        });
    }
    /** Issue 9, finding 4: fresh cookies from one network cannot push a paper past the per-network cap. */
    @Test
    void oneNetworkGivesAPaperAtMostItsCapOfVotesWhateverTheCookies() {
        for (int i = 1; i <= 3; i++) {
            assertThat(votes.vote("2603.00001", "cookie-" + i, "one-machine", true).votes()).isEqualTo(i);
        }
        assertThatThrownBy(() -> votes.vote("2603.00001", "cookie-4", "one-machine", true))
                .isInstanceOf(VoteService.NetworkCapException.class).hasMessageContaining("at most 3");
        assertThat(votes.vote("2603.00001", "someone-else", "other-network", true).votes()).isEqualTo(4);

        votes.vote("2603.00001", "cookie-1", "one-machine", false); // withdrawing frees a place
        assertThat(votes.vote("2603.00001", "cookie-4", "one-machine", true).votes()).isEqualTo(4);
    }

    @Test
    void theNetworkCapHoldsUnderConcurrentVoting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String visitor = "cookie-" + i;
            futures.add(pool.submit(() -> {
                try {
                    votes.vote("2603.00001", visitor, "one-machine", true);
                } catch (VoteService.NetworkCapException expected) {
                    // all but three are turned away
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(signals.signals("2603.00001").votes()).isEqualTo(3);
    }

    /** Issue 9, finding 4: a view counts once per viewer, paper and UTC day, also after a restart. */
    @Test
    void aViewCountsOncePerViewerAndDayEvenAfterARestart() {
        var now = new AtomicReference<>(Instant.parse("2026-03-10T12:00:00Z"));
        ViewCounter views = new ViewCounter(signals, now::get, 10);
        for (int i = 0; i < 5; i++) {
            views.viewed("2603.00001", "alice", "net-a");
        }
        assertThat(views.flush()).isEqualTo(1);
        ViewCounter restarted = new ViewCounter(signals, now::get, 10);
        restarted.viewed("2603.00001", "alice", "net-a");
        assertThat(restarted.flush()).isZero();
        now.set(Instant.parse("2026-03-11T00:00:01Z")); // a new UTC day
        restarted.viewed("2603.00001", "alice", "net-a");
        assertThat(restarted.flush()).isEqualTo(1);
        assertThat(signals.signals("2603.00001").views()).isEqualTo(2);
    }

    @Test
    void oneNetworkAddsAtMostItsCapOfViewersPerPaperAndDay() {
        ViewCounter views = new ViewCounter(signals, clock, 3);
        for (int i = 0; i < 50; i++) {
            views.viewed("2603.00001", "cookie-" + i, "one-machine");
        }
        views.viewed("2603.00001", "someone", "other-network");
        views.flush();
        ViewCounter restarted = new ViewCounter(signals, clock, 3); // the store's count holds the cap, not memory
        restarted.viewed("2603.00001", "cookie-99", "one-machine");
        restarted.flush();
        assertThat(signals.signals("2603.00001").views()).isEqualTo(4);
    }
}
