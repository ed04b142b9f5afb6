/*
 * check_store_stmt.c - transactions (store_stmt.c): a source rolled back
 * to its savepoint leaves nothing, one read snapshot per command (a
 * write outside a transaction refused), and a writer waiting for
 * another's write transaction instead of failing.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "tustoresuite.h"
#include "util.h"

START_TEST(test_savepoint_rollback)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    put(st, "keep.txt", "h1", "kept", 0);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_savepoint(st, &err), KB_OK);
    store_source s;
    memset(&s, 0, sizeof s);
    s.path = "half.txt";
    s.format = "text";
    s.hash = "x";
    long long id = 0;
    ck_assert_int_eq(store_source_put(st, &s, &id, &err), KB_OK);
    /* a second source with the same path violates UNIQUE */
    long long id2 = 0;
    ck_assert_int_eq(store_source_put(st, &s, &id2, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "UNIQUE"));
    free(err);
    err = NULL;
    store_rollback_savepoint(st);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source"), 1);
    store_close(st);
}
END_TEST

/* Reads outside a write transaction share one snapshot (store.h): a
 * command sees one state of the database while another process commits,
 * and does not hold the writer up.  store_begin or store_close ends the
 * snapshot; a write outside a transaction is refused. */
START_TEST(test_read_snapshot)
{
    store *w = NULL, *r = NULL;
    char *err = NULL;
    long long ns, nu, id;
    ck_assert_int_eq(store_open(dbpath, 1, &w, &err), KB_OK);
    put(w, "a.txt", "h1", "alpha", 0);
    ck_assert_int_eq(store_open(dbpath, 0, &r, &err), KB_OK);
    ck_assert_int_eq(store_counts(r, &ns, &nu, &err), KB_OK);
    ck_assert_int_eq(ns, 1);
    put(w, "b.txt", "h2", "beta gamma", 0);
    ck_assert_int_eq(lookup_id(r, "b.txt", &id), KB_OK);
    ck_assert_int_eq(id, 0);
    ck_assert_int_eq(store_counts(r, &ns, &nu, &err), KB_OK);
    ck_assert_int_eq(ns, 1);
    ck_assert_int_eq(nu, 1);
    /* a write outside a write transaction is refused (store.h) and
     * leaves the snapshot as it was */
    ck_assert_int_eq(store_meta_set(r, "note", "x", &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "outside a transaction"));
    free(err);
    err = NULL;
    ck_assert_int_eq(store_counts(r, &ns, &nu, &err), KB_OK);
    ck_assert_int_eq(ns, 1);
    /* store_begin ends the snapshot: the write transaction reads the
     * latest */
    put(w, "c.txt", "h3", "delta", 0);
    ck_assert_int_eq(lookup_id(r, "c.txt", &id), KB_OK);
    ck_assert_int_eq(id, 0);
    ck_assert_msg(store_begin(r, &err) == KB_OK, "%s", err);
    ck_assert_int_eq(lookup_id(r, "c.txt", &id), KB_OK);
    ck_assert_int_ne(id, 0);
    ck_assert_int_eq(store_commit(r, &err), KB_OK);
    store_close(r);
    store_close(w);
}
END_TEST

/* A writer waits for another's write transaction (BEGIN IMMEDIATE and
 * the busy timeout) instead of failing with "database is locked", even
 * when it starts from inside a read snapshot. */
START_TEST(test_writer_waits_for_writer)
{
    store *st = NULL;
    char *err = NULL, *v = NULL, c;
    long long ns, nu;
    int go[2], held[2];
    ck_assert_int_eq(pipe(go), 0);
    ck_assert_int_eq(pipe(held), 0);
    /* the child is forked before the parent opens the database: no
     * SQLite handle may cross a fork */
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        /* when told, hold the write lock a while, then commit */
        store *w = NULL;
        char *e = NULL;
        int rc = read(go[0], &c, 1) != 1;
        rc = rc || store_open(dbpath, 0, &w, &e) || store_begin(w, &e) || store_meta_set(w, "first", "child", &e);
        if (write(held[1], "x", 1) != 1) rc = 1;
        usleep(300000);
        rc = rc || store_commit(w, &e);
        store_close(w);
        free(e);
        _exit(rc ? 1 : 0);
    }
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    put(st, "a.txt", "h1", "alpha", 0);
    ck_assert_int_eq(store_counts(st, &ns, &nu, &err), KB_OK); /* a snapshot is open */
    ck_assert_int_eq(write(go[1], "x", 1), 1);
    ck_assert_int_eq(read(held[0], &c, 1), 1);
    ck_assert_msg(store_begin(st, &err) == KB_OK, "%s", err);
    /* it began after the child committed */
    ck_assert_int_eq(store_meta_get(st, "first", &v, &err), KB_OK);
    ck_assert_str_eq(v, "child");
    free(v);
    ck_assert_int_eq(store_meta_set(st, "second", "parent", &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(go[0]);
    close(go[1]);
    close(held[0]);
    close(held[1]);
    store_close(st);
}
END_TEST

static Suite *store_stmt_suite(void)
{
    Suite *s = suite_create("store_stmt");
    TCase *tc = tcase_create("store_stmt");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_savepoint_rollback);
    tcase_add_test(tc, test_read_snapshot);
    tcase_add_test(tc, test_writer_waits_for_writer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_stmt_suite());
}
