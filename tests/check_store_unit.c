/*
 * check_store_unit.c - units and the FTS index (store_unit.c): units of
 * several sources indexed in one statement at the end of the batch, a
 * source rolled back to its savepoint never having had index rows, and
 * a unit's furniture rule written with it.
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

/* Units of several sources indexed in one statement at the end of the
 * batch (kb ingest's way): a source rolled back to its savepoint never
 * had index rows, the others have theirs, and a unit's furniture rule
 * is written with it. */
START_TEST(test_index_by_batch)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    long long first = 0, last = 0;
    const char *const words[] = {"alpha", "bravo", "charlie"};
    for (int k = 0; k < 3; k++) {
        char path[32];
        snprintf(path, sizeof path, "s%d.txt", k);
        store_source s;
        memset(&s, 0, sizeof s);
        s.path = path;
        s.format = "text";
        s.hash = "h";
        long long id = 0;
        ck_assert_int_eq(store_savepoint(st, &err), KB_OK);
        ck_assert_int_eq(store_source_put(st, &s, &id, &err), KB_OK);
        for (int i = 0; i < 2; i++) {
            store_unit u;
            memset(&u, 0, sizeof u);
            u.source_id = id;
            u.seq = i;
            u.kind = "paragraph";
            u.text = u.norm = words[k];
            u.text_len = u.norm_len = strlen(words[k]);
            u.furniture = i ? "read time" : NULL;
            ck_assert_int_eq(store_unit_add(st, &u, &err), KB_OK);
            if (k != 1) {
                if (!first) first = store_last_id(st);
                last = store_last_id(st);
            }
        }
        if (k == 1) {
            store_rollback_savepoint(st);   /* the second source fails */
        } else {
            ck_assert_int_eq(store_release(st, &err), KB_OK);
        }
    }
    /* the ids of the kept sources' units are consecutive: the failed
     * source's were taken again by the next */
    ck_assert_int_eq(last - first + 1, 4);
    ck_assert_int_eq(store_index_units(st, first, last, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'alpha OR charlie'"), 4);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'bravo'"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit WHERE furniture = 'read time'"), 2);
    fts_ok(st);
    store_close(st);
}
END_TEST

static Suite *store_unit_suite(void)
{
    Suite *s = suite_create("store_unit");
    TCase *tc = tcase_create("store_unit");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_index_by_batch);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_unit_suite());
}
