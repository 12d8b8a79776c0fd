-- Issue 9. The listing day of the record a paper's text came from: between records of one version the later
-- listing wins, whatever order they arrive in (papers.listed_on is the earliest day, so it cannot tell).
-- Unknown (NULL) for papers stored before; the next import of their listings fills it in.
ALTER TABLE papers ADD COLUMN content_listed_on TEXT;

-- One lease per harvest upstream: a process harvests a source only while it holds the lease, so a
-- `harvest` command beside a running `serve` never doubles the requests to arXiv. expires_at is epoch
-- milliseconds; a holder renews it while it runs and deletes it at the end; a crashed holder's lease expires.
CREATE TABLE harvest_leases (
    name       TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
