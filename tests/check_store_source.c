/*
 * check_store_source.c - sources (store_source.c): written, found,
 * replaced (its old units and their index entries gone) and deleted;
 * two removes of one source racing; a source named by path, file name
 * or id.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "tustoresuite.h"
#include "util.h"

/* Two removes of one source race: the second finds it gone and says
 * so, rather than reporting a removal it did not make. */
START_TEST(test_remove_race)
{
    store *a = NULL, *b = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &a, &err), KB_OK);
    long long id = put(a, "x.txt", "h1", "alpha beta", 0), ida = 0, idb = 0;
    ck_assert_int_eq(store_open(dbpath, 0, &b, &err), KB_OK);
    ck_assert_int_eq(store_source_resolve(a, "x.txt", &ida, &err), KB_OK);
    ck_assert_int_eq(store_source_resolve(b, "x.txt", &idb, &err), KB_OK);
    ck_assert_int_eq(ida, id);
    ck_assert_int_eq(idb, id);
    ck_assert_int_eq(store_begin(a, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(a, ida, &err), KB_OK);
    ck_assert_int_eq(store_commit(a, &err), KB_OK);
    ck_assert_int_eq(store_begin(b, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(b, idb, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "removed meanwhile"));
    store_rollback(b);
    free(err);
    store_close(a);
    store_close(b);
}
END_TEST

START_TEST(test_put_replace_delete)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    long long a = put(st, "dir/a.txt", "h1", "alpha beta gamma", 0);
    long long b = put(st, "dir/b.txt", "h2", "beta delta", 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit"), 5);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'beta'"), 2);
    store_found f;
    ck_assert_int_eq(store_source_lookup(st, "dir/a.txt", NULL, &f, &err), KB_OK);
    ck_assert_int_eq(f.id, a);
    ck_assert_str_eq(f.hash, "h1");
    store_found_clear(&f);
    /* replace a: old units and their index entries go */
    ck_assert_int_eq(put(st, "dir/a.txt", "h3", "epsilon", a), a);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit"), 3);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'alpha'"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'epsilon'"), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source_text"), 2);
    fts_ok(st);
    /* delete b */
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(st, b, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit WHERE source_id = 2"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'delta'"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source_text"), 1);
    fts_ok(st);
    store_close(st);
}
END_TEST

START_TEST(test_resolve)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    long long a = put(st, "x/one.txt", "h1", "w", 0);
    put(st, "y/one.txt", "h2", "w", 0);
    long long c = put(st, "y/two.txt", "h3", "w", 0);
    long long id;
    ck_assert_int_eq(store_source_resolve(st, "x/one.txt", &id, &err), KB_OK);
    ck_assert_int_eq(id, a);
    ck_assert_int_eq(store_source_resolve(st, "two.txt", &id, &err), KB_OK);
    ck_assert_int_eq(id, c);
    char num[32];
    snprintf(num, sizeof num, "%lld", c);
    ck_assert_int_eq(store_source_resolve(st, num, &id, &err), KB_OK);
    ck_assert_int_eq(id, c);
    ck_assert_int_eq(store_source_resolve(st, "one.txt", &id, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "several"));
    free(err);
    err = NULL;
    ck_assert_int_eq(store_source_resolve(st, "nothing.txt", &id, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "no source"));
    free(err);
    err = NULL;
    /* "ne.txt" is not a whole file name */
    ck_assert_int_eq(store_source_resolve(st, "ne.txt", &id, &err), KB_ERR);
    free(err);
    store_close(st);
}
END_TEST

static Suite *store_source_suite(void)
{
    Suite *s = suite_create("store_source");
    TCase *tc = tcase_create("store_source");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_put_replace_delete);
    tcase_add_test(tc, test_remove_race);
    tcase_add_test(tc, test_resolve);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_source_suite());
}
