/*
 * check_store_claims.c - claims and their tags (store_claims.c), with
 * their units: many rows to a statement write exactly what one
 * statement per row writes, and replacing or deleting a source takes
 * its claims, tags, units and text with it, leaving no orphan.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "tustoresuite.h"
#include "util.h"

/* Every row of a query, as text (columns ',', rows '\n'); malloc'd. */
static char *q_dump(store *st, const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    size_t len = 0, cap = 256;
    char *out = kb_malloc(cap);
    out[0] = '\0';
    while (sqlite3_step(s) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(s); i++) {
            const char *v = (const char *)sqlite3_column_text(s, i);
            size_t n = strlen(v ? v : "NULL") + 2;
            while (len + n + 1 > cap) out = kb_realloc(out, cap *= 2);
            len += (size_t)snprintf(out + len, cap - len, "%s%c", v ? v : "NULL", i + 1 < sqlite3_column_count(s) ? ',' : '\n');
        }
    }
    sqlite3_finalize(s);
    return out;
}

/* Write source `path` with n units, a claim per unit and tags on some
 * claims, row by row (many == 0) or many rows to a statement. */
static void put_rows(store *st, const char *path, size_t n, int many)
{
    static const char text[] = "Python is fast. Node.js has 2,000 packages.";
    char *err = NULL;
    store_source src;
    memset(&src, 0, sizeof src);
    src.path = path;
    src.format = "text";
    src.hash = "h";
    long long sid = 0;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_put(st, &src, &sid, &err), KB_OK);
    store_unit *u = kb_calloc(n + 1, sizeof *u);
    store_claim *c = kb_calloc(n + 1, sizeof *c);
    long long *uid = kb_calloc(n + 1, sizeof *uid), *cid = kb_calloc(n + 1, sizeof *cid);
    for (size_t i = 0; i < n; i++) {
        u[i] = (store_unit){.source_id = sid, .seq = (long long)i, .kind = i % 3 ? "paragraph" : "item",
                            .level = (int)i % 2, .start = 0, .end = 15, .section = i % 2 ? "A > B" : NULL,
                            .text = text, .text_len = 15, .norm = text + 16, .norm_len = 26,
                            .furniture = i % 5 ? NULL : "ads"};
        c[i] = (store_claim){.source_id = sid, .seq = (long long)i, .kind = "sentence", .start = 16, .end = 42,
                             .section = u[i].section, .row_header = i % 4 ? NULL : "Row",
                             .col_header = i % 3 ? NULL : "Col", .text = text + 16, .text_len = 26};
    }
    if (many) {
        ck_assert_int_eq(store_units_add(st, u, n, uid, &err), KB_OK);
    } else {
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_eq(store_unit_add(st, &u[i], &err), KB_OK);
            uid[i] = store_last_id(st);
        }
    }
    for (size_t i = 0; i < n; i++) c[i].unit_id = uid[i];
    if (many) {
        ck_assert_int_eq(store_claims_add(st, c, n, cid, &err), KB_OK);
    } else {
        for (size_t i = 0; i < n; i++) ck_assert_int_eq(store_claim_add(st, &c[i], &cid[i], &err), KB_OK);
    }
    /* tags: two subjects (one twice: ignored), a dimension, a quantity
     * with and without bounds, a stance, on different claims */
    store_tag_subject *ts = kb_calloc(3 * n + 1, sizeof *ts);
    store_tag_dimension *td = kb_calloc(n + 1, sizeof *td);
    store_qty *tq = kb_calloc(n + 1, sizeof *tq);
    store_tag_stance *tst = kb_calloc(n + 1, sizeof *tst);
    store_tags t = {ts, 0, td, 0, tq, 0, tst, 0};
    for (size_t i = 0; i < n; i++) {
        ts[t.nsubj++] = (store_tag_subject){cid[i], "Python", "named"};
        if (i % 2) ts[t.nsubj++] = (store_tag_subject){cid[i], "Python", "carried"};
        if (i % 3) ts[t.nsubj++] = (store_tag_subject){cid[i], "Node.js", "column"};
        if (i % 2 == 0) td[t.ndims++] = (store_tag_dimension){cid[i], "performance", 0.5 + (double)i / 100};
        if (i % 4 == 1)
            tq[t.nqty++] = (store_qty){.claim_id = cid[i], .raw = "2,000", .raw_len = 5, .kind = "count",
                                       .measure = i % 8 == 1 ? "package_count" : NULL, .unit = "",
                                       .subject = "Node.js", .low = 2000, .high = 2000, .has_low = 1,
                                       .has_high = i % 8 == 1, .approx = 1, .start = 28, .end = 33};
        if (i % 5 == 2)
            tst[t.nst++] = (store_tag_stance){cid[i], "Python", "performance", i % 2 ? "Node.js" : NULL, 1};
    }
    if (many) {
        ck_assert_int_eq(store_claim_tags(st, &t, &err), KB_OK);
    } else {
        for (size_t i = 0; i < t.nsubj; i++)
            ck_assert_int_eq(store_claim_subject(st, ts[i].claim_id, ts[i].subject, ts[i].how, &err), KB_OK);
        for (size_t i = 0; i < t.ndims; i++)
            ck_assert_int_eq(store_claim_dimension(st, td[i].claim_id, td[i].dimension, td[i].score, &err), KB_OK);
        for (size_t i = 0; i < t.nqty; i++)
            ck_assert_int_eq(store_claim_quantity(st, tq[i].claim_id, &tq[i], &err), KB_OK);
        for (size_t i = 0; i < t.nst; i++)
            ck_assert_int_eq(store_claim_stance(st, tst[i].claim_id, tst[i].subject, tst[i].dimension,
                                                tst[i].polarity, tst[i].versus, &err), KB_OK);
    }
    /* the ids given are the rows' */
    for (size_t i = 0; i < n; i++) ck_assert_int_eq(cid[i], i ? cid[i - 1] + 1 : cid[i]);
    ck_assert_int_eq(store_index_source(st, sid, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_ptr_null(err);
    free(u);
    free(c);
    free(uid);
    free(cid);
    free(ts);
    free(td);
    free(tq);
    free(tst);
}

/* Many rows to a statement write exactly the rows (and ids) that one
 * statement per row writes, whatever is left over after the full
 * statements, and after the largest ids were deleted. */
START_TEST(test_rows_many)
{
    static const char *const dump[] = {
        "SELECT * FROM unit ORDER BY id", "SELECT * FROM claim ORDER BY id",
        "SELECT * FROM claim_subject ORDER BY 1, 2", "SELECT * FROM claim_dimension ORDER BY 1, 2",
        "SELECT * FROM claim_quantity ORDER BY id", "SELECT * FROM claim_stance ORDER BY 1, 2, 3"};
    static const size_t sizes[] = {0, 1, 15, 16, 17, 40};
    store *st[2] = {NULL, NULL};
    char *err = NULL;
    for (int m = 0; m < 2; m++) {
        char path[600];
        snprintf(path, sizeof path, "%s/t%d.db", dir, m);
        ck_assert_int_eq(store_open(path, 1, &st[m], &err), KB_OK);
        char name[32];
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            snprintf(name, sizeof name, "s%zu", k);
            put_rows(st[m], name, sizes[k], m);
        }
        /* the last source goes: new ids start after the largest left */
        long long id = 0;
        ck_assert_int_eq(lookup_id(st[m], "s5", &id), KB_OK);
        ck_assert_int_eq(store_begin(st[m], &err), KB_OK);
        ck_assert_int_eq(store_source_delete(st[m], id, &err), KB_OK);
        ck_assert_int_eq(store_commit(st[m], &err), KB_OK);
        put_rows(st[m], "again", 20, m);
    }
    ck_assert_int_eq(tu_q_int(st[1], "SELECT count(*) FROM claim_quantity"), tu_q_int(st[0], "SELECT count(*) FROM claim_quantity"));
    ck_assert_int_gt(tu_q_int(st[1], "SELECT count(*) FROM claim_stance"), 0);
    for (size_t i = 0; i < sizeof dump / sizeof *dump; i++) {
        char *a = q_dump(st[0], dump[i]), *b = q_dump(st[1], dump[i]);
        ck_assert_msg(strcmp(a, b) == 0, "%s differs", dump[i]);
        free(a);
        free(b);
    }
    ck_assert_int_eq(tu_q_int(st[1], "SELECT max(id) FROM unit"), 1 + 15 + 16 + 17 + 20);
    store_close(st[0]);
    store_close(st[1]);
}
END_TEST

/* kb runs with foreign keys off (store_open): replacing or deleting a
 * source must take its claims, tags, units and text itself, children
 * first, and leave no row pointing at a missing parent. */
START_TEST(test_no_orphans)
{
    static const char *const children[] = {"claim_subject", "claim_dimension", "claim_quantity", "claim_stance"};
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    put_rows(st, "a", 20, 1);
    put_rows(st, "b", 17, 1);
    for (size_t i = 0; i < sizeof children / sizeof *children; i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE claim_id IN (SELECT id FROM claim WHERE source_id = 1)",
                 children[i]);
        ck_assert_int_gt(tu_q_int(st, sql), 0);
    }
    int b_claims = tu_q_int(st, "SELECT count(*) FROM claim WHERE source_id = 2");
    int b_subjects = tu_q_int(st, "SELECT count(*) FROM claim_subject WHERE claim_id IN "
                               "(SELECT id FROM claim WHERE source_id = 2)");
    ck_assert_int_gt(b_claims, 0);
    /* replace a (one unit, no claims): its old rows go, b's stay */
    ck_assert_int_eq(put(st, "a", "h2", "omega", 1), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit WHERE source_id = 1"), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM claim"), b_claims);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM claim_subject"), b_subjects);
    /* delete b: nothing derived from either is left */
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(st, 2, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM claim"), 0);
    for (size_t i = 0; i < sizeof children / sizeof *children; i++) {
        char sql[80];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", children[i]);
        ck_assert_int_eq(tu_q_int(st, sql), 0);
    }
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit"), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source_text"), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source"), 1);
    fts_ok(st);
    store_close(st);
}
END_TEST

static Suite *store_claims_suite(void)
{
    Suite *s = suite_create("store_claims");
    TCase *tc = tcase_create("store_claims");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_rows_many);
    tcase_add_test(tc, test_no_orphans);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_claims_suite());
}
