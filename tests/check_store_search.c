/*
 * check_store_search.c - FTS5 searches (store_search.c): stemmed
 * matches, a highlight and a rank for each hit, a search within one
 * source, a limit, and a syntax error as the caller's.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "tustoresuite.h"
#include "util.h"

typedef struct hits {
    int n;
    char hl[256];
    double rank;
} hits;

static int on_hit(void *ctx, const store_hit *h)
{
    hits *hs = ctx;
    if (hs->n++ == 0) {
        snprintf(hs->hl, sizeof hs->hl, "%.*s", (int)h->hl_len, h->hl);
        hs->rank = h->rank;
    }
    return 0;
}

START_TEST(test_search)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    long long a = put(st, "a.txt", "h1", "packages packaging", 0);
    put(st, "b.txt", "h2", "package", 0);
    hits hs = {0};
    ck_assert_int_eq(store_search(st, "\"package\"", 0, 10, NULL, NULL, on_hit, &hs, &err), KB_OK);
    ck_assert_int_eq(hs.n, 3); /* porter: packages, packaging, package */
    ck_assert_ptr_nonnull(strchr(hs.hl, '\x01'));
    ck_assert(hs.rank < 0);
    memset(&hs, 0, sizeof hs);
    ck_assert_int_eq(store_search(st, "\"package\"", a, 10, NULL, NULL, on_hit, &hs, &err), KB_OK);
    ck_assert_int_eq(hs.n, 2);
    memset(&hs, 0, sizeof hs);
    ck_assert_int_eq(store_search(st, "\"package\"", 0, 1, NULL, NULL, on_hit, &hs, &err), KB_OK);
    ck_assert_int_eq(hs.n, 1);
    /* a syntax error is the caller's fault, with SQLite's message */
    ck_assert_int_eq(store_search(st, "NEAR(", 0, 10, NULL, NULL, on_hit, &hs, &err), KB_BADARG);
    ck_assert_ptr_nonnull(strstr(err, "syntax error"));
    free(err);
    store_close(st);
}
END_TEST

static Suite *store_search_suite(void)
{
    Suite *s = suite_create("store_search");
    TCase *tc = tcase_create("store_search");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_search);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_search_suite());
}
