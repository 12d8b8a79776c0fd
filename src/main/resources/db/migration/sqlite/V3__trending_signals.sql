-- Trending signals per paper, kept as running totals so that ranking reads one row per paper.
CREATE TABLE paper_signals (
    paper_id        TEXT PRIMARY KEY,
    votes           INTEGER NOT NULL DEFAULT 0,
    views           INTEGER NOT NULL DEFAULT 0,
    hf_upvotes      INTEGER NOT NULL DEFAULT 0,
    github_repo     TEXT,
    github_stars    INTEGER NOT NULL DEFAULT 0,
    hf_published_at TEXT,
    updated_at      TEXT NOT NULL
);

-- One vote per visitor per paper; the count in paper_signals changes in the same transaction.
CREATE TABLE votes (
    paper_id   TEXT NOT NULL,
    visitor    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (paper_id, visitor)
) WITHOUT ROWID;

-- The totals as they stood at the end of each day, for the small chart on a paper's page.
CREATE TABLE signal_history (
    paper_id     TEXT NOT NULL,
    day          TEXT NOT NULL,
    votes        INTEGER NOT NULL,
    views        INTEGER NOT NULL,
    hf_upvotes   INTEGER NOT NULL,
    github_stars INTEGER NOT NULL,
    PRIMARY KEY (paper_id, day)
) WITHOUT ROWID;

-- The day a paper appeared: its first listing day, else its submission day. Trending windows select on it.
ALTER TABLE papers ADD COLUMN day TEXT GENERATED ALWAYS AS (COALESCE(listed_on, substr(first_submitted, 1, 10))) VIRTUAL;
CREATE INDEX papers_by_day ON papers (day);
