package org.paperwire.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreKind;
import org.paperwire.mail.RenderedMail;

/**
 * {@link OutboxTable} in SQL that runs on SQLite and PostgreSQL, over one of the two outbox tables
 * ({@code digest_outbox}, {@code mail_outbox}): a claim picks and marks its rows in one statement, so two senders
 * never claim the same row (on PostgreSQL the pick locks its rows and skips those another claim holds).
 */
final class JdbcOutboxTable implements OutboxTable {
    private final DataSource db;
    private final StoreKind kind;
    private final String table;
    private final String what;
    private final boolean cancelWhenSubscriberLeft;

    /**
     * @param table the table (a constant of ours, never input)
     * @param what the column that names a row for the log: period or kind
     * @param cancelWhenSubscriberLeft whether rows of subscribers who are not active, or paused, are cancelled
     *     instead of sent (digests; a confirmation mail goes to a pending subscriber by design)
     */
    JdbcOutboxTable(DataSource db, StoreKind kind, String table, String what, boolean cancelWhenSubscriberLeft) {
        this.db = db;
        this.kind = kind;
        this.table = table;
        this.what = what;
        this.cancelWhenSubscriberLeft = cancelWhenSubscriberLeft;
    }

    @Override
    public List<Claimed> claim(Instant now, int limit, String owner, Duration lease, Collection<Long> onlySubscribers) {
        return Jdbc.inTransaction(db, "claim due rows of " + table, c -> {
            if (cancelWhenSubscriberLeft) {
                cancelLeft(c, now);
            }
            String due = "state IN ('due', 'in_flight') AND next_attempt_at <= ?";
            StringBuilder pick = new StringBuilder("SELECT id FROM " + table + " WHERE " + due + " AND mime IS NOT NULL");
            if (onlySubscribers != null) {
                pick.append(" AND subscriber_id IN (").append(String.join(",",
                        onlySubscribers.stream().map(String::valueOf).toList())).append(onlySubscribers.isEmpty() ? "-1" : "")
                        .append(")");
            }
            pick.append(" ORDER BY id LIMIT ?");
            if (kind == StoreKind.POSTGRESQL) {
                // rows another sender is claiming are left to it; SQLite runs one claim at a time anyway
                pick.append(" FOR UPDATE SKIP LOCKED");
            }
            // picked once (MATERIALIZED: PostgreSQL could otherwise run a LIMIT ... FOR UPDATE subquery again and
            // take more rows); the outer condition is checked again on a row another claim changed meanwhile
            String sql = "WITH picked AS MATERIALIZED (" + pick + ") UPDATE " + table + " SET state = 'in_flight',"
                    + " claimed_by = ?, next_attempt_at = ?, attempts = attempts + 1"
                    + " WHERE id IN (SELECT id FROM picked) AND " + due
                    + " RETURNING id, subscriber_id, " + what + ", attempts, message_id, recipient, mime";
            List<Claimed> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, now.toEpochMilli());
                st.setInt(2, limit);
                st.setString(3, owner);
                st.setLong(4, now.plus(lease).toEpochMilli());
                st.setLong(5, now.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                                new RenderedMail(rs.getString(5), rs.getString(6), rs.getBytes(7))));
                    }
                }
            }
            rows.sort(Comparator.comparingLong(Claimed::id)); // RETURNING promises no order
            return rows;
        });
    }

    /**
     * Digests of subscribers who unsubscribed or paused are never sent, also not after a re-subscribe (their
     * links no longer work): due ones and in-flight ones whose lease ran out (no sender holds them) are
     * cancelled.
     */
    private void cancelLeft(Connection c, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'cancelled', claimed_by = NULL,"
                + " last_error = 'the subscriber unsubscribed or paused before it was sent'"
                + " WHERE (state = 'due' OR (state = 'in_flight' AND next_attempt_at <= ?))"
                + " AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.id = subscriber_id AND s.status = 'active'"
                + " AND s.frequency != 'paused')")) {
            st.setLong(1, now.toEpochMilli());
            st.executeUpdate();
        }
    }

    @Override
    public int cancel(long subscriberId) {
        return Jdbc.inTransaction(db, "cancel the due rows of subscriber " + subscriberId + " in " + table, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'cancelled',"
                    + " last_error = 'the subscriber unsubscribed or paused before it was sent'"
                    + " WHERE subscriber_id = ? AND state = 'due'")) {
                st.setLong(1, subscriberId);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public int releaseAbandoned(Predicate<String> ownerAlive) {
        return Jdbc.inTransaction(db, "release abandoned rows of " + table, c -> {
            List<Long> ids = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, claimed_by FROM " + table + " WHERE state = 'in_flight'");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null || !ownerAlive.test(rs.getString(2))) {
                        ids.add(rs.getLong(1));
                        owners.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = 'due', claimed_by = NULL,"
                    + " next_attempt_at = 0 WHERE id = ? AND state = 'in_flight' AND claimed_by IS NOT DISTINCT FROM ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    st.setLong(1, ids.get(i));
                    st.setString(2, owners.get(i));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return ids.size();
        });
    }

    @Override
    public boolean markSent(long id, String owner, Instant now) {
        return finish(id, owner, "sent", "sent_at", now, null, false);
    }

    @Override
    public boolean markRetry(long id, String owner, Instant next, String error) {
        return finish(id, owner, "due", "next_attempt_at", next, error, false);
    }

    @Override
    public boolean markFailed(long id, String owner, Instant now, String error) {
        return finish(id, owner, "failed", "next_attempt_at", now, error, false);
    }

    @Override
    public boolean release(long id, String owner, Instant now) {
        return finish(id, owner, "due", "next_attempt_at", now, null, true);
    }

    /** Ends an attempt of {@code owner}: the new state, its time and the error if any (an earlier one stays). */
    private boolean finish(long id, String owner, String state, String timeColumn, Instant at, String error,
            boolean uncount) {
        return Jdbc.inTransaction(db, "set row " + id + " of " + table + " to " + state, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET state = ?, " + timeColumn + " = ?,"
                    + " last_error = COALESCE(?, last_error), claimed_by = NULL"
                    + (uncount ? ", attempts = attempts - 1" : "")
                    + " WHERE id = ? AND state = 'in_flight' AND claimed_by = ?")) {
                st.setString(1, state);
                st.setLong(2, at.toEpochMilli());
                st.setString(3, error);
                st.setLong(4, id);
                st.setString(5, owner);
                return st.executeUpdate() == 1;
            }
        });
    }
}
