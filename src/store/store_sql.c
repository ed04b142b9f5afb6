/*
 * store_sql.c - the text of every SQL statement kb runs on its database,
 * indexed by the statement ids of store_int.h.  Each is prepared once,
 * on first use, by store_stmt (store_stmt.c); every value is bound.
 * Only the pragmas and the schema probe of store_open.c are elsewhere.
 */
#include "store_int.h"

/* A row of placeholders STORE_ROWS (16) times, for the multi-row
 * inserts. */
#define STORE_X2(r) r "," r
#define STORE_X4(r) STORE_X2(r) "," STORE_X2(r)
#define STORE_X8(r) STORE_X4(r) "," STORE_X4(r)
#define STORE_MANY(r) STORE_X8(r) "," STORE_X8(r)

const char *const store_sql[ST_COUNT] = {
    /* ---- transactions (store_stmt.c) ---- */
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SAVEPOINT] = "SAVEPOINT kb_source",
    [ST_RELEASE] = "RELEASE kb_source",
    [ST_ROLLBACK_TO] = "ROLLBACK TO kb_source",

    /* ---- settings (store_meta.c) ---- */
    [ST_META_GET] = "SELECT value FROM kb_meta WHERE key = ?1",
    [ST_META_SET] = "INSERT INTO kb_meta(key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",

    /* ---- sources and their text (store_source.c) ---- */
    /* a file by its canonical path, else a source from before those
     * were kept (or standard input) by its name */
    [ST_SOURCE_LOOKUP] =
        "SELECT id, hash, taxonomy, sidecar, duplicate_of, path, "
        " (SELECT hash FROM source o WHERE o.id = s.duplicate_of) FROM source s "
        "WHERE file = ?2 OR (path = ?1 AND (file IS NULL OR ?2 IS NULL)) ORDER BY file IS NOT ?2 LIMIT 1",
    [ST_SOURCE_PATH_TAKEN] = "SELECT 1 FROM source WHERE path = ?1 AND id != ?2",
    [ST_SOURCE_SAME_BYTES] =
        "SELECT id, path FROM source WHERE hash = ?1 AND duplicate_of IS NULL AND id != ?2 ORDER BY id LIMIT 1",
    [ST_SOURCE_BY_ID] = "SELECT id FROM source WHERE id = ?1",
    /* path ends with "/" || key: a user naming a file without its folder */
    [ST_SOURCE_SUFFIX] = "SELECT id, path FROM source WHERE substr(path, -length(?1) - 1) = '/' || ?1 "
                         "ORDER BY path LIMIT 3",
    [ST_SOURCE_INSERT] =
        "INSERT INTO source(path, format, title, site, author, date, date_basis, url, hash, size, ingested_at, "
        "taxonomy, sidecar, file, duplicate_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?14, ?15, "
        "nullif(?16, 0))",
    [ST_SOURCE_UPDATE] =
        "UPDATE source SET path = ?1, format = ?2, title = ?3, site = ?4, author = ?5, date = ?6, "
        "date_basis = ?7, url = ?8, hash = ?9, size = ?10, ingested_at = ?11, taxonomy = ?13, sidecar = ?14, "
        "file = ?15, duplicate_of = nullif(?16, 0) WHERE id = ?12",
    [ST_SOURCE_DELETE] = "DELETE FROM source WHERE id = ?1",
    [ST_SOURCE_FIRST_DUP] = "SELECT id, path, file, sidecar FROM source WHERE duplicate_of = ?1 ORDER BY id LIMIT 1",
    /* a duplicate takes over the rows of the source it repeats; its
     * sidecar row may differ, and then its metadata is rebuilt at the
     * next ingest */
    [ST_SOURCE_PROMOTE] = "UPDATE source SET path = ?2, file = ?3, "
                          "sidecar = CASE WHEN sidecar IS ?4 THEN sidecar ELSE 'changed' END WHERE id = ?1",
    [ST_SOURCE_TAXONOMY] = "UPDATE source SET taxonomy = ?2 WHERE id = ?1",
    [ST_TEXT_DELETE] = "DELETE FROM source_text WHERE source_id = ?1",
    [ST_TEXT_INSERT] = "INSERT INTO source_text(source_id, body) VALUES (?1, ?2)",
    /* a duplicate's text is that of the source it repeats */
    [ST_TEXT_GET] = "SELECT body FROM source_text WHERE source_id = "
                    "(SELECT coalesce(duplicate_of, id) FROM source WHERE id = ?1)",
    [ST_SOURCES] =
        "SELECT s.id, s.path, s.format, s.title, s.site, s.author, s.date, s.date_basis, s.url, s.hash, "
        "s.size, s.ingested_at, (SELECT count(*) FROM unit u WHERE u.source_id = s.id), s.duplicate_of "
        "FROM source s ORDER BY s.path",
    [ST_SOURCE_GET] =
        "SELECT s.id, s.path, s.format, s.title, s.site, s.author, s.date, s.date_basis, s.url, s.hash, "
        "s.size, s.ingested_at, (SELECT count(*) FROM unit u WHERE u.source_id = s.id), s.duplicate_of "
        "FROM source s WHERE s.id = ?1",
    [ST_SOURCE_IDS] = "SELECT id FROM source ORDER BY path",
    [ST_UNITS_DELETE] = "DELETE FROM unit WHERE source_id = ?1",

    /* ---- units and the FTS index (store_unit.c) ---- */
    /* the id first: NULL (SQLite picks it) or given (store_units_add) */
    [ST_UNIT_INSERT] =
        "INSERT OR FAIL INTO unit(id, source_id, seq, kind, level, byte_start, byte_end, section, text, norm, furniture) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_UNIT_INSERT_MANY] =
        "INSERT OR FAIL INTO unit(id, source_id, seq, kind, level, byte_start, byte_end, section, text, norm, furniture) "
        "VALUES " STORE_MANY("(?,?,?,?,?,?,?,?,?,?,?)"),
    [ST_UNIT_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM unit",
    [ST_UNITS_OF] = "SELECT id, seq, kind, level, byte_start, byte_end, section, text FROM unit "
                    "WHERE source_id = ?1 ORDER BY seq",
    [ST_UNIT_FURNITURE] = "UPDATE unit SET furniture = ?2 WHERE id = ?1",
    /* one statement per source, or per batch of sources: FTS5 flushes
     * at each statement savepoint */
    [ST_INDEX_SOURCE] = "INSERT INTO unit_fts(rowid, norm) SELECT id, norm FROM unit WHERE source_id = ?1",
    [ST_INDEX_UNITS] = "INSERT INTO unit_fts(rowid, norm) SELECT id, norm FROM unit WHERE id BETWEEN ?1 AND ?2",
    [ST_UNINDEX_SOURCE] = "INSERT INTO unit_fts(unit_fts, rowid, norm) "
                          "SELECT 'delete', id, norm FROM unit WHERE source_id = ?1",

    /* ---- search (store_search.c) ---- */
    [ST_SEARCH] =
        "SELECT u.id, u.source_id, u.seq, u.kind, u.level, u.byte_start, u.byte_end, u.section, u.text, "
        "s.path, s.title, s.date, bm25(unit_fts), highlight(unit_fts, 0, char(1), char(2)) "
        "FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid JOIN source s ON s.id = u.source_id "
        "WHERE unit_fts MATCH ?1 AND (?2 = 0 OR u.source_id = ?2) "
        "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM claim c JOIN claim_subject cs ON cs.claim_id = c.id "
        "     WHERE c.unit_id = u.id AND cs.subject = ?4)) "
        "AND (?5 IS NULL OR EXISTS (SELECT 1 FROM claim c JOIN claim_dimension cd ON cd.claim_id = c.id "
        "     WHERE c.unit_id = u.id AND cd.dimension = ?5)) "
        "ORDER BY bm25(unit_fts), u.id LIMIT ?3",
    /* ST_SEARCH without a filter, which is most searches.  FTS5 ranks
     * the matches itself (ORDER BY rank: a sort of rowid and score
     * alone), so highlight() and the joins run for the LIMIT rows kept
     * instead of for every match before ST_SEARCH's sort, which also
     * read every matching unit's text from disk.  Equal scores: FTS5
     * reads matches in rowid order and SQLite's sorter keeps equal keys
     * in the order they came, so the rows kept and their order are
     * those of "ORDER BY bm25(unit_fts), u.id" (tests/check_search.c). */
    [ST_SEARCH_TOP] =
        "SELECT u.id, u.source_id, u.seq, u.kind, u.level, u.byte_start, u.byte_end, u.section, u.text, "
        "s.path, s.title, s.date, t.r, t.hl "
        "FROM (SELECT rowid AS id, bm25(unit_fts) AS r, highlight(unit_fts, 0, char(1), char(2)) AS hl "
        "      FROM unit_fts WHERE unit_fts MATCH ?1 ORDER BY rank LIMIT ?2) t "
        "JOIN unit u ON u.id = t.id JOIN source s ON s.id = u.source_id "
        "ORDER BY t.r, t.id",

    /* ---- claims and their tags, written (store_claims.c) ---- */
    /* A source's claims with their tags, children first: the foreign
     * keys are declared, not enforced (store_open.c), so nothing
     * cascades. */
    [ST_CLAIM_SUBJECTS_CLEAR] =
        "DELETE FROM claim_subject WHERE claim_id IN (SELECT id FROM claim WHERE source_id = ?1)",
    [ST_CLAIM_DIMENSIONS_CLEAR] =
        "DELETE FROM claim_dimension WHERE claim_id IN (SELECT id FROM claim WHERE source_id = ?1)",
    [ST_CLAIM_QUANTITIES_CLEAR] =
        "DELETE FROM claim_quantity WHERE claim_id IN (SELECT id FROM claim WHERE source_id = ?1)",
    [ST_CLAIM_STANCES_CLEAR] =
        "DELETE FROM claim_stance WHERE claim_id IN (SELECT id FROM claim WHERE source_id = ?1)",
    [ST_CLAIMS_CLEAR] = "DELETE FROM claim WHERE source_id = ?1",
    [ST_CLAIM_INSERT] =
        "INSERT OR FAIL INTO claim(id, source_id, unit_id, seq, kind, byte_start, byte_end, section, row_header, "
        "col_header, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_CLAIM_INSERT_MANY] =
        "INSERT OR FAIL INTO claim(id, source_id, unit_id, seq, kind, byte_start, byte_end, section, row_header, "
        "col_header, text) VALUES " STORE_MANY("(?,?,?,?,?,?,?,?,?,?,?)"),
    [ST_CLAIM_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM claim",
    [ST_CLAIM_SUBJECT] = "INSERT OR IGNORE INTO claim_subject(claim_id, subject, how) VALUES (?1, ?2, ?3)",
    [ST_CLAIM_SUBJECT_MANY] =
        "INSERT OR IGNORE INTO claim_subject(claim_id, subject, how) VALUES " STORE_MANY("(?,?,?)"),
    [ST_CLAIM_DIMENSION] = "INSERT OR IGNORE INTO claim_dimension(claim_id, dimension, score) VALUES (?1, ?2, ?3)",
    [ST_CLAIM_DIMENSION_MANY] =
        "INSERT OR IGNORE INTO claim_dimension(claim_id, dimension, score) VALUES " STORE_MANY("(?,?,?)"),
    [ST_CLAIM_QUANTITY] =
        "INSERT OR FAIL INTO claim_quantity(claim_id, raw, kind, measure, unit, subject, low, high, low_open, "
        "high_open, approx, version, byte_start, byte_end) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    [ST_CLAIM_QUANTITY_MANY] =
        "INSERT OR FAIL INTO claim_quantity(claim_id, raw, kind, measure, unit, subject, low, high, low_open, "
        "high_open, approx, version, byte_start, byte_end) VALUES " STORE_MANY("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
    [ST_CLAIM_STANCE] = "INSERT OR IGNORE INTO claim_stance(claim_id, subject, dimension, polarity, versus) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_CLAIM_STANCE_MANY] = "INSERT OR IGNORE INTO claim_stance(claim_id, subject, dimension, polarity, versus) "
                             "VALUES " STORE_MANY("(?,?,?,?,?)"),

    /* ---- claims read back (store_facts.c) ---- */
    [ST_CLAIM_IDS] = "SELECT id, byte_start FROM claim WHERE source_id = ?1 ORDER BY seq",
    /* The tag lists are built here, by SQLite's JSON functions, so one
     * query gives a claim with all its tags. */
    [ST_CLAIMS] =
        "SELECT c.id, s.path, c.kind, c.byte_start, c.byte_end, c.section, c.text, "
        " (SELECT json_group_array(subject) FROM (SELECT subject FROM claim_subject WHERE claim_id = c.id ORDER BY subject)), "
        " (SELECT json_group_array(json_object('name', dimension, 'score', round(score, 2))) FROM "
        "   (SELECT dimension, score FROM claim_dimension WHERE claim_id = c.id ORDER BY score DESC, dimension)), "
        " (SELECT json_group_array(json_object('raw', raw, 'measure', measure, 'unit', unit, 'subject', subject, "
        "   'low', low, 'high', high, 'low_open', json(CASE low_open WHEN 1 THEN 'true' ELSE 'false' END), "
        "   'high_open', json(CASE high_open WHEN 1 THEN 'true' ELSE 'false' END), "
        "   'approx', json(CASE approx WHEN 1 THEN 'true' ELSE 'false' END), 'kind', kind, 'version', version)) "
        "   FROM (SELECT * FROM claim_quantity WHERE claim_id = c.id ORDER BY byte_start)), "
        " (SELECT json_group_array(json_object('subject', subject, 'dimension', dimension, 'polarity', polarity, "
        "   'versus', versus)) FROM (SELECT * FROM claim_stance WHERE claim_id = c.id ORDER BY subject, dimension)), "
        " (SELECT group_concat(subject, ', ') FROM (SELECT subject FROM claim_subject WHERE claim_id = c.id ORDER BY subject)), "
        " (SELECT group_concat(dimension || ' ' || printf('%.2f', score), ', ') FROM "
        "   (SELECT dimension, score FROM claim_dimension WHERE claim_id = c.id ORDER BY score DESC, dimension)), "
        " (SELECT group_concat(coalesce(measure, kind) || ' ' || "
        "   (CASE WHEN low IS NULL THEN '(' WHEN low_open THEN '(' ELSE '[' END) || coalesce(low, '-inf') || ', ' || "
        "   coalesce(high, 'inf') || (CASE WHEN high IS NULL THEN ')' WHEN high_open THEN ')' ELSE ']' END) || "
        "   (CASE WHEN approx THEN '~' ELSE '' END) || coalesce(' ' || subject, ''), '; ') FROM "
        "   (SELECT * FROM claim_quantity WHERE claim_id = c.id ORDER BY byte_start)), "
        " (SELECT group_concat(subject || ' ' || dimension || ' ' || (CASE polarity WHEN 1 THEN '+' WHEN -1 THEN '-' ELSE '0' END) "
        "   || coalesce(' vs ' || versus, ''), '; ') FROM (SELECT * FROM claim_stance WHERE claim_id = c.id ORDER BY subject, dimension)) "
        "FROM claim c JOIN source s ON s.id = c.source_id "
        "WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM claim_subject x WHERE x.claim_id = c.id AND x.subject = ?1)) "
        "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM claim_dimension x WHERE x.claim_id = c.id AND x.dimension = ?2)) "
        "AND (?3 = 0 OR c.source_id = ?3) "
        "ORDER BY s.path, c.seq",
    [ST_COUNTS] = "SELECT (SELECT count(*) FROM source WHERE duplicate_of IS NULL), (SELECT count(*) FROM unit)",
    [ST_STATS] =
        "SELECT 'total', 'sources', (SELECT count(*) FROM source WHERE duplicate_of IS NULL), "
        " (SELECT count(*) FROM source WHERE duplicate_of IS NOT NULL) "
        "UNION ALL SELECT 'total', 'units', (SELECT count(*) FROM unit), (SELECT count(*) FROM unit WHERE furniture IS NOT NULL) "
        "UNION ALL SELECT 'total', 'claims', (SELECT count(*) FROM claim), 0 "
        "UNION ALL SELECT 'total', 'quantities', (SELECT count(*) FROM claim_quantity), 0 "
        "UNION ALL SELECT 'total', 'stances', (SELECT count(*) FROM claim_stance), 0 "
        "UNION ALL SELECT * FROM (SELECT 'source', s.path, (SELECT count(*) FROM claim c WHERE c.source_id = s.id), "
        "  (SELECT count(*) FROM unit u WHERE u.source_id = s.id AND u.furniture IS NOT NULL) FROM source s "
        "  WHERE s.duplicate_of IS NULL ORDER BY s.path) "
        "UNION ALL SELECT * FROM (SELECT 'subject', subject, count(*), 0 FROM claim_subject GROUP BY subject ORDER BY 3 DESC, 2) "
        "UNION ALL SELECT * FROM (SELECT 'dimension', dimension, count(*), 0 FROM claim_dimension GROUP BY dimension ORDER BY 3 DESC, 2) "
        "UNION ALL SELECT * FROM (SELECT 'measure', coalesce(measure, '(none)'), count(*), 0 FROM claim_quantity GROUP BY 2 ORDER BY 3 DESC, 2)",
    [ST_STANCE_FACTS] =
        "SELECT c.id, c.source_id, c.byte_start, c.byte_end, c.text, x.subject, x.dimension, x.polarity, x.versus "
        "FROM claim_stance x JOIN claim c ON c.id = x.claim_id JOIN source s ON s.id = c.source_id "
        /* only claims that name their subject (not inherited from a
         * heading or the previous sentence) and are mainly about the
         * dimension: a judgement someone could be quoted on */
        "WHERE EXISTS (SELECT 1 FROM claim_subject cs WHERE cs.claim_id = c.id AND cs.subject = x.subject "
        "              AND cs.how IN ('named', 'part', 'column')) "
        "AND x.dimension = (SELECT dimension FROM claim_dimension d WHERE d.claim_id = c.id "
        "                   ORDER BY score DESC, dimension LIMIT 1) "
        "ORDER BY x.subject, x.dimension, s.path, c.seq",
    [ST_QUANTITY_FACTS] =
        "SELECT c.id, c.source_id, c.byte_start, c.byte_end, c.text, q.subject, "
        " (SELECT dimension FROM claim_dimension d WHERE d.claim_id = c.id ORDER BY score DESC, dimension LIMIT 1), "
        " q.measure, q.raw, q.kind, q.unit, q.version, q.low, q.high, q.low_open, q.high_open, q.approx "
        "FROM claim_quantity q JOIN claim c ON c.id = q.claim_id JOIN source s ON s.id = c.source_id "
        "WHERE q.subject IS NOT NULL AND q.measure IS NOT NULL "
        "ORDER BY q.subject, q.measure, s.path, c.seq, q.byte_start",
    [ST_SOURCE_YEARS] =
        "SELECT c.source_id, CAST(max(q.low) AS INTEGER) FROM claim_quantity q JOIN claim c ON c.id = q.claim_id "
        "WHERE q.kind = 'year' AND q.low BETWEEN 1900 AND ?1 GROUP BY c.source_id ORDER BY c.source_id",
};
