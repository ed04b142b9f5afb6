-- kb store, version 2: claims, the statements units are split into,
-- each tagged with subjects, dimensions, quantities and stances.
-- Claims are derived data: kb rebuilds a source's claims whenever the
-- source is ingested again or the taxonomy changes (kb init --taxonomy).

-- Units that are page furniture (read times, ads, related posts...):
-- kept and searchable, but never turned into claims.  NULL = content;
-- otherwise the rule that matched.
ALTER TABLE unit ADD COLUMN furniture TEXT;

CREATE TABLE claim (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,          -- order in the source
    kind       TEXT NOT NULL,             -- sentence, item, cell, comment
    byte_start INTEGER NOT NULL,          -- offsets into the source text
    byte_end   INTEGER NOT NULL,
    section    TEXT,
    row_header TEXT,                      -- table cells: the row's label
    col_header TEXT,                      -- table cells: the column's label
    text       TEXT NOT NULL
);
CREATE INDEX claim_source ON claim(source_id, seq);
CREATE INDEX claim_unit ON claim(unit_id);

CREATE TABLE claim_subject (
    claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    subject  TEXT NOT NULL,
    how      TEXT NOT NULL,               -- named, part, carried, column, heading
    PRIMARY KEY (claim_id, subject)
) WITHOUT ROWID;
CREATE INDEX claim_subject_by_subject ON claim_subject(subject);

CREATE TABLE claim_dimension (
    claim_id  INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    score     REAL NOT NULL,
    PRIMARY KEY (claim_id, dimension)
) WITHOUT ROWID;
CREATE INDEX claim_dimension_by_dimension ON claim_dimension(dimension);

CREATE TABLE claim_quantity (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    raw        TEXT NOT NULL,
    kind       TEXT NOT NULL,             -- count, percent, year, version, duration
    measure    TEXT,                      -- from the taxonomy, NULL if unknown
    unit       TEXT,
    subject    TEXT,
    low        REAL,                      -- NULL: unbounded
    high       REAL,
    low_open   INTEGER NOT NULL,
    high_open  INTEGER NOT NULL,
    approx     INTEGER NOT NULL,
    version    TEXT,
    byte_start INTEGER NOT NULL,
    byte_end   INTEGER NOT NULL
);
CREATE INDEX claim_quantity_claim ON claim_quantity(claim_id);
CREATE INDEX claim_quantity_measure ON claim_quantity(measure, subject);

CREATE TABLE claim_stance (
    claim_id  INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    subject   TEXT NOT NULL,
    dimension TEXT NOT NULL,
    polarity  INTEGER NOT NULL CHECK (polarity IN (-1, 0, 1)),
    versus    TEXT,
    PRIMARY KEY (claim_id, subject, dimension)
) WITHOUT ROWID;
