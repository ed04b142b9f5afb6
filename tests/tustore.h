/*
 * tustore.h - store helpers shared by the suites that need a database
 * with ingested sources (claims, disagreements, report): a fresh store
 * in a temporary folder, an ingest that builds claims, and clean-up.
 */
#ifndef KB_TUSTORE_H
#define KB_TUSTORE_H

#include <check.h>
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

/* Remove a temporary folder made by tu_tmpdir and free its name. */
static inline void tu_rmdir(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
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
