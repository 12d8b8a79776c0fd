package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.paper.Papers.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PaperMergeTest {
    @Test
    void anUnknownPaperIsNew() {
        Paper p = paper("2501.00001", 1, "Title");
        assertThat(PaperMerge.merge(null, null, p)).isEqualTo(new PaperMerge.Result(p, p.listedOn(), UpsertOutcome.NEW));
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        Paper p = paper("2501.00001", 1, "Title");
        assertThat(PaperMerge.merge(p, p.listedOn(), p).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    }

    @Test
    void aNewerVersionUpdatesButKeepsTheFirstSubmittedDateAndListingDay() {
        Paper v1 = paper("2501.00001", 1, "Title");
        Paper v2 = new Paper("2501.00001", 2, "Better title", "New abstract", v1.authors(), v1.categories(),
                "10 pages", null, null, Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"),
                LocalDate.parse("2025-02-02"));

        PaperMerge.Result r = PaperMerge.merge(v1, v1.listedOn(), v2);

        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(r.paper().version()).isEqualTo(2);
        assertThat(r.paper().title()).isEqualTo("Better title");
        assertThat(r.paper().firstSubmitted()).isEqualTo(v1.firstSubmitted());
        assertThat(r.paper().lastUpdated()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(r.paper().listedOn()).isEqualTo(v1.listedOn());
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        Paper v3 = paper("2501.00001", 3, "Final title");
        Paper v1 = paper("2501.00001", 1, "Draft title");
        PaperMerge.Result r = PaperMerge.merge(v3, v3.listedOn(), v1);
        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(r.paper()).isEqualTo(v3);
    }

    @Test
    void fieldsTheIncomingSourceLacksKeepTheirStoredValues() {
        Paper withDoi = new Paper("2501.00001", 1, "T", "A", List.of("X"), List.of("cs.LG"),
                null, "J. Stuff 1", "10.1/abc", null, null, null);
        Paper fromListing = new Paper("2501.00001", 0, "T", "A", List.of("X"), List.of("cs.LG"),
                null, null, null, null, null, LocalDate.parse("2025-01-03"));
        PaperMerge.Result r = PaperMerge.merge(withDoi, withDoi.listedOn(), fromListing);
        assertThat(r.paper().doi()).isEqualTo("10.1/abc");
        assertThat(r.paper().journalRef()).isEqualTo("J. Stuff 1");
        assertThat(r.paper().listedOn()).isEqualTo(LocalDate.parse("2025-01-03"));
        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UPDATED);
    }

    @Test
    void aRecordWithoutAVersionOnlyFillsGapsInAVersionedOne() {
        Paper fromArxiv = paper("2501.00001", 2, "The arXiv title");
        Paper fromHuggingFace = new Paper("2501.00001", 0, "The HF title", "HF summary", List.of("Someone"),
                List.of(), null, null, null, Instant.parse("2024-12-31T00:00:00Z"), null, null);
        PaperMerge.Result r = PaperMerge.merge(fromArxiv, fromArxiv.listedOn(), fromHuggingFace);
        assertThat(r.paper().title()).isEqualTo("The arXiv title");
        assertThat(r.paper().authors()).isEqualTo(fromArxiv.authors());
        assertThat(r.paper().firstSubmitted()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
    }

    private static Paper listing(String day, String title, String comment, String... categories) {
        return new Paper("2501.00001", 0, title, "An abstract.", List.of("Ada Lovelace"), List.of(categories), comment,
                null, null, null, null, LocalDate.parse(day));
    }

    /** Merges {@code records} in order into an empty store, as the store does, keeping the content day. */
    private static PaperMerge.Result fold(List<Paper> records) {
        PaperMerge.Result state = null;
        for (Paper r : records) {
            state = state == null ? PaperMerge.merge(null, null, r) : PaperMerge.merge(state.paper(), state.contentDay(), r);
        }
        return state;
    }

    @Test
    void listingsOfOneVersionGiveTheSamePaperInEveryOrderAndTheLatestListingDayWins() {
        // issue 9, finding 9: the record read last won, so a backward import or a re-import churned the paper
        List<Paper> records = List.of(
                listing("2025-01-03", "Title", null, "cs.LG"),
                listing("2025-01-04", "Title", null, "cs.LG", "cs.AI"),
                listing("2025-01-04", "Title, the same day", null, "cs.LG"),
                listing("2025-02-10", "Title", "Accepted at ICML", "cs.LG", "stat.ML"),
                listing("2025-01-20", "Title", null, "cs.LG"));
        Set<PaperMerge.Result> outcomes = new HashSet<>();
        permutations(records, new ArrayList<>(), new boolean[records.size()], order -> {
            PaperMerge.Result once = fold(order);
            List<Paper> twice = new ArrayList<>(order);
            twice.addAll(order);
            assertThat(fold(twice).paper()).isEqualTo(once.paper());
            outcomes.add(new PaperMerge.Result(once.paper(), once.contentDay(), UpsertOutcome.NEW));
        });
        assertThat(outcomes).singleElement().satisfies(r -> {
            assertThat(r.paper().comment()).isEqualTo("Accepted at ICML");
            assertThat(r.paper().categories()).containsExactly("cs.LG", "stat.ML");
            assertThat(r.paper().listedOn()).isEqualTo(LocalDate.parse("2025-01-03"));
            assertThat(r.contentDay()).isEqualTo(LocalDate.parse("2025-02-10"));
        });
    }

    @Test
    void theSameTextListedAgainLaterIsUnchangedButMovesTheContentDay() {
        Paper first = listing("2025-01-03", "Title", null, "cs.LG");
        Paper again = listing("2025-01-09", "Title", null, "cs.LG");
        PaperMerge.Result r = PaperMerge.merge(first, first.listedOn(), again);
        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(r.paper()).isEqualTo(first);
        assertThat(r.contentDay()).isEqualTo(LocalDate.parse("2025-01-09"));
    }

    private static void permutations(List<Paper> all, List<Paper> prefix, boolean[] used, Consumer<List<Paper>> each) {
        if (prefix.size() == all.size()) {
            each.accept(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(all.get(i));
                permutations(all, prefix, used, each);
                prefix.removeLast();
                used[i] = false;
            }
        }
    }
}
