package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.sqlite.SQLiteDataSource;

/** Issue 10, import: migration V11 gives the papers stored before it their title hashes, so they match by title. */
class TitleHashColumnTest {
    @TempDir
    Path dir;

    @Test
    void papersStoredBeforeV11AreFoundByTitleAfterIt() throws Exception {
        SQLiteDataSource before = new SQLiteDataSource();
        before.setUrl("jdbc:sqlite:" + dir.resolve("paperwire.db"));
        Flyway.configure().dataSource(before).locations("classpath:db/migration/sqlite").target("9").load().migrate();
        try (Connection c = before.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 12_000; i++) { // more than two pages of the backfill
                st.addBatch("INSERT INTO papers (id, title, abstract, authors, categories, seq, changed_at) VALUES ('2501."
                        + String.format("%05d", i) + "', 'Paper number " + i + "', '', '[]', 'cs.LG', " + (i + 1) + ", 'x')");
            }
            st.addBatch("INSERT INTO papers (id, title, abstract, authors, categories, seq, changed_at) VALUES"
                    + " ('hep-th/9901001', 'Schr\\\"odinger {strings}', '', '[]', 'hep-th', 0, 'x')");
            st.executeBatch();
            c.commit();
        }
        try (Database db = Database.open(dir)) {
            PaperStore store = new JdbcPaperStore(db.dataSource(), InstantSource.fixed(Instant.EPOCH));
            assertThat(store.findByTitleKeys(List.of(TitleKey.of("Schrödinger Strings"), TitleKey.of("paper number 11999"),
                    TitleKey.of("paper number 0"), TitleKey.of("paper number 12000"))))
                    .extracting(Paper::id).containsExactlyInAnyOrder("hep-th/9901001", "2501.11999", "2501.00000");
        }
    }
}
