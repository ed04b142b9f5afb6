-- kb store, version 6: what a source is, and what it was built from
-- besides its bytes.
--
-- file: the file's canonical absolute path (symbolic links resolved),
-- so that one file is one source however its path was spelt
-- ("c/a.txt", "$PWD/c/a.txt", "c/../c/a.txt", a link to it); path stays
-- the name shown.  NULL for standard input, and for sources stored
-- before version 6 until an ingest meets their file again.
--
-- taxonomy: SHA-256 (hex) of the taxonomy its claims were tagged with;
-- sidecar: of the kb-sources.tsv row applied to it (NULL: none).  A
-- file whose bytes did not change is built again when either did (a
-- taxonomy switched during an ingest, an edited sidecar).  taxonomy is
-- NULL for sources stored before version 6: the next ingest builds
-- them again, once.
--
-- duplicate_of: the source whose bytes this one repeats (another file
-- with the same hash).  A duplicate is stored as a name only (no text,
-- units or claims), so that it counts once in every count and verdict
-- and is still listed.
ALTER TABLE source ADD COLUMN file TEXT;
ALTER TABLE source ADD COLUMN taxonomy TEXT;
ALTER TABLE source ADD COLUMN sidecar TEXT;
ALTER TABLE source ADD COLUMN duplicate_of INTEGER REFERENCES source(id);
CREATE UNIQUE INDEX source_file ON source(file);
CREATE INDEX source_hash ON source(hash);
-- kb's databases say so: kb changes no SQLite file without this mark
-- (or kb's tables, for one made before it).  "kbdb".
PRAGMA application_id = 1801610338;
