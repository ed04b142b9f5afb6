/*
 * store_claims.c - writing claims and their tags (for claims.c): one row
 * at a time or STORE_ROWS to a statement, and deleting a source's
 * claims before they are built again.
 */
#include "store_int.h"
#include "util.h"

int store_claims_clear(store *st, long long source_id, char **err)
{
    static const int order[] = {ST_CLAIM_SUBJECTS_CLEAR, ST_CLAIM_DIMENSIONS_CLEAR, ST_CLAIM_QUANTITIES_CLEAR,
                                ST_CLAIM_STANCES_CLEAR, ST_CLAIMS_CLEAR};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        if (store_exec_id(st, order[i], source_id, err, "deleting claims")) return KB_ERR;
    return KB_OK;
}

/* The binders: one row from parameter b on, as in store_sql.c's texts. */
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
