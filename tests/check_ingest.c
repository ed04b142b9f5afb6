/*
 * check_ingest.c - from paths to stored sources: the corpus, unchanged
 * and changed files, bad files in a batch, sidecar metadata, folders;
 * the pipeline (worker threads, one writer) gives what one thread does.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "claims.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static char *dir;
static char dbpath[512];
static store *st;

/* failures reported, "path: msg" lines */
static char fails[8192];

static void on_fail(void *ctx, const char *path, const char *msg)
{
    (void)ctx;
    size_t n = strlen(fails);
    snprintf(fails + n, sizeof fails - n, "%s: %s\n", path, msg);
}

static void setup(void)
{
    dir = tu_tmpdir();
    /* hidden, so that walking the folder does not meet the database */
    snprintf(dbpath, sizeof dbpath, "%s/.t.db", dir);
    char *err = NULL;
    ck_assert_int_eq(store_open(dbpath, 1, &st, &err), KB_OK);
    fails[0] = '\0';
}

static void teardown(void)
{
    store_close(st);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}

static ingest_stats run(const char *const *paths, size_t n, int force)
{
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.force = force;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    ingest_stats s;
    char *err = NULL;
    ck_assert_int_eq(ingest_run(st, (char *const *)paths, n, &o, &ev, &s, &err), KB_OK);
    return s;
}

static long long q_int(const char *sql)
{
    return tu_q_int(st, sql);
}

/* The first column of the first row as text (caller frees). */
static char *q_text(const char *sql)
{
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *v = sqlite3_column_text(s, 0);
    char *r = strdup(v ? (const char *)v : "");
    sqlite3_finalize(s);
    return r;
}

static void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

START_TEST(test_corpus_and_reingest)
{
    const char *p[] = {"corpus"};
    ingest_stats s = run(p, 1, 0);
    ck_assert_msg(fails[0] == '\0', "%s", fails);
    ck_assert_uint_eq(s.added, 5);
    ck_assert_uint_eq(s.failed, 0);
    ck_assert_uint_eq(s.skipped, 1); /* kb-sources.tsv is not an article */
    long long units = q_int("SELECT count(*) FROM unit");
    ck_assert_int_gt(units, 400);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE 'corpus/0%.txt'"), 5);
    /* the sidecar gave the metadata */
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE date = '2026-05-08' AND author = 'Alma' "
                           "AND site = 'Hostinger' AND date_basis = 'sidecar'"), 1);
    /* for text files a unit's text is exactly its bytes of the file */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit u JOIN source_text t ON t.source_id = u.source_id "
                           "WHERE CAST(substr(CAST(t.body AS BLOB), u.byte_start + 1, u.byte_end - u.byte_start) AS TEXT) != u.text"),
                     0);
    long long maxid = q_int("SELECT max(id) FROM unit");
    s = run(p, 1, 0);
    ck_assert_uint_eq(s.unchanged, 5);
    ck_assert_uint_eq(s.added + s.replaced, 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit"), units);
    ck_assert_int_eq(q_int("SELECT max(id) FROM unit"), maxid);
    /* --force re-reads everything but the counts stay */
    s = run(p, 1, 1);
    ck_assert_uint_eq(s.replaced, 5);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit"), units);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 5);
}
END_TEST

START_TEST(test_changed_file_replaces_only_it)
{
    char a[600], b[600];
    path_in(a, sizeof a, "a.txt");
    path_in(b, sizeof b, "b.md");
    tu_write_file(a, "First line here.\nSecond paragraph about Python.\n", 48);
    tu_write_file(b, "# Head\n\nSome text about Node.js.\n", 33);
    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 2);
    char *b_units_before = q_text("SELECT group_concat(id) FROM unit WHERE source_id = "
                                  "(SELECT id FROM source WHERE path LIKE '%b.md')");
    tu_write_file(a, "Changed text entirely.\n", 23);
    s = run(p, 1, 0);
    ck_assert_uint_eq(s.replaced, 1);
    ck_assert_uint_eq(s.unchanged, 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'python'"), 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'changed'"), 1);
    /* b's units were not touched: the same rows, the same ids */
    char *b_units_after = q_text("SELECT group_concat(id) FROM unit WHERE source_id = "
                                 "(SELECT id FROM source WHERE path LIKE '%b.md')");
    ck_assert_str_eq(b_units_after, b_units_before);
    ck_assert_uint_gt(strlen(b_units_after), 0);
    free(b_units_before);
    free(b_units_after);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 2);
}
END_TEST

START_TEST(test_bad_files_do_not_stop_the_batch)
{
    char p1[600], p2[600], p3[600], p4[600], p5[600], loopdir[600], link[700], broken[600];
    path_in(p1, sizeof p1, "good.txt");
    path_in(p2, sizeof p2, "badutf8.txt");
    path_in(p3, sizeof p3, "nul.txt");
    path_in(p4, sizeof p4, "empty.txt");
    path_in(p5, sizeof p5, "dir with space é");
    tu_write_file(p1, "A good article about the GIL.\n", 30);
    tu_write_file(p2, "bad \xff\xfe bytes\n", 12);
    tu_write_file(p3, "nul \0 byte\n", 11);
    tu_write_file(p4, "", 0);
    ck_assert_int_eq(mkdir(p5, 0755), 0);
    char p6[700];
    snprintf(p6, sizeof p6, "%s/naïve name.md", p5);
    tu_write_file(p6, "# Title\n\nText in a path with spaces.\n", 37);
    path_in(loopdir, sizeof loopdir, "loop");
    ck_assert_int_eq(mkdir(loopdir, 0755), 0);
    snprintf(link, sizeof link, "%s/self", loopdir);
    ck_assert_int_eq(symlink("..", link), 0);
    path_in(broken, sizeof broken, "broken.txt");
    ck_assert_int_eq(symlink("nowhere.txt", broken), 0);

    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_msg(strstr(fails, "badutf8.txt: ") && strstr(fails, "UTF-8"), "%s", fails);
    ck_assert_msg(strstr(fails, "nul.txt: ") && strstr(fails, "NUL"), "%s", fails);
    ck_assert_msg(strstr(fails, "empty.txt: empty file"), "%s", fails);
    ck_assert_msg(strstr(fails, "broken.txt: broken symbolic link"), "%s", fails);
    ck_assert_msg(strstr(fails, "loop"), "%s", fails);
    ck_assert_uint_eq(s.failed, 5);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%naïve name.md'"), 1);
    /* nothing of a failed file is stored */
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%nul.txt' OR path LIKE '%badutf8.txt'"), 0);
    /* an explicitly named missing file */
    fails[0] = '\0';
    char missing[600];
    path_in(missing, sizeof missing, "missing.txt");
    const char *q[] = {missing};
    s = run(q, 1, 0);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_msg(strstr(fails, "No such file"), "%s", fails);
    if (geteuid() != 0) {
        /* unreadable (root reads anything, so only checked as a user) */
        fails[0] = '\0';
        ck_assert_int_eq(chmod(p1, 0), 0);
        const char *r[] = {p1};
        s = run(r, 1, 1);
        ck_assert_msg(strstr(fails, "Permission denied"), "%s", fails);
    }
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 2);
}
END_TEST

START_TEST(test_formats_and_limits)
{
    char html[600], noext[600], other[600], big[600];
    path_in(html, sizeof html, "page.htm");
    path_in(noext, sizeof noext, "saved-page");
    path_in(other, sizeof other, "data.csv");
    path_in(big, sizeof big, "big.txt");
    const char *page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello "
                       "world.</p></body></html>";
    tu_write_file(html, page, strlen(page));
    tu_write_file(noext, page, strlen(page) - 1); /* other bytes: not a duplicate */
    tu_write_file(other, "a,b\n", 4);
    /* a folder walk skips unknown formats; a named file is sniffed */
    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_uint_eq(s.skipped, 2);
    const char *q[] = {noext};
    s = run(q, 1, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE format = 'html'"), 2);
    /* the size limit */
    tu_write_file(big, "0123456789", 10);
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.max_size = 5;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    char *err = NULL;
    const char *r[] = {big};
    ck_assert_int_eq(ingest_run(st, (char *const *)r, 1, &o, &ev, &s, &err), KB_OK);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_msg(strstr(fails, "too large"), "%s", fails);
}
END_TEST

static void write_repeated(const char *path, const char *head, const char *pattern, size_t n, const char *tail);

/* An HTML page has a limit of its own (its parse tree is ~50x the
 * page), under the general one: refused, the rest of the batch stored. */
START_TEST(test_html_size_limit)
{
    char page[600], ok[600];
    path_in(page, sizeof page, "huge.html");
    path_in(ok, sizeof ok, "ok.txt");
    write_repeated(page, "<html><body>", "<p>x</p>", INGEST_MAX_HTML + 1, "</body></html>");
    tu_write_file(ok, "A good article about the GIL.\n", 30);
    const char *p[] = {page, ok};
    ingest_stats s = run(p, 2, 0);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_msg(strstr(fails, "huge.html: HTML page is too large (") && strstr(fails, "up to 16 MiB)"), "%s",
                  fails);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%huge.html'"), 0);
}
END_TEST

/* Write n bytes made of pattern repeated (cut at the end) to path. */
static void write_repeated(const char *path, const char *head, const char *pattern, size_t n, const char *tail)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(head, f);
    size_t pl = strlen(pattern);
    for (size_t i = 0; i < n; i += pl) fwrite(pattern, 1, n - i < pl ? n - i : pl, f);
    fputs(tail, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* A block longer than 64 KiB (a file that is one line) is stored as
 * several units, each at most 64 KiB, cut after a sentence when there is
 * one, else between characters; together they cover the block. */
START_TEST(test_long_block_split)
{
    char p1[600], p2[600];
    path_in(p1, sizeof p1, "one-line.txt");
    path_in(p2, sizeof p2, "one-word.txt");
    write_repeated(p1, "", "Python is fast. ", 200000, "\n");
    write_repeated(p2, "", "\xc3\xa9", 150000, "\n");   /* é without a space */
    const char *p[] = {p1, p2};
    ingest_stats s = run(p, 2, 0);
    ck_assert_msg(fails[0] == '\0', "%s", fails);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_int_eq(q_int("SELECT max(byte_end - byte_start) <= 65536 FROM unit"), 1);
    ck_assert_int_ge(q_int("SELECT count(*) FROM unit u JOIN source s ON s.id = u.source_id "
                           "WHERE s.path LIKE '%one-line.txt'"), 4);
    /* in order, each unit exactly its bytes of the file */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit u JOIN source_text t ON t.source_id = u.source_id "
                           "WHERE CAST(substr(CAST(t.body AS BLOB), u.byte_start + 1, u.byte_end - u.byte_start) AS TEXT) != u.text"),
                     0);
    /* sentences are not cut: each piece of the line ends a sentence and
     * the next starts after the one space */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit a JOIN unit b ON b.source_id = a.source_id AND b.seq = a.seq + 1 "
                           "JOIN source s ON s.id = a.source_id WHERE s.path LIKE '%one-line.txt' "
                           "AND (b.byte_start != a.byte_end + 1 OR substr(a.text, -1) != '.')"),
                     0);
    /* without a space, cut between characters: the pieces join up */
    ck_assert_int_eq(q_int("SELECT sum(byte_end - byte_start) = 150000 AND min(byte_start) = 0 "
                           "AND sum(length(text)) = 75000 FROM unit u JOIN source s ON s.id = u.source_id "
                           "WHERE s.path LIKE '%one-word.txt'"), 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit a JOIN unit b ON b.source_id = a.source_id AND b.seq = a.seq + 1 "
                           "WHERE b.byte_start != a.byte_end AND a.text NOT LIKE '%.'"), 0);
    ck_assert_uint_eq(s.units, (size_t)q_int("SELECT count(*) FROM unit"));
    /* the index covers every piece */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'python'"),
                     q_int("SELECT count(*) FROM unit u JOIN source s ON s.id = u.source_id WHERE s.path LIKE '%one-line.txt'"));
}
END_TEST

/* Every block below a heading carries a copy of the heading path, in
 * memory and in the database.  A "heading" over 256 bytes is read as a
 * paragraph, and a file whose paths would take over 8 times its size is
 * refused: before, 115 KB (one 100 KB heading above 5,000 lines) made a
 * 1 GB database. */
START_TEST(test_long_headings)
{
    char md[600], html[600], many_md[600], many_html[600];
    path_in(md, sizeof md, "long-heading.md");
    path_in(html, sizeof html, "long-heading.html");
    path_in(many_md, sizeof many_md, "many.md");
    path_in(many_html, sizeof many_html, "many.html");
    buf head = BUF_INIT;
    buf_adds(&head, "# ");
    for (int i = 0; i < 100000; i++) buf_addc(&head, 'a');
    buf_adds(&head, "\n\n");
    write_repeated(md, head.data, "Python.\n\n", 5000 * 9, "");
    buf_reset(&head);
    buf_adds(&head, "<html><body><h1>");
    for (int i = 0; i < 100000; i++) buf_addc(&head, 'a');
    buf_adds(&head, "</h1>");
    write_repeated(html, head.data, "<p>Python.</p>", 5000 * 14, "</body></html>");
    /* six headings under the cap, above 200,000 one-word blocks */
    buf_reset(&head);
    for (int level = 1; level <= 6; level++) {
        for (int i = 0; i < level; i++) buf_addc(&head, '#');
        buf_addc(&head, ' ');
        for (int i = 0; i < 250; i++) buf_addc(&head, 'h');
        buf_adds(&head, "\n\n");
    }
    write_repeated(many_md, head.data, "x\n\n", 200000 * 3, "");
    buf_reset(&head);
    buf_adds(&head, "<html><body>");
    for (int level = 1; level <= 6; level++) {
        buf_printf(&head, "<h%d>", level);
        for (int i = 0; i < 250; i++) buf_addc(&head, 'h');
        buf_printf(&head, "</h%d>", level);
    }
    write_repeated(many_html, head.data, "<p>x</p>", 200000 * 8, "</body></html>");
    buf_free(&head);

    const char *p[] = {md, html, many_md, many_html};
    ingest_stats s = run(p, 4, 0);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_uint_eq(s.failed, 2);
    ck_assert_msg(strstr(fails, "many.md: too many blocks under long headings (their section paths would take "
                                "over 8 times the size of the file)\n"), "%s", fails);
    ck_assert_msg(strstr(fails, "many.html: too many blocks under long headings"), "%s", fails);
    /* the long headings are paragraphs and name no section */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit WHERE kind = 'heading' OR section IS NOT NULL"), 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit WHERE seq = 0 AND kind = 'paragraph' "
                           "AND text GLOB 'aaaa*'"), 2);
    ck_assert_int_eq(q_int("SELECT sum(length(text)) FROM unit WHERE text GLOB 'aaaa*'"), 200000);
    ck_assert_int_lt(q_int("PRAGMA page_count") * q_int("PRAGMA page_size"), 8 << 20);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%many%'"), 0);
}
END_TEST

/* libxml2 stops reading a page nested deeper than 256 levels, or with
 * over 10,000,000 bytes of text in one node; ingest refuses such a page
 * rather than store the part before, and says why. */
START_TEST(test_html_cut_short)
{
    char deep[600], big[600], ok[600];
    path_in(deep, sizeof deep, "deep.html");
    path_in(big, sizeof big, "big-text.html");
    path_in(ok, sizeof ok, "ok.html");
    buf b = BUF_INIT;
    buf_adds(&b, "<html><body><p>Python first.</p>");
    for (int i = 0; i < 300; i++) buf_adds(&b, "<b>");
    buf_adds(&b, "inner</body></html>");
    tu_write_file(deep, b.data, b.len);
    buf_free(&b);
    write_repeated(big, "<html><body><p>", "Python is a language. ", 10000001, "</p></body></html>");
    const char *page = "<html><body><h1>Fine</h1><p>Node.js is fine.</p></body></html>";
    tu_write_file(ok, page, strlen(page));
    const char *p[] = {deep, big, ok};
    ingest_stats s = run(p, 3, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_uint_eq(s.failed, 2);
    ck_assert_msg(strstr(fails, "deep.html: elements nested deeper than 256 levels (line 1); the HTML parser "
                                "cannot read past that\n"), "%s", fails);
    ck_assert_msg(strstr(fails, "big-text.html: over 10000000 bytes of text without markup (line 1); the HTML "
                                "parser cannot read past that\n"), "%s", fails);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 1);
}
END_TEST

static const struct {
    const char *in, *out;
} clean_cases[] = {
    {"./a//b/", "a/b"}, {"a/b", "a/b"}, {"././x", "x"}, {"/abs//p/", "/abs/p"}, {"./", "."}, {"/", "/"},
};

START_TEST(test_clean_path)
{
    char *c = ingest_clean_path(clean_cases[_i].in);
    ck_assert_str_eq(c, clean_cases[_i].out);
    free(c);
}
END_TEST

/* Everything a database holds but the ingest times, as one string:
 * two ingests that did the same thing give the same string. */
static char *digest(store *h)
{
    static const char *const q[] = {
        "SELECT id, path, format, title, site, author, date, date_basis, url, hash, size FROM source ORDER BY id",
        "SELECT * FROM source_text ORDER BY source_id",
        "SELECT * FROM unit ORDER BY id",
        "SELECT * FROM claim ORDER BY id",
        "SELECT * FROM claim_subject ORDER BY claim_id, subject",
        "SELECT * FROM claim_dimension ORDER BY claim_id, dimension",
        "SELECT * FROM claim_quantity ORDER BY id",
        "SELECT * FROM claim_stance ORDER BY claim_id, subject, dimension",
        "SELECT rowid FROM unit_fts WHERE unit_fts MATCH 'python OR node OR gil' ORDER BY rowid",
    };
    buf b = BUF_INIT;
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        sqlite3_stmt *s;
        ck_assert_int_eq(sqlite3_prepare_v2(store_db(h), q[i], -1, &s, NULL), SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); c++) {
                const unsigned char *v = sqlite3_column_text(s, c);
                buf_adds(&b, v ? (const char *)v : "NULL");
                buf_addc(&b, '|');
            }
            buf_addc(&b, '\n');
        }
        sqlite3_finalize(s);
    }
    char *msg = NULL;
    ck_assert_msg(sqlite3_exec(store_db(h), "INSERT INTO unit_fts(unit_fts, rank) VALUES ('integrity-check', 1)",
                               NULL, NULL, &msg) == SQLITE_OK, "FTS5 integrity-check: %s", msg ? msg : "");
    return buf_detach(&b, NULL);
}

/* Ingest paths into h with jobs threads and the default claims; the
 * failure lines go to fails (emptied first). */
static ingest_stats run_jobs(store *h, const char *const *paths, size_t n, int jobs, int force)
{
    claims *cl = NULL;
    char *err = NULL;
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, &cl, &err), KB_OK);
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.force = force;
    o.claims = cl;
    o.jobs = jobs;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    ingest_stats s;
    fails[0] = '\0';
    ck_assert_int_eq(ingest_run(h, (char *const *)paths, n, &o, &ev, &s, &err), KB_OK);
    claims_free(cl);
    return s;
}

static void same_stats(const ingest_stats *a, const ingest_stats *b)
{
    ck_assert_uint_eq(a->added, b->added);
    ck_assert_uint_eq(a->replaced, b->replaced);
    ck_assert_uint_eq(a->unchanged, b->unchanged);
    ck_assert_uint_eq(a->failed, b->failed);
    ck_assert_uint_eq(a->skipped, b->skipped);
    ck_assert_uint_eq(a->units, b->units);
    ck_assert_uint_eq(a->claims, b->claims);
}

/* Good files, bad ones between them, walk failures, a file named twice:
 * one thread and several give the same rows (same ids), the same
 * failure lines in the same order, the same counts; and again so when
 * every file is replaced (--force) and when none has changed. */
START_TEST(test_jobs_same_result)
{
    char bad1[600], bad2[600], good[600], missing[600], sub[600], sub_bad[700];
    path_in(bad1, sizeof bad1, "bad1.txt");
    path_in(bad2, sizeof bad2, "bad2.html");
    path_in(good, sizeof good, "good.md");
    path_in(missing, sizeof missing, "missing.txt");
    path_in(sub, sizeof sub, "sub");
    tu_write_file(bad1, "bad \xff bytes\n", 11);
    tu_write_file(bad2, "", 0);
    tu_write_file(good, "# Python\n\nPython is slower than Node.js for I/O. It has a GIL.\n", 63);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    snprintf(sub_bad, sizeof sub_bad, "%s/nul.txt", sub);
    tu_write_file(sub_bad, "nul \0 byte\n", 11);
    char sub_good[700];
    snprintf(sub_good, sizeof sub_good, "%s/ok.txt", sub);
    tu_write_file(sub_good, "Node.js has a huge package ecosystem with over 2 million packages.\n", 67);
    const char *paths[] = {"corpus/000_8ce771bb35dfdba8.txt", bad1, "corpus", bad2, missing, good, sub,
                           "corpus/003_72c39c36c8b34020.txt"};
    size_t n = sizeof paths / sizeof *paths;
    char db2[600];
    snprintf(db2, sizeof db2, "%s/.t2.db", dir);
    store *st2 = NULL;
    char *err = NULL;
    ck_assert_int_eq(store_open(db2, 1, &st2, &err), KB_OK);
    for (int force = 0; force < 2; force++) {
        for (int pass = 0; pass < (force ? 1 : 2); pass++) {
            ingest_stats a = run_jobs(st, paths, n, 1, force);
            char *fa = strdup(fails);
            ingest_stats b = run_jobs(st2, paths, n, 3, force);
            ck_assert_str_eq(fails, fa);
            same_stats(&a, &b);
            char *da = digest(st), *dbb = digest(st2);
            ck_assert_msg(strcmp(da, dbb) == 0, "the databases differ (force %d, pass %d)", force, pass);
            free(da);
            free(dbb);
            free(fa);
            if (!force && pass == 0) {
                /* the failures, in the order of the paths */
                ck_assert_msg(strstr(fails, "bad1.txt: invalid UTF-8") < strstr(fails, "bad2.html: empty file") &&
                                  strstr(fails, "bad2.html: empty file") < strstr(fails, "missing.txt: No such file") &&
                                  strstr(fails, "missing.txt: No such file") < strstr(fails, "nul.txt: contains a NUL"),
                              "%s", fails);
                ck_assert_uint_eq(b.failed, 4);
                ck_assert_uint_gt(b.claims, 0);
                /* corpus/000 came first, corpus/003 again: unchanged */
                ck_assert_int_eq(q_int("SELECT id FROM source WHERE path = 'corpus/000_8ce771bb35dfdba8.txt'"), 1);
                ck_assert_uint_eq(b.unchanged, 2);
            }
            if (!force && pass == 1) ck_assert_uint_eq(b.added + b.replaced, 0);
            if (force) {
                ck_assert_uint_eq(b.added, 0);
                /* every source replaced, claims and tags rebuilt: no
                 * row of the old ones is left behind (kb deletes them
                 * itself: foreign keys are off) */
                ck_assert_int_eq(q_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
                ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject"), 0);
                ck_assert_int_eq(q_int("SELECT count(*) FROM claim_subject WHERE claim_id NOT IN (SELECT id FROM claim)"), 0);
            }
        }
    }
    store_close(st2);
}
END_TEST

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

/* The same file twice in one batch with --force: the second replaces
 * the first before the batch is indexed, and the index stays whole. */
START_TEST(test_replaced_in_its_own_batch)
{
    char p[600];
    path_in(p, sizeof p, "twice.txt");
    tu_write_file(p, "Python has a GIL.\n\nNode.js has an event loop.\n", 46);
    const char *paths[] = {p, p, p};
    for (int jobs = 1; jobs <= 2; jobs++) {
        ingest_stats s = run_jobs(st, paths, 3, jobs, 1);
        ck_assert_str_eq(fails, "");
        ck_assert_uint_eq(s.added + s.replaced, 3);
        ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 1);
        free(digest(st));   /* runs FTS5's integrity-check */
        ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'gil'"), 1);
    }
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

static Suite *ingest_suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("ingest");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_corpus_and_reingest);
    tcase_add_test(tc, test_changed_file_replaces_only_it);
    tcase_add_test(tc, test_bad_files_do_not_stop_the_batch);
    tcase_add_test(tc, test_formats_and_limits);
    tcase_add_test(tc, test_html_size_limit);
    tcase_add_test(tc, test_long_block_split);
    tcase_add_test(tc, test_long_headings);
    tcase_add_test(tc, test_html_cut_short);
    tcase_add_test(tc, test_jobs_same_result);
    tcase_add_test(tc, test_replaced_in_its_own_batch);
    tcase_add_loop_test(tc, test_taxonomy_switched_mid_ingest, 0, 2);
    tcase_add_test(tc, test_rebuilt_when_inputs_change);
    tcase_add_test(tc, test_sidecar_problems_reported_once);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("paths");
    tcase_add_loop_test(tp, test_clean_path, 0, (int)(sizeof clean_cases / sizeof *clean_cases));
    suite_add_tcase(s, tp);
    return s;
}

int main(void)
{
    return tu_run(ingest_suite());
}
