-- PostgreSQL twin of sqlite/V1 (same version history; see the SQLite file for what each column means).
-- Dates stay ISO-8601 text as in SQLite, so both dialects compare and return them alike.
CREATE TABLE papers (
    id              TEXT PRIMARY KEY,
    version         INTEGER NOT NULL DEFAULT 0,
    title           TEXT NOT NULL,
    abstract        TEXT NOT NULL,
    authors         TEXT NOT NULL,
    categories      TEXT NOT NULL,
    comment         TEXT,
    journal_ref     TEXT,
    doi             TEXT,
    first_submitted TEXT,
    last_updated    TEXT,
    listed_on       TEXT,
    -- change number: the search index follows the store by reading rows with seq > its own mark. Numbers come
    -- from the counters row, updated in the writing transaction: its row lock is held until commit, so changes
    -- commit in the order of their numbers and a follower never skips one.
    seq             BIGINT NOT NULL,
    changed_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX papers_by_seq ON papers (seq);
CREATE INDEX papers_by_listed_on ON papers (listed_on);

CREATE TABLE paper_categories (
    category TEXT NOT NULL,
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    PRIMARY KEY (category, paper_id)
);

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('paper_seq', 0);

CREATE TABLE source_status (
    source               TEXT PRIMARY KEY,
    checkpoint           TEXT,
    last_attempt         TEXT,
    last_success         TEXT,
    last_error_at        TEXT,
    last_error           TEXT,
    next_attempt         TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_seen            BIGINT NOT NULL DEFAULT 0,
    last_new             BIGINT NOT NULL DEFAULT 0,
    last_updated         BIGINT NOT NULL DEFAULT 0,
    total_seen           BIGINT NOT NULL DEFAULT 0,
    total_new            BIGINT NOT NULL DEFAULT 0,
    total_updated        BIGINT NOT NULL DEFAULT 0
);
