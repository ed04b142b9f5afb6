/*
 * reconcile.c - questions from propositions (see reconcile.h): the
 * finder's driver.  The propositions' (subject, aspect key) pairs are
 * sorted once, each run a group; each key's claims are counted for its
 * specificity (reconcile_align.c); then the groups are read subject by
 * subject (reconcile_group.c), each subject's candidates kept or dropped
 * before the next (reconcile_keep.c), and last the category questions
 * (reconcile_category.c), the choices between subjects on a scope
 * (reconcile_choice.c) or a use (reconcile_use.c) and the rankings
 * (reconcile_rank.c).  reconcile_int.h lists the files.
 */
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"
#include "util.h"

static int rc_entry_cmp(const void *a, const void *b)
{
    const rc_entry *x = a, *y = b;
    if (x->subject != y->subject) return x->subject < y->subject ? -1 : 1;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->prop > y->prop) - (x->prop < y->prop);
}

/* Does props[i] take part in the groups: a judgement or a mention of a
 * known subject, not a category? */
static int rc_grouped(const rc_prop *p, size_t nsubjects)
{
    return !PROP_IS_FACT(&p->p) && p->p.subject >= 0 && (size_t)p->p.subject < nsubjects;
}

/* Count into nclaims[] each subject's claims with propositions on it
 * (under the subject each is read under: rc_home). */
static void rc_count_claims(const rc_prop *props, size_t n, size_t nsubjects, size_t *nclaims)
{
    for (size_t i = 0; i < n; i++) {
        if (!rc_grouped(&props[i], nsubjects)) continue;
        int seen = 0, home = rc_home(&props[i].p);
        for (size_t j = i; j-- > 0 && props[j].claim == props[i].claim && !seen;)
            seen = !PROP_IS_FACT(&props[j].p) && rc_home(&props[j].p) == home;
        nclaims[home] += !seen;
    }
}

/* The (subject, key) entries of the grouped propositions, sorted: each
 * run of one pair is a group.  Owned by the caller; *ne gets the count. */
static rc_entry *rc_entries(const rc_prop *props, size_t n, size_t nsubjects, size_t *ne)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        if (!PROP_IS_FACT(&props[i].p)) cap += props[i].p.nkeys;
    rc_entry *e = kb_malloc((cap ? cap : 1) * sizeof *e);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const prop *p = &props[i].p;
        if (!rc_grouped(&props[i], nsubjects)) continue;
        for (size_t k = 0; k < p->nkeys; k++) e[m++] = (rc_entry){rc_home(p), p->keys[k], i};
    }
    if (m) qsort(e, m, sizeof *e, rc_entry_cmp);
    *ne = m;
    return e;
}

/* Is key one of the lexicon's aspects (a concept, pole axis or scope),
 * not a part of the subject ("JavaScript" of Node.js) nor a word? */
static int rc_lexicon_aspect(const rc_ctx *c, uint32_t key)
{
    const char *k = prop_key_str(c->keys, key);
    return k && (k[0] == '#' || k[0] == '%');
}

/* Read the groups of e[0..ne), subject by subject: a key in two claims
 * or more and not in too many to be one point is a group; a subject's
 * candidates are kept or dropped before the next.  taken: one byte per
 * claim, all 0. */
static void rc_groups(rc_ctx *c, const rc_entry *e, size_t ne, unsigned char *taken)
{
    size_t cap = RC_GROUP_MAX + 1;
    rc_pos *pos = kb_malloc(cap * sizeof *pos);
    for (size_t i = 0; i < ne;) {
        int subject = e[i].subject;
        for (; i < ne && e[i].subject == subject;) {
            size_t j = i;
            while (j < ne && e[j].subject == subject && e[j].key == e[i].key) j++;
            uint32_t df = rc_df_get(&c->df, subject, e[i].key);
            /* a word, a cue or a part in many claims is too general to
             * be one point; an aspect the lexicon names never is: it is
             * what the articles are about */
            if (df >= 2 && (df <= RC_GROUP_MAX || rc_lexicon_aspect(c, e[i].key))) {
                if (j - i > cap) pos = kb_realloc(pos, (cap = j - i) * sizeof *pos);
                rc_group(c, subject, e + i, j - i, pos);
            }
            i = j;
        }
        rc_flush_subject(c, taken);
    }
    free(pos);
}

/* The category and value questions, subject by subject. */
static void rc_find_categories(rc_ctx *c, size_t n, size_t nsubjects)
{
    size_t *idx = kb_malloc((n ? n : 1) * sizeof *idx);
    for (size_t s = 0; s < nsubjects; s++)
        for (int kind = PROP_CATEGORY; kind <= PROP_VALUE; kind++) {
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (c->props[i].p.kind == (prop_kind)kind && c->props[i].p.subject == (int)s) idx[m++] = i;
            if (m >= 2) (kind == PROP_CATEGORY ? rc_categories : rc_values)(c, (int)s, idx, m);
        }
    free(idx);
}

void rc_find(const rc_prop *props, size_t n, size_t nsubjects, const prop_lex *lex, const prop_keys *keys,
             rc_set *out)
{
    memset(out, 0, sizeof *out);
    rc_ctx c;
    memset(&c, 0, sizeof c);
    c.props = props;
    c.lex = lex;
    c.keys = keys;
    c.out = out;
    c.nclaims = kb_calloc(nsubjects + 1, sizeof *c.nclaims);
    size_t nclaim = 0, ne;
    for (size_t i = 0; i < n; i++)
        if (props[i].claim + 1 > nclaim) nclaim = props[i].claim + 1;
    rc_count_claims(props, n, nsubjects, c.nclaims);
    rc_entry *e = rc_entries(props, n, nsubjects, &ne);
    rc_df_build(&c, e, ne);
    unsigned char *taken = kb_calloc(nclaim + 1, 1);
    rc_groups(&c, e, ne, taken);
    rc_find_categories(&c, n, nsubjects);
    rc_choices(&c, n, nsubjects);
    rc_uses(&c, n, nsubjects);
    rc_ranks(&c, n, nsubjects, taken);
    free(taken);
    free(e);
    free(c.df.k);
    free(c.df.v);
    free(c.nclaims);
    free(c.cand);
    free(c.acand);
}

int rc_lex_check(const prop_lex *lex, char **err)
{
    size_t kinds = 0;
    while (prop_lex_kind(lex, kinds)) kinds++;
    if (2 * kinds > RC_MAX_SIDES)
        return kb_seterr(err, "%zu kinds, at most %d (a category question's sides: each kind asserted or denied)",
                         kinds, RC_MAX_SIDES / 2);
    for (size_t i = 0; prop_lex_pole(lex, i); i++) {
        const char *axis = prop_lex_pole(lex, i), *slash = strchr(axis, '/');
        if (!slash) continue;   /* on no aspect: never a side (rc_pole_on) */
        size_t alen = (size_t)(slash - axis), n = 0;
        for (size_t j = 0; prop_lex_pole(lex, j); j++)
            n += strncmp(prop_lex_pole(lex, j), axis, alen + 1) == 0;
        if (n > RC_MAX_SIDES)
            return kb_seterr(err, "%zu poles of '%.*s', at most %d (a pole question's sides)", n, (int)alen, axis,
                             RC_MAX_SIDES);
    }
    return KB_OK;
}

void rc_free(rc_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->q[i].props);
        free(s->q[i].side);
    }
    free(s->q);
    for (size_t i = 0; i < s->nagree; i++) {
        free(s->agree[i].props);
        free(s->agree[i].side);
    }
    free(s->agree);
    memset(s, 0, sizeof *s);
}
