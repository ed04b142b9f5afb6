/*
 * disagree.c - finding the disagreements: reading the sources and their
 * claims' propositions, and assembling the rows; see disagree.h.
 *
 * Propositions are not stored: each source's claims are built again
 * from its stored units with the taxonomy in force (claims.h), which
 * costs about what tagging cost at ingest and keeps the store's schema
 * and the ingest unchanged.  The questions (reconcile.h) become rows in
 * dis_verdict.c; figures and ages in dis_numeric.c.
 */
#include "disagree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alias.h"
#include "claims.h"
#include "dis_int.h"
#include "embed.h"
#include "util.h"

static const char *const dis_kind_names[DIS_KIND_COUNT] = {"numeric", "temporal", "stance", "category"};
static const char *const dis_verdict_names[DIS_VERDICT_COUNT] = {"compatible", "outdated", "overstated", "majority",
                                                                 "unresolved"};

const char *dis_kind_name(dis_kind k)
{
    return (unsigned)k < DIS_KIND_COUNT ? dis_kind_names[k] : "unknown";
}

const char *dis_verdict_name(dis_verdict v)
{
    return (unsigned)v < DIS_VERDICT_COUNT ? dis_verdict_names[v] : "unknown";
}

const char *dis_modality_name(dis_modality m)
{
    return m == DIS_MOD_ABSOLUTE ? "absolute" : m == DIS_MOD_QUALIFIED ? "qualified" : NULL;
}

typedef struct dis_idx {
    long long id;
    size_t idx;
} dis_idx;

static int dis_idx_cmp(const void *a, const void *b)
{
    long long x = ((const dis_idx *)a)->id, y = ((const dis_idx *)b)->id;
    return (x > y) - (x < y);
}

size_t dis_source_index(const dis_run *r, long long id)
{
    dis_idx key = {id, 0};
    const dis_idx *hit = r->byid ? bsearch(&key, r->byid, r->set->nsources, sizeof key, dis_idx_cmp) : NULL;
    return hit ? hit->idx : 0;
}

void dis_cite_source(buf *b, const dis_source *s)
{
    buf_printf(b, "%s (%s%s)", s->title ? s->title : s->path, s->date ? s->date : "undated",
               s->date_inferred ? ", inferred" : "");
}

dis_item *dis_new_item(dis_run *r, dis_kind kind, const char *subject)
{
    dis_set *s = r->set;
    s->items = kb_realloc(s->items, (s->nitems + 1) * sizeof *s->items);
    dis_item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->id = (int)s->nitems;
    it->kind = kind;
    it->verdict = DIS_UNRESOLVED;
    it->subject = kb_strdup(subject);
    return it;
}

void dis_add_claim(dis_item *it, const dis_claim *f, char side)
{
    it->claims = kb_realloc(it->claims, (it->nclaims + 1) * sizeof *it->claims);
    dis_claim *d = &it->claims[it->nclaims++];
    *d = *f;
    d->text = kb_strdup(f->text);
    d->raw = kb_strdup(f->raw);
    d->side = side;
}

void dis_set_position(dis_item *it, size_t k, const char *position)
{
    if (k >= it->nsides) {
        it->positions = kb_realloc(it->positions, (k + 1) * sizeof *it->positions);
        for (size_t i = it->nsides; i <= k; i++) it->positions[i] = NULL;
        it->nsides = k + 1;
    }
    free(it->positions[k]);
    it->positions[k] = kb_strdup(position);
}

static int dis_on_source(void *ctx, const store_source *s)
{
    dis_run *r = ctx;
    dis_set *set = r->set;
    if (s->duplicate_of) return 0; /* the same bytes as another: counted once */
    set->sources = kb_realloc(set->sources, (set->nsources + 1) * sizeof *set->sources);
    r->ids = kb_realloc(r->ids, (set->nsources + 1) * sizeof *r->ids);
    dis_source *d = &set->sources[set->nsources];
    memset(d, 0, sizeof *d);
    r->ids[set->nsources] = s->id;
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
    dis_run *r = ctx;
    dis_source *s = &r->set->sources[dis_source_index(r, source_id)];
    if (s->date || s->id != source_id) return 0;
    char y[16];
    snprintf(y, sizeof y, "%d", year);
    s->date = kb_strdup(y);
    s->year = year;
    s->date_inferred = 1;
    return 0;
}

/* One claim built again: keep it and its propositions. */
static int dis_on_claim(void *ctx, const claims_read *cr)
{
    dis_run *r = ctx;
    const claims_view *v = cr->view;
    if (!v->nprops) return 0;
    if (r->nclaims == r->capclaims) {
        r->capclaims = r->capclaims ? 2 * r->capclaims : 256;
        r->claims = kb_realloc(r->claims, r->capclaims * sizeof *r->claims);
    }
    dis_cl *c = &r->claims[r->nclaims];
    c->id = cr->id;
    c->source = r->cur_source;
    c->start = cr->start;
    c->end = cr->end;
    c->text = kb_strndup(cr->text, cr->len);
    c->dim = -1;
    double best = 0;
    for (size_t i = 0; i < v->ndims; i++)
        if (v->dims[i].score > best) {
            best = v->dims[i].score;
            c->dim = v->dims[i].dim;
        }
    for (size_t i = 0; i < v->nprops; i++) {
        if (r->nprops == r->capprops) {
            r->capprops = r->capprops ? 2 * r->capprops : 256;
            r->props = kb_realloc(r->props, r->capprops * sizeof *r->props);
        }
        r->props[r->nprops++] = (rc_prop){v->props[i], r->nclaims, r->cur_source};
    }
    r->nclaims++;
    return 0;
}

static void dis_item_free(dis_item *it)
{
    for (size_t k = 0; k < it->nclaims; k++) {
        free(it->claims[k].text);
        free(it->claims[k].raw);
    }
    for (size_t k = 0; k < it->nsides; k++) free(it->positions[k]);
    free(it->positions);
    free(it->claims);
    free(it->subject);
    free(it->dimension);
    free(it->measure);
    free(it->question);
    free(it->aspect);
    free(it->explanation);
}

static void dis_agreement_free(dis_agreement *a)
{
    for (size_t k = 0; k < a->nclaims; k++) free(a->claims[k].text);
    free(a->claims);
    free(a->subject);
    free(a->aspect);
    free(a->dimension);
    free(a->lead);
}

/* Keep only items and agreements involving the source asked for. */
static void dis_keep_source(dis_set *s, long long source_id)
{
    size_t a = 0;
    for (size_t i = 0; i < s->nagreements; i++) {
        int has = 0;
        for (size_t k = 0; k < s->agreements[i].nclaims; k++)
            has |= s->sources[s->agreements[i].claims[k].source].id == source_id;
        if (has) s->agreements[a++] = s->agreements[i];
        else dis_agreement_free(&s->agreements[i]);
    }
    s->nagreements = a;
    size_t w = 0;
    for (size_t i = 0; i < s->nitems; i++) {
        int has = 0;
        for (size_t k = 0; k < s->items[i].nclaims; k++) has |= s->sources[s->items[i].claims[k].source].id == source_id;
        if (has) s->items[w++] = s->items[i];
        else dis_item_free(&s->items[i]);
    }
    s->nitems = w;
}

/* Rows by subject, then kind (what a thing is, when, how much, how
 * good), then the order they were found in. */
static int dis_item_cmp(const void *a, const void *b)
{
    static const int rank[DIS_KIND_COUNT] = {[DIS_CATEGORY] = 0, [DIS_TEMPORAL] = 1, [DIS_NUMERIC] = 2,
                                             [DIS_STANCE] = 3};
    const dis_item *x = a, *y = b;
    int c = strcmp(x->subject, y->subject);
    if (c) return c;
    if (x->kind != y->kind) return rank[x->kind] - rank[y->kind];
    return x->id - y->id;
}

/* Agreements by the number of sources (most first), then subject and
 * aspect. */
static int dis_agreement_cmp(const void *a, const void *b)
{
    const dis_agreement *x = a, *y = b;
    if (x->nsources != y->nsources) return x->nsources > y->nsources ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    return c ? c : strcmp(x->aspect ? x->aspect : "", y->aspect ? y->aspect : "");
}


/* The lexicons a run reads with: the reconcile lexicon (compiled in)
 * and the alias list in force. */
static int dis_lexicons(store *st, prop_lex **lex, alias_set **aliases, char **err)
{
    char *e = NULL, *tsv = NULL;
    if (prop_lex_load(embed_reconcile, strlen(embed_reconcile), lex, &e) || rc_lex_check(*lex, &e)) {
        /* compiled in: a failure is a build error */
        kb_seterr(err, "reconcile lexicon: %s", e);
        free(e);
        return KB_ERR;
    }
    if (store_meta_get(st, "aliases", &tsv, err)) return KB_ERR;
    const char *src = tsv ? tsv : embed_aliases;
    int rc = alias_load(src, strlen(src), aliases, &e);
    free(tsv);
    if (rc) {
        kb_seterr(err, "aliases: %s", e);
        free(e);
        return KB_ERR;
    }
    return KB_OK;
}

int dis_find(store *st, const dis_filter *f, dis_set *out, char **err)
{
    memset(out, 0, sizeof *out);
    dis_run r;
    memset(&r, 0, sizeof r);
    r.set = out;
    r.f = f;
    r.st = st;
    prop_lex *lex = NULL;
    alias_set *aliases = NULL;
    claims *cb = NULL;
    rc_set qs = {0};
    int rc = KB_ERR;
    if (dis_lexicons(st, &lex, &aliases, err) || claims_open(st, &cb, err)) goto done;
    r.lex = lex;
    r.tax = claims_taxonomy(cb);
    r.keys = prop_keys_new();
    claims_props(cb, lex, aliases, r.keys);
    time_t now = time(NULL);
    struct tm tm;
    int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
    if (store_sources(st, dis_on_source, &r, err)) goto done;
    r.byid = kb_malloc((out->nsources ? out->nsources : 1) * sizeof *r.byid);
    for (size_t i = 0; i < out->nsources; i++) r.byid[i] = (dis_idx){r.ids[i], i};
    if (out->nsources) qsort(r.byid, out->nsources, sizeof *r.byid, dis_idx_cmp);
    if (store_source_years(st, this_year, dis_on_year, &r, err)) goto done;
    for (size_t i = 0; i < out->nsources; i++) {
        r.cur_source = i;
        if (claims_source_walk(cb, st, out->sources[i].id, dis_on_claim, &r, err)) goto done;
    }
    if (dis_numeric(&r, err)) goto done;
    rc_find(r.props, r.nprops, tax_subjects(r.tax), lex, r.keys, &qs);
    for (size_t i = 0; i < qs.n; i++) dis_question_item(&r, &qs.q[i]);
    for (size_t i = 0; i < qs.nagree; i++) dis_agreement_add(&r, &qs.agree[i]);
    if (out->nagreements) qsort(out->agreements, out->nagreements, sizeof *out->agreements, dis_agreement_cmp);
    if (out->nitems) qsort(out->items, out->nitems, sizeof *out->items, dis_item_cmp);
    if (f->source_id) dis_keep_source(out, f->source_id);
    for (size_t i = 0; i < out->nitems; i++) out->items[i].id = (int)i + 1;
    rc = KB_OK;
done:
    rc_free(&qs);
    for (size_t i = 0; i < r.nclaims; i++) free(r.claims[i].text);
    free(r.claims);
    free(r.props);
    free(r.ids);
    free(r.byid);
    claims_free(cb);
    prop_keys_free(r.keys);
    alias_free(aliases);
    prop_lex_free(lex);
    if (rc) dis_free(out);
    return rc;
}

void dis_free(dis_set *s)
{
    for (size_t i = 0; i < s->nitems; i++) dis_item_free(&s->items[i]);
    free(s->items);
    for (size_t i = 0; i < s->nagreements; i++) dis_agreement_free(&s->agreements[i]);
    free(s->agreements);
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
