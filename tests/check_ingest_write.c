/*
 * check_ingest_write.c - the ingest's writer (ingest_write.c) end to
 * end, through the built kb: readers and two writers at once (a writer
 * decides again, under the write lock, whether a file is new; no reader
 * meets a lock; the result equals a sequential ingest), a database
 * another process holds locked failing the run once, and one source per
 * file (however its path is spelt; a duplicate; a link out of the folder;
 * kb's own exports; the rows of a removed source handed to its
 * duplicate).  Through the ingest's API: check_ingest*.c.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
/* before tucli.h: its helpers' own dir and db would shadow the fixture's */
#include "tustore.h"
#include "tucli.h"

/* ---- readers and writers at once ---------------------------------------- */

typedef struct writer {
    pid_t pid;
    char errp[32];
} writer;

/* Start `kb --db DB ingest --quiet [--force] PATH`, stderr to a file. */
static void writer_start(writer *w, const char *dbp, int force, const char *path)
{
    snprintf(w->errp, sizeof w->errp, "/tmp/kberr.XXXXXX");
    int fe = mkstemp(w->errp), fd = open("/dev/null", O_RDWR);
    ck_assert(fe >= 0 && fd >= 0);
    char *forced[] = {"kb", "--db", (char *)dbp, "ingest", "--quiet", "--force", (char *)path, NULL};
    char *plain[] = {"kb", "--db", (char *)dbp, "ingest", "--quiet", (char *)path, NULL};
    w->pid = tu_kb_start(fd, fd, fe, (uid_t)-1, 0, force ? forced : plain);
    close(fd);
    close(fe);
}

static int writer_running(const writer *w)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    ck_assert_int_eq(waitid(P_PID, (id_t)w->pid, &si, WEXITED | WNOHANG | WNOWAIT), 0);
    return si.si_pid == 0;
}

/* The writer must succeed with nothing to say (--quiet: no failure). */
static void writer_wait(writer *w)
{
    int st = 0;
    ck_assert_int_eq(waitpid(w->pid, &st, 0), w->pid);
    char *err = tu_read_file(w->errp, NULL);
    unlink(w->errp);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0 && err[0] == '\0', "writer: status %d: %s", st, err);
    free(err);
}

/* Run every kind of reader, round and round, until the writers are
 * done; each must succeed, and none may meet a lock (in WAL mode
 * readers never wait for a writer).  Returns the reads made while a
 * writer was running. */
static int readers_while(writer *w, size_t nw)
{
    static const char *const cmds[][4] = {
        {"search", "--json", "GIL", NULL}, {"export", "--format", "md", NULL},
        {"sources", "--json", NULL, NULL}, {"export", "--format", "html", NULL},
        {"claims", "--subject", "Python", NULL}, {"stats", NULL, NULL, NULL},
        {"disagreements", NULL, NULL, NULL},
    };
    int concurrent = 0;
    for (size_t i = 0;; i++) {
        int running = 0;
        for (size_t k = 0; k < nw; k++) running |= writer_running(&w[k]);
        if (!running) break;
        const char *const *c = cmds[i % (sizeof cmds / sizeof *cmds)];
        tu_out o = tu_kb(NULL, (char *const[]){"kb", "--db", db, (char *)c[0], (char *)c[1], (char *)c[2],
                                               (char *)c[3], NULL});
        ck_assert_msg(o.status == 0 && !strstr(o.err, "locked") && !strstr(o.err, "busy"),
                      "kb %s during an ingest: exit %d: %s", c[0], o.status, o.err);
        tu_out_free(&o);
        concurrent++;
    }
    for (size_t k = 0; k < nw; k++) writer_wait(&w[k]);
    return concurrent;
}

/* The database db is whole and holds what the sequential ingest in ref
 * holds: the same sources, each with the same bytes, units and claims. */
static void assert_same_as(const char *ref)
{
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    char *msg = NULL;
    ck_assert_msg(sqlite3_exec(h, "INSERT INTO unit_fts(unit_fts, rank) VALUES ('integrity-check', 1)", NULL,
                               NULL, &msg) == SQLITE_OK, "FTS5 integrity-check: %s", msg ? msg : "");
    char sql[700];
    snprintf(sql, sizeof sql, "ATTACH '%s' AS ref", ref);
    ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(h,
        "SELECT (SELECT count(*) FROM main.source) = (SELECT count(*) FROM ref.source) AND NOT EXISTS ("
        " SELECT 1 FROM main.source s LEFT JOIN ref.source r ON r.path = s.path WHERE r.id IS NULL "
        " OR s.hash != r.hash "
        " OR (SELECT count(*) FROM main.unit WHERE source_id = s.id) != (SELECT count(*) FROM ref.unit WHERE source_id = r.id) "
        " OR (SELECT count(*) FROM main.claim WHERE source_id = s.id) != (SELECT count(*) FROM ref.claim WHERE source_id = r.id))",
        -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg(sqlite3_column_int(s, 0) == 1, "%s differs from a sequential ingest", db);
    sqlite3_finalize(s);
    ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
}

START_TEST(test_concurrent_readers_and_writers)
{
    /* 80 articles (more than one 64-file batch): copies of the corpus
     * and of a short article, each a source of its own */
    static const char *const srcs[] = {
        "corpus/000_8ce771bb35dfdba8.txt", "tests/fixtures/text/article.md",
        "tests/fixtures/text/article.md", "tests/fixtures/text/article.md",
        "tests/fixtures/html/article.html",
    };
    char gen[600], path[700], ref[600];
    snprintf(gen, sizeof gen, "%s/gen", dir);
    ck_assert_int_eq(mkdir(gen, 0755), 0);
    for (int i = 0; i < 80; i++) {
        const char *src = srcs[i % 5], *ext = strrchr(src, '.');
        size_t len;
        char *data = tu_read_file(src, &len);
        /* a line of its own, so that no two files have the same bytes
         * (those would be one source) */
        data = realloc(data, len + 32);
        len += (size_t)snprintf(data + len, 32, strcmp(ext, ".html") ? "\n\nCopy %02d.\n" : "<!-- %02d -->\n", i);
        snprintf(path, sizeof path, "%s/a%02d%s", gen, i, ext);
        tu_write_file(path, data, len);
        free(data);
    }
    snprintf(ref, sizeof ref, "%s/ref.db", dir);
    tu_out o = tu_kb(NULL, (char *const[]){"kb", "--db", ref, "ingest", "--quiet", "corpus/000_8ce771bb35dfdba8.txt",
                                           gen, NULL});
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);

    int concurrent = 0;
    writer w[2];
    /* one writer */
    o = KB(NULL, "ingest", "--quiet", "corpus/000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    writer_start(&w[0], db, 0, gen);
    concurrent += readers_while(w, 1);
    assert_same_as(ref);
    /* two writers of the same new files at once, on a fresh database:
     * whichever stores a file first, the other finds it unchanged */
    snprintf(db, sizeof db, "%s/two.db", dir);
    o = KB(NULL, "ingest", "--quiet", "corpus/000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    writer_start(&w[0], db, 0, gen);
    writer_start(&w[1], db, 0, gen);
    concurrent += readers_while(w, 2);
    assert_same_as(ref);
    /* and replacing them all, twice at once */
    writer_start(&w[0], db, 1, gen);
    writer_start(&w[1], db, 1, gen);
    concurrent += readers_while(w, 2);
    assert_same_as(ref);
    ck_assert_int_gt(concurrent, 0);
}
END_TEST

/* Another process holds the write lock: the ingest waits out the busy
 * timeout once and stops with one clear line, not once per file; what
 * was stored is untouched, and a run after the lock is gone stores all. */
START_TEST(test_busy_database_fails_once)
{
    tu_out o = KB(NULL, "ingest", "--quiet", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    sqlite3 *lock;
    ck_assert_int_eq(sqlite3_open(db, &lock), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    setenv("KB_BUSY_TIMEOUT", "200", 1);
    o = KB(NULL, "ingest", "corpus");
    unsetenv("KB_BUSY_TIMEOUT");
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.err, "database is locked") && strstr(o.err, "the ingest stopped at corpus/") &&
                      strstr(o.err, "run it again"),
                  "%s", o.err);
    /* one line for the lock, naming the database once; one summary: no
     * line per file */
    ck_assert_uint_eq(tu_lines(o.err), 2);
    ck_assert_ptr_null(strstr(strstr(o.err, db) + 1, db));
    ck_assert_ptr_nonnull(strstr(o.err, "kb: ingest: 0 added"));
    tu_out_free(&o);
    ck_assert_int_eq(sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_close(lock), SQLITE_OK);
    tu_db_whole(db, "after the lock");
    o = KB(NULL, "ingest", "corpus");
    ck_assert_msg(o.status == 0 && strstr(o.err, "5 added"), "%s", o.err);
    tu_out_free(&o);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_array_length(?1, '$.sources')"), 6);
    tu_out_free(&o);
    tu_db_whole(db, "after the run");
}
END_TEST

/* One file is one source however its path is spelt; a file with the
 * same bytes as another is its duplicate, listed and counted once; a
 * link out of the folder is not followed; kb's own export in the folder
 * is not an article; removing a source its duplicate repeats hands the
 * rows to the duplicate. */
START_TEST(test_source_identity)
{
    char c[600], p[700], q[700], out[600];
    snprintf(c, sizeof c, "%s/c", dir);
    ck_assert_int_eq(mkdir(c, 0755), 0);
    snprintf(p, sizeof p, "%s/a.txt", c);
    tu_write_file(p, "Python is slower than Node.js for I/O.\n", 39);
    snprintf(p, sizeof p, "%s/b.txt", c);
    tu_write_file(p, "Node.js has a huge package ecosystem.\n", 38);
    snprintf(out, sizeof out, "%s/secret.txt", dir);
    tu_write_file(out, "Not to be stored.\n", 18);
    tu_out o = KB(NULL, "ingest", c);
    ck_assert_msg(o.status == 0 && strstr(o.err, "2 added"), "%s", o.err);
    tu_out_free(&o);
    /* other spellings of the same folder and file */
    snprintf(p, sizeof p, "%s/../c/./", c);
    snprintf(q, sizeof q, "%s/../c/a.txt", c);
    o = KB(NULL, "ingest", p, q);
    ck_assert_msg(o.status == 0 && strstr(o.err, "0 added, 0 replaced, 3 unchanged"), "%s", o.err);
    tu_out_free(&o);
    /* a link inside the folder to a file inside is that file; a hard
     * link has the same bytes: a duplicate; a link out is refused */
    snprintf(p, sizeof p, "%s/a.txt", c);
    snprintf(q, sizeof q, "%s/hard.txt", c);
    ck_assert_int_eq(link(p, q), 0);
    snprintf(q, sizeof q, "%s/soft.txt", c);
    ck_assert_int_eq(symlink("a.txt", q), 0);
    snprintf(q, sizeof q, "%s/out.txt", c);
    ck_assert_int_eq(symlink(out, q), 0);
    o = KB(NULL, "ingest", c);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.err, "/c/hard.txt: the same bytes as ") && strstr(o.err, "/c/a.txt: stored as its duplicate"),
                  "%s", o.err);
    ck_assert_msg(strstr(o.err, "/c/out.txt: symbolic link to outside the folder being read (not followed)"), "%s",
                  o.err);
    ck_assert_msg(strstr(o.err, "0 added, 0 replaced, 3 unchanged, 1 failed, 1 duplicate"), "%s", o.err);
    tu_out_free(&o);
    /* kb's own summary, written into the folder, is no article */
    snprintf(p, sizeof p, "%s/summary.md", c);
    o = KB(NULL, "export", "-o", p);
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    snprintf(p, sizeof p, "%s/summary.html", c);
    o = KB(NULL, "export", "--format", "html", "-o", p);
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    o = KB(NULL, "ingest", c);
    ck_assert_msg(strstr(o.err, "/c/summary.md: skipped: a summary kb export wrote") &&
                      strstr(o.err, "/c/summary.html: skipped: a summary kb export wrote"),
                  "%s", o.err);
    tu_out_free(&o);
    /* listed three times, counted twice */
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_array_length(?1, '$.sources')"), 3);
    tu_out_free(&o);
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_prepare_v2(h,
                                        "SELECT (SELECT count(*) FROM source WHERE duplicate_of IS NULL), "
                                        "(SELECT count(*) FROM source WHERE path LIKE '%secret%' OR path LIKE '%summary%'), "
                                        "(SELECT count(*) FROM unit u JOIN source s ON s.id = u.source_id "
                                        " WHERE s.duplicate_of IS NOT NULL)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(st, 0), 2);
    ck_assert_int_eq(sqlite3_column_int(st, 1), 0);
    ck_assert_int_eq(sqlite3_column_int(st, 2), 0);
    sqlite3_finalize(st);
    o = KB(NULL, "export", "--format", "json");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_array_length(?1, '$.sources')"), 2);
    tu_out_free(&o);
    snprintf(p, sizeof p, "%s/hard.txt", c);
    o = KB(NULL, "show", p);
    ck_assert_msg(o.status == 0 && strcmp(o.out, "Python is slower than Node.js for I/O.\n") == 0, "%s", o.err);
    tu_out_free(&o);
    /* a.txt removed: hard.txt, the same bytes, takes its rows */
    snprintf(p, sizeof p, "%s/a.txt", c);
    o = KB(NULL, "remove", p);
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    ck_assert_int_eq(sqlite3_prepare_v2(h,
                                        "SELECT count(*), sum(path LIKE '%/hard.txt'), "
                                        "(SELECT count(*) FROM unit) FROM source WHERE duplicate_of IS NULL",
                                        -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(st, 0), 2);
    ck_assert_int_eq(sqlite3_column_int(st, 1), 1);
    ck_assert_int_gt(sqlite3_column_int(st, 2), 0);
    sqlite3_finalize(st);
    ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
    o = KB(NULL, "search", "slower");
    ck_assert_msg(o.status == 0 && strstr(o.out, "/c/hard.txt"), "%s", o.out);
    tu_out_free(&o);
    tu_db_whole(db, "after the hand-over");
}
END_TEST

static Suite *ingest_write_suite(void)
{
    Suite *s = suite_create("ingest_write");
    TCase *tc = tcase_create("ingest_write");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_concurrent_readers_and_writers);
    tcase_add_test(tc, test_busy_database_fails_once);
    tcase_add_test(tc, test_source_identity);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(ingest_write_suite());
}
