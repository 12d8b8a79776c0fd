package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.paper.Papers.paper;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaperMergeTest {
    @Test
    void anUnknownPaperIsNew() {
        Paper p = paper("2501.00001", 1, "Title");
        assertThat(PaperMerge.merge(null, p)).isEqualTo(new PaperMerge.Result(p, UpsertOutcome.NEW));
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        Paper p = paper("2501.00001", 1, "Title");
        assertThat(PaperMerge.merge(p, p).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    }

    @Test
    void aNewerVersionUpdatesButKeepsTheFirstSubmittedDateAndListingDay() {
        Paper v1 = paper("2501.00001", 1, "Title");
        Paper v2 = new Paper("2501.00001", 2, "Better title", "New abstract", v1.authors(), v1.categories(),
                "10 pages", null, null, Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"),
                LocalDate.parse("2025-02-02"));

        PaperMerge.Result r = PaperMerge.merge(v1, v2);

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
        PaperMerge.Result r = PaperMerge.merge(v3, v1);
        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(r.paper()).isEqualTo(v3);
    }

    @Test
    void fieldsTheIncomingSourceLacksKeepTheirStoredValues() {
        Paper withDoi = new Paper("2501.00001", 1, "T", "A", java.util.List.of("X"), java.util.List.of("cs.LG"),
                null, "J. Stuff 1", "10.1/abc", null, null, null);
        Paper fromListing = new Paper("2501.00001", 0, "T", "A", java.util.List.of("X"), java.util.List.of("cs.LG"),
                null, null, null, null, null, LocalDate.parse("2025-01-03"));
        PaperMerge.Result r = PaperMerge.merge(withDoi, fromListing);
        assertThat(r.paper().doi()).isEqualTo("10.1/abc");
        assertThat(r.paper().journalRef()).isEqualTo("J. Stuff 1");
        assertThat(r.paper().listedOn()).isEqualTo(LocalDate.parse("2025-01-03"));
        assertThat(r.outcome()).isEqualTo(UpsertOutcome.UPDATED);
    }

    @Test
    void aRecordWithoutAVersionOnlyFillsGapsInAVersionedOne() {
        Paper fromArxiv = paper("2501.00001", 2, "The arXiv title");
        Paper fromHuggingFace = new Paper("2501.00001", 0, "The HF title", "HF summary", java.util.List.of("Someone"),
                java.util.List.of(), null, null, null, Instant.parse("2024-12-31T00:00:00Z"), null, null);
        PaperMerge.Result r = PaperMerge.merge(fromArxiv, fromHuggingFace);
        assertThat(r.paper().title()).isEqualTo("The arXiv title");
        assertThat(r.paper().authors()).isEqualTo(fromArxiv.authors());
        assertThat(r.paper().firstSubmitted()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
    }
}
