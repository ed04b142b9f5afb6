/*
 * check_buf.c - the string buffer and the util helpers it rests on.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "testutil.h"
#include "util.h"

START_TEST(test_append_and_detach)
{
    buf b = BUF_INIT;
    ck_assert_str_eq(buf_cstr(&b), "");
    buf_adds(&b, "abc");
    buf_addc(&b, '-');
    buf_printf(&b, "%d:%s", 42, "x");
    ck_assert_str_eq(b.data, "abc-42:x");
    ck_assert_uint_eq(b.len, 8);
    buf_truncate(&b, 3);
    ck_assert_str_eq(b.data, "abc");
    /* growth across many doublings keeps content and terminator */
    for (int i = 0; i < 10000; i++) buf_addc(&b, 'a' + i % 26);
    ck_assert_uint_eq(b.len, 10003);
    ck_assert_uint_eq(strlen(b.data), 10003);
    ck_assert_int_eq(b.data[3], 'a');
    size_t n;
    char *s = buf_detach(&b, &n);
    ck_assert_uint_eq(n, 10003);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    free(s);
    /* detaching an empty buffer yields "" */
    s = buf_detach(&b, &n);
    ck_assert_str_eq(s, "");
    ck_assert_uint_eq(n, 0);
    free(s);
    buf_add(&b, "x\0y", 3);
    ck_assert_uint_eq(b.len, 3);
    ck_assert_int_eq(b.data[2], 'y');
    buf_reset(&b);
    ck_assert_str_eq(buf_cstr(&b), "");
    buf_free(&b);
}
END_TEST

START_TEST(test_seterr_first_wins)
{
    char *err = NULL;
    ck_assert_int_eq(kb_seterr(&err, "first %d", 1), KB_ERR);
    ck_assert_int_eq(kb_seterr(&err, "second"), KB_ERR);
    ck_assert_str_eq(err, "first 1");
    free(err);
    ck_assert_int_eq(kb_seterr(NULL, "ignored"), KB_ERR);
}
END_TEST

START_TEST(test_trim_and_ieq)
{
    size_t n = 9;
    const char *t = kb_trim("  a b \t\n ", &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(strncmp(t, "a b", 3), 0);
    n = 3;
    kb_trim("   ", &n);
    ck_assert_uint_eq(n, 0);
    ck_assert(kb_ascii_ieq("TiTle", 5, "title"));
    ck_assert(!kb_ascii_ieq("Titles", 6, "title"));
    ck_assert(!kb_ascii_ieq("Tit", 3, "title"));
    char *d = kb_strndup("hello", 3);
    ck_assert_str_eq(d, "hel");
    free(d);
    ck_assert_ptr_null(kb_strdup(NULL));
}
END_TEST

static Suite *buf_suite(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("buf");
    tcase_add_test(tc, test_append_and_detach);
    tcase_add_test(tc, test_seterr_first_wins);
    tcase_add_test(tc, test_trim_and_ieq);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(buf_suite());
}
