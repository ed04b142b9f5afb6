/*
 * tureconcile.h - what the suites of reconcile's questions share
 * (check_reconcile.c, check_reconcile_rank.c): the reconcile lexicon
 * and a key table (a Check checked fixture), propositions written by
 * hand into props[], and rc_find over them for two subjects.
 */
#ifndef KB_TURECONCILE_H
#define KB_TURECONCILE_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "reconcile.h"
#include "testutil.h"
#include "util.h"

static prop_lex *lex;
static prop_keys *keys;
static rc_prop props[256];
static size_t nprops;

static inline void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &lex, &err), KB_OK);
    keys = prop_keys_new();
    nprops = 0;
}

static inline void teardown(void)
{
    prop_keys_free(keys);
    prop_lex_free(lex);
}

/* A stance proposition of claim (its own index) in source, on subject
 * (0 or 1, versus -1 or the other), every key judged (and ranked on,
 * should it rank); keys: a
 * comma-separated list of key texts. */
static inline rc_prop *add(size_t claim, size_t source, int subject, int versus, int polarity, prop_modality mod,
                    const char *klist)
{
    ck_assert_uint_lt(nprops, 256);
    rc_prop *rp = &props[nprops++];
    memset(rp, 0, sizeof *rp);
    rp->claim = claim;
    rp->source = source;
    rp->p.kind = PROP_STANCE;
    rp->p.subject = subject;
    rp->p.versus = versus;
    rp->p.ranks = versus;
    rp->p.polarity = polarity;
    rp->p.modality = mod;
    rp->p.category = -1;
    for (const char *k = klist; k && *k;) {
        const char *e = strchr(k, ',');
        size_t n = e ? (size_t)(e - k) : strlen(k);
        rp->p.keys[rp->p.nkeys] = prop_key(keys, k, n, NULL, 0);
        rp->p.judged |= 1u << rp->p.nkeys;
        rp->p.ranked |= 1u << rp->p.nkeys;
        rp->p.nkeys++;
        k = e ? e + 1 : k + n;
    }
    return rp;
}

static inline void find(rc_set *s)
{
    rc_find(props, nprops, 2, lex, keys, s);
}

/* Filler claims with a key each: the background that makes a key
 * common (df) or rare. */
static inline void background(size_t first_claim, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++) add(first_claim + i, 9, 0, -1, 0, PROP_PLAIN, key);
}

#endif
