/*
 * check_cmd_export.c - `kb export` end to end (cmd_export.c): -o that
 * never overwrites or follows a link (and --force over a longer file, a
 * folder that does not exist, a FIFO), output byte-identical across runs
 * and databases, and the options.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "tuexport.h"

/* ---- -o ---- */

START_TEST(test_output_file)
{
    ingest("tests/fixtures/export");
    char out[600], link[600], target[600];
    snprintf(out, sizeof out, "%s/report.md", dir);
    snprintf(link, sizeof link, "%s/link.md", dir);
    snprintf(target, sizeof target, "%s/target.txt", dir);
    mode_t old = umask(027);
    tu_out o = KB("export", "-o", out);
    umask(old);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(o.out_len, 0);
    tu_out_free(&o);
    struct stat sb;
    ck_assert_int_eq(lstat(out, &sb), 0);
    ck_assert(S_ISREG(sb.st_mode));
    ck_assert_int_eq(sb.st_mode & 0777, 0640);   /* 0666 & ~umask */
    char *md = EXPORT("--format", "md");
    char *written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, md);
    free(written);

    /* an existing file: refused, untouched */
    tu_write_file(out, "keep me\n", 8);
    o = KB("export", "--format", "html", "-o", out);
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "exists"));
    tu_out_free(&o);
    written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, "keep me\n");
    free(written);
    /* --force replaces it */
    o = KB("export", "--output", out, "--force");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    written = tu_read_file(out, NULL);
    ck_assert_str_eq(written, md);
    free(written);

    /* a symbolic link: never written through, even with --force */
    tu_write_file(target, "target\n", 7);
    ck_assert_int_eq(symlink(target, link), 0);
    const char *forces[] = {NULL, "--force"};
    for (int i = 0; i < 2; i++) {
        o = forces[i] ? KB("export", "-o", link, (char *)forces[i]) : KB("export", "-o", link);
        ck_assert_int_eq(o.status, 1);
        ck_assert_ptr_nonnull(strstr(o.err, "symbolic link"));
        tu_out_free(&o);
        written = tu_read_file(target, NULL);
        ck_assert_str_eq(written, "target\n");
        free(written);
        ck_assert_int_eq(lstat(link, &sb), 0);
        ck_assert(S_ISLNK(sb.st_mode));
    }
    /* a dangling link: its target is not created */
    char dangling[600], nowhere[600];
    snprintf(dangling, sizeof dangling, "%s/dangling.md", dir);
    snprintf(nowhere, sizeof nowhere, "%s/nowhere.md", dir);
    ck_assert_int_eq(symlink(nowhere, dangling), 0);
    o = KB("export", "-o", dangling, "--force");
    ck_assert_int_eq(o.status, 1);
    tu_out_free(&o);
    ck_assert_int_ne(access(nowhere, F_OK), 0);
    /* a directory is not a file to replace, nor is the database */
    o = KB("export", "-o", dir, "--force");
    ck_assert_int_eq(o.status, 1);
    tu_out_free(&o);
    struct stat before;
    ck_assert_int_eq(stat(db, &before), 0);
    o = KB("export", "-o", db, "--force");
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.err, "database"));
    tu_out_free(&o);
    ck_assert_int_eq(stat(db, &sb), 0);
    ck_assert_int_eq(sb.st_size, before.st_size);
    /* "-" is standard output */
    o = KB("export", "-o", "-");
    ck_assert_int_eq(o.status, 0);
    ck_assert_str_eq(o.out, md);
    tu_out_free(&o);
    free(md);
}
END_TEST

/* -o cases test_output_file leaves out: --force over a longer file
 * leaves exactly the export (no tail of the old one), a folder that
 * does not exist creates nothing, a FIFO is refused without waiting
 * for a reader. */
START_TEST(test_export_output_edges)
{
    tu_out o = KB("ingest", "tests/fixtures/text/article.md");
    ck_assert_int_eq(o.status, 0);
    tu_out_free(&o);
    o = KB("export", "--format", "md");
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
    o = KB("export", "--format", "md", "-o", out, "--force");
    ck_assert_msg(o.status == 0, "%s", o.err);
    tu_out_free(&o);
    size_t len;
    char *written = tu_read_file(out, &len);
    ck_assert_uint_eq(len, md_len);
    ck_assert_int_eq(memcmp(written, md, md_len), 0);
    free(written);
    o = KB("export", "-o", missing);
    ck_assert_int_eq(o.status, 1);
    ck_assert_uint_eq(tu_lines(o.err), 1);
    tu_out_free(&o);
    snprintf(out, sizeof out, "%s/no", dir);
    ck_assert_int_ne(access(out, F_OK), 0);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    const char *forces[] = {NULL, "--force"};
    for (int i = 0; i < 2; i++) {
        o = forces[i] ? KB("export", "-o", fifo, (char *)forces[i]) : KB("export", "-o", fifo);
        ck_assert_int_eq(o.status, 1);
        ck_assert_uint_eq(tu_lines(o.err), 1);
        tu_out_free(&o);
    }
    free(md);
}
END_TEST

/* ---- determinism ---- */

START_TEST(test_deterministic)
{
    ingest("corpus");
    static const char *formats[] = {"md", "html", "json", "csv"};
    for (size_t i = 0; i < 4; i++) {
        char *a = EXPORT("--format", (char *)formats[i]);
        char *b = EXPORT("--format", (char *)formats[i]);
        ck_assert_msg(strcmp(a, b) == 0, "%s differs between runs", formats[i]);
        free(a);
        free(b);
    }
    /* a second database of the same articles, ingested later: same bytes */
    char *first = EXPORT("--format", "json");
    char *csl = EXPORT("--sources", "csl-json");
    sleep(1);   /* a different ingested_at */
    snprintf(db, sizeof db, "%s/again.db", dir);
    ingest("corpus");
    char *second = EXPORT("--format", "json");
    char *csl2 = EXPORT("--sources", "csl-json");
    ck_assert_str_eq(first, second);
    ck_assert_str_eq(csl, csl2);
    free(first);
    free(second);
    free(csl);
    free(csl2);
}
END_TEST

/* ---- options ---- */

START_TEST(test_usage_and_filters)
{
    ingest("tests/fixtures/export");
    tu_out o = KB("export", "--format", "pdf");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--sources", "bibtex");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--sources", "csl-json", "--format", "md");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--format", "csl-json");
    ck_assert_int_eq(o.status, 2);
    ck_assert_ptr_nonnull(strstr(o.err, "--sources csl-json"));
    tu_out_free(&o);
    o = KB("export", "--subject", "cobol");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "stray");
    ck_assert_int_eq(o.status, 2);
    tu_out_free(&o);
    o = KB("export", "--help");
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "usage: kb export"));
    tu_out_free(&o);
    /* aliases resolve; only that part is written */
    char *md = EXPORT("--subject", "python", "--dimension", "performance");
    ck_assert_ptr_nonnull(strstr(md, "# Python: what 2 sources say about performance\n"));
    ck_assert_ptr_nonnull(strstr(md, "\n## Performance\n"));
    ck_assert_ptr_null(strstr(md, "\n## History\n"));
    ck_assert_ptr_nonnull(strstr(md, "\n## Sources\n"));
    free(md);
    md = EXPORT("--subject", "nodejs");
    ck_assert_ptr_nonnull(strstr(md, "Nothing to report"));
    free(md);
}
END_TEST

static Suite *cmd_export_suite(void)
{
    Suite *s = suite_create("cmd_export");
    TCase *tc = tcase_create("kb export");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_output_file);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_usage_and_filters);
    tcase_add_test(tc, test_export_output_edges);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cmd_export_suite());
}
