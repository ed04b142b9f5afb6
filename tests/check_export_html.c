/*
 * check_export_html.c - `kb export --format html`, the one
 * self-contained page (export_html.c): hostile article text, titles and
 * URLs (no script, no javascript: link, nothing fetched), links and
 * active markup in article bodies come out as text, and every in-page
 * link lands on exactly one id.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tuexport.h"

static int ci_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

START_TEST(test_html_hostile_article)
{
    ingest("tests/fixtures/export");
    char *html = EXPORT("--format", "html");
    ck_assert_msg(strncmp(html, "<!DOCTYPE html>", 15) == 0, "%.40s", html);
    /* nothing from the articles is markup: no script, no image, no
     * javascript: link; kb's page has no script of its own either */
    ck_assert(!ci_contains(html, "<script"));
    ck_assert(!ci_contains(html, "<img"));
    ck_assert(!ci_contains(html, "href=\"javascript:"));
    ck_assert(!ci_contains(html, "<b>co"));
    ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    ck_assert_ptr_nonnull(strstr(html, "&quot;beginners&quot; &amp; experts"));
    ck_assert_ptr_nonnull(strstr(html, "Eve &quot;the tester&quot; &amp; &lt;b&gt;co&lt;/b&gt;"));
    ck_assert_ptr_nonnull(strstr(html, "Evil &lt;Site&gt; &amp; Co"));
    /* the javascript: URL is shown as text; the https one is a link */
    ck_assert_ptr_nonnull(strstr(html, "<code>javascript:alert(1)</code>"));
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"https://example.com/review?a=1&amp;b=&quot;2&quot;\" "
                                       "rel=\"noopener noreferrer\">"));
    /* self-contained: no external resource, no script allowed */
    ck_assert(!ci_contains(html, "<link"));
    ck_assert(!ci_contains(html, " src=\""));
    ck_assert(!ci_contains(html, "url("));
    ck_assert(!ci_contains(html, "@import"));
    ck_assert_ptr_nonnull(strstr(html, "default-src 'none'"));
    ck_assert_ptr_nonnull(strstr(html, "<style>"));
    free(html);
}
END_TEST

/* Links and active markup in article bodies (an HTML page's <a>,
 * <iframe> and event handlers; Markdown link syntax) come out as text. */
START_TEST(test_html_hostile_links)
{
    char page[600], md[600];
    snprintf(page, sizeof page, "%s/links.html", dir);
    snprintf(md, sizeof md, "%s/links.md", dir);
    const char *h = "<!DOCTYPE html><html><head><title>Links</title></head><body><article>"
                    "<p>Python is <a href=\"javascript:alert(1)\">easy to learn</a> for beginners.</p>"
                    "<p onclick=\"alert(2)\">Python is fast <iframe src=\"javascript:alert(3)\"></iframe>"
                    "for scripts.</p></article></body></html>";
    const char *m = "# Python\n\nPython is easy to learn <a href=\"javascript:alert(5)\" onmouseover=\"alert(6)\">"
                    "here</a>, see [the guide](javascript:alert(4)).\n";
    tu_write_file(page, h, strlen(h));
    tu_write_file(md, m, strlen(m));
    ingest(page);
    ingest(md);
    char *html = EXPORT("--format", "html");
    ck_assert(!ci_contains(html, "href=\"javascript:"));
    ck_assert(!ci_contains(html, "<iframe"));
    ck_assert(!ci_contains(html, "<a href=\"javascript"));
    ck_assert(!ci_contains(html, "onclick=\""));
    ck_assert(!ci_contains(html, "onmouseover=\""));
    ck_assert(!ci_contains(html, "<script"));
    /* the page's link is text; the Markdown link and raw tag are quoted
     * as text */
    ck_assert_ptr_nonnull(strstr(html, "Python is easy to learn for beginners."));
    ck_assert_ptr_nonnull(strstr(html, "[the guide](javascript:alert(4))"));
    ck_assert_ptr_nonnull(strstr(html, "&lt;a href=&quot;javascript:alert(5)&quot;"));
    free(html);
}
END_TEST

/* Every href="#x" has exactly one id="x", and ids are unique. */
static void check_anchors(const char *html)
{
    size_t nlinks = 0;
    for (const char *p = strstr(html, "href=\"#"); p; p = strstr(p + 1, "href=\"#")) {
        const char *q = strchr(p + 7, '"');
        ck_assert_ptr_nonnull(q);
        char want[128];
        ck_assert_int_lt(q - (p + 7), 100);
        snprintf(want, sizeof want, " id=\"%.*s\"", (int)(q - (p + 7)), p + 7);
        const char *hit = strstr(html, want);
        ck_assert_msg(hit != NULL, "no anchor for %s", want);
        ck_assert_msg(strstr(hit + 1, want) == NULL, "anchor %s twice", want);
        nlinks++;
    }
    ck_assert_uint_gt(nlinks, 0);
}

START_TEST(test_html_anchors)
{
    ingest("tests/fixtures/export");
    char *html = EXPORT("--format", "html");
    check_anchors(html);
    ck_assert_ptr_nonnull(strstr(html, "<a class=\"cite\" href=\"#src-1\">[1: "));
    free(html);
    ingest("corpus");
    html = EXPORT("--format", "html");
    check_anchors(html);
    for (int n = 1; n <= 7; n++) {
        char want[64];
        snprintf(want, sizeof want, "<li id=\"src-%d\"", n);
        ck_assert_ptr_nonnull(strstr(html, want));
    }
    free(html);
}
END_TEST

static Suite *export_html_suite(void)
{
    Suite *s = suite_create("export_html");
    TCase *tc = tcase_create("kb export");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_html_hostile_article);
    tcase_add_test(tc, test_html_hostile_links);
    tcase_add_test(tc, test_html_anchors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(export_html_suite());
}
