/*
 * check_cmd_search.c - `kb search` end to end (cmd_search.c): the
 * acceptance points of the foundation over the corpus (hits from several
 * articles, aliases, apostrophes), the JSON contract (text is exactly
 * bytes start..end of the file) and the text output, hostile queries,
 * queries over the limits, and the stock sqlite3 shell matching kb's
 * index with no kb code loaded.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tucli.h"

static long long distinct_sources(const char *doc)
{
    return json_int_of(doc, "SELECT count(DISTINCT json_extract(value, '$.source')) "
                            "FROM json_each(json_extract(?1, '$.results'))");
}

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

/* A query over the limits of query.h is a usage error naming the limit,
 * with nothing on stdout; the same word 2,000 times is one term. */
START_TEST(test_query_limits)
{
    ingest_corpus();
    static char big[16400], many[8000], rep[14001], fts[1000];
    memset(big, 'a', sizeof big - 1);
    size_t n = 0;
    for (int i = 0; i <= 1000; i++) n += (size_t)snprintf(many + n, sizeof many - n, "w%d ", i);
    for (size_t i = 0; i + 7 < sizeof rep; i += 7) memcpy(rep + i, "python ", 7);
    n = 0;
    for (int i = 0; i <= 100; i++) n += (size_t)snprintf(fts + n, sizeof fts - n, "%s ", i % 2 ? "OR" : "gil");
    static const struct {
        int raw;
        const char *q, *msg;
    } cases[] = {
        {0, big, "kb search: query is too long: 16399 bytes (at most 16384)\n"},
        {1, big, "kb search: query is too long: 16399 bytes (at most 16384)\n"},
        {0, many, "kb search: query has too many terms: more than 1000 different words and phrases "
                  "(each name of an alias counts)\n"},
        {1, fts, "kb search: FTS5 query has too many terms: more than 100 words\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tu_out o = cases[i].raw ? KB(NULL, "search", "--fts", (char *)cases[i].q)
                                : KB(NULL, "search", (char *)cases[i].q);
        ck_assert_msg(o.status == 2, "case %zu: exit %d", i, o.status);
        ck_assert_str_eq(o.err, cases[i].msg);
        ck_assert_uint_eq(o.out_len, 0);
        tu_out_free(&o);
    }
    tu_out o = KB(NULL, "search", "--explain", rep);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "FTS5 query: (\"python\" OR \"python3\" OR \"python 3\" OR \"cpython\" OR \"py\")\n"));
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

static Suite *cmd_search_suite(void)
{
    Suite *s = suite_create("cmd_search");
    TCase *tc = tcase_create("cmd_search");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_search_acceptance);
    tcase_add_test(tc, test_json_offsets);
    tcase_add_test(tc, test_hostile_queries);
    tcase_add_test(tc, test_query_limits);
    tcase_add_test(tc, test_stock_sqlite3_shell);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cmd_search_suite());
}
