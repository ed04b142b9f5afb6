/*
 * check_cli.c - kb end to end, as a user runs it: the acceptance points
 * of the foundation (search over the corpus, aliases, apostrophes,
 * hostile queries, re-ingest, the stock sqlite3 shell, an HTML page
 * saved from the web), exit codes and the JSON contract.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char *dir;
static char db[512];

#define KB(in, ...) tu_kb(in, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(db, sizeof db, "%s/kb.db", dir);
}

static void teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}

static void ingest_corpus(void)
{
    tu_out o = KB(NULL, "ingest", "corpus");
    ck_assert_msg(o.status == 0, "ingest failed: %s", o.err);
    ck_assert_ptr_nonnull(strstr(o.err, "5 added"));
    tu_out_free(&o);
}

/* Evaluate SQL over a JSON document with SQLite's JSON functions. */
static long long json_int_of(const char *doc, const char *sql)
{
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(mem, sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(mem));
    sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(mem);
    return v;
}

static long long distinct_sources(const char *doc)
{
    return json_int_of(doc, "SELECT count(DISTINCT json_extract(value, '$.source')) "
                            "FROM json_each(json_extract(?1, '$.results'))");
}

static long long nresults(const char *doc)
{
    return json_int_of(doc, "SELECT json_array_length(json_extract(?1, '$.results'))");
}

START_TEST(test_help_and_usage)
{
    const char *cmds[] = {"init", "ingest", "remove", "sources", "show", "search"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        tu_out o = tu_kb(NULL, (char *const[]){"kb", (char *)cmds[i], "--help", NULL});
        ck_assert_int_eq(o.status, 0);
        ck_assert_msg(strstr(o.out, "usage: kb ") != NULL, "%s --help: %s", cmds[i], o.out);
        tu_out_free(&o);
    }
    tu_out o = tu_kb(NULL, (char *const[]){"kb", "--help", NULL});
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "search"));
    tu_out_free(&o);
    o = tu_kb(NULL, (char *const[]){"kb", "frobnicate", NULL});
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "not a command"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--limit", "zero", "x");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB(NULL, "ingest");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    /* no database yet: a clear error, not a new empty file */
    o = KB(NULL, "search", "GIL");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "no such database"));
    ck_assert_int_ne(access(db, F_OK), 0);
    tu_out_free(&o);
}
END_TEST

START_TEST(test_search_acceptance)
{
    ingest_corpus();
    /* GIL: hits from at least three of the five articles */
    tu_out o = KB(NULL, "search", "--json", "--limit", "50", "GIL");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_ge(distinct_sources(o.out), 3);
    tu_out_free(&o);
    /* nodejs finds text written "Node.js" */
    o = KB(NULL, "search", "--json", "--limit", "100", "nodejs");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_gt(json_int_of(o.out, "SELECT count(*) FROM json_each(json_extract(?1, '$.results')) "
                                        "WHERE json_extract(value, '$.text') LIKE '%Node.js%'"),
                     0);
    tu_out_free(&o);
    /* the typographic and the ASCII apostrophe give the same hits */
    tu_out a = KB(NULL, "search", "--json", "--limit", "100", "python’s syntax");
    tu_out b = KB(NULL, "search", "--json", "--limit", "100", "python's syntax");
    ck_assert_int_eq(a.status, 0);
    ck_assert_int_gt(nresults(a.out), 0);
    /* the documents differ only in the echoed query */
    long long ia = json_int_of(a.out, "SELECT sum(json_extract(value, '$.id')) FROM json_each(json_extract(?1, '$.results'))");
    long long ib = json_int_of(b.out, "SELECT sum(json_extract(value, '$.id')) FROM json_each(json_extract(?1, '$.results'))");
    ck_assert_int_eq(ia, ib);
    ck_assert_int_eq(nresults(a.out), nresults(b.out));
    tu_out_free(&a);
    tu_out_free(&b);
}
END_TEST

/* The JSON contract: text is exactly bytes start..end of the file. */
START_TEST(test_json_offsets)
{
    ingest_corpus();
    tu_out o = KB(NULL, "search", "--json", "--limit", "30", "packages");
    ck_assert_int_eq(o.status, 0);
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(mem,
                                        "SELECT json_extract(value, '$.source'), json_extract(value, '$.start'), "
                                        "json_extract(value, '$.end'), json_extract(value, '$.text'), "
                                        "json_extract(value, '$.rank'), json_extract(value, '$.title') "
                                        "FROM json_each(json_extract(?1, '$.results'))",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, o.out, -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        n++;
        size_t flen;
        char *file = tu_read_file((const char *)sqlite3_column_text(s, 0), &flen);
        long long st = sqlite3_column_int64(s, 1), en = sqlite3_column_int64(s, 2);
        const char *text = (const char *)sqlite3_column_text(s, 3);
        ck_assert(st >= 0 && en <= (long long)flen && st < en);
        ck_assert_int_eq((long long)strlen(text), en - st);
        ck_assert_int_eq(memcmp(file + st, text, (size_t)(en - st)), 0);
        ck_assert(sqlite3_column_double(s, 4) < 0);
        ck_assert_ptr_nonnull(sqlite3_column_text(s, 5));
        free(file);
    }
    ck_assert_int_gt(n, 3);
    sqlite3_finalize(s);
    sqlite3_close(mem);
    tu_out_free(&o);
    /* text output: highlighted word and a citation line with path:start-end */
    o = KB(NULL, "search", "--color", "never", "--limit", "2", "GIL");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "**GIL**"));
    ck_assert_ptr_nonnull(strstr(o.out, "corpus/"));
    tu_out_free(&o);
}
END_TEST

static const char *const hostile[] = {
    "\"unbalanced", "((", "NEAR(", "-", "*", ":", "AND OR NOT", "\"\"", "NEAR(a b, 5)", "a:b",
    "^start", "x OR", "'", "col:python", "python*", "{a b}", ")", "+", "NOT python", "",
};

START_TEST(test_hostile_queries)
{
    ingest_corpus();
    char *const *q = (char *const *)hostile;
    size_t n = sizeof hostile / sizeof *hostile;
    for (size_t i = 0; i < n + 2; i++) {
        char big[10241];
        char *arg;
        if (i < n) {
            arg = q[i];
        } else if (i == n) {
            /* 10 kB of text */
            for (size_t k = 0; k < sizeof big - 1; k++) big[k] = "python node GIL \"( -*"[k % 21];
            big[sizeof big - 1] = '\0';
            arg = big;
        } else {
            arg = "bad \xff\xfe utf8";
        }
        tu_out o = KB(NULL, "search", arg);
        ck_assert_msg(o.status == 0 || o.status == 2, "query %zu: exit %d: %s", i, o.status, o.err);
        ck_assert_msg(tu_lines(o.err) <= 1, "query %zu: more than one line on stderr: %s", i, o.err);
        ck_assert_msg(strstr(o.err, "SQL") == NULL && strstr(o.err, "sqlite") == NULL, "query %zu: %s", i,
                      o.err);
        tu_out_free(&o);
    }
    /* --fts passes syntax, and turns a syntax error into one line, exit 2 */
    tu_out o = KB(NULL, "search", "--fts", "gil AND (python OR cpython)");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "GIL"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--fts", "NEAR(");
    ck_assert_int_eq(o.status, 2);
    ck_assert_uint_eq(tu_lines(o.err), 1);
    ck_assert_ptr_nonnull(strstr(o.err, "syntax error"));
    tu_out_free(&o);
}
END_TEST

START_TEST(test_reingest_and_remove)
{
    ingest_corpus();
    tu_out o = KB(NULL, "ingest", "corpus");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "0 added, 0 replaced, 5 unchanged"));
    tu_out_free(&o);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_array_length(json_extract(?1, '$.sources'))"), 5);
    tu_out_free(&o);
    /* show prints a text source byte for byte */
    o = KB(NULL, "show", "000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    size_t flen;
    char *file = tu_read_file("corpus/000_8ce771bb35dfdba8.txt", &flen);
    ck_assert_uint_eq(o.out_len, flen);
    ck_assert_int_eq(memcmp(o.out, file, flen), 0);
    free(file);
    tu_out_free(&o);
    o = KB(NULL, "remove", "corpus/000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    o = KB(NULL, "remove", "no-such-source");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "no-such-source"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--json", "--limit", "100", "Hostinger");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_eq(nresults(o.out), 0);
    tu_out_free(&o);
    o = KB(NULL, "ingest", "corpus");
    ck_assert_ptr_nonnull(strstr(o.err, "1 added, 0 replaced, 4 unchanged"));
    tu_out_free(&o);
}
END_TEST

/* The stock sqlite3 shell, with no kb code loaded, can MATCH. */
START_TEST(test_stock_sqlite3_shell)
{
    ingest_corpus();
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' \"SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'gil'\" > '%s/out' 2>&1",
             db, dir);
    int rc = system(cmd);
    char outp[600];
    snprintf(outp, sizeof outp, "%s/out", dir);
    char *out = tu_read_file(outp, NULL);
    ck_assert_msg(rc == 0, "sqlite3 shell failed: %s", out);
    ck_assert_msg(atoi(out) >= 3, "sqlite3 shell found %s", out);
    free(out);
    /* and the library, opened read-only as another client would */
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(h,
                                        "SELECT u.text FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid "
                                        "WHERE unit_fts MATCH 'multithreading' ORDER BY rank",
                                        -1, &s, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    sqlite3_finalize(s);
    sqlite3_close(h);
}
END_TEST

START_TEST(test_html_page)
{
    tu_out o = KB(NULL, "ingest", "tests/fixtures/html/article.html");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_extract(?1, '$.sources[0].title') IS NOT NULL AND "
                                        "json_extract(?1, '$.sources[0].author') IS NOT NULL AND "
                                        "json_extract(?1, '$.sources[0].date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"),
                     1);
    tu_out_free(&o);
    o = KB(NULL, "show", "article.html");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_null(strstr(o.out, "<script"));
    ck_assert_ptr_null(strstr(o.out, "function("));
    ck_assert_ptr_null(strstr(o.out, "cookie"));
    tu_out_free(&o);
}
END_TEST

START_TEST(test_stdin_and_exit_codes)
{
    tu_out o = KB("# From stdin\n\nPiped text about asyncio.\n", "ingest", "-");
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "--name"));
    tu_out_free(&o);
    o = KB("# From stdin\n\nPiped text about asyncio.\n", "ingest", "--name", "piped.md", "-");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    o = KB(NULL, "search", "--json", "asyncio");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_extract(?1, '$.results[0].source') = 'piped.md'"), 1);
    tu_out_free(&o);
    /* one bad file among good ones: reported by name, exit 1, good ones stored */
    char bad[600];
    snprintf(bad, sizeof bad, "%s/bad.txt", dir);
    tu_write_file(bad, "\xc3\x28 invalid\n", 10);
    o = KB(NULL, "ingest", bad, "corpus");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "bad.txt: "));
    ck_assert_ptr_nonnull(strstr(o.err, "5 added"));
    tu_out_free(&o);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_help_and_usage);
    tcase_add_test(tc, test_search_acceptance);
    tcase_add_test(tc, test_json_offsets);
    tcase_add_test(tc, test_hostile_queries);
    tcase_add_test(tc, test_reingest_and_remove);
    tcase_add_test(tc, test_stock_sqlite3_shell);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_stdin_and_exit_codes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cli_suite());
}
