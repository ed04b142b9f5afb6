/*
 * report_parts.c - what every step of a report's build adds to
 * (report_int.h): the sections, made on demand, with their agreements
 * and the claims they draw on; the subjects the report names; and how a
 * section is freed.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

void *rep_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap * 2 : 8;
    while (c < need) c *= 2;
    *cap = c;
    return kb_realloc(p, c * size);
}

int rep_streq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

size_t rep_section(rep_build *b, const char *dimension)
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

void rep_note_use(rep_build *b, size_t section, long long claim_id)
{
    b->uses = rep_grow(b->uses, &b->capuses, b->nuses + 1, sizeof *b->uses);
    b->uses[b->nuses++] = (rep_use){section, claim_id};
}

report_agreement *rep_agreement_add(report_section *s)
{
    s->agreements = kb_realloc(s->agreements, (s->nagreements + 1) * sizeof *s->agreements);
    report_agreement *a = &s->agreements[s->nagreements++];
    memset(a, 0, sizeof *a);
    return a;
}

void rep_subject_note(rep_build *b, const char *subject)
{
    if (!subject) return;
    /* a question between two subjects names both: "Node.js, Python" */
    const char *comma = strstr(subject, ", ");
    if (comma) {
        char *first = kb_strndup(subject, (size_t)(comma - subject));
        rep_subject_note(b, first);
        free(first);
        rep_subject_note(b, comma + 2);
        return;
    }
    for (size_t i = 0; i < b->nsubjects; i++)
        if (strcmp(b->subjects[i], subject) == 0) return;
    b->subjects = rep_grow(b->subjects, &b->capsubjects, b->nsubjects + 1, sizeof *b->subjects);
    b->subjects[b->nsubjects++] = kb_strdup(subject);
}

const char *rep_common_dimension(rep_fact **fs, size_t n)
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

void rep_section_free(report_section *s)
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
        free(g->unit);
        free(g->version);
    }
    free(s->figures);
}
