/*
 * check_sidecar.c - reading kb-sources.tsv: header-named columns,
 * comments, a byte order mark, dates normalized; a bad row reported
 * with its line and left out while the good rows stay; the whole file
 * refused only when it is unusable; and the file read only when it is
 * a regular one of bounded size (a pipe, a device, a folder, a huge
 * file are refused at once).
 */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sidecar.h"
#include "testutil.h"
#include "util.h"

/* The warnings of one parse, "path|msg\n" each. */
static char warned[8192];

static void on_warn(void *ctx, const char *path, const char *msg)
{
    int *count = ctx;
    (*count)++;
    size_t n = strlen(warned);
    snprintf(warned + n, sizeof warned - n, "%s|%s\n", path, msg);
}

/* Parse tsv as "m.tsv"; returns the number of warnings. */
static int parse(const char *tsv, size_t len, sidecar *s, int want_rc)
{
    int count = 0;
    char *err = NULL;
    warned[0] = '\0';
    int rc = sidecar_parse(tsv, len, "m.tsv", on_warn, &count, s, &err);
    ck_assert_msg(rc == want_rc, "rc %d, err %s", rc, err ? err : "(none)");
    free(err);
    return count;
}

START_TEST(test_parse)
{
    const char *tsv = "# comment\n"
                      "\n"
                      "date\tfile\tauthor\textra\ttitle\r\n"
                      "May 08, 2026\ta.txt\tAlma\tignored\tA title\r\n"
                      "\tb.md\t\t\t\n";
    sidecar s;
    ck_assert_int_eq(parse(tsv, strlen(tsv), &s, KB_OK), 0);
    ck_assert_uint_eq(s.n, 2);
    const sidecar_entry *a = sidecar_find(&s, "a.txt");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->date, "2026-05-08");
    ck_assert_str_eq(a->author, "Alma");
    ck_assert_str_eq(a->title, "A title");
    ck_assert_ptr_null(a->site);
    ck_assert_uint_eq(a->line, 4);
    const sidecar_entry *b = sidecar_find(&s, "b.md");
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_null(b->title);
    ck_assert_ptr_null(b->date);
    ck_assert_ptr_null(sidecar_find(&s, "c.txt"));
    sidecar_free(&s);
}
END_TEST

/* A byte order mark before the header, or before a comment. */
START_TEST(test_bom)
{
    static const char *const tsv[] = {"\xEF\xBB\xBF" "file\ttitle\na.txt\tA\n",
                                      "\xEF\xBB\xBF# notes\nfile\ttitle\na.txt\tA\n"};
    for (size_t i = 0; i < 2; i++) {
        sidecar s;
        ck_assert_int_eq(parse(tsv[i], strlen(tsv[i]), &s, KB_OK), 0);
        ck_assert_uint_eq(s.n, 1);
        ck_assert_str_eq(sidecar_find(&s, "a.txt")->title, "A");
        sidecar_free(&s);
    }
}
END_TEST

/* One bad row (line 3) between two good ones: the good ones survive,
 * the bad one is reported once, with its line, and left out. */
static const struct {
    const char *row;     /* line 3 of "file\ttitle\tdate" */
    const char *warning; /* the message, whole */
} bad_rows[] = {
    {"b.txt\tB\t2026-13-45", "line 3: '2026-13-45' is not a date (write YYYY-MM-DD); the row is ignored"},
    {"\tB\t2020-01-01", "line 3: no file name; the row is ignored"},
    {"../b.txt\tB", "line 3: '../b.txt' is not the name of a file in this folder; the row is ignored"},
    {"sub/b.txt\tB", "line 3: 'sub/b.txt' is not the name of a file in this folder; the row is ignored"},
    {"..\tB", "line 3: '..' is not the name of a file in this folder; the row is ignored"},
    {".\tB", "line 3: '.' is not the name of a file in this folder; the row is ignored"},
    {"/etc/passwd\tB", "line 3: '/etc/passwd' is not the name of a file in this folder; the row is ignored"},
    {"a.txt\tSecond A", "line 3: 'a.txt' is already described on line 2; the row is ignored"},
    {"b.txt\tB\t2020-01-01\tstray", "line 3: more values than the header's 3 columns (a tab inside a value?); "
                                    "the row is ignored"},
    {"b.txt\tB \xff", "line 3: invalid UTF-8 at byte 49; the row is ignored"},
    {"b.txt\tB\t2026-02-30", "line 3: '2026-02-30' is not a date (write YYYY-MM-DD); the row is ignored"},
};

START_TEST(test_bad_row_costs_only_itself)
{
    char tsv[512];
    int n = snprintf(tsv, sizeof tsv, "file\ttitle\tdate\na.txt\tFirst A\t2020-01-01\n%s\nz.txt\tZ\t\n",
                     bad_rows[_i].row);
    sidecar s;
    ck_assert_int_eq(parse(tsv, (size_t)n, &s, KB_OK), 1);
    char want[512];
    snprintf(want, sizeof want, "m.tsv|%s\n", bad_rows[_i].warning);
    ck_assert_str_eq(warned, want);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_str_eq(sidecar_find(&s, "a.txt")->title, "First A");
    ck_assert_str_eq(sidecar_find(&s, "a.txt")->date, "2020-01-01");
    ck_assert_str_eq(sidecar_find(&s, "z.txt")->title, "Z");
    ck_assert_ptr_null(sidecar_find(&s, "b.txt"));
    sidecar_free(&s);
}
END_TEST

/* A NUL byte would cut a file name short ("b\0.txt" read as "b"). */
START_TEST(test_nul_byte)
{
    static const char tsv[] = "file\ttitle\nb\0.txt\tB\nz.txt\tZ\n";
    sidecar s;
    ck_assert_int_eq(parse(tsv, sizeof tsv - 1, &s, KB_OK), 1);
    ck_assert_str_eq(warned, "m.tsv|line 2: contains a NUL byte; the row is ignored\n");
    ck_assert_uint_eq(s.n, 1);
    ck_assert_ptr_null(sidecar_find(&s, "b"));
    sidecar_free(&s);
}
END_TEST

/* Several bad rows: each its own line, in order; a bad row does not
 * claim its file name, so a good row for it later still counts. */
START_TEST(test_several_bad_rows)
{
    const char *tsv = "file\tdate\n"
                      "a.txt\t2020-01-01\n"
                      "b.txt\tsoon\n"
                      "# a comment between\n"
                      "c.txt\t2026-13-45\n"
                      "b.txt\t2021-02-03\n"
                      "d.txt\tMay 08, 2026\n";
    sidecar s;
    ck_assert_int_eq(parse(tsv, strlen(tsv), &s, KB_OK), 2);
    ck_assert_str_eq(warned, "m.tsv|line 3: 'soon' is not a date (write YYYY-MM-DD); the row is ignored\n"
                             "m.tsv|line 5: '2026-13-45' is not a date (write YYYY-MM-DD); the row is ignored\n");
    ck_assert_uint_eq(s.n, 3);
    ck_assert_str_eq(sidecar_find(&s, "b.txt")->date, "2021-02-03");
    ck_assert_uint_eq(sidecar_find(&s, "b.txt")->line, 6);
    ck_assert_str_eq(sidecar_find(&s, "d.txt")->date, "2026-05-08");
    ck_assert_ptr_null(sidecar_find(&s, "c.txt"));
    sidecar_free(&s);
}
END_TEST

/* Many rows: each found, and a file named twice far apart still caught. */
START_TEST(test_many_rows)
{
    size_t cap = 1 << 20, len = 0;
    char *tsv = malloc(cap);
    ck_assert_ptr_nonnull(tsv);
    len += (size_t)snprintf(tsv + len, cap - len, "file\ttitle\n");
    for (int i = 0; i < 5000; i++) len += (size_t)snprintf(tsv + len, cap - len, "f%d.txt\tT%d\n", i, i);
    len += (size_t)snprintf(tsv + len, cap - len, "f7.txt\tagain\n");
    sidecar s;
    ck_assert_int_eq(parse(tsv, len, &s, KB_OK), 1);
    ck_assert_str_eq(warned, "m.tsv|line 5002: 'f7.txt' is already described on line 9; the row is ignored\n");
    ck_assert_uint_eq(s.n, 5000);
    for (int i = 0; i < 5000; i++) {
        char name[32], title[32];
        snprintf(name, sizeof name, "f%d.txt", i);
        snprintf(title, sizeof title, "T%d", i);
        const sidecar_entry *e = sidecar_find(&s, name);
        ck_assert_msg(e && strcmp(e->title, title) == 0, "%s", name);
    }
    ck_assert_ptr_null(sidecar_find(&s, "f5000.txt"));
    sidecar_free(&s);
    free(tsv);
}
END_TEST

/* The whole sidecar is refused only when it is unusable; the message
 * names the line but not the file (the caller names it, once). */
static const struct {
    const char *tsv;
    size_t len; /* 0: strlen */
    const char *needle;
} bad[] = {
    {"title\tdate\nx\t2020-01-01\n", 0, "line 1: the header must name a 'file' column; the sidecar is ignored"},
    {"# only\n\xEF\xBB\xBF" "file\ttitle\na.txt\tA\n", 0, "line 2: the header must name a 'file' column"},
    {"file\tdate\tDate\na.txt\t2020-01-01\t\n", 0, "line 1: the header names the column 'date' twice"},
    {"file\ta\tb\tc\td\te\tf\tg\th\ti\tj\tk\tl\tm\tn\to\tp\tq\tr\ts\tt\tu\tv\tw\tx\ty\tz\t1\t2\t3\t4\t5\t6\n", 0,
     "line 1: the header has more than 32 columns"},
    {"\xFF\xFE" "f\0i\0l\0e\0\n\0", 12, "the file is UTF-16 (save it as UTF-8); the sidecar is ignored"},
};

START_TEST(test_errors)
{
    sidecar s;
    char *err = NULL;
    int count = 0;
    size_t len = bad[_i].len ? bad[_i].len : strlen(bad[_i].tsv);
    ck_assert_int_eq(sidecar_parse(bad[_i].tsv, len, "m.tsv", on_warn, &count, &s, &err), KB_ERR);
    ck_assert_msg(strstr(err, bad[_i].needle) && !strstr(err, "m.tsv"), "got: %s", err);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_int_eq(count, 0);
    free(err);
    sidecar_free(&s);
}
END_TEST

START_TEST(test_corpus_sidecar)
{
    size_t len;
    char *tsv = tu_read_file("corpus/" SIDECAR_NAME, &len);
    sidecar s;
    ck_assert_int_eq(parse(tsv, len, &s, KB_OK), 0);
    ck_assert_uint_eq(s.n, 5);
    for (size_t i = 0; i < s.n; i++) {
        char path[256];
        snprintf(path, sizeof path, "corpus/%s", s.v[i].file);
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "sidecar names a missing file %s", path);
        fclose(f);
    }
    sidecar_free(&s);
    free(tsv);
}
END_TEST

/* ---- sidecar_load: only a regular file of bounded size is read -------- */

static char *dir;
static char path[600];

static void load_setup(void)
{
    dir = tu_tmpdir();
    snprintf(path, sizeof path, "%s/%s", dir, SIDECAR_NAME);
}

static void load_teardown(void)
{
    tu_rmdir(dir);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* sidecar_load on path: the rc, *err (caller frees), and quickly. */
static int load(sidecar *s, char **err, int *count)
{
    *err = NULL;
    *count = 0;
    warned[0] = '\0';
    double t0 = now();
    int rc = sidecar_load(path, on_warn, count, s, err);
    ck_assert_msg(now() - t0 < 1.0, "sidecar_load took %.1f s", now() - t0);
    return rc;
}

static void assert_refused(const char *needle)
{
    sidecar s;
    char *err;
    int count;
    ck_assert_int_eq(load(&s, &err, &count), KB_ERR);
    ck_assert_msg(err && strstr(err, needle) && strstr(err, "; the sidecar is ignored") && !strstr(err, dir),
                  "got: %s", err ? err : "(none)");
    ck_assert_uint_eq(s.n, 0);
    free(err);
    sidecar_free(&s);
}

START_TEST(test_load_regular)
{
    sidecar s;
    char *err;
    int count;
    /* none: nothing to apply, and no error */
    ck_assert_int_eq(load(&s, &err, &count), KB_OK);
    ck_assert_uint_eq(s.n, 0);
    const char *tsv = "file\tdate\na.txt\t2020-01-01\nb.txt\t2026-13-45\n";
    tu_write_file(path, tsv, strlen(tsv));
    ck_assert_int_eq(load(&s, &err, &count), KB_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(count, 1);
    /* the warning is given the path, the message does not repeat it */
    char want[900];
    snprintf(want, sizeof want, "%s|line 3: '2026-13-45' is not a date (write YYYY-MM-DD); the row is ignored\n",
             path);
    ck_assert_str_eq(warned, want);
    sidecar_free(&s);
    /* a link to a regular file is followed */
    char real[700];
    snprintf(real, sizeof real, "%s/real.tsv", dir);
    ck_assert_int_eq(rename(path, real), 0);
    ck_assert_int_eq(symlink("real.tsv", path), 0);
    ck_assert_int_eq(load(&s, &err, &count), KB_OK);
    ck_assert_uint_eq(s.n, 1);
    sidecar_free(&s);
}
END_TEST

/* Without O_NONBLOCK (or the check before open) this would wait for a
 * writer forever: Check's timeout would fail it. */
START_TEST(test_load_fifo)
{
    ck_assert_int_eq(mkfifo(path, 0644), 0);
    assert_refused("is a named pipe, not a regular file");
}
END_TEST

START_TEST(test_load_dev_zero)
{
    ck_assert_int_eq(symlink("/dev/zero", path), 0);
    assert_refused("is a device, not a regular file");
}
END_TEST

START_TEST(test_load_folder)
{
    ck_assert_int_eq(mkdir(path, 0755), 0);
    assert_refused("is a folder, not a regular file");
}
END_TEST

START_TEST(test_load_broken_link)
{
    ck_assert_int_eq(symlink("missing.tsv", path), 0);
    assert_refused("broken symbolic link");
}
END_TEST

/* The limit exactly is read; a byte more is refused from its size,
 * unread (a sparse gigabyte costs nothing). */
START_TEST(test_load_size_limit)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert(fd >= 0);
    const char *head = "file\ttitle\na.txt\tA\n#";
    ck_assert_int_eq(write(fd, head, strlen(head)), (ssize_t)strlen(head));
    /* the rest of the comment line: spaces up to the limit */
    ck_assert_int_eq(ftruncate(fd, (off_t)SIDECAR_MAX_SIZE), 0);
    ck_assert_int_eq(close(fd), 0);
    char *data = tu_read_file(path, NULL);
    memset(data + strlen(head), ' ', SIDECAR_MAX_SIZE - strlen(head));
    tu_write_file(path, data, SIDECAR_MAX_SIZE);
    free(data);
    sidecar s;
    char *err;
    int count;
    ck_assert_int_eq(load(&s, &err, &count), KB_OK);
    ck_assert_uint_eq(s.n, 1);
    sidecar_free(&s);
    ck_assert_int_eq(truncate(path, (off_t)SIDECAR_MAX_SIZE + 1), 0);
    assert_refused("too large (4194305 bytes; the limit is 4 MiB)");
    ck_assert_int_eq(truncate(path, (off_t)1 << 30), 0);
    assert_refused("too large (1073741824 bytes; the limit is 4 MiB)");
}
END_TEST

static Suite *sidecar_suite(void)
{
    Suite *s = suite_create("sidecar");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_parse);
    tcase_add_test(tc, test_bom);
    tcase_add_loop_test(tc, test_bad_row_costs_only_itself, 0, (int)(sizeof bad_rows / sizeof *bad_rows));
    tcase_add_test(tc, test_nul_byte);
    tcase_add_test(tc, test_several_bad_rows);
    tcase_add_test(tc, test_many_rows);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof bad / sizeof *bad));
    tcase_add_test(tc, test_corpus_sidecar);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("load");
    tcase_add_checked_fixture(tl, load_setup, load_teardown);
    tcase_add_test(tl, test_load_regular);
    tcase_add_test(tl, test_load_fifo);
    tcase_add_test(tl, test_load_dev_zero);
    tcase_add_test(tl, test_load_folder);
    tcase_add_test(tl, test_load_broken_link);
    tcase_add_test(tl, test_load_size_limit);
    suite_add_tcase(s, tl);
    return s;
}

int main(void)
{
    return tu_run(sidecar_suite());
}
