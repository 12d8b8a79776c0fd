-- Subscribers, their topics, and the digest outbox (issue 5).

-- Times are epoch milliseconds (UTC), so they compare as numbers.
CREATE TABLE subscribers (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- pending (waiting for the confirmation link), active, unsubscribed
    status         TEXT NOT NULL,
    -- daily, weekly or paused
    frequency      TEXT NOT NULL DEFAULT 'daily',
    weekday        INTEGER NOT NULL DEFAULT 1,     -- 1 = Monday .. 7 = Sunday, for weekly
    delivery_hour  INTEGER NOT NULL DEFAULT 7,
    time_zone      TEXT NOT NULL DEFAULT 'UTC',
    skip_empty     INTEGER NOT NULL DEFAULT 1,
    max_per_email  INTEGER NOT NULL DEFAULT 20,
    created_at     INTEGER NOT NULL,
    confirmed_at   INTEGER,
    -- the last confirmation / link mail, for the per-address limit
    last_mail_at   INTEGER,
    -- bumped on unsubscribe: links issued before stop working
    link_version   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE subscriber_topics (
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    -- trending (overall), category, search, author
    kind           TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    cap            INTEGER NOT NULL DEFAULT 5,
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (subscriber_id, kind, value)
);

-- One row per (subscriber, period): the UNIQUE constraint is what makes a period's digest happen once.
-- The rendered message is stored with the row, so a retry after a crash sends the very same message
-- (same Message-ID), never a rebuilt one.
CREATE TABLE digest_outbox (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    period          TEXT NOT NULL,
    -- due, in_flight, sent, failed, skipped (nothing new and the subscriber skips empty days)
    state           TEXT NOT NULL,
    message_id      TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    html            TEXT NOT NULL,
    text            TEXT NOT NULL,
    list_unsubscribe TEXT NOT NULL,
    items           INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- due: not before this time; in_flight: the claim's lease ends then
    next_attempt_at INTEGER NOT NULL,
    -- in_flight: the process that claimed the row ("pid@start-instant"), to recognise a dead one's claims
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    UNIQUE (subscriber_id, period)
);
CREATE INDEX digest_outbox_pending ON digest_outbox (state, next_attempt_at);

-- Papers a subscriber has been given (reserved when the digest is built), so none appears twice.
CREATE TABLE digest_papers (
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    paper_id       TEXT NOT NULL,
    outbox_id      INTEGER NOT NULL REFERENCES digest_outbox(id) ON DELETE CASCADE,
    PRIMARY KEY (subscriber_id, paper_id)
) WITHOUT ROWID;
