-- PostgreSQL twin of sqlite/V13: one lease table for all work that one node at a time may do; harvest_leases'
-- rows move over as 'harvest:' || upstream.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    expires_at BIGINT NOT NULL
);
CREATE INDEX leases_by_holder ON leases (holder, expires_at);

INSERT INTO leases (name, holder, detail, expires_at)
    SELECT 'harvest:' || name, holder, source, expires_at FROM harvest_leases;
DROP TABLE harvest_leases;
