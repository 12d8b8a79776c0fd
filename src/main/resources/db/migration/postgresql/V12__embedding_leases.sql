-- PostgreSQL twin of sqlite/V12: one lease per (cache key, paper) of the embedding backlog.
CREATE TABLE embedding_leases (
    model      TEXT NOT NULL,
    paper_id   TEXT NOT NULL,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (model, paper_id)
);
