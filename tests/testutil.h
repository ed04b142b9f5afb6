/*
 * testutil.h - small helpers shared by the Check suites (header-only so
 * each suite stays one file).
 */
#ifndef KB_TESTUTIL_H
#define KB_TESTUTIL_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Read a whole file (fixtures are small); NUL-terminated, caller frees. */
static inline char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open fixture %s", path);
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            data = realloc(data, cap);
            ck_assert_ptr_nonnull(data);
        }
        size_t got = fread(data + n, 1, 4096, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    data[n] = '\0';
    if (len) *len = n;
    return data;
}

/* Run a suite and return the process exit status (0 when all pass). */
static inline int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* A fresh temporary folder (caller frees the string; the folder is left
 * for inspection on failure, under /tmp). */
static inline char *tu_tmpdir(void)
{
    char tmpl[] = "/tmp/kbtest.XXXXXX";
    char *d = mkdtemp(tmpl);
    ck_assert_ptr_nonnull(d);
    return strdup(d);
}

static inline void tu_write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot create %s", path);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* The result of running the kb binary. */
typedef struct tu_out {
    int status;     /* exit code, or 128 + signal */
    char *out;      /* stdout, NUL-terminated */
    size_t out_len;
    char *err;      /* stderr */
    size_t err_len;
} tu_out;

static inline void tu_out_free(tu_out *o)
{
    free(o->out);
    free(o->err);
    memset(o, 0, sizeof *o);
}

/* Run $KB (the freshly built ./kb) with argv (argv[0] is ignored),
 * feeding it `in` on standard input (NULL: /dev/null). */
static inline tu_out tu_kb(const char *in, char *const argv[])
{
    const char *kb = getenv("KB");
    if (!kb) kb = "./kb";
    char outp[] = "/tmp/kbout.XXXXXX", errp[] = "/tmp/kberr.XXXXXX", inp[] = "/tmp/kbin.XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp), fi = mkstemp(inp);
    ck_assert(fo >= 0 && fe >= 0 && fi >= 0);
    if (in) ck_assert_int_eq(write(fi, in, strlen(in)), (ssize_t)strlen(in));
    lseek(fi, 0, SEEK_SET);
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(fi, 0);
        dup2(fo, 1);
        dup2(fe, 2);
        execv(kb, argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(fo);
    close(fe);
    close(fi);
    tu_out o;
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    o.out = tu_read_file(outp, &o.out_len);
    o.err = tu_read_file(errp, &o.err_len);
    unlink(outp);
    unlink(errp);
    unlink(inp);
    return o;
}

/* Count lines (newline characters) in s. */
static inline size_t tu_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

#endif
