/*
 * dis_numeric.c - numeric and temporal disagreements: figures of one
 * measure of one subject that differ, and ages that contradict a
 * stated year; see disagree.h.
 *
 * Facts come from the store ordered by subject and measure, so each
 * group is a run of consecutive rows: grouping is one pass, and the
 * decisions look at a group's extremes (linear), never at every pair.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dis_int.h"
#include "qty.h"
#include "util.h"

typedef struct dis_age {
    dis_claim c;
    double first, last;      /* start years the age allows */
    int first_open, last_open;
} dis_age;

typedef struct dis_num_ctx {
    dis_run *r;
    dis_group g;
    dis_group years;         /* the current subject's release years */
    dis_age *ages;           /* the current subject's ages */
    size_t nages, capages;
    char *subject;           /* the subject of years and ages */
    buf vkey;                /* scratch: "release_year of VERSION" */
    unsigned char *mark;     /* one byte per source, all 0 between uses */
} dis_num_ctx;

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

/* "package_count" -> "package count" */
static void dis_measure_words(buf *b, const char *m)
{
    for (; *m; m++) buf_addc(b, *m == '_' ? ' ' : *m);
}

/* Percentages and durations are of something (a population, a span from
 * some start); without knowing of what, two of them cannot be said to
 * disagree (ages are read apart).  Years of events other than releases
 * likewise. */
static int dis_comparable_measure(const char *m)
{
    return strcmp(m, "percent") != 0 && strcmp(m, "duration") != 0 && strcmp(m, "year") != 0;
}

/* What a group's figures are, for its verdict: whether two of them
 * cannot both hold, whether all are lower bounds, and two that one
 * source itself gives and that cannot both hold as written (self). */
typedef struct dis_shape {
    int disjoint, all_lower, self;
    size_t self_x, self_y;
} dis_shape;

/* The verdict and reason of a numeric group whose figures differ. */
static void dis_numeric_verdict(dis_run *r, const dis_group *g, dis_item *it, const dis_shape *sh)
{
    int disjoint = sh->disjoint, all_lower = sh->all_lower;
    size_t self_x = sh->self_x, self_y = sh->self_y;
    const dis_set *set = r->set;
    size_t newest = g->v[0].source, oldest = g->v[0].source;
    for (size_t i = 0; i < g->n; i++) {
        const dis_source *s = &set->sources[g->v[i].source];
        if (s->year > set->sources[newest].year) newest = g->v[i].source;
        if (s->year && (set->sources[oldest].year == 0 || s->year < set->sources[oldest].year)) oldest = g->v[i].source;
    }
    buf b = BUF_INIT, m = BUF_INIT;
    dis_measure_words(&m, g->key);
    if (!disjoint && all_lower) {
        /* every figure is a lower bound: all can hold; the largest is the tightest */
        size_t best = 0;
        for (size_t i = 1; i < g->n; i++)
            if (g->v[i].low > g->v[best].low) best = i;
        it->verdict = DIS_COMPATIBLE;
        buf_printf(&b, "Every figure for %s's %s is a lower bound (", g->subject, buf_cstr(&m));
        for (size_t i = 0; i < g->n; i++) {
            buf_printf(&b, "%s\"%s\" in ", i ? "; " : "", g->v[i].raw);
            dis_cite_source(&b, &set->sources[g->v[i].source]);
        }
        buf_adds(&b, "), so they can all be true at once: more than ");
        dis_num(&b, g->v[best].low);
        buf_adds(&b, " is also more than any smaller figure. The tightest bound, ");
        dis_num(&b, g->v[best].low);
        buf_adds(&b, ", comes from ");
        dis_cite_source(&b, &set->sources[g->v[best].source]);
        if (g->v[best].source == newest && set->sources[newest].year)
            buf_adds(&b, ", the newest source, which is what one expects of a figure that grows over time.");
        else
            buf_adds(&b, "; prefer it unless it is older than the others.");
    } else if (!disjoint) {
        it->verdict = DIS_COMPATIBLE;
        buf_printf(&b, "The figures for %s's %s differ but overlap (", g->subject, buf_cstr(&m));
        for (size_t i = 0; i < g->n; i++) {
            buf_printf(&b, "%s\"%s\" in ", i ? "; " : "", g->v[i].raw);
            dis_cite_source(&b, &set->sources[g->v[i].source]);
        }
        buf_adds(&b, "), so they can all hold; the narrower range is the more informative one.");
    } else if (sh->self) {
        it->verdict = DIS_COMPATIBLE;
        dis_cite_source(&b, &set->sources[g->v[self_x].source]);
        buf_printf(&b, " itself gives \"%s\" and \"%s\" for %s's %s: %s, so the figures differ without "
                       "contradicting each other; compare like with like.",
                   g->v[self_x].raw, g->v[self_y].raw, g->subject, buf_cstr(&m),
                   it->kind == DIS_TEMPORAL ? "one of them dates something else"
                                            : "the figure depends on what is counted or measured, not one fact");
    } else if (set->sources[newest].year && set->sources[oldest].year &&
               set->sources[newest].year - set->sources[oldest].year >= 2) {
        it->verdict = DIS_OUTDATED;
        buf_printf(&b, "The figures for %s's %s cannot all be true at once, but they were stated at different times: ",
                   g->subject, buf_cstr(&m));
        dis_cite_source(&b, &set->sources[oldest]);
        buf_adds(&b, " is the oldest source and ");
        dis_cite_source(&b, &set->sources[newest]);
        buf_adds(&b, it->kind == DIS_TEMPORAL
                         ? " the newest; a version stated as current goes out of date, so the newer source's figure "
                           "supersedes the older one."
                         : " the newest; the newer figure supersedes the older one.");
    } else {
        it->verdict = DIS_UNRESOLVED;
        buf_printf(&b, "The figures for %s's %s cannot all be true, and the source dates do not explain the difference; "
                       "check the primary data.", g->subject, buf_cstr(&m));
    }
    buf_free(&m);
    it->explanation = buf_detach(&b, NULL);
}

/* The question a group answers: "How many developers does X have?"
 * for a measure named by a plural noun, else "What is X's package
 * count?".  Malloc'd. */
static char *dis_numeric_question(const dis_group *g)
{
    buf m = BUF_INIT, q = BUF_INIT;
    dis_measure_words(&m, g->key);
    const char *w = buf_cstr(&m);
    size_t n = m.len;
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !strchr(w, ' '))
        buf_printf(&q, "How many %s does %s have?", w, g->subject);
    else
        buf_printf(&q, "What is %s's %s?", g->subject, w);
    buf_free(&m);
    return buf_detach(&q, NULL);
}

static void dis_numeric_group(dis_num_ctx *c)
{
    dis_group *g = &c->g;
    if (!dis_comparable_measure(g->key)) return;
    dis_drop_implied(g);
    if (dis_count_sources(g, c->mark) < 2) return;
    /* a source's two figures that cannot both hold as written say the
     * measure depends on what is counted, bounds or not */
    dis_shape sh = {0, 1, 0, 0, 0};
    sh.self = dis_self_disjoint(g, &sh.self_x, &sh.self_y);
    dis_own_bounds(g);
    int all_lower = 1, other_src = 0, other_value = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (g->v[i].has_high || !g->v[i].has_low) all_lower = 0;
        /* two sources differ iff some claim differs from the first and
         * another source exists at all */
        other_src |= g->v[i].source != g->v[0].source;
        other_value |= !dis_same_value(&g->v[0], &g->v[i]);
    }
    if (!other_src || !other_value) return; /* the sources agree */
    int disjoint = dis_any_disjoint(g), vague = 1;
    for (size_t i = 0; i < g->n; i++) vague &= g->v[i].approx;
    /* bounds that all hold, every one a vague "thousands of", are not
     * a disagreement worth a reader's time */
    if (!disjoint && vague) return;
    int temporal = strcmp(g->key, "version") == 0 || strncmp(g->key, "release_year", 12) == 0;
    dis_item *it = dis_new_item(c->r, temporal ? DIS_TEMPORAL : DIS_NUMERIC, g->subject);
    it->measure = kb_strdup(g->key);
    it->question = dis_numeric_question(g);
    it->aspect = kb_strdup(g->key);
    /* sides: one per distinct value, in order of first appearance.
     * Sides are letters: the values past the RC_MAX_SIDES-th distinct
     * one share the last side, 'z', whose position stays its first
     * value's (disagree.h); large sets of articles have such rows */
    size_t nsides = 0, rep[RC_MAX_SIDES];
    for (size_t i = 0; i < g->n; i++) {
        char s = 0;
        for (size_t k = 0; k < nsides && !s; k++)
            if (dis_same_value(&g->v[rep[k]], &g->v[i])) s = (char)('a' + k);
        if (!s && nsides < RC_MAX_SIDES) {
            rep[nsides] = i;
            dis_set_position(it, nsides, g->v[i].raw);
            s = (char)('a' + nsides++);
        }
        dis_add_claim(it, &g->v[i], s ? s : (char)('a' + RC_MAX_SIDES - 1));
    }
    sh.disjoint = disjoint, sh.all_lower = all_lower;
    dis_numeric_verdict(c->r, g, it, &sh);
}

/* ---- ages against release years ---- */

/* The start years an age allows: "nearly 30 years" ([0, 30)) in a 2026
 * source: after 1996. */
static int dis_age_of(const dis_run *r, const dis_claim *d, dis_age *a)
{
    int y = r->set->sources[d->source].year;
    if (!y || !d->has_low) return 0;
    a->c = *d;
    a->last = y - d->low;
    a->last_open = d->low_open;
    a->first = d->has_high ? y - d->high : -1e9;
    a->first_open = d->has_high && d->high_open;
    return 1;
}

/* Does a start in year fit the age?  An approximate age ("nearly 30
 * years") is given a year's slack either way. */
static int dis_age_meets(const dis_age *a, double year)
{
    double slack = a->c.approx ? 1 : 0;
    if (year > a->last + slack || (year == a->last && a->last_open && !slack)) return 0;
    if (year < a->first - slack || (year == a->first && a->first_open && !slack)) return 0;
    return 1;
}

static void dis_temporal_flush(dis_num_ctx *c)
{
    dis_group *y = &c->years;
    dis_run *r = c->r;
    /* ages that no stated year fits, against the years */
    size_t bad = (size_t)-1;
    for (size_t i = 0; i < c->nages && bad == (size_t)-1; i++) {
        /* the years of other sources than the age's */
        int fits_none = 0;
        for (size_t k = 0; k < y->n; k++) {
            if (y->v[k].source == c->ages[i].c.source || !y->v[k].has_low) continue;
            if (dis_age_meets(&c->ages[i], y->v[k].low)) {
                fits_none = 0;
                break;
            }
            fits_none = 1;
        }
        if (fits_none) bad = i;
    }
    if (bad != (size_t)-1) {
        const dis_age *a = &c->ages[bad];
        const dis_source *as = &r->set->sources[a->c.source];
        dis_item *it = dis_new_item(r, DIS_TEMPORAL, c->subject);
        it->measure = kb_strdup("release_year");
        buf b = BUF_INIT;
        buf_printf(&b, "How old is %s?", c->subject);
        it->question = buf_detach(&b, NULL);
        it->aspect = kb_strdup("age");
        size_t ysrc = 0;
        for (size_t k = 0; k < y->n; k++) {
            if (y->v[k].source == a->c.source) continue;
            dis_add_claim(it, &y->v[k], 'a');
            ysrc += !c->mark[y->v[k].source];
            c->mark[y->v[k].source] = 1;
        }
        for (size_t k = 0; k < y->n; k++) c->mark[y->v[k].source] = 0;
        dis_add_claim(it, &a->c, 'b');
        const dis_claim *y0 = &it->claims[0]; /* the first stated year */
        buf_printf(&b, "released in %s", y0->raw);
        dis_set_position(it, 0, buf_cstr(&b));
        buf_reset(&b);
        buf_printf(&b, "%s as of %d", a->c.raw, as->year);
        dis_set_position(it, 1, buf_cstr(&b));
        buf_reset(&b);
        int yr = (int)llround(y0->low);
        buf_adds(&b, "Read against its date, ");
        dis_cite_source(&b, as);
        buf_printf(&b, " says %s is %s old, which puts its start ", c->subject, a->c.raw);
        if (a->first > -1e8) buf_printf(&b, "between %d and %d", (int)ceil(a->first), (int)floor(a->last));
        else buf_printf(&b, "in %d or before", (int)floor(a->last));
        buf_printf(&b, "; %zu source%s give%s %d (", ysrc, ysrc == 1 ? "" : "s", ysrc == 1 ? "s" : "", yr);
        for (size_t k = 0, first = 1; k < y->n; k++) {
            if (y->v[k].source == a->c.source || c->mark[y->v[k].source]) continue;
            c->mark[y->v[k].source] = 1;
            if (!first) buf_adds(&b, "; ");
            first = 0;
            dis_cite_source(&b, &r->set->sources[y->v[k].source]);
        }
        for (size_t k = 0; k < y->n; k++) c->mark[y->v[k].source] = 0;
        buf_printf(&b, "), which would make it %d years old in %d.", as->year - yr, as->year);
        if (ysrc >= 2) {
            it->verdict = DIS_MAJORITY;
            buf_printf(&b, " %zu sources against 1 (a count, not proof): the age is the likelier error, perhaps "
                           "kept from an older version of the text.", ysrc);
        } else {
            it->verdict = DIS_UNRESOLVED;
            buf_adds(&b, " One source against one: check the primary record.");
        }
        it->explanation = buf_detach(&b, NULL);
    }
    dis_group_clear(y);
    for (size_t i = 0; i < c->nages; i++) {
        free(c->ages[i].c.text);
        free(c->ages[i].c.raw);
    }
    c->nages = 0;
    free(c->subject);
    c->subject = NULL;
}

static void dis_flush(dis_num_ctx *c)
{
    if (c->g.n && c->g.subject) dis_numeric_group(c);
    dis_group_clear(&c->g);
}

/* An age as a reader says it: the figure as written and, when that is
 * only a number ("nearly 30"), its unit ("nearly 30 years").  Malloc'd. */
static char *dis_age_raw(const char *raw, const char *unit)
{
    if (!raw) return NULL;
    size_t n = strlen(raw);
    if (!unit || !*unit || !n || raw[n - 1] < '0' || raw[n - 1] > '9') return kb_strdup(raw);
    buf b = BUF_INIT;
    int one = n == 1 && raw[0] == '1';
    buf_printf(&b, "%s %s%s", raw, unit, one ? "" : "s");
    return buf_detach(&b, NULL);
}

static int dis_on_fact(void *ctx, const store_fact *f)
{
    dis_num_ctx *c = ctx;
    dis_run *r = c->r;
    const char *key = f->measure;
    int kind = qty_kind_of(f->kind);
    /* a year that dates a version is compared only with years of that
     * version ("release_year of 12.6.0") */
    if (key && kind == QTY_YEAR && f->version) {
        buf_reset(&c->vkey);
        buf_printf(&c->vkey, "%s of %s", key, f->version);
        key = buf_cstr(&c->vkey);
    }
    if (!f->subject || !key) return 0;
    /* "3.12 added X" dates a feature; only "the latest version is 3.12"
     * says which version is current, and only that can go out of date */
    if (strcmp(key, "version") == 0 && !prop_lex_now(r->lex, f->text, f->text_len)) return 0;
    if (r->f->subject && strcmp(r->f->subject, f->subject) != 0) return 0;
    if (r->f->dimension && (!f->dimension || strcmp(r->f->dimension, f->dimension) != 0)) return 0;
    if (!c->g.subject || strcmp(c->g.subject, f->subject) != 0 || strcmp(c->g.key, key) != 0) {
        dis_flush(c);
        c->g.subject = kb_strdup(f->subject);
        c->g.key = kb_strdup(key);
    }
    if (!c->subject || strcmp(c->subject, f->subject) != 0) {
        if (c->subject) dis_temporal_flush(c);
        c->subject = kb_strdup(f->subject);
    }
    dis_claim d;
    memset(&d, 0, sizeof d);
    d.id = f->claim_id;
    d.start = f->start;
    d.end = f->end;
    d.source = dis_source_index(r, f->source_id);
    d.text = kb_strndup(f->text, f->text_len);
    d.raw = f->raw ? kb_strdup(f->raw) : NULL;
    d.low = f->low;
    d.high = f->high;
    d.has_low = f->has_low;
    d.has_high = f->has_high;
    d.low_open = f->low_open;
    d.high_open = f->high_open;
    d.approx = f->approx;
    dis_group_add(&c->g, &d);
    if (strcmp(key, "release_year") == 0 && kind == QTY_YEAR) dis_group_add(&c->years, &d);
    dis_age a;
    if (kind == QTY_DURATION && prop_lex_age(r->lex, f->text, f->text_len) &&
        dis_age_of(r, &d, &a)) {
        if (c->nages == c->capages) {
            c->capages = c->capages ? 2 * c->capages : 8;
            c->ages = kb_realloc(c->ages, c->capages * sizeof *c->ages);
        }
        a.c.text = kb_strdup(d.text);
        a.c.raw = dis_age_raw(d.raw, f->unit);
        c->ages[c->nages++] = a;
    }
    free(d.text);
    free(d.raw);
    return 0;
}

int dis_numeric(dis_run *r, char **err)
{
    dis_num_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.mark = kb_calloc(r->set->nsources + 1, 1);
    int rc = store_quantity_facts(r->st, dis_on_fact, &c, err);
    dis_flush(&c);
    if (c.subject) dis_temporal_flush(&c);
    free(c.g.v);
    free(c.years.v);
    free(c.ages);
    free(c.mark);
    buf_free(&c.vkey);
    return rc;
}
