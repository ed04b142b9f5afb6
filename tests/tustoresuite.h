/*
 * tustoresuite.h - what the suites of the store's files share
 * (check_store_*.c): a database path in a fresh folder (a Check checked
 * fixture; the database is not made), a source written straight
 * through the store's API, a source's id by path, and FTS5's full
 * integrity check.
 */
#ifndef KB_TUSTORESUITE_H
#define KB_TUSTORESUITE_H

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "util.h"

/* The id of the source at path (0: none). */
static inline int lookup_id(store *st, const char *path, long long *id)
{
    store_found f;
    char *err = NULL;
    int rc = store_source_lookup(st, path, NULL, &f, &err);
    *id = f.id;
    store_found_clear(&f);
    free(err);
    return rc;
}

static char *dir;
static char dbpath[512];

static inline void setup(void)
{
    dir = tu_tmpdir();
    snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
}

static inline void teardown(void)
{
    tu_rmdir(dir);
}

/* Store a source with one unit per word of `words` (space separated). */
static inline long long put(store *st, const char *path, const char *hash, const char *words, long long id)
{
    char *err = NULL;
    store_source s;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.format = "text";
    s.title = "T";
    s.hash = hash;
    s.size = (long long)strlen(words);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_put(st, &s, &id, &err), KB_OK);
    ck_assert_int_eq(store_text_put(st, id, words, strlen(words), &err), KB_OK);
    const char *p = words;
    long long seq = 0;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        store_unit u;
        memset(&u, 0, sizeof u);
        u.source_id = id;
        u.seq = seq++;
        u.kind = "paragraph";
        u.start = p - words;
        u.end = u.start + (long long)n;
        u.text = p;
        u.text_len = n;
        u.norm = p;
        u.norm_len = n;
        ck_assert_int_eq(store_unit_add(st, &u, &err), KB_OK);
        p += n;
        while (*p == ' ') p++;
    }
    ck_assert_int_eq(store_index_source(st, id, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_ptr_null(err);
    return id;
}

/* FTS5's integrity check in the form that also compares the index with
 * the unit table: on SQLite 3.40 the plain form misses a unit deleted or
 * changed without its index entries. */
static inline void fts_ok(store *st)
{
    char *msg = NULL;
    int rc = sqlite3_exec(store_db(st), "INSERT INTO unit_fts(unit_fts, rank) VALUES('integrity-check', 1)",
                          NULL, NULL, &msg);
    ck_assert_msg(rc == SQLITE_OK, "FTS integrity-check: %s", msg ? msg : "");
}

#endif
