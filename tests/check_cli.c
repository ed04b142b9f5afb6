/*
 * check_cli.c - kb end to end, as a user runs it: the acceptance points
 * of the foundation (search over the corpus, aliases, apostrophes,
 * hostile queries, re-ingest, the stock sqlite3 shell, an HTML page
 * saved from the web), exit codes and the JSON contract; bad input one
 * file at a time (one line on stderr naming the file and the reason,
 * exit 1, earlier data intact); readers and two writers at once.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "testutil.h"
#include "tustore.h"

static char *dir;
static char db[512];

#define KB(in, ...) tu_kb(in, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(db, sizeof db, "%s/kb.db", dir);
}

static void teardown(void)
{
    tu_rmdir(dir);
}

static void ingest_corpus(void)
{
    tu_out o = KB(NULL, "ingest", "corpus");
    ck_assert_msg(o.status == 0, "ingest failed: %s", o.err);
    ck_assert_ptr_nonnull(strstr(o.err, "5 added"));
    tu_out_free(&o);
}

/* Evaluate SQL over a JSON document with SQLite's JSON functions. */
static long long json_int_of(const char *doc, const char *sql)
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

static long long distinct_sources(const char *doc)
{
    return json_int_of(doc, "SELECT count(DISTINCT json_extract(value, '$.source')) "
                            "FROM json_each(json_extract(?1, '$.results'))");
}

static long long nresults(const char *doc)
{
    return json_int_of(doc, "SELECT json_array_length(json_extract(?1, '$.results'))");
}

START_TEST(test_help_and_usage)
{
    /* every command has its own usage text, and `kb help CMD` prints it
     * as `kb CMD --help` does */
    const char *cmds[] = {"init",   "ingest", "remove", "sources",  "show",          "search",
                          "claims", "stats",  "taxonomy", "disagreements", "export"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        tu_out o = tu_kb(NULL, (char *const[]){"kb", (char *)cmds[i], "--help", NULL});
        ck_assert_int_eq(o.status, 0);
        char head[64];
        snprintf(head, sizeof head, "usage: kb %s ", cmds[i]);
        ck_assert_msg(strncmp(o.out, head, strlen(head)) == 0, "%s --help: %s", cmds[i], o.out);
        tu_out h = tu_kb(NULL, (char *const[]){"kb", "help", (char *)cmds[i], NULL});
        ck_assert_int_eq(h.status, 0);
        ck_assert_str_eq(h.out, o.out);
        tu_out_free(&h);
        tu_out_free(&o);
    }
    tu_out o = tu_kb(NULL, (char *const[]){"kb", "--help", NULL});
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "search"));
    tu_out_free(&o);
    o = tu_kb(NULL, (char *const[]){"kb", "frobnicate", NULL});
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "not a command"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--limit", "zero", "x");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB(NULL, "ingest");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    /* no database yet: a clear error, not a new empty file */
    o = KB(NULL, "search", "GIL");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "no such database"));
    ck_assert_int_ne(access(db, F_OK), 0);
    tu_out_free(&o);
}
END_TEST

START_TEST(test_search_acceptance)
{
    ingest_corpus();
    /* GIL: hits from at least three of the five articles */
    tu_out o = KB(NULL, "search", "--json", "--limit", "50", "GIL");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_ge(distinct_sources(o.out), 3);
    tu_out_free(&o);
    /* nodejs finds text written "Node.js" */
    o = KB(NULL, "search", "--json", "--limit", "100", "nodejs");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_gt(json_int_of(o.out, "SELECT count(*) FROM json_each(json_extract(?1, '$.results')) "
                                        "WHERE json_extract(value, '$.text') LIKE '%Node.js%'"),
                     0);
    tu_out_free(&o);
    /* the typographic and the ASCII apostrophe give the same hits */
    tu_out a = KB(NULL, "search", "--json", "--limit", "100", "python’s syntax");
    tu_out b = KB(NULL, "search", "--json", "--limit", "100", "python's syntax");
    ck_assert_int_eq(a.status, 0);
    ck_assert_int_gt(nresults(a.out), 0);
    /* the documents differ only in the echoed query */
    long long ia = json_int_of(a.out, "SELECT sum(json_extract(value, '$.id')) FROM json_each(json_extract(?1, '$.results'))");
    long long ib = json_int_of(b.out, "SELECT sum(json_extract(value, '$.id')) FROM json_each(json_extract(?1, '$.results'))");
    ck_assert_int_eq(ia, ib);
    ck_assert_int_eq(nresults(a.out), nresults(b.out));
    tu_out_free(&a);
    tu_out_free(&b);
}
END_TEST

/* The JSON contract: text is exactly bytes start..end of the file. */
START_TEST(test_json_offsets)
{
    ingest_corpus();
    tu_out o = KB(NULL, "search", "--json", "--limit", "30", "packages");
    ck_assert_int_eq(o.status, 0);
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(mem,
                                        "SELECT json_extract(value, '$.source'), json_extract(value, '$.start'), "
                                        "json_extract(value, '$.end'), json_extract(value, '$.text'), "
                                        "json_extract(value, '$.rank'), json_extract(value, '$.title') "
                                        "FROM json_each(json_extract(?1, '$.results'))",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, o.out, -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        n++;
        size_t flen;
        char *file = tu_read_file((const char *)sqlite3_column_text(s, 0), &flen);
        long long st = sqlite3_column_int64(s, 1), en = sqlite3_column_int64(s, 2);
        const char *text = (const char *)sqlite3_column_text(s, 3);
        ck_assert(st >= 0 && en <= (long long)flen && st < en);
        ck_assert_int_eq((long long)strlen(text), en - st);
        ck_assert_int_eq(memcmp(file + st, text, (size_t)(en - st)), 0);
        ck_assert(sqlite3_column_double(s, 4) < 0);
        ck_assert_ptr_nonnull(sqlite3_column_text(s, 5));
        free(file);
    }
    ck_assert_int_gt(n, 3);
    sqlite3_finalize(s);
    sqlite3_close(mem);
    tu_out_free(&o);
    /* text output: highlighted word and a citation line with path:start-end */
    o = KB(NULL, "search", "--color", "never", "--limit", "2", "GIL");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "**GIL**"));
    ck_assert_ptr_nonnull(strstr(o.out, "corpus/"));
    tu_out_free(&o);
}
END_TEST

/* ---- a --json document is whole or absent ----------------------------- */

/* Make the last leaf page of table `name` unreadable (its page type
 * byte), so that reading its rows fails there, after the rows before. */
static void corrupt_last_leaf(const char *name)
{
    sqlite3 *d;
    ck_assert_int_eq(sqlite3_open(db, &d), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(d, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(d,
                                        "SELECT max(pageno), (SELECT page_size FROM pragma_page_size) "
                                        "FROM dbstat WHERE name = ?1 AND pagetype = 'leaf'",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long page = sqlite3_column_int64(s, 0), size = sqlite3_column_int64(s, 1);
    sqlite3_finalize(s);
    ck_assert_int_eq(sqlite3_close(d), SQLITE_OK);
    ck_assert_int_gt(page, 2);
    FILE *f = fopen(db, "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, (page - 1) * size, SEEK_SET), 0);
    ck_assert_int_eq(fputc(0xff, f), 0xff);
    ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_json_whole_or_nothing)
{
    /* a.txt first, then b.txt: b's claims and units fill the last pages */
    char path[600];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    tu_write_file(path, "Python is fast.\n", 16);
    tu_out o = KB(NULL, "ingest", path);
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    buf b = BUF_INIT;
    for (int i = 0; i < 400; i++) buf_printf(&b, "Python is slow at task number %d of the benchmark.\n\n", i);
    snprintf(path, sizeof path, "%s/b.txt", dir);
    tu_write_file(path, b.data, b.len);
    buf_free(&b);
    o = KB(NULL, "ingest", path);
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);

    /* a query refused after the document was begun */
    o = KB(NULL, "search", "--json", "--fts", "NEAR(");
    ck_assert_int_eq(o.status, 2);
    ck_assert_uint_eq(o.out_len, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "syntax error"));
    tu_out_free(&o);

    corrupt_last_leaf("claim");
    corrupt_last_leaf("unit");
    static const char *const cmds[][4] = {
        {"claims", "--json", NULL, NULL},    {"show", "--json", "b.txt", NULL},  {"stats", "--json", NULL, NULL},
        {"sources", "--json", NULL, NULL},   {"search", "--json", "python", NULL},
        {"search", "--json", "--limit", "1000"}, {"disagreements", "--json", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char *const argv[] = {"kb", "--db", db, (char *)cmds[i][0], (char *)cmds[i][1], (char *)cmds[i][2],
                              (char *)cmds[i][3], i == 5 ? "slow" : NULL, NULL};
        o = tu_kb(NULL, argv);
        if (o.status == 0) {
            ck_assert_msg(json_int_of(o.out, "SELECT json_valid(?1)") == 1, "%s: not JSON", cmds[i][0]);
        } else {
            ck_assert_msg(o.out_len == 0, "%s %s: exit %d with %zu bytes on stdout", cmds[i][0], cmds[i][2] ? cmds[i][2] : "",
                          o.status, o.out_len);
            ck_assert_msg(strstr(o.err, "malformed") != NULL, "%s: %s", cmds[i][0], o.err);
        }
        /* the first two fail after their first rows: the case that matters */
        if (i < 2) ck_assert_msg(o.status == 1, "%s: exit %d", cmds[i][0], o.status);
        tu_out_free(&o);
    }
}
END_TEST

static const char *const hostile[] = {
    "\"unbalanced", "((", "NEAR(", "-", "*", ":", "AND OR NOT", "\"\"", "NEAR(a b, 5)", "a:b",
    "^start", "x OR", "'", "col:python", "python*", "{a b}", ")", "+", "NOT python", "",
};

START_TEST(test_hostile_queries)
{
    ingest_corpus();
    char *const *q = (char *const *)hostile;
    size_t n = sizeof hostile / sizeof *hostile;
    for (size_t i = 0; i < n + 2; i++) {
        char big[10241];
        char *arg;
        if (i < n) {
            arg = q[i];
        } else if (i == n) {
            /* 10 kB of text */
            for (size_t k = 0; k < sizeof big - 1; k++) big[k] = "python node GIL \"( -*"[k % 21];
            big[sizeof big - 1] = '\0';
            arg = big;
        } else {
            arg = "bad \xff\xfe utf8";
        }
        tu_out o = KB(NULL, "search", arg);
        ck_assert_msg(o.status == 0 || o.status == 2, "query %zu: exit %d: %s", i, o.status, o.err);
        ck_assert_msg(tu_lines(o.err) <= 1, "query %zu: more than one line on stderr: %s", i, o.err);
        ck_assert_msg(strstr(o.err, "SQL") == NULL && strstr(o.err, "sqlite") == NULL, "query %zu: %s", i,
                      o.err);
        tu_out_free(&o);
    }
    /* --fts passes syntax, and turns a syntax error into one line, exit 2 */
    tu_out o = KB(NULL, "search", "--fts", "gil AND (python OR cpython)");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "GIL"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--fts", "NEAR(");
    ck_assert_int_eq(o.status, 2);
    ck_assert_uint_eq(tu_lines(o.err), 1);
    ck_assert_ptr_nonnull(strstr(o.err, "syntax error"));
    tu_out_free(&o);
}
END_TEST

/* A query over the limits of query.h is a usage error naming the limit,
 * with nothing on stdout; the same word 2,000 times is one term. */
START_TEST(test_query_limits)
{
    ingest_corpus();
    static char big[16400], many[8000], rep[14001], fts[1000];
    memset(big, 'a', sizeof big - 1);
    size_t n = 0;
    for (int i = 0; i <= 1000; i++) n += (size_t)snprintf(many + n, sizeof many - n, "w%d ", i);
    for (size_t i = 0; i + 7 < sizeof rep; i += 7) memcpy(rep + i, "python ", 7);
    n = 0;
    for (int i = 0; i <= 100; i++) n += (size_t)snprintf(fts + n, sizeof fts - n, "%s ", i % 2 ? "OR" : "gil");
    static const struct {
        int raw;
        const char *q, *msg;
    } cases[] = {
        {0, big, "kb search: query is too long: 16399 bytes (at most 16384)\n"},
        {1, big, "kb search: query is too long: 16399 bytes (at most 16384)\n"},
        {0, many, "kb search: query has too many terms: more than 1000 different words and phrases "
                  "(each name of an alias counts)\n"},
        {1, fts, "kb search: FTS5 query has too many terms: more than 100 words\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tu_out o = cases[i].raw ? KB(NULL, "search", "--fts", (char *)cases[i].q)
                                : KB(NULL, "search", (char *)cases[i].q);
        ck_assert_msg(o.status == 2, "case %zu: exit %d", i, o.status);
        ck_assert_str_eq(o.err, cases[i].msg);
        ck_assert_uint_eq(o.out_len, 0);
        tu_out_free(&o);
    }
    tu_out o = KB(NULL, "search", "--explain", rep);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "FTS5 query: (\"python\" OR \"python3\" OR \"python 3\" OR \"cpython\" OR \"py\")\n"));
    tu_out_free(&o);
}
END_TEST

/* An alias group of more than 256 names is refused at `kb init`, by
 * line, and the list in force stays. */
START_TEST(test_alias_group_limit)
{
    ingest_corpus();
    char path[600];
    snprintf(path, sizeof path, "%s/aliases.tsv", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("Python\tpy\nBig", f);
    for (int i = 0; i < 60000; i++) fprintf(f, "\tbig name %d", i);
    fputc('\n', f);
    ck_assert_int_eq(fclose(f), 0);
    tu_out o = KB(NULL, "init", "--aliases", path);
    ck_assert_int_eq(o.status, 1);
    char want[700];
    snprintf(want, sizeof want, "kb: %s: line 2: more than 256 different names in one group\n", path);
    ck_assert_str_eq(o.err, want);
    tu_out_free(&o);
    o = KB(NULL, "search", "--explain", "nodejs");   /* the shipped list still */
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "\"nodejs\""));
    tu_out_free(&o);
}
END_TEST

START_TEST(test_reingest_and_remove)
{
    ingest_corpus();
    tu_out o = KB(NULL, "ingest", "corpus");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.err, "0 added, 0 replaced, 5 unchanged"));
    tu_out_free(&o);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_array_length(json_extract(?1, '$.sources'))"), 5);
    tu_out_free(&o);
    /* show prints a text source byte for byte */
    o = KB(NULL, "show", "000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    size_t flen;
    char *file = tu_read_file("corpus/000_8ce771bb35dfdba8.txt", &flen);
    ck_assert_uint_eq(o.out_len, flen);
    ck_assert_int_eq(memcmp(o.out, file, flen), 0);
    free(file);
    tu_out_free(&o);
    o = KB(NULL, "remove", "corpus/000_8ce771bb35dfdba8.txt");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    o = KB(NULL, "remove", "no-such-source");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "no-such-source"));
    tu_out_free(&o);
    o = KB(NULL, "search", "--json", "--limit", "100", "Hostinger");
    ck_assert_int_eq(o.status, 0);
    ck_assert_int_eq(nresults(o.out), 0);
    tu_out_free(&o);
    o = KB(NULL, "ingest", "corpus");
    ck_assert_ptr_nonnull(strstr(o.err, "1 added, 0 replaced, 4 unchanged"));
    tu_out_free(&o);
}
END_TEST

/* The stock sqlite3 shell, with no kb code loaded, can MATCH. */
START_TEST(test_stock_sqlite3_shell)
{
    ingest_corpus();
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' \"SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'gil'\" > '%s/out' 2>&1",
             db, dir);
    int rc = system(cmd);
    char outp[600];
    snprintf(outp, sizeof outp, "%s/out", dir);
    char *out = tu_read_file(outp, NULL);
    ck_assert_msg(rc == 0, "sqlite3 shell failed: %s", out);
    ck_assert_msg(atoi(out) >= 3, "sqlite3 shell found %s", out);
    free(out);
    /* and the library, opened read-only as another client would */
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(h,
                                        "SELECT u.text FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid "
                                        "WHERE unit_fts MATCH 'multithreading' ORDER BY rank",
                                        -1, &s, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    sqlite3_finalize(s);
    sqlite3_close(h);
}
END_TEST

START_TEST(test_html_page)
{
    tu_out o = KB(NULL, "ingest", "tests/fixtures/html/article.html");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_extract(?1, '$.sources[0].title') IS NOT NULL AND "
                                        "json_extract(?1, '$.sources[0].author') IS NOT NULL AND "
                                        "json_extract(?1, '$.sources[0].date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"),
                     1);
    tu_out_free(&o);
    o = KB(NULL, "show", "article.html");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_null(strstr(o.out, "<script"));
    ck_assert_ptr_null(strstr(o.out, "function("));
    ck_assert_ptr_null(strstr(o.out, "cookie"));
    tu_out_free(&o);
}
END_TEST

START_TEST(test_stdin_and_exit_codes)
{
    tu_out o = KB("# From stdin\n\nPiped text about asyncio.\n", "ingest", "-");
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "--name"));
    tu_out_free(&o);
    o = KB("# From stdin\n\nPiped text about asyncio.\n", "ingest", "--name", "piped.md", "-");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    o = KB(NULL, "search", "--json", "asyncio");
    ck_assert_int_eq(json_int_of(o.out, "SELECT json_extract(?1, '$.results[0].source') = 'piped.md'"), 1);
    tu_out_free(&o);
    /* one bad file among good ones: reported by name, exit 1, good ones stored */
    char bad[600];
    snprintf(bad, sizeof bad, "%s/bad.txt", dir);
    tu_write_file(bad, "\xc3\x28 invalid\n", 10);
    o = KB(NULL, "ingest", bad, "corpus");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "bad.txt: "));
    ck_assert_ptr_nonnull(strstr(o.err, "5 added"));
    tu_out_free(&o);
}
END_TEST

/* ---- bad input, one file at a time ------------------------------------ */

/* Run kb as tu_kb does (standard input /dev/null), but as user uid
 * unless it is (uid_t)-1 (a test running as root drops to nobody), give
 * the child's peak resident memory in KiB, and fail if kb could not be
 * started as that user. */
static tu_out kb_ex(uid_t uid, gid_t gid, long *maxrss_kb, char *const argv[])
{
    tu_out o = tu_kb_run(NULL, uid, gid, maxrss_kb, argv);
    ck_assert_msg(o.status != 126 && o.status != 127, "could not run %s as uid %d", tu_kb_path(), (int)uid);
    return o;
}

/* stderr is exactly the lines wanted, then the one summary line. */
static void assert_failures(const tu_out *o, const char *want)
{
    size_t n = strlen(want);
    ck_assert_msg(o->status == 1, "exit %d, stderr:\n%s", o->status, o->err);
    ck_assert_msg(strncmp(o->err, want, n) == 0, "stderr:\n%s\nwanted first:\n%s", o->err, want);
    ck_assert_msg(strncmp(o->err + n, "kb: ingest: ", 12) == 0 && tu_lines(o->err + n) == 1,
                  "after the failures: %s", o->err + n);
}

/* One bad input: the path given to kb ingest and the line(s) kb must
 * write for it. */
typedef struct bad_input {
    char arg[800];
    char want[2400];
} bad_input;

static void bad_add(bad_input *b, size_t *n, const char *arg, const char *lines)
{
    snprintf(b[*n].arg, sizeof b[*n].arg, "%s", arg);
    snprintf(b[*n].want, sizeof b[*n].want, "%s", lines);
    (*n)++;
}

/* Every bad input of the reliability acceptance but the unreadable file
 * (test_unreadable_file): fixtures where the bytes are the point, files
 * made here where size, shape or name is.  Returns how many. */
static size_t make_bad_inputs(bad_input *b)
{
    static const struct {
        const char *path, *reason;
    } fixtures[] = {
        {"tests/fixtures/bad/invalid-utf8.txt", "invalid UTF-8 at byte 3"},
        {"tests/fixtures/bad/nul-byte.md", "contains a NUL byte at offset 25 (binary file?)"},
        {"tests/fixtures/bad/image.txt", "contains a NUL byte at offset 8 (binary file?)"},
        {"tests/fixtures/bad/empty.txt", "empty file"},
        {"tests/fixtures/bad/declared-utf8-is-latin1.html", "declares UTF-8 but is not valid UTF-8 (byte 60)"},
    };
    size_t n = 0;
    char path[700], path2[700], lines[2400];
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
        snprintf(lines, sizeof lines, "kb: %s: %s\n", fixtures[i].path, fixtures[i].reason);
        bad_add(b, &n, fixtures[i].path, lines);
    }
    /* 1 GiB of one line, sparse so that it costs nothing to make */
    snprintf(path, sizeof path, "%s/huge.txt", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert(fd >= 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)1 << 30), 0);
    ck_assert_int_eq(close(fd), 0);
    snprintf(lines, sizeof lines, "kb: %s: file is too large (1073741824 bytes; the limit is 256 MiB, see --max-size)\n",
             path);
    bad_add(b, &n, path, lines);
    /* HTML nested 100,000 deep */
    snprintf(path, sizeof path, "%s/deep.html", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("<html><body><p>Python is fast.</p>", f);
    for (int i = 0; i < 100000; i++) fputs("<div>", f);
    fputs("deep text", f);
    for (int i = 0; i < 100000; i++) fputs("</div>", f);
    fputs("<p>Node.js is fast too.</p></body></html>\n", f);
    ck_assert_int_eq(fclose(f), 0);
    snprintf(lines, sizeof lines,
             "kb: %s: elements nested deeper than 256 levels (line 1); the HTML parser cannot read past that\n", path);
    bad_add(b, &n, path, lines);
    /* a folder with a link to itself and two links to each other, and
     * one good article that must still be stored */
    snprintf(path, sizeof path, "%s/loop", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(path2, sizeof path2, "%s/loop/a.md", dir);
    const char *loop_text = "# Loop\n\nPython in a folder with loops.\n";
    tu_write_file(path2, loop_text, strlen(loop_text));
    snprintf(path2, sizeof path2, "%s/loop/self", dir);
    ck_assert_int_eq(symlink(".", path2), 0);
    snprintf(path2, sizeof path2, "%s/loop/x.md", dir);
    ck_assert_int_eq(symlink("y.md", path2), 0);
    snprintf(path2, sizeof path2, "%s/loop/y.md", dir);
    ck_assert_int_eq(symlink("x.md", path2), 0);
    snprintf(lines, sizeof lines,
             "kb: %s/self: symbolic link loop (folder already being read)\n"
             "kb: %s/x.md: symbolic link loop\nkb: %s/y.md: symbolic link loop\n", path, path, path);
    bad_add(b, &n, path, lines);
    /* spaces and non-ASCII in the path, and a newline in a name: the
     * line names the file as it is (the newline escaped) */
    snprintf(path, sizeof path, "%s/dossier é", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/dossier é/naïve ü.txt", dir);
    tu_write_file(path, "Python \xff\n", 9);
    snprintf(lines, sizeof lines, "kb: %s: invalid UTF-8 at byte 7\n", path);
    bad_add(b, &n, path, lines);
    snprintf(path, sizeof path, "%s/two\nlines.txt", dir);
    tu_write_file(path, "\xc3\x28 Python\n", 10);
    snprintf(lines, sizeof lines, "kb: %s/two\\nlines.txt: invalid UTF-8 at byte 0\n", dir);
    bad_add(b, &n, path, lines);
    return n;
}

/* kb show of the earlier article, and the number of sources. */
static char *earlier_state(long long *nsources)
{
    tu_out o = KB(NULL, "show", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    char *shown = o.out;
    free(o.err);
    o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(o.status, 0);
    *nsources = json_int_of(o.out, "SELECT json_array_length(json_extract(?1, '$.sources'))");
    tu_out_free(&o);
    return shown;
}

START_TEST(test_bad_inputs)
{
    bad_input *bad = calloc(16, sizeof *bad);
    ck_assert_ptr_nonnull(bad);
    size_t nbad = make_bad_inputs(bad);
    tu_out o = KB(NULL, "ingest", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    long long n0, n;
    char *before = earlier_state(&n0);

    /* one at a time: one line each, exit 1, what was stored is intact */
    for (size_t i = 0; i < nbad; i++) {
        long rss = 0;
        o = kb_ex((uid_t)-1, 0, &rss, (char *const[]){"kb", "--db", db, "ingest", bad[i].arg, NULL});
        assert_failures(&o, bad[i].want);
        tu_out_free(&o);
        /* the 1 GiB file is refused unread: reading it would take a GiB */
        ck_assert_msg(rss < 200 * 1024, "%s: peak RSS %ld KiB", bad[i].arg, rss);
        char *after = earlier_state(&n);
        ck_assert_str_eq(after, before);
        free(after);
    }
    /* the loop folder's own article was stored */
    ck_assert_int_eq(n, n0 + 1);

    /* all at once in a fresh database, a good file last: the batch goes
     * on, every failure is its line, in order */
    char good[700], want[16 * 2400] = "";
    snprintf(good, sizeof good, "%s/dossier é/Ärger mit Leerzeichen.md", dir);
    const char *good_text = "# Ärger\n\nPython and Node.js, in a path with spaces.\n";
    tu_write_file(good, good_text, strlen(good_text));
    snprintf(db, sizeof db, "%s/all.db", dir);
    o = KB(NULL, "ingest", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    char *argv[24] = {"kb", "--db", db, "ingest"};
    size_t argc = 4;
    for (size_t i = 0; i < nbad; i++) {
        argv[argc++] = bad[i].arg;
        strcat(want, bad[i].want);
    }
    argv[argc++] = good;
    argv[argc] = NULL;
    o = tu_kb(NULL, argv);
    assert_failures(&o, want);
    char summary[100];
    snprintf(summary, sizeof summary, "kb: ingest: 2 added, 0 replaced, 0 unchanged, %zu failed", tu_lines(want));
    ck_assert_msg(strstr(o.err, summary) != NULL, "%s", o.err);
    tu_out_free(&o);
    char *after = earlier_state(&n);
    ck_assert_str_eq(after, before);
    ck_assert_int_eq(n, 3);
    free(after);
    /* the good file is stored under its name, as given */
    o = KB(NULL, "sources", "--json");
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(mem, "SELECT count(*) FROM json_each(json_extract(?1, '$.sources')) "
                                             "WHERE json_extract(value, '$.source') = ?2", -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, o.out, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, good, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
    sqlite3_close(mem);
    tu_out_free(&o);
    free(before);
    free(bad);
}
END_TEST

/* An unreadable file among readable ones.  Root reads anything, so a
 * test running as root runs kb as nobody, in a folder nobody owns, on a
 * file that only root may read: genuinely unreadable to that kb. */
START_TEST(test_unreadable_file)
{
    uid_t uid = (uid_t)-1;
    gid_t gid = 0;
    char home[400], good[500], secret[500], later[500], line[600];
    snprintf(home, sizeof home, "%s/home", dir);
    ck_assert_int_eq(mkdir(home, 0755), 0);
    snprintf(good, sizeof good, "%s/good.md", home);
    snprintf(secret, sizeof secret, "%s/secret.md", home);
    snprintf(later, sizeof later, "%s/later.md", home);
    snprintf(db, sizeof db, "%s/kb.db", home);
    const char *texts[] = {"# Good\n\nPython is readable.\n", "# Secret\n\nNode.js is hidden.\n",
                           "# Later\n\nNode.js comes later.\n"};
    tu_write_file(good, texts[0], strlen(texts[0]));
    tu_write_file(secret, texts[1], strlen(texts[1]));
    tu_write_file(later, texts[2], strlen(texts[2]));
    ck_assert_int_eq(chmod(secret, 0600), 0);
    if (geteuid() == 0) {
        const struct passwd *pw = getpwnam("nobody");
        uid = pw ? pw->pw_uid : 65534;
        gid = pw ? pw->pw_gid : 65534;
        ck_assert_int_eq(chmod(dir, 0755), 0);
        ck_assert_int_eq(chown(home, uid, gid), 0);
        ck_assert_int_eq(chown(good, uid, gid), 0);
        ck_assert_int_eq(chown(later, uid, gid), 0);
    } else {
        ck_assert_int_eq(chmod(secret, 0), 0);
    }
    tu_out o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "ingest", good, NULL});
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "show", good, NULL});
    ck_assert_int_eq(o.status, 0);
    char *before = o.out;
    free(o.err);
    /* named, and found in a folder: one line each, the rest goes on */
    snprintf(line, sizeof line, "kb: %s: Permission denied\n", secret);
    o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "ingest", secret, later, NULL});
    assert_failures(&o, line);
    ck_assert_ptr_nonnull(strstr(o.err, "1 added"));
    tu_out_free(&o);
    o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "ingest", home, NULL});
    assert_failures(&o, line);
    ck_assert_ptr_nonnull(strstr(o.err, "2 unchanged"));
    tu_out_free(&o);
    o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "show", good, NULL});
    ck_assert_int_eq(o.status, 0);
    ck_assert_str_eq(o.out, before);
    tu_out_free(&o);
    free(before);
}
END_TEST

/* The stored source's field (a JSON value as text, "null" for null) of
 * kb sources --json. */
static char *source_field(const char *source, const char *field)
{
    tu_out o = KB(NULL, "sources", "--json");
    ck_assert_int_eq(o.status, 0);
    sqlite3 *mem;
    ck_assert_int_eq(sqlite3_open(":memory:", &mem), SQLITE_OK);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(mem, "SELECT coalesce(json_extract(value, '$.' || ?3), 'null') "
                                             "FROM json_each(json_extract(?1, '$.sources')) "
                                             "WHERE json_extract(value, '$.source') = ?2", -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(s, 1, o.out, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, field, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    char *v = strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(mem);
    tu_out_free(&o);
    return v;
}

static void assert_field(const char *folder, const char *file, const char *field, const char *want)
{
    char source[700];
    snprintf(source, sizeof source, "%s/%s", folder, file);
    char *got = source_field(source, field);
    ck_assert_msg(strcmp(got, want) == 0, "%s %s: got %s, want %s", source, field, got, want);
    free(got);
}

/* A folder of three articles. */
static void make_articles(const char *folder)
{
    ck_assert_int_eq(mkdir(folder, 0755), 0);
    static const char *const names[] = {"a.md", "b.md", "c.md"};
    static const char *const texts[] = {"# Own A\n\nPython is readable.\n", "# Own B\n\nNode.js is fast.\n",
                                        "# Own C\n\nPython and Node.js.\n"};
    for (int i = 0; i < 3; i++) {
        char p[700];
        snprintf(p, sizeof p, "%s/%s", folder, names[i]);
        tu_write_file(p, texts[i], strlen(texts[i]));
    }
}

/* A bad row of a folder's sidecar costs only its own file's metadata:
 * one line naming the sidecar once and the row's line, the other files
 * get theirs, and kb ingest exits 1 as for any bad input.  A sidecar
 * that is a named pipe is refused at once, the articles stored without
 * it. */
START_TEST(test_sidecar_bad_rows)
{
    char folder[600], sc[700], want[2400];
    snprintf(folder, sizeof folder, "%s/arts", dir);
    make_articles(folder);
    snprintf(sc, sizeof sc, "%s/kb-sources.tsv", folder);
    const char *tsv = "\xEF\xBB\xBF" "file\ttitle\tdate\n"
                      "a.md\tAlpha\t2026-05-08\n"
                      "b.md\tBeta\t2026-13-45\n"
                      "../c.md\tEscaped\t\n"
                      "c.md\tGamma\t2021-01-02\n"
                      "a.md\tAlpha again\t\n";
    tu_write_file(sc, tsv, strlen(tsv));
    tu_out o = KB(NULL, "ingest", folder);
    snprintf(want, sizeof want,
             "kb: %s: line 3: '2026-13-45' is not a date (write YYYY-MM-DD); the row is ignored\n"
             "kb: %s: line 4: '../c.md' is not the name of a file in this folder; the row is ignored\n"
             "kb: %s: line 6: 'a.md' is already described on line 2; the row is ignored\n",
             sc, sc, sc);
    assert_failures(&o, want);
    ck_assert_msg(strstr(o.err, "kb: ingest: 3 added, 0 replaced, 0 unchanged, 3 failed"), "%s", o.err);
    tu_out_free(&o);
    assert_field(folder, "a.md", "title", "Alpha");
    assert_field(folder, "a.md", "date", "2026-05-08");
    assert_field(folder, "b.md", "title", "Own B");
    assert_field(folder, "b.md", "date", "null");
    assert_field(folder, "c.md", "title", "Gamma");
    assert_field(folder, "c.md", "date", "2021-01-02");

    /* the same articles again: in a database of their own, or they
     * would be duplicates of the first folder's */
    snprintf(folder, sizeof folder, "%s/piped", dir);
    snprintf(db, sizeof db, "%s/piped.db", dir);
    make_articles(folder);
    snprintf(sc, sizeof sc, "%s/kb-sources.tsv", folder);
    ck_assert_int_eq(mkfifo(sc, 0644), 0);
    o = KB(NULL, "ingest", folder);
    snprintf(want, sizeof want, "kb: %s: is a named pipe, not a regular file; the sidecar is ignored\n", sc);
    assert_failures(&o, want);
    ck_assert_msg(strstr(o.err, "kb: ingest: 3 added, 0 replaced, 0 unchanged, 1 failed"), "%s", o.err);
    tu_out_free(&o);
    assert_field(folder, "a.md", "title", "Own A");
}
END_TEST

/* -o cases check_export.c's test_output_file leaves out: --force over a
 * longer file leaves exactly the export (no tail of the old one), a
 * folder that does not exist creates nothing, a FIFO is refused without
 * waiting for a reader. */
START_TEST(test_export_output_edges)
{
    tu_out o = KB(NULL, "ingest", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    o = KB(NULL, "export", "--format", "md");
    ck_assert_int_eq(o.status, 0);
    char *md = o.out;
    size_t md_len = o.out_len;
    free(o.err);
    char out[600], fifo[600], missing[600];
    snprintf(out, sizeof out, "%s/long.md", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.md", dir);
    snprintf(missing, sizeof missing, "%s/no/such/folder/out.md", dir);
    char *junk = malloc(md_len * 3 + 1);
    ck_assert_ptr_nonnull(junk);
    memset(junk, 'j', md_len * 3);
    tu_write_file(out, junk, md_len * 3);
    free(junk);
    o = KB(NULL, "export", "--format", "md", "-o", out, "--force");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    size_t len;
    char *written = tu_read_file(out, &len);
    ck_assert_uint_eq(len, md_len);
    ck_assert_int_eq(memcmp(written, md, md_len), 0);
    free(written);
    o = KB(NULL, "export", "-o", missing);
    ck_assert_int_eq(o.status, 1);
    ck_assert_uint_eq(tu_lines(o.err), 1);
    tu_out_free(&o);
    snprintf(out, sizeof out, "%s/no", dir);
    ck_assert_int_ne(access(out, F_OK), 0);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    const char *forces[] = {NULL, "--force"};
    for (int i = 0; i < 2; i++) {
        o = forces[i] ? KB(NULL, "export", "-o", fifo, (char *)forces[i]) : KB(NULL, "export", "-o", fifo);
        ck_assert_int_eq(o.status, 1);
        ck_assert_uint_eq(tu_lines(o.err), 1);
        tu_out_free(&o);
    }
    free(md);
}
END_TEST

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

/* A database in a folder kb may not write to (a read-only mount, a
 * shared folder): the reading commands work and leave no file behind;
 * a writing one fails with one line. */
START_TEST(test_read_only_folder)
{
    char ro[400];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    ck_assert_int_eq(mkdir(ro, 0755), 0);
    snprintf(db, sizeof db, "%s/kb.db", ro);
    tu_out o = KB(NULL, "ingest", "--quiet", "corpus");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    ck_assert_int_eq(chmod(db, 0444), 0);
    ck_assert_int_eq(chmod(ro, 0555), 0);
    uid_t uid = (uid_t)-1;
    gid_t gid = 0;
    if (geteuid() == 0) { /* root writes anywhere: be someone else */
        const struct passwd *pw = getpwnam("nobody");
        uid = pw ? pw->pw_uid : 65534;
        gid = pw ? pw->pw_gid : 65534;
        ck_assert_int_eq(chmod(dir, 0755), 0);
    }
    char *const reads[][6] = {{"kb", "--db", db, "search", "GIL", NULL},
                              {"kb", "--db", db, "sources", NULL},
                              {"kb", "--db", db, "stats", NULL},
                              {"kb", "--db", db, "disagreements", "--json", NULL},
                              {"kb", "--db", db, "export", NULL}};
    for (size_t i = 0; i < sizeof reads / sizeof *reads; i++) {
        o = kb_ex(uid, gid, NULL, reads[i]);
        ck_assert_msg(o.status == 0 && o.out_len > 0, "kb %s: %s", reads[i][3], o.err);
        tu_out_free(&o);
    }
    o = kb_ex(uid, gid, NULL, (char *const[]){"kb", "--db", db, "ingest", "tests/fixtures/text/article.md", NULL});
    ck_assert_int_eq(o.status, 1);
    ck_assert_uint_eq(tu_lines(o.err), 1);
    ck_assert_ptr_nonnull(strstr(o.err, "readonly database"));
    tu_out_free(&o);
    /* nothing was made beside it */
    char p[700];
    snprintf(p, sizeof p, "%s-wal", db);
    ck_assert_int_ne(access(p, F_OK), 0);
    snprintf(p, sizeof p, "%s-shm", db);
    ck_assert_int_ne(access(p, F_OK), 0);
    ck_assert_int_eq(chmod(ro, 0755), 0);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_help_and_usage);
    tcase_add_test(tc, test_search_acceptance);
    tcase_add_test(tc, test_json_offsets);
    tcase_add_test(tc, test_json_whole_or_nothing);
    tcase_add_test(tc, test_hostile_queries);
    tcase_add_test(tc, test_query_limits);
    tcase_add_test(tc, test_alias_group_limit);
    tcase_add_test(tc, test_reingest_and_remove);
    tcase_add_test(tc, test_stock_sqlite3_shell);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_stdin_and_exit_codes);
    tcase_add_test(tc, test_bad_inputs);
    tcase_add_test(tc, test_unreadable_file);
    tcase_add_test(tc, test_sidecar_bad_rows);
    tcase_add_test(tc, test_export_output_edges);
    tcase_add_test(tc, test_concurrent_readers_and_writers);
    tcase_add_test(tc, test_busy_database_fails_once);
    tcase_add_test(tc, test_source_identity);
    tcase_add_test(tc, test_read_only_folder);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cli_suite());
}
