/*
 * check_cli.c - kb's front end and what every command shares (main.c,
 * cli.c), as a user runs it: usage and help for every command, exit
 * codes, no database made by a command that reads one; a --json
 * document whole or absent (seven commands over a database damaged in
 * its last pages); the reading commands on a database in a folder kb
 * may not write to.  The commands: check_cmd_*.c.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "testutil.h"
#include "tucli.h"

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
    tcase_add_test(tc, test_json_whole_or_nothing);
    tcase_add_test(tc, test_read_only_folder);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(cli_suite());
}
