package org.paperwire.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;

class TrendingServiceTest {
    @TempDir
    Path dir;
    Database db;
    JdbcPaperStore papers;
    JdbcSignalStore signals;
    TrendingService trending;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-10T12:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(dir);
        papers = new JdbcPaperStore(db.dataSource(), now::get);
        signals = new JdbcSignalStore(db.dataSource(), db.kind());
        trending = new TrendingService(signals, TrendingFormula.DEFAULT, now::get, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void listed(String id, String day, String... categories) {
        papers.upsertAll(List.of(new Paper(id, 0, "Paper " + id, "abstract", List.of("A. Author"),
                List.of(categories.length == 0 ? new String[] {"cs.LG"} : categories), null, null, null, null, null,
                LocalDate.parse(day))));
    }

    private List<String> ids(TrendingList list) {
        return list.items().stream().map(i -> i.paper().id()).toList();
    }

    @Test
    void withoutAnySignalTheListIsNewestFirstThenById() {
        listed("2603.00002", "2026-03-09");
        listed("2603.00001", "2026-03-09");
        listed("2603.00003", "2026-03-10");
        listed("2602.00009", "2026-02-01"); // outside the week

        TrendingList week = trending.trending(DateWindow.WEEK, null, 0, 10);

        assertThat(week.fallbackToNewest()).isTrue();
        assertThat(ids(week)).containsExactly("2603.00003", "2603.00001", "2603.00002");
        assertThat(week.total()).isEqualTo(3);
    }

    @Test
    void signalsRankAPaperUpAndAgeDecaysIt() {
        listed("2603.00001", "2026-03-10");
        listed("2603.00002", "2026-03-04");
        listed("2603.00003", "2026-03-04");
        signals.recordHuggingFace(List.of(
                new SignalStore.HuggingFaceSignal("2603.00002", 10, "https://github.com/x/y", 1000, null),
                new SignalStore.HuggingFaceSignal("2603.00003", 10, null, 0, null)), now.get());
        signals.addVote("2603.00001", "visitor-1", "network-1", 3, now.get());

        TrendingList week = trending.trending(DateWindow.WEEK, null, 0, 10);

        assertThat(week.fallbackToNewest()).isFalse();
        // 2603.00002: 10 upvotes + 2·ln(1001) stars ≈ 23.8 points, 6.5 days old
        // 2603.00001: 1 vote, 12 hours old; 2603.00003: 10 points, 6.5 days old
        assertThat(ids(week)).containsExactly("2603.00001", "2603.00002", "2603.00003");
        assertThat(week.items().get(0).score()).isGreaterThan(week.items().get(1).score());
    }

    @Test
    void theFormulaIsTheDocumentedOne() {
        Signals s = new Signals(3, 100, 10, null, 1000);
        double points = 3 * 1.0 + 10 * 1.0 + Math.log1p(1000) * 2.0 + Math.log1p(100) * 0.5;
        assertThat(TrendingFormula.DEFAULT.points(s)).isCloseTo(points, Offset.offset(1e-9));
        assertThat(TrendingFormula.DEFAULT.score(s, 10)).isCloseTo(points / Math.pow(12, 1.8),
                Offset.offset(1e-12));
    }

    @Test
    void windowsEndAtTheNewestDayWithPapersWhenHarvestingLags() {
        listed("2601.00001", "2026-01-15");
        listed("2601.00002", "2026-01-10");
        TrendingList today = trending.trending(DateWindow.TODAY, null, 0, 10);
        assertThat(today.referenceDay()).isEqualTo(LocalDate.parse("2026-01-15"));
        assertThat(ids(today)).containsExactly("2601.00001");
        assertThat(ids(trending.trending(DateWindow.WEEK, null, 0, 10))).containsExactly("2601.00001", "2601.00002");
    }

    @Test
    void aCategoryFilterKeepsOnlyItsPapers() {
        listed("2603.00001", "2026-03-10", "cs.CL", "cs.LG");
        listed("2603.00002", "2026-03-10", "cs.CV");
        assertThat(ids(trending.trending(DateWindow.TODAY, "cs.LG", 0, 10))).containsExactly("2603.00001");
        assertThat(ids(trending.trending(DateWindow.TODAY, "math.AG", 0, 10))).isEmpty();
    }

    @Test
    void aVoteShowsAtOnceDespiteTheCache() {
        listed("2603.00001", "2026-03-10");
        listed("2603.00002", "2026-03-10");
        VoteService votes = new VoteService(signals, papers, trending, now::get, 3);
        assertThat(ids(trending.trending(DateWindow.TODAY, null, 0, 10))).containsExactly("2603.00001", "2603.00002");

        votes.vote("2603.00002", "v1", "network-1", true);

        TrendingList after = trending.trending(DateWindow.TODAY, null, 0, 10);
        assertThat(ids(after)).containsExactly("2603.00002", "2603.00001");
        assertThat(after.items().get(0).signals().votes()).isEqualTo(1);
    }

    @Test
    void pagesSliceTheRankingWithRanksContinuing() {
        for (int i = 1; i <= 5; i++) {
            listed("2603.0000" + i, "2026-03-10");
        }
        TrendingList second = trending.trending(DateWindow.TODAY, null, 2, 2);
        assertThat(second.items()).extracting(TrendItem::rank).containsExactly(3, 4);
        assertThat(second.total()).isEqualTo(5);
    }
}
