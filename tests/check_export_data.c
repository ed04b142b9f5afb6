/*
 * check_export_data.c - the exports for programs (export_data.c): CSV
 * that parses back to the cited bytes (behind an apostrophe where a
 * spreadsheet could take them for a formula, a title too), JSON and
 * CSL-JSON that SQLite's JSON functions read.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tuexport.h"

START_TEST(test_csv_export)
{
    ingest("corpus");
    ingest("tests/fixtures/export");
    char *out = EXPORT("--format", "csv");
    csv_doc *d = csv_parse(out);
    ck_assert_int_gt(d->nrows, 50);
    static const char *header[] = {"section", "dimension", "subject", "statement", "side", "verdict", "source",
                                   "path", "title", "date", "start", "end", "text"};
    ck_assert_int_eq(d->ncols[0], 13);
    for (int c = 0; c < 13; c++) ck_assert_str_eq(d->f[0][c], header[c]);
    int kinds[3] = {0, 0, 0}, quoted_newline_or_comma = 0;
    for (int r = 1; r < d->nrows; r++) {
        ck_assert_int_eq(d->ncols[r], 13);
        const char *kind = d->f[r][0];
        if (strcmp(kind, "agreement") == 0) kinds[0]++;
        else if (strcmp(kind, "dispute") == 0) kinds[1]++;
        else if (strcmp(kind, "figure") == 0) kinds[2]++;
        else ck_abort_msg("section kind %s", kind);
        if (strcmp(kind, "dispute") == 0) {
            ck_assert_msg(d->f[r][3][0] == 'D', "%s", d->f[r][3]);
            ck_assert_uint_eq(strlen(d->f[r][4]), 1);
            ck_assert_str_ne(d->f[r][5], "");
        }
        /* the text is the file's bytes at start..end, behind an
         * apostrophe if a spreadsheet could take it for a formula */
        char *want = file_bytes(d->f[r][7], atoll(d->f[r][10]), atoll(d->f[r][11]));
        const char *got = d->f[r][12];
        if (strchr("=+-@\t\r", want[0]) && want[0]) {
            ck_assert_int_eq(got[0], '\'');
            got++;
        }
        ck_assert_str_eq(got, want);
        free(want);
        quoted_newline_or_comma += strpbrk(d->f[r][12], ",\"\n") != NULL;
    }
    ck_assert(kinds[0] > 0 && kinds[1] > 0 && kinds[2] > 0);
    ck_assert_int_gt(quoted_newline_or_comma, 0);   /* the round trip went through quoting */
    csv_free(d);
    free(out);
}
END_TEST

/* End to end: an article whose title is a formula (the hostile
 * fixture's text, cited in disputes and agreements) has it behind an
 * apostrophe in every row that cites it. */
START_TEST(test_csv_export_formula_title)
{
    size_t len;
    char *md = tu_read_file("tests/fixtures/export/hostile.md", &len);
    const char *body = strstr(md, "\n---\n");
    ck_assert_ptr_nonnull(body);
    char path[600];
    snprintf(path, sizeof path, "%s/formula.md", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "---\ntitle: =HYPERLINK(\"http://evil.example\",\"x\")\ndate: 2024-01-02%s", body);
    ck_assert_int_eq(fclose(f), 0);
    free(md);
    ingest("corpus");
    ingest(path);
    char *out = EXPORT("--format", "csv");
    csv_doc *d = csv_parse(out);
    int rows = 0;
    for (int r = 1; r < d->nrows; r++) {
        if (strcmp(d->f[r][7], path) != 0) continue;
        ck_assert_str_eq(d->f[r][8], "'=HYPERLINK(\"http://evil.example\",\"x\")");
        rows++;
    }
    ck_assert_int_gt(rows, 0);
    csv_free(d);
    free(out);
}
END_TEST

/* Evaluate SQL over a JSON document with SQLite's JSON functions. */
static char *json_q(const char *doc, const char *sql)
{
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(mem, sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(mem));
    sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *t = sqlite3_column_text(s, 0);
    char *v = strdup(t ? (const char *)t : "(null)");
    sqlite3_finalize(s);
    sqlite3_close(mem);
    return v;
}

#define JSON_EQ(doc, sql, want)                                                                                      \
    do {                                                                                                             \
        char *v_ = json_q(doc, sql);                                                                                 \
        ck_assert_msg(strcmp(v_, want) == 0, "%s: got %s, want %s", sql, v_, want);                                  \
        free(v_);                                                                                                    \
    } while (0)

START_TEST(test_json_export)
{
    ingest("tests/fixtures/export");
    char *doc = EXPORT("--format", "json");
    JSON_EQ(doc, "SELECT json_valid(?1)", "1");
    JSON_EQ(doc, "SELECT json_extract(?1, '$.counts.sources')", "2");
    JSON_EQ(doc, "SELECT json_extract(?1, '$.counts.agreements')", "2");
    JSON_EQ(doc, "SELECT json_extract(?1, '$.sources[0].url')", "javascript:alert(1)");
    JSON_EQ(doc, "SELECT json_extract(?1, '$.sources[0].title')", "Python <script>alert(1)</script> & \"friends\"");
    JSON_EQ(doc,
            "SELECT json_extract(a.value, '$.statement') FROM json_each(json_extract(?1, '$.sections')) s, "
            "json_each(json_extract(s.value, '$.agreements')) a WHERE json_extract(s.value, '$.dimension') = "
            "'learning curve'",
            "Both sources say yes to \xe2\x80\x9cIs Python easy to learn?\xe2\x80\x9d: \xe2\x80\x9cPython is easy to "
            "learn <script>alert(1)</script> for \"beginners\" & experts\xe2\x80\x9d.");
    /* a proposition's agreement says what it agrees on and which way;
     * a numeric one has neither */
    JSON_EQ(doc,
            "SELECT json_extract(a.value, '$.polarity') || ' ' || json_type(a.value, '$.aspect') || ' ' || "
            "json_type(a.value, '$.measure') FROM json_each(json_extract(?1, '$.sections')) s, "
            "json_each(json_extract(s.value, '$.agreements')) a WHERE json_extract(a.value, '$.kind') = "
            "'proposition'",
            "1 text null");
    JSON_EQ(doc,
            "SELECT json_type(a.value, '$.polarity') || ' ' || json_type(a.value, '$.aspect') FROM "
            "json_each(json_extract(?1, '$.sections')) s, json_each(json_extract(s.value, '$.agreements')) a "
            "WHERE json_extract(a.value, '$.kind') = 'numeric'",
            "null null");
    JSON_EQ(doc,
            "SELECT json_extract(a.value, '$.value.low') FROM json_each(json_extract(?1, '$.sections')) s, "
            "json_each(json_extract(s.value, '$.agreements')) a WHERE json_extract(a.value, '$.kind') = 'numeric'",
            "1991");
    JSON_EQ(doc,
            "SELECT count(*) FROM json_each(json_extract(?1, '$.sections')) s, "
            "json_each(json_extract(s.value, '$.figures'))",
            "2");
    free(doc);
}
END_TEST

START_TEST(test_csl_json)
{
    ingest("tests/fixtures/export");
    char *doc = EXPORT("--sources", "csl-json");
    JSON_EQ(doc, "SELECT json_valid(?1)", "1");
    JSON_EQ(doc, "SELECT json_type(?1)", "array");
    JSON_EQ(doc, "SELECT json_array_length(?1)", "2");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].id')", "src-1");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].type')", "webpage");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].title')", "Python <script>alert(1)</script> & \"friends\"");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].author[0].literal')", "Eve \"the tester\" & <b>co</b>");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].issued.\"date-parts\"')", "[[2024,1,2]]");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[0].\"container-title\"')", "Evil <Site> & Co");
    JSON_EQ(doc, "SELECT json_extract(?1, '$[1].URL')", "https://example.com/review?a=1&b=\"2\"");
    JSON_EQ(doc, "SELECT json_type(?1, '$[0].URL')", "(null)");   /* javascript: is no link */
    JSON_EQ(doc, "SELECT json_extract(?1, '$[1].issued.\"date-parts\"[0][1]')", "5");
    JSON_EQ(doc, "SELECT json_type(?1, '$[1].author')", "(null)");   /* absent, not empty */
    free(doc);
    /* the corpus: undated, authorless, siteless sources stay valid */
    ingest("corpus");
    doc = EXPORT("--sources", "csl-json");
    JSON_EQ(doc, "SELECT json_array_length(?1)", "7");
    JSON_EQ(doc, "SELECT count(*) FROM json_each(?1) WHERE json_extract(value, '$.title') IS NULL", "0");
    JSON_EQ(doc, "SELECT count(DISTINCT json_extract(value, '$.type')) FROM json_each(?1)", "2");
    free(doc);
}
END_TEST

static Suite *export_data_suite(void)
{
    Suite *s = suite_create("export_data");
    TCase *tc = tcase_create("kb export");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_csv_export);
    tcase_add_test(tc, test_csv_export_formula_title);
    tcase_add_test(tc, test_json_export);
    tcase_add_test(tc, test_csl_json);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(export_data_suite());
}
