/*
 * export_html.c - the report as one self-contained HTML page: inline
 * CSS, no script, no external resource (a Content-Security-Policy of
 * default-src 'none' says so to the browser too, so even a mistake in
 * escaping could not run or fetch anything).
 *
 * Anchors: sections "dim-N", agreements "a-N", disputes "d-N", figures
 * "f-N", sources "src-N"; every citation is <a class="cite"
 * href="#src-N">[N: start–end]</a>.  Everything that comes from an
 * article goes through export_html_text; an article URL becomes a link
 * only when export_url_is_web accepts it (rel="noopener noreferrer").
 */
#include <string.h>

#include "doc.h"
#include "export.h"
#include "export_escape.h"
#include "export_words.h"

static const char export_css[] =
    "body{margin:0;background:#fdfdfc;color:#1d1d1f;font:16px/1.55 Georgia,'Times New Roman',serif}"
    "main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}"
    "h1{font-size:1.9rem;line-height:1.2;margin:0 0 1rem}"
    "h2{font-size:1.4rem;margin:2.5rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}"
    "h3{font-size:1.05rem;margin:1.5rem 0 .4rem;text-transform:uppercase;letter-spacing:.04em;color:#555}"
    "h4{font-size:1rem;margin:1rem 0 .3rem}"
    "nav ol{columns:2;padding-left:1.4rem}"
    ".overview{font-size:1.05rem}"
    ".statement{margin:.9rem 0 .2rem;font-weight:bold}"
    ".meta{font-weight:normal;color:#666;font-size:.9rem}"
    "ul.quotes{margin:.2rem 0 .6rem;padding-left:1.2rem}"
    "ul.quotes li{margin:.15rem 0}"
    "q{font-style:italic}"
    ".gist{color:#555;font-size:.9rem}"
    "a.cite{font:.8rem/1 ui-monospace,Menlo,Consolas,monospace;white-space:nowrap;text-decoration:none}"
    ".dispute{border-left:3px solid #c9a227;padding:.1rem 0 .1rem .9rem;margin:1rem 0}"
    ".side{margin:.3rem 0 0}"
    ".verdict{font:.75rem/1 sans-serif;text-transform:uppercase;padding:.15rem .4rem;border-radius:.2rem;"
    "background:#eee;vertical-align:middle}"
    ".verdict-compatible{background:#dcefdc}.verdict-outdated{background:#e6e1f4}"
    ".verdict-majority{background:#dde8f6}.verdict-unresolved{background:#f6dede}"
    ".kind{color:#666;font-weight:normal;font-size:.85rem}"
    ".none{color:#777;font-style:italic}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .4rem;text-align:left;vertical-align:top}"
    "th{background:#f4f4f2}"
    "code{font:.85rem ui-monospace,Menlo,Consolas,monospace;word-break:break-all}"
    "ol.sources li{margin:.4rem 0}"
    ":target{background:#fff4c2}"
    "@media print{a{color:inherit}main{max-width:none}}";

static void export_h(FILE *f, const char *s)
{
    export_html_text(f, s, strlen(s));
}

static void export_hbuf(FILE *f, const buf *b)
{
    export_html_text(f, buf_cstr(b), b->len);
}

static void export_html_cite(FILE *f, const report_cite *c)
{
    buf lab = BUF_INIT;
    export_cite_label(c, &lab);
    fprintf(f, "<a class=\"cite\" href=\"#src-%d\">%s</a>", c->source, buf_cstr(&lab));
    buf_free(&lab);
}

static void export_html_quote(FILE *f, const report_cite *c)
{
    fputs("<q>", f);
    export_html_text(f, c->text, c->text_len);
    fputs("</q> ", f);
    export_html_cite(f, c);
}

static void export_html_agreements(const report_section *s, FILE *f)
{
    fputs("<h3>Agreed</h3>\n", f);
    if (!s->nagreements) {
        fputs("<p class=\"none\">No statement here is made alike by two sources.</p>\n", f);
        return;
    }
    for (size_t i = 0; i < s->nagreements; i++) {
        const report_agreement *a = &s->agreements[i];
        fprintf(f, "<div class=\"agreement\" id=\"a-%d\">\n<p class=\"statement\">A%d. ", a->id, a->id);
        export_h(f, a->statement);
        fprintf(f, " <span class=\"meta\">(%zu sources, %zu claim%s", a->nsources, a->nclaims,
                a->nclaims == 1 ? "" : "s");
        if (a->dispute) fprintf(f, "; disputed: see <a href=\"#d-%d\">D%d</a>", a->dispute, a->dispute);
        fputs(")</span></p>\n<ul class=\"quotes\">\n", f);
        for (size_t k = 0; k < a->nquotes; k++) {
            fputs("<li>", f);
            export_html_quote(f, &a->quotes[k]);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n</div>\n", f);
    }
}

static void export_html_disputes(const report_section *s, FILE *f)
{
    fputs("<h3>Disputed</h3>\n", f);
    if (!s->ndisputes) {
        fputs("<p class=\"none\">No disputes found.</p>\n", f);
        return;
    }
    for (size_t i = 0; i < s->ndisputes; i++) {
        const report_dispute *d = &s->disputes[i];
        fprintf(f, "<div class=\"dispute\" id=\"d-%d\">\n<h4>D%d. ", d->id, d->id);
        export_h(f, d->subject ? d->subject : "");
        if (d->measure) {
            buf m = BUF_INIT;
            export_measure_name(d->measure, &m);
            fputs(", ", f);
            export_hbuf(f, &m);
            buf_free(&m);
        }
        fputs(" <span class=\"kind\">(", f);
        export_h(f, dis_kind_name(d->kind));
        fputs(")</span> <span class=\"verdict verdict-", f);
        export_h(f, dis_verdict_name(d->verdict));
        fputs("\">", f);
        export_h(f, dis_verdict_name(d->verdict));
        fputs("</span></h4>\n", f);
        if (d->explanation && *d->explanation) {
            fputs("<p class=\"explanation\">", f);
            export_h(f, d->explanation);
            fputs("</p>\n", f);
        }
        for (size_t k = 0; k < d->nclaims; k++) {
            const report_dispute_claim *c = &d->claims[k];
            if (k == 0 || c->side != d->claims[k - 1].side) {
                buf lab = BUF_INIT;
                export_side_label(d, k, &lab);
                fprintf(f, "%s<div class=\"side\">", k ? "</ul>\n</div>\n" : "");
                export_hbuf(f, &lab);
                fputs(":\n<ul class=\"quotes\">\n", f);
                buf_free(&lab);
            }
            if (c->lead) {
                fputs("<li>", f);
                buf g = BUF_INIT;
                export_claim_gist(d, c, &g);
                if (g.len) {
                    fputs("<span class=\"gist\">(", f);
                    export_hbuf(f, &g);
                    fputs(")</span> ", f);
                }
                buf_free(&g);
                export_html_quote(f, &c->cite);
                fputs("</li>\n", f);
            }
            size_t rest = export_side_ends(d, k) ? export_side_rest(d, k) : 0;
            if (rest)
                fprintf(f, "<li class=\"more\">\xe2\x80\xa6 and %zu more claim%s on this side (all in "
                           "<code>--format json</code> or <code>csv</code>)</li>\n",
                        rest, rest == 1 ? "" : "s");
        }
        if (d->nclaims) fputs("</ul>\n</div>\n", f);
        fputs("</div>\n", f);
    }
}

static void export_html_figures(const report_section *s, FILE *f)
{
    fputs("<h3>Figures</h3>\n", f);
    if (!s->nfigures) {
        fputs("<p class=\"none\">No figures.</p>\n", f);
        return;
    }
    fputs("<table>\n<thead><tr><th>Subject</th><th>Measure</th><th>As written</th><th>Interval</th>"
          "<th>Source</th></tr></thead>\n<tbody>\n",
          f);
    for (size_t i = 0; i < s->nfigures; i++) {
        const report_figure *g = &s->figures[i];
        buf iv = BUF_INIT;
        report_interval_text(&g->value, &iv);
        fprintf(f, "<tr id=\"f-%d\"><td>", g->id);
        export_h(f, g->subject);
        fputs("</td><td>", f);
        buf_reset(&iv);
        export_measure_name(g->measure, &iv);
        export_hbuf(f, &iv);
        buf_reset(&iv);
        report_interval_text(&g->value, &iv);
        fputs("</td><td><q>", f);
        export_h(f, g->raw ? g->raw : "");
        fputs("</q></td><td>", f);
        export_hbuf(f, &iv);
        fputs("</td><td>", f);
        export_html_cite(f, &g->cite);
        fputs("</td></tr>\n", f);
        buf_free(&iv);
    }
    fputs("</tbody>\n</table>\n", f);
}

static void export_html_source(const report_source *s, FILE *f)
{
    fprintf(f, "<li id=\"src-%d\" value=\"%d\">", s->n, s->n);
    if (s->title) {
        fputs("<cite>", f);
        export_h(f, s->title);
        fputs("</cite>", f);
    } else {
        fputs("(untitled)", f);
    }
    const char *meta[] = {s->site, s->author, s->date};
    for (size_t i = 0; i < 3; i++) {
        if (!meta[i]) continue;
        fputs(" \xe2\x80\x94 ", f);
        export_h(f, meta[i]);
    }
    fputs(". File: <code>", f);
    export_h(f, s->path);
    fputs("</code>", f);
    if (s->format && strcmp(s->format, "html") == 0) fputs(" (offsets into its text as <code>kb show</code> prints it)", f);
    if (s->url) {
        fputs(". URL: ", f);
        if (export_url_is_web(s->url)) {
            fputs("<a href=\"", f);
            export_h(f, s->url);
            fputs("\" rel=\"noopener noreferrer\">", f);
            export_h(f, s->url);
            fputs("</a>", f);
        } else {
            fputs("<code>", f);
            export_h(f, s->url);
            fputs("</code>", f);
        }
    }
    fputs("</li>\n", f);
}

void export_html(const report *r, FILE *f)
{
    buf b = BUF_INIT;
    export_title(r, &b);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" DOC_EXPORT_MARK_HTML "\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    export_hbuf(f, &b);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", export_css);
    export_hbuf(f, &b);
    fputs("</h1>\n<p class=\"overview\">", f);
    buf_reset(&b);
    export_overview(r, &b);
    export_hbuf(f, &b);
    fputs("</p>\n", f);
    if (r->ndisputes) {
        fputs("<p class=\"glance\"><strong>Where the sources disagree:</strong></p>\n<ul class=\"glance\">\n", f);
        for (size_t i = 0; i < r->nsections; i++)
            for (size_t k = 0; k < r->sections[i].ndisputes; k++) {
                const report_dispute *d = &r->sections[i].disputes[k];
                buf_reset(&b);
                export_dispute_gist(d, r->sections[i].dimension, &b);
                fprintf(f, "<li><a href=\"#d-%d\">D%d</a> ", d->id, d->id);
                export_hbuf(f, &b);
                fputs("</li>\n", f);
            }
        fputs("</ul>\n", f);
    }
    if (r->nsections) {
        fputs("<nav>\n<ol>\n", f);
        for (size_t i = 0; i < r->nsections; i++) {
            buf_reset(&b);
            export_section_name(&r->sections[i], &b);
            fprintf(f, "<li><a href=\"#dim-%zu\">", i + 1);
            export_hbuf(f, &b);
            fputs("</a></li>\n", f);
        }
        fputs("<li><a href=\"#sources\">Sources</a></li>\n</ol>\n</nav>\n", f);
    } else {
        fputs("<p class=\"none\">Nothing to report: no source takes a stance or gives a figure here.</p>\n", f);
    }
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        buf_reset(&b);
        export_section_name(s, &b);
        fprintf(f, "<section id=\"dim-%zu\">\n<h2>", i + 1);
        export_hbuf(f, &b);
        fputs("</h2>\n", f);
        export_html_agreements(s, f);
        export_html_disputes(s, f);
        export_html_figures(s, f);
        fputs("</section>\n", f);
    }
    fputs("<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n", f);
    for (size_t i = 0; i < r->nsources; i++) export_html_source(&r->sources[i], f);
    fputs("</ol>\n</section>\n</main>\n</body>\n</html>\n", f);
    buf_free(&b);
}
