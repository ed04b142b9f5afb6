/*
 * store_search.c - FTS5 searches: a MATCH expression over the indexed
 * units, best bm25 first, with each hit's source and highlight.
 */
#include <string.h>

#include "store_int.h"
#include "util.h"

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
