/*
 * tuingest.h - what the suites of the ingest's API share (check_ingest.c,
 * check_ingest_build.c, check_ingest_inputs.c, check_ingest_pool.c): a
 * fresh store at dir/.t.db (a Check checked fixture), runs of the
 * ingest on it, one thread or several, whose failure lines go to fails,
 * and queries.
 */
#ifndef KB_TUINGEST_H
#define KB_TUINGEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static char *dir;
static char dbpath[512];
static store *st;

/* failures reported, "path: msg" lines */
static char fails[8192];

static inline void on_fail(void *ctx, const char *path, const char *msg)
{
    (void)ctx;
    size_t n = strlen(fails);
    snprintf(fails + n, sizeof fails - n, "%s: %s\n", path, msg);
}

static inline void setup(void)
{
    dir = tu_tmpdir();
    /* hidden, so that walking the folder does not meet the database */
    snprintf(dbpath, sizeof dbpath, "%s/.t.db", dir);
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    fails[0] = '\0';
}

static inline void teardown(void)
{
    store_close(st);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}

static inline ingest_stats run(const char *const *paths, size_t n, int force)
{
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.force = force;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    ingest_stats s;
    char *err = NULL;
    ck_assert_int_eq(ingest_run(st, (char *const *)paths, n, &o, &ev, &s, &err), KB_OK);
    return s;
}

static inline long long q_int(const char *sql)
{
    return tu_q_int(st, sql);
}

/* The first column of the first row as text (caller frees). */
static inline char *q_text(const char *sql)
{
    return tu_q_text(st, sql);
}

static inline void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

/* Ingest paths into h with jobs threads and the default claims; the
 * failure lines go to fails (emptied first). */
static inline ingest_stats run_jobs(store *h, const char *const *paths, size_t n, int jobs, int force)
{
    claims *cl = NULL;
    char *err = NULL;
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, &cl, &err), KB_OK);
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.force = force;
    o.claims = cl;
    o.jobs = jobs;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    ingest_stats s;
    fails[0] = '\0';
    ck_assert_int_eq(ingest_run(h, (char *const *)paths, n, &o, &ev, &s, &err), KB_OK);
    claims_free(cl);
    return s;
}

#endif
