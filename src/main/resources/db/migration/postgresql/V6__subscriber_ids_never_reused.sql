-- PostgreSQL twin of sqlite/V6. Identity columns never hand out a number twice, so no rebuild is needed here;
-- what remains is the per-subscriber link key (replacing link_version) and pending_since.
ALTER TABLE subscribers ADD COLUMN link_key TEXT;
ALTER TABLE subscribers ADD COLUMN pending_since BIGINT;
-- 64 hex digits from two random UUIDs (gen_random_uuid draws from the server's strong random source)
UPDATE subscribers SET link_key = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
    pending_since = CASE WHEN status = 'pending' THEN GREATEST(created_at, COALESCE(last_mail_at, 0)) END;
ALTER TABLE subscribers ALTER COLUMN link_key SET NOT NULL;
ALTER TABLE subscribers DROP COLUMN link_version;
CREATE INDEX subscribers_pending ON subscribers (pending_since) WHERE status = 'pending';
