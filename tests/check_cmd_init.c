/*
 * check_cmd_init.c - `kb init` end to end (cmd_init.c): an alias group
 * of more than 256 names is refused, by line, and the list in force
 * stays.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "tucli.h"

/* An alias group of more than 256 names is refused at `kb init`, by
 * line, and the list in force stays. */
START_TEST(test_alias_group_limit)
{
    ingest_corpus();
    char path[600];
    snprintf(path, sizeof path, "%s/aliases.tsv", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("Python\tpy\nBig", f);
    for (int i = 0; i < 60000; i++) fprintf(f, "\tbig name %d", i);
    fputc('\n', f);
    ck_assert_int_eq(fclose(f), 0);
    tu_out o = KB(NULL, "init", "--aliases", path);
    ck_assert_int_eq(o.status, 1);
    char want[700];
    snprintf(want, sizeof want, "kb: %s: line 2: more than 256 different names in one group\n", path);
    ck_assert_str_eq(o.err, want);
    tu_out_free(&o);
    o = KB(NULL, "search", "--explain", "nodejs");   /* the shipped list still */
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "\"nodejs\""));
    tu_out_free(&o);
}
END_TEST

static Suite *cmd_init_suite(void)
{
    Suite *s = suite_create("cmd_init");
    TCase *tc = tcase_create("cmd_init");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_alias_group_limit);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cmd_init_suite());
}
