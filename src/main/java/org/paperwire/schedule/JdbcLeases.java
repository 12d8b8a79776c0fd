package org.paperwire.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/**
 * {@link Leases} in the {@code leases} table, in SQL that runs unchanged on SQLite and PostgreSQL. Taking a lease
 * is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} (the row is free, expired or already ours), which both
 * databases apply atomically against concurrent writers, with {@code RETURNING} saying whether it was taken.
 */
public final class JdbcLeases implements Leases {
    private static final String COLUMNS = "name, holder, detail, expires_at";
    /** A lease released between our failed take and our read is simply tried again; this bounds the tries. */
    private static final int TRIES = 3;

    private final DataSource db;

    public JdbcLeases(DataSource db) {
        this.db = db;
    }

    @Override
    public Lease tryAcquire(String name, String holder, String detail, Duration ttl, Instant now) {
        return Jdbc.inTransaction(db, "take the lease " + name + " for " + holder, c -> {
            for (int i = 0; i < TRIES; i++) {
                Optional<Lease> taken = take(c, name, holder, detail, now.plus(ttl), now);
                if (taken.isPresent()) {
                    return taken.get();
                }
                Optional<Lease> other = find(c, name);
                if (other.isPresent()) {
                    return other.get();
                }
            }
            throw new SQLException("the lease " + name + " kept changing hands while it was being taken");
        });
    }

    private static Optional<Lease> take(Connection c, String name, String holder, String detail, Instant until,
            Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO leases (" + COLUMNS + ") VALUES (?,?,?,?)"
                + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, detail = excluded.detail,"
                + " expires_at = excluded.expires_at"
                + " WHERE leases.expires_at <= ? OR leases.holder = excluded.holder"
                + " RETURNING " + COLUMNS)) {
            st.setString(1, name);
            st.setString(2, holder);
            st.setString(3, detail);
            st.setLong(4, until.toEpochMilli());
            st.setLong(5, now.toEpochMilli());
            return first(st);
        }
    }

    private static Optional<Lease> find(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM leases WHERE name = ?")) {
            st.setString(1, name);
            return first(st);
        }
    }

    @Override
    public boolean renew(String name, String holder, Duration ttl, Instant now) {
        return Jdbc.inTransaction(db, "renew the lease " + name + " of " + holder, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?")) {
                st.setLong(1, now.plus(ttl).toEpochMilli());
                st.setString(2, name);
                st.setString(3, holder);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean takeOver(String name, String from, String holder, String detail, Duration ttl, Instant now) {
        return Jdbc.inTransaction(db, "take the lease " + name + " over from " + from, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE leases SET holder = ?, detail = ?, expires_at = ? WHERE name = ? AND holder = ?")) {
                st.setString(1, holder);
                st.setString(2, detail);
                st.setLong(3, now.plus(ttl).toEpochMilli());
                st.setString(4, name);
                st.setString(5, from);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String name, String holder) {
        Jdbc.inTransaction(db, "release the lease " + name + " of " + holder, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM leases WHERE name = ? AND holder = ?")) {
                st.setString(1, name);
                st.setString(2, holder);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<Lease> held(String holder, Instant now) {
        return Jdbc.read(db, "read the leases of " + holder, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM leases"
                    + " WHERE holder = ? AND expires_at > ? ORDER BY name")) {
                st.setString(1, holder);
                st.setLong(2, now.toEpochMilli());
                return list(st);
            }
        });
    }

    @Override
    public List<Lease> all() {
        return Jdbc.read(db, "read the leases", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM leases ORDER BY name")) {
                return list(st);
            }
        });
    }

    private static Optional<Lease> first(PreparedStatement st) throws SQLException {
        return list(st).stream().findFirst();
    }

    private static List<Lease> list(PreparedStatement st) throws SQLException {
        List<Lease> leases = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                leases.add(new Lease(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
        return leases;
    }
}
