/*
 * reconcile_rank.c - ranking questions (reconcile.h): one source ranks
 * one subject above another on an aspect ("X is easier to learn"), and
 * another source judges both alike ("Both X and Y are easy to learn")
 * or ranks them the other way ("Y is easier to learn").
 * A comparative counts when the clause compares (prop.ranks), whether
 * or not it names the base; "alike" is a clause that judges two
 * subjects the same way saying "both" (prop.joint), or an equative
 * ("X is as fast as Y", "on par with Y").  Only
 * named aspects and the user's cues are read: two claims that meet on
 * a plain word rank different things.
 */
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"
#include "util.h"

/* One (pair of subjects, aspect key) a proposition speaks to. */
typedef struct rk_entry {
    int x, y;                /* x < y */
    uint32_t key;
    size_t prop;
    int dir;                 /* +1 x ahead, -1 y ahead, 0 alike */
} rk_entry;

static int rk_cmp(const void *a, const void *b)
{
    const rk_entry *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    return (p->prop > q->prop) - (p->prop < q->prop);
}

/* Is key i of p a named aspect or a cue that p ranks on (near its
 * comparative: "performs better" ranks on speed, not on the browser
 * named before it), or, for an alike judgement, speaks of? */
static int rk_key_ok(const rc_ctx *c, const prop *p, size_t i)
{
    uint32_t on = p->joint ? p->judged : p->ranked;
    return ((on >> i) & 1) && rc_key_rank(c, p->keys[i]) <= 1 && prop_key_str(c->keys, p->keys[i])[0] != '%';
}

/* The other subject props[i]'s clause judges alike, or -1: the joint
 * proposition of the same claim and clause on another subject. */
static int rk_partner(const rc_ctx *c, size_t n, size_t i, size_t from)
{
    const rc_prop *a = &c->props[i];
    for (size_t j = from; j < n && c->props[j].claim == a->claim; j++) {
        const rc_prop *b = &c->props[j];
        if (j != i && b->p.joint && b->p.subject != a->p.subject && b->p.start == a->p.start && b->p.end == a->p.end)
            return b->p.subject;
    }
    return -1;
}

/* Does props[i], a clause ranking its subject against another, only
 * match it ("X is as fast as Y", "X is on par with Y"): the other
 * subject's proposition of the same clause judges it neither way and
 * names it as its base? */
static int rk_equal(const rc_ctx *c, size_t n, size_t i, size_t from)
{
    const rc_prop *a = &c->props[i];
    for (size_t j = from; j < n && c->props[j].claim == a->claim; j++) {
        const rc_prop *b = &c->props[j];
        if (b->p.subject == a->p.ranks && b->p.versus == a->p.subject && !b->p.polarity &&
            b->p.start == a->p.start && b->p.end == a->p.end)
            return 1;
    }
    return 0;
}

/* The entries of props[0..n): comparatives and joint judgements, each
 * under its pair.  Owned by the caller; *ne gets the count. */
static rk_entry *rk_entries(const rc_ctx *c, size_t n, size_t nsubjects, size_t *ne)
{
    size_t cap = 16, m = 0, first = 0;
    rk_entry *e = kb_malloc(cap * sizeof *e);
    for (size_t i = 0; i < n; i++) {
        const prop *p = &c->props[i].p;
        if (i == 0 || c->props[i].claim != c->props[i - 1].claim) first = i;
        /* a judgement, or a joint statement that two are alike */
        if (PROP_IS_FACT(p) || (!p->polarity && !p->joint) || p->subject < 0 ||
            (size_t)p->subject >= nsubjects)
            continue;
        int other = -1, dir = 0;
        if (p->joint) {
            other = rk_partner(c, n, i, first);
            if (other <= p->subject) continue;   /* the pair once, from its first subject */
        } else if (p->ranks >= 0 && (size_t)p->ranks < nsubjects && p->ranks != p->subject && !p->choice) {
            other = p->ranks;
            /* an equative ranks neither ahead: the two alike */
            dir = rk_equal(c, n, i, first) ? 0 : p->subject < other ? p->polarity : -p->polarity;
        }
        if (other < 0) continue;
        for (size_t k = 0; k < p->nkeys; k++) {
            if (!rk_key_ok(c, p, k)) continue;
            if (m == cap) e = kb_realloc(e, (cap *= 2) * sizeof *e);
            e[m++] = (rk_entry){p->subject < other ? p->subject : other, p->subject < other ? other : p->subject,
                                p->keys[k], i, dir};
        }
    }
    if (m) qsort(e, m, sizeof *e, rk_cmp);
    *ne = m;
    return e;
}

/* The question of one run e[0..n) (one pair, one key), if a source
 * ranks the pair and another judges it alike or ranks it the other way
 * on the same point (the two aligned, reconcile_align.c): its claims
 * are those of such pairs. */
static void rk_question(rc_ctx *c, const rk_entry *e, size_t n)
{
    unsigned char *in = kb_calloc(n, 1);
    int any = 0;
    /* on a concept whose size is a point of its own, rankings by size
     * ("a smaller developer pool") meet only sizes judged alike ("both
     * have large communities"), not "both are mature" */
    const char *kstr = prop_key_str(c->keys, e[0].key);
    int by_size = kstr[0] == '#' && prop_lex_is_sized(c->lex, kstr + 1);
    for (size_t i = 0; i < n && by_size; i++) by_size = !e[i].dir || c->props[e[i].prop].p.sized;
    /* a source that ranks the pair both ways (on different scopes or
     * tasks) disputes no other's ranking */
    unsigned char *both = kb_calloc(n, 1);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n && !both[i]; j++)
            both[i] = e[i].dir * e[j].dir < 0 && c->props[e[i].prop].source == c->props[e[j].prop].source;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            const rc_prop *a = &c->props[e[i].prop], *b = &c->props[e[j].prop];
            /* a ranking against both alike, or against the other
             * ranking ("X is easier to manage" / "Y is more
             * straightforward to manage"; two that name their base
             * meet in one stance group already: rc_home) */
            int against = e[j].dir ? e[i].dir > 0 && e[j].dir < 0 && !both[i] && !both[j] &&
                                         (a->p.versus < 0 || b->p.versus < 0)
                                   : e[i].dir != 0;
            if (!against || a->source == b->source || (by_size && !b->p.sized) || rc_align(c, &a->p, &b->p) <= 0)
                continue;
            in[i] = in[j] = 1;
            any = 1;
        }
    free(both);
    if (!any) {
        free(in);
        return;
    }
    rc_question q = rc_question_new(RC_RANK, e[0].x, e[0].key);
    q.versus = e[0].y;
    q.score = 1;
    q.props = kb_malloc(n * sizeof *q.props);
    q.side = kb_malloc(n);
    int *posk = kb_malloc(n * sizeof *posk);
    for (size_t i = 0; i < n; i++) {
        /* one entry per claim: its first clause on the pair */
        int seen = !in[i];
        for (size_t k = 0; k < q.n && !seen; k++) seen = c->props[q.props[k]].claim == c->props[e[i].prop].claim;
        if (seen) continue;
        posk[q.n] = e[i].dir;
        q.props[q.n++] = e[i].prop;
    }
    rc_sides(c, &q, posk);
    free(posk);
    free(in);
    rc_cand_add(c, &q);
}

void rc_ranks(rc_ctx *c, size_t n, size_t nsubjects, unsigned char *taken)
{
    size_t ne;
    rk_entry *e = rk_entries(c, n, nsubjects, &ne);
    for (size_t i = 0; i < ne;) {
        size_t j = i;
        while (j < ne && e[j].x == e[i].x && e[j].y == e[i].y && e[j].key == e[i].key) j++;
        /* a run too long to be one point, as a group is (the pairs
         * compared grow with its square) */
        if (j - i <= RC_GROUP_MAX) rk_question(c, e + i, j - i);
        /* one pair's questions are weighed against each other */
        if (j == ne || e[j].x != e[i].x || e[j].y != e[i].y) rc_flush_subject(c, taken);
        i = j;
    }
    free(e);
}
