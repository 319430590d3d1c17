-- Schema version 3 (PostgreSQL): each event's first mention in its near-duplicate cluster with its
-- GDELT-style counts (so deduplicated queries are a filter), a covering index for counts and actor
-- rankings, day indexes in listing order (newest first, undated last), and the article's contract
-- JSON stored compressed in `document` instead of `json`. The Python step (migrate.first_mentions)
-- fills `document`, drops `json` and counts the events.
ALTER TABLE articles ADD COLUMN document BYTEA;

ALTER TABLE events ADD COLUMN first_mention INTEGER;
ALTER TABLE events ADD COLUMN num_mentions INTEGER;
ALTER TABLE events ADD COLUMN num_articles INTEGER;
ALTER TABLE events ADD COLUMN num_sources INTEGER;
CREATE INDEX events_summary ON events (first_mention, day, source_code, target_code, cameo, quad_class, goldstein);

-- Actor filters match code prefixes only since version 3; these served the country alternative.
DROP INDEX events_source_country;
DROP INDEX events_target_country;

-- A plain (day) index read backwards gives NULLS FIRST; listings want DESC NULLS LAST.
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_cameo;
DROP INDEX events_plover;
DROP INDEX events_day;
DROP INDEX events_root;
CREATE INDEX events_source ON events (source_code text_pattern_ops, day DESC NULLS LAST);
CREATE INDEX events_target ON events (target_code text_pattern_ops, day DESC NULLS LAST);
CREATE INDEX events_cameo ON events (cameo text_pattern_ops, day DESC NULLS LAST);
CREATE INDEX events_plover ON events (plover, day DESC NULLS LAST);
CREATE INDEX events_day ON events (day DESC NULLS LAST, pk DESC);
CREATE INDEX events_root ON events (root_code, day DESC NULLS LAST);
