/*
 * check_store_open.c - opening a kb database (store_open.c): the schema
 * a new one gets, migrations that upgrade an older kb's database (tag
 * indexes dropped, FTS5's automerge set), a newer kb's database and
 * files that are no database refused, and only kb's own databases
 * changed: another program's SQLite file, an empty file, a folder, an
 * older kb's database opened for reading.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "embed.h"
#include "hash.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "tustoresuite.h"
#include "util.h"

static const char *q_text_buf(store *st, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
}

START_TEST(test_create_schema)
{
    store *st = NULL;
    char *err = NULL;
    /* not created without create */
    ck_assert_int_eq(store_open(dbpath, 0, &st, &err), KB_ERR);
    ck_assert_ptr_null(st);
    ck_assert_ptr_nonnull(strstr(err, "no such database"));
    free(err);
    err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    ck_assert_int_ge(tu_q_int(st, "PRAGMA user_version"), 1);
    char mode[64];
    ck_assert_str_eq(q_text_buf(st, "PRAGMA journal_mode", mode, sizeof mode), "wal");
    ck_assert_int_eq(tu_q_int(st, "PRAGMA page_size"), 8192);
    /* the default alias list is stored with a new database */
    char *al = NULL;
    ck_assert_int_eq(store_meta_get(st, "aliases", &al, &err), KB_OK);
    ck_assert_ptr_nonnull(al);
    ck_assert_ptr_nonnull(strstr(al, "nodejs"));
    free(al);
    store_close(st);
    /* reopening does not re-run migrations */
    ck_assert_int_eq(store_open(dbpath, 0, &st, &err), KB_OK);
    store_close(st);
}
END_TEST

/* A database as kb of schema version v made it: the first v
 * migrations, then sql (rows of that version's schema). */
static void old_db(int v, const char *sql)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
    for (int i = 0; i < v; i++) ck_assert_int_eq(sqlite3_exec(db, embed_migrations[i], NULL, NULL, NULL), SQLITE_OK);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
    ck_assert_int_eq(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
    char *msg = NULL;
    ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "");
    ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

static const char old_source[] =
    "INSERT INTO source(path, format, title, hash, size, ingested_at) VALUES ('a.txt', 'text', 'T', 'h1', 10, 'x');"
    "INSERT INTO source_text VALUES (1, 'alpha beta');"
    "INSERT INTO unit(source_id, seq, kind, byte_start, byte_end, text, norm) VALUES (1, 0, 'paragraph', 0, 5, "
    "'alpha', 'alpha'), (1, 1, 'paragraph', 6, 10, 'beta', 'beta');"
    "INSERT INTO unit_fts(rowid, norm) SELECT id, norm FROM unit;";

/* Version 4 drops the indexes of claim tags by name: a database made
 * before it (version 3, indexes there) loses them when it is opened, and
 * keeps its rows. */
START_TEST(test_upgrade_tag_indexes)
{
    static const char *const q_idx =
        "SELECT count(*) FROM sqlite_schema WHERE name IN ('claim_subject_by_subject', 'claim_dimension_by_dimension')";
    store *st = NULL;
    char *err = NULL;
    char sql[1024];
    snprintf(sql, sizeof sql, "%s%s", old_source,
             "INSERT INTO claim(source_id, unit_id, seq, kind, byte_start, byte_end, text) "
             "VALUES (1, 1, 0, 'sentence', 0, 5, 'alpha');"
             "INSERT INTO claim_subject VALUES (1, 'Python', 'named');");
    old_db(3, sql);
    ck_assert_int_eq(store_open(dbpath, 0, &st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "PRAGMA user_version"), embed_migration_count);
    ck_assert_int_eq(tu_q_int(st, q_idx), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM claim_subject WHERE subject = 'Python'"), 1);
    store_close(st);
    ck_assert_ptr_null(err);
}
END_TEST

/* Version 5 sets FTS5's automerge to 8, in the index's own config
 * table: on a new database, and on one made by an older kb. */
START_TEST(test_upgrade_fts_automerge)
{
    static const char *const q_am = "SELECT v FROM unit_fts_config WHERE k = 'automerge'";
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, q_am), 8);
    store_close(st);
    for (int i = 0; i < 3; i++) {
        char p[600];
        snprintf(p, sizeof p, "%s%s", dbpath, (const char *[]){"", "-wal", "-shm"}[i]);
        unlink(p);
    }
    old_db(4, old_source);
    ck_assert_int_eq(store_open(dbpath, 0, &st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "PRAGMA user_version"), embed_migration_count);
    ck_assert_int_eq(tu_q_int(st, q_am), 8);
    /* the index still answers, and is whole */
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'beta'"), 1);
    fts_ok(st);
    store_close(st);
    ck_assert_ptr_null(err);
}
END_TEST

START_TEST(test_newer_and_foreign_files)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    ck_assert_int_eq(sqlite3_exec(store_db(st), "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
    store_close(st);
    ck_assert_int_eq(store_open(dbpath, 0, &st, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "newer kb"));
    free(err);
    err = NULL;
    /* a file that is not a database */
    char junk[520];
    snprintf(junk, sizeof junk, "%s/junk.db", dir);
    tu_write_file(junk, "this is not sqlite, just some text that is long enough........", 62);
    ck_assert_int_eq(store_open(junk, 0, &st, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, junk));
    free(err);
}
END_TEST

/* The bytes of a file and (wal) whether it has WAL companions. */
static char *file_state(const char *path, int wal)
{
    size_t len;
    char *data = tu_read_file(path, &len), p[600];
    char h[65];
    hash_sha256_hex(data, len, h);
    free(data);
    buf b = BUF_INIT;
    buf_printf(&b, "%zu bytes, %s", len, h);
    if (wal) {
        snprintf(p, sizeof p, "%s-wal", path);
        buf_printf(&b, " wal:%d", access(p, F_OK) == 0);
        snprintf(p, sizeof p, "%s-shm", path);
        buf_printf(&b, " shm:%d", access(p, F_OK) == 0);
    }
    return buf_detach(&b, NULL);
}

/* Another program's SQLite file is refused in every mode before
 * anything is written to it (not even the switch to WAL); an empty
 * file becomes a kb database; a folder is named as such; a database of
 * an older kb is upgraded when opened for writing, refused (not
 * written) when opened for reading. */
START_TEST(test_only_its_own_databases)
{
    char other[600], empty[600];
    snprintf(other, sizeof other, "%s/customers.db", dir);
    snprintf(empty, sizeof empty, "%s/empty.db", dir);
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open(other, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, "CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT); "
                                     "INSERT INTO customer(name) VALUES ('Ada'); PRAGMA user_version = 3",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
    char *before = file_state(other, 1);
    store *st = NULL;
    char *err = NULL;
    for (int mode = STORE_WRITE; mode <= STORE_READ; mode++) {
        ck_assert_int_eq(store_open(other, (store_mode)mode, &st, &err), KB_ERR);
        ck_assert_msg(strstr(err, "customers.db: not a kb database") && !strstr(strstr(err, "customers.db") + 1,
                                                                                 "customers.db"),
                      "%s", err);
        free(err);
        err = NULL;
        char *after = file_state(other, 1);
        ck_assert_str_eq(after, before);
        free(after);
    }
    free(before);
    /* an empty file: nothing to read, and kb may make it its own */
    tu_write_file(empty, "", 0);
    ck_assert_int_eq(store_open(empty, STORE_READ, &st, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "an empty database"));
    free(err);
    err = NULL;
    ck_assert_int_eq(store_open(empty, STORE_CREATE, &st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "PRAGMA application_id"), 0x6B626462);
    store_close(st);
    ck_assert_int_eq(store_open(empty, STORE_READ, &st, &err), KB_OK);
    store_close(st);
    /* a folder */
    ck_assert_int_eq(store_open(dir, STORE_READ, &st, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "is a folder, not a database file"));
    free(err);
    err = NULL;
    /* an older kb's database: read-only commands leave it as it is (a
     * reader of a database in WAL mode may make the WAL's side files,
     * as SQLite does for any reader, but writes nothing into it) */
    old_db(5, old_source);
    before = file_state(dbpath, 0);
    ck_assert_int_eq(store_open(dbpath, STORE_READ, &st, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "made by an older kb"));
    free(err);
    err = NULL;
    char *after = file_state(dbpath, 0);
    ck_assert_str_eq(after, before);
    free(after);
    free(before);
    ck_assert_int_eq(store_open(dbpath, STORE_WRITE, &st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "PRAGMA user_version"), embed_migration_count);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source"), 1);
    store_close(st);
}
END_TEST

static Suite *store_open_suite(void)
{
    Suite *s = suite_create("store_open");
    TCase *tc = tcase_create("store_open");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_create_schema);
    tcase_add_test(tc, test_upgrade_tag_indexes);
    tcase_add_test(tc, test_upgrade_fts_automerge);
    tcase_add_test(tc, test_newer_and_foreign_files);
    tcase_add_test(tc, test_only_its_own_databases);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_open_suite());
}
