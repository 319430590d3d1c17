-- Schema version 3 (SQLite): each event's first mention in its near-duplicate cluster with its
-- GDELT-style counts (so deduplicated queries are a filter), a covering index for counts and actor
-- rankings, and the article's contract JSON stored compressed in `document` instead of `json`.
-- The Python step (migrate.first_mentions) fills `document`, drops `json` and counts the events.
ALTER TABLE articles ADD COLUMN document BLOB;

ALTER TABLE events ADD COLUMN first_mention INTEGER;
ALTER TABLE events ADD COLUMN num_mentions INTEGER;
ALTER TABLE events ADD COLUMN num_articles INTEGER;
ALTER TABLE events ADD COLUMN num_sources INTEGER;
CREATE INDEX events_summary ON events (first_mention, day, source_code, target_code, cameo, quad_class, goldstein);

-- Actor filters match code prefixes only since version 3; these served the country alternative.
DROP INDEX events_source_country;
DROP INDEX events_target_country;
