-- The client network (an opaque id keyed with the instance secret: an IPv4 address or an IPv6 /64, never the
-- address itself) each vote came from, so that one network's votes on a paper can be capped whatever cookies it
-- holds. Votes cast before this migration have none and count against no cap.
ALTER TABLE votes ADD COLUMN network TEXT;
CREATE INDEX votes_by_paper_network ON votes (paper_id, network);

-- Who has viewed which paper on which UTC day: a view counts once per viewer (visitor cookie id, or the network
-- id for requests without a cookie), and at most web.views-per-network-per-paper viewers of one network count.
-- Only today's and yesterday's rows are kept; the running total stays in paper_signals.views.
CREATE TABLE paper_views (
    day      TEXT NOT NULL,
    paper_id TEXT NOT NULL,
    viewer   TEXT NOT NULL,
    network  TEXT NOT NULL,
    PRIMARY KEY (day, paper_id, viewer)
) WITHOUT ROWID;
CREATE INDEX paper_views_by_network ON paper_views (day, paper_id, network);
