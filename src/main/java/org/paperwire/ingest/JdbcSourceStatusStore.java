package org.paperwire.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/**
 * {@link SourceStatusStore} in SQL that runs on SQLite and PostgreSQL. Totals are added in SQL, so two processes or
 * nodes sharing the database never lose counts. (Harvest leases live in {@code schedule.Leases}.)
 */
public final class JdbcSourceStatusStore implements SourceStatusStore {
    private final DataSource dataSource;

    public JdbcSourceStatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<SourceStatus> find(String source) {
        return query("read the harvest status of " + source, "WHERE source = ?", source).stream().findFirst();
    }

    @Override
    public List<SourceStatus> all() {
        return query("read the harvest status of every source", "ORDER BY source", null);
    }

    private List<SourceStatus> query(String operation, String where, String arg) {
        return Jdbc.read(dataSource, operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM source_status " + where)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<SourceStatus> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public SourceStatus saveRun(SourceStatus s) {
        return Jdbc.inTransaction(dataSource, "save the harvest status of " + s.source(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_status (source, checkpoint,"
                    + " last_attempt, last_success, last_error_at, last_error, next_attempt, consecutive_failures,"
                    + " last_seen, last_new, last_updated, total_seen, total_new, total_updated)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (source) DO UPDATE SET checkpoint = excluded.checkpoint,"
                    + " last_attempt = excluded.last_attempt, last_success = excluded.last_success,"
                    + " last_error_at = excluded.last_error_at, last_error = excluded.last_error,"
                    + " next_attempt = excluded.next_attempt, consecutive_failures = excluded.consecutive_failures,"
                    + " last_seen = excluded.last_seen, last_new = excluded.last_new, last_updated = excluded.last_updated,"
                    + " total_seen = source_status.total_seen + excluded.last_seen,"
                    + " total_new = source_status.total_new + excluded.last_new,"
                    + " total_updated = source_status.total_updated + excluded.last_updated"
                    + " RETURNING *")) {
                int i = 1;
                ps.setString(i++, s.source());
                ps.setString(i++, s.checkpoint());
                ps.setString(i++, text(s.lastAttempt()));
                ps.setString(i++, text(s.lastSuccess()));
                ps.setString(i++, text(s.lastErrorAt()));
                ps.setString(i++, s.lastError());
                ps.setString(i++, text(s.nextAttempt()));
                ps.setInt(i++, s.consecutiveFailures());
                ps.setLong(i++, s.lastRun().seen());
                ps.setLong(i++, s.lastRun().created());
                ps.setLong(i++, s.lastRun().updated());
                ps.setLong(i++, s.lastRun().seen());
                ps.setLong(i++, s.lastRun().created());
                ps.setLong(i, s.lastRun().updated());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            }
        });
    }

    private static SourceStatus map(ResultSet rs) throws SQLException {
        return new SourceStatus(
                rs.getString("source"),
                rs.getString("checkpoint"),
                instant(rs.getString("last_attempt")),
                instant(rs.getString("last_success")),
                instant(rs.getString("last_error_at")),
                rs.getString("last_error"),
                instant(rs.getString("next_attempt")),
                rs.getInt("consecutive_failures"),
                new SourceStatus.Counts(rs.getLong("last_seen"), rs.getLong("last_new"), rs.getLong("last_updated")),
                new SourceStatus.Counts(rs.getLong("total_seen"), rs.getLong("total_new"), rs.getLong("total_updated")));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
