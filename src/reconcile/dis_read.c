/*
 * dis_read.c - what a run reads (disagree.h): the sources with their
 * dates (from metadata, else the latest year the text states), and
 * each source's claims built again from its stored units with their
 * propositions.
 *
 * Propositions are not stored: building the claims again with the
 * taxonomy in force (claims.h) costs about what tagging cost at ingest
 * and keeps the store's schema and the ingest unchanged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dis_int.h"
#include "util.h"

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

int dis_read_sources(dis_run *r, char **err)
{
    time_t now = time(NULL);
    struct tm tm;
    int this_year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2100;
    if (store_sources(r->st, dis_on_source, r, err)) return KB_ERR;
    dis_index_sources(r);
    return store_source_years(r->st, this_year, dis_on_year, r, err);
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
        const prop *pp = &v->props[i];
        if (pp->change || (pp->kind == PROP_CATEGORY && pp->negated)) {
            if (r->nnotable == r->capnotable) {
                r->capnotable = r->capnotable ? 2 * r->capnotable : 64;
                r->notable = kb_realloc(r->notable, r->capnotable * sizeof *r->notable);
            }
            r->notable[r->nnotable++] = r->nprops;
        }
        r->props[r->nprops++] = (rc_prop){v->props[i], r->nclaims, r->cur_source};
    }
    r->nclaims++;
    return 0;
}

int dis_read_claims(dis_run *r, claims *cb, char **err)
{
    for (size_t i = 0; i < r->set->nsources; i++) {
        r->cur_source = i;
        if (claims_source_walk(cb, r->st, r->set->sources[i].id, dis_on_claim, r, err)) return KB_ERR;
    }
    return KB_OK;
}
