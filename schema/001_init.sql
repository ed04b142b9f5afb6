-- kb store, version 1: sources, their text, the units of text (blocks,
-- later claims are built from them) and an FTS5 index over the units.
--
-- The index uses only FTS5's built-in tokenizer, so any SQLite client
-- (the sqlite3 shell, Python's sqlite3, Datasette) can query it:
--   SELECT u.text FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid
--    WHERE unit_fts MATCH 'gil' ORDER BY rank;
-- kb indexes unit.norm, a normalized copy of unit.text (NFKC, case
-- folded, accents and typographic quotes folded); see docs/design.md.

CREATE TABLE kb_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,   -- as given to kb ingest
    format      TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
    title       TEXT,
    site        TEXT,
    author      TEXT,
    date        TEXT,                   -- YYYY-MM-DD
    date_basis  TEXT,                   -- sidecar, meta, front-matter, text
    url         TEXT,
    hash        TEXT NOT NULL,          -- SHA-256 of the file's bytes
    size        INTEGER NOT NULL,       -- bytes of the file
    ingested_at TEXT NOT NULL           -- UTC, ISO 8601
);

-- The stored text: the file's bytes for text and Markdown, the extracted
-- text for HTML.  Unit offsets are byte offsets into it.
CREATE TABLE source_text (
    source_id INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
    body      TEXT NOT NULL
);

CREATE TABLE unit (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,        -- order in the source, from 0
    kind       TEXT NOT NULL,           -- heading, paragraph, item, row, quote, code
    level      INTEGER NOT NULL DEFAULT 0,
    byte_start INTEGER NOT NULL,
    byte_end   INTEGER NOT NULL,        -- exclusive
    section    TEXT,                    -- heading path, "A > B"
    text       TEXT NOT NULL,           -- body bytes byte_start..byte_end
    norm       TEXT NOT NULL,           -- matching form of text (indexed)
    UNIQUE (source_id, seq)
);

CREATE VIRTUAL TABLE unit_fts USING fts5(
    norm,
    content = 'unit',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER unit_ai AFTER INSERT ON unit BEGIN
    INSERT INTO unit_fts (rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER unit_ad AFTER DELETE ON unit BEGIN
    INSERT INTO unit_fts (unit_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;
CREATE TRIGGER unit_au AFTER UPDATE OF norm ON unit BEGIN
    INSERT INTO unit_fts (unit_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
    INSERT INTO unit_fts (rowid, norm) VALUES (new.id, new.norm);
END;
