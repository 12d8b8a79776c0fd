-- PostgreSQL twin of sqlite/V7: the network each vote came from, and who viewed which paper on which day.
ALTER TABLE votes ADD COLUMN network TEXT;
CREATE INDEX votes_by_paper_network ON votes (paper_id, network);

CREATE TABLE paper_views (
    day      TEXT NOT NULL,
    paper_id TEXT NOT NULL,
    viewer   TEXT NOT NULL,
    network  TEXT NOT NULL,
    PRIMARY KEY (day, paper_id, viewer)
);
CREATE INDEX paper_views_by_network ON paper_views (day, paper_id, network);
