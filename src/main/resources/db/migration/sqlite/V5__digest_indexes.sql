-- The scheduler asks every minute which periods were built since a time, and each due subscriber when its
-- last digest was built: covering indexes keep both off the table rows (which hold the mails' bodies).
CREATE INDEX digest_outbox_by_created ON digest_outbox (created_at, subscriber_id, period);
CREATE INDEX digest_outbox_by_subscriber ON digest_outbox (subscriber_id, created_at);
-- Deleting a subscriber cascades through digest_outbox to digest_papers by outbox_id.
CREATE INDEX digest_papers_by_outbox ON digest_papers (outbox_id);
