-- PostgreSQL twin of sqlite/V8: the listing day a paper's text came from, and one lease per harvest upstream.
ALTER TABLE papers ADD COLUMN content_listed_on TEXT;

CREATE TABLE harvest_leases (
    name       TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
