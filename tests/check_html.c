/*
 * check_html.c - tests for html_extract (html.h): encoding decisions,
 * furniture, blocks and their offsets, metadata, and pages that try to
 * break it.
 * Run from the top of the tree (fixtures are tests/fixtures/html/).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "html.h"
#include "norm.h"
#include "testutil.h"
#include "util.h"

#define FIX "tests/fixtures/html/"

/* What every successful extraction must satisfy. */
static void check_invariants(const doc *d)
{
    ck_assert_ptr_nonnull(d->text);
    ck_assert_uint_eq(strlen(d->text), d->len);
    ck_assert_msg(norm_valid_utf8(d->text, d->len, NULL), "text is not valid UTF-8");
    size_t prev_end = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        ck_assert_msg(b->start < b->end && b->end <= d->len,
                      "block %zu has range [%zu,%zu) in %zu bytes", i, b->start, b->end, d->len);
        ck_assert_msg(i == 0 || b->start > prev_end, "block %zu overlaps or is out of order", i);
        /* one block a line: no newline inside, a newline or the end around */
        ck_assert_ptr_null(memchr(d->text + b->start, '\n', b->end - b->start));
        ck_assert(b->start == 0 || d->text[b->start - 1] == '\n');
        ck_assert(b->end == d->len || d->text[b->end] == '\n');
        ck_assert(d->text[b->start] != ' ' && d->text[b->end - 1] != ' ');
        prev_end = b->end;
    }
    /* nothing but blocks: every line of the text is a block */
    size_t lines = d->len ? 1 : 0;
    for (size_t i = 0; i < d->len; i++) lines += d->text[i] == '\n';
    ck_assert_uint_eq(lines, d->nblocks);
}

static void extract_ok(const char *data, size_t len, doc *d)
{
    char *err = NULL;
    doc_init(d, DOC_HTML);
    int rc = html_extract(data, len, d, &err);
    ck_assert_msg(rc == KB_OK, "html_extract failed: %s", err ? err : "(no message)");
    ck_assert_ptr_null(err);
    check_invariants(d);
}

static void extract_file(const char *path, doc *d)
{
    size_t len;
    char *data = tu_read_file(path, &len);
    extract_ok(data, len, d);
    free(data);
}

/* Extract, expecting KB_ERR with a message containing want. */
static void extract_err(const char *data, size_t len, const char *want)
{
    doc d;
    char *err = NULL;
    doc_init(&d, DOC_HTML);
    ck_assert_int_eq(html_extract(data, len, &d, &err), KB_ERR);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, want) != NULL, "error \"%s\" lacks \"%s\"", err, want);
    free(err);
    doc_free(&d);
}

static void assert_block(const doc *d, size_t i, doc_kind kind, int level,
                         const char *text, const char *section)
{
    ck_assert_msg(i < d->nblocks, "no block %zu (have %zu)", i, d->nblocks);
    const doc_block *b = &d->blocks[i];
    size_t n = b->end - b->start;
    ck_assert_msg(n == strlen(text) && memcmp(d->text + b->start, text, n) == 0,
                  "block %zu is \"%.*s\", want \"%s\"", i, (int)n, d->text + b->start, text);
    ck_assert_msg(b->kind == kind, "block %zu \"%s\" is a %s, want %s", i, text,
                  doc_kind_name(b->kind), doc_kind_name(kind));
    ck_assert_int_eq(b->level, level);
    if (section) ck_assert_str_eq(b->section ? b->section : "(none)", section);
}

/* ---- the realistic article ---------------------------------------------- */

#define T1 "Node.js vs Deno: Which Runtime in 2024?"

static const struct {
    doc_kind kind;
    int level;
    const char *text;
    const char *section;
} article_blocks[] = {
    {DOC_HEADING, 1, T1, "(none)"},
    {DOC_PARAGRAPH, 0, "Both runtimes execute JavaScript on V8, but they make very different "
                       "choices about security, tooling & package management. Here\xE2\x80\x99s "
                       "what we found after a month of running both in production.", T1},
    {DOC_HEADING, 2, "Performance", T1},
    {DOC_PARAGRAPH, 0, "On our HTTP benchmark Node.js 20 served 48,000 requests per second, "
                       "while Deno 1.40 served 52,000.", T1 " > Performance"},
    {DOC_PARAGRAPH, 0, "Cold start times were similar: about 40 ms for both.", T1 " > Performance"},
    {DOC_HEADING, 3, "Memory", T1 " > Performance"},
    {DOC_PARAGRAPH, 0, "Deno used roughly 10% less memory at idle.", T1 " > Performance > Memory"},
    {DOC_HEADING, 2, "Comparison at a glance", T1},
    {DOC_ROW, 0, "Feature | Node.js | Deno", T1 " > Comparison at a glance"},
    {DOC_ROW, 0, "TypeScript | Via tsc or a loader | Built in", NULL},
    {DOC_ROW, 0, "Permissions | None by default | Secure by default", NULL},
    {DOC_ROW, 0, "Package manager | npm | URL imports & npm: specifiers", NULL},
    {DOC_HEADING, 2, "What we liked", T1},
    {DOC_ITEM, 1, "Deno\xE2\x80\x99s built-in formatter and linter", T1 " > What we liked"},
    {DOC_ITEM, 1, "Node\xE2\x80\x99s ecosystem:", NULL},
    {DOC_ITEM, 2, "Over two million packages", NULL},
    {DOC_ITEM, 2, "Mature frameworks such as Express", NULL},
    {DOC_QUOTE, 0, "\xE2\x80\x9C" "Deno is what Node would be if we started today." "\xE2\x80\x9D", NULL},
    {DOC_CODE, 0, "deno run --allow-net server.ts node server.js", NULL},
    {DOC_PARAGRAPH, 0, "In short: pick Node for the ecosystem and Deno for the defaults.",
     T1 " > What we liked"},
};

START_TEST(test_article_blocks)
{
    doc d;
    extract_file(FIX "article.html", &d);
    size_t want = sizeof article_blocks / sizeof article_blocks[0];
    for (size_t i = 0; i < want && i < d.nblocks; i++)
        assert_block(&d, i, article_blocks[i].kind, article_blocks[i].level,
                     article_blocks[i].text, article_blocks[i].section);
    ck_assert_uint_eq(d.nblocks, want);
    doc_free(&d);
}
END_TEST

START_TEST(test_article_meta)
{
    doc d;
    extract_file(FIX "article.html", &d);
    ck_assert_str_eq(d.meta.title, T1);
    ck_assert_str_eq(d.meta.author, "Jane Q. Developer");
    ck_assert_str_eq(d.meta.date, "2024-02-19");
    ck_assert_str_eq(d.meta.date_basis, "meta");
    ck_assert_str_eq(d.meta.site, "Devnotes");
    ck_assert_str_eq(d.meta.url, "https://devnotes.example.com/posts/node-vs-deno");
    doc_free(&d);
}
END_TEST

START_TEST(test_article_furniture)
{
    /* each marker sits in one kind of furniture in the fixture */
    static const char *const markers[] = {
        "COOKIE_MARKER", "HEADER_MARKER", "NAV_MARKER", "ADVERT_MARKER", "SHARE_MARKER",
        "FOOTER_MARKER", "COMMENT_MARKER", "RELATED_MARKER", "NEWSLETTER_MARKER",
        "SCRIPT_MARKER", "STYLESHEET_MARKER", "dataLayer", "Skip to content", "Accept all",
        "Related posts", "8 min read", "By Jane", "Subscribe", "Devnotes logo"};
    doc d;
    extract_file(FIX "article.html", &d);
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        ck_assert_msg(strstr(d.text, markers[i]) == NULL, "furniture \"%s\" in text", markers[i]);
    /* entities decoded, &nbsp; folded to a plain space, no raw markup */
    ck_assert_ptr_nonnull(strstr(d.text, "tooling & package"));
    ck_assert_ptr_nonnull(strstr(d.text, "48,000 requests"));
    ck_assert_ptr_null(strstr(d.text, "&amp;"));
    ck_assert_ptr_null(strstr(d.text, "\xC2\xA0"));
    ck_assert_ptr_null(strchr(d.text, '<'));
    doc_free(&d);
}
END_TEST

/* ---- small pages, one behaviour each ------------------------------------ */

static const struct {
    const char *html;
    const char *text;   /* the whole extracted text */
} text_cases[] = {
    {"<p><b>Node</b>.js</p>", "Node.js"},
    {"<p>Hello <span>big</span> <em>world</em></p>", "Hello big world"},
    {"<p>Published <time>May 8</time> <mark>new</mark></p>", "Published May 8 new"},
    {"<p>  lots \n\t of   space  </p>", "lots of space"},
    {"<p>a &amp; b&nbsp;&nbsp;c &lt;d&gt; &eacute;</p>", "a & b c <d> \xC3\xA9"},
    {"<p>one<br>two</p>", "one two"},
    {"<p>one<br><br>two</p>", "one\ntwo"},
    {"<p>one<br> \n <br>two<br><br><br>three</p>", "one\ntwo\nthree"},
    {"<h2>Title<br>subtitle</h2>", "Title subtitle"},
    {"<div>before<p>inside</p>after</div>", "before\ninside\nafter"},
    {"<div>a<div>b<div>c</div></div></div>", "a\nb\nc"},
    {"<pre>int x;\n    return x;</pre>", "int x; return x;"},
    {"<table><tr><td>a</td><td></td><td>c</td></tr></table>", "a | | c"},
    {"<table><tr><td></td><td>b</td></tr></table>", "| b"},
    {"<table><tr><td> </td><td></td></tr><tr><td>x</td></tr></table>", "x"},
    {"<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr></table>",
     "a b c | d"},
    {"<table><tr><th><p>multi</p><p>line</p></th><td>x</td></tr></table>", "multi line | x"},
    {"<td>stray cell</td>", "stray cell"},
    {"<div class=\"share-buttons\">x</div><p>kept</p>", "kept"},
    {"<div class=\"ad-slot\">x</div><div class=\"add-to-cart\">kept</div>", "kept"},
    {"<div id=\"comments\">x</div><div class=\"toc\">Contents</div>", "Contents"},
    {"<div class=\"entry-content has-sidebar\"><p>kept</p></div>", "kept"},
    {"<div class=\"sidebar-content\">x</div><div class=\"post tag-social-media\">kept</div>", "kept"},
    {"<div class=\"content cookie-wall\">kept</div>", "kept"},
    {"<div role=\"navigation\">x</div><p hidden>y</p><p>kept</p>", "kept"},
    {"<script>var x;</script><style>p{}</style><noscript>x</noscript><p>kept</p>", "kept"},
    {"<header><h1>Site</h1></header><p>kept</p>", "kept"},
    {"<article><header><h1>Title</h1><p>By someone</p></header><p>Body.</p></article>",
     "Title\nBody."},
    {"<main><p>in main</p></main><p>outside</p>", "in main"},
    {"<div role=\"main\"><p>in role</p></div><p>outside</p>", "in role"},
    {"<article><p>short</p></article><article><p>the longer one</p></article>", "the longer one"},
    {"<p>one<p>two<div>three</span></b> four", "one\ntwo\nthree four"},
    {"<p>one</b>two</p>", "onetwo"},
    {"<ul><li>one<li>two</ul><p>after</p></p></li>", "one\ntwo\nafter"},
    {"plain words, no tags", "plain words, no tags"},
    /* HTML5 without <head>/<body>: libxml2 leaves <nav>, <main> in head */
    {"<!DOCTYPE html><meta charset=utf-8><title>T</title><nav>menu</nav><main><p>x</p></main>", "x"},
    {"<title>T</title><section><p>in head</p></section>", "in head"},
    {"<p>tab\tand\rcr</p>", "tab and cr"},
};

START_TEST(test_text_cases)
{
    doc d;
    const char *html = text_cases[_i].html;
    extract_ok(html, strlen(html), &d);
    ck_assert_msg(strcmp(d.text, text_cases[_i].text) == 0, "%s\n  gave \"%s\"\n  want \"%s\"",
                  html, d.text, text_cases[_i].text);
    doc_free(&d);
}
END_TEST

START_TEST(test_kinds)
{
    static const char html[] =
        "<h3>H</h3><p>p</p><ul><li>a<ul><li>b</li></ul>a2</li></ul>"
        "<ol><li><p>c</p></li></ol><blockquote><p>q</p></blockquote>"
        "<pre>code</pre><dl><dt>t</dt><dd>d</dd></dl>"
        "<figure><figcaption>cap</figcaption></figure><table><tr><td>r</td></tr></table>"
        "<li>loose</li>";
    doc d;
    extract_ok(html, sizeof html - 1, &d);
    assert_block(&d, 0, DOC_HEADING, 3, "H", "(none)");
    assert_block(&d, 1, DOC_PARAGRAPH, 0, "p", "H");
    assert_block(&d, 2, DOC_ITEM, 1, "a", "H");
    assert_block(&d, 3, DOC_ITEM, 2, "b", "H");
    assert_block(&d, 4, DOC_ITEM, 1, "a2", "H");
    assert_block(&d, 5, DOC_ITEM, 1, "c", "H");
    assert_block(&d, 6, DOC_QUOTE, 0, "q", "H");
    assert_block(&d, 7, DOC_CODE, 0, "code", "H");
    assert_block(&d, 8, DOC_PARAGRAPH, 0, "t", "H");
    assert_block(&d, 9, DOC_PARAGRAPH, 0, "d", "H");
    assert_block(&d, 10, DOC_PARAGRAPH, 0, "cap", "H");
    assert_block(&d, 11, DOC_ROW, 0, "r", "H");
    assert_block(&d, 12, DOC_ITEM, 1, "loose", "H");
    ck_assert_uint_eq(d.nblocks, 13);
    doc_free(&d);
}
END_TEST

START_TEST(test_body_fallback)
{
    doc d;
    extract_file(FIX "plain.html", &d);
    static const char *const markers[] = {"TOPBAR_MARKER", "SHARE_MARKER", "SIDEBAR_MARKER",
                                          "NEWSLETTER_MARKER"};
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        ck_assert_msg(strstr(d.text, markers[i]) == NULL, "furniture \"%s\" in text", markers[i]);
    assert_block(&d, 0, DOC_HEADING, 2, "Brewing green tea", "(none)");
    assert_block(&d, 1, DOC_PARAGRAPH, 0, "Use water at 80\xC2\xB0" "C, not boiling. Steep for two minutes.",
                 "Brewing green tea");
    assert_block(&d, 2, DOC_PARAGRAPH, 0, "Then taste it.", NULL);
    assert_block(&d, 3, DOC_PARAGRAPH, 0, "Sencha", NULL);
    assert_block(&d, 4, DOC_PARAGRAPH, 0, "Grassy and sweet.", NULL);
    assert_block(&d, 5, DOC_PARAGRAPH, 0, "A cup of sencha.", NULL);
    assert_block(&d, 6, DOC_ROW, 0, "Tea | Temp | Notes", NULL);
    assert_block(&d, 7, DOC_ROW, 0, "Gyokuro | | see shade grown", "Brewing green tea");
    ck_assert_uint_eq(d.nblocks, 8);
    /* no og:title, no h1: <title> as it is */
    ck_assert_str_eq(d.meta.title, "Brewing Notes - Tea Club");
    ck_assert_str_eq(d.meta.site, "Tea Club");
    ck_assert_str_eq(d.meta.date, "2026-05-08");
    ck_assert_ptr_null(d.meta.author);
    ck_assert_ptr_null(d.meta.url);
    doc_free(&d);
}
END_TEST

START_TEST(test_malformed)
{
    doc d;
    extract_file(FIX "malformed.html", &d);
    ck_assert_str_eq(d.text, "First bold both italic? end\n"
                             "Second paragraph with unclosed link\n"
                             "Inside div\none\ntwo\na | b\nAfter body");
    assert_block(&d, 3, DOC_ITEM, 1, "one", NULL);
    assert_block(&d, 5, DOC_ROW, 0, "a | b", NULL);
    doc_free(&d);
}
END_TEST

/* ---- metadata ------------------------------------------------------------ */

static const struct {
    const char *html;
    const char *title, *author, *date, *url;
} meta_cases[] = {
    /* og:title beats h1 beats <title> */
    {"<title>T</title><meta property=\"og:title\" content=\" OG  title \"><h1>H</h1>",
     "OG title", NULL, NULL, NULL},
    {"<title>T</title><article><h1>Article h1</h1><p>x</p></article>", "Article h1", NULL, NULL, NULL},
    {"<title>Just the title</title><p>x</p>", "Just the title", NULL, NULL, NULL},
    /* a URL is not an author; rel=author inside the article is */
    {"<meta property=\"article:author\" content=\"https://x.example/jane\">"
     "<article><p>By <a rel=\"author\" href=\"/j\">Jane Roe</a></p></article>",
     NULL, "Jane Roe", NULL, NULL},
    {"<meta property=\"article:author\" content=\"John Doe\"><meta name=\"author\" content=\"Meta Name\">",
     NULL, "Meta Name", NULL, NULL},
    {"<div itemprop=\"author\"><span itemprop=\"name\">Ann Lee</span></div>", NULL, "Ann Lee", NULL, NULL},
    /* dates: published_time beats name=date beats <time>; bad dates skipped */
    {"<meta name=\"date\" content=\"2020-01-02\">"
     "<meta property=\"article:published_time\" content=\"2021-03-04T05:06:07Z\">",
     NULL, NULL, "2021-03-04", NULL},
    {"<meta name=\"date\" content=\"not a date\"><time datetime=\"2019-07-08\">July 8</time>",
     NULL, NULL, "2019-07-08", NULL},
    {"<aside><time datetime=\"2001-01-01\">x</time></aside>"
     "<article><p><time datetime=\"2022-12-31T23:00\">New Year's Eve</time></p></article>",
     NULL, NULL, "2022-12-31", NULL},
    {"<p>Posted <time>20th Jun, 2023</time></p>", NULL, NULL, "2023-06-20", NULL},
    {"<span itemprop=\"datePublished\" content=\"2018-05-06\">May</span>", NULL, NULL, "2018-05-06", NULL},
    /* a relative canonical names nothing; og:url then */
    {"<link rel=\"canonical\" href=\"/p/1\"><meta property=\"og:url\" content=\"https://e.example/p/1\">",
     NULL, NULL, NULL, "https://e.example/p/1"},
    {"<link rel=\"Canonical\" href=\"HTTPS://e.example/a\"><meta property=\"og:url\" content=\"https://e.example/b\">",
     NULL, NULL, NULL, "HTTPS://e.example/a"},
};

static void assert_opt_str(const char *got, const char *want, const char *what)
{
    if (!want) ck_assert_msg(got == NULL, "%s is \"%s\", want none", what, got);
    else ck_assert_msg(got && strcmp(got, want) == 0, "%s is \"%s\", want \"%s\"", what,
                       got ? got : "(none)", want);
}

START_TEST(test_meta_cases)
{
    doc d;
    const char *html = meta_cases[_i].html;
    extract_ok(html, strlen(html), &d);
    assert_opt_str(d.meta.title, meta_cases[_i].title, "title");
    assert_opt_str(d.meta.author, meta_cases[_i].author, "author");
    assert_opt_str(d.meta.date, meta_cases[_i].date, "date");
    assert_opt_str(d.meta.url, meta_cases[_i].url, "url");
    assert_opt_str(d.meta.date_basis, meta_cases[_i].date ? "meta" : NULL, "date_basis");
    doc_free(&d);
}
END_TEST

START_TEST(test_long_title)
{
    /* a <title> is one text node, read whole at any length */
    buf b = BUF_INIT;
    doc d;
    buf_adds(&b, "<title>");
    for (int i = 0; i < 300; i++) buf_adds(&b, "long title ");
    buf_adds(&b, "end</title><p>x</p>");
    extract_ok(b.data, b.len, &d);
    ck_assert_ptr_nonnull(d.meta.title);
    ck_assert_uint_eq(strlen(d.meta.title), 300 * 11 + 3);
    ck_assert_str_eq(d.meta.title + 300 * 11, "end");
    doc_free(&d);
    buf_free(&b);
}
END_TEST

/* ---- encodings ------------------------------------------------------------ */

START_TEST(test_latin1)
{
    doc d;
    extract_file(FIX "latin1.html", &d);
    /* Latin-1 is read as windows-1252, as browsers do: 0x80 is the euro */
    ck_assert_str_eq(d.text, "Caf\xC3\xA9 cr\xC3\xA8me\n"
                             "Un caf\xC3\xA9 cr\xC3\xA8me \xC3\xA0 Paris co\xC3\xBBte 3,50 \xE2\x82\xAC.");
    ck_assert_str_eq(d.meta.title, "Caf\xC3\xA9 cr\xC3\xA8me");
    doc_free(&d);
}
END_TEST

START_TEST(test_cp1252_undeclared)
{
    doc d;
    extract_file(FIX "cp1252.html", &d);
    ck_assert_str_eq(d.text, "It\xE2\x80\x99s a \xE2\x80\x9Csmart\xE2\x80\x9D quote \xE2\x80\x93 "
                             "and an ellipsis\xE2\x80\xA6");
    doc_free(&d);
}
END_TEST

START_TEST(test_utf16le)
{
    doc d;
    extract_file(FIX "utf16le.html", &d);
    assert_block(&d, 0, DOC_HEADING, 1, "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln", "(none)");
    assert_block(&d, 1, DOC_PARAGRAPH, 0,
                 "Ein Gru\xC3\x9F auf Japanisch: \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE"
                 "\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88.", NULL);
    ck_assert_str_eq(d.meta.title, "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln");
    doc_free(&d);
}
END_TEST

START_TEST(test_utf16be)
{
    /* "<p>h\u00e9 \u20ac</p>" in UTF-16BE after a BOM */
    static const char be[] = "\xFE\xFF\0<\0p\0>\0h\0\xE9\0 \x20\xAC\0<\0/\0p\0>";
    doc d;
    extract_ok(be, sizeof be - 1, &d);
    ck_assert_str_eq(d.text, "h\xC3\xA9 \xE2\x82\xAC");
    doc_free(&d);
}
END_TEST

static const struct {
    const char *html;
    const char *text;
} enc_cases[] = {
    {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
     "<p>\x93quoted\x94</p>", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
    {"<META CHARSET='ISO-8859-1'><p>na\xEFve</p>", "na\xC3\xAFve"},
    {"\xEF\xBB\xBF<p>BOM caf\xC3\xA9</p>", "BOM caf\xC3\xA9"},
    /* a stale <meta>: the bytes are UTF-8, so they are read as UTF-8 */
    {"<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>", "caf\xC3\xA9"},
    /* an ASCII <meta> cannot declare UTF-16 about itself */
    {"<meta charset=\"utf-16\"><p>plain</p>", "plain"},
    /* an unknown charset is no declaration: invalid UTF-8, so 1252 */
    {"<meta charset=\"x-no-such\"><p>caf\xE9</p>", "caf\xC3\xA9"},
    /* unassigned windows-1252 bytes */
    {"<p>a\x81z</p>", "a\xEF\xBF\xBDz"},
};

START_TEST(test_enc_cases)
{
    doc d;
    const char *html = enc_cases[_i].html;
    extract_ok(html, strlen(html), &d);
    ck_assert_msg(strcmp(d.text, enc_cases[_i].text) == 0, "case %d gave \"%s\"", _i, d.text);
    doc_free(&d);
}
END_TEST

START_TEST(test_bad_utf8)
{
    size_t len;
    char *data = tu_read_file(FIX "bad-utf8.html", &len);
    buf want = BUF_INIT;
    buf_printf(&want, "declares UTF-8 but is not valid UTF-8 (byte %zu)",
               (size_t)(strstr(data, "caf\xE9") + 3 - data));
    extract_err(data, len, buf_cstr(&want));
    buf_free(&want);
    free(data);
    /* a UTF-8 BOM declares UTF-8 too; the offset counts the BOM */
    extract_err("\xEF\xBB\xBF<p>\xFF</p>", 9, "(byte 6)");
}
END_TEST

START_TEST(test_bad_utf16)
{
    /* a lone surrogate: libxml2 stops decoding there, so it is an error */
    static const char le[] = "\xFF\xFE<\0p\0>\0a\0\x00\xD8<\0/\0p\0>\0<\0p\0>\0b\0";
    extract_err(le, sizeof le - 1, "UTF-16LE");
}
END_TEST

START_TEST(test_binary)
{
    size_t len;
    char *data = tu_read_file(FIX "binary.html", &len);
    extract_err(data, len, "looks binary (NUL byte at offset 8)");
    free(data);
    /* a NUL past the first 8 KB is not a sign of binary */
    buf b = BUF_INIT;
    buf_adds(&b, "<p>start</p><!--");
    while (b.len < 9000) buf_addc(&b, 'x');
    buf_adds(&b, "--><p>a");
    buf_addc(&b, '\0');
    buf_adds(&b, "b</p>");
    doc d;
    extract_ok(b.data, b.len, &d);
    ck_assert_str_eq(d.text, "start\na b");
    doc_free(&d);
    buf_free(&b);
}
END_TEST

/* nothing to read is not an error: the caller decides */
static const char *const empty_cases[] = {
    "", "   \n\t ", "\xEF\xBB\xBF", "\xFF\xFE", "<!-- nothing -->",
    "<html><head><title>T</title></head><body></body></html>",
    "<script>only()</script><nav>menu</nav>",
};

START_TEST(test_empty)
{
    doc d;
    extract_ok(empty_cases[_i], strlen(empty_cases[_i]), &d);
    ck_assert_uint_eq(d.nblocks, 0);
    ck_assert_uint_eq(d.len, 0);
    ck_assert_str_eq(d.text, "");
    doc_free(&d);
}
END_TEST

/* ---- pages built to break things ------------------------------------------ */

static void deep_page(buf *b, const char *open, const char *close, size_t n)
{
    buf_adds(b, "<html><body><p>top</p>");
    for (size_t i = 0; i < n; i++) buf_adds(b, open);
    buf_adds(b, "bottom");
    for (size_t i = 0; i < n; i++) buf_adds(b, close);
    buf_adds(b, "</body></html>");
}

START_TEST(test_deep_nesting)
{
    static const char *const tags[][2] = {
        {"<div>", "</div>"}, {"<ul><li>", "</li></ul>"}, {"<b>", "</b>"},
        {"<table><tr><td>", "</td></tr></table>"}, {"<div>", "</span>"},
    };
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        buf b = BUF_INIT;
        doc d;
        deep_page(&b, tags[t][0], tags[t][1], 100000);
        extract_ok(b.data, b.len, &d);
        /* libxml2 stops at depth 256; what was read before must be there */
        ck_assert(d.nblocks >= 1);
        assert_block(&d, 0, DOC_PARAGRAPH, 0, "top", NULL);
        doc_free(&d);
        buf_free(&b);
    }
}
END_TEST

START_TEST(test_moderate_nesting)
{
    /* 240 levels is within libxml2's limit: all of it is read */
    buf b = BUF_INIT;
    doc d;
    deep_page(&b, "<div><span>", "</span></div>", 120);
    extract_ok(b.data, b.len, &d);
    ck_assert_str_eq(d.text, "top\nbottom");
    doc_free(&d);
    buf_free(&b);
}
END_TEST

START_TEST(test_long_text)
{
    /* one long paragraph of many words, one huge word */
    buf b = BUF_INIT;
    doc d;
    buf_adds(&b, "<p>");
    for (int i = 0; i < 50000; i++) buf_adds(&b, "word &amp; ");
    buf_adds(&b, "</p><p>");
    for (int i = 0; i < 100000; i++) buf_addc(&b, 'x');
    buf_adds(&b, "</p>");
    extract_ok(b.data, b.len, &d);
    ck_assert_uint_eq(d.nblocks, 2);
    ck_assert_uint_eq(d.blocks[0].end - d.blocks[0].start, 50000 * 7 - 1);
    ck_assert_uint_eq(d.blocks[1].end - d.blocks[1].start, 100000);
    doc_free(&d);
    buf_free(&b);
}
END_TEST

START_TEST(test_truncated)
{
    /* a page cut short anywhere is read or refused, never mangled; a cut
     * inside a UTF-8 sequence is invalid UTF-8 in a page declaring it */
    size_t len;
    char *data = tu_read_file(FIX "article.html", &len);
    for (size_t cut = 0; cut <= len; cut += cut < 200 ? 1 : 37) {
        doc d;
        char *err = NULL;
        doc_init(&d, DOC_HTML);
        if (html_extract(data, cut, &d, &err) == KB_OK) {
            ck_assert_ptr_null(err);
            check_invariants(&d);
        } else {
            ck_assert_msg(err && strstr(err, "UTF-8"), "cut at %zu: %s", cut, err ? err : "-");
        }
        free(err);
        doc_free(&d);
    }
    free(data);
}
END_TEST

START_TEST(test_tag_soup)
{
    /* random markup from the elements the extractor treats specially */
    static const char *const bits[] = {
        "<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "</li>", "<ul>", "</ul>", "<ol>",
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<h1>", "</h1>",
        "<h3>", "</h3>", "<pre>", "</pre>", "<blockquote>", "</blockquote>", "<header>",
        "</header>", "<article>", "</article>", "<main>", "<nav>", "</nav>", "<b>", "</b>",
        "<span class=\"ad-slot\">", "</span>", "<script>x<", "</script>", "word ", "text",
        " ", "\n", "&amp;", "&nbsp;", "\xC3\xA9", "<!-- c -->", "<", ">", "&", "<td",
        "<time datetime=\"2024-01-02\">", "<a rel=author>Al</a>", "</body>", "<html>",
    };
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        buf b = BUF_INIT;
        doc d;
        int n = 1 + round % 120;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf_adds(&b, bits[(seed >> 16) % (sizeof bits / sizeof bits[0])]);
        }
        extract_ok(buf_cstr(&b), b.len, &d);
        doc_free(&d);
        buf_free(&b);
    }
}
END_TEST

/* ---- sniffing -------------------------------------------------------------- */

static const struct {
    const char *data;
    size_t len;   /* 0: strlen */
    int html;
} sniff_cases[] = {
    {"<!DOCTYPE html><html><body>x</body></html>", 0, 1},
    {"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", 0, 1},
    {"  \n<html lang=\"en\">", 0, 1},
    {"<HTML>", 0, 1},
    {"<head><title>x</title></head>", 0, 1},
    {"<body>", 0, 1},
    {"\xEF\xBB\xBF<html>", 0, 1},
    {"<!-- saved from url=(0014)about:internet -->\n<html>", 0, 1},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>", 0, 1},
    {"\xFF\xFE<\0h\0t\0m\0l\0>\0", 14, 1},
    {"\xFE\xFF\0<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0h\0t\0m\0l", 30, 1},
    {"", 0, 0},
    {"Just some text about <html> tags.", 0, 0},
    {"<header>not a head</header>", 0, 0},
    {"<htmlx>", 0, 0},
    {"<!DOCTYPE svg>", 0, 0},
    {"<?xml version=\"1.0\"?><rss version=\"2.0\">", 0, 0},
    {"# Markdown title\n\n<html> later", 0, 0},
    {"<!-- a comment that never ends", 0, 0},
    {"{\"json\": true}", 0, 0},
    {"\x89PNG\r\n\x1a\n", 0, 0},
};

START_TEST(test_sniff)
{
    const char *s = sniff_cases[_i].data;
    size_t len = sniff_cases[_i].len ? sniff_cases[_i].len : strlen(s);
    ck_assert_msg(html_sniff(s, len) == sniff_cases[_i].html, "case %d: \"%s\"", _i, s);
}
END_TEST

START_TEST(test_sniff_fixtures)
{
    static const char *const yes[] = {"article.html", "latin1.html", "utf16le.html", "bad-utf8.html"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        buf path = BUF_INIT;
        size_t len;
        buf_printf(&path, FIX "%s", yes[i]);
        char *data = tu_read_file(path.data, &len);
        ck_assert_msg(html_sniff(data, len), "%s not sniffed as HTML", yes[i]);
        free(data);
        buf_free(&path);
    }
}
END_TEST

#define NCASES(a) ((int)(sizeof a / sizeof a[0]))

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("extract");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_article_blocks);
    tcase_add_test(tc, test_article_meta);
    tcase_add_test(tc, test_article_furniture);
    tcase_add_loop_test(tc, test_text_cases, 0, NCASES(text_cases));
    tcase_add_test(tc, test_kinds);
    tcase_add_test(tc, test_body_fallback);
    tcase_add_test(tc, test_malformed);
    tcase_add_loop_test(tc, test_meta_cases, 0, NCASES(meta_cases));
    tcase_add_test(tc, test_long_title);
    tcase_add_test(tc, test_latin1);
    tcase_add_test(tc, test_cp1252_undeclared);
    tcase_add_test(tc, test_utf16le);
    tcase_add_test(tc, test_utf16be);
    tcase_add_loop_test(tc, test_enc_cases, 0, NCASES(enc_cases));
    tcase_add_test(tc, test_bad_utf8);
    tcase_add_test(tc, test_bad_utf16);
    tcase_add_test(tc, test_binary);
    tcase_add_loop_test(tc, test_empty, 0, NCASES(empty_cases));
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_moderate_nesting);
    tcase_add_test(tc, test_long_text);
    tcase_add_test(tc, test_truncated);
    tcase_add_test(tc, test_tag_soup);
    tcase_add_loop_test(tc, test_sniff, 0, NCASES(sniff_cases));
    tcase_add_test(tc, test_sniff_fixtures);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(html_suite());
}
