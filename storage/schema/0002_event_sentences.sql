-- rasd event store, schema version 2 (docs/storage.md).
-- Each event row keeps its sentence, and a covering index holds the document
-- fields a query returns, so listing events never reads whole article texts:
-- a filtered query over hundreds of rows stays within milliseconds.
ALTER TABLE events ADD COLUMN sentence TEXT NOT NULL DEFAULT '';
UPDATE events SET sentence = (
  SELECT CAST(substr(CAST(d.text AS BLOB), events.sentence_begin + 1, events.sentence_end - events.sentence_begin) AS TEXT)
  FROM documents d WHERE d.doc_key = events.doc_key);
CREATE INDEX documents_meta ON documents(doc_key, id, source, title, url);
