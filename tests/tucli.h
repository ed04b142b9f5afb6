/*
 * tucli.h - what the suites that run kb as a user does share
 * (check_cli.c, check_cmd_ingest.c, check_cmd_init.c,
 * check_cmd_search.c, check_ingest_write.c): the fixture of tukb.h,
 * KB(stdin, args...) to run kb on its database, the corpus ingested,
 * SQL over a JSON document, and kb run as another user.
 *
 * They run the freshly built binary ($KB, set by `make check`).
 */
#ifndef KB_TUCLI_H
#define KB_TUCLI_H

#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tukb.h"

#define KB(in, ...) tu_kb(in, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

static inline void ingest_corpus(void)
{
    tu_out o = KB(NULL, "ingest", "corpus");
    ck_assert_msg(o.status == 0, "ingest failed: %s", o.err);
    ck_assert_ptr_nonnull(strstr(o.err, "5 added"));
    tu_out_free(&o);
}

/* Evaluate SQL over a JSON document with SQLite's JSON functions. */
static inline long long json_int_of(const char *doc, const char *sql)
{
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(mem, sql, -1, &s, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(mem));
    sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(mem);
    return v;
}

static inline long long nresults(const char *doc)
{
    return json_int_of(doc, "SELECT json_array_length(json_extract(?1, '$.results'))");
}

/* Run kb as tu_kb does (standard input /dev/null), but as user uid
 * unless it is (uid_t)-1 (a test running as root drops to nobody), give
 * the child's peak resident memory in KiB, and fail if kb could not be
 * started as that user. */
static inline tu_out kb_ex(uid_t uid, gid_t gid, long *maxrss_kb, char *const argv[])
{
    tu_out o = tu_kb_run(NULL, uid, gid, maxrss_kb, argv);
    ck_assert_msg(o.status != 126 && o.status != 127, "could not run %s as uid %d", tu_kb_path(), (int)uid);
    return o;
}

#endif
