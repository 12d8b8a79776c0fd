package org.paperwire.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreKind;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.RenderedMail;

/** {@link DigestOutbox} in SQL that runs on SQLite and PostgreSQL: tables {@code digest_outbox} and {@code digest_papers}. */
public final class JdbcDigestOutbox implements DigestOutbox {
    private final DataSource db;
    private final OutboxTable table;

    public JdbcDigestOutbox(DataSource db, StoreKind kind) {
        this.db = db;
        this.table = new JdbcOutboxTable(db, kind, "digest_outbox", "period", true);
    }

    @Override
    public OutboxTable table() {
        return table;
    }

    @Override
    public boolean add(long subscriberId, String period, MailMessage m, byte[] mime, Collection<String> papers,
            State state, Instant now) {
        return Jdbc.inTransaction(db, "store the " + period + " digest of subscriber " + subscriberId, c -> {
            long id;
            // html and text stay empty: the bytes hold both parts (rows from before V9 kept them instead)
            try (PreparedStatement st = c.prepareStatement("INSERT INTO digest_outbox (subscriber_id, period, state,"
                    + " message_id, recipient, subject, html, text, list_unsubscribe, items, next_attempt_at, created_at,"
                    + " mime) VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?) ON CONFLICT (subscriber_id, period)"
                    + " DO NOTHING RETURNING id")) {
                st.setLong(1, subscriberId);
                st.setString(2, period);
                st.setString(3, state.db());
                st.setString(4, m.messageId());
                st.setString(5, m.to());
                st.setString(6, m.subject());
                st.setString(7, m.headers().getOrDefault(DigestMails.LIST_UNSUBSCRIBE, ""));
                st.setInt(8, papers.size());
                st.setLong(9, now.toEpochMilli());
                st.setLong(10, now.toEpochMilli());
                st.setBytes(11, mime);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO digest_papers (subscriber_id, paper_id,"
                    + " outbox_id) VALUES (?, ?, ?) ON CONFLICT (subscriber_id, paper_id) DO NOTHING")) {
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

    @Override
    public int renderMissing(Function<MailMessage, RenderedMail> render) {
        List<Map.Entry<Long, MailMessage>> missing = Jdbc.read(db, "find digests stored without their mail", c -> {
            List<Map.Entry<Long, MailMessage>> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, message_id, recipient, subject, html, text,"
                    + " list_unsubscribe FROM digest_outbox WHERE state IN ('due', 'in_flight') AND mime IS NULL");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.entry(rs.getLong(1), new MailMessage(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), DigestMails.headers(rs.getString(7)))));
                }
            }
            return out;
        });
        for (Map.Entry<Long, MailMessage> row : missing) {
            byte[] mime = render.apply(row.getValue()).bytes();
            Jdbc.inTransaction(db, "store the rendered mail of digest " + row.getKey(), c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE digest_outbox SET mime = ? WHERE id = ? AND mime IS NULL")) {
                    st.setBytes(1, mime);
                    st.setLong(2, row.getKey());
                    return st.executeUpdate();
                }
            });
        }
        return missing.size();
    }

    @Override
    public int cancel(long subscriberId) {
        return table.cancel(subscriberId);
    }

    @Override
    public int forgetMail(Instant before) {
        return Jdbc.inTransaction(db, "forget the mail of digests built before " + before, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE digest_outbox SET html = '', text = '', mime = NULL"
                    + " WHERE state IN ('sent', 'skipped', 'failed', 'cancelled') AND created_at < ?"
                    + " AND (mime IS NOT NULL OR html <> '' OR text <> '')")) {
                st.setLong(1, before.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public Optional<byte[]> mail(long subscriberId, String period) {
        return Jdbc.read(db, "read the " + period + " digest of subscriber " + subscriberId, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT mime FROM digest_outbox WHERE subscriber_id = ? AND period = ?")) {
                st.setLong(1, subscriberId);
                st.setString(2, period);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Set<String> papersGiven(long subscriberId) {
        return Jdbc.read(db, "read the papers given to subscriber " + subscriberId, c -> {
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

    @Override
    public Optional<Instant> lastBuilt(long subscriberId) {
        return Jdbc.read(db, "find the last digest of subscriber " + subscriberId, c -> {
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

    @Override
    public Map<Long, Set<String>> papersGiven(Collection<Long> subscriberIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        Jdbc.readByIds(db, "read the papers given to " + subscriberIds.size() + " subscribers", subscriberIds,
                marks -> "SELECT subscriber_id, paper_id FROM digest_papers WHERE subscriber_id IN (" + marks + ")",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)));
        return out;
    }

    @Override
    public Map<Long, Instant> lastBuilt(Collection<Long> subscriberIds) {
        Map<Long, Instant> out = new HashMap<>();
        Jdbc.readByIds(db, "find the last digests of " + subscriberIds.size() + " subscribers", subscriberIds,
                marks -> "SELECT subscriber_id, MAX(created_at) FROM digest_outbox WHERE subscriber_id IN (" + marks
                        + ") GROUP BY subscriber_id",
                rs -> out.put(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))));
        return out;
    }

    @Override
    public Map<Long, Set<String>> periodsSince(Instant since) {
        return Jdbc.read(db, "read digest periods since " + since, c -> {
            Map<Long, Set<String>> out = new HashMap<>();
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

    @Override
    public Map<State, Long> counts() {
        return Jdbc.read(db, "count digests", c -> {
            Map<State, Long> out = new EnumMap<>(State.class);
            for (State s : State.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement st = c.prepareStatement("SELECT state, COUNT(*) FROM digest_outbox GROUP BY state");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(State.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    @Override
    public List<Failure> failures(int limit) {
        return Jdbc.read(db, "read failed mails", c -> {
            List<Failure> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT recipient, period, attempts, last_error,"
                    + " next_attempt_at, id FROM digest_outbox WHERE state = 'failed' UNION ALL SELECT recipient,"
                    + " kind, attempts, last_error, next_attempt_at, id FROM mail_outbox WHERE state = 'failed'"
                    + " ORDER BY 5 DESC, 6 DESC LIMIT ?")) {
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
}
