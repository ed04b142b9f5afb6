/*
 * store_meta.c - the database's settings: the key/value pairs of the
 * kb_meta table (the alias list, the taxonomy in force).
 */
#include "store_int.h"
#include "util.h"

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
