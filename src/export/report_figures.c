/*
 * report_figures.c - each quantity fact a figure in the section of its
 * dimension; the facts of one (subject, measure) with equal intervals
 * from two sources or more a numeric agreement (report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

static void rep_cite(report_cite *c, const rep_fact *f)
{
    c->source = f->source;
    c->claim_id = f->claim_id;
    c->start = f->start;
    c->end = f->end;
    c->text = kb_strndup(f->text, f->text_len);
    c->text_len = f->text_len;
}

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
        g->kind = fs[i].kind;
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
        a->kind = REPORT_NUMERIC;
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

void rep_figures(rep_build *b)
{
    rep_fact *v = b->qtys.v;
    for (size_t i = 0, n = b->qtys.n; i < n;) {
        size_t j = i + 1;
        while (j < n && rep_streq(v[j].subject, v[i].subject) && rep_streq(v[j].measure, v[i].measure)) j++;
        rep_qty_group(b, v + i, j - i);
        i = j;
    }
}
