/*
 * testutil.h - small helpers shared by the Check suites (header-only so
 * each suite stays one file).
 */
#ifndef KB_TESTUTIL_H
#define KB_TESTUTIL_H

#include <check.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* Remove a temporary folder made by tu_tmpdir and free its name. */
static inline void tu_rmdir(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
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

/* The kb under test: $KB (`make check` sets it to the freshly built
 * ./kb), else ./kb. */
static inline const char *tu_kb_path(void)
{
    const char *kb = getenv("KB");
    return kb ? kb : "./kb";
}

/* Start kb with argv (argv[0] is ignored) in a child whose standard
 * input, output and error are the descriptors in, out and err, running
 * as user uid and group gid unless uid is (uid_t)-1; returns its pid.
 * The child exits 126 if it cannot take that user, 127 if kb cannot be
 * run. */
static inline pid_t tu_kb_start(int in, int out, int err, uid_t uid, gid_t gid, char *const argv[])
{
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        if (uid != (uid_t)-1 && (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
        execv(tu_kb_path(), argv);
        _exit(127);
    }
    return pid;
}

/* Run kb to its end as tu_kb_start does, feeding it `in` on standard
 * input (NULL: /dev/null); *maxrss_kb, when maxrss_kb is not NULL, is
 * the child's peak resident memory in KiB. */
static inline tu_out tu_kb_run(const char *in, uid_t uid, gid_t gid, long *maxrss_kb, char *const argv[])
{
    char outp[] = "/tmp/kbout.XXXXXX", errp[] = "/tmp/kberr.XXXXXX", inp[] = "/tmp/kbin.XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp), fi = in ? mkstemp(inp) : open("/dev/null", O_RDONLY);
    ck_assert(fo >= 0 && fe >= 0 && fi >= 0);
    if (in) {
        ck_assert_int_eq(write(fi, in, strlen(in)), (ssize_t)strlen(in));
        lseek(fi, 0, SEEK_SET);
        unlink(inp);
    }
    pid_t pid = tu_kb_start(fi, fo, fe, uid, gid, argv);
    int st = 0;
    struct rusage ru;
    ck_assert_int_eq(wait4(pid, &st, 0, &ru), pid);
    close(fo);
    close(fe);
    close(fi);
    tu_out o;
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    o.out = tu_read_file(outp, &o.out_len);
    o.err = tu_read_file(errp, &o.err_len);
    unlink(outp);
    unlink(errp);
    if (maxrss_kb) *maxrss_kb = ru.ru_maxrss;
    return o;
}

/* Run kb (tu_kb_path) with argv (argv[0] is ignored), feeding it `in`
 * on standard input (NULL: /dev/null). */
static inline tu_out tu_kb(const char *in, char *const argv[])
{
    return tu_kb_run(in, (uid_t)-1, 0, NULL, argv);
}

/* Count lines (newline characters) in s. */
static inline size_t tu_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

#endif
