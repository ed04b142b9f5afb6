/*
 * check_cmd_ingest.c - `kb ingest` end to end (cmd_ingest.c), with `kb
 * remove` and `kb show` around it: re-ingest and remove, an HTML page
 * saved from the web, standard input and exit codes; bad input one file
 * at a time (one line on stderr naming the file and the reason, exit 1,
 * earlier data intact), an unreadable file, and a bad row of a folder's
 * sidecar costing only its own file's metadata.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tucli.h"

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

static Suite *cmd_ingest_suite(void)
{
    Suite *s = suite_create("cmd_ingest");
    TCase *tc = tcase_create("cmd_ingest");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_reingest_and_remove);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_stdin_and_exit_codes);
    tcase_add_test(tc, test_bad_inputs);
    tcase_add_test(tc, test_unreadable_file);
    tcase_add_test(tc, test_sidecar_bad_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cmd_ingest_suite());
}
