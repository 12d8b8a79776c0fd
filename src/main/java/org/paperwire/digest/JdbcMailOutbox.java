package org.paperwire.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreKind;
import org.paperwire.mail.RenderedMail;

/** {@link MailOutbox} in SQL that runs on SQLite and PostgreSQL: table {@code mail_outbox}. */
public final class JdbcMailOutbox implements MailOutbox {
    private final DataSource db;
    private final OutboxTable table;

    public JdbcMailOutbox(DataSource db, StoreKind kind) {
        this.db = db;
        this.table = new JdbcOutboxTable(db, kind, "mail_outbox", "kind", false);
    }

    @Override
    public OutboxTable table() {
        return table;
    }

    @Override
    public long add(long subscriberId, String kind, RenderedMail mail, Instant now) {
        return Jdbc.inTransaction(db, "queue a " + kind + " mail to subscriber " + subscriberId, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO mail_outbox (subscriber_id, kind, state,"
                    + " message_id, recipient, mime, next_attempt_at, created_at) VALUES (?, ?, 'due', ?, ?, ?, ?, ?)"
                    + " RETURNING id")) {
                st.setLong(1, subscriberId);
                st.setString(2, kind);
                st.setString(3, mail.messageId());
                st.setString(4, mail.to());
                st.setBytes(5, mail.bytes());
                st.setLong(6, now.toEpochMilli());
                st.setLong(7, now.toEpochMilli());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Map<String, Long> counts() {
        return Jdbc.read(db, "count queued mails", c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT state, COUNT(*) FROM mail_outbox GROUP BY state");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    @Override
    public int forget(Instant before) {
        return Jdbc.inTransaction(db, "forget mails sent before " + before, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM mail_outbox WHERE state IN ('sent', 'failed') AND created_at < ?")) {
                st.setLong(1, before.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }
}
