/*
 * check_json.c - the JSON writer: structure, commas, escaping; every
 * output is parsed back by SQLite's json() to prove it is valid.
 */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "testutil.h"

/* Write with fn into memory and return the text (caller frees). */
static char *capture(void (*fn)(json *))
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    json j;
    json_init(&j, f);
    fn(&j);
    fclose(f);
    return data;
}

/* json_valid() and a value extracted with a path, through SQLite. */
static char *extract(const char *doc, const char *path)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT json_valid(?1), json_extract(?1, ?2)", -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg(sqlite3_column_int(s, 0) == 1, "invalid JSON: %s", doc);
    const unsigned char *v = sqlite3_column_text(s, 1);
    char *r = v ? strdup((const char *)v) : NULL;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return r;
}

static void w_nested(json *j)
{
    json_object(j);
    json_key(j, "a");
    json_array(j);
    json_int(j, 1);
    json_num(j, 2.5);
    json_null(j);
    json_bool(j, 1);
    json_object(j);
    json_end(j);
    json_array(j);
    json_end(j);
    json_end(j);
    json_key(j, "s");
    json_str(j, "q\"b\\n\nt\tc\x01 é ’");
    json_key(j, "nil");
    json_str(j, NULL);
    json_key(j, "inf");
    json_num(j, INFINITY);
    json_key(j, "bad");
    json_strn(j, "x\xff", 2);
    json_end(j);
}

START_TEST(test_nested_valid)
{
    char *out = capture(w_nested);
    char *v = extract(out, "$.a[1]");
    ck_assert_str_eq(v, "2.5");
    free(v);
    v = extract(out, "$.s");
    ck_assert_str_eq(v, "q\"b\\n\nt\tc\x01 é ’");
    free(v);
    ck_assert_ptr_null(extract(out, "$.nil"));
    ck_assert_ptr_null(extract(out, "$.inf"));
    v = extract(out, "$.bad");
    ck_assert_str_eq(v, "x\xef\xbf\xbd");
    free(v);
    /* ends with exactly one newline at depth 0 */
    size_t n = strlen(out);
    ck_assert_int_eq(out[n - 1], '\n');
    ck_assert_int_ne(out[n - 2], '\n');
    free(out);
}
END_TEST

static Suite *json_suite(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, test_nested_valid);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(json_suite());
}
