/*
 * check_ingest.c - a run of the ingest (ingest.c), from paths to stored
 * sources: the corpus and its sidecar, unchanged and changed files, bad
 * files in a batch, paths cleaned.  Its parts: check_ingest_build.c,
 * check_ingest_inputs.c, check_ingest_pool.c; the writer, through the
 * built kb: check_ingest_write.c.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest.h"
#include "testutil.h"
#include "tuingest.h"

START_TEST(test_corpus_and_reingest)
{
    const char *p[] = {"corpus"};
    ingest_stats s = run(p, 1, 0);
    ck_assert_msg(fails[0] == '\0', "%s", fails);
    ck_assert_uint_eq(s.added, 5);
    ck_assert_uint_eq(s.failed, 0);
    ck_assert_uint_eq(s.skipped, 1); /* kb-sources.tsv is not an article */
    long long units = q_int("SELECT count(*) FROM unit");
    ck_assert_int_gt(units, 400);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE 'corpus/0%.txt'"), 5);
    /* the sidecar gave the metadata */
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE date = '2026-05-08' AND author = 'Alma' "
                           "AND site = 'Hostinger' AND date_basis = 'sidecar'"), 1);
    /* for text files a unit's text is exactly its bytes of the file */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit u JOIN source_text t ON t.source_id = u.source_id "
                           "WHERE CAST(substr(CAST(t.body AS BLOB), u.byte_start + 1, u.byte_end - u.byte_start) AS TEXT) != u.text"),
                     0);
    long long maxid = q_int("SELECT max(id) FROM unit");
    s = run(p, 1, 0);
    ck_assert_uint_eq(s.unchanged, 5);
    ck_assert_uint_eq(s.added + s.replaced, 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit"), units);
    ck_assert_int_eq(q_int("SELECT max(id) FROM unit"), maxid);
    /* --force re-reads everything but the counts stay */
    s = run(p, 1, 1);
    ck_assert_uint_eq(s.replaced, 5);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit"), units);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 5);
}
END_TEST

START_TEST(test_changed_file_replaces_only_it)
{
    char a[600], b[600];
    path_in(a, sizeof a, "a.txt");
    path_in(b, sizeof b, "b.md");
    tu_write_file(a, "First line here.\nSecond paragraph about Python.\n", 48);
    tu_write_file(b, "# Head\n\nSome text about Node.js.\n", 33);
    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 2);
    char *b_units_before = q_text("SELECT group_concat(id) FROM unit WHERE source_id = "
                                  "(SELECT id FROM source WHERE path LIKE '%b.md')");
    tu_write_file(a, "Changed text entirely.\n", 23);
    s = run(p, 1, 0);
    ck_assert_uint_eq(s.replaced, 1);
    ck_assert_uint_eq(s.unchanged, 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'python'"), 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'changed'"), 1);
    /* b's units were not touched: the same rows, the same ids */
    char *b_units_after = q_text("SELECT group_concat(id) FROM unit WHERE source_id = "
                                 "(SELECT id FROM source WHERE path LIKE '%b.md')");
    ck_assert_str_eq(b_units_after, b_units_before);
    ck_assert_uint_gt(strlen(b_units_after), 0);
    free(b_units_before);
    free(b_units_after);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 2);
}
END_TEST

START_TEST(test_bad_files_do_not_stop_the_batch)
{
    char p1[600], p2[600], p3[600], p4[600], p5[600], loopdir[600], link[700], broken[600];
    path_in(p1, sizeof p1, "good.txt");
    path_in(p2, sizeof p2, "badutf8.txt");
    path_in(p3, sizeof p3, "nul.txt");
    path_in(p4, sizeof p4, "empty.txt");
    path_in(p5, sizeof p5, "dir with space é");
    tu_write_file(p1, "A good article about the GIL.\n", 30);
    tu_write_file(p2, "bad \xff\xfe bytes\n", 12);
    tu_write_file(p3, "nul \0 byte\n", 11);
    tu_write_file(p4, "", 0);
    ck_assert_int_eq(mkdir(p5, 0755), 0);
    char p6[700];
    snprintf(p6, sizeof p6, "%s/naïve name.md", p5);
    tu_write_file(p6, "# Title\n\nText in a path with spaces.\n", 37);
    path_in(loopdir, sizeof loopdir, "loop");
    ck_assert_int_eq(mkdir(loopdir, 0755), 0);
    snprintf(link, sizeof link, "%s/self", loopdir);
    ck_assert_int_eq(symlink("..", link), 0);
    path_in(broken, sizeof broken, "broken.txt");
    ck_assert_int_eq(symlink("nowhere.txt", broken), 0);

    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_msg(strstr(fails, "badutf8.txt: ") && strstr(fails, "UTF-8"), "%s", fails);
    ck_assert_msg(strstr(fails, "nul.txt: ") && strstr(fails, "NUL"), "%s", fails);
    ck_assert_msg(strstr(fails, "empty.txt: empty file"), "%s", fails);
    ck_assert_msg(strstr(fails, "broken.txt: broken symbolic link"), "%s", fails);
    ck_assert_msg(strstr(fails, "loop"), "%s", fails);
    ck_assert_uint_eq(s.failed, 5);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%naïve name.md'"), 1);
    /* nothing of a failed file is stored */
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%nul.txt' OR path LIKE '%badutf8.txt'"), 0);
    /* an explicitly named missing file */
    fails[0] = '\0';
    char missing[600];
    path_in(missing, sizeof missing, "missing.txt");
    const char *q[] = {missing};
    s = run(q, 1, 0);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_msg(strstr(fails, "No such file"), "%s", fails);
    if (geteuid() != 0) {
        /* unreadable (root reads anything, so only checked as a user) */
        fails[0] = '\0';
        ck_assert_int_eq(chmod(p1, 0), 0);
        const char *r[] = {p1};
        s = run(r, 1, 1);
        ck_assert_msg(strstr(fails, "Permission denied"), "%s", fails);
    }
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 2);
}
END_TEST

static const struct {
    const char *in, *out;
} clean_cases[] = {
    {"./a//b/", "a/b"}, {"a/b", "a/b"}, {"././x", "x"}, {"/abs//p/", "/abs/p"}, {"./", "."}, {"/", "/"},
};

START_TEST(test_clean_path)
{
    char *c = ingest_clean_path(clean_cases[_i].in);
    ck_assert_str_eq(c, clean_cases[_i].out);
    free(c);
}
END_TEST

static Suite *ingest_suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("ingest");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_corpus_and_reingest);
    tcase_add_test(tc, test_changed_file_replaces_only_it);
    tcase_add_test(tc, test_bad_files_do_not_stop_the_batch);
    suite_add_tcase(s, tc);
    tc = tcase_create("paths");
    tcase_add_loop_test(tc, test_clean_path, 0, (int)(sizeof clean_cases / sizeof *clean_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(ingest_suite());
}
