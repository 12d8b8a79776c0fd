-- PostgreSQL twin of sqlite/V5.
CREATE INDEX digest_outbox_by_created ON digest_outbox (created_at, subscriber_id, period);
CREATE INDEX digest_outbox_by_subscriber ON digest_outbox (subscriber_id, created_at);
CREATE INDEX digest_papers_by_outbox ON digest_papers (outbox_id);
