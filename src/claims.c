/*
 * claims.c - from stored units to stored, tagged claims; see claims.h.
 */
#include "claims.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "furniture.h"
#include "qty.h"
#include "segment.h"
#include "stance.h"
#include "tag.h"
#include "util.h"

#define CLAIMS_MAX_CELLS 32

struct claims {
    taxonomy *tax;
    stance_lex *lex;
    furn *furn;
    tagger *tg;
};

/* State while one source is walked. */
typedef struct claims_walk {
    claims *c;
    store *st;
    long long source_id;
    long long seq;
    int prev[TAG_MAX];          /* subjects of the previous claim */
    size_t nprev;
    /* the table being read: its header cells (owned) */
    int in_table;
    char *head[CLAIMS_MAX_CELLS];
    size_t nhead;
    int row_labels;             /* the first column holds row labels */
    const store_unit *unit;     /* the unit being split */
    const char *row_header;     /* borrowed for the current row */
    const char *col_header;
    const char *kind;
    char *err;
} claims_walk;

int claims_new(const char *taxonomy_tsv, const char *stance_tsv, const char *furniture_tsv, claims **out,
               char **err)
{
    *out = NULL;
    claims *c = kb_calloc(1, sizeof *c);
    char *e = NULL;
    const char *tx = taxonomy_tsv ? taxonomy_tsv : embed_taxonomy;
    const char *sx = stance_tsv ? stance_tsv : embed_stance;
    if (tax_load(tx, strlen(tx), &c->tax, &e)) {
        kb_seterr(err, "taxonomy: %s", e);
        goto fail;
    }
    if (stance_load(sx, strlen(sx), &c->lex, &e)) {
        kb_seterr(err, "%s", e);
        goto fail;
    }
    if (furn_new(furniture_tsv, furniture_tsv ? strlen(furniture_tsv) : 0, &c->furn, &e)) {
        kb_seterr(err, "furniture lexicon: %s", e);
        goto fail;
    }
    c->tg = tag_new(c->tax, c->lex);
    *out = c;
    return KB_OK;
fail:
    free(e);
    claims_free(c);
    return KB_ERR;
}

void claims_free(claims *c)
{
    if (!c) return;
    tag_free(c->tg);
    furn_free(c->furn);
    stance_free(c->lex);
    tax_free(c->tax);
    free(c);
}

const taxonomy *claims_taxonomy(const claims *c)
{
    return c->tax;
}

static const char *claims_qty_kind(qty_kind k)
{
    switch (k) {
    case QTY_COUNT: return "count";
    case QTY_PERCENT: return "percent";
    case QTY_YEAR: return "year";
    case QTY_VERSION: return "version";
    case QTY_DURATION: return "duration";
    }
    return "count";
}

/* In a claim that states a version ("The latest version, 12.6.0, was
 * released in July 2019") a year dates that version, not the subject's
 * first release: the year keeps its measure but records the version it
 * dates, so that only years of the same version are compared. */
static void claims_version_years(tag_result *r)
{
    const char *version = NULL;
    for (size_t i = 0; i < r->nqty; i++)
        if (r->qty[i].q.kind == QTY_VERSION && !version) version = r->qty[i].q.version;
    if (!version) return;
    for (size_t i = 0; i < r->nqty; i++)
        if (r->qty[i].q.kind == QTY_YEAR)
            snprintf(r->qty[i].q.version, sizeof r->qty[i].q.version, "%s", version);
}

/* Tag and write one claim: text[start, end) of the current unit. */
static int claims_emit(claims_walk *w, size_t start, size_t end)
{
    const store_unit *u = w->unit;
    const taxonomy *t = w->c->tax;
    if (end <= start) return 0;
    tag_input in;
    memset(&in, 0, sizeof in);
    in.text = u->text + start;
    in.len = end - start;
    in.section = u->section;
    in.row_header = w->row_header;
    in.col_header = w->col_header;
    in.prev = w->prev;
    in.nprev = w->nprev;
    tag_result r;
    if (tag_claim(w->c->tg, &in, &r, &w->err)) return 1;
    claims_version_years(&r);

    store_claim sc;
    memset(&sc, 0, sizeof sc);
    sc.source_id = w->source_id;
    sc.unit_id = u->id;
    sc.seq = w->seq++;
    sc.kind = w->kind;
    sc.start = u->start + (long long)start;
    sc.end = u->start + (long long)end;
    sc.section = u->section;
    sc.row_header = w->row_header;
    sc.col_header = w->col_header;
    sc.text = in.text;
    sc.text_len = in.len;
    long long id;
    if (store_claim_add(w->st, &sc, &id, &w->err)) return 1;
    for (size_t i = 0; i < r.nsubj; i++)
        if (store_claim_subject(w->st, id, tax_subject(t, (size_t)r.subj[i].subject), r.subj[i].how, &w->err))
            return 1;
    for (size_t i = 0; i < r.ndims; i++)
        if (store_claim_dimension(w->st, id, tax_dimension(t, (size_t)r.dims[i].dim), r.dims[i].score, &w->err))
            return 1;
    for (size_t i = 0; i < r.nqty; i++) {
        const tag_qty *tq = &r.qty[i];
        store_qty q;
        memset(&q, 0, sizeof q);
        q.raw = in.text + tq->q.start;
        q.raw_len = tq->q.end - tq->q.start;
        q.kind = claims_qty_kind(tq->q.kind);
        q.measure = tq->measure >= 0 ? tax_measure(t, (size_t)tq->measure) : NULL;
        q.unit = tq->q.kind == QTY_PERCENT ? "percent" : tq->q.unit;
        q.subject = tq->subject >= 0 ? tax_subject(t, (size_t)tq->subject) : NULL;
        q.version = tq->q.version;
        q.low = tq->q.low;
        q.high = tq->q.high;
        q.has_low = tq->q.has_low;
        q.has_high = tq->q.has_high;
        q.low_open = tq->q.low_open;
        q.high_open = tq->q.high_open;
        q.approx = tq->q.approx;
        /* Durations of a day or more are compared in years ("six months"
         * = 0.5 year, "decades" = at least 20 years); shorter ones stay
         * in their own unit. */
        if (tq->q.kind == QTY_DURATION && tq->q.unit_seconds >= 86400) {
            double f = tq->q.unit_seconds / 31557600.0;
            q.low *= f;
            q.high *= f;
            q.unit = "year";
        }
        q.start = sc.start + (long long)tq->q.start;
        q.end = sc.start + (long long)tq->q.end;
        if (store_claim_quantity(w->st, id, &q, &w->err)) return 1;
    }
    for (size_t i = 0; i < r.nst; i++) {
        const tag_stance *s = &r.st[i];
        if (store_claim_stance(w->st, id, tax_subject(t, (size_t)s->subject), tax_dimension(t, (size_t)s->dim),
                               s->polarity, s->versus >= 0 ? tax_subject(t, (size_t)s->versus) : NULL, &w->err))
            return 1;
    }
    w->nprev = 0;
    for (size_t i = 0; i < r.nsubj && i < TAG_MAX; i++) w->prev[w->nprev++] = r.subj[i].subject;
    return 0;
}

static int claims_sentence(void *ctx, size_t start, size_t end)
{
    return claims_emit(ctx, start, end);
}

static void claims_end_table(claims_walk *w)
{
    for (size_t i = 0; i < w->nhead; i++) free(w->head[i]);
    w->nhead = 0;
    w->in_table = 0;
}

static int claims_row(claims_walk *w, const store_unit *u)
{
    size_t s[CLAIMS_MAX_CELLS], e[CLAIMS_MAX_CELLS];
    size_t n = seg_cells(u->text, u->text_len, s, e, CLAIMS_MAX_CELLS);
    if (n > CLAIMS_MAX_CELLS) n = CLAIMS_MAX_CELLS;
    if (!w->in_table) {
        /* the header row: column labels */
        w->in_table = 1;
        for (size_t i = 0; i < n; i++) w->head[i] = kb_strndup(u->text + s[i], e[i] - s[i]);
        w->nhead = n;
        /* The first column holds row labels when its header names no
         * subject while another header does ("Feature | Node.js | Python"). */
        int first = 0, others = 0, tmp[2];
        if (n) first = tag_subjects_in(w->c->tg, w->head[0], strlen(w->head[0]), tmp, 2) > 0;
        for (size_t i = 1; i < n; i++) others += tag_subjects_in(w->c->tg, w->head[i], strlen(w->head[i]), tmp, 2) > 0;
        w->row_labels = !first && others > 0;
        return 0;
    }
    char *label = w->row_labels && n ? kb_strndup(u->text + s[0], e[0] - s[0]) : NULL;
    w->row_header = label;
    w->kind = "cell";
    int rc = 0;
    for (size_t i = w->row_labels ? 1 : 0; i < n && !rc; i++) {
        w->col_header = i < w->nhead ? w->head[i] : NULL;
        rc = claims_emit(w, s[i], e[i]);
    }
    w->row_header = w->col_header = NULL;
    free(label);
    return rc;
}

/* The label of "Label: text" when it is short (at most four words,
 * before the first colon within 48 bytes) and names a subject; NULL
 * otherwise.  Malloc'd. */
static char *claims_subject_label(claims_walk *w, const char *text, size_t len)
{
    size_t n = len < 48 ? len : 48, words = 1;
    const char *colon = memchr(text, ':', n);
    if (!colon || colon == text || (size_t)(colon - text) + 1 >= len || text[colon - text + 1] != ' ') return NULL;
    for (const char *p = text; p < colon; p++) words += *p == ' ';
    if (words > 4) return NULL;
    int subj[2];
    if (tag_subjects_in(w->c->tg, text, (size_t)(colon - text), subj, 2) == 0) return NULL;
    return kb_strndup(text, (size_t)(colon - text));
}

static int claims_unit(void *ctx, const store_unit *u)
{
    claims_walk *w = ctx;
    const char *why = NULL;
    if (furn_check(w->c->furn, u->kind, u->text, u->text_len, &why)) {
        claims_end_table(w);
        return store_unit_furniture(w->st, u->id, why, &w->err) ? 1 : 0;
    }
    if (strcmp(u->kind, "row") == 0) {
        w->unit = u;
        return claims_row(w, u);
    }
    claims_end_table(w);
    if (strcmp(u->kind, "heading") == 0) {
        w->nprev = 0; /* It/Its do not reach across a heading */
        return 0;
    }
    if (strcmp(u->kind, "code") == 0) return 0;
    w->unit = u;
    w->kind = strcmp(u->kind, "item") == 0 ? "item" : "sentence";
    /* "Node.js: Excels in ... Handles thousands of ...": a short label
     * before a colon that names a subject is the topic of every sentence
     * of the unit, as a column header is of its cells. */
    char *label = claims_subject_label(w, u->text, u->text_len);
    w->col_header = label;
    int rc = seg_sentences(u->text, u->text_len, claims_sentence, w);
    w->col_header = NULL;
    free(label);
    return rc;
}

int claims_source(claims *c, store *st, long long source_id, size_t *nclaims, char **err)
{
    claims_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.st = st;
    w.source_id = source_id;
    furn_reset(c->furn);
    if (store_claims_clear(st, source_id, err)) return KB_ERR;
    char *uerr = NULL;
    int rc = store_units(st, source_id, claims_unit, &w, &uerr);
    claims_end_table(&w);
    if (rc) {
        kb_seterr(err, "%s", w.err ? w.err : uerr ? uerr : "building claims failed");
        free(w.err);
        free(uerr);
        return KB_ERR;
    }
    if (nclaims) *nclaims = (size_t)w.seq;
    return KB_OK;
}
