package org.paperwire.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.db.AtOnce;
import org.paperwire.db.Database;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.trending.SignalStore.HuggingFaceSignal;
import org.paperwire.trending.SignalStore.VoteChange;

/**
 * What every {@link SignalStore} must do, on each database it runs on: a subclass per database hands over an empty
 * store for each test (closed after it).
 */
abstract class SignalStoreContract {
    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-10");

    /** A migrated, empty store for one test. */
    protected abstract Database emptyStore();

    private Database db;

    private SignalStore store() {
        db = emptyStore();
        return new JdbcSignalStore(db.dataSource(), db.kind());
    }

    private PaperStore papers() {
        return new JdbcPaperStore(db.dataSource(), InstantSource.fixed(T0));
    }

    static Paper paper(String id, String listedOn, String... categories) {
        return new Paper(id, 1, "Title " + id, "Abstract", List.of("Ada Lovelace"), List.of(categories), null, null,
                null, null, null, LocalDate.parse(listedOn));
    }

    @Test
    void aVisitorVotesOnceAndRemovingTheVoteGivesItBack() {
        SignalStore store = store();
        assertThat(store.addVote("p1", "v1", "n1", 5, T0)).isEqualTo(VoteChange.ADDED);
        assertThat(store.addVote("p1", "v1", "n1", 5, T0)).isEqualTo(VoteChange.ALREADY_VOTED);
        assertThat(store.hasVoted("p1", "v1")).isTrue();
        assertThat(store.hasVoted("p1", "v2")).isFalse();
        assertThat(store.signals("p1").votes()).isEqualTo(1);

        assertThat(store.removeVote("p1", "v1", T0)).isTrue();
        assertThat(store.removeVote("p1", "v1", T0)).isFalse();
        assertThat(store.signals("p1")).isEqualTo(Signals.NONE);
        assertThat(store.signals("unknown")).isEqualTo(Signals.NONE);
    }

    @Test
    void aNetworkGivesAPaperAtMostItsCapOfVotes() {
        SignalStore store = store();
        assertThat(store.addVote("p1", "v1", "n1", 2, T0)).isEqualTo(VoteChange.ADDED);
        assertThat(store.addVote("p1", "v2", "n1", 2, T0)).isEqualTo(VoteChange.ADDED);
        assertThat(store.addVote("p1", "v3", "n1", 2, T0)).isEqualTo(VoteChange.NETWORK_FULL);
        assertThat(store.addVote("p1", "v3", "n2", 2, T0)).isEqualTo(VoteChange.ADDED);
        assertThat(store.addVote("p2", "v3", "n1", 2, T0)).isEqualTo(VoteChange.ADDED);
        assertThat(store.signals("p1").votes()).isEqualTo(3);
    }

    @Test
    void aViewerCountsOncePerPaperAndDayAndANetworkAtMostItsCap() {
        SignalStore store = store();
        List<PageView> views = List.of(new PageView("p1", DAY, "a", "n1"), new PageView("p1", DAY, "a", "n1"),
                new PageView("p1", DAY, "b", "n1"), new PageView("p1", DAY, "c", "n1"),
                new PageView("p1", DAY, "c", "n2"), new PageView("p2", DAY, "a", "n1"));
        assertThat(store.addViews(views, 2, T0)).isEqualTo(4);
        assertThat(store.signals("p1").views()).isEqualTo(3);
        assertThat(store.signals("p2").views()).isEqualTo(1);

        assertThat(store.addViews(List.of(new PageView("p1", DAY.plusDays(1), "a", "n1")), 2, T0.plusSeconds(86400)))
                .isEqualTo(1);
        assertThat(store.addViews(List.of(), 2, T0)).isZero();
    }

    @Test
    void huggingFaceKeepsTheMostStarsAndAKnownRepository() {
        SignalStore store = store();
        store.recordHuggingFace(List.of(new HuggingFaceSignal("p1", 10, "org/repo", 50, T0)), T0);
        store.recordHuggingFace(List.of(new HuggingFaceSignal("p1", 12, null, 40, null)), T0.plusSeconds(60));

        assertThat(store.signals("p1")).isEqualTo(new Signals(0, 0, 12, "org/repo", 50));
    }

    @Test
    void theHistoryKeepsOnePointPerDayWithThatDaysLastTotals() {
        SignalStore store = store();
        store.addVote("p1", "v1", "n1", 5, T0);
        store.addVote("p1", "v2", "n1", 5, T0.plusSeconds(60));
        store.addVote("p1", "v3", "n1", 5, T0.plusSeconds(86400));
        store.recordHuggingFace(List.of(new HuggingFaceSignal("p1", 7, null, 3, null)), T0.plusSeconds(86400));

        assertThat(store.history("p1")).containsExactly(
                new SignalStore.DayPoint(DAY, new Signals(2, 0, 0, null, 0)),
                new SignalStore.DayPoint(DAY.plusDays(1), new Signals(3, 0, 7, null, 3)));
        assertThat(store.history("p2")).isEmpty();
    }

    @Test
    void candidatesAndTheNewestDayFollowEachPapersDayAndItsCurrentCategories() {
        SignalStore store = store();
        PaperStore papers = papers();
        papers.upsertAll(List.of(paper("2603.00001", "2026-03-02", "cs.IR", "cs.LG"),
                paper("2603.00002", "2026-03-05", "cs.LG"), paper("2603.00003", "2026-03-09", "math.CO")));
        store.addVote("2603.00001", "v1", "n1", 5, T0);

        assertThat(store.candidates(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-05"), null))
                .extracting(c -> c.paper().id()).containsExactlyInAnyOrder("2603.00001", "2603.00002");
        assertThat(store.candidates(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"), "cs.IR"))
                .singleElement().satisfies(c -> {
                    assertThat(c.paper().categories()).containsExactly("cs.IR", "cs.LG");
                    assertThat(c.paper().authors()).containsExactly("Ada Lovelace");
                    assertThat(c.paper().day()).isEqualTo(LocalDate.parse("2026-03-02"));
                    assertThat(c.signals().votes()).isEqualTo(1);
                });
        assertThat(store.newestDay(LocalDate.parse("2026-03-10"), null)).contains(LocalDate.parse("2026-03-09"));
        assertThat(store.newestDay(LocalDate.parse("2026-03-10"), "cs.LG")).contains(LocalDate.parse("2026-03-05"));
        assertThat(store.newestDay(LocalDate.parse("2026-03-01"), null)).isEmpty();

        Paper moved = new Paper("2603.00002", 2, "Title", "Abstract", List.of("Ada Lovelace"), List.of("cs.IR"), null,
                null, null, null, null, LocalDate.parse("2026-03-05"));
        papers.upsertAll(List.of(moved));
        assertThat(store.newestDay(LocalDate.parse("2026-03-10"), "cs.IR")).contains(LocalDate.parse("2026-03-05"));
        assertThat(store.newestDay(LocalDate.parse("2026-03-10"), "cs.LG")).contains(LocalDate.parse("2026-03-02"));
    }

    /** Many visitors of one network vote at once (on several nodes): the cap still holds, and every vote counts. */
    @Test
    void votesAtOnceFromOneNetworkStopAtItsCap() throws Exception {
        SignalStore store = store();
        List<VoteChange> results = AtOnce.run(12, i -> store.addVote("p1", "visitor-" + i, "n1", 3, T0));
        assertThat(results).filteredOn(r -> r == VoteChange.ADDED).hasSize(3);
        assertThat(results).filteredOn(r -> r == VoteChange.NETWORK_FULL).hasSize(9);
        assertThat(store.signals("p1").votes()).isEqualTo(3);
    }

    /** Views of one network flushed at once (by several nodes): the cap holds and the count matches the rows. */
    @Test
    void viewsAtOnceFromOneNetworkStopAtItsCap() throws Exception {
        SignalStore store = store();
        List<Integer> counted = AtOnce.run(12, i -> store.addViews(List.of(new PageView("p2", DAY, "viewer-" + i, "n1"),
                new PageView("p1", DAY, "viewer-" + i, "n1")), 3, T0));
        assertThat(counted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(store.signals("p1").views()).isEqualTo(3);
        assertThat(store.signals("p2").views()).isEqualTo(3);
    }
}
