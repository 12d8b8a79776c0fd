-- PostgreSQL twin of sqlite/V3: trending signals as running totals, votes, and the daily history.
CREATE TABLE paper_signals (
    paper_id        TEXT PRIMARY KEY,
    votes           BIGINT NOT NULL DEFAULT 0,
    views           BIGINT NOT NULL DEFAULT 0,
    hf_upvotes      BIGINT NOT NULL DEFAULT 0,
    github_repo     TEXT,
    github_stars    BIGINT NOT NULL DEFAULT 0,
    hf_published_at TEXT,
    updated_at      TEXT NOT NULL
);

CREATE TABLE votes (
    paper_id   TEXT NOT NULL,
    visitor    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (paper_id, visitor)
);

CREATE TABLE signal_history (
    paper_id     TEXT NOT NULL,
    day          TEXT NOT NULL,
    votes        BIGINT NOT NULL,
    views        BIGINT NOT NULL,
    hf_upvotes   BIGINT NOT NULL,
    github_stars BIGINT NOT NULL,
    PRIMARY KEY (paper_id, day)
);

-- The day a paper appeared (its first listing day, else its submission day). PostgreSQL 15 has only stored
-- generated columns; SQLite's is virtual. Both read the same.
ALTER TABLE papers ADD COLUMN day TEXT GENERATED ALWAYS AS (COALESCE(listed_on, substr(first_submitted, 1, 10))) STORED;
CREATE INDEX papers_by_day ON papers (day);
