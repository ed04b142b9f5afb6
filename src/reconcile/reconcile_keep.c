/*
 * reconcile_keep.c - the candidates of the subject being read (disputes
 * and agreements), and which of them are kept: a row with mostly the
 * same claims as a stronger row is that row (reconcile.h).
 */
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"
#include "util.h"

#define RC_OVERLAP 0.5      /* a row with this share of its claims in a stronger row is that row */

rc_question rc_question_new(rc_kind kind, int subject, uint32_t key)
{
    rc_question q;
    memset(&q, 0, sizeof q);
    q.kind = kind;
    q.subject = subject;
    q.versus = -1;
    q.key = key;
    return q;
}

void rc_top_two(const size_t *cnt, size_t n, int *x, int *y)
{
    *x = *y = -1;
    for (size_t k = 0; k < n; k++) {
        if (!cnt[k]) continue;
        if (*x < 0 || cnt[k] > cnt[*x]) *y = *x, *x = (int)k;
        else if (*y < 0 || cnt[k] > cnt[*y]) *y = (int)k;
    }
}

void rc_out_add(rc_ctx *c, rc_question *q, const int *posk)
{
    q->side = kb_malloc(q->n ? q->n : 1);
    rc_sides(c, q, posk);
    c->out->q = kb_realloc(c->out->q, (c->out->n + 1) * sizeof *c->out->q);
    c->out->q[c->out->n++] = *q;
}

void rc_cand_add(rc_ctx *c, rc_question *q)
{
    q->rank = rc_key_rank(c, q->key);
    if (c->ncand == c->capcand) {
        c->capcand = c->capcand ? 2 * c->capcand : 16;
        c->cand = kb_realloc(c->cand, c->capcand * sizeof *c->cand);
    }
    c->cand[c->ncand++] = *q;
}

void rc_acand_add(rc_ctx *c, const rc_question *q)
{
    if (c->nacand == c->capacand) {
        c->capacand = c->capacand ? 2 * c->capacand : 16;
        c->acand = kb_realloc(c->acand, c->capacand * sizeof *c->acand);
    }
    c->acand[c->nacand++] = *q;
}

static int rc_cand_cmp(const void *a, const void *b)
{
    const rc_question *x = a, *y = b;
    /* a point before the aspect at large that holds it */
    if (x->general != y->general) return x->general - y->general;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    if (x->rank != y->rank) return x->rank - y->rank;
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Agreements: the most sources, the best named aspect, the most claims
 * first. */
static int rc_agree_cmp(const void *a, const void *b)
{
    const rc_question *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    if (x->rank != y->rank) return x->rank - y->rank;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Keep candidates v[0..n) that are not mostly a stronger one (or one
 * already kept: taken marks their claims), adding them to *out. */
static void rc_keep(const rc_ctx *c, rc_question *v, size_t n, int (*cmp)(const void *, const void *),
                    unsigned char *taken, rc_question **out, size_t *nout)
{
    if (n) qsort(v, n, sizeof *v, cmp);
    for (size_t i = 0; i < n; i++) {
        rc_question *q = &v[i];
        size_t dup = 0;
        for (size_t k = 0; k < q->n; k++) dup += taken[c->props[q->props[k]].claim];
        if ((double)dup >= RC_OVERLAP * (double)q->n) {
            free(q->props);
            free(q->side);
            continue;
        }
        for (size_t k = 0; k < q->n; k++) taken[c->props[q->props[k]].claim] = 1;
        *out = kb_realloc(*out, (*nout + 1) * sizeof **out);
        (*out)[(*nout)++] = *q;
    }
}

/* Clear taken for the claims of v[first..n). */
static void rc_untake(const rc_ctx *c, const rc_question *v, size_t first, size_t n, unsigned char *taken)
{
    for (size_t r = first; r < n; r++)
        for (size_t k = 0; k < v[r].n; k++) taken[c->props[v[r].props[k]].claim] = 0;
}

/* Keep the subject's disputes that are not mostly a stronger one, then
 * its agreements that are not mostly a dispute's claims. */
void rc_flush_subject(rc_ctx *c, unsigned char *taken)
{
    size_t q0 = c->out->n, a0 = c->out->nagree;
    rc_keep(c, c->cand, c->ncand, rc_cand_cmp, taken, &c->out->q, &c->out->n);
    rc_keep(c, c->acand, c->nacand, rc_agree_cmp, taken, &c->out->agree, &c->out->nagree);
    rc_untake(c, c->out->q, q0, c->out->n, taken);
    rc_untake(c, c->out->agree, a0, c->out->nagree, taken);
    c->ncand = c->nacand = 0;
}

