package org.paperwire.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.mail.RenderedMail;

/**
 * Confirmation and link mails waiting to go out: one row per mail with its exact bytes, sent by the digest
 * sender ({@link DigestRunner#sendMails}) with the digests' retries and backoff, through the same state machine
 * ({@link OutboxTable}). A web request only adds a row, so it never waits for the SMTP server.
 */
public final class MailOutbox {
    private final DataSource db;
    private final OutboxTable table;

    public MailOutbox(DataSource db) {
        this.db = db;
        this.table = new OutboxTable(db, "mail_outbox", "kind", false);
    }

    /** The sending state machine of these rows. */
    OutboxTable table() {
        return table;
    }

    /** Queues a mail of {@code kind} (confirm, manage) to subscriber {@code subscriberId}, due at once; returns its id. */
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

    /** Mails per state (due, in_flight, sent, failed), for the operator and tests. */
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

    /**
     * Deletes mails that are done (sent or failed) and were queued before {@code before}: they hold signed links
     * and are of no use once delivered. Returns how many.
     */
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
