/*
 * report.c - builds the model of a cited summary; see report.h for what
 * it holds and the rules (agreements, the quote picked per source, the
 * order of everything).
 *
 * How (report_int.h): the sources are read and numbered; the quantity
 * facts (ordered by subject, measure, source path and claim order) are
 * copied and walked group by group; the disagreements and the
 * propositions sources agree on come from dis_find.  Each lands in the
 * section of its dimension; the sections are sorted last, then
 * agreements and figures are numbered.  This file runs those steps;
 * what they all add to is in report_parts.c.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

const report_source *report_source_n(const report *r, int n)
{
    if (!r || n < 1 || (size_t)n > r->nsources) return NULL;
    return &r->sources[n - 1];
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
    if (rep_read(&b)) goto done;
    rep_figures(&b);
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
