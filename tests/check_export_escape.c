/*
 * check_export_escape.c - article text made safe for each export format
 * (export_escape.c): HTML text, Markdown inline text, CSV fields that
 * parse back to their bytes, the formula guard of a CSV cell, and which
 * URLs may be links.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_escape.h"
#include "testutil.h"
#include "tuexport.h"

static char *mem_of(void (*fn)(FILE *, const char *, size_t), const char *s)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    fn(f, s, strlen(s));
    ck_assert_int_eq(fclose(f), 0);
    return data;
}

/* ---- escaping helpers ---- */

START_TEST(test_html_text)
{
    static const char *cases[][2] = {
        {"plain", "plain"},
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"\"quotes\" & 'apostrophes'", "&quot;quotes&quot; &amp; &#39;apostrophes&#39;"},
        {"&amp;", "&amp;amp;"},
        {"caf\xc3\xa9 \xe2\x80\x94 ok", "caf\xc3\xa9 \xe2\x80\x94 ok"},
        {"esc\x1b[31m bel\x07 c1\xc2\x9b del\x7f", "esc\\x1b[31m bel\\x07 c1\\x9b del\\x7f"},
        {"a\nb\tc\rd", "a\nb\tc d"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = mem_of(export_html_text, cases[i][0]);
        ck_assert_str_eq(got, cases[i][1]);
        free(got);
    }
}
END_TEST

START_TEST(test_md_text)
{
    static const char *cases[][2] = {
        {"plain text.", "plain text."},
        {"**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`"},
        {"<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"},
        {"[link](x) | cell", "\\[link\\](x) \\| cell"},
        {"a\nb\r\nc\td", "a b  c d"},
        {"$5 ~ 2^3 \\", "\\$5 \\~ 2\\^3 \\\\"},
        {"esc\x1b[31m bel\x07 c1\xc2\x9b del\x7f", "esc\\\\x1b\\[31m bel\\\\x07 c1\\\\x9b del\\\\x7f"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = mem_of(export_md_text, cases[i][0]);
        ck_assert_str_eq(got, cases[i][1]);
        free(got);
    }
}
END_TEST

START_TEST(test_csv_field_round_trip)
{
    static const char *cases[] = {
        "plain", "", "a,b", "say \"hi\"", "\"", "line\nbreak", "cr\rhere", "crlf\r\n", ",\",\r\n\"", "caf\xc3\xa9",
    };
    size_t n = sizeof cases / sizeof *cases;
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    for (size_t i = 0; i < n; i++) {
        export_csv_field(f, cases[i], strlen(cases[i]));
        fputs(i + 1 < n ? "," : "\r\n", f);
    }
    fclose(f);
    ck_assert_msg(strncmp(data, "plain,,a,b,", 11) != 0 && strncmp(data, "plain,,\"a,b\",", 13) == 0, "%s",
                  data);   /* plain fields stay bare, others are quoted */
    csv_doc *d = csv_parse(data);
    ck_assert_int_eq(d->nrows, 1);
    ck_assert_int_eq(d->ncols[0], (int)n);
    for (size_t i = 0; i < n; i++) ck_assert_str_eq(d->f[0][i], cases[i]);
    csv_free(d);
    free(data);
}
END_TEST

/* Formula injection: a cell starting with = + - @ TAB or CR gets an
 * apostrophe (inside the quotes when it is quoted); a plain number
 * keeps its sign. */
START_TEST(test_csv_formula_guard)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"=1+2", "'=1+2"},
        {"+1+2", "'+1+2"},
        {"-1+2", "'-1+2"},
        {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
        {"-", "'-"},
        {"- a list item", "'- a list item"},
        {"-3.5% growth", "'-3.5% growth"},
        {"-1e5", "'-1e5"},
        {"-3.", "'-3."},
        {"-3.5", "-3.5"},
        {"+42", "+42"},
        {"-0.001", "-0.001"},
        {"2019", "2019"},
        {"a=1", "a=1"},
        {" =1", " =1"},
        {"'quoted'", "'quoted'"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *data = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);
        export_csv_field(f, cases[i].in, strlen(cases[i].in));
        fclose(f);
        ck_assert_msg(strcmp(data, cases[i].out) == 0, "[%s] -> [%s], want [%s]", cases[i].in, data, cases[i].out);
        free(data);
    }
}
END_TEST

START_TEST(test_url_is_web)
{
    static const struct {
        const char *url;
        int web;
    } cases[] = {
        {"https://example.com/a?b=1", 1}, {"http://example.com", 1},   {"HTTPS://EXAMPLE.COM", 1},
        {"javascript:alert(1)", 0},       {"JavaScript:alert(1)", 0},  {"data:text/html,<script>", 0},
        {"//example.com", 0},             {"https://", 0},             {"https://a b", 0},
        {"https://a\nb", 0},              {" https://example.com", 0}, {"vbscript:x", 0},
        {"file:///etc/passwd", 0},        {"", 0},                     {NULL, 0},
        {"https://a/\xc2\x9b" "2J", 0},    {"https://a/\x1b", 0},       {"https://caf\xc3\xa9.fr/", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(export_url_is_web(cases[i].url) == cases[i].web, "%s", cases[i].url ? cases[i].url : "NULL");
}
END_TEST

static Suite *export_escape_suite(void)
{
    Suite *s = suite_create("export_escape");
    TCase *tc = tcase_create("escaping");
    tcase_add_test(tc, test_html_text);
    tcase_add_test(tc, test_md_text);
    tcase_add_test(tc, test_csv_field_round_trip);
    tcase_add_test(tc, test_csv_formula_guard);
    tcase_add_test(tc, test_url_is_web);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(export_escape_suite());
}
