/*
 * check_sidecar.c - reading kb-sources.tsv: header-named columns,
 * comments, dates normalized, and errors that name the line.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sidecar.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_parse)
{
    const char *tsv = "# comment\n"
                      "\n"
                      "date\tfile\tauthor\textra\ttitle\r\n"
                      "May 08, 2026\ta.txt\tAlma\tignored\tA title\r\n"
                      "\tb.md\t\t\t\n";
    sidecar s;
    char *err = NULL;
    ck_assert_int_eq(sidecar_parse(tsv, strlen(tsv), "x.tsv", &s, &err), KB_OK);
    ck_assert_uint_eq(s.n, 2);
    const sidecar_entry *a = sidecar_find(&s, "a.txt");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->date, "2026-05-08");
    ck_assert_str_eq(a->author, "Alma");
    ck_assert_str_eq(a->title, "A title");
    ck_assert_ptr_null(a->site);
    const sidecar_entry *b = sidecar_find(&s, "b.md");
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_null(b->title);
    ck_assert_ptr_null(b->date);
    ck_assert_ptr_null(sidecar_find(&s, "c.txt"));
    sidecar_free(&s);
}
END_TEST

static const struct {
    const char *tsv;
    const char *needle;
} bad[] = {
    {"title\tdate\nx\t2020-01-01\n", "line 1: the header must name a 'file'"},
    {"file\tdate\na.txt\tsoon\n", "line 2: 'soon' is not a date"},
    {"file\ttitle\n\tno name\n", "line 2: no file name"},
    {"file\ttitle\na.txt\t\xff\n", "invalid UTF-8"},
};

START_TEST(test_errors)
{
    sidecar s;
    char *err = NULL;
    ck_assert_int_eq(sidecar_parse(bad[_i].tsv, strlen(bad[_i].tsv), "m.tsv", &s, &err), KB_ERR);
    ck_assert_msg(strstr(err, bad[_i].needle) && strstr(err, "m.tsv"), "got: %s", err);
    ck_assert_uint_eq(s.n, 0);
    free(err);
    sidecar_free(&s);
}
END_TEST

START_TEST(test_corpus_sidecar)
{
    size_t len;
    char *tsv = tu_read_file("corpus/" SIDECAR_NAME, &len);
    sidecar s;
    char *err = NULL;
    ck_assert_int_eq(sidecar_parse(tsv, len, "corpus", &s, &err), KB_OK);
    ck_assert_uint_eq(s.n, 5);
    for (size_t i = 0; i < s.n; i++) {
        char path[256];
        snprintf(path, sizeof path, "corpus/%s", s.v[i].file);
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "sidecar names a missing file %s", path);
        fclose(f);
    }
    sidecar_free(&s);
    free(tsv);
}
END_TEST

static Suite *sidecar_suite(void)
{
    Suite *s = suite_create("sidecar");
    TCase *tc = tcase_create("sidecar");
    tcase_add_test(tc, test_parse);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof bad / sizeof *bad));
    tcase_add_test(tc, test_corpus_sidecar);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(sidecar_suite());
}
