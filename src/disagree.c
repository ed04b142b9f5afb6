/*
 * disagree.c - finding and reconciling disagreements; see disagree.h.
 *
 * Facts come from the store already ordered by subject and dimension
 * (stances) or subject and measure (quantities), so each group is a run
 * of consecutive rows: grouping is one pass, and no claim is compared
 * with every other (the cost grows with the number of facts, not its
 * square).  Within a group the claims are split into sides, and the
 * verdict looks at scopes (schema/scope.tsv), source dates and how many
 * independent sources stand on each side.
 */
#include "disagree.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "embed.h"
#include "norm.h"
#include "taxonomy.h"
#include "util.h"

/* A group being collected: the claims of one (subject, dimension |
 * measure), as they will be listed (side not yet set). */
typedef struct dis_group {
    char *subject, *key;   /* key: dimension or measure */
    dis_claim *v;
    size_t n, cap;
} dis_group;

typedef struct dis_idx {
    long long id;
    size_t idx;
} dis_idx;

typedef struct dis_ctx {
    dis_set *set;
    const dis_filter *f;
    long long *ids;       /* source ids, index-aligned with set->sources */
    dis_idx *byid;        /* the same, sorted by id (dis_index_sources) */
    unsigned char *mark;  /* one byte per source, all 0 between uses */
    dis_group g;
    int numeric;
    taxonomy *scopes;
    char *err;
} dis_ctx;

static int dis_idx_cmp(const void *a, const void *b)
{
    long long x = ((const dis_idx *)a)->id, y = ((const dis_idx *)b)->id;
    return (x > y) - (x < y);
}

/* Sort the sources by id once they are all read, so that finding a
 * fact's source is a binary search, not a scan per fact. */
static void dis_index_sources(dis_ctx *c)
{
    size_t n = c->set->nsources;
    c->byid = kb_malloc((n ? n : 1) * sizeof *c->byid);
    for (size_t i = 0; i < n; i++) c->byid[i] = (dis_idx){c->ids[i], i};
    if (n) qsort(c->byid, n, sizeof *c->byid, dis_idx_cmp);
    c->mark = kb_calloc(n ? n : 1, 1);
}

static size_t dis_source_index(const dis_ctx *c, long long id)
{
    dis_idx key = {id, 0};
    const dis_idx *hit = c->byid ? bsearch(&key, c->byid, c->set->nsources, sizeof key, dis_idx_cmp) : NULL;
    return hit ? hit->idx : 0;
}

/* The number of distinct sources among g's claims (c->mark is left all
 * zero again). */
static size_t dis_count_sources(dis_ctx *c, const dis_group *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++)
        if (!c->mark[g->v[i].source]) {
            c->mark[g->v[i].source] = 1;
            n++;
        }
    for (size_t i = 0; i < g->n; i++) c->mark[g->v[i].source] = 0;
    return n;
}

static int dis_interval_meet(const dis_claim *a, const dis_claim *b);
static int dis_same_value(const dis_claim *a, const dis_claim *b);

/* Is there a pair of claims of different sources with
 * intervals that cannot both hold?  The extreme figures decide it: the
 * lowest upper end against the highest lower end, each taken a second
 * time from another source when both come from one.  Linear. */
static int dis_any_disjoint(const dis_group *g)
{
    size_t lo = (size_t)-1, hi = (size_t)-1; /* lowest high end, highest low end */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (v->has_high && (lo == (size_t)-1 || v->high < g->v[lo].high)) lo = i;
        if (v->has_low && (hi == (size_t)-1 || v->low > g->v[hi].low)) hi = i;
    }
    if (lo == (size_t)-1 || hi == (size_t)-1) return 0;
    size_t lo2 = (size_t)-1, hi2 = (size_t)-1; /* the same, from another source than the first */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (v->has_high && v->source != g->v[hi].source && (lo2 == (size_t)-1 || v->high < g->v[lo2].high)) lo2 = i;
        if (v->has_low && v->source != g->v[lo].source && (hi2 == (size_t)-1 || v->low > g->v[hi2].low)) hi2 = i;
    }
    /* ties at the extremes: any pair at the same values decides alike
     * except for open ends, so also try every claim at those values */
    for (size_t i = 0; i < g->n; i++) {
        const dis_claim *v = &g->v[i];
        if (lo2 != (size_t)-1 && v->has_high && v->high == g->v[lo2].high && v->source != g->v[hi].source &&
            v->high_open)
            lo2 = i;
        if (hi2 != (size_t)-1 && v->has_low && v->low == g->v[hi2].low && v->source != g->v[lo].source && v->low_open)
            hi2 = i;
    }
    if (lo2 != (size_t)-1 && !dis_interval_meet(&g->v[lo2], &g->v[hi])) return 1;
    if (hi2 != (size_t)-1 && !dis_interval_meet(&g->v[lo], &g->v[hi2])) return 1;
    return 0;
}

static void dis_group_clear(dis_group *g)
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

static const char *dis_date(const dis_source *s)
{
    return s->date ? s->date : "undated";
}

/* "Title (2019, inferred)" */
static void dis_cite_source(buf *b, const dis_source *s)
{
    buf_printf(b, "%s (%s%s)", s->title ? s->title : s->path, dis_date(s), s->date_inferred ? ", inferred" : "");
}

static dis_item *dis_new_item(dis_ctx *c, const char *kind)
{
    dis_set *s = c->set;
    s->items = kb_realloc(s->items, (s->nitems + 1) * sizeof *s->items);
    dis_item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->id = (int)s->nitems;
    it->kind = kind;
    it->subject = kb_strdup(c->g.subject);
    return it;
}

static void dis_add_claim(dis_item *it, const dis_claim *f, char side)
{
    it->claims = kb_realloc(it->claims, (it->nclaims + 1) * sizeof *it->claims);
    dis_claim *d = &it->claims[it->nclaims++];
    *d = *f;
    d->text = kb_strdup(f->text);
    d->raw = kb_strdup(f->raw);
    d->side = side;
}

/* ---- numeric groups ---- */

static int dis_interval_meet(const dis_claim *a, const dis_claim *b)
{
    /* a lies wholly below b, or b below a? */
    if (a->has_high && b->has_low &&
        (a->high < b->low || (a->high == b->low && (a->high_open || b->low_open))))
        return 0;
    if (b->has_high && a->has_low &&
        (b->high < a->low || (b->high == a->low && (b->high_open || a->low_open))))
        return 0;
    return 1;
}

static int dis_same_value(const dis_claim *a, const dis_claim *b)
{
    if (a->has_low != b->has_low || a->has_high != b->has_high) return 0;
    if (a->has_low && fabs(a->low - b->low) > 1e-9 * fmax(1, fabs(a->low))) return 0;
    if (a->has_high && fabs(a->high - b->high) > 1e-9 * fmax(1, fabs(a->high))) return 0;
    /* "2 million+" and "over 2 million" say the same at this grain */
    return 1;
}

static void dis_num(buf *b, double v)
{
    if (fabs(v - llround(v)) < 1e-9) {
        /* thousands separators read better in a paragraph */
        char digits[32];
        snprintf(digits, sizeof digits, "%lld", (long long)llround(v));
        size_t n = strlen(digits), lead = n % 3 ? n % 3 : 3;
        for (size_t i = 0; i < n; i++) {
            if (i && i >= lead && (i - lead) % 3 == 0 && digits[0] != '-') buf_addc(b, ',');
            buf_addc(b, digits[i]);
        }
    } else {
        buf_printf(b, "%g", v);
    }
}

/* Percentages and durations are of something (a population, a span from
 * some start); without knowing of what, two of them cannot be said to
 * disagree.  Years of events other than releases likewise. */
static int dis_comparable_measure(const char *m)
{
    return strcmp(m, "percent") != 0 && strcmp(m, "duration") != 0 && strcmp(m, "year") != 0;
}

static void dis_numeric_group(dis_ctx *c)
{
    dis_group *g = &c->g;
    if (!dis_comparable_measure(g->key)) return;
    if (dis_count_sources(c, g) < 2) return;
    int differ = 0, vague = 0, all_lower = 1;
    /* two sources differ iff some claim of another source than the
     * first claim's differs from it, or some claim differs from it and
     * another source exists at all (that one then equals the first) */
    int other_src = 0, other_value = 0;
    for (size_t i = 0; i < g->n; i++) {
        vague |= g->v[i].approx;
        if (g->v[i].has_high || !g->v[i].has_low) all_lower = 0;
        int same = dis_same_value(&g->v[0], &g->v[i]);
        if (g->v[i].source != g->v[0].source) {
            other_src = 1;
            if (!same) differ = 1;
        }
        if (!same) other_value = 1;
    }
    if (other_src && other_value) differ = 1;
    int disjoint = dis_any_disjoint(g);
    if (!differ) return;        /* the sources agree */
    /* Bounds that all hold and differ only through a vague "millions of"
     * are not a disagreement worth a reader's time. */
    if (!disjoint && vague) return;
    int temporal = strcmp(g->key, "version") == 0;
    dis_item *it = dis_new_item(c, temporal ? "temporal" : "numeric");
    it->measure = kb_strdup(g->key);
    /* sides: one per distinct value, in order of first appearance */
    char sides[64];
    size_t nsides = 0;
    size_t rep[26];
    for (size_t i = 0; i < g->n && i < 64; i++) {
        char s = 0;
        for (size_t k = 0; k < nsides && !s; k++)
            if (dis_same_value(&g->v[rep[k]], &g->v[i])) s = (char)('a' + k);
        if (!s && nsides < 26) {
            rep[nsides] = i;
            s = (char)('a' + nsides++);
        }
        sides[i] = s ? s : 'z';
        dis_add_claim(it, &g->v[i], sides[i]);
    }
    /* the newest and oldest dated sources among the figures */
    size_t newest = g->v[0].source, oldest = g->v[0].source;
    for (size_t i = 0; i < g->n; i++) {
        const dis_source *s = &c->set->sources[g->v[i].source];
        if (s->year > c->set->sources[newest].year) newest = g->v[i].source;
        if (s->year && (c->set->sources[oldest].year == 0 || s->year < c->set->sources[oldest].year))
            oldest = g->v[i].source;
    }
    buf b = BUF_INIT;
    if (!disjoint && all_lower) {
        /* every figure is a lower bound: all can hold; the largest is the tightest */
        size_t best = 0;
        for (size_t i = 1; i < g->n; i++)
            if (g->v[i].low > g->v[best].low) best = i;
        it->verdict = "compatible";
        buf_printf(&b, "Every figure for %s's %s is a lower bound (", g->subject, g->key);
        for (size_t i = 0; i < g->n; i++) {
            buf_printf(&b, "%s\"%s\" in ", i ? "; " : "", g->v[i].raw);
            dis_cite_source(&b, &c->set->sources[g->v[i].source]);
        }
        buf_adds(&b, "), so they can all be true at once: a registry that has more than ");
        dis_num(&b, g->v[best].low);
        buf_adds(&b, " also has more than any smaller figure. The tightest bound, ");
        dis_num(&b, g->v[best].low);
        buf_adds(&b, ", comes from ");
        dis_cite_source(&b, &c->set->sources[g->v[best].source]);
        if (g->v[best].source == newest && c->set->sources[newest].year)
            buf_adds(&b, ", the newest source, which is what one expects of a figure that grows over time.");
        else
            buf_adds(&b, "; prefer it unless it is older than the others.");
    } else if (!disjoint) {
        it->verdict = "compatible";
        buf_printf(&b, "The figures for %s's %s differ but overlap, so they can all hold; the narrower range is the "
                       "more informative one.", g->subject, g->key);
    } else if (c->set->sources[newest].year && c->set->sources[oldest].year &&
               c->set->sources[newest].year - c->set->sources[oldest].year >= 2) {
        it->verdict = "outdated";
        buf_printf(&b, "The figures for %s's %s cannot all be true at once, but they were stated at different times: ",
                   g->subject, g->key);
        dis_cite_source(&b, &c->set->sources[oldest]);
        buf_adds(&b, " is the oldest source and ");
        dis_cite_source(&b, &c->set->sources[newest]);
        buf_adds(&b, temporal ? " the newest; a version stated as current goes out of date, so the newer source's figure "
                                "supersedes the older one."
                              : " the newest; the newer figure supersedes the older one.");
    } else {
        it->verdict = "unresolved";
        buf_printf(&b, "The figures for %s's %s cannot all be true, and the source dates do not explain the difference; "
                       "check the primary data.", g->subject, g->key);
    }
    it->explanation = buf_detach(&b, NULL);
}

/* ---- stance groups ---- */

typedef struct dis_side {
    int polarity;
    size_t nsrc;
    int latest, earliest;       /* years of its dated sources */
    int scope[32];              /* claims per scope (schema/scope.tsv) */
    int comparative;
    size_t srcs[32];
} dis_side;

static unsigned dis_scopes_of(dis_ctx *c, const char *text)
{
    if (!c->scopes) return 0;
    buf nb = BUF_INIT;
    unsigned bits = 0;
    if (norm_text(text, strlen(text), &nb, NULL, NULL) == KB_OK) {
        tax_tok toks[256];
        size_t n = 0;
        /* split by hand: alphanumeric runs (norm_tokens needs a callback) */
        const char *p = buf_cstr(&nb), *e = p + nb.len;
        while (p < e && n < 256) {
            while (p < e && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)) p++;
            const char *s = p;
            while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)) p++;
            if (p > s) {
                toks[n].s = s;
                toks[n].n = (size_t)(p - s);
                toks[n].off = (size_t)(s - nb.data);
                n++;
            }
        }
        tax_hit h[32];
        size_t nh = tax_match(c->scopes, TAX_MASK(TAX_DIMENSION), toks, n, h, 32);
        for (size_t i = 0; i < nh && i < 32; i++)
            if (h[i].index < 32) bits |= 1u << h[i].index;
    }
    buf_free(&nb);
    return bits;
}

/* The scope a side mostly speaks of on one axis ("workload"): the
 * scope most of its claims name, or -1 when none or a tie. */
static int dis_main_scope(dis_ctx *c, const dis_side *sd, const char *axis, size_t alen)
{
    int best = -1, best_n = 0, tie = 0;
    for (int k = 0; k < 32; k++) {
        const char *name = tax_dimension(c->scopes, (size_t)k);
        if (!name || !sd->scope[k] || strncmp(name, axis, alen) != 0 || name[alen] != '/') continue;
        if (sd->scope[k] > best_n) {
            best = k;
            best_n = sd->scope[k];
            tie = 0;
        } else if (sd->scope[k] == best_n) {
            tie = 1;
        }
    }
    return tie ? -1 : best;
}

/* Do the two sides mainly speak of different scopes of one axis (most of
 * one side's scoped claims about CPU-bound work, of the other's about
 * I/O-bound work)?  A side as a whole touches many scopes; its main one
 * says what it is about. */
static int dis_scopes_differ(dis_ctx *c, const dis_side *a, const dis_side *b)
{
    for (size_t k = 0; k < 32; k++) {
        const char *name = tax_dimension(c->scopes, k);
        const char *slash = name ? strchr(name, '/') : NULL;
        if (!slash) continue;
        size_t alen = (size_t)(slash - name);
        int x = dis_main_scope(c, a, name, alen), y = dis_main_scope(c, b, name, alen);
        if (x >= 0 && y >= 0 && x != y) return 1;
    }
    return 0;
}

static const char *dis_polarity_word(int p)
{
    return p > 0 ? "favourably" : p < 0 ? "unfavourably" : "with reservations";
}

static const char *dis_polarity_adj(int p)
{
    return p > 0 ? "favourable" : p < 0 ? "unfavourable" : "mixed";
}

static void dis_stance_group(dis_ctx *c)
{
    dis_group *g = &c->g;
    dis_side sides[3];
    memset(sides, 0, sizeof sides);
    for (int k = 0; k < 3; k++) sides[k].polarity = k - 1;
    for (size_t i = 0; i < g->n; i++) {
        dis_side *sd = &sides[g->v[i].polarity + 1];
        int seen = 0;
        for (size_t k = 0; k < sd->nsrc; k++) seen |= sd->srcs[k] == g->v[i].source;
        if (!seen && sd->nsrc < 32) sd->srcs[sd->nsrc++] = g->v[i].source;
        unsigned bits = dis_scopes_of(c, g->v[i].text);
        for (int k = 0; k < 32; k++)
            if (bits & (1u << k)) sd->scope[k]++;
        sd->comparative |= g->v[i].comparative;
        int y = c->set->sources[g->v[i].source].year;
        if (y && (y > sd->latest)) sd->latest = y;
        if (y && (!sd->earliest || y < sd->earliest)) sd->earliest = y;
    }
    /* A disagreement needs an unfavourable claim and a claim of another
     * polarity, from different sources: favourable vs "with
     * reservations" is nuance.  And they must be of one mode: a
     * comparison ("X's community is smaller than Y's") does not
     * contradict an absolute judgement ("X's community is large and
     * active"); both can hold. */
    dis_side *neg = &sides[0];
    if (!neg->nsrc || (!sides[1].nsrc && !sides[2].nsrc)) return;
    int other_src = 0;
    for (int mode = 0; mode < 2 && !other_src; mode++) {
        /* in this mode: the first source with an unfavourable claim, the
         * first with another claim, and whether either has a second */
        size_t nsrc = (size_t)-1, psrc = (size_t)-1;
        int nsrc2 = 0, psrc2 = 0;
        for (size_t i = 0; i < g->n; i++) {
            if (g->v[i].comparative != mode) continue;
            size_t *first = g->v[i].polarity < 0 ? &nsrc : &psrc;
            int *second = g->v[i].polarity < 0 ? &nsrc2 : &psrc2;
            if (*first == (size_t)-1) *first = g->v[i].source;
            else if (*first != g->v[i].source) *second = 1;
        }
        other_src = nsrc != (size_t)-1 && psrc != (size_t)-1 && (nsrc != psrc || nsrc2 || psrc2);
    }
    if (!other_src) return;
    /* order sides: most sources first, then unfavourable before favourable */
    int order[3] = {0, 1, 2}, no = 0;
    for (int k = 0; k < 3; k++)
        if (sides[k].nsrc) order[no++] = k;
    for (int i = 0; i < no; i++)
        for (int j = i + 1; j < no; j++)
            if (sides[order[j]].nsrc > sides[order[i]].nsrc) {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
    /* The two sides that disagree: the largest, and the largest of the
     * opposite camp (unfavourable against favourable or "with
     * reservations"); a third side is shown but does not decide. */
    int ia = order[0], ib = -1;
    for (int k = 1; k < no && ib < 0; k++)
        if ((order[k] == 0) != (ia == 0)) ib = order[k];
    if (ib < 0) return;
    int factual = sides[ia].comparative && sides[ib].comparative;
    /* A single judgement against a majority of several sources, not put
     * as a comparison, is more often an aside (or a tagging slip) than a
     * position: then the minority must be stated at least twice.  One
     * source against one other is always shown. */
    size_t minority = 0;
    for (size_t i = 0; i < g->n; i++) minority += (g->v[i].polarity < 0) != (ia == 0);
    if (!factual && minority < 2 && sides[ia].nsrc >= 2) return;
    dis_item *it = dis_new_item(c, factual ? "factual" : "stance");
    it->dimension = kb_strdup(g->key);
    for (int s = 0; s < no; s++)
        for (size_t i = 0; i < g->n; i++)
            if (g->v[i].polarity + 1 == order[s]) dis_add_claim(it, &g->v[i], (char)('a' + s));

    dis_side *A = &sides[ia], *B = &sides[ib];
    buf b = BUF_INIT;
    /* "On X's D, 5 sources judge it favourably, 2 unfavourably and 1
     * with reservations." */
    buf_printf(&b, "On %s's %s, ", g->subject, g->key);
    for (int k = 0; k < no; k++) {
        const dis_side *sd = &sides[order[k]];
        if (k) buf_adds(&b, k + 1 == no ? " and " : ", ");
        if (k == 0)
            buf_printf(&b, "%zu source%s judge%s it %s", sd->nsrc, sd->nsrc == 1 ? "" : "s", sd->nsrc == 1 ? "s" : "",
                       dis_polarity_word(sd->polarity));
        else
            buf_printf(&b, "%zu %s", sd->nsrc, dis_polarity_word(sd->polarity));
    }
    buf_addc(&b, '.');
    if (dis_scopes_differ(c, A, B)) {
        it->verdict = "compatible";
        buf_adds(&b, " The sides speak of different scopes (for example CPU-bound versus I/O-bound work, or small "
                     "versus large projects), so both can hold: read each claim with its qualifier.");
    } else if (A->latest && B->latest && (A->latest + 2 <= B->earliest || B->latest + 2 <= A->earliest)) {
        dis_side *old = A->latest + 2 <= B->earliest ? A : B, *new = old == A ? B : A;
        it->verdict = "outdated";
        buf_printf(&b, " Every source on the %s side is older (latest %d) than every source on the other side "
                       "(from %d on); the newer sources reflect the current state, so the older claims are likely "
                       "outdated.", dis_polarity_adj(old->polarity), old->latest, new->earliest);
    } else if (A->nsrc >= 2 && A->nsrc >= 2 * B->nsrc) {
        it->verdict = "majority";
        buf_printf(&b, " %zu independent sources against %zu: the %s view has the majority, though a majority is "
                       "evidence, not proof; the minority claim may be the more specific one.",
                   A->nsrc, B->nsrc, dis_polarity_adj(A->polarity));
    } else {
        it->verdict = "unresolved";
        buf_adds(&b, " Neither dates, scope nor the number of sources settles it; compare the claims themselves.");
    }
    /* name each side's sources with their dates, so a reader can weigh
     * them: "Side a (favourable): T1 (2026-05-08), T2 (2019, inferred);
     * side b (unfavourable): ..." */
    for (int s = 0; s < no; s++) {
        int p = sides[order[s]].polarity;
        buf_printf(&b, "%s %c (%s): ", s ? "; side" : " Side", 'a' + s,
                   p > 0 ? "favourable" : p < 0 ? "unfavourable" : "with reservations");
        for (size_t i = 0; i < sides[order[s]].nsrc; i++) {
            if (i) buf_adds(&b, ", ");
            dis_cite_source(&b, &c->set->sources[sides[order[s]].srcs[i]]);
        }
    }
    buf_addc(&b, '.');
    it->explanation = buf_detach(&b, NULL);
}

static void dis_flush(dis_ctx *c)
{
    if (c->g.n && c->g.subject) {
        if (c->numeric) dis_numeric_group(c);
        else dis_stance_group(c);
    }
    dis_group_clear(&c->g);
}

static int dis_on_fact(void *ctx, const store_fact *f)
{
    dis_ctx *c = ctx;
    const char *key = c->numeric ? f->measure : f->dimension;
    /* a year that dates a version is compared only with years of that
     * version ("release_year of 12.6.0") */
    char vkey[96];
    if (c->numeric && key && f->kind && strcmp(f->kind, "year") == 0 && f->version) {
        snprintf(vkey, sizeof vkey, "%s of %s", key, f->version);
        key = vkey;
    }
    if (!f->subject || !key) return 0;
    if (c->f->subject && strcmp(c->f->subject, f->subject) != 0) return 0;
    if (!c->numeric && c->f->dimension && strcmp(c->f->dimension, key) != 0) return 0;
    if (c->numeric && c->f->dimension && (!f->dimension || strcmp(c->f->dimension, f->dimension) != 0)) return 0;
    if (!c->g.subject || strcmp(c->g.subject, f->subject) != 0 || strcmp(c->g.key, key) != 0) {
        dis_flush(c);
        c->g.subject = kb_strdup(f->subject);
        c->g.key = kb_strdup(key);
    }
    dis_group *g = &c->g;
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        g->v = kb_realloc(g->v, g->cap * sizeof *g->v);
    }
    dis_claim *d = &g->v[g->n++];
    memset(d, 0, sizeof *d);
    d->id = f->claim_id;
    d->start = f->start;
    d->end = f->end;
    d->source = dis_source_index(c, f->source_id);
    d->text = kb_strndup(f->text, f->text_len);
    d->polarity = f->polarity;
    d->comparative = f->versus != NULL;
    d->raw = f->raw ? kb_strdup(f->raw) : NULL;
    d->low = f->low;
    d->high = f->high;
    d->has_low = f->has_low;
    d->has_high = f->has_high;
    d->low_open = f->low_open;
    d->high_open = f->high_open;
    d->approx = f->approx;
    return 0;
}

static int dis_on_source(void *ctx, const store_source *s)
{
    dis_ctx *c = ctx;
    dis_set *set = c->set;
    set->sources = kb_realloc(set->sources, (set->nsources + 1) * sizeof *set->sources);
    c->ids = kb_realloc(c->ids, (set->nsources + 1) * sizeof *c->ids);
    dis_source *d = &set->sources[set->nsources];
    memset(d, 0, sizeof *d);
    c->ids[set->nsources] = s->id;
    set->nsources++;
    d->id = s->id;
    d->path = kb_strdup(s->path);
    d->title = kb_strdup(s->title);
    d->site = kb_strdup(s->site);
    d->author = kb_strdup(s->author);
    d->url = kb_strdup(s->url);
    d->date = kb_strdup(s->date);
    if (s->date) d->year = atoi(s->date);
    return 0;
}

static int dis_on_year(void *ctx, long long source_id, int year)
{
    dis_ctx *c = ctx;
    dis_source *s = &c->set->sources[dis_source_index(c, source_id)];
    if (s->date || s->id != source_id) return 0;
    char y[16];
    snprintf(y, sizeof y, "%d", year);
    s->date = kb_strdup(y);
    s->year = year;
    s->date_inferred = 1;
    return 0;
}

static void dis_item_free(dis_item *it)
{
    for (size_t k = 0; k < it->nclaims; k++) {
        free(it->claims[k].text);
        free(it->claims[k].raw);
    }
    free(it->claims);
    free(it->subject);
    free(it->dimension);
    free(it->measure);
    free(it->explanation);
}

/* Keep only items involving the source asked for. */
static void dis_keep_source(dis_set *s, long long source_id)
{
    size_t w = 0;
    for (size_t i = 0; i < s->nitems; i++) {
        int has = 0;
        for (size_t k = 0; k < s->items[i].nclaims; k++)
            has |= s->sources[s->items[i].claims[k].source].id == source_id;
        if (has) s->items[w++] = s->items[i];
        else dis_item_free(&s->items[i]);
    }
    s->nitems = w;
    for (size_t i = 0; i < w; i++) s->items[i].id = (int)i + 1;
}

int dis_find(store *st, const dis_filter *f, dis_set *out, char **err)
{
    memset(out, 0, sizeof *out);
    dis_ctx c;
    memset(&c, 0, sizeof c);
    c.set = out;
    c.f = f;
    char *e = NULL;
    /* The scope lexicon is read as a taxonomy whose dimensions are the
     * scopes, so matching works as for every other lexicon. */
    buf lex = BUF_INIT;
    buf_adds(&lex, "subject\tlexicon\t\n");
    const char *p = embed_scope, *end = embed_scope + strlen(embed_scope), *line;
    size_t n;
    while (kb_next_line(&p, end, &line, &n)) {
        if (n > 6 && strncmp(line, "scope\t", 6) == 0) {
            buf_adds(&lex, "dimension\t");
            buf_add(&lex, line + 6, n - 6);
        }
        buf_addc(&lex, '\n'); /* keep line numbers */
    }
    int lrc = tax_load(buf_cstr(&lex), lex.len, &c.scopes, &e);
    buf_free(&lex);
    if (lrc != KB_OK) {
        /* the scope lexicon is compiled in: a failure is a build error */
        kb_seterr(err, "scope lexicon: %s", e);
        free(e);
        return KB_ERR;
    }
    time_t now = time(NULL);
    struct tm tm;
    int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
    int rc = store_sources(st, dis_on_source, &c, err);
    if (!rc) dis_index_sources(&c);
    if (!rc) rc = store_source_years(st, this_year, dis_on_year, &c, err);
    if (!rc) {
        c.numeric = 1;
        rc = store_quantity_facts(st, dis_on_fact, &c, err);
        dis_flush(&c);
    }
    if (!rc) {
        c.numeric = 0;
        rc = store_stance_facts(st, dis_on_fact, &c, err);
        dis_flush(&c);
    }
    free(c.g.v);
    free(c.ids);
    free(c.byid);
    free(c.mark);
    tax_free(c.scopes);
    if (rc) {
        dis_free(out);
        return KB_ERR;
    }
    if (f->source_id) dis_keep_source(out, f->source_id);
    return KB_OK;
}

void dis_free(dis_set *s)
{
    for (size_t i = 0; i < s->nitems; i++) dis_item_free(&s->items[i]);
    free(s->items);
    for (size_t i = 0; i < s->nsources; i++) {
        dis_source *d = &s->sources[i];
        free(d->path);
        free(d->title);
        free(d->site);
        free(d->author);
        free(d->url);
        free(d->date);
    }
    free(s->sources);
    memset(s, 0, sizeof *s);
}
