-- dateline store, schema version 1 (SQLite): articles and everything found in them, with full-text search.
CREATE TABLE schema_version (
  version INTEGER NOT NULL PRIMARY KEY,
  applied TEXT NOT NULL,
  note TEXT
);

CREATE TABLE articles (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  path TEXT,
  format TEXT,
  domain TEXT,
  site TEXT,
  title TEXT,
  author TEXT,
  published TEXT,
  published_from TEXT,
  dateline_place TEXT,
  dateline_agency TEXT,
  text TEXT NOT NULL,
  json TEXT NOT NULL,
  added TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_domain ON articles (domain);

CREATE TABLE entities (
  article_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  actor_code TEXT,
  country TEXT,
  sector TEXT,
  role TEXT,
  actor_rule TEXT,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_actor ON entities (actor_code);
CREATE INDEX entities_name ON entities (name);

CREATE TABLE mentions (
  article_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  start_char INTEGER NOT NULL,
  end_char INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT
);
CREATE INDEX mentions_entity ON mentions (article_id, entity_id);

CREATE TABLE quotes (
  pk INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  cue TEXT,
  cue_start INTEGER,
  cue_end INTEGER,
  speaker TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  speaker_entity TEXT,
  speaker_name TEXT,
  speaker_code TEXT,
  rule TEXT,
  UNIQUE (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_name);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE events (
  pk INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  id TEXT NOT NULL,
  cameo TEXT NOT NULL,
  plover TEXT,
  mode TEXT,
  rule TEXT NOT NULL,
  source_text TEXT,
  source_code TEXT,
  source_country TEXT,
  source_sector TEXT,
  source_entity TEXT,
  source_start INTEGER,
  source_end INTEGER,
  target_text TEXT,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  target_entity TEXT,
  target_start INTEGER,
  target_end INTEGER,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  date TEXT,
  date_granularity TEXT,
  day TEXT,
  location_name TEXT,
  location_country TEXT,
  lat REAL,
  lon REAL,
  reported_by TEXT,
  goldstein REAL,
  quad_class INTEGER,
  UNIQUE (article_id, id)
);
CREATE INDEX events_source ON events (source_code, day);
CREATE INDEX events_target ON events (target_code, day);
CREATE INDEX events_source_country ON events (source_country, day);
CREATE INDEX events_target_country ON events (target_country, day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_plover ON events (plover, day);
CREATE INDEX events_day ON events (day);

-- Full-text search: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='pk', tokenize='porter unicode61');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (content, speaker_name, content='quotes', content_rowid='pk', tokenize='porter unicode61');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, content, speaker_name) VALUES (new.pk, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker_name) VALUES ('delete', old.pk, old.content, old.speaker_name);
END;
