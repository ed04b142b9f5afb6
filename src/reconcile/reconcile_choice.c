/*
 * reconcile_choice.c - choice questions (reconcile.h): which subject
 * suits a scope ("Which suits small projects: X or Y?"), when one
 * source favours X for it and another Y, neither favouring the other;
 * and which scope of one axis a subject suits ("Is X suited to small
 * projects or to large projects?"), when one source favours it for one
 * value and another for the other, neither for both.  The scopes are
 * those the lexicon asks about that way (a "?scope" question in
 * schema/reconcile.tsv; an axis whose values exclude each other for one
 * subject has a "!axis" question); a favourable proposition that names
 * the scope speaks for its subject.  A subject's own row on a scope
 * that a choice row on it holds is that row (rc_choice_dedupe).
 */
#include <stdlib.h>
#include <string.h>

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
    int x, y;
    rc_top_two(cnt, nsubjects, &x, &y);
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
        q.score = 1;
        rc_out_add(c, &q, posk);
        free(posk);
    }
    for (size_t i = 0; i < nsources * nsubjects; i++) fav[i] = 0;
    for (size_t k = 0; k < nsubjects; k++) cnt[k] = 0;
}

const char *rc_axis_question(const prop_lex *lex, int a)
{
    const char *x = prop_lex_scope(lex, (size_t)a), *sx = x ? strchr(x, '/') : NULL;
    char key[128];
    if (!sx || (size_t)(sx - x) + 2 > sizeof key) return NULL;
    key[0] = '!';
    memcpy(key + 1, x, (size_t)(sx - x));
    key[sx - x + 1] = '\0';
    return prop_lex_question(lex, key);
}

/* Does props[i] favour its subject s for exactly one value of the axis
 * whose values are bits mask?  That value's bit, else -1. */
static int rc_favours_one(const rc_prop *p, int s, uint32_t mask)
{
    if (p->p.kind != PROP_STANCE || p->p.polarity <= 0 || p->p.subject != s) return -1;
    uint32_t m = p->p.scope & mask;
    if (!m || (m & (m - 1))) return -1;
    int b = 0;
    while (!((m >> b) & 1)) b++;
    return b;
}

/* The question of which value of the axis (bits mask) subject s suits:
 * the two values most sources favour it for, when one source favours it
 * for the first and not the second and another the other way. */
static void rc_suits(rc_ctx *c, size_t n, size_t nsources, int s, uint32_t mask, unsigned char *fav)
{
    /* fav[source * 32 + bit] */
    size_t cnt[32] = {0};
    for (size_t i = 0; i < n; i++) {
        int b = rc_favours_one(&c->props[i], s, mask);
        if (b >= 0 && !fav[c->props[i].source * 32 + (size_t)b]) {
            fav[c->props[i].source * 32 + (size_t)b] = 1;
            cnt[b]++;
        }
    }
    int x, y;
    rc_top_two(cnt, 32, &x, &y);
    int only_x = 0, only_y = 0;
    for (size_t src = 0; src < nsources && x >= 0 && y >= 0; src++) {
        only_x |= fav[src * 32 + (size_t)x] && !fav[src * 32 + (size_t)y];
        only_y |= fav[src * 32 + (size_t)y] && !fav[src * 32 + (size_t)x];
    }
    if (only_x && only_y) {
        rc_question q = rc_question_new(RC_SUITS, s, (uint32_t)(x < y ? x : y));
        q.props = kb_malloc(n * sizeof *q.props);
        int *posk = kb_malloc(n * sizeof *posk);
        for (size_t i = 0; i < n; i++) {
            int b = rc_favours_one(&c->props[i], s, mask);
            if (b != x && b != y) continue;
            /* a claim once: its propositions are consecutive */
            if (q.n && c->props[q.props[q.n - 1]].claim == c->props[i].claim) continue;
            posk[q.n] = b;
            q.props[q.n++] = i;
        }
        q.score = 1;
        rc_out_add(c, &q, posk);
        free(posk);
    }
    memset(fav, 0, nsources * 32);
}

/* Drop the scope rows of one subject ("Is X suited to data-intensive
 * work?") that are mostly a choice row on the same scope with X in it
 * ("Which suits data-intensive work: X or Y?", out[from..]) and whose
 * other claims come from sources that speak in that row too: one point
 * asked twice.  A source that judges X on the scope and says nothing
 * of the choice keeps the row. */
static void rc_choice_dedupe(rc_ctx *c, size_t from)
{
    rc_set *o = c->out;
    size_t w = 0;
    for (size_t i = 0; i < o->n; i++) {
        rc_question *q = &o->q[i];
        const char *k = q->kind == RC_STANCE ? prop_key_str(c->keys, q->key) : NULL;
        int drop = 0;
        for (size_t j = from; j < o->n && k && k[0] == '%' && !drop; j++) {
            const rc_question *ch = &o->q[j];
            const char *sc = ch->kind == RC_CHOICE ? prop_lex_scope(c->lex, ch->key) : NULL;
            if (!sc || strcmp(sc, k + 1) != 0 || (ch->subject != q->subject && ch->versus != q->subject)) continue;
            size_t dup = 0, heard = 0;
            for (size_t a = 0; a < q->n; a++) {
                const rc_prop *pa = &c->props[q->props[a]];
                int in = 0, src = 0;
                for (size_t b = 0; b < ch->n; b++) {
                    in |= pa->claim == c->props[ch->props[b]].claim;
                    src |= pa->source == c->props[ch->props[b]].source;
                }
                dup += in;
                heard += in || src;
            }
            drop = 2 * dup >= q->n && heard == q->n;
        }
        if (drop) {
            free(q->props);
            free(q->side);
            continue;
        }
        o->q[w++] = *q;
    }
    o->n = w;
}

void rc_choices(rc_ctx *c, size_t n, size_t nsubjects)
{
    size_t from = c->out->n;
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
    /* per axis of asked scopes (each axis once, from its first value) */
    fav = kb_calloc(nsources * 32 + 1, 1);
    for (int a = 0; a < 32 && prop_lex_scope(c->lex, (size_t)a); a++) {
        if (!prop_lex_choice(c->lex, (size_t)a)) continue;
        uint32_t mask = 0;
        int first = 1;
        for (int b = 0; b < 32 && prop_lex_scope(c->lex, (size_t)b); b++)
            if (prop_lex_same_axis(c->lex, (size_t)a, (size_t)b) && prop_lex_choice(c->lex, (size_t)b)) {
                if (b < a) first = 0;
                mask |= 1u << b;
            }
        if (!first || (mask & (mask - 1)) == 0 || !rc_axis_question(c->lex, a)) continue;
        for (size_t s = 0; s < nsubjects; s++) rc_suits(c, n, nsources, (int)s, mask, fav);
    }
    free(fav);
    rc_choice_dedupe(c, from);
}
