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

/* kb_ascii_ieq against a byte-by-byte reference, over every pair of
 * ASCII bytes (so bytes that differ only in 0x20 but are no letters,
 * "@" and "`", "[" and "{", stay different) and over lengths. */
static int ref_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ref_ieq(const char *s, size_t n, const char *lit)
{
    if (strlen(lit) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (ref_lower((unsigned char)s[i]) != ref_lower((unsigned char)lit[i])) return 0;
    return 1;
}

START_TEST(test_ieq_reference)
{
    char s[3] = "x", lit[3] = "x";
    for (int a = 1; a < 256; a++)
        for (int b = 1; b < 256; b++) {
            s[1] = (char)a;
            lit[1] = (char)b;
            ck_assert_int_eq(kb_ascii_ieq(s, 2, lit), ref_ieq(s, 2, lit));
        }
    static const char *const words[] = {"", "a", "A", "ab", "Ab", "aB", "abc", "title", "TITLE", "titles"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        for (size_t j = 0; j < sizeof words / sizeof *words; j++)
            for (size_t n = 0; n <= strlen(words[i]); n++)
                ck_assert_int_eq(kb_ascii_ieq(words[i], n, words[j]), ref_ieq(words[i], n, words[j]));
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
    tcase_add_test(tc, test_ieq_reference);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(buf_suite());
}
