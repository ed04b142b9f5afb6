/*
 * reconcile_choice.c - choice questions (reconcile.h): which subject
 * suits a scope ("Which suits small projects: X or Y?"), when one
 * source favours X for it and another Y, neither favouring the other.
 * The scopes are those the lexicon asks about that way (a "?scope"
 * question in schema/reconcile.tsv); a favourable proposition that
 * names the scope speaks for its subject.
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

/* Does props[i] favour its subject for scope bit b? */
static int rc_favours(const rc_prop *p, size_t nsubjects, int b)
{
    return p->p.kind == PROP_STANCE && p->p.polarity > 0 && p->p.subject >= 0 &&
           (size_t)p->p.subject < nsubjects && ((p->p.scope >> b) & 1);
}

/* The choice question on scope b between the two subjects that most
 * sources favour alone, if one source favours the first and not the
 * second and another the second and not the first. */
static void rc_choice(rc_ctx *c, size_t n, size_t nsubjects, size_t nsources, int b, unsigned char *fav,
                      size_t *cnt)
{
    /* fav[source * nsubjects + subject]: the source favours the subject;
     * cnt[subject]: how many sources do */
    for (size_t i = 0; i < n; i++) {
        const rc_prop *p = &c->props[i];
        if (rc_favours(p, nsubjects, b)) fav[p->source * nsubjects + (size_t)p->p.subject] = 1;
    }
    for (size_t s = 0; s < nsources; s++)
        for (size_t x = 0; x < nsubjects; x++) cnt[x] += fav[s * nsubjects + x];
    int x = -1, y = -1;
    for (size_t k = 0; k < nsubjects; k++) {
        if (!cnt[k]) continue;
        if (x < 0 || cnt[k] > cnt[x]) y = x, x = (int)k;
        else if (y < 0 || cnt[k] > cnt[y]) y = (int)k;
    }
    int only_x = 0, only_y = 0;
    for (size_t s = 0; s < nsources && x >= 0 && y >= 0; s++) {
        only_x |= fav[s * nsubjects + (size_t)x] && !fav[s * nsubjects + (size_t)y];
        only_y |= fav[s * nsubjects + (size_t)y] && !fav[s * nsubjects + (size_t)x];
    }
    if (only_x && only_y) {
        rc_question q = rc_question_new(RC_CHOICE, x < y ? x : y, (uint32_t)b);
        q.versus = x < y ? y : x;
        q.props = kb_malloc(n * sizeof *q.props);
        int *posk = kb_malloc(n * sizeof *posk);
        for (size_t i = 0; i < n; i++)
            if (rc_favours(&c->props[i], nsubjects, b) && (c->props[i].p.subject == x || c->props[i].p.subject == y)) {
                posk[q.n] = c->props[i].p.subject;
                q.props[q.n++] = i;
            }
        q.props = kb_realloc(q.props, q.n * sizeof *q.props);
        q.side = kb_malloc(q.n);
        q.score = 1;
        rc_sides(c, &q, posk);
        free(posk);
        c->out->q = kb_realloc(c->out->q, (c->out->n + 1) * sizeof *c->out->q);
        c->out->q[c->out->n++] = q;
    }
    for (size_t i = 0; i < nsources * nsubjects; i++) fav[i] = 0;
    for (size_t k = 0; k < nsubjects; k++) cnt[k] = 0;
}

void rc_choices(rc_ctx *c, size_t n, size_t nsubjects)
{
    if (nsubjects < 2) return;
    size_t nsources = 0;
    for (size_t i = 0; i < n; i++)
        if (c->props[i].source + 1 > nsources) nsources = c->props[i].source + 1;
    unsigned char *fav = kb_calloc(nsources * nsubjects + 1, 1);
    size_t *cnt = kb_calloc(nsubjects, sizeof *cnt);
    for (int b = 0; b < 32 && prop_lex_scope(c->lex, (size_t)b); b++)
        if (prop_lex_choice(c->lex, (size_t)b)) rc_choice(c, n, nsubjects, nsources, b, fav, cnt);
    free(cnt);
    free(fav);
}
