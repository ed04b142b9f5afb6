/*
 * ingest.c - walking paths and storing what they hold; see ingest.h.
 */
#include "ingest.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "doc.h"
#include "hash.h"
#include "html.h"
#include "norm.h"
#include "sidecar.h"
#include "text.h"
#include "util.h"

/* Commit a batch after this many files or bytes of input: big enough
 * that transaction overhead does not dominate (PLATFORM.md: one
 * transaction per file is 1.5x slower in WAL), small enough that a
 * concurrent writer never waits long and a crash loses little. */
#define INGEST_BATCH_FILES 64
#define INGEST_BATCH_BYTES ((size_t)32 << 20)
#define INGEST_MAX_DEPTH 64
/* The longest unit stored.  A longer block (a file that is one line, a
 * page that is one <p>) is stored as consecutive units of at most this
 * size.  Building claims holds some 30 bytes per byte of a unit
 * (normalized text, offset maps, token arrays), so this cap is what
 * keeps that memory bounded; no real paragraph comes near it (the
 * corpus' longest is 699 bytes). */
#define INGEST_UNIT_MAX ((size_t)64 << 10)

typedef struct ingest_dirid {
    dev_t dev;
    ino_t ino;
} ingest_dirid;

typedef struct ingest {
    store *st;
    const ingest_opts *opts;
    const ingest_events *ev;
    ingest_stats *stats;
    int in_batch;
    size_t batch_files, batch_bytes;
    /* the sidecar of the folder last seen */
    char *sc_dir;
    sidecar sc;
    /* folders on the current walk path, to detect symlink loops */
    ingest_dirid chain[INGEST_MAX_DEPTH];
    int depth;
    buf norm;   /* reused for every unit */
    char *fatal; /* a store failure that ends the run */
} ingest;

static void ingest_fail(ingest *in, const char *path, const char *msg)
{
    in->stats->failed++;
    if (in->ev && in->ev->fail) in->ev->fail(in->ev->ctx, path, msg);
}

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

static int ingest_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return -1;
    static const struct { const char *ext; int fmt; } exts[] = {
        {".txt", DOC_TEXT}, {".text", DOC_TEXT},
        {".md", DOC_MARKDOWN}, {".markdown", DOC_MARKDOWN}, {".mdown", DOC_MARKDOWN},
        {".html", DOC_HTML}, {".htm", DOC_HTML}, {".xhtml", DOC_HTML}};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (kb_ascii_ieq(dot, strlen(dot), exts[i].ext)) return exts[i].fmt;
    return -1;
}

/* Load the sidecar of dir unless it is the one already loaded.  A bad
 * sidecar is reported once and treated as absent. */
static void ingest_sidecar(ingest *in, const char *dir)
{
    if (in->sc_dir && strcmp(in->sc_dir, dir) == 0) return;
    free(in->sc_dir);
    in->sc_dir = kb_strdup(dir);
    sidecar_free(&in->sc);
    buf path = BUF_INIT;
    buf_printf(&path, "%s/%s", dir, SIDECAR_NAME);
    FILE *f = fopen(path.data, "rb");
    if (!f) {
        buf_free(&path);
        return;
    }
    buf data = BUF_INIT;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&data, chunk, n);
    int rd_err = ferror(f);
    fclose(f);
    char *err = NULL;
    if (rd_err)
        ingest_fail(in, path.data, "cannot read sidecar");
    else if (sidecar_parse(buf_cstr(&data), data.len, path.data, &in->sc, &err))
        ingest_fail(in, path.data, err);
    free(err);
    buf_free(&data);
    buf_free(&path);
}

static int ingest_commit(ingest *in)
{
    if (!in->in_batch) return KB_OK;
    in->in_batch = 0;
    in->batch_files = in->batch_bytes = 0;
    if (store_commit(in->st, &in->fatal)) {
        store_rollback(in->st);
        return KB_ERR;
    }
    return KB_OK;
}

/* Where to end a unit that starts at s and is longer than max: after
 * the last ". ", "! " or "? " in the second half of the window, else at
 * its last white space, else at the last character boundary (the text
 * is valid UTF-8), so that a cut splits as few sentences as it can. */
static size_t ingest_cut(const char *s, size_t max)
{
    for (size_t i = max; i > max / 2; i--)
        if (s[i] == ' ' && (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?')) return i;
    for (size_t i = max; i > max / 2; i--)
        if (isspace((unsigned char)s[i])) return i;
    size_t i = max;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i ? i : max;
}

/* Write one extracted document as source `name`; *nunits counts the
 * units stored (more than the blocks when one is over INGEST_UNIT_MAX).
 * Runs inside the caller's savepoint. */
static int ingest_store(ingest *in, const char *name, const doc *d, const char *hash,
                        size_t size, long long *id, size_t *nunits, char **err)
{
    store_source s;
    memset(&s, 0, sizeof s);
    s.path = name;
    s.format = doc_format_name(d->format);
    s.title = d->meta.title;
    s.site = d->meta.site;
    s.author = d->meta.author;
    s.date = d->meta.date;
    s.date_basis = d->meta.date ? d->meta.date_basis : NULL;
    s.url = d->meta.url;
    s.hash = hash;
    s.size = (long long)size;
    if (store_source_put(in->st, &s, id, err)) return KB_ERR;
    if (store_text_put(in->st, *id, d->text, d->len, err)) return KB_ERR;
    *nunits = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        for (size_t start = b->start; start < b->end;) {
            size_t n = b->end - start, end;
            if (n > INGEST_UNIT_MAX) n = ingest_cut(d->text + start, INGEST_UNIT_MAX);
            for (end = start + n; end > start && isspace((unsigned char)d->text[end - 1]); end--)
                ;
            buf_reset(&in->norm);
            if (norm_text(d->text + start, end - start, &in->norm, NULL, err)) return KB_ERR;
            store_unit u;
            memset(&u, 0, sizeof u);
            u.source_id = *id;
            u.seq = (long long)(*nunits)++;
            u.kind = doc_kind_name(b->kind);
            u.level = b->level;
            u.start = (long long)start;
            u.end = (long long)end;
            u.section = b->section;
            u.text = d->text + start;
            u.text_len = end - start;
            u.norm = buf_cstr(&in->norm);
            u.norm_len = in->norm.len;
            if (store_unit_add(in->st, &u, err)) return KB_ERR;
            for (start += n; start < b->end && isspace((unsigned char)d->text[start]); start++)
                ;
        }
    }
    if (store_index_source(in->st, *id, err)) return KB_ERR;
    size_t n = 0;
    if (in->opts->claims && claims_source(in->opts->claims, in->st, *id, &n, err)) return KB_ERR;
    in->stats->claims += n;
    return KB_OK;
}

/* Apply the sidecar entry for the file `base` in `dir`, if any. */
static void ingest_apply_sidecar(ingest *in, const char *dir, const char *base, doc *d)
{
    ingest_sidecar(in, dir);
    const sidecar_entry *e = sidecar_find(&in->sc, base);
    if (!e) return;
    char **dst[] = {&d->meta.title, &d->meta.site, &d->meta.author, &d->meta.date, &d->meta.url};
    const char *src[] = {e->title, e->site, e->author, e->date, e->url};
    for (size_t i = 0; i < sizeof src / sizeof *src; i++) {
        if (!src[i]) continue;
        free(*dst[i]);
        *dst[i] = kb_strdup(src[i]);
    }
    if (e->date) d->meta.date_basis = "sidecar";
}

/* Look name up: *id is its source (0: none yet).  Returns 1 when it is
 * stored with this hash and need not be read again, 0 when it must be
 * stored, -1 on a store error (in *err). */
static int ingest_lookup(ingest *in, const char *name, const char *hash, long long *id, char **err)
{
    char *old = NULL;
    if (store_source_lookup(in->st, name, id, &old, err)) return -1;
    int same = *id && old && strcmp(old, hash) == 0 && !in->opts->force;
    free(old);
    return same;
}

/* Ingest the bytes of one file under `name`.  dir is the folder whose
 * sidecar applies (NULL for stdin). */
static void ingest_bytes(ingest *in, const char *name, const char *dir, const char *data,
                         size_t len)
{
    char *err = NULL;
    long long id = 0;
    int same;
    doc d;
    int fmt = in->opts->format >= 0 ? in->opts->format : ingest_format_of(name);
    if (fmt < 0) fmt = html_sniff(data, len) ? DOC_HTML : DOC_TEXT;
    doc_init(&d, (doc_format)fmt);

    if (len == 0) {
        ingest_fail(in, name, "empty file");
        goto done;
    }
    /* libxml2's tree costs up to about 50 bytes per byte of markup (20
     * MB of bare <p> tags: 974 MB), so HTML has a limit of its own */
    if (fmt == DOC_HTML && len > INGEST_MAX_HTML) {
        char *msg = NULL;
        kb_seterr(&msg, "HTML page is too large (%zu bytes; kb parses HTML pages of up to %zu MiB)", len,
                  INGEST_MAX_HTML >> 20);
        ingest_fail(in, name, msg);
        free(msg);
        goto done;
    }
    char hash[65];
    hash_sha256_hex(data, len, hash);
    if ((same = ingest_lookup(in, name, hash, &id, &err)) != 0) {
        if (same < 0) ingest_fail(in, name, err);
        else in->stats->unchanged++;
        goto done;
    }
    int rc = fmt == DOC_HTML ? html_extract_whole(data, len, &d, &err)
                             : text_extract(data, len, fmt == DOC_MARKDOWN, &d, &err);
    if (rc) {
        ingest_fail(in, name, err);
        goto done;
    }
    if (d.nblocks == 0) {
        ingest_fail(in, name, fmt == DOC_HTML ? "no article text found" : "no text found");
        goto done;
    }
    if (dir) {
        const char *slash = strrchr(name, '/');
        ingest_apply_sidecar(in, dir, slash ? slash + 1 : name, &d);
    }
    if (!in->in_batch) {
        if (store_begin(in->st, &err)) {
            ingest_fail(in, name, err);
            goto done;
        }
        in->in_batch = 1;
        /* The lookup above ran outside the write transaction, and
         * another kb may have stored this file since: decide again
         * under the lock, or the insert would break the path's
         * uniqueness. */
        if ((same = ingest_lookup(in, name, hash, &id, &err)) != 0) {
            if (same < 0) ingest_fail(in, name, err);
            else in->stats->unchanged++;
            goto done;
        }
    }
    if (store_savepoint(in->st, &err)) {
        ingest_fail(in, name, err);
        goto done;
    }
    int replacing = id != 0;
    size_t nunits = 0;
    if (ingest_store(in, name, &d, hash, len, &id, &nunits, &err) || store_release(in->st, &err)) {
        store_rollback_savepoint(in->st);
        ingest_fail(in, name, err);
        goto done;
    }
    if (replacing) in->stats->replaced++;
    else in->stats->added++;
    in->stats->units += nunits;
    in->batch_files++;
    in->batch_bytes += len;
    if (in->batch_files >= INGEST_BATCH_FILES || in->batch_bytes >= INGEST_BATCH_BYTES)
        ingest_commit(in);
done:
    if (in->ev && in->ev->progress) in->ev->progress(in->ev->ctx, name, in->stats);
    doc_free(&d);
    free(err);
}

/* Read a whole file, refusing more than max bytes. */
static int ingest_read(int fd, size_t max, buf *out, char **err)
{
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return kb_seterr(err, "cannot read: %s", strerror(errno));
        }
        if (n == 0) return KB_OK;
        if (out->len + (size_t)n > max)
            return kb_seterr(err, "file is too large (over %zu MiB; the limit is set by --max-size)",
                             max >> 20);
        buf_add(out, chunk, (size_t)n);
    }
}

static void ingest_file(ingest *in, const char *path)
{
    char *err = NULL;
    buf data = BUF_INIT;
    size_t max = in->opts->max_size ? in->opts->max_size : INGEST_DEFAULT_MAX_SIZE;
    /* O_NONBLOCK: a path that became a FIFO since it was looked at must
     * not hang the run in open(); reads of a regular file ignore it. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        ingest_fail(in, path, strerror(errno));
        return;
    }
    struct stat sb;
    /* The size is checked before a byte is read, so a huge (or sparse)
     * file costs nothing. */
    if (fstat(fd, &sb) != 0) {
        kb_seterr(&err, "%s", strerror(errno));
    } else if (!S_ISREG(sb.st_mode)) {
        kb_seterr(&err, "not a regular file");
    } else if ((unsigned long long)sb.st_size > max) {
        kb_seterr(&err, "file is too large (%lld bytes; the limit is %zu MiB, see --max-size)",
                  (long long)sb.st_size, max >> 20);
    } else if (ingest_read(fd, max, &data, &err) == KB_OK) {
        char *dir = kb_strdup(path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0';
        else strcpy(dir, ".");
        ingest_bytes(in, path, dir, buf_cstr(&data), data.len);
        free(dir);
    }
    close(fd);
    if (err) ingest_fail(in, path, err);
    free(err);
    buf_free(&data);
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
            ingest_fail(in, path, "symbolic link loop (folder already being read)");
            return;
        }
    if (in->depth >= INGEST_MAX_DEPTH) {
        ingest_fail(in, path, "folders nested too deep");
        return;
    }
    DIR *dh = opendir(path);
    if (!dh) {
        ingest_fail(in, path, strerror(errno));
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

/* explicit: named by the user (ingest whatever it is) rather than found
 * in a folder (ingest only known article formats). */
static void ingest_path(ingest *in, const char *path, int explicit)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        struct stat lsb;
        if (errno == ENOENT && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
            ingest_fail(in, path, "broken symbolic link");
        else if (errno == ELOOP)
            ingest_fail(in, path, "symbolic link loop");
        else
            ingest_fail(in, path, strerror(errno));
        return;
    }
    if (S_ISDIR(sb.st_mode)) {
        ingest_dir(in, path, &sb);
        return;
    }
    if (!S_ISREG(sb.st_mode)) {
        if (explicit) ingest_fail(in, path, "not a regular file");
        else in->stats->skipped++;
        return;
    }
    if (!explicit && (in->opts->format < 0 && ingest_format_of(path) < 0)) {
        in->stats->skipped++;
        return;
    }
    ingest_file(in, path);
}

int ingest_run(store *st, char *const *paths, size_t npaths, const ingest_opts *opts,
               const ingest_events *ev, ingest_stats *stats, char **err)
{
    ingest in;
    memset(&in, 0, sizeof in);
    memset(stats, 0, sizeof *stats);
    in.st = st;
    in.opts = opts;
    in.ev = ev;
    in.stats = stats;
    for (size_t i = 0; i < npaths && !in.fatal; i++) {
        if (strcmp(paths[i], "-") == 0) {
            buf data = BUF_INIT;
            char *rerr = NULL;
            const char *name = opts->stdin_name ? opts->stdin_name : "-";
            if (ingest_read(STDIN_FILENO, opts->max_size ? opts->max_size : INGEST_DEFAULT_MAX_SIZE,
                            &data, &rerr))
                ingest_fail(&in, name, rerr);
            else
                ingest_bytes(&in, name, NULL, buf_cstr(&data), data.len);
            free(rerr);
            buf_free(&data);
            continue;
        }
        char *p = ingest_clean_path(paths[i]);
        ingest_path(&in, p, 1);
        free(p);
    }
    if (!in.fatal) ingest_commit(&in);
    else store_rollback(st);
    free(in.sc_dir);
    sidecar_free(&in.sc);
    buf_free(&in.norm);
    if (in.fatal) {
        kb_seterr(err, "%s", in.fatal);
        free(in.fatal);
        return KB_ERR;
    }
    return KB_OK;
}
