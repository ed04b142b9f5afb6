-- kb store, version 6: what a source was built from besides its bytes,
-- and files that repeat another's bytes.
--
-- taxonomy: SHA-256 (hex) of the taxonomy its claims were tagged with;
-- sidecar: of the kb-sources.tsv row applied to it (NULL: none).  A
-- file whose bytes did not change is built again when either did (a
-- taxonomy switched during an ingest, an edited sidecar).  taxonomy is
-- NULL for sources stored before version 6: the next ingest builds
-- them again, once.
--
-- duplicate_of: the source whose bytes this file repeats (the same
-- hash).  A duplicate is stored as a name only (no text, units or
-- claims), so that it counts once in every count and verdict and is
-- still listed.
ALTER TABLE source ADD COLUMN taxonomy TEXT;
ALTER TABLE source ADD COLUMN sidecar TEXT;
ALTER TABLE source ADD COLUMN duplicate_of INTEGER REFERENCES source(id);
CREATE INDEX source_hash ON source(hash);
