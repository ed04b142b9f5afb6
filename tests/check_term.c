/*
 * check_term.c - control characters made visible (src/term.c): the
 * escaping by table, then kb end to end: an article whose name, title
 * and text hold ESC, BEL, a C1 control, CR and DEL, printed by every
 * command that shows stored text, with stdout a file and a terminal.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#define _XOPEN_SOURCE 700   /* posix_openpt, grantpt, unlockpt, ptsname */
#include <termios.h>

#include "term.h"
#include "testutil.h"

/* ---- the escaping ---------------------------------------------------- */

static const struct {
    const char *in;
    size_t len;        /* 0: strlen(in) */
    term_mode mode;
    const char *want;
} cases[] = {
    {"plain caf\xc3\xa9 \xf0\x9f\x98\x80 a\\b", 0, TERM_NAME, "plain caf\xc3\xa9 \xf0\x9f\x98\x80 a\\b"},
    {"\x1b[31mred\x1b[0m", 0, TERM_NAME, "\\x1b[31mred\\x1b[0m"},
    {"\x1b]0;title\x07", 0, TERM_FOLD, "\\x1b]0;title\\x07"},
    {"del\x7f", 0, TERM_LINES, "del\\x7f"},
    {"c1 \xc2\x9b" "31m \xc2\x80\xc2\x9f \xc2\xa0", 0, TERM_NAME, "c1 \\x9b31m \\x80\\x9f \xc2\xa0"},
    {"nul\0x", 5, TERM_NAME, "nul\\x00x"},
    {"bad \xff\xc3(", 0, TERM_FOLD, "bad \\xff\\xc3("},
    {"a\nb\tc\rd", 0, TERM_NAME, "a\\nb\\tc\\x0dd"},
    {"a\nb\tc\rd", 0, TERM_FOLD, "a b c d"},
    {"a\nb\tc\rd\r\n", 0, TERM_LINES, "a\nb\tc\\x0dd\r\n"},
    {"", 0, TERM_NAME, ""},
};

START_TEST(test_escape)
{
    size_t n = cases[_i].len ? cases[_i].len : strlen(cases[_i].in);
    buf b = BUF_INIT;
    buf_adds(&b, "<");
    term_escape(&b, cases[_i].in, n, cases[_i].mode);
    ck_assert_str_eq(b.data + 1, cases[_i].want);
    ck_assert_str_eq(term_str(&b, cases[_i].len ? "nul" : cases[_i].in, cases[_i].mode),
                     cases[_i].len ? "nul" : cases[_i].want);
    buf_free(&b);
}
END_TEST

/* ---- kb end to end --------------------------------------------------- */

static char *dir;
static char db[512];

#define NAME "esc\x1b[1mname.txt"

#define KB(...) tu_kb(NULL, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

/* The corpus, with one title that rings and retitles the terminal, and
 * one article more whose name and text hold control characters. */
static void setup(void)
{
    dir = tu_tmpdir();
    snprintf(db, sizeof db, "%s/kb.db", dir);
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "cp -r corpus '%s/c' && sed -i 's/^000_8ce771bb35dfdba8.txt\tNode.js vs. Python/&\\x1b]0;pwned\\x07/' "
             "'%s/c/kb-sources.tsv'",
             dir, dir);
    ck_assert_int_eq(system(cmd), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/c/" NAME, dir);
    static const char text[] = "# Title \x1b]0;pwned\x07 here\n\n"
                               "Python has a GIL \x1b[31mred\x1b[0m, a bell \x07, a C1 \xc2\x9b" "31m, "
                               "a CR\rover it and a DEL \x7f.\n";
    tu_write_file(path, text, sizeof text - 1);
    tu_out o = KB("ingest", dir);
    ck_assert_msg(o.status == 0, "ingest: %s", o.err);
    tu_out_free(&o);
}

static void teardown(void)
{
    tu_rmdir(dir);
}

/* The offset of the first control character in s[0..n) other than LF
 * and those in `also`, or -1. */
static long first_control(const char *s, size_t n, const char *also)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 || c == 0x7f) && c != '\n' && !(c && strchr(also, c))) return (long)i;
        if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f)
            return (long)i;
    }
    return -1;
}

START_TEST(test_commands)
{
    static const struct {
        const char *argv[5];
        const char *also;   /* control characters that are the output's own */
        const char *shows;  /* an escape the output must hold */
    } runs[] = {
        {{"search", "GIL", NULL}, "", "GIL** \\x1b[31mred\\x1b[0m, a bell \\x07, a C1 \\x9b31m, a CR over it and a DEL \\x7f."},
        {{"search", "--limit", "50", "differences", NULL}, "", "Node.js vs. Python\\x1b]0;pwned\\x07"},
        {{"search", "--color", "always", "GIL", NULL}, "\x1b", "\\x1b[31mred"},
        {{"claims", "--subject", "Python", NULL}, "", "a CR over it and a DEL \\x7f."},
        {{"sources", NULL}, "", "Title \\x1b]0;pwned\\x07 here"},
        {{"show", "--units", NAME, NULL}, "\t", "a CR over it"},
        {{"stats", NULL}, "", "esc\\x1b[1mname.txt"},
        {{"disagreements", NULL}, "", "Node.js vs. Python\\x1b]0;pwned\\x07"},
        {{"export", NULL}, "", "Node.js vs. Python\\\\x1b\\]0;pwned\\\\x07"},
        {{"export", "--format", "html", NULL}, "\t", "Node.js vs. Python\\x1b]0;pwned\\x07"},
        {{"remove", NAME, NULL}, "", "/c/esc\\x1b[1mname.txt (2 units)"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        const char *const *a = runs[i].argv;
        tu_out o = tu_kb(NULL, (char *const[]){"kb", "--db", db, (char *)a[0], (char *)a[1], (char *)a[2],
                                               (char *)a[3], (char *)a[4], NULL});
        ck_assert_msg(o.status == 0, "%s: exit %d: %s", a[0], o.status, o.err);
        long at = first_control(o.out, o.out_len, runs[i].also);
        ck_assert_msg(at < 0, "%s %s: a raw control character at %ld: %.40s", a[0], a[1] ? a[1] : "", at,
                      at < 0 ? "" : o.out + at);
        ck_assert_msg(strstr(o.out, runs[i].shows) != NULL, "%s %s: no \"%s\" in:\n%s", a[0], a[1] ? a[1] : "",
                      runs[i].shows, o.out);
        tu_out_free(&o);
    }
}
END_TEST

/* kb show prints the stored text byte for byte into a file or a pipe
 * (search offsets point into it), escaped on a terminal. */
START_TEST(test_show_file_and_terminal)
{
    tu_out o = KB("show", NAME);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.out, "a C1 \xc2\x9b" "31m, a CR\rover"));
    tu_out_free(&o);

    int m = posix_openpt(O_RDWR | O_NOCTTY);
    ck_assert_int_ge(m, 0);
    ck_assert_int_eq(grantpt(m), 0);
    ck_assert_int_eq(unlockpt(m), 0);
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(s, 0);
    struct termios t;
    ck_assert_int_eq(tcgetattr(s, &t), 0);
    cfmakeraw(&t);   /* the bytes as kb wrote them: no LF to CRLF */
    ck_assert_int_eq(tcsetattr(s, TCSANOW, &t), 0);
    const char *kb = getenv("KB");
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        dup2(s, 1);
        execl(kb ? kb : "./kb", "kb", "--db", db, "show", NAME, (char *)NULL);
        _exit(127);
    }
    close(s);
    buf got = BUF_INIT;
    char chunk[4096];
    ssize_t n;
    while ((n = read(m, chunk, sizeof chunk)) > 0) buf_add(&got, chunk, (size_t)n);   /* EIO once kb is gone */
    int st;
    waitpid(pid, &st, 0);
    close(m);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_int_lt(first_control(buf_cstr(&got), got.len, ""), 0);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&got), "# Title \\x1b]0;pwned\\x07 here\n\nPython has a GIL"));
    ck_assert_ptr_nonnull(strstr(buf_cstr(&got), "a C1 \\x9b31m, a CR\\x0dover it"));
    buf_free(&got);
}
END_TEST

/* A failing file's line on stderr names it escaped (ingest's rule, now
 * term.h's): a C1 control too. */
START_TEST(test_ingest_error_line)
{
    char path[600];
    snprintf(path, sizeof path, "%s/c/bad\xc2\x9b" "2Jname.txt", dir);
    tu_write_file(path, "\xc3\x28", 2);
    tu_out o = KB("ingest", path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_int_lt(first_control(o.err, o.err_len, ""), 0);
    ck_assert_ptr_nonnull(strstr(o.err, "/c/bad\\x9b2Jname.txt: "));
    tu_out_free(&o);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *term_suite(void)
{
    Suite *s = suite_create("term");
    TCase *tc = tcase_create("escape");
    tcase_add_loop_test(tc, test_escape, 0, N(cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("kb");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_commands);
    tcase_add_test(tc, test_show_file_and_terminal);
    tcase_add_test(tc, test_ingest_error_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(term_suite());
}
