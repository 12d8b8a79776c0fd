-- Issue 11: one lease table for every kind of work that one node at a time may do (a harvest upstream, a batch
-- of digests to build and send). A holder takes a free or expired lease with one conditional upsert, renews it
-- while it works and deletes it at the end; a holder that dies loses its lease when expires_at (epoch
-- milliseconds) has passed. holder names the node (schedule.NodeId: pid, host, start, tag); detail says what
-- it does with the lease (a harvest lease: the source). Replaces harvest_leases: its rows move over, renamed
-- 'harvest:' || upstream, as HarvestService names them now.
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    expires_at INTEGER NOT NULL
);
CREATE INDEX leases_by_holder ON leases (holder, expires_at);

INSERT INTO leases (name, holder, detail, expires_at)
    SELECT 'harvest:' || name, holder, source, expires_at FROM harvest_leases;
DROP TABLE harvest_leases;
