package org.paperwire.subscription;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.Subscriber.Status;

/**
 * {@link SubscriberStore} in SQL that runs on SQLite and PostgreSQL: subscribers and their topics ({@code V4__subscriptions_and_digests.sql}, rebuilt by
 * {@code V6__subscriber_ids_never_reused.sql}): ids are never reused, and each subscriber has a random link key.
 */
public final class JdbcSubscriberStore implements SubscriberStore {
    private static final String COLUMNS = "id, email, status, frequency, weekday, delivery_hour, time_zone, skip_empty,"
            + " max_per_email, created_at, confirmed_at, link_key, pending_since";
    private static final int LINK_KEY_BYTES = 32;

    private final DataSource db;
    private final SecureRandom random = new SecureRandom();

    public JdbcSubscriberStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Created create(String email, Status status, Preferences prefs, List<Topic> topics, Instant now) {
        return Jdbc.inTransaction(db, "add a subscriber", c -> {
            // insert-or-nothing in one statement: two requests for one address at once (two nodes) make one row
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO subscribers (email, status, frequency, weekday,"
                    + " delivery_hour, time_zone, skip_empty, max_per_email, created_at, confirmed_at, link_key,"
                    + " pending_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING"
                    + " RETURNING id")) {
                st.setString(1, email);
                st.setString(2, status.name().toLowerCase(Locale.ROOT));
                bindPreferences(st, 3, prefs);
                st.setLong(9, now.toEpochMilli());
                setInstantOrNull(st, 10, status == Status.ACTIVE ? now : null);
                st.setString(11, newLinkKey());
                setInstantOrNull(st, 12, status == Status.PENDING ? now : null);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new Created(findByEmail(c, email).orElseThrow(), false);
                    }
                    id = rs.getLong(1);
                }
            }
            writeTopics(c, id, topics);
            return new Created(find(c, id).orElseThrow(), true);
        });
    }

    @Override
    public Optional<Subscriber> find(long id) {
        return Jdbc.read(db, "read subscriber " + id, c -> find(c, id));
    }

    @Override
    public Optional<Subscriber> findByEmail(String email) {
        return Jdbc.read(db, "find a subscriber by address", c -> findByEmail(c, email));
    }

    @Override
    public long countActive() {
        return Jdbc.read(db, "count active subscribers", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM subscribers WHERE status = 'active'");
                    ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<Subscriber> all() {
        return Jdbc.read(db, "read every subscriber", c -> {
            Map<Long, List<Topic>> topics = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT subscriber_id, kind, value, cap FROM subscriber_topics ORDER BY subscriber_id, position");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(topic(rs, 2));
                }
            }
            List<Subscriber> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM subscribers ORDER BY id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(subscriber(rs, topics.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return out;
        });
    }

    @Override
    public boolean confirm(long id, Instant now) {
        return Jdbc.inTransaction(db, "confirm subscriber " + id, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET status = 'active',"
                    + " confirmed_at = COALESCE(confirmed_at, ?), pending_since = NULL"
                    + " WHERE id = ? AND status IN ('pending', 'active')")) {
                st.setLong(1, now.toEpochMilli());
                st.setLong(2, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void resubscribe(long id, Instant now) {
        Jdbc.inTransaction(db, "resubscribe subscriber " + id, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET status = 'pending',"
                    + " confirmed_at = NULL, link_key = ?, pending_since = ? WHERE id = ? AND status = 'unsubscribed'")) {
                st.setString(1, newLinkKey());
                st.setLong(2, now.toEpochMilli());
                st.setLong(3, id);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void unsubscribe(long id) {
        update("unsubscribe subscriber " + id,
                "UPDATE subscribers SET status = 'unsubscribed', pending_since = NULL WHERE id = ?", id);
    }

    @Override
    public int deletePendingSince(Instant cutoff) {
        return Jdbc.inTransaction(db, "delete subscriptions pending since " + cutoff, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM subscribers WHERE status = 'pending' AND pending_since <= ?")) {
                st.setLong(1, cutoff.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(long id) {
        return update("remove subscriber " + id, "DELETE FROM subscribers WHERE id = ?", id) == 1;
    }

    @Override
    public void update(long id, Preferences prefs, List<Topic> topics) {
        Jdbc.inTransaction(db, "update the preferences of subscriber " + id, c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET frequency = ?, weekday = ?,"
                    + " delivery_hour = ?, time_zone = ?, skip_empty = ?, max_per_email = ? WHERE id = ?")) {
                bindPreferences(st, 1, prefs);
                st.setLong(7, id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM subscriber_topics WHERE subscriber_id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            writeTopics(c, id, topics);
            return null;
        });
    }

    @Override
    public boolean claimMailSlot(long id, Instant now, Duration interval) {
        return Jdbc.inTransaction(db, "claim a mail slot for subscriber " + id, c -> {
            // a pending address asked again gets a full subscription.pending-ttl from this mail on
            try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET last_mail_at = ?,"
                    + " pending_since = CASE WHEN status = 'pending' THEN ? ELSE pending_since END"
                    + " WHERE id = ? AND (last_mail_at IS NULL OR last_mail_at <= ?)")) {
                st.setLong(1, now.toEpochMilli());
                st.setLong(2, now.toEpochMilli());
                st.setLong(3, id);
                st.setLong(4, now.minus(interval).toEpochMilli());
                return st.executeUpdate() == 1;
            }
        });
    }

    private int update(String operation, String sql, long id) {
        return Jdbc.inTransaction(db, operation, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, id);
                return st.executeUpdate();
            }
        });
    }

    private String newLinkKey() {
        byte[] key = new byte[LINK_KEY_BYTES];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static void setInstantOrNull(PreparedStatement st, int at, Instant instant) throws SQLException {
        if (instant == null) {
            st.setNull(at, Types.INTEGER);
        } else {
            st.setLong(at, instant.toEpochMilli());
        }
    }

    private static void bindPreferences(PreparedStatement st, int at, Preferences p) throws SQLException {
        st.setString(at, p.frequency().name().toLowerCase(Locale.ROOT));
        st.setInt(at + 1, p.weekday().getValue());
        st.setInt(at + 2, p.hour());
        st.setString(at + 3, p.zone().getId());
        st.setInt(at + 4, p.skipEmpty() ? 1 : 0);
        st.setInt(at + 5, p.maxPerEmail());
    }

    private static void writeTopics(Connection c, long id, List<Topic> topics) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO subscriber_topics"
                + " (subscriber_id, kind, value, cap, position) VALUES (?, ?, ?, ?, ?) ON CONFLICT (subscriber_id, kind,"
                + " value) DO UPDATE SET cap = excluded.cap, position = excluded.position")) {
            int position = 0;
            for (Topic t : topics) {
                st.setLong(1, id);
                st.setString(2, t.kind().id());
                st.setString(3, t.value());
                st.setInt(4, t.cap());
                st.setInt(5, position++);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static Optional<Subscriber> find(Connection c, long id) throws SQLException {
        return one(c, "WHERE id = ?", st -> st.setLong(1, id));
    }

    private static Optional<Subscriber> findByEmail(Connection c, String email) throws SQLException {
        return one(c, "WHERE email = ?", st -> st.setString(1, email));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private static Optional<Subscriber> one(Connection c, String where, Binder binder) throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM subscribers " + where)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
            }
        }
        List<Topic> topics = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT kind, value, cap FROM subscriber_topics WHERE subscriber_id = ? ORDER BY position")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    topics.add(topic(rs, 1));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM subscribers WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return Optional.of(subscriber(rs, topics));
            }
        }
    }

    private static Topic topic(ResultSet rs, int at) throws SQLException {
        return new Topic(Topic.Kind.byId(rs.getString(at)).orElseThrow(), rs.getString(at + 1), rs.getInt(at + 2));
    }

    private static Subscriber subscriber(ResultSet rs, List<Topic> topics) throws SQLException {
        Preferences prefs = new Preferences(Frequency.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                DayOfWeek.of(rs.getInt(5)), rs.getInt(6), ZoneId.of(rs.getString(7)), rs.getInt(8) == 1, rs.getInt(9));
        return new Subscriber(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                prefs, topics, Instant.ofEpochMilli(rs.getLong(10)), instantOrNull(rs, 11), rs.getString(12),
                instantOrNull(rs, 13));
    }

    private static Instant instantOrNull(ResultSet rs, int at) throws SQLException {
        long millis = rs.getLong(at);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
