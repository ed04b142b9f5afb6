-- kb store, version 3: kb writes the FTS index one source at a time
-- (INSERT INTO unit_fts ... SELECT ... WHERE source_id = ?) instead of by
-- row triggers.  SQLite 3.40's FTS5 flushes its pending data at every
-- statement savepoint, and inside a transaction each trigger-firing
-- INSERT opens one, so a trigger per row made every unit its own index
-- segment.  Anyone who edits `unit` by hand should then run
--   INSERT INTO unit_fts(unit_fts) VALUES ('rebuild');
DROP TRIGGER unit_ai;
DROP TRIGGER unit_ad;
DROP TRIGGER unit_au;
