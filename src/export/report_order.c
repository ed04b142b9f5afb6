/*
 * report_order.c - the report's last step: how many claims each section
 * draws on, sections with nothing dropped, everything ordered and
 * numbered (report.h), and each agreement linked to a dispute on the
 * same point.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

/* An agreement's dispute: one on the same subject and dimension (stance
 * and category ones) or the same subject and measure (numeric, temporal). */
static void rep_link(report *r)
{
    for (size_t i = 0; i < r->nsections; i++) {
        report_section *s = &r->sections[i];
        for (size_t k = 0; k < s->nagreements; k++) {
            report_agreement *a = &s->agreements[k];
            int numeric = a->kind == REPORT_NUMERIC;
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

static int rep_polarity_rank(int p)
{
    return p > 0 ? 0 : p < 0 ? 1 : 2;
}

static int rep_agreement_cmp(const void *x, const void *y)
{
    const report_agreement *a = x, *b = y;
    if (a->nsources != b->nsources) return a->nsources > b->nsources ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    int c = strcmp(a->subject, b->subject);
    if (c) return c;
    if (a->kind == REPORT_PROPOSITION) {
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

void rep_finish(rep_build *b)
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
