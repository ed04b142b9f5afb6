/*
 * check_store.c - the SQLite store: schema, migrations, writing and
 * replacing sources, the FTS index staying in step, lookups, search,
 * one read snapshot per command, writers waiting for each other.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "embed.h"
#include "hash.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

/* The id of the source at path (0: none). */
static int lookup_id(store *st, const char *path, long long *id)
{
    store_found f;
    char *err = NULL;
    int rc = store_source_lookup(st, path, NULL, &f, &err);
    *id = f.id;
    store_found_clear(&f);
    free(err);
    return rc;
}

static char *dir;
static char dbpath[512];

static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
}

static void teardown(void)
{
    tu_rmdir(dir);
}


static const char *q_text_buf(store *st, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
}

/* Store a source with one unit per word of `words` (space separated). */
static long long put(store *st, const char *path, const char *hash, const char *words, long long id)
{
    char *err = NULL;
    store_source s;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.format = "text";
    s.title = "T";
    s.hash = hash;
    s.size = (long long)strlen(words);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_put(st, &s, &id, &err), KB_OK);
    ck_assert_int_eq(store_text_put(st, id, words, strlen(words), &err), KB_OK);
    const char *p = words;
    long long seq = 0;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        store_unit u;
        memset(&u, 0, sizeof u);
        u.source_id = id;
        u.seq = seq++;
        u.kind = "paragraph";
        u.start = p - words;
        u.end = u.start + (long long)n;
        u.text = p;
        u.text_len = n;
        u.norm = p;
        u.norm_len = n;
        ck_assert_int_eq(store_unit_add(st, &u, &err), KB_OK);
        p += n;
        while (*p == ' ') p++;
    }
    ck_assert_int_eq(store_index_source(st, id, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_ptr_null(err);
    return id;
}

/* FTS5's integrity check in the form that also compares the index with
 * the unit table: on SQLite 3.40 the plain form misses a unit deleted or
 * changed without its index entries. */
static void fts_ok(store *st)
{
    char *msg = NULL;
    int rc = sqlite3_exec(store_db(st), "INSERT INTO unit_fts(unit_fts, rank) VALUES('integrity-check', 1)",
                          NULL, NULL, &msg);
    ck_assert_msg(rc == SQLITE_OK, "FTS integrity-check: %s", msg ? msg : "");
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

/* Two removes of one source race: the second finds it gone and says
 * so, rather than reporting a removal it did not make. */
START_TEST(test_remove_race)
{
    store *a = NULL, *b = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &a, &err), KB_OK);
    long long id = put(a, "x.txt", "h1", "alpha beta", 0), ida = 0, idb = 0;
    ck_assert_int_eq(store_open(dbpath, 0, &b, &err), KB_OK);
    ck_assert_int_eq(store_source_resolve(a, "x.txt", &ida, &err), KB_OK);
    ck_assert_int_eq(store_source_resolve(b, "x.txt", &idb, &err), KB_OK);
    ck_assert_int_eq(ida, id);
    ck_assert_int_eq(idb, id);
    ck_assert_int_eq(store_begin(a, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(a, ida, &err), KB_OK);
    ck_assert_int_eq(store_commit(a, &err), KB_OK);
    ck_assert_int_eq(store_begin(b, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(b, idb, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "removed meanwhile"));
    store_rollback(b);
    free(err);
    store_close(a);
    store_close(b);
}
END_TEST

START_TEST(test_put_replace_delete)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    long long a = put(st, "dir/a.txt", "h1", "alpha beta gamma", 0);
    long long b = put(st, "dir/b.txt", "h2", "beta delta", 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit"), 5);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'beta'"), 2);
    store_found f;
    ck_assert_int_eq(store_source_lookup(st, "dir/a.txt", NULL, &f, &err), KB_OK);
    ck_assert_int_eq(f.id, a);
    ck_assert_str_eq(f.hash, "h1");
    store_found_clear(&f);
    /* replace a: old units and their index entries go */
    ck_assert_int_eq(put(st, "dir/a.txt", "h3", "epsilon", a), a);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit"), 3);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'alpha'"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'epsilon'"), 1);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source_text"), 2);
    fts_ok(st);
    /* delete b */
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    ck_assert_int_eq(store_source_delete(st, b, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit WHERE source_id = 2"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'delta'"), 0);
    ck_assert_int_eq(tu_q_int(st, "SELECT count(*) FROM source_text"), 1);
    fts_ok(st);
    store_close(st);
}
END_TEST

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

START_TEST(test_resolve)
{
    store *st = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    long long a = put(st, "x/one.txt", "h1", "w", 0);
    put(st, "y/one.txt", "h2", "w", 0);
    long long c = put(st, "y/two.txt", "h3", "w", 0);
    long long id;
    ck_assert_int_eq(store_source_resolve(st, "x/one.txt", &id, &err), KB_OK);
    ck_assert_int_eq(id, a);
    ck_assert_int_eq(store_source_resolve(st, "two.txt", &id, &err), KB_OK);
    ck_assert_int_eq(id, c);
    char num[32];
    snprintf(num, sizeof num, "%lld", c);
    ck_assert_int_eq(store_source_resolve(st, num, &id, &err), KB_OK);
    ck_assert_int_eq(id, c);
    ck_assert_int_eq(store_source_resolve(st, "one.txt", &id, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "several"));
    free(err);
    err = NULL;
    ck_assert_int_eq(store_source_resolve(st, "nothing.txt", &id, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "no source"));
    free(err);
    err = NULL;
    /* "ne.txt" is not a whole file name */
    ck_assert_int_eq(store_source_resolve(st, "ne.txt", &id, &err), KB_ERR);
    free(err);
    store_close(st);
}
END_TEST

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

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_create_schema);
    tcase_add_test(tc, test_upgrade_tag_indexes);
    tcase_add_test(tc, test_upgrade_fts_automerge);
    tcase_add_test(tc, test_newer_and_foreign_files);
    tcase_add_test(tc, test_put_replace_delete);
    tcase_add_test(tc, test_remove_race);
    tcase_add_test(tc, test_only_its_own_databases);
    tcase_add_test(tc, test_savepoint_rollback);
    tcase_add_test(tc, test_index_by_batch);
    tcase_add_test(tc, test_rows_many);
    tcase_add_test(tc, test_no_orphans);
    tcase_add_test(tc, test_resolve);
    tcase_add_test(tc, test_search);
    tcase_add_test(tc, test_read_snapshot);
    tcase_add_test(tc, test_writer_waits_for_writer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(store_suite());
}
