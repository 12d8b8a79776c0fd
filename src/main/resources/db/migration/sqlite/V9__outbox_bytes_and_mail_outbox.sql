-- Issue 9: the outbox keeps each mail's exact bytes, and confirmation / link mails go through an outbox too.

-- The exact message (RFC 5322 bytes), rendered once when the digest is built: every attempt sends these bytes,
-- so a resend is byte-identical (same Date, MIME boundary and Message-ID). From now on html and text stay
-- empty. Rows built before this migration that are still to be sent get their bytes rendered once, from their
-- html and text, before their next attempt. Digests also get a state 'cancelled': the subscriber unsubscribed
-- or paused before it went out, and it is never sent.
ALTER TABLE digest_outbox ADD COLUMN mime BLOB;

-- Confirmation and link mails, queued by the web request (so that it never waits for SMTP and a known address
-- answers as fast as an unknown one) and delivered by the digest sender with the same retries and backoff.
-- Their rows follow digest_outbox's states: due, in_flight, sent, failed.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    -- confirm (the double opt-in mail) or manage (a fresh link to the settings)
    kind            TEXT NOT NULL,
    state           TEXT NOT NULL,
    message_id      TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    mime            BLOB NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- due: not before this time; in_flight: the claim's lease ends then
    next_attempt_at INTEGER NOT NULL,
    -- in_flight: the process that claimed the row ("pid@start-instant")
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX mail_outbox_pending ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_by_subscriber ON mail_outbox (subscriber_id);
-- mails that are done are deleted after digest.keep-mail: they hold signed links
CREATE INDEX mail_outbox_by_created ON mail_outbox (created_at);
