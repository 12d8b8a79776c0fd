package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperwire.paper.Papers.paper;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.db.StoreException;

class SqlitePaperStoreTest {
    @TempDir
    Path dir;
    Database db;
    SqlitePaperStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        store = new SqlitePaperStore(db.dataSource(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAndReadsBackEveryField() {
        Paper p = new Paper("hep-th/9901001", 2, "Strings", "Abstract with \\emph{TeX} and $\\alpha$",
                List.of("B. Author", "A. Author"), List.of("hep-th", "gr-qc"), "12 pages", "Phys. Rev. D 1 (1999)",
                "10.1103/x", Instant.parse("1999-01-01T12:00:00Z"), Instant.parse("1999-03-01T12:00:00Z"),
                LocalDate.parse("1999-01-04"));
        assertThat(store.upsertAll(List.of(p))).containsExactly(UpsertOutcome.NEW);
        assertThat(store.find("hep-th/9901001")).contains(p);
        assertThat(store.find("0000.00000")).isEmpty();
    }

    @Test
    void duplicatesWithinOneBatchCollapseIntoOnePaper() {
        Paper p = paper("2501.00001", 0, "Cross-listed");
        assertThat(store.upsertAll(List.of(p, p, paper("2501.00002", 0, "Other"))))
                .containsExactly(UpsertOutcome.NEW, UpsertOutcome.UNCHANGED, UpsertOutcome.NEW);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void reIngestingChangesNothingAndAllocatesNoChangeNumbers() {
        store.upsertAll(List.of(paper("2501.00001", 1, "A"), paper("2501.00002", 1, "B")));
        long seq = store.lastSeq();
        assertThat(store.upsertAll(List.of(paper("2501.00001", 1, "A"))))
                .containsExactly(UpsertOutcome.UNCHANGED);
        assertThat(store.lastSeq()).isEqualTo(seq);
    }

    @Test
    void theChangeFeedListsEachChangedPaperOnceInOrder() {
        store.upsertAll(List.of(paper("2501.00001", 1, "A"), paper("2501.00002", 1, "B")));
        long mark = store.lastSeq();
        store.upsertAll(List.of(paper("2501.00001", 2, "A revised")));

        List<PaperStore.Change> all = store.changesSince(0, 10);
        assertThat(all).extracting(c -> c.paper().id()).containsExactly("2501.00002", "2501.00001");
        assertThat(store.changesSince(mark, 10)).singleElement()
                .satisfies(c -> assertThat(c.paper().title()).isEqualTo("A revised"));
        assertThat(store.changesSince(store.lastSeq(), 10)).isEmpty();
    }

    @Test
    void renumberedPapersComeThroughTheChangeFeedAgainUnchanged() {
        store.upsertAll(List.of(paper("2501.00001", 1, "A"), paper("2501.00002", 1, "B"), paper("2501.00003", 1, "C")));
        long mark = store.lastSeq();

        assertThat(store.renumber(List.of("2501.00003", "2501.00001", "2501.00001", "9999.99999"))).isEqualTo(2);

        List<PaperStore.Change> again = store.changesSince(mark, 10);
        assertThat(again).extracting(c -> c.paper().id()).containsExactlyInAnyOrder("2501.00001", "2501.00003");
        assertThat(again).allSatisfy(c -> assertThat(c.seq()).isGreaterThan(mark));
        assertThat(again).extracting(PaperStore.Change::paper)
                .containsExactlyInAnyOrder(store.find("2501.00001").orElseThrow(), store.find("2501.00003").orElseThrow());
        assertThat(store.changesSince(0, 10)).extracting(c -> c.paper().id()).startsWith("2501.00002");
        assertThat(store.renumber(List.of())).isZero();
    }

    @Test
    void aFailingBatchLeavesNothingHalfWritten() throws Exception {
        store.upsertAll(List.of(paper("2501.00001", 1, "A")));
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            // a database failure in the middle of the batch, after the first row was written
            st.execute("CREATE TRIGGER fail_on_boom BEFORE INSERT ON papers WHEN NEW.id = '2501.99999'"
                    + " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }
        List<Paper> batch = List.of(paper("2501.00002", 1, "B"), paper("2501.99999", 1, "Boom"));

        assertThatThrownBy(() -> store.upsertAll(batch)).hasMessageContaining("disk on fire");
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find("2501.00002")).isEmpty();
        assertThat(store.lastSeq()).isEqualTo(1);
    }

    @Test
    void aStoreFailureNamesThePaperThatCouldNotBeSaved() throws Exception {
        failOn("2501.99999");

        assertThatThrownBy(() -> store.upsertAll(List.of(paper("2501.99999", 1, "Boom"))))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not save paper 2501.99999: ")
                .hasMessageContaining("disk on fire");
    }

    @Test
    void aStoreFailureNamesTheSizeAndTheFirstPaperOfABatch() throws Exception {
        failOn("2501.99999");
        List<Paper> batch = List.of(paper("2501.00002", 1, "B"), paper("2501.99999", 1, "Boom"));

        assertThatThrownBy(() -> store.upsertAll(batch))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not save 2 papers (the first 2501.00002): ");
    }

    @Test
    void aClosedStoreNamesThePaperItCouldNotRead() {
        db.close();

        assertThatThrownBy(() -> store.find("2501.00001"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not read paper 2501.00001: ");
    }

    private void failOn(String id) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TRIGGER fail_on_" + id.replace('.', '_') + " BEFORE INSERT ON papers WHEN NEW.id = '"
                    + id + "' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }
    }

    @Test
    void papersAreFoundByTheirNormalizedTitleAndFollowTitleChanges() {
        store.upsertAll(List.of(paper("2501.00001", 1, "Attention Is All\n You Need"), paper("2501.00002", 1, "Other"),
                paper("2501.00003", 1, "attention is all you need!")));
        assertThat(store.findByTitleKeys(List.of(TitleKey.of("{A}ttention is all you need"), TitleKey.of("Missing"),
                TitleKey.of("")))).extracting(Paper::id).containsExactlyInAnyOrder("2501.00001", "2501.00003");

        store.upsertAll(List.of(paper("2501.00001", 2, "A New Title")));
        assertThat(store.findByTitleKeys(List.of(TitleKey.of("attention is all you need"))))
                .extracting(Paper::id).containsExactly("2501.00003");
        assertThat(store.findByTitleKeys(List.of(TitleKey.of("a new title")))).extracting(Paper::id).containsExactly("2501.00001");
    }
}
