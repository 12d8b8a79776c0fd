package org.paperwire.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Jdbc}'s promise: a unit of work is committed whole when it returns and rolled back whole when it fails. */
class JdbcTest {
    @TempDir
    Path dir;
    Database database;
    DataSource ds;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        ds = database.dataSource();
        Jdbc.inTransaction(ds, "create notes", c -> update(c, "CREATE TABLE notes (text TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    long notes() {
        return Jdbc.read(ds, "count notes", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM notes")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void workThatReturnsIsCommittedAndItsResultReturned() {
        int inserted = Jdbc.inTransaction(ds, "add two notes", c -> update(c, "INSERT INTO notes VALUES ('a')")
                + update(c, "INSERT INTO notes VALUES ('b')"));
        assertThat(inserted).isEqualTo(2);
        assertThat(notes()).isEqualTo(2);
    }

    @Test
    void aRuntimeExceptionRollsBackEverythingTheWorkDidAndReachesTheCallerAsItIs() {
        IllegalStateException failure = new IllegalStateException("halfway");
        assertThatThrownBy(() -> Jdbc.inTransaction(ds, "add a note", c -> {
            update(c, "INSERT INTO notes VALUES ('a')");
            throw failure;
        })).isSameAs(failure);
        assertThat(notes()).isZero();
    }

    @Test
    void anSqlErrorRollsBackEverythingTheWorkDidAndBecomesAStoreException() {
        assertThatThrownBy(() -> Jdbc.inTransaction(ds, "add two notes", c -> {
            update(c, "INSERT INTO notes VALUES ('a')");
            return update(c, "INSERT INTO notes VALUES (NULL)"); // NOT NULL
        })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(notes()).isZero();
    }

    @Test
    void aConnectionGoesBackToThePoolInAutoCommitModeAfterAFailure() {
        assertThatThrownBy(() -> Jdbc.inTransaction(ds, "fail", c -> {
            throw new IllegalStateException("fails");
        }));
        for (int i = 0; i < 8; i++) { // more than the pool holds: every pooled connection is seen
            assertThat(Jdbc.read(ds, "read the commit mode", Connection::getAutoCommit)).isTrue();
        }
    }

    @Test
    void readTurnsAnSqlErrorIntoAStoreException() {
        assertThatThrownBy(() -> Jdbc.read(ds, "read a missing table", c -> update(c, "SELECT * FROM no_such_table")))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aStoreExceptionSaysWhichOperationFailedAndWhy() {
        StoreException e = new StoreException("claim due digests", new SQLException("database is locked"));
        assertThat(e).hasMessage("could not claim due digests: database is locked");
    }

    @Test
    void aFailedTransactionIsReportedWithTheOperationItWasGiven() {
        assertThatThrownBy(() -> Jdbc.inTransaction(ds, "save note 7", c -> update(c, "INSERT INTO notes VALUES (NULL)")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not save note 7: ")
                .hasMessageContaining("NOT NULL constraint failed: notes.text");
    }

    @Test
    void aFailedReadIsReportedWithTheOperationItWasGiven() {
        assertThatThrownBy(() -> Jdbc.read(ds, "read note 7", c -> update(c, "SELECT * FROM no_such_table")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not read note 7: ")
                .hasMessageContaining("no such table: no_such_table");
    }

    @Test
    void aStoreThatCannotGiveAConnectionIsReportedWithTheOperationToo() {
        database.close();
        assertThatThrownBy(() -> Jdbc.read(ds, "count notes", c -> 0))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("could not count notes: ");
    }
}
