/*
 * report_read.c - the report's first step: the sources, numbered 1..n
 * in path order (a duplicate's bytes counted once), and the quantity
 * facts the filter keeps, copied (the store's strings live only during
 * its callback).
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

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

int rep_source_number(const rep_build *b, long long id)
{
    rep_idmap key = {id, 0};
    const rep_idmap *m = b->r->nsources
                             ? bsearch(&key, b->ids, b->r->nsources, sizeof *b->ids, rep_idmap_cmp)
                             : NULL;
    return m ? m->n : 0;
}

static int rep_fact_cb(rep_build *b, rep_facts *into, const store_fact *f)
{
    int n = rep_source_number(b, f->source_id), kind = qty_kind_of(f->kind);
    if (!n) {
        b->failed = kb_seterr(b->err, "claim %lld: no source with id %lld", f->claim_id, f->source_id);
        return 1;
    }
    if (kind < 0) {
        b->failed = kb_seterr(b->err, "claim %lld: unknown quantity kind '%s'", f->claim_id, f->kind ? f->kind : "");
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
    o->kind = (qty_kind)kind;
    o->measure = kb_strdup(f->measure);
    o->raw = kb_strdup(f->raw);
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

void rep_facts_free(rep_facts *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        rep_fact *f = &fs->v[i];
        free(f->text);
        free(f->subject);
        free(f->dimension);
        free(f->measure);
        free(f->raw);
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

int rep_read(rep_build *b)
{
    report *r = b->r;
    if (store_sources(b->st, rep_source_cb, b, b->err)) return KB_ERR;
    b->ids = kb_malloc((r->nsources ? r->nsources : 1) * sizeof *b->ids);
    for (size_t i = 0; i < r->nsources; i++) b->ids[i] = (rep_idmap){r->sources[i].id, r->sources[i].n};
    if (r->nsources) qsort(b->ids, r->nsources, sizeof *b->ids, rep_idmap_cmp);
    if (store_stats(b->st, rep_total_cb, r, b->err)) return KB_ERR;
    if (store_quantity_facts(b->st, rep_qty_cb, b, b->err) || b->failed) return KB_ERR;
    return KB_OK;
}
