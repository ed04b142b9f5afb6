/*
 * reconcile_category.c - category questions (reconcile.h): a subject's
 * "X is a K" propositions from different sources that name different
 * kinds, or a kind and its negation.
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
