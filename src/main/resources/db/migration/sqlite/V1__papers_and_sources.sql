-- Papers, keyed by arXiv id without version. Lists are stored as JSON arrays (authors) and as a
-- space-separated string with the primary category first (categories), plus a lookup table per category.
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
    -- monotonic change number: the search index follows the store by reading rows with seq > its own mark
    seq             INTEGER NOT NULL,
    changed_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX papers_by_seq ON papers (seq);
CREATE INDEX papers_by_listed_on ON papers (listed_on);

CREATE TABLE paper_categories (
    category TEXT NOT NULL,
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    PRIMARY KEY (category, paper_id)
) WITHOUT ROWID;

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('paper_seq', 0);

-- One row per harvest source: its checkpoint and what the status page shows.
CREATE TABLE source_status (
    source               TEXT PRIMARY KEY,
    checkpoint           TEXT,
    last_attempt         TEXT,
    last_success         TEXT,
    last_error_at        TEXT,
    last_error           TEXT,
    next_attempt         TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_seen            INTEGER NOT NULL DEFAULT 0,
    last_new             INTEGER NOT NULL DEFAULT 0,
    last_updated         INTEGER NOT NULL DEFAULT 0,
    total_seen           INTEGER NOT NULL DEFAULT 0,
    total_new            INTEGER NOT NULL DEFAULT 0,
    total_updated        INTEGER NOT NULL DEFAULT 0
);
