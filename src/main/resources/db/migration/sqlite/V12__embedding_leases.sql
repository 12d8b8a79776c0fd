-- Issue 11: the embedding backlog is worked off once for the cluster. Before an embedder computes a round of
-- vectors it leases those papers here (per cache key: model and truncation); another embedder passes them over
-- until the lease ends. A holder deletes its rows when the vectors are cached; a killed holder's rows expire
-- (expires_at, epoch milliseconds) and are then taken by whoever comes next.
CREATE TABLE embedding_leases (
    model      TEXT NOT NULL,
    paper_id   TEXT NOT NULL,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (model, paper_id)
) WITHOUT ROWID;
