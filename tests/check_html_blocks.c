/*
 * check_html_blocks.c - the text and blocks of an HTML page
 * (html_blocks.c): a realistic article's blocks (kinds, levels,
 * sections, offsets) with its furniture dropped, small pages with one
 * behaviour each, every kind of block, and malformed markup.
 * Run from the top of the tree (fixtures are tests/fixtures/html/).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "html.h"
#include "testutil.h"
#include "tuhtml.h"

/* ---- the realistic article ---------------------------------------------- */

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
    /* a cell's picture says what a screen reader would: alt, or the
     * aria-label of an element with no text (even a skipped <svg>) */
    {"<table><tr><td>Lint</td><td><img src=\"y.png\" alt=\"Yes\"></td><td><img alt=\"No\" src=\"n.png\"></td></tr></table>",
     "Lint | Yes | No"},
    {"<table><tr><td>Lint</td><td><span class=\"i\" aria-label=\"Supported\"></span></td>"
     "<td><svg aria-label=\"Not supported\"><path d=\"M0\"/></svg></td></tr></table>",
     "Lint | Supported | Not supported"},
    {"<table><tr><td><span aria-label=\"Yes\">yes</span></td><td><img src=\"x.png\"></td><td>c</td></tr></table>",
     "yes | | c"},
    /* ... not outside a table, nor in furniture */
    {"<p>See <img alt=\"a chart\" src=\"c.png\"> <span aria-label=\"icon\"></span>here</p>", "See here"},
    {"<table><tr><td>a</td><td><div class=\"share-buttons\"><img alt=\"Share\"></div></td></tr></table>", "a |"},
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

static Suite *html_blocks_suite(void)
{
    Suite *s = suite_create("html_blocks");
    TCase *tc = tcase_create("extract");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_article_blocks);
    tcase_add_test(tc, test_article_furniture);
    tcase_add_loop_test(tc, test_text_cases, 0, NCASES(text_cases));
    tcase_add_test(tc, test_kinds);
    tcase_add_test(tc, test_malformed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(html_blocks_suite());
}
