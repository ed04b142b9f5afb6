/*
 * store_unit.c - units and the FTS index: writing a source's units (one
 * at a time, or STORE_ROWS to a statement), adding them to the index
 * and taking them out, marking furniture, and reading them back.
 */
#include "store_int.h"
#include "util.h"

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

long long store_last_id(store *st)
{
    return sqlite3_last_insert_rowid(st->db);
}

int store_index_source(store *st, long long source_id, char **err)
{
    return store_exec_id(st, ST_INDEX_SOURCE, source_id, err, "indexing a source");
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
    return store_exec_id(st, ST_UNINDEX_SOURCE, source_id, err, "unindexing a source");
}

int store_unit_furniture(store *st, long long unit_id, const char *why, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_UNIT_FURNITURE, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, unit_id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, why);
    return store_exec_stmt(st, s, rc, err, "marking furniture");
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
