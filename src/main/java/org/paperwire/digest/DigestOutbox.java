package org.paperwire.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.mail.MailMessage;

/**
 * The digest outbox: one row per (subscriber, period), UNIQUE, moving through
 * {@code due → in_flight → sent}, back to {@code due} with a later {@code next_attempt_at} on a temporary
 * failure, or to {@code failed}; {@code skipped} for an empty digest of a subscriber who skips empty days.
 * The papers of a digest are reserved in the same transaction that creates its row, so they never appear in
 * another digest of the same subscriber.
 */
public final class DigestOutbox {
    /** Outbox states, as stored. */
    public enum State { DUE, IN_FLIGHT, SENT, FAILED, SKIPPED;
        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row claimed for sending. */
    public record Claimed(long id, long subscriberId, String period, int attempts, MailMessage message) {}

    /** A permanently failed digest, for the operator. */
    public record Failure(String recipient, String period, int attempts, String error, Instant at) {}

    private final DataSource db;

    public DigestOutbox(DataSource db) {
        this.db = db;
    }

    /**
     * Records a built digest for its period, with its papers reserved. Returns false, changing nothing, when the
     * subscriber already has a digest for this period (a second run in the same period sends nothing).
     */
    public boolean add(long subscriberId, String period, MailMessage m, Collection<String> papers,
            State state, Instant now) {
        return Jdbc.inTransaction(db, c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO digest_outbox (subscriber_id, period, state,"
                    + " message_id, recipient, subject, html, text, list_unsubscribe, items, next_attempt_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subscriber_id, period) DO NOTHING"
                    + " RETURNING id")) {
                st.setLong(1, subscriberId);
                st.setString(2, period);
                st.setString(3, state.db());
                st.setString(4, m.messageId());
                st.setString(5, m.to());
                st.setString(6, m.subject());
                st.setString(7, m.html());
                st.setString(8, m.text());
                st.setString(9, m.headers().getOrDefault(DigestMails.LIST_UNSUBSCRIBE, ""));
                st.setInt(10, papers.size());
                st.setLong(11, now.toEpochMilli());
                st.setLong(12, now.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO digest_papers (subscriber_id,"
                    + " paper_id, outbox_id) VALUES (?, ?, ?)")) {
                for (String paper : papers) {
                    st.setLong(1, subscriberId);
                    st.setString(2, paper);
                    st.setLong(3, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return true;
        });
    }

    /**
     * Empties the stored text (subject stays) of digests created before {@code before} that are done: sent,
     * skipped or failed. Their rows stay, so no period is ever built or sent twice and the papers they gave
     * are still never repeated. Returns how many were emptied.
     */
    public int forgetMail(Instant before) {
        return Jdbc.inTransaction(db, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET html = '', text = ''"
                    + " WHERE state IN ('sent', 'skipped', 'failed') AND created_at < ? AND (html <> '' OR text <> '')")) {
                st.setLong(1, before.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    /** The stored text of one subscriber's digest for {@code period}: {html, text}, empty once forgotten. */
    public Optional<String[]> mail(long subscriberId, String period) {
        return Jdbc.inTransaction(db, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT html, text FROM digest_outbox WHERE subscriber_id = ? AND period = ?")) {
                st.setLong(1, subscriberId);
                st.setString(2, period);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
                }
            }
        });
    }

    /** The papers {@code subscriberId} has been given (or has reserved in a digest not sent yet). */
    public Set<String> papersGiven(long subscriberId) {
        return Jdbc.read(db, c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT paper_id FROM digest_papers WHERE subscriber_id = ?")) {
                st.setLong(1, subscriberId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** When the subscriber's latest digest was built, if any: the next one covers what is new since then. */
    public Optional<Instant> lastBuilt(long subscriberId) {
        return Jdbc.read(db, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT MAX(created_at) FROM digest_outbox WHERE subscriber_id = ?")) {
                st.setLong(1, subscriberId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
                }
            }
        });
    }

    /** The periods that already have a digest, per subscriber, among digests built since {@code since}. */
    public Map<Long, Set<String>> periodsSince(Instant since) {
        return Jdbc.read(db, c -> {
            Map<Long, Set<String>> out = new java.util.HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT subscriber_id, period FROM digest_outbox WHERE created_at >= ?")) {
                st.setLong(1, since.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Claims up to {@code limit} rows that are due, or in flight with a lease that ran out (a hung sender), for
     * {@code owner}, in one transaction so two senders never claim the same row; {@code onlySubscribers} null
     * means all.
     */
    public List<Claimed> claim(Instant now, int limit, String owner, Duration lease, Collection<Long> onlySubscribers) {
        return Jdbc.inTransaction(db, c -> {
            List<Claimed> out = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT id, subscriber_id, period, attempts, message_id, recipient,"
                    + " subject, html, text, list_unsubscribe FROM digest_outbox"
                    + " WHERE state IN ('due', 'in_flight') AND next_attempt_at <= ?"
                    // an unsubscribe takes effect at once, also for digests already built
                    + " AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'active'"
                    + " AND frequency != 'paused')");
            if (onlySubscribers != null) {
                sql.append(" AND subscriber_id IN (").append(String.join(",",
                        onlySubscribers.stream().map(String::valueOf).toList())).append(onlySubscribers.isEmpty() ? "-1" : "")
                        .append(")");
            }
            sql.append(" ORDER BY id LIMIT ?");
            Map<Long, Claimed> rows = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                st.setLong(1, now.toEpochMilli());
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getLong(1), claimed(rs));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET state = 'in_flight',"
                    + " claimed_by = ?, next_attempt_at = ? WHERE id = ?")) {
                for (Claimed r : rows.values()) {
                    st.setString(1, owner);
                    st.setLong(2, now.plus(lease).toEpochMilli());
                    st.setLong(3, r.id());
                    st.addBatch();
                    out.add(r);
                }
                st.executeBatch();
            }
            return out;
        });
    }

    /**
     * Makes the in-flight rows of processes that no longer run due again at once (a crash or {@code kill -9}
     * mid-send). Returns how many.
     */
    public int releaseAbandoned(java.util.function.Predicate<String> ownerAlive) {
        return Jdbc.inTransaction(db, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, claimed_by FROM digest_outbox WHERE state = 'in_flight'");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null || !ownerAlive.test(rs.getString(2))) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET state = 'due', claimed_by = NULL,"
                    + " next_attempt_at = 0 WHERE id = ? AND state = 'in_flight'")) {
                for (long id : ids) {
                    st.setLong(1, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return ids.size();
        });
    }

    public void markSent(long id, Instant now) {
        finish(id, "sent", now, null);
    }

    /** Back to {@code due}, not before {@code next}. */
    public void markRetry(long id, Instant next, String error) {
        finish(id, "due", next, error);
    }

    public void markFailed(long id, Instant now, String error) {
        finish(id, "failed", now, error);
    }

    /** Ends an attempt: the new state, its time (sent_at for sent, else next_attempt_at) and the error if any. */
    private void finish(long id, String state, Instant at, String error) {
        String time = state.equals("sent") ? "sent_at" : "next_attempt_at";
        Jdbc.inTransaction(db, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET state = ?, " + time + " = ?,"
                    + " last_error = ?, attempts = attempts + 1, claimed_by = NULL WHERE id = ?")) {
                st.setString(1, state);
                st.setLong(2, at.toEpochMilli());
                st.setString(3, error);
                st.setLong(4, id);
                return st.executeUpdate();
            }
        });
    }

    /** Rows per state, for the status page and metrics. */
    public Map<State, Long> counts() {
        return Jdbc.read(db, c -> {
            Map<State, Long> out = new java.util.EnumMap<>(State.class);
            for (State s : State.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement st = c.prepareStatement("SELECT state, COUNT(*) FROM digest_outbox GROUP BY state");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(State.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** The newest permanent failures, newest first. */
    public List<Failure> failures(int limit) {
        return Jdbc.read(db, c -> {
            List<Failure> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT recipient, period, attempts, last_error,"
                    + " next_attempt_at FROM digest_outbox WHERE state = 'failed' ORDER BY next_attempt_at DESC, id DESC"
                    + " LIMIT ?")) {
                st.setInt(1, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Failure(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
            }
            return out;
        });
    }

    private static Claimed claimed(ResultSet rs) throws SQLException {
        MailMessage m = new MailMessage(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), DigestMails.headers(rs.getString(10)));
        return new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), m);
    }
}
