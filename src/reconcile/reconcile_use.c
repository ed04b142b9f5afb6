/*
 * reconcile_use.c - use questions (reconcile.h): which subject suits a
 * use the user's taxonomy names ("Which suits log aggregation: X or
 * Y?"), when one source recommends X for it and another Y, neither
 * both.  A recommendation (prop.choice: "the go-to choice for",
 * "choose X for") that is not negative and names one of the taxonomy's
 * cues speaks for its subject on that cue.  The lexicon's scopes are
 * asked about in reconcile_choice.c; plain words never are.
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

/* One recommendation of a subject on a cue. */
typedef struct us_entry {
    uint32_t key;
    size_t source;
    int subject;
    size_t prop;
} us_entry;

static int us_cmp(const void *a, const void *b)
{
    const us_entry *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->source != y->source) return x->source < y->source ? -1 : 1;
    if (x->subject != y->subject) return x->subject < y->subject ? -1 : 1;
    return (x->prop > y->prop) - (x->prop < y->prop);
}

/* Does source run e[0..n) (one key, one source) recommend subject s? */
static int us_has(const us_entry *e, size_t n, int s)
{
    for (size_t i = 0; i < n; i++)
        if (e[i].subject == s) return 1;
    return 0;
}

/* The question on one cue, e[0..n) (sorted by source): the two subjects
 * most sources recommend, when a source recommends each without the
 * other. */
static void us_question(rc_ctx *c, const us_entry *e, size_t n, size_t nsubjects, size_t *cnt)
{
    for (size_t i = 0; i < n; i++)
        if (i == 0 || e[i].source != e[i - 1].source || e[i].subject != e[i - 1].subject) cnt[e[i].subject]++;
    int x, y;
    rc_top_two(cnt, nsubjects, &x, &y);
    for (size_t k = 0; k < nsubjects; k++) cnt[k] = 0;
    if (x < 0 || y < 0) return;
    int only_x = 0, only_y = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && e[j].source == e[i].source) j++;
        int hx = us_has(e + i, j - i, x), hy = us_has(e + i, j - i, y);
        only_x |= hx && !hy;
        only_y |= hy && !hx;
        i = j;
    }
    if (!only_x || !only_y) return;
    rc_question q = rc_question_new(RC_USE, x < y ? x : y, e[0].key);
    q.versus = x < y ? y : x;
    q.score = 1;
    q.props = kb_malloc(n * sizeof *q.props);
    int *posk = kb_malloc(n * sizeof *posk);
    for (size_t i = 0; i < n; i++) {
        if (e[i].subject != x && e[i].subject != y) continue;
        int seen = 0;   /* a claim once */
        for (size_t k = 0; k < q.n && !seen; k++) seen = c->props[q.props[k]].claim == c->props[e[i].prop].claim;
        if (seen) continue;
        posk[q.n] = e[i].subject;
        q.props[q.n++] = e[i].prop;
    }
    rc_out_add(c, &q, posk);
    free(posk);
}

void rc_uses(rc_ctx *c, size_t n, size_t nsubjects)
{
    if (nsubjects < 2) return;
    size_t cap = 16, m = 0;
    us_entry *e = kb_malloc(cap * sizeof *e);
    for (size_t i = 0; i < n; i++) {
        const prop *p = &c->props[i].p;
        if (!p->choice || p->polarity < 0 || PROP_IS_FACT(p) || p->subject < 0 ||
            (size_t)p->subject >= nsubjects)
            continue;
        for (size_t k = 0; k < p->nkeys; k++) {
            if (prop_key_str(c->keys, p->keys[k])[0] != '$') continue;
            if (m == cap) e = kb_realloc(e, (cap *= 2) * sizeof *e);
            e[m++] = (us_entry){p->keys[k], c->props[i].source, p->subject, i};
        }
    }
    if (m) qsort(e, m, sizeof *e, us_cmp);
    size_t *cnt = kb_calloc(nsubjects, sizeof *cnt);
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && e[j].key == e[i].key) j++;
        /* a cue in more recommendations than a group holds is no one use */
        if (j - i <= RC_GROUP_MAX) us_question(c, e + i, j - i, nsubjects, cnt);
        i = j;
    }
    free(cnt);
    free(e);
}
