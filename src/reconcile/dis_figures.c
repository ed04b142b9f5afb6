/*
 * dis_figures.c - what the figures of one measure of one subject say
 * together (dis_int.h): whether two of them cannot both hold, whether
 * one source itself gives such two, and which figures say nothing the
 * others do not.  The numeric rows (dis_numeric.c) are built on these.
 */
#include <math.h>
#include <stdlib.h>

#include "dis_int.h"
#include "util.h"

void dis_group_clear(dis_group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        free(g->v[i].text);
        free(g->v[i].raw);
    }
    g->n = 0;
    free(g->subject);
    free(g->key);
    g->subject = g->key = NULL;
}

void dis_group_add(dis_group *g, const dis_claim *d)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        g->v = kb_realloc(g->v, g->cap * sizeof *g->v);
    }
    g->v[g->n] = *d;
    g->v[g->n].text = kb_strdup(d->text);
    g->v[g->n].raw = kb_strdup(d->raw);
    g->n++;
}

size_t dis_count_sources(const dis_group *g, unsigned char *mark)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++)
        if (!mark[g->v[i].source]) {
            mark[g->v[i].source] = 1;
            n++;
        }
    for (size_t i = 0; i < g->n; i++) mark[g->v[i].source] = 0;
    return n;
}

int dis_interval_meet(const dis_claim *a, const dis_claim *b)
{
    /* a lies wholly below b, or b below a? */
    if (a->has_high && b->has_low && (a->high < b->low || (a->high == b->low && (a->high_open || b->low_open))))
        return 0;
    if (b->has_high && a->has_low && (b->high < a->low || (b->high == a->low && (b->high_open || a->low_open))))
        return 0;
    return 1;
}

int dis_same_value(const dis_claim *a, const dis_claim *b)
{
    if (a->has_low != b->has_low || a->has_high != b->has_high) return 0;
    if (a->has_low && fabs(a->low - b->low) > 1e-9 * fmax(1, fabs(a->low))) return 0;
    if (a->has_high && fabs(a->high - b->high) > 1e-9 * fmax(1, fabs(a->high))) return 0;
    /* "2 million+" and "over 2 million" say the same at this grain */
    return 1;
}

/* Is there a pair of claims of different sources with intervals that
 * cannot both hold?  The extreme figures decide it: the lowest upper
 * end against the highest lower end, each taken a second time from
 * another source when both come from one.  Linear. */
int dis_any_disjoint(const dis_group *g)
{
    size_t none = (size_t)-1, lo = none, hi = none; /* lowest high end, highest low end */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (v->has_high && (lo == none || v->high < g->v[lo].high)) lo = i;
        if (v->has_low && (hi == none || v->low > g->v[hi].low)) hi = i;
    }
    if (lo == none || hi == none) return 0;
    size_t lo2 = none, hi2 = none; /* the same, from another source than the first */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (v->has_high && v->source != g->v[hi].source && (lo2 == none || v->high < g->v[lo2].high)) lo2 = i;
        if (v->has_low && v->source != g->v[lo].source && (hi2 == none || v->low > g->v[hi2].low)) hi2 = i;
    }
    /* ties at the extremes: any pair at the same values decides alike
     * except for open ends, so also try every claim at those values */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (lo2 != none && v->has_high && v->high == g->v[lo2].high && v->source != g->v[hi].source && v->high_open)
            lo2 = i;
        if (hi2 != none && v->has_low && v->low == g->v[hi2].low && v->source != g->v[lo].source && v->low_open)
            hi2 = i;
    }
    if (lo2 != none && !dis_interval_meet(&g->v[lo2], &g->v[hi])) return 1;
    if (hi2 != none && !dis_interval_meet(&g->v[lo], &g->v[hi2])) return 1;
    return 0;
}

/* A figure's place in its group, by source. */
typedef struct dis_at {
    size_t source, i;
} dis_at;

static int dis_at_cmp(const void *a, const void *b)
{
    const dis_at *x = a, *y = b;
    if (x->source != y->source) return x->source < y->source ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Does one source itself give two figures that cannot both hold ("a
 * 3-node cluster", "5 ZooKeeper nodes", "~8 servers")?  Then the
 * measure is no single fact of the subject's but depends on what is
 * counted.  *x, *y get two such figures.  n log n (a sort by source). */
int dis_self_disjoint(const dis_group *g, size_t *x, size_t *y)
{
    dis_at *ix = kb_malloc((g->n ? g->n : 1) * sizeof *ix);
    size_t none = (size_t)-1;
    for (size_t i = 0; i < g->n; i++) ix[i] = (dis_at){g->v[i].source, i};
    qsort(ix, g->n, sizeof *ix, dis_at_cmp);
    int found = 0;
    for (size_t i = 0; i < g->n && !found;) {
        size_t j = i, lo = none, hi = none;
        for (; j < g->n && ix[j].source == ix[i].source; j++) {
            const dis_claim *v = &g->v[ix[j].i];
            if (v->has_high && (lo == none || v->high < g->v[lo].high)) lo = ix[j].i;
            if (v->has_low && (hi == none || v->low > g->v[hi].low)) hi = ix[j].i;
        }
        if (lo != none && hi != none && !dis_interval_meet(&g->v[lo], &g->v[hi])) {
            *x = lo;
            *y = hi;
            found = 1;
        }
        i = j;
    }
    free(ix);
    return found;
}

/* A source that gives a figure once as a lower bound ("100k/sec+") and
 * once bare ("100k/sec performance") means the bound both times: its
 * bare mentions take the bound's open upper end.  n log n (a sort by
 * source), then each source's figures against each other. */
void dis_own_bounds(dis_group *g)
{
    dis_at *ix = kb_malloc((g->n ? g->n : 1) * sizeof *ix);
    for (size_t i = 0; i < g->n; i++) ix[i] = (dis_at){g->v[i].source, i};
    qsort(ix, g->n, sizeof *ix, dis_at_cmp);
    for (size_t i = 0; i < g->n;) {
        size_t j = i;
        while (j < g->n && ix[j].source == ix[i].source) j++;
        for (size_t a = i; a < j; a++) {
            const dis_claim *b = &g->v[ix[a].i];
            if (!b->has_low || b->has_high || b->approx || b->low_open) continue;
            for (size_t k = i; k < j; k++) {
                dis_claim *p = &g->v[ix[k].i];
                if (p->has_low && p->has_high && !p->approx && p->low == b->low && p->high == b->low)
                    p->has_high = p->high_open = 0;
            }
        }
        i = j;
    }
    free(ix);
}

/* Leave out the vague lower bounds ("thousands of") that an exact
 * figure at least ten times larger already implies ("17M+"): they
 * dispute nothing.  One pass for the largest exact lower end, one to
 * compact. */
void dis_drop_implied(dis_group *g)
{
    double top = -HUGE_VAL;
    for (size_t i = 0; i < g->n; i++)
        if (!g->v[i].approx && g->v[i].has_low && g->v[i].low > top) top = g->v[i].low;
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++) {
        dis_claim *v = &g->v[i];
        if (v->approx && v->has_low && !v->has_high && v->low > 0 && v->low * 10 <= top) {
            free(v->text);
            free(v->raw);
            continue;
        }
        g->v[k++] = *v;
    }
    g->n = k;
}
