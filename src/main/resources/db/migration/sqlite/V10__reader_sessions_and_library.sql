-- Issue 10: a reader (a subscriber's address) signs in with a mailed link, keeps papers in named collections and
-- rates papers. Everything here hangs off subscribers with ON DELETE CASCADE: removing the subscription removes
-- the reader's sessions, library and ratings. Times are epoch milliseconds (UTC).

-- Sign-in links: single use, expiring. Only a SHA-256 hash of the link's random token is kept.
CREATE TABLE reader_sign_ins (
    token_hash     TEXT PRIMARY KEY,
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    -- set when the link started a session: it never starts another
    used_at        INTEGER
);
CREATE INDEX reader_sign_ins_by_subscriber ON reader_sign_ins (subscriber_id, created_at);
CREATE INDEX reader_sign_ins_by_expiry ON reader_sign_ins (expires_at);

-- Sessions: only a SHA-256 hash of the cookie's random token is kept; a session ends web.session-idle after
-- last_seen_at (which is moved forward at most every few minutes, not on every request).
CREATE TABLE reader_sessions (
    token_hash     TEXT PRIMARY KEY,
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    created_at     INTEGER NOT NULL,
    last_seen_at   INTEGER NOT NULL
);
CREATE INDEX reader_sessions_by_subscriber ON reader_sessions (subscriber_id);
CREATE INDEX reader_sessions_by_last_seen ON reader_sessions (last_seen_at);

-- A reader's named collections ("Library" first). name_key is the name lower-cased by the application, so that
-- "Reading" and "reading" are one name on every store without collations. revision grows with every change to
-- the collection's papers or ratings: the recommendation model retrains when it moves.
CREATE TABLE library_collections (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    revision       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (subscriber_id, name_key)
);

-- Saved papers, by arXiv id without version. No foreign key to papers: a paper not harvested yet is kept and
-- shows once a harvest or import brings it.
CREATE TABLE library_items (
    collection_id  INTEGER NOT NULL REFERENCES library_collections(id) ON DELETE CASCADE,
    paper_id       TEXT NOT NULL,
    added_at       INTEGER NOT NULL,
    PRIMARY KEY (collection_id, paper_id)
);

-- "More like this" (1) and "Not for me" (-1), one per collection and paper.
CREATE TABLE library_ratings (
    collection_id  INTEGER NOT NULL REFERENCES library_collections(id) ON DELETE CASCADE,
    paper_id       TEXT NOT NULL,
    rating         INTEGER NOT NULL,
    rated_at       INTEGER NOT NULL,
    PRIMARY KEY (collection_id, paper_id)
);

-- The papers one browser voted for become the reader's when it signs in.
CREATE INDEX votes_by_visitor ON votes (visitor);
