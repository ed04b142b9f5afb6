/*
 * check_export.c - `kb export` end to end and its escaping: hostile
 * article text, titles and URLs in HTML (no script, no javascript:
 * link), every in-page link landing on an id, CSV that parses back to
 * the cited bytes, JSON and CSL-JSON that SQLite's JSON functions read,
 * -o that never overwrites or follows a link, byte-identical output,
 * and every Markdown citation of the corpus quoting its file's bytes.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <ctype.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "export_escape.h"
#include "testutil.h"

static char *dir;
static char db[512];

#define KB(...) tu_kb(NULL, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(db, sizeof db, "%s/kb.db", dir);
}

static void teardown(void)
{
    tu_rmdir(dir);
}

static void ingest(const char *path)
{
    tu_out o = KB("ingest", (char *)path);
    ck_assert_msg(o.status == 0, "ingest failed: %s", o.err);
    tu_out_free(&o);
}

/* kb export ARGS... on stdout, which must succeed. */
#define EXPORT(...) export_ok(KB("export", __VA_ARGS__))
static char *export_ok(tu_out o)
{
    ck_assert_msg(o.status == 0, "export failed (%d): %s", o.status, o.err);
    free(o.err);
    return o.out;
}

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

/* An RFC 4180 parser for the tests: rows of fields, CRLF (or LF) line
 * ends, quoted fields with doubled quotes.  Returns the number of rows;
 * fields[row][col] are malloc'd. */
#define CSV_MAX_ROWS 4096
#define CSV_MAX_COLS 16
typedef struct csv_doc {
    char *f[CSV_MAX_ROWS][CSV_MAX_COLS];
    int ncols[CSV_MAX_ROWS];
    int nrows;
} csv_doc;

static csv_doc *csv_parse(const char *s)
{
    csv_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    while (*s) {
        ck_assert_int_lt(d->nrows, CSV_MAX_ROWS);
        int r = d->nrows++;
        for (;;) {
            ck_assert_int_lt(d->ncols[r], CSV_MAX_COLS);
            size_t cap = strlen(s) + 1, n = 0;
            char *v = malloc(cap);
            if (*s == '"') {
                s++;
                for (;;) {
                    ck_assert_msg(*s != '\0', "unterminated quoted field");
                    if (*s == '"' && s[1] == '"') {
                        v[n++] = '"';
                        s += 2;
                    } else if (*s == '"') {
                        s++;
                        break;
                    } else {
                        v[n++] = *s++;
                    }
                }
            } else {
                while (*s && *s != ',' && *s != '\r' && *s != '\n') {
                    ck_assert_msg(*s != '"', "a quote in an unquoted field");
                    v[n++] = *s++;
                }
            }
            v[n] = '\0';
            d->f[r][d->ncols[r]++] = v;
            if (*s == ',') {
                s++;
                continue;
            }
            if (*s == '\r') s++;
            ck_assert_msg(*s == '\n' || *s == '\0', "junk after a field");
            if (*s) s++;
            break;
        }
    }
    return d;
}

static void csv_free(csv_doc *d)
{
    for (int r = 0; r < d->nrows; r++)
        for (int c = 0; c < d->ncols[r]; c++) free(d->f[r][c]);
    free(d);
}

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

/* ---- HTML ---- */

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

/* ---- CSV, JSON, CSL-JSON ---- */

static char *file_bytes(const char *path, long long start, long long end)
{
    size_t len;
    char *all = tu_read_file(path, &len);
    ck_assert(start >= 0 && start <= end && (size_t)end <= len);
    char *s = strndup(all + start, (size_t)(end - start));
    free(all);
    return s;
}

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

/* ---- -o ---- */

START_TEST(test_output_file)
{
    ingest("tests/fixtures/export");
    char out[600], link[600], target[600];
    snprintf(out, sizeof out, "%s/report.md", dir);
    snprintf(link, sizeof link, "%s/link.md", dir);
    snprintf(target, sizeof target, "%s/target.txt", dir);
    mode_t old = umask(027);
    tu_out o = KB("export", "-o", out);
    umask(old);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(o.out_len, 0);
    tu_out_free(&o);
    struct stat sb;
    ck_assert_int_eq(lstat(out, &sb), 0);
    ck_assert(S_ISREG(sb.st_mode));
    ck_assert_int_eq(sb.st_mode & 0777, 0640);   /* 0666 & ~umask */
    char *md = EXPORT("--format", "md");
    char *written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, md);
    free(written);

    /* an existing file: refused, untouched */
    tu_write_file(out, "keep me\n", 8);
    o = KB("export", "--format", "html", "-o", out);
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "exists"));
    tu_out_free(&o);
    written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, "keep me\n");
    free(written);
    /* --force replaces it */
    o = KB("export", "--output", out, "--force");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, md);
    free(written);

    /* a symbolic link: never written through, even with --force */
    tu_write_file(target, "target\n", 7);
    ck_assert_int_eq(symlink(target, link), 0);
    const char *forces[] = {NULL, "--force"};
    for (int i = 0; i < 2; i++) {
        o = forces[i] ? KB("export", "-o", link, (char *)forces[i]) : KB("export", "-o", link);
        ck_assert_int_eq(o.status, 1);
        ck_assert_ptr_nonnull(strstr(o.err, "symbolic link"));
        tu_out_free(&o);
        written = tu_read_file(target, NULL);
        ck_assert_str_eq(written, "target\n");
        free(written);
        ck_assert_int_eq(lstat(link, &sb), 0);
        ck_assert(S_ISLNK(sb.st_mode));
    }
    /* a dangling link: its target is not created */
    char dangling[600], nowhere[600];
    snprintf(dangling, sizeof dangling, "%s/dangling.md", dir);
    snprintf(nowhere, sizeof nowhere, "%s/nowhere.md", dir);
    ck_assert_int_eq(symlink(nowhere, dangling), 0);
    o = KB("export", "-o", dangling, "--force");
    ck_assert_int_eq(o.status, 1);
    tu_out_free(&o);
    ck_assert_int_ne(access(nowhere, F_OK), 0);
    /* a directory is not a file to replace, nor is the database */
    o = KB("export", "-o", dir, "--force");
    ck_assert_int_eq(o.status, 1);
    tu_out_free(&o);
    struct stat before;
    ck_assert_int_eq(stat(db, &before), 0);
    o = KB("export", "-o", db, "--force");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "database"));
    tu_out_free(&o);
    ck_assert_int_eq(stat(db, &sb), 0);
    ck_assert_int_eq(sb.st_size, before.st_size);
    /* "-" is standard output */
    o = KB("export", "-o", "-");
    ck_assert_int_eq(o.status, 0);
    ck_assert_str_eq(o.out, md);
    tu_out_free(&o);
    free(md);
}
END_TEST

/* ---- determinism ---- */

START_TEST(test_deterministic)
{
    ingest("corpus");
    static const char *formats[] = {"md", "html", "json", "csv"};
    for (size_t i = 0; i < 4; i++) {
        char *a = EXPORT("--format", (char *)formats[i]);
        char *b = EXPORT("--format", (char *)formats[i]);
        ck_assert_msg(strcmp(a, b) == 0, "%s differs between runs", formats[i]);
        free(a);
        free(b);
    }
    /* a second database of the same articles, ingested later: same bytes */
    char *first = EXPORT("--format", "json");
    char *csl = EXPORT("--sources", "csl-json");
    sleep(1);   /* a different ingested_at */
    snprintf(db, sizeof db, "%s/again.db", dir);
    ingest("corpus");
    char *second = EXPORT("--format", "json");
    char *csl2 = EXPORT("--sources", "csl-json");
    ck_assert_str_eq(first, second);
    ck_assert_str_eq(csl, csl2);
    free(first);
    free(second);
    free(csl);
    free(csl2);
}
END_TEST

/* ---- Markdown citations quote their files ---- */

/* Undo export_md_text: a backslash escapes the next byte. */
static char *md_unescape(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) i++;
        o[k++] = s[i];
    }
    o[k] = '\0';
    return o;
}

START_TEST(test_md_citations_match_files)
{
    ingest("corpus");
    char *md = EXPORT("--format", "md");
    ck_assert_ptr_nonnull(strstr(md, "\n## Sources\n"));
    ck_assert_ptr_nonnull(strstr(md, "### Agreed"));
    ck_assert_ptr_nonnull(strstr(md, "### Disputed"));
    ck_assert_ptr_nonnull(strstr(md, "### Figures"));
    /* the source list: number -> path */
    char *paths[16] = {NULL};
    for (const char *p = strstr(md, "<a id=\"src-"); p; p = strstr(p + 1, "<a id=\"src-")) {
        int n = atoi(p + 11);
        ck_assert(n >= 1 && n < 16);
        const char *f = strstr(p, "File: `");
        ck_assert_ptr_nonnull(f);
        const char *e = strchr(f + 7, '`');
        paths[n] = strndup(f + 7, (size_t)(e - f - 7));
    }
    size_t checked = 0;
    const char *open = "\xe2\x80\x9c", *close = "\xe2\x80\x9d [[";
    for (const char *line = md; *line;) {
        const char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        char *l = strndup(line, len);
        /* a quote line: - [(gist) ]“text” [[n: start–end]](#src-n) */
        char *q = strncmp(l, "- ", 2) == 0 ? strstr(l, open) : NULL;
        char *c = q ? strstr(l, close) : NULL;
        if (q && c) {
            int n;
            long long start, end;
            char dash[4] = {0}, anchor[32];
            ck_assert_msg(sscanf(c + 6, "%d: %lld%3c%lld]](#%31[^)])", &n, &start, dash, &end, anchor) == 5,
                          "bad citation: %s", c);
            ck_assert_str_eq(dash, "\xe2\x80\x93");
            char want_anchor[32];
            snprintf(want_anchor, sizeof want_anchor, "src-%d", n);
            ck_assert_str_eq(anchor, want_anchor);
            ck_assert_ptr_nonnull(paths[n]);
            char *quoted = md_unescape(q + 3, (size_t)(c - q - 3));
            char *bytes = file_bytes(paths[n], start, end);
            for (char *b = bytes; *b; b++)
                if (*b == '\n' || *b == '\r' || *b == '\t') *b = ' ';
            ck_assert_msg(strcmp(quoted, bytes) == 0, "[%d: %lld-%lld]\n quoted: %s\n file:   %s", n, start, end,
                          quoted, bytes);
            free(quoted);
            free(bytes);
            checked++;
        }
        free(l);
        line += len + (eol ? 1 : 0);
    }
    ck_assert_uint_gt(checked, 50);
    for (int i = 0; i < 16; i++) free(paths[i]);
    /* a dispute's side is labelled with its position and sources,
     * quotes one claim per source and counts the rest */
    ck_assert_ptr_nonnull(strstr(md, "Side a (no, without qualification: 1 source)"));
    ck_assert_ptr_nonnull(strstr(md, "more claims on this side (all in `--format json` or `csv`)"));
    /* the disputes at a glance, before the sections, each linked */
    const char *glance = strstr(md, "**Where the sources disagree:**");
    ck_assert_ptr_nonnull(glance);
    ck_assert(glance < strstr(md, "\n## "));
    const char *pypi = strstr(md, "What is Python's package count? \xe2\x80\x94 compatible (800,000+: 1 source; 450,000+: 1 source)");
    ck_assert_ptr_nonnull(pypi);
    ck_assert(pypi < strstr(md, "\n## "));
    free(md);
}
END_TEST

/* ---- options ---- */

START_TEST(test_usage_and_filters)
{
    ingest("tests/fixtures/export");
    tu_out o = KB("export", "--format", "pdf");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--sources", "bibtex");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--sources", "csl-json", "--format", "md");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--format", "csl-json");
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "--sources csl-json"));
    tu_out_free(&o);
    o = KB("export", "--subject", "cobol");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "stray");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--help");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "usage: kb export"));
    tu_out_free(&o);
    /* aliases resolve; only that part is written */
    char *md = EXPORT("--subject", "python", "--dimension", "performance");
    ck_assert_ptr_nonnull(strstr(md, "# Python: what 2 sources say about performance\n"));
    ck_assert_ptr_nonnull(strstr(md, "\n## Performance\n"));
    ck_assert_ptr_null(strstr(md, "\n## History\n"));
    ck_assert_ptr_nonnull(strstr(md, "\n## Sources\n"));
    free(md);
    md = EXPORT("--subject", "nodejs");
    ck_assert_ptr_nonnull(strstr(md, "Nothing to report"));
    free(md);
}
END_TEST

static Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("escaping");
    tcase_add_test(tc, test_html_text);
    tcase_add_test(tc, test_md_text);
    tcase_add_test(tc, test_csv_field_round_trip);
    tcase_add_test(tc, test_csv_formula_guard);
    tcase_add_test(tc, test_url_is_web);
    suite_add_tcase(s, tc);
    tc = tcase_create("kb export");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_html_hostile_article);
    tcase_add_test(tc, test_html_hostile_links);
    tcase_add_test(tc, test_html_anchors);
    tcase_add_test(tc, test_csv_export);
    tcase_add_test(tc, test_csv_export_formula_title);
    tcase_add_test(tc, test_json_export);
    tcase_add_test(tc, test_csl_json);
    tcase_add_test(tc, test_output_file);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_md_citations_match_files);
    tcase_add_test(tc, test_usage_and_filters);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(export_suite());
}
