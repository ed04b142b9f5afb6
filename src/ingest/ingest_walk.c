/*
 * ingest_walk.c - the paths named: each file, each folder's files
 * (recursively, entries sorted, hidden entries skipped, symlink loops
 * and links out of the folder reported), or standard input, queued in
 * that order with what the writer needs to know of it.  A failure of
 * the walk is queued too, so that it is reported in its place.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest_int.h"
#include "util.h"

char *ingest_clean_path(const char *path)
{
    buf b = BUF_INIT;
    const char *p = path;
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/') p++;
    }
    for (; *p; p++) {
        if (*p == '/' && b.len && b.data[b.len - 1] == '/') continue;
        buf_addc(&b, *p);
    }
    while (b.len > 1 && b.data[b.len - 1] == '/') buf_truncate(&b, b.len - 1);
    if (!b.len) buf_adds(&b, path[0] == '/' ? "/" : ".");
    return buf_detach(&b, NULL);
}

/* A failure of the walk (a folder, a link), reported in its place. */
static void ingest_walk_fail(ingest *in, const char *path, const char *msg)
{
    ingest_job *j = kb_calloc(1, sizeof *j);
    j->kind = JOB_FAIL;
    j->name = kb_strdup(path);
    j->msg = kb_strdup(msg);
    ingest_queue(in, j);
}

/* Queue a file (data NULL: read it from path; file: its canonical
 * path) or the bytes of stdin. */
static void ingest_add(ingest *in, const char *name, const char *file, const char *dir, buf *data, size_t size)
{
    ingest_job *j = kb_calloc(1, sizeof *j);
    j->kind = data ? JOB_STDIN : JOB_FILE;
    j->name = kb_strdup(name);
    j->file = kb_strdup(file);
    j->dir = dir ? kb_strdup(dir) : NULL;
    j->weight = size;
    doc_init(&j->d, DOC_TEXT);
    if (data) {
        j->data = *data;
        memset(data, 0, sizeof *data);
        j->loaded = 1;
    }
    j->old_hash = ingest_hint(in, name, file, dir);
    ingest_queue(in, j);
}

static void ingest_file(ingest *in, const char *path, size_t size)
{
    char *dir = kb_strdup(path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else strcpy(dir, ".");
    /* what identifies the file, however its path was spelt */
    char *file = realpath(path, NULL);
    ingest_add(in, path, file, dir, NULL, size);
    free(file);
    free(dir);
}

static int ingest_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ingest_path(ingest *in, const char *path, int explicit);

static void ingest_dir(ingest *in, const char *path, const struct stat *sb)
{
    for (int i = 0; i < in->depth; i++)
        if (in->chain[i].dev == sb->st_dev && in->chain[i].ino == sb->st_ino) {
            ingest_walk_fail(in, path, "symbolic link loop (folder already being read)");
            return;
        }
    if (in->depth >= INGEST_MAX_DEPTH) {
        ingest_walk_fail(in, path, "folders nested too deep");
        return;
    }
    DIR *dh = opendir(path);
    if (!dh) {
        ingest_walk_fail(in, path, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.') continue;  /* ., .., hidden files */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = kb_realloc(names, cap * sizeof *names);
        }
        names[n++] = kb_strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, n, sizeof *names, ingest_cmp);
    in->chain[in->depth].dev = sb->st_dev;
    in->chain[in->depth].ino = sb->st_ino;
    in->depth++;
    buf child = BUF_INIT;
    for (size_t i = 0; i < n && !in->fatal; i++) {
        buf_reset(&child);
        buf_adds(&child, path);
        if (child.len && child.data[child.len - 1] != '/') buf_addc(&child, '/');
        buf_adds(&child, names[i]);
        ingest_path(in, child.data, 0);
    }
    in->depth--;
    buf_free(&child);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* Is path (canonical) root or inside it? */
static int ingest_within(const char *path, const char *root)
{
    size_t n = strlen(root);
    return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0' || (n == 1 && root[0] == '/'));
}

/* A symbolic link met in a folder that leads out of the folder named on
 * the command line (a link to /etc/passwd): not followed.  One named on
 * the command line itself is. */
static int ingest_escapes(ingest *in, const char *path)
{
    struct stat lsb;
    if (!in->root || lstat(path, &lsb) != 0 || !S_ISLNK(lsb.st_mode)) return 0;
    char *target = realpath(path, NULL);
    int out = target && !ingest_within(target, in->root);
    free(target);
    return out;
}

/* explicit: named by the user (ingest whatever it is) rather than found
 * in a folder (ingest only known article formats). */
static void ingest_path(ingest *in, const char *path, int explicit)
{
    struct stat sb;
    if (!explicit && ingest_escapes(in, path)) {
        ingest_walk_fail(in, path, "symbolic link to outside the folder being read (not followed)");
        return;
    }
    if (stat(path, &sb) != 0) {
        struct stat lsb;
        if (errno == ENOENT && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
            ingest_walk_fail(in, path, "broken symbolic link");
        else if (errno == ELOOP)
            ingest_walk_fail(in, path, "symbolic link loop");
        else
            ingest_walk_fail(in, path, strerror(errno));
        return;
    }
    if (S_ISDIR(sb.st_mode)) {
        ingest_dir(in, path, &sb);
        return;
    }
    if (!S_ISREG(sb.st_mode)) {
        if (explicit) ingest_walk_fail(in, path, "not a regular file");
        else in->stats->skipped++;
        return;
    }
    if (!explicit && (in->opts->format < 0 && ingest_format_of(path) < 0)) {
        in->stats->skipped++;
        return;
    }
    ingest_file(in, path, (size_t)sb.st_size);
}

/* Standard input, stored under name. */
static void ingest_stdin(ingest *in, const char *name)
{
    buf data = BUF_INIT;
    char *err = NULL;
    if (ingest_read(STDIN_FILENO, ingest_max_size(in->opts), &data, &err))
        ingest_walk_fail(in, name, err);
    else
        ingest_add(in, name, NULL, NULL, &data, data.len);
    free(err);
    buf_free(&data);
}

void ingest_walk(ingest *in, const char *path)
{
    if (strcmp(path, "-") == 0) {
        ingest_stdin(in, in->opts->stdin_name ? in->opts->stdin_name : "-");
        return;
    }
    char *p = ingest_clean_path(path);
    struct stat sb;
    in->root = stat(p, &sb) == 0 && S_ISDIR(sb.st_mode) ? realpath(p, NULL) : NULL;
    ingest_path(in, p, 1);
    free(in->root);
    in->root = NULL;
    free(p);
}
