/*
 * check_html_meta.c - the metadata of an HTML page (html_meta.c): the
 * realistic article's, which candidate wins each field (title, author,
 * date, URL), and a <title> read whole at any length.
 * Run from the top of the tree (fixtures are tests/fixtures/html/).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "html.h"
#include "testutil.h"
#include "tuhtml.h"

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

static Suite *html_meta_suite(void)
{
    Suite *s = suite_create("html_meta");
    TCase *tc = tcase_create("extract");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_article_meta);
    tcase_add_loop_test(tc, test_meta_cases, 0, NCASES(meta_cases));
    tcase_add_test(tc, test_long_title);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(html_meta_suite());
}
