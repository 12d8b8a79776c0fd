package org.paperwire.reader;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sign-in links and reader sessions. Only SHA-256 hashes of their random tokens are stored, so a copy of the
 * store lets nobody sign in. Both belong to a subscriber and go when it is removed. Today's implementation is
 * {@link JdbcSessionStore}; {@code SessionStoreContract} (tests) says what every implementation must do.
 */
public interface SessionStore {
    /** A session as stored. */
    record Session(String tokenHash, long readerId, Instant createdAt, Instant lastSeenAt) {}

    /** A sign-in link as stored. */
    record SignInLink(long readerId, Instant expiresAt, boolean used) {}

    /** Remembers a new sign-in link. */
    void addSignIn(String tokenHash, long readerId, Instant now, Instant expiresAt);

    /** How many sign-in links the reader was sent at or after {@code since}. */
    int signInsSince(long readerId, Instant since);

    Optional<SignInLink> signIn(String tokenHash);

    /**
     * Uses a sign-in link: marks it used and starts a session of {@code sessionHash} for its reader, in one
     * transaction, if the link is unused and unexpired at {@code now}. Two concurrent uses never both succeed.
     *
     * @return the reader, or empty when the link is unknown, used or expired
     */
    OptionalLong useSignIn(String tokenHash, String sessionHash, Instant now);

    Optional<Session> session(String tokenHash);

    /** Moves the session's last request to {@code now}. */
    void touch(String tokenHash, Instant now);

    /** Ends a session; false when there was none. */
    boolean endSession(String tokenHash);

    /**
     * Deletes sessions last seen before {@code idleCutoff} and sign-in links that expired before {@code linkCutoff}.
     *
     * @return how many rows went
     */
    int deleteExpired(Instant idleCutoff, Instant linkCutoff);
}
