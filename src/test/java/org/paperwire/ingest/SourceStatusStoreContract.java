package org.paperwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.paperwire.db.AtOnce;
import org.paperwire.db.Database;
import org.paperwire.ingest.SourceStatus.Counts;

/**
 * What every {@link SourceStatusStore} must do, on each database it runs on: a subclass per database hands over an
 * empty store for each test (closed after it).
 */
abstract class SourceStatusStoreContract {
    static final Instant T0 = Instant.parse("2026-04-01T06:00:00Z");

    /** A migrated, empty store for one test. */
    protected abstract Database emptyStore();

    private SourceStatusStore store() {
        return new JdbcSourceStatusStore(emptyStore().dataSource());
    }

    static SourceStatus run(String source, Instant at, Counts counts, String error) {
        return new SourceStatus(source, "2026-03-31", at, error == null ? at : null, error == null ? null : at, error,
                at.plusSeconds(3600), error == null ? 0 : 1, counts, Counts.ZERO);
    }

    @Test
    void aRunIsStoredAsGivenAndItsCountsAddUpToTheTotals() {
        SourceStatusStore store = store();
        assertThat(store.find("arxiv-oai")).isEmpty();
        SourceStatus first = store.saveRun(run("arxiv-oai", T0, new Counts(10, 4, 1), null));
        assertThat(first.total()).isEqualTo(new Counts(10, 4, 1));
        assertThat(first.lastSuccess()).isEqualTo(T0);

        SourceStatus failed = store.saveRun(run("arxiv-oai", T0.plusSeconds(60), new Counts(3, 0, 2), "503 busy"));
        assertThat(failed).isEqualTo(new SourceStatus("arxiv-oai", "2026-03-31", T0.plusSeconds(60), null,
                T0.plusSeconds(60), "503 busy", T0.plusSeconds(3660), 1, new Counts(3, 0, 2), new Counts(13, 4, 3)));
        assertThat(store.find("arxiv-oai")).contains(failed);

        store.saveRun(run("huggingface", T0, new Counts(1, 1, 0), null));
        assertThat(store.all()).extracting(SourceStatus::source).containsExactly("arxiv-oai", "huggingface");
    }

    /** Runs saved at once (two nodes, one after another's lease) lose no counts: totals are added in SQL. */
    @Test
    void runsSavedAtOnceLoseNoCounts() throws Exception {
        SourceStatusStore store = store();
        int writers = 4;
        int runs = 10;
        AtOnce.run(writers, w -> {
            for (int i = 0; i < runs; i++) {
                store.saveRun(run("arxiv-oai", T0, new Counts(3, 2, 1), null));
            }
            return null;
        });
        assertThat(store.find("arxiv-oai")).get().extracting(SourceStatus::total)
                .isEqualTo(new Counts(3L * writers * runs, 2L * writers * runs, 1L * writers * runs));
    }

}
