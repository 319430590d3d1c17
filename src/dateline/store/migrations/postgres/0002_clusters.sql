-- Schema version 2 (PostgreSQL): near-duplicate clusters (MinHash signatures and LSH band keys), each
-- event's first mention in its cluster with GDELT-style counts, the CAMEO root code and the
-- lead-paragraph flag. Root codes are backfilled here; the Python step dedup.backfill does the
-- rest (signatures, clusters, first mentions and counts, lead flags).
ALTER TABLE articles ADD COLUMN cluster_id TEXT;
UPDATE articles SET cluster_id = id;
CREATE INDEX articles_cluster ON articles (cluster_id);

CREATE TABLE signatures (
  article_id TEXT NOT NULL PRIMARY KEY,
  minhash BYTEA NOT NULL
);
CREATE TABLE bands (
  key BIGINT NOT NULL,
  article_id TEXT NOT NULL
);
CREATE INDEX bands_key ON bands (key);
CREATE INDEX bands_article ON bands (article_id);

ALTER TABLE events ADD COLUMN root_code TEXT;
ALTER TABLE events ADD COLUMN in_lead INTEGER;
ALTER TABLE events ADD COLUMN first_mention INTEGER;
ALTER TABLE events ADD COLUMN num_mentions INTEGER;
ALTER TABLE events ADD COLUMN num_articles INTEGER;
ALTER TABLE events ADD COLUMN num_sources INTEGER;
UPDATE events SET root_code = substr(cameo, 1, 2);
CREATE INDEX events_root ON events (root_code, day DESC NULLS LAST);
-- Covers counts and actor rankings over first mentions without reading the (wide) event rows.
CREATE INDEX events_summary ON events (first_mention, day, source_code, target_code, cameo, quad_class, goldstein);
