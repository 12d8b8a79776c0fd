package org.paperwire.reader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/** {@link SessionStore} in portable SQL ({@code V10__reader_sessions_and_library.sql}), for SQLite and PostgreSQL. */
public final class JdbcSessionStore implements SessionStore {
    private final DataSource db;

    public JdbcSessionStore(DataSource db) {
        this.db = db;
    }

    @Override
    public void addSignIn(String tokenHash, long readerId, Instant now, Instant expiresAt) {
        Jdbc.inTransaction(db, "remember a sign-in link for reader " + readerId, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO reader_sign_ins (token_hash, subscriber_id,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, tokenHash);
                st.setLong(2, readerId);
                st.setLong(3, now.toEpochMilli());
                st.setLong(4, expiresAt.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int signInsSince(long readerId, Instant since) {
        return Jdbc.read(db, "count the sign-in links of reader " + readerId, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COUNT(*) FROM reader_sign_ins WHERE subscriber_id = ? AND created_at >= ?")) {
                st.setLong(1, readerId);
                st.setLong(2, since.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public Optional<SignInLink> signIn(String tokenHash) {
        return Jdbc.read(db, "read a sign-in link", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT subscriber_id, expires_at, used_at FROM reader_sign_ins WHERE token_hash = ?")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long reader = rs.getLong(1);
                    Instant expires = Instant.ofEpochMilli(rs.getLong(2));
                    rs.getLong(3);
                    return Optional.of(new SignInLink(reader, expires, !rs.wasNull()));
                }
            }
        });
    }

    @Override
    public OptionalLong useSignIn(String tokenHash, String sessionHash, Instant now) {
        return Jdbc.inTransaction(db, "sign in", c -> {
            long reader;
            try (PreparedStatement st = c.prepareStatement("UPDATE reader_sign_ins SET used_at = ?"
                    + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING subscriber_id")) {
                st.setLong(1, now.toEpochMilli());
                st.setString(2, tokenHash);
                st.setLong(3, now.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return OptionalLong.empty();
                    }
                    reader = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO reader_sessions (token_hash, subscriber_id,"
                    + " created_at, last_seen_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, sessionHash);
                st.setLong(2, reader);
                st.setLong(3, now.toEpochMilli());
                st.setLong(4, now.toEpochMilli());
                st.executeUpdate();
            }
            return OptionalLong.of(reader);
        });
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return Jdbc.read(db, "read a session", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT subscriber_id, created_at, last_seen_at"
                    + " FROM reader_sessions WHERE token_hash = ?")) {
                st.setString(1, tokenHash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(tokenHash, rs.getLong(1),
                            Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))))
                            : Optional.<Session>empty();
                }
            }
        });
    }

    @Override
    public void touch(String tokenHash, Instant now) {
        Jdbc.inTransaction(db, "note a session's request", c -> update(c,
                "UPDATE reader_sessions SET last_seen_at = ? WHERE token_hash = ?", now.toEpochMilli(), tokenHash));
    }

    @Override
    public boolean endSession(String tokenHash) {
        return Jdbc.inTransaction(db, "sign out", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM reader_sessions WHERE token_hash = ?")) {
                st.setString(1, tokenHash);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int deleteExpired(Instant idleCutoff, Instant linkCutoff) {
        return Jdbc.inTransaction(db, "delete ended sessions and expired sign-in links", c ->
                deleteBefore(c, "DELETE FROM reader_sessions WHERE last_seen_at < ?", idleCutoff)
                + deleteBefore(c, "DELETE FROM reader_sign_ins WHERE expires_at < ?", linkCutoff));
    }

    private static int deleteBefore(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, cutoff.toEpochMilli());
            return st.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, long value, String tokenHash) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, value);
            st.setString(2, tokenHash);
            return st.executeUpdate();
        }
    }
}
