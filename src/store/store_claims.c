/*
 * store_claims.c - the store's claim side: writing claims and their tags
 * (claims.c), and reading them back as listings, counts and the facts
 * disagreements are found from.  The SQL is in store.c's table, like
 * every statement kb runs; see store_int.h.
 */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

long long store_last_id(store *st)
{
    return sqlite3_last_insert_rowid(st->db);
}

int store_unit_furniture(store *st, long long unit_id, const char *why, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_UNIT_FURNITURE, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, unit_id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, why);
    return store_exec_stmt(st, s, rc, err, "marking furniture");
}

int store_claims_clear(store *st, long long source_id, char **err)
{
    static const int order[] = {ST_CLAIM_SUBJECTS_CLEAR, ST_CLAIM_DIMENSIONS_CLEAR, ST_CLAIM_QUANTITIES_CLEAR,
                                ST_CLAIM_STANCES_CLEAR, ST_CLAIMS_CLEAR};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        sqlite3_stmt *s = store_stmt(st, order[i], err);
        if (!s || store_exec_stmt(st, s, sqlite3_bind_int64(s, 1, source_id), err, "deleting claims"))
            return KB_ERR;
    }
    return KB_OK;
}

/* The binders: one row from parameter b on, as in store.c's texts. */
static int store_bind_claim(sqlite3_stmt *s, int b, const store_claim *c, long long id)
{
    int rc = id ? sqlite3_bind_int64(s, b, id) : sqlite3_bind_null(s, b);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 1, c->source_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 2, c->unit_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 3, c->seq);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 4, c->kind);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 5, c->start);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 6, c->end);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 7, c->section);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 8, c->row_header);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 9, c->col_header);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, b + 10, c->text, c->text_len, SQLITE_STATIC, SQLITE_UTF8);
    return rc;
}

static int store_bind_subject(sqlite3_stmt *s, int b, const store_tag_subject *t)
{
    int rc = sqlite3_bind_int64(s, b, t->claim_id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 1, t->subject);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 2, t->how);
    return rc;
}

static int store_bind_dimension(sqlite3_stmt *s, int b, const store_tag_dimension *t)
{
    int rc = sqlite3_bind_int64(s, b, t->claim_id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 1, t->dimension);
    if (rc == SQLITE_OK) rc = sqlite3_bind_double(s, b + 2, t->score);
    return rc;
}

static int store_bind_qty(sqlite3_stmt *s, int b, long long claim_id, const store_qty *q)
{
    int rc = sqlite3_bind_int64(s, b, claim_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, b + 1, q->raw, q->raw_len, SQLITE_STATIC, SQLITE_UTF8);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 2, q->kind);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 3, q->measure);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 4, q->unit && *q->unit ? q->unit : NULL);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 5, q->subject);
    if (rc == SQLITE_OK) rc = q->has_low ? sqlite3_bind_double(s, b + 6, q->low) : sqlite3_bind_null(s, b + 6);
    if (rc == SQLITE_OK) rc = q->has_high ? sqlite3_bind_double(s, b + 7, q->high) : sqlite3_bind_null(s, b + 7);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, b + 8, q->low_open);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, b + 9, q->high_open);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, b + 10, q->approx);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 11, q->version && *q->version ? q->version : NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 12, q->start);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, b + 13, q->end);
    return rc;
}

static int store_bind_stance(sqlite3_stmt *s, int b, const store_tag_stance *t)
{
    int rc = sqlite3_bind_int64(s, b, t->claim_id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 1, t->subject);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 2, t->dimension);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int(s, b + 3, t->polarity);
    if (rc == SQLITE_OK) rc = store_bind_text(s, b + 4, t->versus);
    return rc;
}

int store_claim_add(store *st, const store_claim *c, long long *id, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_INSERT, err);
    if (!s) return KB_ERR;
    if (store_exec_stmt(st, s, store_bind_claim(s, 1, c, 0), err, "writing a claim")) return KB_ERR;
    *id = sqlite3_last_insert_rowid(st->db);
    return KB_OK;
}

int store_claim_subject(store *st, long long claim_id, const char *subject, const char *how, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_SUBJECT, err);
    if (!s) return KB_ERR;
    store_tag_subject t = {claim_id, subject, how};
    return store_exec_stmt(st, s, store_bind_subject(s, 1, &t), err, "writing a claim subject");
}

int store_claim_dimension(store *st, long long claim_id, const char *dim, double score, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_DIMENSION, err);
    if (!s) return KB_ERR;
    store_tag_dimension t = {claim_id, dim, score};
    return store_exec_stmt(st, s, store_bind_dimension(s, 1, &t), err, "writing a claim dimension");
}

int store_claim_quantity(store *st, long long claim_id, const store_qty *q, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_QUANTITY, err);
    if (!s) return KB_ERR;
    return store_exec_stmt(st, s, store_bind_qty(s, 1, claim_id, q), err, "writing a claim quantity");
}

int store_claim_stance(store *st, long long claim_id, const char *subject, const char *dim, int polarity,
                       const char *versus, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_CLAIM_STANCE, err);
    if (!s) return KB_ERR;
    store_tag_stance t = {claim_id, subject, dim, versus, polarity};
    return store_exec_stmt(st, s, store_bind_stance(s, 1, &t), err, "writing a claim stance");
}

/* Row binders for store_insert_rows. */
typedef struct store_claim_rows {
    const store_claim *c;
    const long long *ids;
} store_claim_rows;

static int store_bind_claim_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    const store_claim_rows *r = ctx;
    return store_bind_claim(s, first, &r->c[i], r->ids[i]);
}

static int store_bind_subject_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    return store_bind_subject(s, first, &((const store_tags *)ctx)->subj[i]);
}

static int store_bind_dimension_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    return store_bind_dimension(s, first, &((const store_tags *)ctx)->dims[i]);
}

static int store_bind_qty_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    const store_qty *q = &((const store_tags *)ctx)->qty[i];
    return store_bind_qty(s, first, q->claim_id, q);
}

static int store_bind_stance_row(sqlite3_stmt *s, int first, size_t i, const void *ctx)
{
    return store_bind_stance(s, first, &((const store_tags *)ctx)->st[i]);
}

int store_claims_add(store *st, const store_claim *c, size_t n, long long *ids, char **err)
{
    long long next = 0;
    if (n == 0) return KB_OK;
    if (store_next_id(st, ST_CLAIM_NEXT_ID, n, &next, err)) return KB_ERR;
    for (size_t i = 0; i < n; i++) ids[i] = next + (long long)i;
    store_claim_rows r = {c, ids};
    return store_insert_rows(st, ST_CLAIM_INSERT, ST_CLAIM_INSERT_MANY, 11, n, store_bind_claim_row, &r, err,
                             "writing a claim");
}

int store_claim_tags(store *st, const store_tags *t, char **err)
{
    if (store_insert_rows(st, ST_CLAIM_SUBJECT, ST_CLAIM_SUBJECT_MANY, 3, t->nsubj, store_bind_subject_row, t, err,
                          "writing a claim subject") ||
        store_insert_rows(st, ST_CLAIM_DIMENSION, ST_CLAIM_DIMENSION_MANY, 3, t->ndims, store_bind_dimension_row, t,
                          err, "writing a claim dimension") ||
        store_insert_rows(st, ST_CLAIM_QUANTITY, ST_CLAIM_QUANTITY_MANY, 14, t->nqty, store_bind_qty_row, t, err,
                          "writing a claim quantity") ||
        store_insert_rows(st, ST_CLAIM_STANCE, ST_CLAIM_STANCE_MANY, 5, t->nst, store_bind_stance_row, t, err,
                          "writing a claim stance"))
        return KB_ERR;
    return KB_OK;
}

int store_source_ids(store *st, long long **ids, size_t *n, char **err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_IDS, err);
    if (!s) return KB_ERR;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            *ids = kb_realloc(*ids, cap * sizeof **ids);
        }
        (*ids)[(*n)++] = sqlite3_column_int64(s, 0);
    }
    store_done(s);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return store_fail(st, err, "listing sources");
    }
    return KB_OK;
}

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
