/*
 * report.c - builds the model of a cited summary; see report.h for what
 * it holds and the rules (agreements, the quote picked per source, the
 * order of everything).
 *
 * How: the sources are read and numbered; the stance and quantity facts
 * (already ordered by subject, dimension or measure, source path and
 * claim order) are copied and walked group by group; the disagreements
 * come from dis_find.  Each lands in the section of its dimension; the
 * sections are sorted last, then agreements and figures are numbered.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "util.h"

/* A store_fact, copied (store strings live only during the callback). */
typedef struct rep_fact {
    long long claim_id;
    int source;
    long long start, end;
    char *text;
    size_t text_len;
    char *subject, *dimension;
    int polarity;
    char *measure, *raw, *kind, *unit, *version;
    report_interval value;
} rep_fact;

typedef struct rep_facts {
    rep_fact *v;
    size_t n, cap;
} rep_facts;

/* A quantity fact by its claim's id. */
typedef struct rep_qidx {
    long long claim_id;
    size_t fact;         /* index into rep_build.qtys */
} rep_qidx;

/* (section, claim) pairs: what each section draws on. */
typedef struct rep_use {
    size_t section;
    long long claim_id;
} rep_use;

typedef struct rep_idmap {
    long long id;
    int n;
} rep_idmap;

typedef struct rep_build {
    store *st;
    const char *subject, *dimension;  /* the filter */
    report *r;
    rep_idmap *ids;                   /* source id -> number, sorted by id */
    rep_facts qtys;
    rep_qidx *qidx;                   /* qtys by claim id (rep_qty_index) */
    size_t nqidx;
    rep_use *uses;
    size_t nuses, capuses;
    size_t capsections;
    char **subjects;
    size_t nsubjects, capsubjects;
    int failed;                       /* a callback's error: KB_ERR */
    char **err;
} rep_build;

static void *rep_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap * 2 : 8;
    while (c < need) c *= 2;
    *cap = c;
    return kb_realloc(p, c * size);
}

static int rep_streq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}


/* ---- sources ---- */

static int rep_source_cb(void *ctx, const store_source *s)
{
    rep_build *b = ctx;
    report *r = b->r;
    if (s->duplicate_of) return 0; /* the same bytes as another: counted once */
    size_t cap = r->nsources;   /* grown one by one: sources are few */
    r->sources = kb_realloc(r->sources, (cap + 1) * sizeof *r->sources);
    report_source *o = &r->sources[r->nsources++];
    o->n = (int)r->nsources;
    o->id = s->id;
    o->path = kb_strdup(s->path);
    o->format = kb_strdup(s->format);
    o->title = kb_strdup(s->title);
    o->site = kb_strdup(s->site);
    o->author = kb_strdup(s->author);
    o->date = kb_strdup(s->date);
    o->url = kb_strdup(s->url);
    return 0;
}

static int rep_idmap_cmp(const void *a, const void *b)
{
    long long x = ((const rep_idmap *)a)->id, y = ((const rep_idmap *)b)->id;
    return x < y ? -1 : x > y;
}

static int rep_source_number(const rep_build *b, long long id)
{
    rep_idmap key = {id, 0};
    const rep_idmap *m = b->r->nsources
                             ? bsearch(&key, b->ids, b->r->nsources, sizeof *b->ids, rep_idmap_cmp)
                             : NULL;
    return m ? m->n : 0;
}

const report_source *report_source_n(const report *r, int n)
{
    if (!r || n < 1 || (size_t)n > r->nsources) return NULL;
    return &r->sources[n - 1];
}

/* ---- facts ---- */

static void rep_subject_note(rep_build *b, const char *subject)
{
    /* a question between two subjects names both: "Node.js, Python" */
    const char *comma = strstr(subject, ", ");
    if (comma) {
        char *first = kb_strndup(subject, (size_t)(comma - subject));
        rep_subject_note(b, first);
        free(first);
        rep_subject_note(b, comma + 2);
        return;
    }
    if (!subject) return;
    for (size_t i = 0; i < b->nsubjects; i++)
        if (strcmp(b->subjects[i], subject) == 0) return;
    b->subjects = rep_grow(b->subjects, &b->capsubjects, b->nsubjects + 1, sizeof *b->subjects);
    b->subjects[b->nsubjects++] = kb_strdup(subject);
}

static int rep_fact_cb(rep_build *b, rep_facts *into, const store_fact *f)
{
    int n = rep_source_number(b, f->source_id);
    if (!n) {
        b->failed = kb_seterr(b->err, "claim %lld: no source with id %lld", f->claim_id, f->source_id);
        return 1;
    }
    into->v = rep_grow(into->v, &into->cap, into->n + 1, sizeof *into->v);
    rep_fact *o = &into->v[into->n++];
    memset(o, 0, sizeof *o);
    o->claim_id = f->claim_id;
    o->source = n;
    o->start = f->start;
    o->end = f->end;
    o->text = kb_strndup(f->text ? f->text : "", f->text ? f->text_len : 0);
    o->text_len = f->text ? f->text_len : 0;
    o->subject = kb_strdup(f->subject);
    o->dimension = kb_strdup(f->dimension);
    o->polarity = f->polarity;
    o->measure = kb_strdup(f->measure);
    o->raw = kb_strdup(f->raw);
    o->kind = kb_strdup(f->kind);
    o->unit = kb_strdup(f->unit);
    o->version = kb_strdup(f->version);
    o->value = (report_interval){f->low, f->high, f->has_low, f->has_high, f->low_open, f->high_open, f->approx};
    rep_subject_note(b, f->subject);
    return 0;
}

static int rep_qty_cb(void *ctx, const store_fact *f)
{
    rep_build *b = ctx;
    if (b->subject && !rep_streq(b->subject, f->subject)) return 0;
    if (b->dimension && !rep_streq(b->dimension, f->dimension)) return 0;
    return rep_fact_cb(b, &b->qtys, f);
}

static void rep_facts_free(rep_facts *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        rep_fact *f = &fs->v[i];
        free(f->text);
        free(f->subject);
        free(f->dimension);
        free(f->measure);
        free(f->raw);
        free(f->kind);
        free(f->unit);
        free(f->version);
    }
    free(fs->v);
}

static int rep_total_cb(void *ctx, const char *group, const char *name, long long n, long long extra)
{
    (void)extra;
    if (strcmp(group, "total") == 0 && strcmp(name, "claims") == 0) ((report *)ctx)->total_claims = n;
    return 0;
}

/* ---- sections ---- */

static size_t rep_section(rep_build *b, const char *dimension)
{
    report *r = b->r;
    for (size_t i = 0; i < r->nsections; i++)
        if (rep_streq(r->sections[i].dimension, dimension)) return i;
    r->sections = rep_grow(r->sections, &b->capsections, r->nsections + 1, sizeof *r->sections);
    report_section *s = &r->sections[r->nsections];
    memset(s, 0, sizeof *s);
    s->dimension = kb_strdup(dimension);
    return r->nsections++;
}

static void rep_note_use(rep_build *b, size_t section, long long claim_id)
{
    b->uses = rep_grow(b->uses, &b->capuses, b->nuses + 1, sizeof *b->uses);
    b->uses[b->nuses++] = (rep_use){section, claim_id};
}

static void rep_cite(report_cite *c, const rep_fact *f)
{
    c->source = f->source;
    c->claim_id = f->claim_id;
    c->start = f->start;
    c->end = f->end;
    c->text = kb_strndup(f->text, f->text_len);
    c->text_len = f->text_len;
}

static report_agreement *rep_agreement_add(report_section *s)
{
    s->agreements = kb_realloc(s->agreements, (s->nagreements + 1) * sizeof *s->agreements);
    report_agreement *a = &s->agreements[s->nagreements++];
    memset(a, 0, sizeof *a);
    return a;
}

/* ---- the quote picked per source ---- */

/* s lower-cased with everything but letters and digits dropped (bytes
 * >= 0x80 kept), so "Node.js", "NodeJS" and "node js" all read "nodejs". */
static char *rep_squash(const char *s, size_t n, size_t *len)
{
    char *o = kb_malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') o[k++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) o[k++] = (char)c;
    }
    o[k] = '\0';
    *len = k;
    return o;
}

static int rep_names(const rep_fact *f, const char *subject)
{
    size_t nl, hl;
    char *needle = rep_squash(subject, strlen(subject), &nl);
    char *hay = rep_squash(f->text, f->text_len, &hl);
    int found = nl > 0 && kb_memmem(hay, hl, needle, nl) != NULL;
    free(needle);
    free(hay);
    return found;
}

/* Does the claim end like a sentence (a fact does not carry the claim's
 * kind, so table cells and bare list items are told by their ending)? */
static int rep_sentence_end(const rep_fact *f)
{
    size_t n = f->text_len;
    if (n >= 3 && memcmp(f->text + n - 3, "\xe2\x80\x9d", 3) == 0) return 1;   /* ” */
    return n > 0 && f->text[n - 1] && strchr(".!?;)\"'", f->text[n - 1]) != NULL;
}

/* Is a better than b as the quote for its source (report.h)? */
static int rep_better_quote(const rep_fact *a, const rep_fact *b, const char *subject)
{
    int x = rep_names(a, subject), y = rep_names(b, subject);
    if (x != y) return x > y;
    x = rep_sentence_end(a);
    y = rep_sentence_end(b);
    if (x != y) return x > y;
    x = a->text_len >= 24 && a->text_len <= 300;
    y = b->text_len >= 24 && b->text_len <= 300;
    if (x != y) return x > y;
    if (a->text_len != b->text_len) return a->text_len < b->text_len;
    return 0;   /* equal: the first in document order stays */
}

/* ---- agreements ---- */

static size_t rep_count_sources(rep_fact **fs, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || fs[i]->source != fs[i - 1]->source) k++;
    return k;
}

static int rep_same_interval(const report_interval *x, const report_interval *y)
{
    if (x->has_low != y->has_low || x->has_high != y->has_high) return 0;
    if (x->has_low && (x->low != y->low || x->low_open != y->low_open)) return 0;
    if (x->has_high && (x->high != y->high || x->high_open != y->high_open)) return 0;
    return 1;
}

/* The dimension most of the facts have (ties: the first by name); NULL
 * when none has one. */
static const char *rep_common_dimension(rep_fact **fs, size_t n)
{
    const char *best = NULL;
    size_t bestn = 0;
    for (size_t i = 0; i < n; i++) {
        const char *d = fs[i]->dimension;
        if (!d) continue;
        size_t c = 0;
        for (size_t j = 0; j < n; j++) c += rep_streq(fs[j]->dimension, d);
        if (c > bestn || (c == bestn && strcmp(d, best) < 0)) {
            best = d;
            bestn = c;
        }
    }
    return best;
}

/* The quantity facts of one (subject, measure) group, fs[0..n): each a
 * figure; equal intervals from two sources or more an agreement. */
static void rep_qty_group(rep_build *b, rep_fact *fs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t si = rep_section(b, fs[i].dimension);
        rep_note_use(b, si, fs[i].claim_id);
        report_section *s = &b->r->sections[si];
        s->figures = kb_realloc(s->figures, (s->nfigures + 1) * sizeof *s->figures);
        report_figure *g = &s->figures[s->nfigures++];
        memset(g, 0, sizeof *g);
        rep_cite(&g->cite, &fs[i]);
        g->subject = kb_strdup(fs[i].subject);
        g->measure = kb_strdup(fs[i].measure);
        g->raw = kb_strdup(fs[i].raw);
        g->kind = kb_strdup(fs[i].kind);
        g->unit = kb_strdup(fs[i].unit);
        g->version = kb_strdup(fs[i].version);
        g->value = fs[i].value;
    }
    char *done = kb_calloc(n, 1);
    rep_fact **cls = kb_malloc(n * sizeof *cls);
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (!done[j] && rep_same_interval(&fs[i].value, &fs[j].value)) {
                done[j] = 1;
                cls[m++] = &fs[j];
            }
        size_t nsrc = rep_count_sources(cls, m);
        if (nsrc < 2) continue;
        size_t si = rep_section(b, rep_common_dimension(cls, m));
        report_section *s = &b->r->sections[si];
        report_agreement *a = rep_agreement_add(s);
        a->kind = "numeric";
        a->subject = kb_strdup(fs[i].subject);
        a->measure = kb_strdup(fs[i].measure);
        a->value = fs[i].value;
        a->value.approx = 1;   /* "about" only when every source says so */
        for (size_t j = 0; j < m; j++) a->value.approx &= cls[j]->value.approx;
        a->nsources = nsrc;
        a->nclaims = m;
        buf st = BUF_INIT;
        buf_printf(&st, "%zu sources agree that the ", nsrc);
        report_measure_words(fs[i].measure, &st);
        buf_printf(&st, " of %s ", fs[i].subject);
        report_value_phrase(&a->value, fs[i].kind, &st);
        buf_addc(&st, '.');
        a->statement = buf_detach(&st, NULL);
        a->quotes = kb_calloc(nsrc, sizeof *a->quotes);
        for (size_t j = 0; j < m; j++)
            if (j == 0 || cls[j]->source != cls[j - 1]->source) rep_cite(&a->quotes[a->nquotes++], cls[j]);
    }
    free(cls);
    free(done);
}

static void rep_agreements(rep_build *b)
{
    rep_fact *v = b->qtys.v;
    for (size_t i = 0, n = b->qtys.n; i < n;) {
        size_t j = i + 1;
        while (j < n && rep_streq(v[j].subject, v[i].subject) && rep_streq(v[j].measure, v[i].measure)) j++;
        rep_qty_group(b, v + i, j - i);
        i = j;
    }
}

/* The finder's agreements as propositions: what two or more sources say
 * of one aspect, each source quoted once (report.h). */
static void rep_propositions(rep_build *b, const dis_set *ds, const int *num)
{
    size_t total = b->r->nsources;
    for (size_t i = 0; i < ds->nagreements; i++) {
        const dis_agreement *ag = &ds->agreements[i];
        size_t si = rep_section(b, ag->dimension);
        report_agreement *a = rep_agreement_add(&b->r->sections[si]);
        a->kind = "proposition";
        a->subject = kb_strdup(ag->subject);
        a->aspect = kb_strdup(ag->aspect);
        a->polarity = ag->polarity;
        a->nsources = ag->nsources;
        a->nclaims = ag->nclaims;
        rep_subject_note(b, ag->subject);
        buf st = BUF_INIT;
        /* "All 5 sources agree on Node.js's event loop: “...”." */
        if (ag->nsources >= total && total == 2) buf_adds(&st, "Both sources agree");
        else if (ag->nsources >= total) buf_printf(&st, "All %zu sources agree", ag->nsources);
        else buf_printf(&st, "%zu of %zu sources agree", ag->nsources, total);
        buf_printf(&st, " on %s's %s: \xe2\x80\x9c%s\xe2\x80\x9d.", ag->subject, ag->aspect, ag->lead);
        a->statement = buf_detach(&st, NULL);
        a->quotes = kb_calloc(ag->nsources ? ag->nsources : 1, sizeof *a->quotes);
        /* the claims come by source: the most telling of each */
        for (size_t k = 0; k < ag->nclaims;) {
            size_t j = k, best = k;
            rep_fact fb, fj;
            for (; j < ag->nclaims && ag->claims[j].source == ag->claims[k].source; j++) {
                fj = (rep_fact){.text = ag->claims[j].text, .text_len = strlen(ag->claims[j].text)};
                fb = (rep_fact){.text = ag->claims[best].text, .text_len = strlen(ag->claims[best].text)};
                if (rep_better_quote(&fj, &fb, ag->subject)) best = j;
                rep_note_use(b, si, ag->claims[j].id);
            }
            const dis_claim *c = &ag->claims[best];
            report_cite *q = &a->quotes[a->nquotes++];
            q->source = num[c->source];
            q->claim_id = c->id;
            q->start = c->start;
            q->end = c->end;
            q->text = kb_strdup(c->text);
            q->text_len = strlen(c->text);
            k = j;
        }
    }
}

/* ---- disputes ---- */

static int rep_claim_side_cmp(const report_dispute_claim *x, const report_dispute_claim *y)
{
    return (x->side > y->side) - (x->side < y->side);
}

/* The section of a dispute the finder gives no dimension (numeric and
 * temporal ones): the filter's dimension, else the dimension most of its
 * claims' figures are in, so it sits beside them. */
static const char *rep_dispute_dimension(rep_build *b, const dis_item *it)
{
    if (it->dimension) return it->dimension;
    if (b->dimension) return b->dimension;
    rep_fact **hits = kb_malloc((it->nclaims ? it->nclaims : 1) * sizeof *hits);
    size_t n = 0;
    for (size_t k = 0; k < it->nclaims; k++) {
        /* the quantity facts of the claim: a binary search in the
         * index by claim id (rep_qty_index) */
        size_t lo = 0, hi = b->nqidx;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (b->qidx[mid].claim_id < it->claims[k].id) lo = mid + 1;
            else hi = mid;
        }
        for (; lo < b->nqidx && b->qidx[lo].claim_id == it->claims[k].id; lo++)
            if (rep_streq(b->qtys.v[b->qidx[lo].fact].subject, it->subject)) {
                hits[n++] = &b->qtys.v[b->qidx[lo].fact];
                break;
            }
    }
    const char *d = rep_common_dimension(hits, n);
    free(hits);
    return d;
}

/* Each side of each dispute: per source, the claim the quote rule
 * (report.h) picks is its lead.  Claims are grouped by side, so one pass
 * per side with the best claim so far per source. */
static void rep_mark_leads(report *r)
{
    int *best = kb_malloc((r->nsources + 1) * sizeof *best);
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t k = 0; k < r->sections[i].ndisputes; k++) {
            report_dispute *d = &r->sections[i].disputes[k];
            const char *subject = d->subject ? d->subject : "";
            for (size_t a = 0; a < d->nclaims;) {
                size_t e = a;
                while (e < d->nclaims && d->claims[e].side == d->claims[a].side) e++;
                for (size_t m = a; m < e; m++) {
                    int src = d->claims[m].cite.source;
                    if (src >= 0 && (size_t)src <= r->nsources) best[src] = -1;
                }
                for (size_t m = a; m < e; m++) {
                    int src = d->claims[m].cite.source;
                    if (src < 0 || (size_t)src > r->nsources) continue;
                    d->claims[m].lead = 0;
                    if (best[src] < 0) {
                        best[src] = (int)m;
                        continue;
                    }
                    const report_dispute_claim *o = &d->claims[best[src]];
                    rep_fact fm = {.text = d->claims[m].cite.text, .text_len = d->claims[m].cite.text_len};
                    rep_fact fo = {.text = o->cite.text, .text_len = o->cite.text_len};
                    if (rep_better_quote(&fm, &fo, subject)) best[src] = (int)m;  /* ties: the first stays */
                }
                for (size_t m = a; m < e; m++) {
                    int src = d->claims[m].cite.source;
                    if (src >= 0 && (size_t)src <= r->nsources && best[src] >= 0) {
                        d->claims[best[src]].lead = 1;
                        best[src] = -1;
                    }
                }
                a = e;
            }
        }
    free(best);
}

static int rep_qidx_cmp(const void *x, const void *y)
{
    const rep_qidx *a = x, *c = y;
    if (a->claim_id != c->claim_id) return a->claim_id < c->claim_id ? -1 : 1;
    return (a->fact > c->fact) - (a->fact < c->fact);
}

/* Index the quantity facts by claim id, for rep_dispute_dimension. */
static void rep_qty_index(rep_build *b)
{
    b->qidx = kb_malloc((b->qtys.n ? b->qtys.n : 1) * sizeof *b->qidx);
    for (size_t i = 0; i < b->qtys.n; i++) b->qidx[i] = (rep_qidx){b->qtys.v[i].claim_id, i};
    b->nqidx = b->qtys.n;
    if (b->nqidx) qsort(b->qidx, b->nqidx, sizeof *b->qidx, rep_qidx_cmp);
}

static int rep_disputes(rep_build *b)
{
    rep_qty_index(b);
    dis_filter f = {b->subject, b->dimension, 0};
    dis_set ds;
    memset(&ds, 0, sizeof ds);
    if (dis_find(b->st, &f, &ds, b->err)) return KB_ERR;
    int rc = KB_OK;
    int *num = kb_calloc(ds.nsources ? ds.nsources : 1, sizeof *num);
    for (size_t i = 0; i < ds.nsources; i++) num[i] = rep_source_number(b, ds.sources[i].id);
    for (size_t i = 0; i < ds.nitems; i++) {
        const dis_item *it = &ds.items[i];
        size_t si = rep_section(b, rep_dispute_dimension(b, it));
        report_section *s = &b->r->sections[si];
        s->disputes = kb_realloc(s->disputes, (s->ndisputes + 1) * sizeof *s->disputes);
        report_dispute *d = &s->disputes[s->ndisputes++];
        memset(d, 0, sizeof *d);
        d->id = it->id;
        d->kind = dis_kind_name(it->kind);
        d->verdict = dis_verdict_name(it->verdict);
        d->subject = kb_strdup(it->subject);
        d->measure = kb_strdup(it->measure);
        d->question = kb_strdup(it->question);
        d->aspect = kb_strdup(it->aspect);
        d->nsides = it->nsides;
        d->positions = kb_calloc(it->nsides ? it->nsides : 1, sizeof *d->positions);
        for (size_t k = 0; k < it->nsides; k++) d->positions[k] = kb_strdup(it->positions[k]);
        d->explanation = kb_strdup(it->explanation);
        d->claims = kb_calloc(it->nclaims ? it->nclaims : 1, sizeof *d->claims);
        rep_subject_note(b, it->subject);
        for (size_t k = 0; k < it->nclaims; k++) {
            const dis_claim *c = &it->claims[k];
            if (c->source >= ds.nsources || !num[c->source]) {
                rc = kb_seterr(b->err, "disagreement %d: a claim of an unknown source", it->id);
                goto done;
            }
            report_dispute_claim *o = &d->claims[d->nclaims++];
            o->cite.source = num[c->source];
            o->cite.claim_id = c->id;
            o->cite.start = c->start;
            o->cite.end = c->end;
            o->cite.text = kb_strdup(c->text ? c->text : "");
            o->cite.text_len = strlen(o->cite.text);
            o->side = c->side;
            o->polarity = c->polarity;
            o->raw = kb_strdup(c->raw);
            o->value = (report_interval){c->low, c->high, c->has_low, c->has_high, c->low_open, c->high_open,
                                         c->approx};
            rep_note_use(b, si, c->id);
            /* keep the sides together, each in the finder's order */
            for (size_t m = d->nclaims - 1; m > 0 && rep_claim_side_cmp(&d->claims[m - 1], &d->claims[m]) > 0;
                 m--) {
                report_dispute_claim t = d->claims[m];
                d->claims[m] = d->claims[m - 1];
                d->claims[m - 1] = t;
            }
        }
    }
    rep_mark_leads(b->r);
    rep_propositions(b, &ds, num);
done:
    free(num);
    dis_free(&ds);
    return rc;
}

/* An agreement's dispute: one on the same subject and dimension (stance
 * and category ones) or the same subject and measure (numeric, temporal). */
static void rep_link(report *r)
{
    for (size_t i = 0; i < r->nsections; i++) {
        report_section *s = &r->sections[i];
        for (size_t k = 0; k < s->nagreements; k++) {
            report_agreement *a = &s->agreements[k];
            int numeric = strcmp(a->kind, "numeric") == 0;
            for (size_t j = 0; j < r->nsections && !a->dispute; j++) {
                const report_section *t = &r->sections[j];
                for (size_t m = 0; m < t->ndisputes && !a->dispute; m++) {
                    const report_dispute *d = &t->disputes[m];
                    if (!rep_streq(d->subject, a->subject)) continue;
                    int dnum = d->measure != NULL;
                    if (numeric && dnum && rep_streq(d->measure, a->measure)) a->dispute = d->id;
                    else if (!numeric && !dnum && rep_streq(d->aspect, a->aspect)) a->dispute = d->id;
                }
            }
        }
    }
}

/* ---- order ---- */

static int rep_polarity_rank(int p)
{
    return p > 0 ? 0 : p < 0 ? 1 : 2;
}

static int rep_agreement_cmp(const void *x, const void *y)
{
    const report_agreement *a = x, *b = y;
    if (a->nsources != b->nsources) return a->nsources > b->nsources ? -1 : 1;
    int c = strcmp(a->kind, b->kind);   /* "numeric" < "proposition": propositions first */
    if (c) return -c;
    if ((c = strcmp(a->subject, b->subject))) return c;
    if (strcmp(a->kind, "proposition") == 0) {
        if (a->polarity != b->polarity) return rep_polarity_rank(a->polarity) - rep_polarity_rank(b->polarity);
        return strcmp(a->aspect ? a->aspect : "", b->aspect ? b->aspect : "");
    }
    if ((c = strcmp(a->measure, b->measure))) return c;
    if (a->value.has_low != b->value.has_low) return a->value.has_low - b->value.has_low;
    if (a->value.low != b->value.low) return a->value.low < b->value.low ? -1 : 1;
    if (a->value.high != b->value.high) return a->value.high < b->value.high ? -1 : 1;
    return a->value.low_open - b->value.low_open;
}

static int rep_section_cmp(const void *x, const void *y)
{
    const report_section *a = x, *b = y;
    if (!a->dimension || !b->dimension) return !a->dimension - !b->dimension;
    if (a->nclaims != b->nclaims) return a->nclaims > b->nclaims ? -1 : 1;
    return strcmp(a->dimension, b->dimension);
}

static int rep_use_cmp(const void *x, const void *y)
{
    const rep_use *a = x, *b = y;
    if (a->section != b->section) return a->section < b->section ? -1 : 1;
    return a->claim_id < b->claim_id ? -1 : a->claim_id > b->claim_id;
}

static int rep_ll_cmp(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;
    return a < b ? -1 : a > b;
}

static int rep_str_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void rep_section_free(report_section *s);

static void rep_finish(rep_build *b)
{
    report *r = b->r;
    /* claims per section and in all */
    if (b->nuses) qsort(b->uses, b->nuses, sizeof *b->uses, rep_use_cmp);
    long long *all = kb_malloc((b->nuses ? b->nuses : 1) * sizeof *all);
    for (size_t i = 0; i < b->nuses; i++) {
        all[i] = b->uses[i].claim_id;
        if (i == 0 || rep_use_cmp(&b->uses[i], &b->uses[i - 1]) != 0) r->sections[b->uses[i].section].nclaims++;
    }
    if (b->nuses) qsort(all, b->nuses, sizeof *all, rep_ll_cmp);
    for (size_t i = 0; i < b->nuses; i++) r->nclaims += i == 0 || all[i] != all[i - 1];
    free(all);
    /* drop sections with nothing to say, then order */
    size_t k = 0;
    for (size_t i = 0; i < r->nsections; i++) {
        report_section *s = &r->sections[i];
        if (s->nagreements || s->ndisputes || s->nfigures) r->sections[k++] = *s;
        else rep_section_free(s);
    }
    r->nsections = k;
    if (r->nsections) qsort(r->sections, r->nsections, sizeof *r->sections, rep_section_cmp);
    int na = 0, nf = 0;
    for (size_t i = 0; i < r->nsections; i++) {
        report_section *s = &r->sections[i];
        if (s->nagreements) qsort(s->agreements, s->nagreements, sizeof *s->agreements, rep_agreement_cmp);
        for (size_t j = 0; j < s->nagreements; j++) s->agreements[j].id = ++na;
        for (size_t j = 0; j < s->nfigures; j++) s->figures[j].id = ++nf;
        r->nagreements += s->nagreements;
        r->ndisputes += s->ndisputes;
        r->nfigures += s->nfigures;
    }
    rep_link(r);
    if (b->nsubjects) qsort(b->subjects, b->nsubjects, sizeof *b->subjects, rep_str_cmp);
    r->subjects = b->subjects;
    r->nsubjects = b->nsubjects;
    b->subjects = NULL;
    b->nsubjects = 0;
}

int report_build(store *st, const report_filter *f, report **out, char **err)
{
    *out = NULL;
    report *r = kb_calloc(1, sizeof *r);
    rep_build b;
    memset(&b, 0, sizeof b);
    b.st = st;
    b.r = r;
    b.err = err;
    if (f) {
        b.subject = f->subject;
        b.dimension = f->dimension;
    }
    r->subject = kb_strdup(b.subject);
    r->dimension = kb_strdup(b.dimension);
    int rc = KB_ERR;
    if (store_sources(st, rep_source_cb, &b, err)) goto done;
    b.ids = kb_malloc((r->nsources ? r->nsources : 1) * sizeof *b.ids);
    for (size_t i = 0; i < r->nsources; i++) b.ids[i] = (rep_idmap){r->sources[i].id, r->sources[i].n};
    if (r->nsources) qsort(b.ids, r->nsources, sizeof *b.ids, rep_idmap_cmp);
    if (store_stats(st, rep_total_cb, r, err)) goto done;
    if (store_quantity_facts(st, rep_qty_cb, &b, err) || b.failed) goto done;
    rep_agreements(&b);
    if (rep_disputes(&b)) goto done;
    rep_finish(&b);
    rc = KB_OK;
done:
    rep_facts_free(&b.qtys);
    for (size_t i = 0; i < b.nsubjects; i++) free(b.subjects[i]);
    free(b.subjects);
    free(b.uses);
    free(b.ids);
    free(b.qidx);
    if (rc) {
        if (err && !*err) kb_seterr(err, "building the report failed");
        report_free(r);
        return rc;
    }
    *out = r;
    return KB_OK;
}

/* ---- freeing ---- */

static void rep_cite_free(report_cite *c)
{
    free(c->text);
}

static void rep_agreement_free(report_agreement *a)
{
    free(a->subject);
    free(a->aspect);
    free(a->measure);
    free(a->statement);
    for (size_t k = 0; k < a->nquotes; k++) rep_cite_free(&a->quotes[k]);
    free(a->quotes);
}

static void rep_section_free(report_section *s)
{
    free(s->dimension);
    for (size_t i = 0; i < s->nagreements; i++) rep_agreement_free(&s->agreements[i]);
    free(s->agreements);
    for (size_t i = 0; i < s->ndisputes; i++) {
        report_dispute *d = &s->disputes[i];
        free(d->subject);
        free(d->measure);
        free(d->question);
        free(d->aspect);
        for (size_t k = 0; k < d->nsides; k++) free(d->positions[k]);
        free(d->positions);
        free(d->explanation);
        for (size_t k = 0; k < d->nclaims; k++) {
            rep_cite_free(&d->claims[k].cite);
            free(d->claims[k].raw);
        }
        free(d->claims);
    }
    free(s->disputes);
    for (size_t i = 0; i < s->nfigures; i++) {
        report_figure *g = &s->figures[i];
        rep_cite_free(&g->cite);
        free(g->subject);
        free(g->measure);
        free(g->raw);
        free(g->kind);
        free(g->unit);
        free(g->version);
    }
    free(s->figures);
}

void report_free(report *r)
{
    if (!r) return;
    free(r->subject);
    free(r->dimension);
    for (size_t i = 0; i < r->nsubjects; i++) free(r->subjects[i]);
    free(r->subjects);
    for (size_t i = 0; i < r->nsources; i++) {
        report_source *s = &r->sources[i];
        free(s->path);
        free(s->format);
        free(s->title);
        free(s->site);
        free(s->author);
        free(s->date);
        free(s->url);
    }
    free(r->sources);
    for (size_t i = 0; i < r->nsections; i++) rep_section_free(&r->sections[i]);
    free(r->sections);
    free(r);
}
