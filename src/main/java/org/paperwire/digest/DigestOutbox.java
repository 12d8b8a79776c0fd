package org.paperwire.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.RenderedMail;

/**
 * The digest outbox: one row per (subscriber, period), UNIQUE, moving through
 * {@code due → in_flight → sent}, back to {@code due} with a later {@code next_attempt_at} on a temporary
 * failure, or to {@code failed}; {@code skipped} for an empty digest of a subscriber who skips empty days;
 * {@code cancelled} when the subscriber unsubscribed or paused before it went out (see {@link OutboxTable}).
 * Each row keeps the exact bytes of its mail, rendered once when it was built, so every attempt sends the same
 * bytes. The papers of a digest are reserved in the same transaction that creates its row, so they never
 * appear in another digest of the same subscriber. Its implementation: {@link JdbcDigestOutbox}.
 */
public interface DigestOutbox {
    /** Outbox states, as stored. */
    enum State { DUE, IN_FLIGHT, SENT, FAILED, SKIPPED, CANCELLED;
        String db() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A permanently failed digest (or confirmation / link mail: then {@code period} names its kind), for the operator. */
    record Failure(String recipient, String period, int attempts, String error, Instant at) {}

    /** The sending state machine of the digest rows. */
    OutboxTable table();

    /**
     * Records a built digest for its period, with its papers reserved and its exact bytes ({@code mime}, null
     * for a digest that will not be sent). Returns false, changing nothing, when the subscriber already has a
     * digest for this period (a second run in the same period sends nothing).
     */
    boolean add(long subscriberId, String period, MailMessage m, byte[] mime, Collection<String> papers,
            State state, Instant now);

    /**
     * Digests stored before their bytes were (before migration V9) and still to be sent get them now, rendered
     * once from their stored text, so that from here on every attempt sends the same bytes. Returns how many.
     */
    int renderMissing(Function<MailMessage, RenderedMail> render);

    /**
     * Cancels the subscriber's digests that are built and not sent yet (they unsubscribed or paused): they are
     * never sent, also not after a re-subscribe. Returns how many.
     */
    int cancel(long subscriberId);

    /**
     * Drops the stored mail of digests created before {@code before} that are done: sent, skipped, failed or
     * cancelled. Their rows stay, so no period is ever built or sent twice and the papers they gave are still
     * never repeated. Returns how many.
     */
    int forgetMail(Instant before);

    /** The stored bytes of one subscriber's digest for {@code period}; empty once forgotten (or never stored). */
    Optional<byte[]> mail(long subscriberId, String period);

    /** The papers {@code subscriberId} has been given (or has reserved in a digest not sent yet). */
    Set<String> papersGiven(long subscriberId);

    /** When the subscriber's latest digest was built, if any: the next one covers what is new since then. */
    Optional<Instant> lastBuilt(long subscriberId);

    /** {@link #papersGiven(long)} of many subscribers in one read (a batch's); one given none is left out. */
    Map<Long, Set<String>> papersGiven(Collection<Long> subscriberIds);

    /** {@link #lastBuilt(long)} of many subscribers in one read (a batch's); one never given a digest is left out. */
    Map<Long, Instant> lastBuilt(Collection<Long> subscriberIds);

    /** The periods that already have a digest, per subscriber, among digests built since {@code since}. */
    Map<Long, Set<String>> periodsSince(Instant since);

    /** Rows per state, for the status page and metrics. */
    Map<State, Long> counts();

    /** The newest permanent failures of digests and of confirmation / link mails, newest first. */
    List<Failure> failures(int limit);
}
