package org.paperwire.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one transaction: commit on success, roll back on any failure. Every call names its
 * operation (a phrase that follows "could not", such as "save paper 2406.01234"), so that a {@link StoreException}
 * says what failed.
 */
public final class Jdbc {
    /** Work that needs a connection and may fail with SQL errors. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {}

    public static <T> T inTransaction(DataSource dataSource, String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    /** Runs read-only work on a connection in auto-commit mode. */
    public static <T> T read(DataSource dataSource, String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }
}
