/*
 * export.c - the export writers' common part (format names, dispatch,
 * escaping for HTML, Markdown and CSV, the wording every format shares)
 * and the Markdown writer.  See export.h; HTML is in export_html.c,
 * JSON, CSV and CSL-JSON in export_data.c.
 *
 * The Markdown is an analyst's brief: a title, an overview paragraph,
 * per dimension "### Agreed", "### Disputed" and "### Figures", then
 * "## Sources".  Every piece of article text is a quote in “curly
 * quotes” followed by its citation, a link [[n: start–end]](#src-n) to
 * the source list, whose entries carry <a id="src-n"></a> anchors
 * (CommonMark and pandoc keep such inline HTML).
 */
#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

static const char *const export_verdicts[] = {"compatible", "outdated", "overstated", "majority", "unresolved"};
#define EXPORT_NVERDICTS (sizeof export_verdicts / sizeof *export_verdicts)

int export_parse_format(const char *name, export_format *out)
{
    static const struct {
        const char *name;
        export_format fmt;
    } names[] = {{"md", EXPORT_MD},     {"markdown", EXPORT_MD}, {"html", EXPORT_HTML},
                 {"json", EXPORT_JSON}, {"csv", EXPORT_CSV},     {"csl-json", EXPORT_CSL_JSON}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].fmt;
            return KB_OK;
        }
    return KB_BADARG;
}

int export_write(const report *r, export_format fmt, FILE *f, char **err)
{
    switch (fmt) {
    case EXPORT_MD: export_md(r, f); break;
    case EXPORT_HTML: export_html(r, f); break;
    case EXPORT_JSON: export_json(r, f); break;
    case EXPORT_CSV: export_csv(r, f); break;
    case EXPORT_CSL_JSON: export_csl_json(r, f); break;
    }
    if (fflush(f) != 0 || ferror(f)) return kb_seterr(err, "cannot write the export: %s", strerror(errno));
    return KB_OK;
}

/* ---- escaping ---- */

/* The control character at s[i] (term.h's list: C0, DEL, C1) as its
 * code and its length in bytes; 0 when s[i] starts none.  The text is
 * UTF-8, so C2 80 to C2 9F are the C1 controls. */
static size_t export_control_at(const char *s, size_t n, size_t i, unsigned *code)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == 0x7f) {
        *code = c;
        return 1;
    }
    if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f) {
        *code = (unsigned char)s[i + 1];
        return 2;
    }
    return 0;
}

static int export_has_control(const char *s)
{
    unsigned code;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (export_control_at(s, n, i, &code)) return 1;
    return 0;
}

void export_html_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned code;
        size_t k;
        switch (s[i]) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        case '\n': case '\t': fputc(s[i], f); break;
        case '\r': fputc(' ', f); break;   /* white space to a browser; on a terminal it overwrites */
        default:
            if ((k = export_control_at(s, n, i, &code)) > 0) {
                fprintf(f, "\\x%02x", code);   /* not allowed in HTML, even as &#...; */
                i += k - 1;
            } else {
                fputc(s[i], f);
            }
        }
    }
}

void export_md_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned code;
        size_t k;
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        } else if ((k = export_control_at(s, n, i, &code)) > 0) {
            fprintf(f, "\\\\x%02x", code);   /* shown as \x1b */
            i += k - 1;
            continue;
        } else if (c && strchr("\\`*_[]<>|&~$^", c)) {
            fputc('\\', f);
        }
        fputc(c, f);
    }
}

/* A plain decimal number: an optional sign, digits, an optional
 * fraction.  A spreadsheet reads it as the number it is; nothing in it
 * can call a function. */
static int export_csv_is_number(const char *s, size_t n)
{
    size_t i = s[0] == '-' || s[0] == '+', digits = 0, dot = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') digits++;
        else if (s[i] == '.' && !dot && digits) dot = i;
        else return 0;
    }
    return digits > 0 && (!dot || dot + 1 < n);
}

void export_csv_field(FILE *f, const char *s, size_t n)
{
    /* A spreadsheet runs a cell that starts with one of these as a
     * formula (=HYPERLINK, =cmd|...; OWASP's list): an apostrophe in
     * front makes it text, and the spreadsheet does not show it. */
    int guard = n > 0 && s[0] && strchr("=+-@\t\r", s[0]) && !export_csv_is_number(s, n);
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++) quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote) fputc('"', f);
    if (guard) fputc('\'', f);
    if (!quote) {
        fwrite(s, 1, n, f);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

int export_url_is_web(const char *url)
{
    if (!url) return 0;
    size_t n = strlen(url);
    if (!(n > 7 && kb_ascii_ieq(url, 7, "http://")) && !(n > 8 && kb_ascii_ieq(url, 8, "https://"))) return 0;
    unsigned code;
    for (size_t i = 0; i < n; i++)
        if (url[i] == ' ' || export_control_at(url, n, i, &code)) return 0;
    return 1;
}

/* ---- wording ---- */

void export_title(const report *r, buf *b)
{
    if (r->subject) {
        buf_adds(b, r->subject);
    } else if (r->nsubjects == 0) {
        buf_adds(b, "The sources");
    } else {
        size_t shown = r->nsubjects > 4 ? 3 : r->nsubjects;
        for (size_t i = 0; i < shown; i++) {
            if (i) buf_adds(b, i + 1 == shown && shown == r->nsubjects ? " and " : ", ");
            buf_adds(b, r->subjects[i]);
        }
        if (shown < r->nsubjects) buf_printf(b, " and %zu more", r->nsubjects - shown);
    }
    buf_printf(b, ": what %zu source%s say%s", r->nsources, r->nsources == 1 ? "" : "s",
               r->nsources == 1 ? "s" : "");
    if (r->dimension) buf_printf(b, " about %s", r->dimension);
}

/* The report's first citation, for the overview's example. */
static const report_cite *export_first_cite(const report *r)
{
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        if (s->nagreements && s->agreements[0].nquotes) return &s->agreements[0].quotes[0];
        if (s->ndisputes && s->disputes[0].nclaims) return &s->disputes[0].claims[0].cite;
        if (s->nfigures) return &s->figures[0].cite;
    }
    return NULL;
}

void export_overview(const report *r, buf *b)
{
    buf_printf(b, "This summary reads %zu source%s (%lld claims in all) and draws on the %zu claim%s that take a stance "
                  "on a subject or give a figure for it",
               r->nsources, r->nsources == 1 ? "" : "s", r->total_claims, r->nclaims, r->nclaims == 1 ? "" : "s");
    if (r->subject || r->dimension) {
        buf_adds(b, " (only");
        if (r->subject) buf_printf(b, " %s", r->subject);
        if (r->dimension) buf_printf(b, "%s %s", r->subject ? ", on" : " on", r->dimension);
        buf_adds(b, ")");
    }
    buf_printf(b, ".  The sources agree on %zu point%s and dispute %zu", r->nagreements,
               r->nagreements == 1 ? "" : "s", r->ndisputes);
    size_t counts[EXPORT_NVERDICTS] = {0};
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t k = 0; k < r->sections[i].ndisputes; k++)
            for (size_t v = 0; v < EXPORT_NVERDICTS; v++)
                counts[v] += strcmp(r->sections[i].disputes[k].verdict, export_verdicts[v]) == 0;
    if (r->ndisputes) {
        buf_adds(b, " (");
        int first = 1;
        for (size_t v = 0; v < EXPORT_NVERDICTS; v++) {
            if (!counts[v]) continue;
            buf_printf(b, "%s%zu %s", first ? "" : ", ", counts[v], export_verdicts[v]);
            first = 0;
        }
        buf_adds(b, ")");
    }
    buf_printf(b, "; %zu figure%s %s listed.", r->nfigures, r->nfigures == 1 ? "" : "s",
               r->nfigures == 1 ? "is" : "are");
    const report_cite *c = export_first_cite(r);
    if (c) {
        buf_adds(b, "  A citation such as ");
        export_cite_label(c, b);
        buf_adds(b, " names a source by its number in the list at the end and gives the byte range of the "
                    "quoted claim in its text (for an HTML source, the text that kb show prints).");
    }
}

void export_section_name(const report_section *s, buf *b)
{
    if (!s->dimension) {
        buf_adds(b, "Other figures and disputes");
        return;
    }
    size_t at = b->len;
    buf_adds(b, s->dimension);
    if (b->data[at] >= 'a' && b->data[at] <= 'z') b->data[at] = (char)(b->data[at] - 'a' + 'A');
}

void export_measure_name(const char *measure, buf *b)
{
    report_measure_words(measure ? measure : "", b);
}

void export_cite_label(const report_cite *c, buf *b)
{
    buf_printf(b, "[%d: %lld\xe2\x80\x93%lld]", c->source, c->start, c->end);
}

/* The position of the side claim c is on ("no, without qualification"). */
static const char *export_position(const report_dispute *d, const report_dispute_claim *c)
{
    size_t k = (size_t)(c->side - 'a');
    return k < d->nsides && d->positions[k] ? d->positions[k] : NULL;
}

void export_claim_gist(const report_dispute *d, const report_dispute_claim *c, buf *b)
{
    if (c->raw) buf_adds(b, c->raw);
    else if (export_position(d, c)) buf_adds(b, export_position(d, c));
}

/* "no, without qualification: 2 sources" for the side claim k is on
 * (its claims are consecutive: d's claims come by side). */
static void export_side_desc(const report_dispute *d, size_t k, buf *b)
{
    char side = d->claims[k].side;
    size_t a = k, e = k, nsrc = 0;
    while (a > 0 && d->claims[a - 1].side == side) a--;
    while (e < d->nclaims && d->claims[e].side == side) e++;
    int top = 0;
    for (size_t i = a; i < e; i++)
        if (d->claims[i].cite.source > top) top = d->claims[i].cite.source;
    unsigned char *seen = kb_calloc((size_t)top + 1, 1);
    for (size_t i = a; i < e; i++)
        if (d->claims[i].cite.source >= 0 && !seen[d->claims[i].cite.source]) {
            seen[d->claims[i].cite.source] = 1;
            nsrc++;
        }
    free(seen);
    const char *pos = export_position(d, &d->claims[k]);
    if (pos) buf_printf(b, "%s: ", pos);
    buf_printf(b, "%zu source%s", nsrc, nsrc == 1 ? "" : "s");
}

void export_side_label(const report_dispute *d, size_t k, buf *b)
{
    buf_printf(b, "Side %c (", d->claims[k].side);
    export_side_desc(d, k, b);
    buf_addc(b, ')');
}

void export_dispute_gist(const report_dispute *d, const char *dimension, buf *b)
{
    (void)dimension;
    buf_printf(b, "%s \xe2\x80\x94 %s (", d->question ? d->question : d->subject ? d->subject : "", d->verdict);
    for (size_t k = 0; k < d->nclaims; k++) {
        if (k && d->claims[k].side == d->claims[k - 1].side) continue;
        if (k) buf_adds(b, "; ");
        if (d->measure && !d->nsides) {
            /* the figures of this side, each once */
            int first = 1;
            for (size_t j = k; j < d->nclaims && d->claims[j].side == d->claims[k].side; j++) {
                const char *raw = d->claims[j].raw;
                int seen = !raw;
                for (size_t m = k; m < j && !seen; m++) seen = d->claims[m].raw && strcmp(d->claims[m].raw, raw) == 0;
                if (seen) continue;
                buf_printf(b, "%s%s", first ? "" : ", ", raw);
                first = 0;
            }
        } else {
            export_side_desc(d, k, b);
        }
    }
    buf_addc(b, ')');
}

int export_side_ends(const report_dispute *d, size_t k)
{
    return k + 1 >= d->nclaims || d->claims[k + 1].side != d->claims[k].side;
}

size_t export_side_rest(const report_dispute *d, size_t k)
{
    size_t n = 0;
    for (size_t i = k + 1; i-- > 0 && d->claims[i].side == d->claims[k].side;) n += !d->claims[i].lead;
    for (size_t i = k + 1; i < d->nclaims && d->claims[i].side == d->claims[k].side; i++) n += !d->claims[i].lead;
    return n;
}

/* ---- Markdown ---- */

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
        fprintf(f, "** (%s) \xe2\x80\x94 verdict: **%s**\n\n", d->kind, d->verdict);
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
