/*
 * check_crash.c - ingest's atomicity under SIGKILL and write errors.
 *
 * `kb ingest` over a generated corpus of small articles is killed at
 * random moments, at least CRASH_KILLS times.  After every kill the
 * database must pass SQLite's integrity_check and FTS5's integrity-check
 * (the form that compares the index with the unit table), the schema
 * must be all there or not at all, and every source present must be
 * complete: its text, units, claims and tags count the same as in a
 * clean ingest of the same file, and no row belongs to a missing source.
 * Every few kills, and at the end, an ingest run to completion must
 * finish the job: the database then equals the clean one, source for
 * source.
 *
 * Runs alternate between a fresh database and a --force re-ingest over
 * what the last killed run left (so kills also land while sources are
 * being replaced).  The kill moments come from a fixed-seed generator,
 * printed with the results; KB_CRASH_SEED=N repeats a run (as far as
 * the machine's timing allows).  The delays are drawn over 1.1 times a
 * clean run's duration, measured first and shortened whenever a run
 * ends before its kill, so most kills land inside a run whatever the
 * machine's speed.
 *
 * A write error (the file-size limit, which kb meets as SQLite meets a
 * full disk) must cost whole batches, never part of a source: every
 * file of a batch SQLite rolled back is reported as not stored, the
 * counts say what is stored, the database passes the same checks, and
 * a re-run stores the rest.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "tustore.h"

#define CRASH_KILLS 50      /* kills that must land inside a run */
#define CRASH_FILES 80      /* articles in the corpus: one full batch and a part */
#define CRASH_FINISH_EVERY 10
#define CRASH_SEED 20240605u

static char *dir;
static char corpus[512], ref_db[512], crash_db[512];

static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(corpus, sizeof corpus, "%s/corpus", dir);
    snprintf(ref_db, sizeof ref_db, "%s/ref.db", dir);
    snprintf(crash_db, sizeof crash_db, "%s/crash.db", dir);
}

static void teardown(void)
{
    tu_rmdir(dir);
}

/* xorshift64*: small, and the same sequence everywhere for a seed. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CRASH_FILES Markdown articles of about 1 KB, with headings, paragraphs,
 * lists and a table, about subjects the default taxonomy knows, so that
 * every source gets units, claims and tags.  Fixed content: the corpus
 * does not depend on the kill seed. */
static void make_corpus(void)
{
    static const char *const subj[] = {"Python", "Node.js"};
    static const char *const dims[] = {"Performance", "Concurrency", "Ecosystem", "Learning curve"};
    static const char *const judge[] = {"excellent", "poor", "good", "slow", "fast"};
    uint64_t r = 42;
    ck_assert_int_eq(mkdir(corpus, 0755), 0);
    for (int i = 0; i < CRASH_FILES; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/a%03d.md", corpus, i);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        const char *a = subj[i % 2], *b = subj[(i + 1) % 2];
        fprintf(f, "# Article %d: %s or %s\n\n", i, a, b);
        int sections = 2 + (int)(rng_next(&r) % 2);
        for (int k = 0; k < sections; k++) {
            const char *d = dims[rng_next(&r) % 4];
            fprintf(f, "## %s\n\n", d);
            fprintf(f, "%s has %s %s, with %d,000 packages in its registry. %s is %s than %s "
                       "for I/O-bound services. It was first released in %d.\n\n",
                    a, judge[rng_next(&r) % 5], d, 10 + (int)(rng_next(&r) % 900), b,
                    rng_next(&r) % 2 ? "faster" : "slower", a, 1991 + (int)(rng_next(&r) % 20));
            fprintf(f, "- %s handles %d,000 requests per second.\n- %s uses %d GB of memory.\n\n", a,
                    1 + (int)(rng_next(&r) % 50), b, 1 + (int)(rng_next(&r) % 9));
            if (k == 1)
                fprintf(f, "| | %s | %s |\n|---|---|---|\n| Speed | %s | %s |\n| Packages | %d | %d |\n\n",
                        a, b, judge[rng_next(&r) % 5], judge[rng_next(&r) % 5],
                        (int)(rng_next(&r) % 5000), (int)(rng_next(&r) % 5000));
        }
        ck_assert_int_eq(fclose(f), 0);
    }
}

/* Start `kb --db DB ingest [--force] corpus`; returns its pid.  Its
 * output goes to errpath (NULL: thrown away, and --quiet); fsize, when
 * not 0, limits the size of every file it writes (SIGXFSZ ignored, so
 * a write past it fails with EFBIG, as on a full disk). */
static pid_t spawn_kb_ingest(const char *db, int force, const char *errpath, rlim_t fsize)
{
    const char *kb = getenv("KB");
    if (!kb) kb = "./kb";
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        int fd = open("/dev/null", O_RDWR);
        int out = errpath ? open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644) : fd;
        dup2(fd, 0);
        dup2(out, 1);
        dup2(out, 2);
        if (fsize) {
            struct rlimit rl = {fsize, fsize};
            signal(SIGXFSZ, SIG_IGN);
            if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(126);
        }
        char *argv[8];
        int a = 0;
        argv[a++] = "kb";
        argv[a++] = "--db";
        argv[a++] = (char *)db;
        argv[a++] = "ingest";
        if (!errpath) argv[a++] = "--quiet";
        if (force) argv[a++] = "--force";
        argv[a++] = corpus;
        argv[a] = NULL;
        execv(kb, argv);
        _exit(127);
    }
    return pid;
}

static pid_t spawn_ingest(const char *db, int force)
{
    return spawn_kb_ingest(db, force, NULL, 0);
}

/* Run an ingest to its end; returns how long it took, in seconds. */
static double ingest_to_end(const char *db, int force)
{
    double t0 = now_s();
    pid_t pid = spawn_ingest(db, force);
    int st = 0;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "kb ingest (to the end) failed: status %d", st);
    return now_s() - t0;
}

static long long q_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    ck_assert_msg(sqlite3_step(s) == SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg(db));
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The first column of the first row as text, or "" (into out). */
static const char *q_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *s;
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    int rc = sqlite3_step(s);
    ck_assert_msg(rc == SQLITE_ROW || rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg(db));
    const unsigned char *v = rc == SQLITE_ROW ? sqlite3_column_text(s, 0) : NULL;
    snprintf(out, n, "%s", v ? (const char *)v : "");
    sqlite3_finalize(s);
    return out;
}

/* Sources of the crashed database (main) that differ from their clean
 * ingest (ref): missing there, other bytes, or other counts of text,
 * units, normalized text, claims and tags. */
static const char crash_mismatch[] =
    "SELECT s.path FROM main.source s LEFT JOIN ref.source r ON r.path = s.path "
    "WHERE r.id IS NULL OR s.hash != r.hash OR s.size != r.size "
    " OR (SELECT count(*) || '/' || total(length(body)) FROM main.source_text WHERE source_id = s.id) "
    "  != (SELECT count(*) || '/' || total(length(body)) FROM ref.source_text WHERE source_id = r.id) "
    " OR (SELECT count(*) || '/' || total(length(norm)) FROM main.unit WHERE source_id = s.id) "
    "  != (SELECT count(*) || '/' || total(length(norm)) FROM ref.unit WHERE source_id = r.id) "
    " OR (SELECT count(*) FROM main.claim WHERE source_id = s.id) "
    "  != (SELECT count(*) FROM ref.claim WHERE source_id = r.id) "
    " OR (SELECT count(*) FROM main.claim c JOIN main.claim_subject x ON x.claim_id = c.id WHERE c.source_id = s.id) "
    "  != (SELECT count(*) FROM ref.claim c JOIN ref.claim_subject x ON x.claim_id = c.id WHERE c.source_id = r.id) "
    " OR (SELECT count(*) FROM main.claim c JOIN main.claim_dimension x ON x.claim_id = c.id WHERE c.source_id = s.id) "
    "  != (SELECT count(*) FROM ref.claim c JOIN ref.claim_dimension x ON x.claim_id = c.id WHERE c.source_id = r.id) "
    " OR (SELECT count(*) FROM main.claim c JOIN main.claim_quantity x ON x.claim_id = c.id WHERE c.source_id = s.id) "
    "  != (SELECT count(*) FROM ref.claim c JOIN ref.claim_quantity x ON x.claim_id = c.id WHERE c.source_id = r.id) "
    "ORDER BY s.path LIMIT 1";

/* Check the database a kill left; returns how many sources it holds.
 * what says which run it was, for messages. */
static long long check_db(const char *what)
{
    sqlite3 *db;
    char buf[512];
    ck_assert_int_eq(sqlite3_open_v2(crash_db, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                     SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    ck_assert_msg(strcmp(q_text(db, "PRAGMA integrity_check", buf, sizeof buf), "ok") == 0,
                  "%s: integrity_check: %s", what, buf);
    long long version = q_int(db, "PRAGMA user_version");
    long long tables = q_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    long long n = 0;
    if (version == 0) {
        /* killed before the schema was committed: none of it is there */
        ck_assert_msg(tables == 0, "%s: %lld tables but no schema version", what, tables);
    } else {
        tu_db_whole(crash_db, what);
        char attach[600];
        snprintf(attach, sizeof attach, "ATTACH '%s' AS ref", ref_db);
        ck_assert_int_eq(sqlite3_exec(db, attach, NULL, NULL, NULL), SQLITE_OK);
        ck_assert_int_eq(q_int(db, "SELECT (SELECT user_version FROM pragma_user_version) = "
                                   "(SELECT max(user_version) FROM ref.pragma_user_version)"), 1);
        q_text(db, crash_mismatch, buf, sizeof buf);
        ck_assert_msg(buf[0] == '\0', "%s: source %s is not complete", what, buf);
        n = q_int(db, "SELECT count(*) FROM main.source");
    }
    ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
    return n;
}

static void remove_db(const char *db)
{
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[600];
        snprintf(p, sizeof p, "%s%s", db, sfx[i]);
        unlink(p);
    }
}

START_TEST(test_sigkill_ingest)
{
    const char *env = getenv("KB_CRASH_SEED");
    uint64_t seed = env && *env ? strtoull(env, NULL, 10) : CRASH_SEED, r = seed ? seed : 1;
    make_corpus();
    /* the clean reference (the first run also warms the caches), then
     * how long a run takes, fresh and with --force */
    ingest_to_end(ref_db, 0);
    double t = ingest_to_end(crash_db, 0), t2 = ingest_to_end(crash_db, 1);
    if (t2 < t) t = t2;
    sqlite3 *ref;
    ck_assert_int_eq(sqlite3_open_v2(ref_db, &ref, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    long long total = q_int(ref, "SELECT count(*) FROM source");
    ck_assert_int_eq(total, CRASH_FILES);
    ck_assert_int_gt(q_int(ref, "SELECT count(*) FROM claim_subject"), CRASH_FILES);
    sqlite3_close(ref);

    int kills = 0, early = 0, iter = 0, finishes = 0, force = 0;
    int seen_none = 0, seen_some = 0, seen_all = 0;
    double window_us = t * 1.1e6;
    remove_db(crash_db);
    for (; kills < CRASH_KILLS && iter < 4 * CRASH_KILLS; iter++) {
        /* half the runs start from nothing, half re-ingest over the
         * remains of the last one with --force */
        force = rng_next(&r) % 2;
        if (!force) remove_db(crash_db);
        long long delay = (long long)((double)(rng_next(&r) % 1000000) / 1e6 * window_us);
        pid_t pid = spawn_ingest(crash_db, force);
        struct timespec ts = {(time_t)(delay / 1000000), (long)(delay % 1000000) * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int st = 0;
        ck_assert_int_eq(waitpid(pid, &st, 0), pid);
        char what[160];
        snprintf(what, sizeof what, "seed %llu, run %d (%s, killed after %lld us)", (unsigned long long)seed,
                 iter, force ? "--force" : "fresh", delay);
        int landed = WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
        if (landed) {
            kills++;
        } else {
            ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: kb ingest failed: %d", what, st);
            early++;
            /* runs are quicker than measured (a busy machine while
             * measuring): draw the next moments from a shorter span */
            if (window_us > 2000) window_us *= 0.85;
        }
        long long n = check_db(what);
        if (n == 0) seen_none++;
        else if (n < total) seen_some++;
        else seen_all++;
        if (landed && kills % CRASH_FINISH_EVERY == 0) {
            /* re-running finishes the job */
            ingest_to_end(crash_db, 0);
            snprintf(what + strlen(what), sizeof what - strlen(what), ", then run to the end");
            ck_assert_int_eq(check_db(what), total);
            finishes++;
        }
    }
    printf("check_crash: seed %llu (KB_CRASH_SEED repeats it): %d kills in %d runs (%d finished before "
           "the kill), a clean run %.0f ms; databases left with no source %d, some %d, all %d; %d "
           "re-runs finished the job\n",
           (unsigned long long)seed, kills, iter, early, t * 1e3, seen_none, seen_some, seen_all, finishes);
    fflush(stdout);
    ck_assert_int_ge(kills, CRASH_KILLS);
}
END_TEST

START_TEST(test_write_error)
{
    make_corpus();
    ingest_to_end(ref_db, 0);
    struct stat sb;
    ck_assert_int_eq(stat(ref_db, &sb), 0);
    /* half the size the database takes: a batch meets the limit midway */
    char errpath[600];
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    pid_t pid = spawn_kb_ingest(crash_db, 0, errpath, (rlim_t)sb.st_size / 2);
    int st = 0;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 1, "kb ingest under a size limit: status %d", st);
    size_t len;
    char *err = tu_read_file(errpath, &len);
    /* each file is named once: stored, or a line of its own */
    int lost = 0, failed = 0;
    for (const char *l = err; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        if (n > 11 && memcmp(l, "kb: ", 4) == 0 && memcmp(l, "kb: ingest:", 11) != 0) {
            char line[1024];
            snprintf(line, sizeof line, "%.*s", (int)n, l);
            failed++;
            lost += strstr(line, "not stored: its batch was rolled back") != NULL;
        }
        l += n + (e != NULL);
    }
    ck_assert_msg(lost > 0, "no batch was lost: %s", err);
    long long n = check_db("after a write error");
    ck_assert_int_eq(n + failed, CRASH_FILES);
    char summary[128];
    snprintf(summary, sizeof summary, "kb: ingest: %lld added, 0 replaced, 0 unchanged, %d failed", n, failed);
    ck_assert_msg(strstr(err, summary) != NULL, "no \"%s\" in:\n%s", summary, err);
    free(err);
    /* with room again, a re-run stores the rest, whole */
    ingest_to_end(crash_db, 0);
    ck_assert_int_eq(check_db("re-run after a write error"), CRASH_FILES);
}
END_TEST

static Suite *crash_suite(void)
{
    Suite *s = suite_create("crash");
    TCase *tc = tcase_create("sigkill");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_sigkill_ingest);
    suite_add_tcase(s, tc);
    tc = tcase_create("write error");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_write_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(crash_suite());
}
