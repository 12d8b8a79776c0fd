package org.paperwire.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
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

    /** Reads one row of a result at a time. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Ids per statement in {@link #readByIds}: few parameters on every database. */
    private static final int IN_CHUNK = 500;

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

    /**
     * Reads the rows of many ids (readers, collections, subscribers: a batch's) on one connection: {@code sql} makes a
     * statement of a chunk's parameter marks ({@code ?,?,…}, at most {@value #IN_CHUNK} of them), and every place the
     * statement has them is given the chunk's ids. The statements must hold no other {@code ?}.
     */
    public static void readByIds(DataSource dataSource, String operation, Collection<Long> ids,
            Function<String, String> sql, RowReader reader) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        if (all.isEmpty()) {
            return;
        }
        read(dataSource, operation, c -> {
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                String statement = sql.apply(String.join(",", Collections.nCopies(chunk.size(), "?")));
                long marks = statement.chars().filter(ch -> ch == '?').count();
                try (PreparedStatement st = c.prepareStatement(statement)) {
                    for (int p = 0; p < marks; p++) {
                        st.setLong(p + 1, chunk.get(p % chunk.size()));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                }
            }
            return null;
        });
    }
}
