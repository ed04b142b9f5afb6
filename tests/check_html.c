/*
 * check_html.c - html_extract and html_sniff (html.c): the encoding
 * decided before the parser reads a byte (declared, undeclared, UTF-16,
 * bad UTF-8 and UTF-16, binary), the content root of a page that marks
 * none, pages with nothing to read, pages built to break it (deep
 * nesting, long text, cut short, tag soup), and what is HTML.  Blocks:
 * check_html_blocks.c; metadata: check_html_meta.c.
 * Run from the top of the tree (fixtures are tests/fixtures/html/).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "html.h"
#include "testutil.h"
#include "tuhtml.h"

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

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("extract");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_body_fallback);
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
