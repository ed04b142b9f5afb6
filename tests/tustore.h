/*
 * tustore.h - store helpers shared by the suites that need a database
 * with ingested sources (claims, disagreements, report): a fresh store
 * in a temporary folder, an ingest that builds claims, and clean-up.
 */
#ifndef KB_TUSTORE_H
#define KB_TUSTORE_H

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

/* Open (creating) dir/kb.db. */
static inline store *tu_store_open(const char *dir)
{
    char db[512];
    snprintf(db, sizeof db, "%s/kb.db", dir);
    store *st = NULL;
    char *err = NULL;
    ck_assert_msg(store_open(db, 1, &st, &err) == KB_OK, "%s", err ? err : "");
    return st;
}

/* The fixture of the suites that work on one fresh store: tu_st is
 * tu_dir/kb.db, opened by tu_store_setup and closed, its folder
 * removed, by tu_store_teardown (a Check checked fixture). */
static char *tu_dir;
static store *tu_st;

static inline void tu_store_setup(void)
{
    tu_dir = tu_tmpdir();
    tu_st = tu_store_open(tu_dir);
}

static inline void tu_store_teardown(void)
{
    store_close(tu_st);
    tu_st = NULL;
    tu_rmdir(tu_dir);
}

/* The first column of sql's first row on st, as an integer. */
static inline long long tu_q_int(store *st, const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(store_db(st)));
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The database at path is whole: SQLite's integrity_check, FTS5's
 * integrity-check in the form that compares the index with the unit
 * table (rank 1), and no row whose parent is gone (kb deletes children
 * itself; the schema declares the references).  what names the moment,
 * for messages. */
/* The first column of the first row as text ("" for NULL), malloc'd. */
static inline char *tu_q_text(store *st, const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(store_db(st)));
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *v = sqlite3_column_text(s, 0);
    char *r = kb_strdup(v ? (const char *)v : "");
    sqlite3_finalize(s);
    return r;
}

static inline void tu_db_whole(const char *path, const char *what)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg(strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0, "%s: integrity_check: %s", what,
                  (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    char *msg = NULL;
    int rc = sqlite3_exec(db, "INSERT INTO unit_fts(unit_fts, rank) VALUES ('integrity-check', 1)", NULL, NULL, &msg);
    ck_assert_msg(rc == SQLITE_OK, "%s: FTS5 integrity-check: %s", what, msg ? msg : "");
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_foreign_key_check", -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg(sqlite3_column_int(s, 0) == 0, "%s: rows whose parent is gone", what);
    sqlite3_finalize(s);
    ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

/* Ingest path with claims built from taxonomy_tsv (NULL: the default);
 * every file must succeed. */
static inline ingest_stats tu_ingest(store *st, const char *path, const char *taxonomy_tsv)
{
    claims *cl = NULL;
    char *err = NULL;
    ck_assert_msg(claims_new(taxonomy_tsv, NULL, NULL, &cl, &err) == KB_OK, "%s", err ? err : "");
    if (taxonomy_tsv) {
        /* the taxonomy in force, as `kb init --taxonomy` makes it: the
         * ingest tags with what the database says */
        ck_assert_int_eq(store_begin(st, &err), KB_OK);
        ck_assert_int_eq(store_meta_set(st, "taxonomy", taxonomy_tsv, &err), KB_OK);
        ck_assert_int_eq(store_commit(st, &err), KB_OK);
    }
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.claims = cl;
    ingest_stats s;
    char *p[] = {(char *)path};
    ck_assert_int_eq(ingest_run(st, p, 1, &o, NULL, &s, &err), KB_OK);
    ck_assert_uint_eq(s.failed, 0);
    claims_free(cl);
    return s;
}

#endif
