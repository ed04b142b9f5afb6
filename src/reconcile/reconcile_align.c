/*
 * reconcile_align.c - whether two claims speak of the same point: the
 * weight of the aspect keys they share (reconcile.h).
 *
 * How much a shared key says that two claims speak of the same point is
 * its specificity to the subject,
 *     spec = 1 - ln(1 + df) / ln(1 + N)
 * (df: the subject's claims with the key; N: all its claims), 1 for a
 * key no other claim has and 0 for one every claim has; two claims are
 * aligned when the specificities of the keys they share add up to
 * RC_ALIGN.  The measure is a ratio of logarithms, so it does not move
 * when a corpus is repeated: the same rows at 1x and 8x.
 */
#include <math.h>
#include <string.h>

#include "reconcile_int.h"
#include "util.h"

#define RC_ALIGN 1.0        /* the weight two claims must share to be aligned */
#define RC_ASPECT 2.0       /* a named aspect's weight against a word's (rc_weight) */
#define RC_CUE 1.0          /* a taxonomy cue's: a word of the user's, not an aspect named */
#define RC_NAMED_MIN 0.5    /* the least specificity a named aspect counts with */
#define RC_SHARE 0.25       /* and this share of the lighter claim's keys */

static size_t rc_df_slot(const rc_df *d, uint64_t key)
{
    size_t h = (size_t)(key * 0x9E3779B97F4A7C15ull) & (d->cap - 1);
    while (d->k[h] && d->k[h] != key + 1) h = (h + 1) & (d->cap - 1);
    return h;
}

uint32_t rc_df_get(const rc_df *d, int subject, uint32_t key)
{
    uint64_t k = ((uint64_t)(uint32_t)subject << 32) | key;
    size_t h = rc_df_slot(d, k);
    return d->k[h] ? d->v[h] : 0;
}

void rc_df_build(rc_ctx *c, const rc_entry *e, size_t ne)
{
    c->df.cap = 64;
    while (c->df.cap < 2 * ne + 2) c->df.cap *= 2;
    c->df.k = kb_calloc(c->df.cap, sizeof *c->df.k);
    c->df.v = kb_calloc(c->df.cap, sizeof *c->df.v);
    for (size_t i = 0; i < ne;) {
        size_t j = i, df = 0;
        for (; j < ne && e[j].subject == e[i].subject && e[j].key == e[i].key; j++)
            df += j == i || c->props[e[j].prop].claim != c->props[e[j - 1].prop].claim;
        uint64_t k = ((uint64_t)(uint32_t)e[i].subject << 32) | e[i].key;
        size_t h = rc_df_slot(&c->df, k);
        c->df.k[h] = k + 1;
        c->df.v[h] = (uint32_t)df;
        i = j;
    }
}

static double rc_spec(const rc_ctx *c, int subject, uint32_t key)
{
    double n = (double)c->nclaims[subject], df = rc_df_get(&c->df, subject, key);
    if (df > n) n = df;
    if (n < 1) return 0;
    double s = 1.0 - log(1.0 + df) / log(1.0 + n);
    return s < 0 ? 0 : s;
}

/* A key's weight: its specificity; a named aspect's (the lexicon's
 * concepts, poles and scopes, the taxonomy's parts) RC_ASPECT times, and
 * never less than RC_NAMED_MIN of that: in a small set of articles on
 * one topic the topic's own aspect is in most claims, and still the
 * point they dispute. */
static double rc_weight(const rc_ctx *c, int subject, uint32_t key)
{
    const char *k = prop_key_str(c->keys, key);
    double s = rc_spec(c, subject, key);
    if (k && strchr("#%&", k[0])) return RC_ASPECT * (s > RC_NAMED_MIN ? s : RC_NAMED_MIN);
    return (k && k[0] == '$' ? RC_CUE : 1.0) * s;
}

/* Are claims a and b about the same point?  The keys they share weigh
 * RC_ALIGN at least, a named aspect's (the lexicon's or the taxonomy's:
 * a concept, pole, scope or part) RC_ASPECT times a word's, and RC_SHARE
 * of all the keys of the one with less: two long claims meet on some
 * word or other.  Returns the shared weight, 0 when not aligned. */
double rc_align(const rc_ctx *c, const prop *a, const prop *b)
{
    double shared = 0, wa = 0, wb = 0;
    int home = rc_home(a);
    for (size_t i = 0; i < a->nkeys; i++) {
        double w = rc_weight(c, home, a->keys[i]);
        wa += w;
        for (size_t j = 0; j < b->nkeys; j++)
            if (a->keys[i] == b->keys[j]) shared += w;
    }
    for (size_t j = 0; j < b->nkeys; j++) wb += rc_weight(c, home, b->keys[j]);
    if (shared < RC_ALIGN || shared < RC_SHARE * (wa < wb ? wa : wb)) return 0;
    return shared;
}

double rc_light(const rc_ctx *c, const prop *p, uint32_t key)
{
    int home = rc_home(p);
    double wk = rc_weight(c, home, key), w = 0;
    if (wk < RC_ALIGN) return 0;
    for (size_t i = 0; i < p->nkeys; i++) w += rc_weight(c, home, p->keys[i]);
    return RC_SHARE * w <= wk ? wk : 0;
}

/* 0 for a named aspect (the lexicon's, the taxonomy's parts), 1 for a
 * taxonomy cue, 2 for a word: the first names a question best. */
int rc_key_rank(const rc_ctx *c, uint32_t key)
{
    const char *k = prop_key_str(c->keys, key);
    return k && strchr("#%&", k[0]) ? 0 : k && k[0] == '$' ? 1 : 2;
}
