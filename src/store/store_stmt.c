/*
 * store_stmt.c - running statements on a store's handle: the statement
 * cache, the helpers every other file of the store runs its statements
 * with, transactions, and closing the handle.
 *
 * Statements are kept in a cache indexed by an enum (as FTS5's
 * fts5_storage.c does): prepared on first use from store_sql, reset
 * after each use, values always bound.  Errors carry SQLite's message
 * and the database path; nothing here prints.
 */
#include <limits.h>
#include <stdlib.h>

#include "store_int.h"
#include "util.h"

int store_fail(store *st, char **err, const char *what)
{
    kb_seterr(err, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
    /* a full disk, an I/O error, no memory: SQLite may have rolled the
     * whole transaction back, not just the statement */
    if (st->writing && sqlite3_get_autocommit(st->db)) st->writing = 0;
    return KB_ERR;
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

const char *store_col(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
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

int store_exec_id(store *st, int id, long long v, char **err, const char *what)
{
    sqlite3_stmt *s = store_stmt(st, id, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, v), err, what);
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

/* End the snapshot of reads (see store.h), if one is open. */
static int store_end_read(store *st, char **err)
{
    if (!st->reading) return KB_OK;
    st->reading = 0;
    sqlite3_stmt *s = store_stmt(st, ST_COMMIT, err);
    return s ? store_exec_stmt(st, s, SQLITE_OK, err, "ending a read") : KB_ERR;
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
