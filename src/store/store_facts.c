/*
 * store_facts.c - claims read back: a source's claim ids (to build its
 * claims again), the listing of `kb claims`, the counts of `kb stats`
 * and `kb sources`, and the stances, quantities and years that
 * disagreements are found from.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

int store_claim_ids(store *st, long long source_id, long long **ids, long long **starts, size_t *n, char **err)
{
    *ids = *starts = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_IDS, err);
    if (!s) return KB_ERR;
    size_t cap = 0;
    int rc = sqlite3_bind_int64(s, 1, source_id);
    while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            *ids = kb_realloc(*ids, cap * sizeof **ids);
            *starts = kb_realloc(*starts, cap * sizeof **starts);
        }
        (*ids)[*n] = sqlite3_column_int64(s, 0);
        (*starts)[(*n)++] = sqlite3_column_int64(s, 1);
        rc = SQLITE_OK;
    }
    store_done(s);
    if (rc != SQLITE_DONE) {
        free(*ids);
        free(*starts);
        *ids = *starts = NULL;
        *n = 0;
        return store_fail(st, err, "listing claims");
    }
    return KB_OK;
}

int store_claims(store *st, const char *subject, const char *dimension, long long source_id,
                 int (*fn)(void *ctx, const store_claim_row *r), void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIMS, err);
    if (!s) return KB_ERR;
    int rc = store_bind_text(s, 1, subject);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, dimension);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 3, source_id);
    if (rc != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "listing claims");
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_claim_row r;
        r.id = sqlite3_column_int64(s, 0);
        r.source = store_col(s, 1);
        r.kind = store_col(s, 2);
        r.start = sqlite3_column_int64(s, 3);
        r.end = sqlite3_column_int64(s, 4);
        r.section = store_col(s, 5);
        r.text = store_col(s, 6);
        r.text_len = (size_t)sqlite3_column_bytes(s, 6);
        r.subjects_json = store_col(s, 7);
        r.dims_json = store_col(s, 8);
        r.qty_json = store_col(s, 9);
        r.stance_json = store_col(s, 10);
        r.subjects_txt = store_col(s, 11);
        r.dims_txt = store_col(s, 12);
        r.qty_txt = store_col(s, 13);
        r.stance_txt = store_col(s, 14);
        if (fn(ctx, &r)) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "listing claims");
    return KB_OK;
}

int store_stats(store *st, int (*fn)(void *ctx, const char *group, const char *name, long long n,
                                     long long extra),
                void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_STATS, err);
    if (!s) return KB_ERR;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (fn(ctx, store_col(s, 0), store_col(s, 1), sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3))) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "counting");
    return KB_OK;
}

static void store_read_fact_head(sqlite3_stmt *s, store_fact *f)
{
    memset(f, 0, sizeof *f);
    f->claim_id = sqlite3_column_int64(s, 0);
    f->source_id = sqlite3_column_int64(s, 1);
    f->start = sqlite3_column_int64(s, 2);
    f->end = sqlite3_column_int64(s, 3);
    f->text = store_col(s, 4);
    f->text_len = (size_t)sqlite3_column_bytes(s, 4);
    f->subject = store_col(s, 5);
    f->dimension = store_col(s, 6);
}

static int store_facts(store *st, int id, store_fact_fn fn, void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, id, err);
    if (!s) return KB_ERR;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_fact f;
        store_read_fact_head(s, &f);
        if (id == ST_STANCE_FACTS) {
            f.polarity = sqlite3_column_int(s, 7);
            f.versus = store_col(s, 8);
        } else {
            f.measure = store_col(s, 7);
            f.raw = store_col(s, 8);
            f.kind = store_col(s, 9);
            f.unit = store_col(s, 10);
            f.version = store_col(s, 11);
            f.has_low = sqlite3_column_type(s, 12) != SQLITE_NULL;
            f.has_high = sqlite3_column_type(s, 13) != SQLITE_NULL;
            f.low = sqlite3_column_double(s, 12);
            f.high = sqlite3_column_double(s, 13);
            f.low_open = sqlite3_column_int(s, 14);
            f.high_open = sqlite3_column_int(s, 15);
            f.approx = sqlite3_column_int(s, 16);
        }
        if (fn(ctx, &f)) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "reading claims");
    return KB_OK;
}

int store_stance_facts(store *st, store_fact_fn fn, void *ctx, char **err)
{
    return store_facts(st, ST_STANCE_FACTS, fn, ctx, err);
}

int store_quantity_facts(store *st, store_fact_fn fn, void *ctx, char **err)
{
    return store_facts(st, ST_QUANTITY_FACTS, fn, ctx, err);
}

int store_source_years(store *st, int max_year, int (*fn)(void *ctx, long long source_id, int year), void *ctx,
                       char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_YEARS, err);
    if (!s) return KB_ERR;
    if (sqlite3_bind_int(s, 1, max_year) != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "reading years");
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1))) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "reading years");
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
