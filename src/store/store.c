/*
 * store.c - every SQL statement kb runs, over one sqlite3 handle.
 *
 * Statements are kept in a cache indexed by an enum (as FTS5's
 * fts5_storage.c does): prepared on first use, reset after each use,
 * values always bound.  Errors carry SQLite's message and the database
 * path; nothing here prints.
 */
#include "store.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "util.h"


/* A row of placeholders STORE_ROWS (16) times, for the multi-row
 * inserts. */
#define STORE_X2(r) r "," r
#define STORE_X4(r) STORE_X2(r) "," STORE_X2(r)
#define STORE_X8(r) STORE_X4(r) "," STORE_X4(r)
#define STORE_MANY(r) STORE_X8(r) "," STORE_X8(r)

static const char *const store_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SAVEPOINT] = "SAVEPOINT kb_source",
    [ST_RELEASE] = "RELEASE kb_source",
    [ST_ROLLBACK_TO] = "ROLLBACK TO kb_source",
    [ST_META_GET] = "SELECT value FROM kb_meta WHERE key = ?1",
    [ST_META_SET] = "INSERT INTO kb_meta(key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
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
    [ST_UNITS_DELETE] = "DELETE FROM unit WHERE source_id = ?1",
    [ST_TEXT_DELETE] = "DELETE FROM source_text WHERE source_id = ?1",
    [ST_TEXT_INSERT] = "INSERT INTO source_text(source_id, body) VALUES (?1, ?2)",
    /* a duplicate's text is that of the source it repeats */
    [ST_TEXT_GET] = "SELECT body FROM source_text WHERE source_id = "
                    "(SELECT coalesce(duplicate_of, id) FROM source WHERE id = ?1)",
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
    [ST_SOURCES] =
        "SELECT s.id, s.path, s.format, s.title, s.site, s.author, s.date, s.date_basis, s.url, s.hash, "
        "s.size, s.ingested_at, (SELECT count(*) FROM unit u WHERE u.source_id = s.id), s.duplicate_of "
        "FROM source s ORDER BY s.path",
    [ST_SOURCE_GET] =
        "SELECT s.id, s.path, s.format, s.title, s.site, s.author, s.date, s.date_basis, s.url, s.hash, "
        "s.size, s.ingested_at, (SELECT count(*) FROM unit u WHERE u.source_id = s.id), s.duplicate_of "
        "FROM source s WHERE s.id = ?1",
    [ST_COUNTS] = "SELECT (SELECT count(*) FROM source WHERE duplicate_of IS NULL), (SELECT count(*) FROM unit)",
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
    [ST_UNIT_FURNITURE] = "UPDATE unit SET furniture = ?2 WHERE id = ?1",
    /* A source's claims with their tags, children first: kb runs with
     * foreign keys off (see store_open), so nothing cascades. */
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
    [ST_SOURCE_IDS] = "SELECT id FROM source ORDER BY path",
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
    /* one statement per source, or per batch of sources: FTS5 flushes
     * at each statement savepoint */
    [ST_INDEX_SOURCE] = "INSERT INTO unit_fts(rowid, norm) SELECT id, norm FROM unit WHERE source_id = ?1",
    [ST_INDEX_UNITS] = "INSERT INTO unit_fts(rowid, norm) SELECT id, norm FROM unit WHERE id BETWEEN ?1 AND ?2",
    [ST_UNINDEX_SOURCE] = "INSERT INTO unit_fts(unit_fts, rowid, norm) "
                          "SELECT 'delete', id, norm FROM unit WHERE source_id = ?1",
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
};



int store_fail(store *st, char **err, const char *what)
{
    kb_seterr(err, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
    /* a full disk, an I/O error, no memory: SQLite may have rolled the
     * whole transaction back, not just the statement */
    if (st->writing && sqlite3_get_autocommit(st->db)) st->writing = 0;
    return KB_ERR;
}

/* End the snapshot of reads (see store.h), if one is open. */
static int store_end_read(store *st, char **err)
{
    if (!st->reading) return KB_OK;
    st->reading = 0;
    sqlite3_stmt *s = store_stmt(st, ST_COMMIT, err);
    return s ? store_exec_stmt(st, s, SQLITE_OK, err, "ending a read") : KB_ERR;
}

/* The cached statement for id, reset and with bindings cleared.  Every
 * statement but transaction control passes here, which is where the
 * snapshot of store.h is kept: a read in autocommit mode opens it (a
 * deferred BEGIN: the snapshot is taken at the read's first step), and
 * a write outside store_begin's transaction is refused: run in
 * autocommit after SQLite rolled a failed batch back, it would store
 * part of a source.  (store_begin ends the snapshot first: a read
 * transaction upgraded to a write one skips the busy timeout.) */
sqlite3_stmt *store_stmt(store *st, int id, char **err)
{
    if (!st->stmt[id]) {
        if (sqlite3_prepare_v3(st->db, store_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                               &st->stmt[id], NULL) != SQLITE_OK) {
            store_fail(st, err, "preparing a statement");
            st->stmt[id] = NULL;
            return NULL;
        }
    }
    if (id > ST_ROLLBACK_TO) {
        int ro = sqlite3_stmt_readonly(st->stmt[id]);
        if (ro && sqlite3_get_autocommit(st->db)) {
            if (store_exec(st, "BEGIN", err, "starting a read")) return NULL;
            st->reading = 1;
        } else if (!ro && !st->writing) {
            kb_seterr(err, "%s: a write outside a transaction (it was rolled back after an error, or never begun)",
                      st->path);
            return NULL;
        }
    }
    return st->stmt[id];
}

/* Finish with a statement: reset it (the error of a failed step shows
 * again at reset) and clear bindings so no pointer outlives the call. */
void store_done(sqlite3_stmt *s)
{
    if (!s) return;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

int store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    return v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

/* Run a statement that returns no rows.  Binding errors surface here. */
int store_exec_stmt(store *st, sqlite3_stmt *s, int brc, char **err, const char *what)
{
    int rc = brc == SQLITE_OK ? sqlite3_step(s) : brc;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_fail(st, err, what);
        store_done(s);
        return KB_ERR;
    }
    store_done(s);
    return KB_OK;
}

static int store_simple(store *st, int id, char **err, const char *what)
{
    sqlite3_stmt *s = store_stmt(st, id, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, SQLITE_OK, err, what);
}

int store_insert_rows(store *st, int one, int many, int ncol, size_t n, store_bind_fn bind, const void *ctx,
                      char **err, const char *what)
{
    for (size_t i = 0; i < n;) {
        size_t k = n - i >= STORE_ROWS ? STORE_ROWS : 1;
        sqlite3_stmt *s = store_stmt(st, k > 1 ? many : one, err);
        if (!s) return KB_ERR;
        int rc = SQLITE_OK;
        for (size_t r = 0; r < k && rc == SQLITE_OK; r++) rc = bind(s, (int)r * ncol + 1, i + r, ctx);
        if (store_exec_stmt(st, s, rc, err, what)) return KB_ERR;
        i += k;
    }
    return KB_OK;
}

int store_next_id(store *st, int next_id, size_t n, long long *id, char **err)
{
    sqlite3_stmt *s = store_stmt(st, next_id, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_step(s);
    int integer = rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_INTEGER;
    if (integer) *id = sqlite3_column_int64(s, 0);
    store_done(s);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading the next id");
    /* past the largest id there is (max + 1 overflowed to a real), SQLite
     * would pick ids at random: kb does not */
    if (!integer || *id <= 0 || *id > LLONG_MAX - (long long)n)
        return kb_seterr(err, "%s: no row ids left", st->path);
    return KB_OK;
}

int store_exec(store *st, const char *sql, char **err, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        kb_seterr(err, "%s: %s: %s", st->path, what, msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return KB_ERR;
    }
    return KB_OK;
}

void store_close(store *st)
{
    if (!st) return;
    store_end_read(st, NULL);
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

sqlite3 *store_db(store *st) { return st->db; }

int store_begin(store *st, char **err)
{
    if (store_end_read(st, err)) return KB_ERR;
    if (store_simple(st, ST_BEGIN, err, "starting a transaction")) return KB_ERR;
    st->writing = 1;
    return KB_OK;
}

int store_commit(store *st, char **err)
{
    int rc = store_simple(st, ST_COMMIT, err, "committing");
    /* a failed COMMIT may leave the transaction open (SQLITE_BUSY) or
     * gone (an I/O error): the caller rolls back either way */
    if (rc == KB_OK || sqlite3_get_autocommit(st->db)) st->writing = 0;
    return rc;
}

int store_in_write(store *st)
{
    return st->writing && !sqlite3_get_autocommit(st->db);
}
int store_savepoint(store *st, char **err) { return store_simple(st, ST_SAVEPOINT, err, "starting a savepoint"); }
int store_release(store *st, char **err) { return store_simple(st, ST_RELEASE, err, "releasing a savepoint"); }

void store_rollback(store *st)
{
    if (!sqlite3_get_autocommit(st->db)) store_simple(st, ST_ROLLBACK, NULL, "rolling back");
    st->reading = 0;
    st->writing = 0;
}

void store_rollback_savepoint(store *st)
{
    if (sqlite3_get_autocommit(st->db)) return;
    if (store_simple(st, ST_ROLLBACK_TO, NULL, "rolling back") == KB_OK)
        store_simple(st, ST_RELEASE, NULL, "releasing a savepoint");
}

int store_meta_get(store *st, const char *key, char **value, char **err)
{
    *value = NULL;
    sqlite3_stmt *s = store_stmt(st, ST_META_GET, err);
    if (!s) return KB_ERR;
    /* a failed bind shows as the step's code */
    int rc = sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) *value = kb_strdup((const char *)sqlite3_column_text(s, 0));
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        store_fail(st, err, "reading settings");
        store_done(s);
        return KB_ERR;
    }
    store_done(s);
    return KB_OK;
}

int store_meta_set(store *st, const char *key, const char *value, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_META_SET, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
    return store_exec_stmt(st, s, rc, err, "writing settings");
}

int store_source_lookup(store *st, const char *path, const char *file, store_found *out, char **err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_LOOKUP, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, file);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        out->hash = kb_strdup(store_col(s, 1));
        out->taxonomy = kb_strdup(store_col(s, 2));
        out->sidecar = kb_strdup(store_col(s, 3));
        out->duplicate_of = sqlite3_column_int64(s, 4);
        out->path = kb_strdup(store_col(s, 5));
        out->original_hash = kb_strdup(store_col(s, 6));
    }
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source");
    return KB_OK;
}

void store_found_clear(store_found *f)
{
    free(f->hash);
    free(f->taxonomy);
    free(f->sidecar);
    free(f->path);
    free(f->original_hash);
    memset(f, 0, sizeof *f);
}

int store_source_resolve(store *st, const char *key, long long *id, char **err)
{
    *id = 0;
    store_found f;
    /* its name, or the file it names however spelt */
    char *file = realpath(key, NULL);
    int rc0 = store_source_lookup(st, key, file, &f, err);
    free(file);
    if (rc0) return KB_ERR;
    *id = f.id;
    store_found_clear(&f);
    if (*id) return KB_OK;
    /* a number names a source id */
    char *end = NULL;
    long long n = strtoll(key, &end, 10);
    if (*key && end && *end == '\0' && n > 0) {
        sqlite3_stmt *s = store_stmt(st, ST_SOURCE_BY_ID, err);
        if (!s) return KB_ERR;
        int rc = sqlite3_bind_int64(s, 1, n);
        if (rc == SQLITE_OK) rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) *id = n;
        store_done(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source");
        if (*id) return KB_OK;
    }
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_SUFFIX, err);
    if (!s) return KB_ERR;
    if (sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC) != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "looking up a source");
    }
    int found = 0, rc;
    char *first = NULL, *second = NULL;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (found == 0) {
            *id = sqlite3_column_int64(s, 0);
            first = kb_strdup((const char *)sqlite3_column_text(s, 1));
        } else if (found == 1) {
            second = kb_strdup((const char *)sqlite3_column_text(s, 1));
        }
        found++;
    }
    store_done(s);
    int ret = KB_OK;
    if (rc != SQLITE_DONE) ret = store_fail(st, err, "looking up a source");
    else if (found == 0) ret = kb_seterr(err, "no source matches '%s' (see `kb sources`)", key);
    else if (found > 1)
        ret = kb_seterr(err, "'%s' matches several sources (%s, %s%s); give the full path", key,
                        first, second, found > 2 ? ", ..." : "");
    if (ret) *id = 0;
    free(first);
    free(second);
    return ret;
}

static void store_now(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        strcpy(out, "1970-01-01T00:00:00Z");
}

int store_source_put(store *st, const store_source *src, long long *id_inout, char **err)
{
    long long id = *id_inout;
    if (id) {
        /* Replacing: drop the derived rows first, the index entries
         * while the units still hold the text they were indexed with. */
        if (store_unindex_source(st, id, err) || store_claims_clear(st, id, err)) return KB_ERR;
        sqlite3_stmt *s = store_stmt(st, ST_UNITS_DELETE, err);
        if (!s || store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, id), err, "deleting old units"))
            return KB_ERR;
        s = store_stmt(st, ST_TEXT_DELETE, err);
        if (!s || store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, id), err, "deleting old text"))
            return KB_ERR;
    }
    sqlite3_stmt *s = store_stmt(st, id ? ST_SOURCE_UPDATE : ST_SOURCE_INSERT, err);
    if (!s) return KB_ERR;
    char now[32];
    store_now(now);
    int rc = SQLITE_OK;
    const char *vals[] = {src->path, src->format, src->title, src->site, src->author,
                          src->date, src->date_basis, src->url, src->hash};
    for (int i = 0; i < 9 && rc == SQLITE_OK; i++) rc = store_bind_text(s, i + 1, vals[i]);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 10, src->size);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(s, 11, now, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK && id) rc = sqlite3_bind_int64(s, 12, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 13, src->taxonomy);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 14, src->sidecar);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 15, src->file);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 16, src->duplicate_of);
    if (store_exec_stmt(st, s, rc, err, "writing a source")) return KB_ERR;
    if (!id) *id_inout = sqlite3_last_insert_rowid(st->db);
    return KB_OK;
}

int store_source_path_taken(store *st, const char *path, long long id, int *taken, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_PATH_TAKEN, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    *taken = rc == SQLITE_ROW;
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source's name");
    return KB_OK;
}

int store_source_same_bytes(store *st, const char *hash, long long id, long long *other, char **path, char **err)
{
    *other = 0;
    if (path) *path = NULL;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_SAME_BYTES, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *other = sqlite3_column_int64(s, 0);
        if (path) *path = kb_strdup(store_col(s, 1));
    }
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source's bytes");
    return KB_OK;
}

int store_source_set_taxonomy(store *st, long long id, const char *stamp, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_TAXONOMY, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, stamp);
    return store_exec_stmt(st, s, rc, err, "recording a source's taxonomy");
}

int store_text_put(store *st, long long source_id, const char *body, size_t len, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_TEXT_INSERT, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, source_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, 2, body, len, SQLITE_STATIC, SQLITE_UTF8);
    return store_exec_stmt(st, s, rc, err, "writing source text");
}

int store_index_source(store *st, long long source_id, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_INDEX_SOURCE, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, source_id), err, "indexing a source");
}

int store_index_units(store *st, long long first, long long last, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_INDEX_UNITS, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, first);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, last);
    return store_exec_stmt(st, s, rc, err, "indexing units");
}

int store_unindex_source(store *st, long long source_id, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_UNINDEX_SOURCE, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, source_id), err, "unindexing a source");
}

/* Bind unit u with id (0: NULL, SQLite picks it) from parameter b on. */
static int store_bind_unit(sqlite3_stmt *s, int b, const store_unit *u, long long id)
{
    int rc = id ? sqlite3_bind_int64(s, b, id) : sqlite3_bind_null(s, b);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 1, u->source_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 2, u->seq);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(s, b + 3, u->kind, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, b + 4, u->level);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 5, u->start);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 6, u->end);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 7, u->section);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, b + 8, u->text, u->text_len, SQLITE_STATIC, SQLITE_UTF8);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, b + 9, u->norm, u->norm_len, SQLITE_STATIC, SQLITE_UTF8);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 10, u->furniture);
    return rc;
}

int store_unit_add(store *st, const store_unit *u, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_UNIT_INSERT, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, store_bind_unit(s, 1, u, 0), err, "writing a unit");
}

typedef struct store_unit_rows {
    const store_unit *u;
    const long long *ids;
} store_unit_rows;

static int store_bind_unit_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    const store_unit_rows *r = ctx;
    return store_bind_unit(s, first, &r->u[i], r->ids[i]);
}

int store_units_add(store *st, const store_unit *u, size_t n, long long *ids, char **err)
{
    long long next = 0;
    if (n == 0) return KB_OK;
    if (store_next_id(st, ST_UNIT_NEXT_ID, n, &next, err)) return KB_ERR;
    for (size_t i = 0; i < n; i++) ids[i] = next + (long long)i;
    store_unit_rows r = {u, ids};
    return store_insert_rows(st, ST_UNIT_INSERT, ST_UNIT_INSERT_MANY, 11, n, store_bind_unit_row, &r, err,
                             "writing a unit");
}

/* Source id's first duplicate, if it has one, takes over its rows (they
 * are the duplicate's too: the same bytes) and its name-only row goes.
 * *done: whether there was one. */
static int store_source_promote(store *st, long long id, int *done, char **err)
{
    *done = 0;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_FIRST_DUP, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    long long dup = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    char *path = dup ? kb_strdup(store_col(s, 1)) : NULL, *file = dup ? kb_strdup(store_col(s, 2)) : NULL,
         *sidecar = dup ? kb_strdup(store_col(s, 3)) : NULL;
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up duplicates");
    if (!dup) return KB_OK;
    int ok = KB_ERR;
    s = store_stmt(st, ST_SOURCE_DELETE, err);
    if (!s || store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, dup), err, "removing a source")) goto done;
    s = store_stmt(st, ST_SOURCE_PROMOTE, err);
    if (!s) goto done;
    rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, path);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 3, file);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 4, sidecar);
    if (store_exec_stmt(st, s, rc, err, "handing a source to its duplicate")) goto done;
    *done = 1;
    ok = KB_OK;
done:
    free(path);
    free(file);
    free(sidecar);
    return ok;
}

int store_source_delete(store *st, long long id, char **err)
{
    int promoted;
    if (store_source_promote(st, id, &promoted, err)) return KB_ERR;
    if (promoted) return KB_OK;
    /* Index entries first (they need the units' text), then the rows,
     * children before parents. */
    if (store_claims_clear(st, id, err)) return KB_ERR;
    static const int order[] = {ST_UNINDEX_SOURCE, ST_UNITS_DELETE, ST_TEXT_DELETE, ST_SOURCE_DELETE};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        sqlite3_stmt *s = store_stmt(st, order[i], err);
        if (!s || store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, id), err, "removing a source"))
            return KB_ERR;
    }
    /* another process may have removed it since the caller looked it up */
    if (sqlite3_changes(st->db) == 0) return kb_seterr(err, "%s: no source %lld (removed meanwhile?)", st->path, id);
    return KB_OK;
}

const char *store_col(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

static void store_read_source(sqlite3_stmt *s, store_source *o)
{
    o->id = sqlite3_column_int64(s, 0);
    o->path = store_col(s, 1);
    o->format = store_col(s, 2);
    o->title = store_col(s, 3);
    o->site = store_col(s, 4);
    o->author = store_col(s, 5);
    o->date = store_col(s, 6);
    o->date_basis = store_col(s, 7);
    o->url = store_col(s, 8);
    o->hash = store_col(s, 9);
    o->size = sqlite3_column_int64(s, 10);
    o->ingested_at = store_col(s, 11);
    o->units = sqlite3_column_int64(s, 12);
    o->duplicate_of = sqlite3_column_int64(s, 13);
}

int store_sources(store *st, store_source_fn fn, void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCES, err);
    if (!s) return KB_ERR;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_source o;
        store_read_source(s, &o);
        if (fn(ctx, &o)) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "listing sources");
    return KB_OK;
}

int store_source_get(store *st, long long id, store_source *out, char **err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_GET, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        store_source o;
        store_read_source(s, &o);
        *out = o;
        const char **f[] = {&out->path, &out->format, &out->title, &out->site, &out->author,
                            &out->date, &out->date_basis, &out->url, &out->hash, &out->ingested_at};
        for (size_t i = 0; i < sizeof f / sizeof *f; i++) *f[i] = kb_strdup(*f[i]);
    }
    store_done(s);
    if (rc == SQLITE_DONE) return kb_seterr(err, "no source with id %lld", id);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading a source");
    return KB_OK;
}

void store_source_clear(store *st, store_source *s)
{
    (void)st;
    const char *f[] = {s->path, s->format, s->title, s->site, s->author,
                       s->date, s->date_basis, s->url, s->hash, s->ingested_at};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) free((char *)f[i]);
    memset(s, 0, sizeof *s);
}

int store_text_get(store *st, long long id, char **body, size_t *len, char **err)
{
    *body = NULL;
    *len = 0;
    sqlite3_stmt *s = store_stmt(st, ST_TEXT_GET, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *len = (size_t)sqlite3_column_bytes(s, 0);
        *body = kb_strndup((const char *)sqlite3_column_text(s, 0), *len);
    }
    store_done(s);
    if (rc == SQLITE_DONE) return kb_seterr(err, "no text stored for source %lld", id);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading source text");
    return KB_OK;
}

static void store_read_unit(sqlite3_stmt *s, int base, store_unit *u)
{
    u->id = sqlite3_column_int64(s, base + 0);
    u->seq = sqlite3_column_int64(s, base + 1);
    u->kind = store_col(s, base + 2);
    u->level = sqlite3_column_int(s, base + 3);
    u->start = sqlite3_column_int64(s, base + 4);
    u->end = sqlite3_column_int64(s, base + 5);
    u->section = store_col(s, base + 6);
    u->text = store_col(s, base + 7);
    u->text_len = (size_t)sqlite3_column_bytes(s, base + 7);
    u->norm = NULL;
    u->norm_len = 0;
    u->furniture = NULL;
}

int store_units(store *st, long long source_id, store_unit_fn fn, void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_UNITS_OF, err);
    if (!s) return KB_ERR;
    if (sqlite3_bind_int64(s, 1, source_id) != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "reading units");
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_unit u;
        store_read_unit(s, 0, &u);
        u.source_id = source_id;
        if (fn(ctx, &u)) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "reading units");
    return KB_OK;
}

int store_counts(store *st, long long *sources, long long *units, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_COUNTS, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *sources = sqlite3_column_int64(s, 0);
        *units = sqlite3_column_int64(s, 1);
    }
    store_done(s);
    if (rc != SQLITE_ROW) return store_fail(st, err, "counting");
    return KB_OK;
}

int store_search(store *st, const char *match, long long source_id, int limit, const char *subject,
                 const char *dimension, int (*fn)(void *ctx, const store_hit *h), void *ctx, char **err)
{
    int top = source_id == 0 && !subject && !dimension;
    sqlite3_stmt *s = store_stmt(st, top ? ST_SEARCH_TOP : ST_SEARCH, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
    if (top) {
        if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, 2, limit);
    } else {
        if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, source_id);
        if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, 3, limit);
        if (rc == SQLITE_OK) rc = store_bind_text(s, 4, subject);
        if (rc == SQLITE_OK) rc = store_bind_text(s, 5, dimension);
    }
    if (rc != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "searching");
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_hit h;
        memset(&h, 0, sizeof h);
        h.unit.id = sqlite3_column_int64(s, 0);
        h.unit.source_id = sqlite3_column_int64(s, 1);
        h.unit.seq = sqlite3_column_int64(s, 2);
        h.unit.kind = store_col(s, 3);
        h.unit.level = sqlite3_column_int(s, 4);
        h.unit.start = sqlite3_column_int64(s, 5);
        h.unit.end = sqlite3_column_int64(s, 6);
        h.unit.section = store_col(s, 7);
        h.unit.text = store_col(s, 8);
        h.unit.text_len = (size_t)sqlite3_column_bytes(s, 8);
        h.path = store_col(s, 9);
        h.title = store_col(s, 10);
        h.date = store_col(s, 11);
        h.rank = sqlite3_column_double(s, 12);
        h.hl = store_col(s, 13);
        h.hl_len = (size_t)sqlite3_column_bytes(s, 13);
        if (fn(ctx, &h)) {
            store_done(s);
            return KB_ERR;
        }
    }
    if (rc != SQLITE_DONE) {
        /* A bad MATCH expression is the user's input, not a failure of
         * the store: report SQLite's own one-line message. */
        int bad = (rc & 0xff) == SQLITE_ERROR;
        kb_seterr(err, "%s", sqlite3_errmsg(st->db));
        store_done(s);
        return bad ? KB_BADARG : KB_ERR;
    }
    store_done(s);
    return KB_OK;
}
