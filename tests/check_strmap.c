/*
 * check_strmap.c - the string hash map (src/strmap.c): keys added once
 * with their first value, any bytes in a key, growth past many
 * thousands of keys, and the piecewise hash that prefix look-ups use.
 */
#include "strmap.h"
#include "testutil.h"

START_TEST(test_add_get)
{
    strmap *m = strmap_new();
    size_t v = 99;
    ck_assert_int_eq(strmap_get(m, "a", 1, &v), 0);
    ck_assert_uint_eq(v, 99);
    ck_assert_int_eq(strmap_add(m, "a", 1, 7, NULL), 1);
    ck_assert_int_eq(strmap_add(m, "a", 1, 8, &v), 0);   /* present: keeps 7 */
    ck_assert_uint_eq(v, 7);
    ck_assert_int_eq(strmap_get(m, "a", 1, &v), 1);
    ck_assert_uint_eq(v, 7);
    /* the empty key, a NUL inside a key, a prefix of a key: all distinct */
    ck_assert_int_eq(strmap_add(m, "", 0, 1, NULL), 1);
    ck_assert_int_eq(strmap_add(m, "a\0b", 3, 2, NULL), 1);
    ck_assert_int_eq(strmap_add(m, "a\0", 2, 3, NULL), 1);
    ck_assert_int_eq(strmap_get(m, "a\0b", 3, &v), 1);
    ck_assert_uint_eq(v, 2);
    ck_assert_int_eq(strmap_get(m, "", 0, &v), 1);
    ck_assert_uint_eq(v, 1);
    ck_assert_int_eq(strmap_get(m, "b", 1, NULL), 0);
    ck_assert_uint_eq(strmap_count(m), 4);
    strmap_free(m);
    strmap_free(NULL);
}
END_TEST

START_TEST(test_growth)
{
    strmap *m = strmap_new();
    char k[32];
    for (size_t i = 0; i < 100000; i++) {
        int n = snprintf(k, sizeof k, "key %zu", i);
        ck_assert_int_eq(strmap_add(m, k, (size_t)n, i, NULL), 1);
    }
    for (size_t i = 0; i < 100000; i++) {
        int n = snprintf(k, sizeof k, "key %zu", i);
        size_t v = 0;
        ck_assert_int_eq(strmap_add(m, k, (size_t)n, 0, &v), 0);
        ck_assert_uint_eq(v, i);
    }
    ck_assert_uint_eq(strmap_count(m), 100000);
    strmap_free(m);
}
END_TEST

START_TEST(test_hash_by_pieces)
{
    strmap *m = strmap_new();
    ck_assert_int_eq(strmap_add(m, "node js", 7, 5, NULL), 1);
    size_t h = strmap_hash(STRMAP_HASH0, "node", 4);
    ck_assert_uint_eq(strmap_hash(h, " js", 3), strmap_hash(STRMAP_HASH0, "node js", 7));
    size_t v = 0;
    ck_assert_int_eq(strmap_get_hashed(m, "node", 4, h, &v), 0);
    ck_assert_int_eq(strmap_get_hashed(m, "node js", 7, strmap_hash(h, " js", 3), &v), 1);
    ck_assert_uint_eq(v, 5);
    strmap_free(m);
}
END_TEST

static Suite *strmap_suite(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("map");
    tcase_add_test(tc, test_add_get);
    tcase_add_test(tc, test_growth);
    tcase_add_test(tc, test_hash_by_pieces);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(strmap_suite());
}
