/*
 * export_md.c - the report as Markdown: an analyst's brief.  A title,
 * an overview paragraph, per dimension "### Agreed", "### Disputed" and
 * "### Figures", then "## Sources".  Every piece of article text is a
 * quote in “curly quotes” followed by its citation, a link
 * [[n: start–end]](#src-n) to the source list, whose entries carry
 * <a id="src-n"></a> anchors (CommonMark and pandoc keep such inline
 * HTML).
 */
#include <string.h>

#include "doc.h"
#include "export.h"
#include "export_escape.h"
#include "export_words.h"

static void export_md_buf(FILE *f, const buf *b)
{
    export_md_text(f, b->data ? b->data : "", b->len);
}

static void export_md_str(FILE *f, const char *s)
{
    export_md_text(f, s, strlen(s));
}

/* “quote” [[n: start–end]](#src-n) */
static void export_md_quote(FILE *f, const report_cite *c)
{
    buf lab = BUF_INIT;
    export_cite_label(c, &lab);
    fputs("\xe2\x80\x9c", f);
    export_md_text(f, c->text, c->text_len);
    fprintf(f, "\xe2\x80\x9d [%s](#src-%d)", buf_cstr(&lab), c->source);
    buf_free(&lab);
}

static void export_md_agreements(const report_section *s, FILE *f)
{
    fputs("### Agreed\n\n", f);
    if (!s->nagreements) fputs("No statement here is made alike by two sources.\n\n", f);
    for (size_t i = 0; i < s->nagreements; i++) {
        const report_agreement *a = &s->agreements[i];
        fprintf(f, "**A%d.** ", a->id);
        export_md_str(f, a->statement);
        fprintf(f, " (%zu sources, %zu claim%s", a->nsources, a->nclaims, a->nclaims == 1 ? "" : "s");
        if (a->dispute) fprintf(f, "; disputed: see [D%d](#d-%d)", a->dispute, a->dispute);
        fputs(")\n\n", f);
        for (size_t k = 0; k < a->nquotes; k++) {
            fputs("- ", f);
            export_md_quote(f, &a->quotes[k]);
            fputc('\n', f);
        }
        fputc('\n', f);
    }
}

static void export_md_disputes(const report_section *s, FILE *f)
{
    fputs("### Disputed\n\n", f);
    if (!s->ndisputes) fputs("No disputes found.\n\n", f);
    for (size_t i = 0; i < s->ndisputes; i++) {
        const report_dispute *d = &s->disputes[i];
        fprintf(f, "<a id=\"d-%d\"></a>**D%d. ", d->id, d->id);
        export_md_str(f, d->subject ? d->subject : "");
        if (d->measure) {
            buf m = BUF_INIT;
            export_measure_name(d->measure, &m);
            fputs(", ", f);
            export_md_buf(f, &m);
            buf_free(&m);
        }
        fprintf(f, "** (%s) \xe2\x80\x94 verdict: **%s**\n\n", dis_kind_name(d->kind), dis_verdict_name(d->verdict));
        if (d->explanation && *d->explanation) {
            export_md_str(f, d->explanation);
            fputs("\n\n", f);
        }
        for (size_t k = 0; k < d->nclaims; k++) {
            const report_dispute_claim *c = &d->claims[k];
            if (k == 0 || c->side != d->claims[k - 1].side) {
                buf lab = BUF_INIT;
                export_side_label(d, k, &lab);
                fprintf(f, "%s", k ? "\n" : "");
                export_md_buf(f, &lab);
                fputs(":\n\n", f);
                buf_free(&lab);
            }
            if (c->lead) {
                fputs("- ", f);
                buf g = BUF_INIT;
                export_claim_gist(d, c, &g);
                if (g.len) {
                    fputc('(', f);
                    export_md_buf(f, &g);
                    fputs(") ", f);
                }
                buf_free(&g);
                export_md_quote(f, &c->cite);
                fputc('\n', f);
            }
            size_t rest = export_side_ends(d, k) ? export_side_rest(d, k) : 0;
            if (rest)
                fprintf(f, "- \xe2\x80\xa6 and %zu more claim%s on this side (all in `--format json` or `csv`)\n", rest,
                        rest == 1 ? "" : "s");
        }
        fputc('\n', f);
    }
}

static void export_md_figures(const report_section *s, FILE *f)
{
    fputs("### Figures\n\n", f);
    if (!s->nfigures) {
        fputs("No figures.\n\n", f);
        return;
    }
    fputs("| Subject | Measure | As written | Interval | Source |\n|---|---|---|---|---|\n", f);
    for (size_t i = 0; i < s->nfigures; i++) {
        const report_figure *g = &s->figures[i];
        buf iv = BUF_INIT, lab = BUF_INIT, m = BUF_INIT;
        report_interval_text(&g->value, &iv);
        export_cite_label(&g->cite, &lab);
        export_measure_name(g->measure, &m);
        fputs("| ", f);
        export_md_str(f, g->subject);
        fputs(" | ", f);
        export_md_buf(f, &m);
        buf_free(&m);
        fputs(" | \xe2\x80\x9c", f);
        export_md_str(f, g->raw ? g->raw : "");
        fputs("\xe2\x80\x9d | ", f);
        export_md_buf(f, &iv);
        fprintf(f, " | [%s](#src-%d) |\n", buf_cstr(&lab), g->cite.source);
        buf_free(&iv);
        buf_free(&lab);
    }
    fputc('\n', f);
}

static void export_md_source(const report_source *s, FILE *f)
{
    fprintf(f, "%d. <a id=\"src-%d\"></a>", s->n, s->n);
    if (s->title) {
        fputs("**", f);
        export_md_str(f, s->title);
        fputs("**", f);
    } else {
        fputs("(untitled)", f);
    }
    const char *meta[] = {s->site, s->author, s->date};
    for (size_t i = 0; i < 3; i++) {
        if (!meta[i]) continue;
        fputs(" \xe2\x80\x94 ", f);
        export_md_str(f, meta[i]);
    }
    fputs(". File: ", f);
    /* a code span takes no escapes: only a path that needs none */
    if (!strchr(s->path, '`') && !export_has_control(s->path)) fprintf(f, "`%s`", s->path);
    else export_md_str(f, s->path);
    if (s->format && strcmp(s->format, "html") == 0) fputs(" (offsets into its text as `kb show` prints it)", f);
    if (s->url) {
        fputs(". URL: ", f);
        if (export_url_is_web(s->url) && !strpbrk(s->url, "<>")) fprintf(f, "<%s>", s->url);
        else export_md_str(f, s->url);
    }
    fputs("\n", f);
}

void export_md(const report *r, FILE *f)
{
    buf b = BUF_INIT;
    export_title(r, &b);
    fputs(DOC_EXPORT_MARK_MD "\n\n# ", f);
    export_md_buf(f, &b);
    fputs("\n\n", f);
    buf_reset(&b);
    export_overview(r, &b);
    export_md_buf(f, &b);
    fputs("\n\n", f);
    if (r->ndisputes) {
        fputs("**Where the sources disagree:**\n\n", f);
        for (size_t i = 0; i < r->nsections; i++)
            for (size_t k = 0; k < r->sections[i].ndisputes; k++) {
                const report_dispute *d = &r->sections[i].disputes[k];
                buf_reset(&b);
                export_dispute_gist(d, r->sections[i].dimension, &b);
                fprintf(f, "- [D%d](#d-%d) ", d->id, d->id);
                export_md_buf(f, &b);
                fputc('\n', f);
            }
        fputc('\n', f);
    }
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        buf_reset(&b);
        export_section_name(s, &b);
        fputs("## ", f);
        export_md_buf(f, &b);
        fprintf(f, "\n\n");
        export_md_agreements(s, f);
        export_md_disputes(s, f);
        export_md_figures(s, f);
    }
    if (!r->nsections) fputs("Nothing to report: no source takes a stance or gives a figure here.\n\n", f);
    fputs("## Sources\n\n", f);
    for (size_t i = 0; i < r->nsources; i++) export_md_source(&r->sources[i], f);
    buf_free(&b);
}
