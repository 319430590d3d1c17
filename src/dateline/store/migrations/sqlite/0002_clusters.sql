-- Schema version 2 (SQLite): near-duplicate clusters (MinHash signatures and LSH band keys),
-- the CAMEO root code and lead-paragraph flag on events. Existing rows are backfilled here
-- (root codes) and by the Python step dedup.backfill (signatures, clusters, lead flags).
ALTER TABLE articles ADD COLUMN cluster_id TEXT;
UPDATE articles SET cluster_id = id;
CREATE INDEX articles_cluster ON articles (cluster_id);

CREATE TABLE signatures (
  article_id TEXT NOT NULL PRIMARY KEY,
  minhash BLOB NOT NULL
);
CREATE TABLE bands (
  key INTEGER NOT NULL,
  article_id TEXT NOT NULL
);
CREATE INDEX bands_key ON bands (key);
CREATE INDEX bands_article ON bands (article_id);

ALTER TABLE events ADD COLUMN root_code TEXT;
ALTER TABLE events ADD COLUMN in_lead INTEGER;
UPDATE events SET root_code = substr(cameo, 1, 2);
CREATE INDEX events_root ON events (root_code, day);
