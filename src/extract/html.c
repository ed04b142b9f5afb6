/*
 * html.c - article text and metadata from a saved web page; see html.h.
 *
 * How it works:
 *   1. charset.c decides how the bytes are encoded (the page's <meta>
 *      is its declaration).  libxml2's own guess can flip to Latin-1
 *      halfway through a page, so it is always told.  windows-1252 (and
 *      Latin-1, which browsers read as 1252) is converted to UTF-8 first,
 *      so the parser sees UTF-8, UTF-16 or, rarely, an encoding it
 *      converts through iconv.
 *   2. libxml2's HTML parser builds a tree.
 *   3. Three walks of that tree, all by html_walk (html_tree.c: parent
 *      links, no recursion): html_content_root, here, picks the content
 *      root; html_meta.c collects metadata candidates from the whole
 *      page; html_blocks.c builds the text and its blocks from the
 *      content root.  The first <h1> among those blocks is a candidate
 *      title, so the metadata is settled last.
 */
#include "html.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "buf.h"
#include "charset.h"
#include "html_int.h"
#include "html_mem.h"
#include "util.h"


/* No HTML_PARSE_HUGE (2.9.14 spells it XML_PARSE_HUGE): without it the
 * parser stops at 256 levels of nesting, which loses the rest of such a
 * page, but with it libxml2 matches each stray end tag against the whole
 * open-element stack, which takes seconds on a page of deeply nested
 * elements and stray end tags.  Its 10 MB text-node cap only bites on
 * pathological pages.  Either limit halts the parser; ingest
 * (html_extract_whole) then refuses the page rather than store its
 * first part.
 * No HTML_PARSE_NOBLANKS either: it drops the space between inline
 * elements it does not know ("<time>May 8</time> <mark>x</mark>" reads
 * "May 8x"); white space is folded here anyway. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | \
                      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)
#define HTML_SNIFF_WINDOW 1024 /* where html_sniff looks for a tag */

/* ---- parsing --------------------------------------------------------- */

/* libxml2 reports decoding failures (bad UTF-16, iconv) on its generic
 * error channel, which prints to stderr, and then stops reading the page.
 * Count them instead so the page is an error, not silently cut short. */
static void html_on_error(void *ctx, const char *msg, ...)
{
    (void)msg;
    (*(int *)ctx)++;
}

/* Why libxml2 stopped before the end of the page, as a message in *err.
 * Without HTML_PARSE_HUGE (see HTML_OPTIONS) it halts on nesting deeper
 * than xmlParserMaxDepth (256) and on a text node over
 * XML_MAX_TEXT_LENGTH (10,000,000 bytes); its own messages for those
 * name an option the user cannot set, so they are put in kb's words. */
static int html_halted(htmlParserCtxtPtr ctxt, char **err)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    if (e && e->message && strstr(e->message, "depth"))
        return kb_seterr(err, "elements nested deeper than %u levels (line %d); the HTML parser "
                              "cannot read past that", xmlParserMaxDepth, e->line);
    if (e && e->message && strstr(e->message, "huge text node"))
        return kb_seterr(err, "over %d bytes of text without markup (line %d); the HTML parser "
                              "cannot read past that", XML_MAX_TEXT_LENGTH, e->line);
    size_t n = e && e->message ? strcspn(e->message, "\n") : 0;
    return kb_seterr(err, "the HTML parser stopped before the end of the page (line %d)%s%.*s",
                     e ? e->line : 0, n ? ": " : "", (int)n, n ? e->message : "");
}

/* The bytes libxml2 is to read and their encoding, into *p, *n and
 * *enc: data after its byte-order mark, or windows-1252 converted to
 * UTF-8 into conv, as libxml2 has no windows-1252.  *enc may point into
 * cs. */
static int html_decode(const char *data, size_t len, charset_info *cs, buf *conv,
                       const char **p, size_t *n, const char **enc, char **err)
{
    char declared[CHARSET_NAME_MAX];
    if (charset_detect(data, len, charset_meta(data, len, declared, sizeof declared) ? declared : NULL,
                       cs, err) != KB_OK)
        return KB_ERR;
    *p = data + cs->bom;
    *n = len - cs->bom;
    *enc = cs->name;
    if (cs->kind == CHARSET_WINDOWS1252) {
        if (charset_to_utf8(data, len, cs, conv, err) != KB_OK) return KB_ERR;
        *p = buf_cstr(conv);
        *n = conv->len;
        *enc = "UTF-8";
    }
    return KB_OK;
}

/* Parse p[0..n), in encoding enc, through ctxt into *hd, which the
 * caller frees (xmlFreeDoc) whatever is returned.  whole: a page the
 * parser gives up on before its end is an error, not the part before. */
static int html_read(htmlParserCtxtPtr ctxt, const char *p, size_t n, const char *enc, int whole,
                     htmlDocPtr *hd, char **err)
{
    int failed = 0, halted;
    xmlGenericErrorFunc old_fn = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;

    xmlSetGenericErrorFunc(&failed, html_on_error);
    *hd = htmlCtxtReadMemory(ctxt, p, (int)n, NULL, enc, HTML_OPTIONS);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    /* a halted parser is left at end-of-input; a finished one is not */
    halted = ctxt->instate == XML_PARSER_EOF;
    if (!*hd) return kb_seterr(err, "could not be parsed as HTML");
    if (failed) return kb_seterr(err, "could not be decoded as %s", enc);
    if (whole && halted) return html_halted(ctxt, err);
    return KB_OK;
}

/* ---- content root ----------------------------------------------------- */

typedef struct html_find {
    size_t text;       /* non-space text bytes seen so far */
    size_t *open;      /* text count when each open <article> began */
    size_t depth, cap;
    xmlNode *article, *main, *role_main;
    size_t article_len;
} html_find;

static int html_find_visit(void *ctx, xmlNode *n, int enter)
{
    html_find *f = ctx;
    if (n->type == XML_TEXT_NODE) {
        for (const char *s = (const char *)n->content; s && *s; s++)
            f->text += !isspace((unsigned char)*s);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    int article = html_is(n, "article");
    if (!enter) {
        if (article) {
            size_t got = f->text - f->open[--f->depth];
            if (got > f->article_len) {
                f->article = n;
                f->article_len = got;
            }
        }
        return 0;
    }
    if (html_tag_flags(n) & T_SKIP) return 0;
    if (article) {
        if (f->depth == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 16;
            f->open = kb_realloc(f->open, f->cap * sizeof *f->open);
        }
        f->open[f->depth++] = f->text;
    } else if (!f->main && html_is(n, "main")) {
        f->main = n;
    }
    const char *role = html_attr(n, "role");
    if (!f->role_main && role && kb_ascii_ieq(role, strlen(role), "main")) f->role_main = n;
    return 1;
}

/* The largest <article> by text, else <main>, else role=main, else the
 * whole page: <html> rather than <body>, as the parser puts text found
 * after </body> beside it. */
static xmlNode *html_content_root(xmlNode *top)
{
    html_find f;
    memset(&f, 0, sizeof f);
    html_walk(top, html_find_visit, &f);
    free(f.open);
    if (f.article) return f.article;
    if (f.main) return f.main;
    if (f.role_main) return f.role_main;
    return top;
}

/* ---- entry points ----------------------------------------------------- */

/* The work of html_extract; whole as for html_read. */
static int html_parse(const char *data, size_t len, int whole, doc *out, char **err)
{
    int rc = KB_ERR;
    charset_info cs;
    const char *p, *enc;
    size_t n;
    buf conv = BUF_INIT;
    htmlParserCtxtPtr ctxt = NULL;
    htmlDocPtr hd = NULL;
    html_meta m;
    xmlNode *top, *root;
    html_mem mem;

    memset(&m, 0, sizeof m);
    html_mem_begin(&mem);
    if (html_decode(data, len, &cs, &conv, &p, &n, &enc, err) != KB_OK) goto done;
    if (n == 0) { /* libxml2 refuses an empty buffer; it is just empty */
        rc = KB_OK;
        goto done;
    }
    if (n > INT_MAX) {
        kb_seterr(err, "is too large to parse as HTML (%zu bytes)", len);
        goto done;
    }
    /* A context of our own rather than htmlReadMemory's, so that after
     * the parse we can ask whether it reached the end of the page
     * (html_mem_begin, above, has initialized libxml2). */
    if ((ctxt = htmlNewParserCtxt()) == NULL) {
        kb_seterr(err, "could not start the HTML parser (out of memory)");
        goto done;
    }
    if (html_read(ctxt, p, n, enc, whole, &hd, err) != KB_OK) goto done;
    if ((top = xmlDocGetRootElement(hd)) == NULL) {
        rc = KB_OK;
        goto done;
    }
    root = html_content_root(top);
    html_meta_collect(&m, top, root);
    if (html_blocks(out, root, len, &m.slot[S_H1], err)) goto done;
    html_meta_apply(&m, out);
    rc = KB_OK;
done:
    if (rc == KB_OK && !out->text) {
        out->text = kb_strdup("");
        out->len = 0;
    }
    html_meta_free(&m);
    buf_free(&conv);
    if (hd) xmlFreeDoc(hd);
    if (ctxt) htmlFreeParserCtxt(ctxt);
    html_mem_end(&mem);
    return rc;
}

int html_extract(const char *data, size_t len, doc *out, char **err)
{
    return html_parse(data, len, 0, out, err);
}

int html_extract_whole(const char *data, size_t len, doc *out, char **err)
{
    return html_parse(data, len, 1, out, err);
}

int html_sniff(const char *data, size_t len)
{
    static const char *const tags[] = {"<html", "<head", "<body", NULL};
    char head[HTML_SNIFF_WINDOW];
    size_t n = charset_head(data, len, head, sizeof head), i;

    for (i = 0;;) { /* white space, comments, an <?xml ...?> declaration */
        while (i < n && isspace((unsigned char)head[i])) i++;
        const char *close = html_starts(head + i, n - i, "<!--") ? "-->"
                          : html_starts(head + i, n - i, "<?") ? ">" : NULL;
        if (!close) break;
        size_t cl = strlen(close), j = i + 2;
        while (j + cl <= n && memcmp(head + j, close, cl) != 0) j++;
        if (j + cl > n) return 0;
        i = j + cl;
    }
    if (html_starts(head + i, n - i, "<!doctype")) {
        i += 9;
        while (i < n && isspace((unsigned char)head[i])) i++;
        return html_starts(head + i, n - i, "html");
    }
    for (size_t t = 0; tags[t]; t++) {
        size_t l = strlen(tags[t]);
        if (html_starts(head + i, n - i, tags[t]) &&
            (i + l == n || isspace((unsigned char)head[i + l]) || head[i + l] == '>' ||
             head[i + l] == '/'))
            return 1;
    }
    return 0;
}
