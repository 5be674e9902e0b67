-- rasd event store, schema version 1 (docs/storage.md).
-- Applied once by storage/sqlite_store.cc inside a transaction, which then
-- sets PRAGMA user_version = 1. Never edit a released migration: add 0002_*.sql.

-- One row per article. `id` is the caller's identifier (unique); `doc_key`
-- is the internal row key that entities, events and the full-text index use.
-- AUTOINCREMENT: a key is never reused, so full-text entries of a replaced
-- or deleted document (the index is contentless, see below) match nothing.
CREATE TABLE documents (
  doc_key      INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL DEFAULT '',
  date         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or ''
  title        TEXT NOT NULL DEFAULT '',
  url          TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL,              -- the input as valid UTF-8 (Document::text)
  content_hash TEXT NOT NULL,              -- 16 hex digits over id, date, source, title, url, text
  rasd_version TEXT NOT NULL DEFAULT '',   -- the engine that produced the rows below
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_source ON documents(source);

-- Document::entities, in text order. Offsets are BYTES into documents.text.
CREATE TABLE entities (
  doc_key     INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  type        TEXT NOT NULL,               -- PER ORG LOC GPE NORP ROLE DATE NUM MISC
  text        TEXT NOT NULL,
  begin_byte  INTEGER NOT NULL,
  end_byte    INTEGER NOT NULL,
  value       TEXT NOT NULL DEFAULT '',
  granularity TEXT NOT NULL DEFAULT '',
  qualifier   TEXT NOT NULL DEFAULT '',
  country     TEXT NOT NULL DEFAULT '',
  sector      TEXT NOT NULL DEFAULT '',
  code        TEXT NOT NULL DEFAULT '',
  cluster     INTEGER NOT NULL DEFAULT -1,
  roles       TEXT NOT NULL DEFAULT '',    -- role phrases joined by U+001F
  origin      TEXT NOT NULL DEFAULT '',    -- Entity::source: lexicon, ner, rule
  PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;
CREATE INDEX entities_code ON entities(code) WHERE code <> '';

-- Document::events, in text order.
CREATE TABLE events (
  doc_key          INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
  idx              INTEGER NOT NULL,       -- 0-based; the event id is "<doc id>-<idx+1>"
  type             TEXT NOT NULL,          -- PLOVER type
  mode             TEXT NOT NULL DEFAULT '',
  context          TEXT NOT NULL DEFAULT '', -- PLOVER contexts joined by U+001F
  cameo            TEXT NOT NULL DEFAULT '',
  date             TEXT NOT NULL DEFAULT '', -- the event's date, else the document's, else ''
  date_text        TEXT NOT NULL DEFAULT '',
  place            TEXT NOT NULL DEFAULT '',
  sentence_begin   INTEGER NOT NULL,       -- bytes into documents.text
  sentence_end     INTEGER NOT NULL,
  anchor_begin     INTEGER NOT NULL,
  anchor_end       INTEGER NOT NULL,
  anchor_text      TEXT NOT NULL,
  attribution_text TEXT NOT NULL DEFAULT '',
  attribution_code TEXT NOT NULL DEFAULT '',
  negated          INTEGER NOT NULL DEFAULT 0,
  modality         TEXT NOT NULL DEFAULT '',
  confidence       REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (doc_key, idx)
) WITHOUT ROWID;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_cameo ON events(cameo);

-- Event::actor and Event::recipient: one row per participant.
CREATE TABLE event_participants (
  doc_key   INTEGER NOT NULL,
  event_idx INTEGER NOT NULL,
  role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  pos       INTEGER NOT NULL,             -- order within the event's list
  text      TEXT NOT NULL DEFAULT '',
  code      TEXT NOT NULL DEFAULT '',
  country   TEXT NOT NULL DEFAULT '',
  sector    TEXT NOT NULL DEFAULT '',
  cluster   INTEGER NOT NULL DEFAULT -1,
  entity    INTEGER NOT NULL DEFAULT -1,  -- entities.idx or -1
  PRIMARY KEY (doc_key, event_idx, role, pos),
  FOREIGN KEY (doc_key, event_idx) REFERENCES events(doc_key, idx) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX participants_code ON event_participants(role, code);
CREATE INDEX participants_country ON event_participants(role, country);

-- Full-text index: rowid = documents.doc_key; `stems` holds, for every word
-- of the title and the text, its stem segment to the end of the token
-- (clitics و ف ب ل ك … removed), folded with rasd::NormalizeKey defaults, so
-- that الاردن and بالأردن both index as الاردن. Contentless (content=''):
-- the stems are not stored a second time (a third of the file otherwise).
-- SQLite 3.40 cannot delete from a contentless index without the old stems,
-- so a replaced document's old entries stay, unreachable (new doc_key); the
-- queries always join documents_fts rowids to live rows.
CREATE VIRTUAL TABLE documents_fts USING fts5(stems, content = '', tokenize = 'unicode61 remove_diacritics 0');
