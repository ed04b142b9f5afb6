/*
 * check_ingest_pool.c - the pipeline (ingest_pool.c): worker threads and
 * one writer give what one thread does (the same rows and ids, the same
 * failure lines in the same order, the same counts), and a file named
 * again in its own batch is replaced there with the index kept whole.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "tuingest.h"

/* Everything a database holds but the ingest times, as one string:
 * two ingests that did the same thing give the same string. */
static char *digest(store *h)
{
    static const char *const q[] = {
        "SELECT id, path, format, title, site, author, date, date_basis, url, hash, size FROM source ORDER BY id",
        "SELECT * FROM source_text ORDER BY source_id",
        "SELECT * FROM unit ORDER BY id",
        "SELECT * FROM claim ORDER BY id",
        "SELECT * FROM claim_subject ORDER BY claim_id, subject",
        "SELECT * FROM claim_dimension ORDER BY claim_id, dimension",
        "SELECT * FROM claim_quantity ORDER BY id",
        "SELECT * FROM claim_stance ORDER BY claim_id, subject, dimension",
        "SELECT rowid FROM unit_fts WHERE unit_fts MATCH 'python OR node OR gil' ORDER BY rowid",
    };
    buf b = BUF_INIT;
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        sqlite3_stmt *s;
        ck_assert_int_eq(sqlite3_prepare_v2(store_db(h), q[i], -1, &s, NULL), SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); c++) {
                const unsigned char *v = sqlite3_column_text(s, c);
                buf_adds(&b, v ? (const char *)v : "NULL");
                buf_addc(&b, '|');
            }
            buf_addc(&b, '\n');
        }
        sqlite3_finalize(s);
    }
    char *msg = NULL;
    ck_assert_msg(sqlite3_exec(store_db(h), "INSERT INTO unit_fts(unit_fts, rank) VALUES ('integrity-check', 1)",
                               NULL, NULL, &msg) == SQLITE_OK, "FTS5 integrity-check: %s", msg ? msg : "");
    return buf_detach(&b, NULL);
}

static void same_stats(const ingest_stats *a, const ingest_stats *b)
{
    ck_assert_uint_eq(a->added, b->added);
    ck_assert_uint_eq(a->replaced, b->replaced);
    ck_assert_uint_eq(a->unchanged, b->unchanged);
    ck_assert_uint_eq(a->failed, b->failed);
    ck_assert_uint_eq(a->skipped, b->skipped);
    ck_assert_uint_eq(a->units, b->units);
    ck_assert_uint_eq(a->claims, b->claims);
}

/* Good files, bad ones between them, walk failures, a file named twice:
 * one thread and several give the same rows (same ids), the same
 * failure lines in the same order, the same counts; and again so when
 * every file is replaced (--force) and when none has changed. */
START_TEST(test_jobs_same_result)
{
    char bad1[600], bad2[600], good[600], missing[600], sub[600], sub_bad[700];
    path_in(bad1, sizeof bad1, "bad1.txt");
    path_in(bad2, sizeof bad2, "bad2.html");
    path_in(good, sizeof good, "good.md");
    path_in(missing, sizeof missing, "missing.txt");
    path_in(sub, sizeof sub, "sub");
    tu_write_file(bad1, "bad \xff bytes\n", 11);
    tu_write_file(bad2, "", 0);
    tu_write_file(good, "# Python\n\nPython is slower than Node.js for I/O. It has a GIL.\n", 63);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    snprintf(sub_bad, sizeof sub_bad, "%s/nul.txt", sub);
    tu_write_file(sub_bad, "nul \0 byte\n", 11);
    char sub_good[700];
    snprintf(sub_good, sizeof sub_good, "%s/ok.txt", sub);
    tu_write_file(sub_good, "Node.js has a huge package ecosystem with over 2 million packages.\n", 67);
    const char *paths[] = {"corpus/000_8ce771bb35dfdba8.txt", bad1, "corpus", bad2, missing, good, sub,
                           "corpus/003_72c39c36c8b34020.txt"};
    size_t n = sizeof paths / sizeof *paths;
    char db2[600];
    snprintf(db2, sizeof db2, "%s/.t2.db", dir);
    store *st2 = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(db2, 1, &st2, &err), KB_OK);
    for (int force = 0; force < 2; force++) {
        for (int pass = 0; pass < (force ? 1 : 2); pass++) {
            ingest_stats a = run_jobs(st, paths, n, 1, force);
            char *fa = strdup(fails);
            ingest_stats b = run_jobs(st2, paths, n, 3, force);
            ck_assert_str_eq(fails, fa);
            same_stats(&a, &b);
            char *da = digest(st), *dbb = digest(st2);
            ck_assert_msg(strcmp(da, dbb) == 0, "the databases differ (force %d, pass %d)", force, pass);
            free(da);
            free(dbb);
            free(fa);
            if (!force && pass == 0) {
                /* the failures, in the order of the paths */
                ck_assert_msg(strstr(fails, "bad1.txt: invalid UTF-8") < strstr(fails, "bad2.html: empty file") &&
                                  strstr(fails, "bad2.html: empty file") < strstr(fails, "missing.txt: No such file") &&
                                  strstr(fails, "missing.txt: No such file") < strstr(fails, "nul.txt: contains a NUL"),
                              "%s", fails);
                ck_assert_uint_eq(b.failed, 4);
                ck_assert_uint_gt(b.claims, 0);
                /* corpus/000 came first, corpus/003 again: unchanged */
                ck_assert_int_eq(q_int("SELECT id FROM source WHERE path = 'corpus/000_8ce771bb35dfdba8.txt'"), 1);
                ck_assert_uint_eq(b.unchanged, 2);
            }
            if (!force && pass == 1) ck_assert_uint_eq(b.added + b.replaced, 0);
            if (force) {
                ck_assert_uint_eq(b.added, 0);
                /* every source replaced, claims and tags rebuilt: no
                 * row of the old ones is left behind (kb deletes them
                 * itself: foreign keys are off) */
                ck_assert_int_eq(q_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
                ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject"), 0);
                ck_assert_int_eq(q_int("SELECT count(*) FROM claim_subject WHERE claim_id NOT IN (SELECT id FROM claim)"), 0);
            }
        }
    }
    store_close(st2);
}
END_TEST

/* The same file twice in one batch with --force: the second replaces
 * the first before the batch is indexed, and the index stays whole. */
START_TEST(test_replaced_in_its_own_batch)
{
    char p[600];
    path_in(p, sizeof p, "twice.txt");
    tu_write_file(p, "Python has a GIL.\n\nNode.js has an event loop.\n", 46);
    const char *paths[] = {p, p, p};
    for (int jobs = 1; jobs <= 2; jobs++) {
        ingest_stats s = run_jobs(st, paths, 3, jobs, 1);
        ck_assert_str_eq(fails, "");
        ck_assert_uint_eq(s.added + s.replaced, 3);
        ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 1);
        free(digest(st));   /* runs FTS5's integrity-check */
        ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'gil'"), 1);
    }
}
END_TEST

static Suite *ingest_pool_suite(void)
{
    Suite *s = suite_create("ingest_pool");
    TCase *tc = tcase_create("ingest_pool");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_jobs_same_result);
    tcase_add_test(tc, test_replaced_in_its_own_batch);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(ingest_pool_suite());
}
