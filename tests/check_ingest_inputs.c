/*
 * check_ingest_inputs.c - what a stored source was built from
 * (ingest_inputs.c), and a source built again when it changed: its
 * sidecar row (edited, removed) or the taxonomy in force (none
 * recorded, another one recorded, or one switched while an ingest runs,
 * with worker threads and without); and a folder's sidecar, read again
 * after each of its subfolders, reporting its problems once.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "claims.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "tuingest.h"
#include "tustore.h"

/* A file whose bytes did not change is built again when what else it
 * was built from did: its sidecar row (edited, removed), or the
 * taxonomy it was tagged with (a database from before schema 6, or one
 * an older kb tagged with another taxonomy than the one in force). */
START_TEST(test_rebuilt_when_inputs_change)
{
    char a[600], sc[600];
    path_in(a, sizeof a, "a.md");
    path_in(sc, sizeof sc, "kb-sources.tsv");
    tu_write_file(a, "# Own title\n\nPython is slower than Node.js for I/O.\n", 51);
    const char *row1 = "file\ttitle\na.md\tFirst title\n", *row2 = "file\ttitle\na.md\tSecond title\n";
    tu_write_file(sc, row1, strlen(row1));
    const char *paths[] = {dir};
    ingest_stats s = run_jobs(st, paths, 1, 1, 0);
    ck_assert_uint_eq(s.added, 1);
    char *t = q_text("SELECT title FROM source");
    ck_assert_str_eq(t, "First title");
    free(t);
    s = run_jobs(st, paths, 1, 1, 0);
    ck_assert_uint_eq(s.unchanged, 1);
    /* the row edited: applied without --force */
    tu_write_file(sc, row2, strlen(row2));
    s = run_jobs(st, paths, 1, 3, 0);
    ck_assert_uint_eq(s.replaced, 1);
    t = q_text("SELECT title FROM source");
    ck_assert_str_eq(t, "Second title");
    free(t);
    /* the row gone: the file's own metadata again */
    tu_write_file(sc, "file\ttitle\n", 11);
    s = run_jobs(st, paths, 1, 1, 0);
    ck_assert_uint_eq(s.replaced, 1);
    t = q_text("SELECT title FROM source");
    ck_assert_str_eq(t, "Own title");
    free(t);
    s = run_jobs(st, paths, 1, 1, 0);
    ck_assert_uint_eq(s.unchanged, 1);
    /* tagged with another taxonomy, or before the taxonomy was recorded:
     * tagged again */
    ck_assert_int_eq(sqlite3_exec(store_db(st),
                                  "UPDATE source SET taxonomy = NULL; DELETE FROM claim_subject", NULL, NULL, NULL),
                     SQLITE_OK);
    s = run_jobs(st, paths, 1, 1, 0);
    ck_assert_uint_eq(s.replaced, 1);
    ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject"), 0);
    ck_assert_int_eq(sqlite3_exec(store_db(st), "UPDATE source SET taxonomy = 'another'", NULL, NULL, NULL), SQLITE_OK);
    s = run_jobs(st, paths, 1, 3, 0);
    ck_assert_uint_eq(s.replaced, 1);
    s = run_jobs(st, paths, 1, 3, 0);
    ck_assert_uint_eq(s.unchanged, 1);
    tu_db_whole(dbpath, "after the rebuilds");
}
END_TEST

/* Every claim's tags by source path and claim order (ids left out: a
 * source tagged again gets new claim ids). */
static char *tags_of(store *h)
{
    static const char q[] =
        "SELECT s.path, c.seq, c.text, "
        " (SELECT group_concat(subject || '/' || how) FROM (SELECT * FROM claim_subject x WHERE x.claim_id = c.id "
        "  ORDER BY subject)), "
        " (SELECT group_concat(dimension) FROM (SELECT * FROM claim_dimension x WHERE x.claim_id = c.id "
        "  ORDER BY dimension)), "
        " (SELECT group_concat(subject || dimension || polarity) FROM (SELECT * FROM claim_stance x "
        "  WHERE x.claim_id = c.id ORDER BY subject, dimension)) "
        "FROM claim c JOIN source s ON s.id = c.source_id ORDER BY s.path, c.seq";
    buf b = BUF_INIT;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(h), q, -1, &s, NULL), SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
        for (int c = 0; c < 6; c++) {
            const unsigned char *v = sqlite3_column_text(s, c);
            buf_adds(&b, v ? (const char *)v : "-");
            buf_addc(&b, '|');
        }
        buf_addc(&b, '\n');
    }
    sqlite3_finalize(s);
    return buf_detach(&b, NULL);
}

/* `kb init --taxonomy`, as another connection does it, between two
 * batches of a running ingest. */
typedef struct tax_switch {
    store *other;
    const char *tsv;
    int done;
} tax_switch;

static void switch_taxonomy(void *ctx, const char *path, const ingest_stats *s)
{
    tax_switch *t = ctx;
    (void)path;
    if (t->done || s->added < INGEST_BATCH_FILES) return;
    t->done = 1;
    claims *cl = NULL;
    char *err = NULL;
    long long *ids = NULL;
    size_t n = 0;
    ck_assert_int_eq(claims_new(t->tsv, NULL, NULL, &cl, &err), KB_OK);
    ck_assert_int_eq(store_begin(t->other, &err), KB_OK);
    ck_assert_int_eq(store_meta_set(t->other, "taxonomy", t->tsv, &err), KB_OK);
    ck_assert_int_eq(store_source_ids(t->other, &ids, &n, &err), KB_OK);
    for (size_t i = 0; i < n; i++) ck_assert_int_eq(claims_source(cl, t->other, ids[i], NULL, &err), KB_OK);
    ck_assert_msg(store_commit(t->other, &err) == KB_OK, "%s", err);
    free(ids);
    claims_free(cl);
}

/* The taxonomy switched while an ingest runs: the sources of the first
 * batch are tagged again by the switch, the ingest tags the later ones
 * (built in the workers, or in the writer) with the new taxonomy, so
 * afterwards every claim's tags come from the taxonomy in force and
 * equal a clean ingest's under it; and a re-run finds all unchanged. */
START_TEST(test_taxonomy_switched_mid_ingest)
{
    size_t len;
    char *dbms = tu_read_file("tests/fixtures/dbms/taxonomy.tsv", &len);
    char gen[600], p[700];
    path_in(gen, sizeof gen, "gen");
    ck_assert_int_eq(mkdir(gen, 0755), 0);
    for (int i = 0; i < INGEST_BATCH_FILES + 16; i++) {
        char text[300];
        snprintf(text, sizeof text,
                 "# Notes %d\n\nPython is faster than Node.js for scripts %d. PostgreSQL is more reliable "
                 "than MySQL under load, and MySQL is easier to set up.\n",
                 i, i);
        snprintf(p, sizeof p, "%s/n%03d.md", gen, i);
        tu_write_file(p, text, strlen(text));
    }
    claims *cl = NULL, *want = NULL;
    char *err = NULL, stamp[65];
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, &cl, &err), KB_OK);
    ck_assert_int_eq(claims_new(dbms, NULL, NULL, &want, &err), KB_OK);
    claims_stamp(want, stamp);
    tax_switch t = {NULL, dbms, 0};
    ck_assert_int_eq(store_open(dbpath, 0, &t.other, &err), KB_OK);
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.claims = cl;
    o.jobs = _i ? 3 : 1;
    ingest_events ev = {on_fail, switch_taxonomy, &t, NULL};
    ingest_stats s;
    const char *paths[] = {gen};
    ck_assert_int_eq(ingest_run(st, (char *const *)paths, 1, &o, &ev, &s, &err), KB_OK);
    ck_assert(t.done);
    ck_assert_uint_eq(s.added, INGEST_BATCH_FILES + 16);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim_subject WHERE subject NOT IN ('PostgreSQL', 'MySQL')"), 0);
    ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject"), INGEST_BATCH_FILES + 16);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM source WHERE taxonomy IS NOT '%s'", stamp);
    ck_assert_int_eq(q_int(sql), 0);
    /* the same tags as a clean ingest under the taxonomy in force */
    char ref[600];
    path_in(ref, sizeof ref, ".ref.db");
    store *r = NULL;
    ck_assert_int_eq(store_open(ref, 1, &r, &err), KB_OK);
    tu_ingest(r, gen, dbms);
    char *da = tags_of(st), *dr = tags_of(r);
    ck_assert_msg(strcmp(da, dr) == 0, "the tags differ from a clean ingest's");
    free(da);
    free(dr);
    store_close(r);
    /* everything is now as the database says: nothing to redo */
    t.done = 1;
    o.claims = want;
    ck_assert_int_eq(ingest_run(st, (char *const *)paths, 1, &o, &ev, &s, &err), KB_OK);
    ck_assert_uint_eq(s.unchanged, INGEST_BATCH_FILES + 16);
    tu_db_whole(dbpath, "after the switch");
    store_close(t.other);
    claims_free(cl);
    claims_free(want);
    free(dbms);
}
END_TEST

/* A folder is met again after each of its subfolders, and its sidecar
 * read again: its problems are still reported once, and the files after
 * the subfolder still get their metadata. */
START_TEST(test_sidecar_problems_reported_once)
{
    char p[700];
    path_in(p, sizeof p, "a.md");
    tu_write_file(p, "# A\n\nPython text.\n", 18);
    path_in(p, sizeof p, "m");
    ck_assert_int_eq(mkdir(p, 0755), 0);
    path_in(p, sizeof p, "m/x.md");
    tu_write_file(p, "# X\n\nNode.js text.\n", 19);
    path_in(p, sizeof p, "z.md");
    tu_write_file(p, "# Z\n\nPython again.\n", 19);
    const char *tsv = "file\ttitle\tdate\na.md\tAlpha\t\nz.md\tZed\t2020-01-01\nq.md\tQ\tnever\n";
    path_in(p, sizeof p, "kb-sources.tsv");
    tu_write_file(p, tsv, strlen(tsv));
    const char *paths[] = {dir};
    ingest_stats s = run(paths, 1, 0);
    char want[900];
    snprintf(want, sizeof want, "%s: line 4: 'never' is not a date (write YYYY-MM-DD); the row is ignored\n", p);
    ck_assert_str_eq(fails, want);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_uint_eq(s.added, 3);
    char *t = q_text("SELECT title || ' ' || date FROM source WHERE path LIKE '%/z.md'");
    ck_assert_str_eq(t, "Zed 2020-01-01");
    free(t);
}
END_TEST

static Suite *ingest_inputs_suite(void)
{
    Suite *s = suite_create("ingest_inputs");
    TCase *tc = tcase_create("ingest_inputs");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_taxonomy_switched_mid_ingest, 0, 2);
    tcase_add_test(tc, test_rebuilt_when_inputs_change);
    tcase_add_test(tc, test_sidecar_problems_reported_once);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(ingest_inputs_suite());
}
