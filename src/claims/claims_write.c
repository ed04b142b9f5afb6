/*
 * claims_write.c - storing a set of claims built by claims_build (see
 * claims.h): the claims, a chunk at a time, then their tags, named as
 * the store keeps them.
 */
#include "claims_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Quantity q of a claim (the text at start) as stored. */
static void claims_qty_row(const taxonomy *t, const tag_qty *tq, long long claim_id, const char *text,
                           long long start, store_qty *q)
{
    memset(q, 0, sizeof *q);
    q->claim_id = claim_id;
    q->raw = text + tq->q.start;
    q->raw_len = tq->q.end - tq->q.start;
    q->kind = qty_kind_name(tq->q.kind);
    q->measure = tq->measure >= 0 ? tax_measure(t, (size_t)tq->measure) : NULL;
    q->unit = tq->q.kind == QTY_PERCENT ? "percent" : tq->q.unit;
    q->subject = tq->subject >= 0 ? tax_subject(t, (size_t)tq->subject) : NULL;
    q->version = tq->q.version;
    q->low = tq->q.low;
    q->high = tq->q.high;
    q->has_low = tq->q.has_low;
    q->has_high = tq->q.has_high;
    q->low_open = tq->q.low_open;
    q->high_open = tq->q.high_open;
    q->approx = tq->q.approx;
    /* Durations of a day or more are compared in years ("six months"
     * = 0.5 year, "decades" = at least 20 years); shorter ones stay
     * in their own unit. */
    if (tq->q.kind == QTY_DURATION && tq->q.unit_seconds >= 86400) {
        double f = tq->q.unit_seconds / 31557600.0;
        q->low *= f;
        q->high *= f;
        q->unit = "year";
    }
    q->start = start + (long long)tq->q.start;
    q->end = start + (long long)tq->q.end;
}

/* Claims written to the store at a time: the rows of a chunk and their
 * tags are built, written, and their memory used again for the next,
 * so that a large source does not hold every row twice. */
#define CLAIMS_WRITE_CHUNK 1024

/* The rows of a chunk, built again for each. */
typedef struct claims_rows {
    store_claim *claims;
    long long *ids;
    store_tag_subject *subj;
    store_tag_dimension *dims;
    store_qty *qty;
    store_tag_stance *st;
} claims_rows;

/* Write claims k0..k1 of s, then their tags, several rows to a
 * statement; r has room for a chunk. */
static int claims_write_chunk(const claims *c, store *st, const claims_set *s, long long source_id,
                              const store_unit *units, const long long *unit_ids, size_t k0, size_t k1,
                              const claims_rows *r, char **err)
{
    store_claim *rows = r->claims;
    long long *ids = r->ids;
    store_tags tg = {r->subj, 0, r->dims, 0, r->qty, 0, r->st, 0}, *tags = &tg;
    const taxonomy *t = c->tax;
    for (size_t k = k0; k < k1; k++) {
        const claims_item *it = &s->items[k];
        const store_unit *u = &units[it->unit];
        store_claim *sc = &rows[k - k0];
        sc->source_id = source_id;
        sc->unit_id = unit_ids[it->unit];
        sc->seq = (long long)k;
        sc->kind = claims_kind_name(it->kind);
        sc->start = u->start + (long long)it->start;
        sc->end = u->start + (long long)it->end;
        sc->section = u->section;
        sc->row_header = claims_str(s, it->row_header);
        sc->col_header = claims_str(s, it->col_header);
        sc->text = u->text + it->start;
        sc->text_len = it->end - it->start;
    }
    if (store_claims_add(st, rows, k1 - k0, ids, err)) return KB_ERR;
    /* the tags, each table's rows in claim order */
    for (size_t k = k0; k < k1; k++) {
        const claims_item *it = &s->items[k];
        long long id = ids[k - k0];
        for (size_t i = it->subj; i < it->subj + it->nsubj; i++)
            r->subj[tags->nsubj++] =
                (store_tag_subject){id, tax_subject(t, (size_t)s->subj[i].subject), tag_how_name(s->subj[i].how)};
        for (size_t i = it->dims; i < it->dims + it->ndims; i++)
            r->dims[tags->ndims++] = (store_tag_dimension){id, tax_dimension(t, (size_t)s->dims[i].dim), s->dims[i].score};
        for (size_t i = it->qty; i < it->qty + it->nqty; i++)
            claims_qty_row(t, &s->qty[i], id, rows[k - k0].text, rows[k - k0].start, &r->qty[tags->nqty++]);
        for (size_t i = it->st; i < it->st + it->nst; i++) {
            const tag_stance *x = &s->st[i];
            r->st[tags->nst++] = (store_tag_stance){id, tax_subject(t, (size_t)x->subject),
                                                    tax_dimension(t, (size_t)x->dim),
                                                    x->versus >= 0 ? tax_subject(t, (size_t)x->versus) : NULL,
                                                    x->polarity};
        }
    }
    return store_claim_tags(st, tags, err);
}

/* Write the claims of s with their tags, a chunk at a time. */
static int claims_write_all(const claims *c, store *st, const claims_set *s, long long source_id,
                            const store_unit *units, const long long *unit_ids, char **err)
{
    size_t n = s->n, room = n < CLAIMS_WRITE_CHUNK ? (n ? n : 1) : CLAIMS_WRITE_CHUNK;
    /* a claim has at most TAG_MAX tags of each kind */
    size_t troom = room * TAG_MAX;
    claims_rows r = {kb_calloc(room, sizeof *r.claims), kb_calloc(room, sizeof *r.ids),
                     kb_calloc(troom, sizeof *r.subj),   kb_calloc(troom, sizeof *r.dims),
                     kb_calloc(troom, sizeof *r.qty),    kb_calloc(troom, sizeof *r.st)};
    int rc = KB_OK;
    for (size_t k0 = 0; k0 < n && rc == KB_OK; k0 += room) {
        size_t k1 = k0 + room < n ? k0 + room : n;
        rc = claims_write_chunk(c, st, s, source_id, units, unit_ids, k0, k1, &r, err);
    }
    free(r.claims);
    free(r.ids);
    free(r.subj);
    free(r.dims);
    free(r.qty);
    free(r.st);
    return rc;
}
int claims_write(const claims *c, store *st, const claims_set *s, long long source_id,
                 const store_unit *units, const long long *unit_ids, int mark_furniture, char **err)
{
    if (mark_furniture)
        for (size_t i = 0; i < s->nunits; i++)
            if (s->furniture[i] && store_unit_furniture(st, unit_ids[i], claims_str(s, s->furniture[i]), err))
                return KB_ERR;
    return claims_write_all(c, st, s, source_id, units, unit_ids, err);
}
