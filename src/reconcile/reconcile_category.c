/*
 * reconcile_category.c - what a subject is (reconcile.h): a subject's
 * "X is a K" propositions from different sources that name different
 * kinds, or a kind and its negation (category questions); its "X is
 * written in Y" propositions that give different sets of values of one
 * attribute (value questions).
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

void rc_categories(rc_ctx *c, int subject, const size_t *idx, size_t n)
{
    /* a claim's position: its first kind asserted, else the first
     * denied (as 100 + kind) */
    size_t *props = kb_malloc((n ? n : 1) * sizeof *props);
    int *posk = kb_malloc((n ? n : 1) * sizeof *posk);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const rc_prop *p = &c->props[idx[i]];
        int k = p->p.negated ? 100 + p->p.category : p->p.category;
        size_t j = 0;
        while (j < m && c->props[props[j]].claim != p->claim) j++;
        if (j < m) {
            if (posk[j] >= 100 && k < 100) {
                posk[j] = k;
                props[j] = idx[i];
            }
            continue;
        }
        props[m] = idx[i];
        posk[m++] = k;
    }
    /* a dispute: two kinds asserted, or a kind and its denial, by
     * different sources */
    int dispute = 0;
    for (size_t i = 0; i < m && !dispute; i++)
        for (size_t j = i + 1; j < m && !dispute; j++) {
            if (c->props[props[i]].source == c->props[props[j]].source) continue;
            int a = posk[i], b = posk[j];
            dispute = a != b && (a < 100 || b < 100) && (a < 100 && b < 100 ? 1 : (a % 100) == (b % 100));
        }
    if (dispute) {
        rc_question q = rc_question_new(RC_CATEGORY, subject, 0);
        q.n = m;
        q.props = props;
        q.side = kb_malloc(m);
        q.score = 1;
        rc_sides(c, &q, posk);
        c->out->q = kb_realloc(c->out->q, (c->out->n + 1) * sizeof *c->out->q);
        c->out->q[c->out->n++] = q;
    } else {
        free(props);
    }
    free(posk);
}

/* The question on attribute attr of the subject's value propositions
 * idx[0..n): a claim's position is its set of values (its first
 * proposition on the attribute); two sources with different sets make
 * it, and two or more that all give the same set an agreement. */
static void rc_value_question(rc_ctx *c, int subject, int attr, const size_t *idx, size_t n)
{
    size_t *props = kb_malloc(n * sizeof *props);
    int *posk = kb_malloc(n * sizeof *posk);
    size_t m = 0;
    int dispute = 0, same_all = 1;
    size_t nsrc = 0;
    for (size_t i = 0; i < n; i++) {
        const rc_prop *p = &c->props[idx[i]];
        if (p->p.category != attr || (m && c->props[props[m - 1]].claim == p->claim)) continue;
        /* the position: the first claim with the same set */
        posk[m] = (int)m;
        for (size_t j = 0; j < m; j++) {
            const prop *o = &c->props[props[j]].p;
            int same = o->nkeys == p->p.nkeys && prop_keys_within(&p->p, o);
            if (same && posk[m] == (int)m) posk[m] = posk[j];
            dispute |= !same && c->props[props[j]].source != p->source;
            same_all &= same;
        }
        /* sources come in order: a new one differs from the last */
        nsrc += !m || c->props[props[m - 1]].source != p->source;
        props[m++] = idx[i];
    }
    if (!dispute && (!same_all || nsrc < 2)) {
        free(props);
        free(posk);
        return;
    }
    rc_question q = rc_question_new(RC_VALUE, subject, (uint32_t)attr);
    q.n = m;
    q.props = props;
    q.side = kb_malloc(m);
    q.score = dispute ? 1 : (double)nsrc;
    rc_sides(c, &q, posk);
    free(posk);
    rc_question **to = dispute ? &c->out->q : &c->out->agree;
    size_t *nto = dispute ? &c->out->n : &c->out->nagree;
    *to = kb_realloc(*to, (*nto + 1) * sizeof **to);
    (*to)[(*nto)++] = q;
}

void rc_values(rc_ctx *c, int subject, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int attr = c->props[idx[i]].p.category, first = 1;
        for (size_t j = 0; j < i && first; j++) first = c->props[idx[j]].p.category != attr;
        if (first) rc_value_question(c, subject, attr, idx, n);
    }
}
