-- rasd event store, schema version 3 (docs/storage.md): each event's intensity
-- (Goldstein score, QuadClass, PLOVER intensity, CAMEO title), its sentence's
-- number in the article and its resolved location. Rows stored by an older
-- rasd keep NULL scores and no location until re-ingested with --reprocess.
ALTER TABLE events ADD COLUMN goldstein REAL;
ALTER TABLE events ADD COLUMN quad_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN intensity REAL;
ALTER TABLE events ADD COLUMN cameo_name TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN sentence_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN loc_text TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc_country TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc_admin1 TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc_city TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc_lat REAL;
ALTER TABLE events ADD COLUMN loc_lon REAL;
ALTER TABLE events ADD COLUMN loc_precision TEXT NOT NULL DEFAULT '';
CREATE INDEX events_quad ON events(quad_class, date);
