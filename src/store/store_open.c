/*
 * store_open.c - opening a kb database: SQLite's process-wide set-up,
 * the connection's pragmas, and the schema migrations (the SQL files
 * of schema/, compiled in as embed_migrations) that bring an older
 * database up to this kb's version.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
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

/* Savepoint and statement journals stay in memory (-1: never spilled).
 * An ingest writes each source in a savepoint, and SQLite's default
 * spills a journal past 64 KiB to a file under /var/tmp: most of the
 * writer's writes, read only on a rollback.  In memory a journal is
 * emptied at every release, so it holds the pages of one source; a
 * spill size of N instead would make SQLite allocate it N bytes at a
 * time, a new mapping for every source when N is large. */
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

/* kb's databases say so in their header (PRAGMA application_id, set by
 * schema/006): "kbdb". */
#define STORE_APP_ID 0x6B626462

/* What a file is, as store_probe finds it. */
enum { PROBE_NONE, PROBE_EMPTY, PROBE_KB, PROBE_OTHER };

/* path as a "file:" URI (SQLite's escapes), read-only and immutable. */
static char *store_immutable_uri(const char *path)
{
    buf b = BUF_INIT;
    buf_adds(&b, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20) buf_printf(&b, "%%%02X", *p);
        else buf_addc(&b, (char)*p);
    }
    buf_adds(&b, "?mode=ro&immutable=1");
    return buf_detach(&b, NULL);
}

/* Open path read-only.  A database in WAL mode needs a shared-memory
 * file beside it, which SQLite cannot make in a folder kb may not
 * write to: there, when no WAL file holds changes (the folder cannot
 * have a writer), the file is read as immutable. */
static int store_open_ro(const char *path, sqlite3 **db)
{
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL);
    /* a reader of a WAL database may meet a writer's brief locks (the
     * WAL index being rebuilt): wait as a writer would */
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(*db, store_busy_ms);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    if (rc == SQLITE_OK) return SQLITE_OK;
    int base = rc & 0xff;
    if (base != SQLITE_READONLY && base != SQLITE_CANTOPEN) return rc;
    buf wal = BUF_INIT;
    struct stat sb;
    buf_printf(&wal, "%s-wal", path);
    int changes = stat(wal.data, &sb) == 0 && sb.st_size > 0;
    buf_free(&wal);
    if (changes) return rc;
    sqlite3_close(*db);
    char *uri = store_immutable_uri(path);
    rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    free(uri);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(*db, store_busy_ms);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    return rc;
}

/* What the file at path is, found without writing to it: none, empty (0
 * bytes, or a database with no tables), kb's (its application id, or,
 * made before kb set one, a schema version and kb's tables), or
 * another's.  For a kb database *ro is the read-only handle and
 * *version its schema version. */
static int store_probe(const char *path, int *kind, int *version, sqlite3 **ro, char **err)
{
    struct stat sb;
    *kind = PROBE_NONE;
    *version = 0;
    *ro = NULL;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT) return KB_OK;
        return kb_seterr(err, "%s: %s", path, strerror(errno));
    }
    if (S_ISDIR(sb.st_mode)) return kb_seterr(err, "%s: is a folder, not a database file", path);
    if (sb.st_size == 0) {
        *kind = PROBE_EMPTY;
        return KB_OK;
    }
    int rc = store_open_ro(path, ro);
    sqlite3_stmt *s = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(*ro,
                                "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_schema), "
                                "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                " AND name IN ('kb_meta', 'source', 'unit', 'unit_fts'))",
                                -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long app = sqlite3_column_int64(s, 0), objects = sqlite3_column_int64(s, 2),
                  kbtables = sqlite3_column_int64(s, 3);
        *version = sqlite3_column_int(s, 1);
        if (app == STORE_APP_ID || (app == 0 && *version >= 1 && kbtables == 4)) *kind = PROBE_KB;
        else if (objects == 0 && *version == 0 && app == 0) *kind = PROBE_EMPTY;
        else *kind = PROBE_OTHER;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_OK) {
        kb_seterr(err, "%s: cannot read it as a database: %s", path, *ro ? sqlite3_errmsg(*ro) : sqlite3_errstr(rc));
        sqlite3_close(*ro);
        *ro = NULL;
        return KB_ERR;
    }
    if (*kind != PROBE_KB) {
        sqlite3_close(*ro);
        *ro = NULL;
    }
    return KB_OK;
}

/* The connection's set-up for writing: the busy timeout, 8 KiB pages for
 * a new database, WAL, no foreign key checks. */
static int store_setup_write(store *st, char **err)
{
    if (sqlite3_busy_timeout(st->db, store_busy_ms) != SQLITE_OK) return store_fail(st, err, "setting the busy timeout");
    /* A new database gets 8 KiB pages (SQLite's default is 4 KiB): half
     * the pages to write, journal and read back for the same rows.  An
     * existing database keeps its page size (the pragma does nothing
     * there). */
    if (store_exec(st, "PRAGMA page_size = 8192", err, "opening")) return KB_ERR;
    /* journal_mode answers with the mode in force: check it took. */
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL) != SQLITE_OK)
        return store_fail(st, err, "opening");
    int rc = sqlite3_step(s);
    int wal = rc == SQLITE_ROW && sqlite3_column_text(s, 0) &&
              strcmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW) return store_fail(st, err, "opening");
    if (!wal) return kb_seterr(err, "%s: cannot switch the database to WAL mode", st->path);
    /* Foreign keys are declared in the schema (for readers, and for
     * clients that want the cascades) but not enforced by kb: the store
     * deletes a source's rows children first itself, and every id it
     * writes it has just read or made in the same transaction.  The
     * checks cost a B-tree lookup per row written and a statement
     * journal per multi-row insert; tests run PRAGMA foreign_key_check
     * instead. */
    return store_exec(st, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL", err, "opening");
}

int store_open(const char *path, store_mode mode, store **out, char **err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, store_configure);
    *out = NULL;
    store *st = kb_calloc(1, sizeof *st);
    st->path = kb_strdup(path);
    int kind, version;
    sqlite3 *ro = NULL;
    if (store_probe(path, &kind, &version, &ro, err)) goto fail;
    if (kind == PROBE_OTHER) {
        kb_seterr(err, "%s: not a kb database (it holds tables kb did not make; kb changes only databases it made)",
                  path);
        goto fail;
    }
    if (kind == PROBE_NONE && mode != STORE_CREATE) {
        kb_seterr(err, "%s: no such database (create it with `kb init` or `kb ingest`)", path);
        goto fail;
    }
    if (version > embed_migration_count) {
        kb_seterr(err, "%s: made by a newer kb (schema version %d, this kb knows %d)", path, version,
                  embed_migration_count);
        goto fail;
    }
    if (mode == STORE_READ) {
        if (kind != PROBE_KB) {
            kb_seterr(err, "%s: an empty database (add articles with `kb ingest`)", path);
            goto fail;
        }
        if (version < embed_migration_count) {
            kb_seterr(err, "%s: made by an older kb (schema version %d; this kb reads %d): run `kb init` to "
                           "upgrade it", path, version, embed_migration_count);
            goto fail;
        }
        st->db = ro;
        ro = NULL;
        sqlite3_extended_result_codes(st->db, 1);
        *out = st;
        return KB_OK;
    }
    sqlite3_close(ro);
    ro = NULL;
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0),
                             NULL);
    if (rc != SQLITE_OK) {
        kb_seterr(err, "%s: cannot open database: %s", path, st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    if (store_setup_write(st, err) || store_migrate(st, err)) goto fail;
    *out = st;
    return KB_OK;
fail:
    sqlite3_close(ro);
    store_close(st);
    return KB_ERR;
}
