/*
 * store_int.h - what the files of the store share: the handle, the
 * statement ids and the statement cache's helpers.  Not for use outside
 * src/store/.
 *
 * The files, each calling only those listed after it:
 *   store_open.c    opening a database, its pragmas, the migrations
 *   store_source.c  sources and their text (a source's derived rows go
 *                   through store_unit.c and store_claims.c)
 *   store_unit.c    units and the FTS index
 *   store_claims.c  writing claims and their tags
 *   store_facts.c   reading claims back: listings, counts, facts
 *   store_search.c  FTS5 searches
 *   store_meta.c    kb_meta settings
 *   store_stmt.c    the statement cache, running statements, transactions
 *   store_sql.c     the text of every statement, indexed by the ids below
 */
#ifndef KB_STORE_INT_H
#define KB_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

/* Statement ids: an index into store_sql and the cache, grouped by what
 * they work on (the file named is the one that mainly runs them).
 * Transaction control comes first: store_stmt treats every id after
 * ST_ROLLBACK_TO as a read or a write. */
enum {
    /* store_stmt.c */
    ST_BEGIN, ST_COMMIT, ST_ROLLBACK, ST_SAVEPOINT, ST_RELEASE, ST_ROLLBACK_TO,
    /* store_meta.c */
    ST_META_GET, ST_META_SET,
    /* store_source.c */
    ST_SOURCE_LOOKUP, ST_SOURCE_PATH_TAKEN, ST_SOURCE_SAME_BYTES, ST_SOURCE_BY_ID, ST_SOURCE_SUFFIX,
    ST_SOURCE_INSERT, ST_SOURCE_UPDATE, ST_SOURCE_DELETE, ST_SOURCE_FIRST_DUP, ST_SOURCE_PROMOTE, ST_SOURCE_TAXONOMY,
    ST_TEXT_DELETE, ST_TEXT_INSERT, ST_TEXT_GET, ST_SOURCES, ST_SOURCE_GET, ST_SOURCE_IDS, ST_UNITS_DELETE,
    /* store_unit.c */
    ST_UNIT_INSERT, ST_UNIT_INSERT_MANY, ST_UNIT_NEXT_ID, ST_UNITS_OF, ST_UNIT_FURNITURE,
    ST_INDEX_SOURCE, ST_INDEX_UNITS, ST_UNINDEX_SOURCE,
    /* store_search.c */
    ST_SEARCH, ST_SEARCH_TOP,
    /* store_claims.c */
    ST_CLAIM_SUBJECTS_CLEAR, ST_CLAIM_DIMENSIONS_CLEAR, ST_CLAIM_QUANTITIES_CLEAR, ST_CLAIM_STANCES_CLEAR,
    ST_CLAIMS_CLEAR, ST_CLAIM_INSERT, ST_CLAIM_INSERT_MANY, ST_CLAIM_NEXT_ID, ST_CLAIM_SUBJECT,
    ST_CLAIM_SUBJECT_MANY, ST_CLAIM_DIMENSION, ST_CLAIM_DIMENSION_MANY, ST_CLAIM_QUANTITY, ST_CLAIM_QUANTITY_MANY,
    ST_CLAIM_STANCE, ST_CLAIM_STANCE_MANY,
    /* store_facts.c */
    ST_CLAIM_IDS, ST_CLAIMS, ST_COUNTS, ST_STATS, ST_STANCE_FACTS, ST_QUANTITY_FACTS, ST_SOURCE_YEARS,
    ST_COUNT
};

/* The SQL text of each statement id (store_sql.c). */
extern const char *const store_sql[ST_COUNT];

/* Rows in one multi-row INSERT.  A statement's own work (opening its
 * cursors, halting, resetting) is about as much as a row's, so the
 * writer puts this many rows in one; fewer left over go one at a time.
 * The SQL texts repeat their row with STORE_MANY (store_sql.c). */
#define STORE_ROWS 16

struct store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *stmt[ST_COUNT];
    int reading;    /* a read transaction (the command's snapshot) is open */
    int writing;    /* a write transaction (store_begin) is open */
};

/* Fill *err with "PATH: what: sqlite message"; returns KB_ERR. */
int store_fail(store *st, char **err, const char *what);
/* The cached statement for id (prepared on first use), or NULL. */
sqlite3_stmt *store_stmt(store *st, int id, char **err);
/* Reset a statement and clear its bindings after use. */
void store_done(sqlite3_stmt *s);
/* Bind text, or NULL for a NULL pointer. */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Run SQL text without parameters (pragmas, migrations); what names
 * the step in the error. */
int store_exec(store *st, const char *sql, char **err, const char *what);
/* Step a statement that returns no rows (brc: an earlier bind code). */
int store_exec_stmt(store *st, sqlite3_stmt *s, int brc, char **err, const char *what);
/* Run statement id, which returns no rows, with v as its one parameter
 * (the deletes and index updates of one source's rows). */
int store_exec_id(store *st, int id, long long v, char **err, const char *what);
/* Column i as text (NULL for NULL). */
const char *store_col(sqlite3_stmt *s, int i);

/* Bind row i of ctx to statement s, its first parameter being first. */
typedef int (*store_bind_fn)(sqlite3_stmt *s, int first, size_t i, const void *ctx);
/* Insert rows 0..n-1 of ctx: STORE_ROWS at a time with statement many,
 * the rest with one; ncol parameters a row. */
int store_insert_rows(store *st, int one, int many, int ncol, size_t n, store_bind_fn bind, const void *ctx,
                      char **err, const char *what);
/* The first of the ids the next n rows of a table get: one past the
 * largest, as SQLite picks them.  next_id: one of ST_*_NEXT_ID. */
int store_next_id(store *st, int next_id, size_t n, long long *id, char **err);

#endif
