-- Issue 9, finding 1: a removed subscriber's links must never act on the next one.
--  * ids are never reused (AUTOINCREMENT: without it SQLite hands a deleted highest id to the next row);
--  * every signed link is bound to link_key, random per subscriber, so that not even a reused id would help
--    (it replaces link_version: a re-subscription gets a new key instead of a higher version);
--  * pending_since (finding 2): when the address last became pending or was last asked to confirm; a pending
--    subscription expires subscription.pending-ttl later and is deleted.
--
-- SQLite adds AUTOINCREMENT only by rebuilding the table. This is the rebuild of SQLite's "other kinds of table
-- schema changes" (lang_altertable.html): with foreign keys on, dropping the old table would cascade its implicit
-- DELETE into subscriber_topics, digest_outbox and digest_papers, and foreign_keys cannot be switched off inside a
-- transaction. So this script runs outside Flyway's transaction (V6__…sql.conf), switches foreign keys off,
-- rebuilds in a transaction of its own and switches them on again. Ids are copied, so every reference still
-- holds: the children keep their REFERENCES subscribers(id) and find the new table under the old name.

PRAGMA foreign_keys = OFF;

-- a savepoint outside a transaction opens one (Flyway's parser takes BEGIN for the start of a trigger body)
SAVEPOINT rebuild_subscribers;

CREATE TABLE subscribers_v6 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
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
    -- random (32 bytes, hex), inside the MAC of every link; a new row and a re-subscription get a new one, so
    -- links issued before stop working (it replaces V4's link_version)
    link_key       TEXT NOT NULL,
    -- pending rows: the last subscribe request or confirmation mail; the row expires pending-ttl later
    pending_since  INTEGER
);

-- Links issued before this migration were signed without a key: they stop working, and the page they open
-- offers to mail a fresh one.
INSERT INTO subscribers_v6 (id, email, status, frequency, weekday, delivery_hour, time_zone, skip_empty,
        max_per_email, created_at, confirmed_at, last_mail_at, link_key, pending_since)
    SELECT id, email, status, frequency, weekday, delivery_hour, time_zone, skip_empty,
        max_per_email, created_at, confirmed_at, last_mail_at, lower(hex(randomblob(32))),
        CASE WHEN status = 'pending' THEN max(created_at, coalesce(last_mail_at, 0)) END
    FROM subscribers;

DROP TABLE subscribers;
ALTER TABLE subscribers_v6 RENAME TO subscribers;

-- The cleanup of expired pending subscriptions reads only this.
CREATE INDEX subscribers_pending ON subscribers (pending_since) WHERE status = 'pending';

RELEASE rebuild_subscribers;

PRAGMA foreign_keys = ON;
