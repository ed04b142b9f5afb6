/*
 * report_disputes.c - the disagreement finder's rows (disagree.h) as
 * the report's disputes: each copied with its sides and claims, placed
 * in a section, and the lead claim of each source on each side marked
 * (the quote rule); then the finder's agreements (report_props.c).
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

static int rep_claim_side_cmp(const report_dispute_claim *x, const report_dispute_claim *y)
{
    return (x->side > y->side) - (x->side < y->side);
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
                    const report_cite *cm = &d->claims[m].cite, *co = &d->claims[best[src]].cite;
                    if (rep_better_quote(cm->text, cm->text_len, co->text, co->text_len, subject))
                        best[src] = (int)m;   /* ties: the first stays */
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

int rep_disputes(rep_build *b)
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
        d->kind = it->kind;
        d->verdict = it->verdict;
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
