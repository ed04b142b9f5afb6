/*
 * store_open.c - opening a kb database: SQLite's process-wide set-up,
 * the connection's pragmas, and the schema migrations (the SQL files
 * of schema/, compiled in as embed_migrations) that bring an older
 * database up to this kb's version.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "store_int.h"
#include "util.h"

static int store_user_version(store *st, int *v, char **err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, err, "reading the schema version");
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) *v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading the schema version");
    return KB_OK;
}

/* Apply the migrations the database lacks, all in one transaction, so a
 * crash during an upgrade leaves the old version intact. */
static int store_migrate(store *st, char **err)
{
    int v = 0;
    if (store_user_version(st, &v, err)) return KB_ERR;
    if (v > embed_migration_count)
        return kb_seterr(err, "%s: made by a newer kb (schema version %d, this kb knows %d)",
                         st->path, v, embed_migration_count);
    if (v == embed_migration_count) return KB_OK;
    if (store_begin(st, err)) return KB_ERR;
    /* Another process may have upgraded while we waited for the lock. */
    if (store_user_version(st, &v, err)) goto fail;
    int fresh = v == 0;
    for (; v < embed_migration_count; v++) {
        char what[64];
        snprintf(what, sizeof what, "applying schema migration %d", v + 1);
        if (store_exec(st, embed_migrations[v], err, what)) goto fail;
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if (store_exec(st, sql, err, "setting the schema version")) goto fail;
    }
    /* A new database starts with the built-in alias list, so that every
     * client reading it sees the list kb searches with. */
    if (fresh && store_meta_set(st, "aliases", embed_aliases, err)) goto fail;
    if (store_commit(st, err)) goto fail;
    return KB_OK;
fail:
    store_rollback(st);
    return KB_ERR;
}

/* SQLite journals the pages a savepoint or statement changes (as they
 * were, for a rollback) in memory up to 64 KiB, then in a file under
 * /var/tmp until the transaction ends.  An ingest writes each source
 * inside a savepoint, so that a source that fails leaves the rest of
 * its batch: at 595 pages (with foreign keys on, which also gave every
 * multi-row insert a statement journal) that was 320,000 pwrite calls
 * and 658 MB, 70% of the writer's writes, into a file read only on a
 * rollback.  It now stays in memory (-1: never spilled), in small
 * blocks the heap reuses; it is emptied at every release, so it holds
 * the pages one source changed, not the run's.  (A spill size of N
 * makes SQLite take its memory N bytes at a time: 64 MiB blocks were
 * new mappings, faulted in afresh for every source.) */
static void store_configure(void)
{
    /* SQLITE_MISUSE if SQLite is already initialized (a program that
     * used it first): the journal then spills at SQLite's default,
     * slower but the same. */
    (void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
}

/* How long a writer waits for another's lock (sqlite3_busy_timeout).
 * Process-wide: set before the first store_open. */
static int store_busy_ms = STORE_BUSY_MS;

void store_set_busy_timeout(int ms)
{
    store_busy_ms = ms < 0 ? 0 : ms;
}

int store_open(const char *path, int create, store **out, char **err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, store_configure);
    *out = NULL;
    store *st = kb_calloc(1, sizeof *st);
    st->path = kb_strdup(path);
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (!create && (rc == SQLITE_CANTOPEN))
            kb_seterr(err, "%s: no such database (create it with `kb init` or `kb ingest`)", path);
        else
            kb_seterr(err, "%s: cannot open database: %s", path,
                      st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    if (sqlite3_busy_timeout(st->db, store_busy_ms) != SQLITE_OK) {
        store_fail(st, err, "setting the busy timeout");
        goto fail;
    }
    /* A new database gets 8 KiB pages (SQLite's default is 4 KiB): half
     * the pages to write, journal and read back for the same rows; on
     * 595 pages 64,000 pwrite calls instead of 127,000 and about 3% off
     * the ingest.  An existing database keeps its page size (the pragma
     * does nothing there). */
    if (store_exec(st, "PRAGMA page_size = 8192", err, "opening")) goto fail;
    /* journal_mode answers with the mode in force: check it took. */
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL) != SQLITE_OK) {
        store_fail(st, err, "opening");
        goto fail;
    }
    rc = sqlite3_step(s);
    int wal = rc == SQLITE_ROW && sqlite3_column_text(s, 0) &&
              strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW) {
        store_fail(st, err, "opening");
        goto fail;
    }
    if (!wal) {
        kb_seterr(err, "%s: cannot switch the database to WAL mode", path);
        goto fail;
    }
    /* Foreign keys are declared in the schema (for readers, and for
     * clients that want the cascades) but not enforced by kb: store.c
     * deletes a source's rows children first itself, and every id it
     * writes it has just read or made in the same transaction.  The
     * checks were a B-tree lookup per row written (11% of the ingest
     * writer's instructions) and made every multi-row insert keep a
     * statement journal; tests run PRAGMA foreign_key_check instead. */
    if (store_exec(st, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL", err, "opening"))
        goto fail;
    if (store_migrate(st, err)) goto fail;
    *out = st;
    return KB_OK;
fail:
    store_close(st);
    return KB_ERR;
}
