/*
 * ingest.c - walking paths and storing what they hold; see ingest.h.
 */
#include "ingest.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "doc.h"
#include "embed.h"
#include "hash.h"
#include "html.h"
#include "html_mem.h"
#include "norm.h"
#include "sidecar.h"
#include "text.h"
#include "util.h"

#define INGEST_MAX_DEPTH 64
/* The longest unit stored.  A longer block (a file that is one line, a
 * page that is one <p>) is stored as consecutive units of at most this
 * size.  Building claims holds some 30 bytes per byte of a unit
 * (normalized text, offset maps, token arrays), so this cap is what
 * keeps that memory bounded; no real paragraph comes near it (the
 * corpus' longest is 699 bytes). */
#define INGEST_UNIT_MAX ((size_t)64 << 10)

/* At most this many worker threads, whatever the CPU count. */
#define INGEST_MAX_JOBS 4
/* Files in flight (queued, being built, or built and waiting for the
 * writer): at most INGEST_FLIGHT_PER_JOB per worker thread, plus 2, and
 * together at most INGEST_FLIGHT_BYTES of input unless a single file is
 * larger: then it is alone.  With the HTML limit this keeps the peak of
 * several files at about that of one. */
#define INGEST_FLIGHT_BYTES INGEST_MAX_HTML
#define INGEST_FLIGHT_PER_JOB 12

typedef struct ingest_dirid {
    dev_t dev;
    ino_t ino;
} ingest_dirid;

/* What a job is. */
enum { JOB_FILE, JOB_STDIN, JOB_FAIL };
/* Where a job is: queued, taken by a thread, done. */
enum { JS_QUEUED, JS_RUNNING, JS_DONE };
/* What building it gave: a failure to report before the stored hash is
 * looked at, one to report after it (an unchanged file is not a failure),
 * one to report after the write transaction has begun (the order of the
 * sequential ingest), the same hash as the one stored when the job was
 * queued (nothing was extracted), or a source ready to write. */
enum { OUT_FAIL_EARLY, OUT_FAIL_LATE, OUT_FAIL_STORE, OUT_SAME, OUT_READY, OUT_KB_EXPORT };

/* One file (or stdin, or a failure of the walk) on its way to the store.
 * The walker fills the first part, a worker (or the writer itself) the
 * rest; the writer writes jobs in the order they were queued. */
typedef struct ingest_job {
    struct ingest_job *next;
    int kind;
    char *name;          /* the path as given (tidied): for messages, and the name of a new source */
    char *file;          /* its canonical absolute path: what identifies it; NULL for stdin */
    char *stored;        /* the name its source has, when it has one */
    char *dir;           /* the folder whose sidecar applies; NULL: none */
    char *old_hash;      /* the stored hash when queued (a hint), or NULL */
    size_t weight;       /* bytes counted against INGEST_FLIGHT_BYTES */
    int state;           /* JS_*, under the pool's lock */
    /* built */
    int loaded;          /* data holds the input */
    buf data;
    int outcome;         /* OUT_* */
    int progress;        /* report progress after a failure */
    char *msg;           /* the failure */
    size_t len;
    char hash[65];
    doc d;
    store_unit *units;
    size_t nunits;
    buf norms;           /* the units' matching forms, one after another */
    claims_set *cs;
    int gen;             /* the taxonomy generation cs was tagged with */
} ingest_job;

/* The worker threads and the jobs in flight. */
typedef struct ingest_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;  /* a job was queued, or stop */
    pthread_cond_t done;  /* a job was built */
    ingest_job *head, *tail;  /* in input order */
    ingest_job *next;     /* the first job no thread has taken */
    size_t njobs, bytes, flight;
    int stop;
    size_t nthreads;
    pthread_t th[INGEST_MAX_JOBS];
    claims *cl[INGEST_MAX_JOBS];
    const ingest_opts *opts;
    /* a taxonomy change: each worker swaps its builder for fresh[i]
     * when its generation is behind gen */
    int gen;
    claims *fresh[INGEST_MAX_JOBS];
} ingest_pool;

/* A source written in the open batch: what to report and take back
 * from the counts should the batch be lost. */
typedef struct ingest_written {
    char *name;
    int kind;            /* WRITTEN_* */
    size_t units, claims;
} ingest_written;
enum { WRITTEN_ADDED, WRITTEN_REPLACED, WRITTEN_DUPLICATE };

typedef struct ingest {
    store *st;
    const ingest_opts *opts;
    const ingest_events *ev;
    ingest_stats *stats;
    ingest_pool pool;
    int in_batch;
    size_t batch_files, batch_bytes;
    ingest_written *written;  /* the batch's sources so far */
    size_t nwritten, capwritten;
    /* units written in this batch and not yet indexed: id ranges */
    long long (*pending)[2];
    size_t npending, cappending;
    /* the sidecar of the folder last seen */
    char *sc_dir;
    sidecar sc;
    char *root;  /* the folder named on the command line being read (canonical), or NULL */
    /* folders whose sidecar had problems, reported once: a folder is
     * met again after each of its subfolders, and read again */
    char **sc_reported;
    size_t nsc_reported;
    /* folders on the current walk path, to detect symlink loops */
    ingest_dirid chain[INGEST_MAX_DEPTH];
    int depth;
    char *fatal; /* a store failure that ends the run (no transaction) */
    /* the taxonomy in force when the batch began: its builder (opts'
     * until it changes), generation and hash */
    claims *cl;
    int own_cl, gen;
    char tax_stamp[65];
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

/* A bad row of a sidecar: reported as a failure (exit 1), as a bad
 * sidecar always was, but it costs only that row's file its metadata. */
static void ingest_sidecar_warn(void *ctx, const char *path, const char *msg)
{
    ingest_fail(ctx, path, msg);
}

/* Load the sidecar of dir unless it is the one already loaded.  A bad
 * sidecar is treated as absent, a bad row is left out (sidecar.h), and
 * each is reported the first time the folder's sidecar is read. */
static void ingest_sidecar(ingest *in, const char *dir)
{
    if (in->sc_dir && strcmp(in->sc_dir, dir) == 0) return;
    free(in->sc_dir);
    in->sc_dir = kb_strdup(dir);
    sidecar_free(&in->sc);
    buf path = BUF_INIT;
    buf_printf(&path, "%s/%s", dir, SIDECAR_NAME);
    int again = 0;
    for (size_t i = 0; i < in->nsc_reported && !again; i++) again = strcmp(in->sc_reported[i], dir) == 0;
    size_t failed = in->stats->failed;
    char *err = NULL;
    if (sidecar_load(path.data, again ? NULL : ingest_sidecar_warn, in, &in->sc, &err) && !again)
        ingest_fail(in, path.data, err);
    free(err);
    buf_free(&path);
    if (in->stats->failed != failed) {
        in->sc_reported = kb_realloc(in->sc_reported, (in->nsc_reported + 1) * sizeof *in->sc_reported);
        in->sc_reported[in->nsc_reported++] = kb_strdup(dir);
    }
}

/* Index the units written in this batch so far (after every source of
 * them is released: outside any savepoint).  A failure loses the batch
 * (the caller's to report). */
static int ingest_index_pending(ingest *in, char **err)
{
    int rc = KB_OK;
    for (size_t i = 0; i < in->npending && rc == KB_OK; i++)
        rc = store_index_units(in->st, in->pending[i][0], in->pending[i][1], err);
    in->npending = 0;
    return rc;
}

static void ingest_batch_clear(ingest *in)
{
    for (size_t i = 0; i < in->nwritten; i++) free(in->written[i].name);
    in->nwritten = 0;
    in->in_batch = 0;
    in->batch_files = in->batch_bytes = 0;
    in->npending = 0;
}

/* The open batch is gone: its COMMIT failed, or SQLite rolled it back
 * after a write error (a full disk, an I/O error).  None of its sources
 * is stored, so each is reported and counted as failed, and a later run
 * stores it whole. */
static void ingest_batch_lost(ingest *in, const char *why)
{
    store_rollback(in->st);
    for (size_t i = 0; i < in->nwritten; i++) {
        const ingest_written *w = &in->written[i];
        if (w->kind == WRITTEN_REPLACED) in->stats->replaced--;
        else if (w->kind == WRITTEN_DUPLICATE) in->stats->duplicates--;
        else in->stats->added--;
        in->stats->units -= w->units;
        in->stats->claims -= w->claims;
        char *msg = NULL;
        kb_seterr(&msg, "not stored: its batch was rolled back (%s)", why ? why : "unknown error");
        ingest_fail(in, w->name, msg);
        free(msg);
    }
    ingest_batch_clear(in);
}

/* After a failed store call in the batch: did the batch survive it?
 * If SQLite rolled it back, report it lost. */
static void ingest_check_batch(ingest *in, const char *why)
{
    if (in->in_batch && !store_in_write(in->st)) ingest_batch_lost(in, why);
}

/* Note units first..last (a source's, just released) for indexing. */
static void ingest_pend(ingest *in, long long first, long long last)
{
    if (in->npending && in->pending[in->npending - 1][1] + 1 == first) {
        in->pending[in->npending - 1][1] = last;
        return;
    }
    if (in->npending == in->cappending) {
        in->cappending = in->cappending ? in->cappending * 2 : 8;
        in->pending = kb_realloc(in->pending, in->cappending * sizeof *in->pending);
    }
    in->pending[in->npending][0] = first;
    in->pending[in->npending][1] = last;
    in->npending++;
}

/* Index the batch and commit it: the index rows go in the same
 * transaction as their units, so a crash loses both or neither. */
static int ingest_commit(ingest *in)
{
    if (!in->in_batch) return KB_OK;
    char *err = NULL;
    if (ingest_index_pending(in, &err) || store_commit(in->st, &err)) {
        ingest_batch_lost(in, err);
        free(err);
        return KB_ERR;
    }
    ingest_batch_clear(in);
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

/* Split j's doc into units (a block over INGEST_UNIT_MAX becomes
 * several) with their matching forms. */
static int ingest_units(ingest_job *j, char **err)
{
    const doc *d = &j->d;
    size_t cap = d->nblocks;
    j->units = kb_calloc(cap ? cap : 1, sizeof *j->units);
    j->nunits = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        for (size_t start = b->start; start < b->end;) {
            size_t n = b->end - start, end;
            if (n > INGEST_UNIT_MAX) n = ingest_cut(d->text + start, INGEST_UNIT_MAX);
            for (end = start + n; end > start && isspace((unsigned char)d->text[end - 1]); end--)
                ;
            size_t before = j->norms.len;
            if (norm_text(d->text + start, end - start, &j->norms, NULL, err)) return KB_ERR;
            if (j->nunits == cap) {
                cap *= 2;
                j->units = kb_realloc(j->units, cap * sizeof *j->units);
            }
            store_unit *u = &j->units[j->nunits];
            memset(u, 0, sizeof *u);
            u->seq = (long long)j->nunits++;
            u->kind = doc_kind_name(b->kind);
            u->level = b->level;
            u->start = (long long)start;
            u->end = (long long)end;
            u->section = b->section;
            u->text = d->text + start;
            u->text_len = end - start;
            u->norm_len = j->norms.len - before;
            for (start += n; start < b->end && isspace((unsigned char)d->text[start]); start++)
                ;
        }
    }
    /* the forms are in place now that the buffer has stopped growing */
    size_t off = 0;
    for (size_t i = 0; i < j->nunits; i++) {
        j->units[i].norm = buf_cstr(&j->norms) + off;
        off += j->units[i].norm_len;
    }
    return KB_OK;
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

/* Read the file of job j into j->data. */
static int ingest_load(ingest_job *j, size_t max, char **err)
{
    /* O_NONBLOCK: a path that became a FIFO since it was looked at must
     * not hang the run in open(); reads of a regular file ignore it. */
    int fd = open(j->name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return kb_seterr(err, "%s", strerror(errno));
    struct stat sb;
    int rc = KB_ERR;
    /* The size is checked before a byte is read, so a huge (or sparse)
     * file costs nothing. */
    if (fstat(fd, &sb) != 0)
        kb_seterr(err, "%s", strerror(errno));
    else if (!S_ISREG(sb.st_mode))
        kb_seterr(err, "not a regular file");
    else if ((unsigned long long)sb.st_size > max)
        kb_seterr(err, "file is too large (%lld bytes; the limit is %zu MiB, see --max-size)",
                  (long long)sb.st_size, max >> 20);
    else
        rc = ingest_read(fd, max, &j->data, err);
    close(fd);
    return rc;
}

/* Everything about job j that needs no store: read, hash, extract,
 * split into units, build the claims (with builder cl, NULL: none).
 * Runs in a worker thread, or in the writer's; touches only j. */
static void ingest_build(ingest_job *j, const ingest_opts *o, claims *cl)
{
    char *err = NULL;
    size_t max = o->max_size ? o->max_size : INGEST_DEFAULT_MAX_SIZE;
    /* built before (the writer builds a job again whose file changed
     * since it was queued): start afresh */
    free(j->units);
    j->units = NULL;
    j->nunits = 0;
    buf_reset(&j->norms);
    claims_set_free(j->cs);
    j->cs = NULL;
    j->outcome = OUT_FAIL_EARLY;
    j->progress = 1;
    if (!j->loaded) {
        if (ingest_load(j, max, &err)) {
            j->progress = 0;
            goto done;
        }
        j->loaded = 1;
    }
    const char *data = buf_cstr(&j->data);
    size_t len = j->len = j->data.len;
    if (doc_is_kb_export(data, len)) {
        j->outcome = OUT_KB_EXPORT;
        return;
    }
    int fmt = o->format >= 0 ? o->format : ingest_format_of(j->name);
    if (fmt < 0) fmt = html_sniff(data, len) ? DOC_HTML : DOC_TEXT;
    doc_free(&j->d);
    doc_init(&j->d, (doc_format)fmt);
    if (len == 0) {
        kb_seterr(&err, "empty file");
        goto done;
    }
    /* libxml2's tree costs up to about 50 bytes per byte of markup (20
     * MB of bare <p> tags: 974 MB), so HTML has a limit of its own */
    if (fmt == DOC_HTML && len > INGEST_MAX_HTML) {
        kb_seterr(&err, "HTML page is too large (%zu bytes; kb parses HTML pages of up to %zu MiB)", len,
                  INGEST_MAX_HTML >> 20);
        goto done;
    }
    hash_sha256_hex(data, len, j->hash);
    if (j->old_hash && !o->force && strcmp(j->old_hash, j->hash) == 0) {
        /* most likely unchanged: the writer decides, and keeps the bytes
         * in case it finds otherwise */
        j->outcome = OUT_SAME;
        goto done;
    }
    j->outcome = OUT_FAIL_LATE;
    int rc = fmt == DOC_HTML ? html_extract_whole(data, len, &j->d, &err)
                             : text_extract(data, len, fmt == DOC_MARKDOWN, &j->d, &err);
    if (rc) goto done;
    if (j->d.nblocks == 0) {
        kb_seterr(&err, "%s", fmt == DOC_HTML ? "no article text found" : "no text found");
        goto done;
    }
    buf_free(&j->data); /* the doc has its own copy */
    j->loaded = 0;
    j->outcome = OUT_FAIL_STORE;
    if (ingest_units(j, &err)) goto done;
    if (cl && claims_build(cl, j->units, j->nunits, &j->cs, &err)) goto done;
    j->outcome = OUT_READY;
done:
    free(j->msg);
    j->msg = err;
}

static void ingest_job_free(ingest_job *j)
{
    if (!j) return;
    free(j->name);
    free(j->file);
    free(j->stored);
    free(j->dir);
    free(j->old_hash);
    free(j->msg);
    buf_free(&j->data);
    doc_free(&j->d);
    free(j->units);
    buf_free(&j->norms);
    claims_set_free(j->cs);
    free(j);
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

/* The hash of the sidecar row that applies to file name in dir, into
 * out; 0 when none does. */
static int ingest_sidecar_stamp(ingest *in, const char *dir, const char *name, char out[65])
{
    if (!dir) return 0;
    ingest_sidecar(in, dir);
    const char *slash = strrchr(name, '/');
    const sidecar_entry *e = sidecar_find(&in->sc, slash ? slash + 1 : name);
    if (!e) return 0;
    buf b = BUF_INIT;
    const char *f[] = {e->title, e->site, e->author, e->date, e->url};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) buf_printf(&b, "%s\t", f[i] ? f[i] : "");
    hash_sha256_hex(b.data, b.len, out);
    buf_free(&b);
    return 1;
}

/* Was source f built from the taxonomy in force and name's sidecar row
 * as it is now? */
static int ingest_inputs_same(ingest *in, const store_found *f, const char *dir, const char *name)
{
    char sc[65];
    int has_sc = ingest_sidecar_stamp(in, dir, name, sc);
    return (!in->cl || (f->taxonomy && strcmp(f->taxonomy, in->tax_stamp) == 0)) &&
           (has_sc ? f->sidecar && strcmp(f->sidecar, sc) == 0 : !f->sidecar);
}

/* Is j's file stored, built from these bytes, the taxonomy in force
 * and its sidecar row as it is now (and, for a duplicate, is the source
 * it repeats still the same bytes)?  1: unchanged, need not be read
 * again; 0: it must be stored (*id: its source, 0 if none yet, whose
 * name it keeps); -1: a store error (in *err). */
static int ingest_lookup(ingest *in, ingest_job *j, long long *id, char **err)
{
    store_found f;
    if (store_source_lookup(in->st, j->name, j->file, &f, err)) return -1;
    *id = f.id;
    int same = f.id && !in->opts->force && f.hash && strcmp(f.hash, j->hash) == 0 &&
               (!f.duplicate_of || (f.original_hash && strcmp(f.original_hash, f.hash) == 0)) &&
               ingest_inputs_same(in, &f, j->dir, j->name);
    free(j->stored);
    j->stored = f.path;
    f.path = NULL;
    store_found_clear(&f);
    return same;
}

/* The stored hash of a file when the rest of what it was built from is
 * as now, else NULL (malloc'd): a hint that lets a worker tell an
 * unchanged file from its hash without extracting it.  Only a hint: the
 * writer looks again when the file's turn comes. */
static char *ingest_hint(ingest *in, const char *name, const char *file, const char *dir)
{
    store_found f;
    char *e = NULL, *hint = NULL;
    if (store_source_lookup(in->st, name, file, &f, &e)) {
        free(e);
        return NULL;
    }
    if (f.id && !f.duplicate_of && ingest_inputs_same(in, &f, dir, name)) {
        hint = f.hash;
        f.hash = NULL;
    }
    store_found_clear(&f);
    return hint;
}

/* At the start of a batch (under the write lock): has `kb init
 * --taxonomy` switched the taxonomy since the last batch?  Then tag with
 * the new one from here on: a builder for the writer and one for each
 * worker, and a new generation, so that a source built with the old one
 * is built again before it is written. */
static int ingest_taxonomy_check(ingest *in, char **err)
{
    if (!in->cl) return KB_OK;
    char *tsv = NULL, stamp[65];
    if (store_meta_get(in->st, "taxonomy", &tsv, err)) return KB_ERR;
    const char *tx = tsv ? tsv : embed_taxonomy;
    hash_sha256_hex(tx, strlen(tx), stamp);
    int rc = KB_OK;
    if (strcmp(stamp, in->tax_stamp) != 0) {
        claims *cl = NULL;
        char *e = NULL;
        if (claims_new(tx, NULL, NULL, &cl, &e)) {
            kb_seterr(err, "the taxonomy in the database: %s", e);
            free(e);
            rc = KB_ERR;
            goto done;
        }
        if (in->own_cl) claims_free(in->cl);
        in->cl = cl;
        in->own_cl = 1;
        in->gen++;
        memcpy(in->tax_stamp, stamp, sizeof stamp);
        ingest_pool *p = &in->pool;
        pthread_mutex_lock(&p->mu);
        for (size_t i = 0; i < p->nthreads; i++) {
            claims_free(p->fresh[i]);
            p->fresh[i] = NULL;
            if (claims_clone(cl, &p->fresh[i], &e)) {
                free(e);
                e = NULL;
            }
        }
        p->gen = in->gen;
        pthread_mutex_unlock(&p->mu);
    }
done:
    free(tsv);
    return rc;
}

/* Write the source built in j as `id` (0: a new one).  Runs inside the
 * caller's savepoint.  *first..*last get the ids of its units when
 * they are consecutive and not yet indexed; else it indexes them itself
 * and sets *first = 0. */
/* The name j's source goes by: the one it has (a file met again by
 * another spelling of its path keeps it), else its path as given,
 * unless another source goes by that (a relative path given from
 * elsewhere names another file): then its canonical path. */
static int ingest_name(ingest *in, const ingest_job *j, long long id, const char **name, char **err)
{
    int taken = 0;
    *name = id && j->stored ? j->stored : j->name;
    if (*name == j->name && j->file && store_source_path_taken(in->st, j->name, id, &taken, err)) return KB_ERR;
    if (taken) *name = j->file;
    return KB_OK;
}

static int ingest_store(ingest *in, ingest_job *j, long long *id, long long *first, long long *last,
                        long long *dup_of, char **err)
{
    const doc *d = &j->d;
    store_source s;
    memset(&s, 0, sizeof s);
    if (ingest_name(in, j, *id, &s.path, err)) return KB_ERR;
    s.file = j->file;
    s.format = doc_format_name(d->format);
    s.title = d->meta.title;
    s.site = d->meta.site;
    s.author = d->meta.author;
    s.date = d->meta.date;
    s.date_basis = d->meta.date ? d->meta.date_basis : NULL;
    s.url = d->meta.url;
    s.hash = j->hash;
    s.size = (long long)j->len;
    char sc[65];
    s.taxonomy = in->cl ? in->tax_stamp : NULL;
    s.sidecar = ingest_sidecar_stamp(in, j->dir, j->name, sc) ? sc : NULL;
    /* the same bytes as another source: stored as its duplicate, a name
     * only, so that the article counts once */
    if (store_source_same_bytes(in->st, j->hash, *id, &s.duplicate_of, NULL, err)) return KB_ERR;
    *dup_of = s.duplicate_of;
    *first = 0;
    if (store_source_put(in->st, &s, id, err)) return KB_ERR;
    if (s.duplicate_of) return KB_OK;
    if (store_text_put(in->st, *id, d->text, d->len, err)) return KB_ERR;
    long long *ids = kb_calloc(j->nunits ? j->nunits : 1, sizeof *ids);
    int rc = KB_ERR;
    for (size_t i = 0; i < j->nunits; i++) {
        j->units[i].source_id = *id;
        j->units[i].furniture = claims_set_furniture(j->cs, i);
    }
    if (store_units_add(in->st, j->units, j->nunits, ids, err)) goto done;
    *first = j->nunits ? ids[0] : 0;
    *last = j->nunits ? ids[j->nunits - 1] : 0;
    /* New rows take the next id, so a source's units are consecutive;
     * should they not be, index them by source as they are. */
    if (*first && *last - *first + 1 != (long long)j->nunits) {
        if (store_index_source(in->st, *id, err)) goto done;
        *first = 0;
    }
    /* a source replaced lost its old claims in store_source_put */
    if (j->cs && claims_write(in->cl, in->st, j->cs, *id, j->units, ids, 0, err)) goto done;
    rc = KB_OK;
done:
    free(ids);
    return rc;
}

/* What to do with job j now, in the order of a sequential ingest:
 * skip it (unchanged, or failed: reported here) or store it (*id: the
 * source it replaces, 0 for a new one).  Builds it (again) here when
 * what it was built from is out of date, and begins the batch. */
enum { WR_SKIP, WR_STORE };
static int ingest_decide(ingest *in, ingest_job *j, long long *id)
{
    char *err = NULL;
    int rc = WR_SKIP, same;
again:
    if (j->outcome == OUT_FAIL_EARLY) {
        ingest_fail(in, j->name, j->msg);
        goto done;
    }
    if (j->outcome == OUT_KB_EXPORT) {
        in->stats->skipped++;
        if (in->ev && in->ev->note) in->ev->note(in->ev->ctx, j->name, "skipped: a summary kb export wrote, not an article");
        goto done;
    }
    if ((same = ingest_lookup(in, j, id, &err)) != 0) {
        if (same < 0) {
            ingest_fail(in, j->name, err);
            ingest_check_batch(in, err);
        } else {
            in->stats->unchanged++;
        }
        goto done;
    }
    /* Its bytes were the stored ones when it was queued, but it must be
     * stored now (another kb stored or removed it meanwhile, its sidecar
     * row or the taxonomy changed): build it here.  One tagged with a
     * taxonomy no longer in force is tagged again. */
    if (j->outcome == OUT_SAME) {
        free(j->old_hash);
        j->old_hash = NULL;
        ingest_build(j, in->opts, in->cl);
        j->gen = in->gen;
        goto again;
    }
    if (j->outcome == OUT_READY && j->gen != in->gen && in->cl) {
        /* its units stand; only the tags change */
        claims_set_free(j->cs);
        j->cs = NULL;
        j->gen = in->gen;
        if (claims_build(in->cl, j->units, j->nunits, &j->cs, &err)) {
            ingest_fail(in, j->name, err);
            goto done;
        }
    }
    if (j->outcome == OUT_FAIL_LATE) {
        ingest_fail(in, j->name, j->msg);
        goto done;
    }
    if (!in->in_batch) {
        /* With no transaction nothing more can be stored: the run ends
         * here, once, rather than waiting out the busy timeout again for
         * every file left. */
        if (store_begin(in->st, &err)) {
            kb_seterr(&in->fatal, "%s (the ingest stopped at %s: it and the files after it were not stored; "
                                  "run it again)", err, j->name);
            goto done;
        }
        in->in_batch = 1;
        if (ingest_taxonomy_check(in, &err)) {
            kb_seterr(&in->fatal, "%s", err);
            ingest_batch_lost(in, err);
            goto done;
        }
        /* The lookup above ran outside the write transaction: another kb
         * may have stored this file since, or switched the taxonomy.
         * Decide again under the lock. */
        goto again;
    }
    if (j->outcome == OUT_FAIL_STORE) {
        ingest_fail(in, j->name, j->msg);
        goto done;
    }
    rc = WR_STORE;
done:
    free(err);
    return rc;
}

/* Tell that j was stored as a duplicate of source dup_of. */
static void ingest_note_duplicate(ingest *in, const ingest_job *j, long long dup_of)
{
    if (!in->ev || !in->ev->note) return;
    store_source o;
    char *err = NULL, *msg = NULL;
    if (store_source_get(in->st, dup_of, &o, &err) == KB_OK) {
        kb_seterr(&msg, "the same bytes as %s: stored as its duplicate (counted once)", o.path);
        store_source_clear(in->st, &o);
    } else {
        kb_seterr(&msg, "the same bytes as another source: stored as its duplicate (counted once)");
    }
    in->ev->note(in->ev->ctx, j->name, msg);
    free(msg);
    free(err);
}

/* Store job j as source id (0: a new one) in its own savepoint of the
 * batch, and commit the batch when it is full. */
static void ingest_put(ingest *in, ingest_job *j, long long id)
{
    char *err = NULL;
    if (j->dir) {
        const char *slash = strrchr(j->name, '/');
        ingest_apply_sidecar(in, j->dir, slash ? slash + 1 : j->name, &j->d);
    }
    int replacing = id != 0;
    /* Replacing takes the old rows out of the index: index what this
     * batch wrote first, so that no unit is taken out unindexed (the
     * same path twice in one batch). */
    if (replacing && ingest_index_pending(in, &err)) {
        ingest_fail(in, j->name, err);
        ingest_batch_lost(in, err);
        goto done;
    }
    if (store_savepoint(in->st, &err)) {
        ingest_fail(in, j->name, err);
        ingest_check_batch(in, err);
        goto done;
    }
    long long first = 0, last = 0, dup_of = 0;
    if (ingest_store(in, j, &id, &first, &last, &dup_of, &err) || store_release(in->st, &err)) {
        store_rollback_savepoint(in->st);
        ingest_fail(in, j->name, err);
        ingest_check_batch(in, err);
        goto done;
    }
    if (first) ingest_pend(in, first, last);
    ingest_written w = {kb_strdup(j->name), replacing ? WRITTEN_REPLACED : WRITTEN_ADDED, j->nunits,
                        j->cs ? claims_set_count(j->cs) : 0};
    if (dup_of) {
        w.kind = WRITTEN_DUPLICATE;
        w.units = w.claims = 0;
        in->stats->duplicates++;
        ingest_note_duplicate(in, j, dup_of);
    } else if (replacing) {
        in->stats->replaced++;
    } else {
        in->stats->added++;
    }
    in->stats->units += w.units;
    in->stats->claims += w.claims;
    if (in->nwritten == in->capwritten) {
        in->capwritten = in->capwritten ? 2 * in->capwritten : 16;
        in->written = kb_realloc(in->written, in->capwritten * sizeof *in->written);
    }
    in->written[in->nwritten++] = w;
    in->batch_files++;
    in->batch_bytes += j->len;
    if (in->batch_files >= INGEST_BATCH_FILES || in->batch_bytes >= INGEST_BATCH_BYTES) ingest_commit(in);
done:
    free(err);
}

/* Write job j (the next in input order). */
static void ingest_write(ingest *in, ingest_job *j)
{
    long long id = 0;
    if (j->kind == JOB_FAIL) {
        ingest_fail(in, j->name, j->msg);
        return;
    }
    if (ingest_decide(in, j, &id) == WR_STORE) ingest_put(in, j, id);
    if (j->progress && in->ev && in->ev->progress) in->ev->progress(in->ev->ctx, j->name, in->stats);
}

/* The first job from j on that is waiting to be built (walk failures
 * need no building), or NULL.  Under the pool's lock. */
static ingest_job *ingest_waiting(ingest_job *j)
{
    while (j && j->state != JS_QUEUED) j = j->next;
    return j;
}

/* A worker: build the oldest job no one has taken, until told to stop. */
static void *ingest_worker(void *arg)
{
    ingest_pool *p = ((void **)arg)[0];
    claims *cl = ((void **)arg)[1];
    size_t me = (size_t)(uintptr_t)((void **)arg)[2];
    int gen = 0;
    free(arg);
    /* The writer is the serial stage, and at 8x it set the pace: workers
     * 10 nice levels down, 0.91 of the wall time at 8x, 0.95 at 1x. */
    kb_thread_nice(10);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->next && !p->stop) pthread_cond_wait(&p->work, &p->mu);
        if (!p->next) break;
        ingest_job *j = p->next;
        p->next = ingest_waiting(j->next);
        j->state = JS_RUNNING;
        if (gen != p->gen && p->fresh[me]) {
            /* the taxonomy changed (ingest_taxonomy_check) */
            claims_free(cl);
            cl = p->cl[me] = p->fresh[me];
            p->fresh[me] = NULL;
            gen = p->gen;
        }
        pthread_mutex_unlock(&p->mu);
        ingest_build(j, p->opts, cl);
        j->gen = gen;
        pthread_mutex_lock(&p->mu);
        j->state = JS_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Start the pool: jobs threads (see ingest_opts), each with a builder
 * of its own.  With none, the writer builds every job itself. */
static void ingest_pool_start(ingest *in)
{
    ingest_pool *p = &in->pool;
    p->opts = in->opts;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    long want = in->opts->jobs;
    if (want <= 0) {
        want = sysconf(_SC_NPROCESSORS_ONLN);
        if (want < 1) want = 1;
    }
    if (want > INGEST_MAX_JOBS) want = INGEST_MAX_JOBS;
    if (want > 1) {
        html_mem_init(); /* libxml2's allocator and globals, in this thread */
        for (long i = 0; i < want; i++) {
            claims *cl = NULL;
            char *e = NULL;
            if (in->cl && claims_clone(in->cl, &cl, &e)) {
                free(e);
                break;
            }
            void **arg = kb_malloc(3 * sizeof *arg);
            arg[0] = p;
            arg[1] = cl;
            arg[2] = (void *)(uintptr_t)p->nthreads;
            if (pthread_create(&p->th[p->nthreads], NULL, ingest_worker, arg) != 0) {
                free(arg);
                claims_free(cl);
                break;
            }
            p->cl[p->nthreads++] = cl;
        }
    }
    /* A slow file (a 6 MB page takes a worker over half a second) must
     * not leave the other workers idle and then the writer waiting: on
     * Debian's docs 26 files instead of 4 cut the writer's waits from
     * 1.3 s to 0.45 s, for 10 MB more peak memory (the byte limit
     * bounds it whatever the count). */
    p->flight = p->nthreads ? INGEST_FLIGHT_PER_JOB * p->nthreads + 2 : 1;
}

/* Write the oldest job in flight, building it here if no thread has
 * taken it; after a fatal store error, only drop it. */
static void ingest_write_head(ingest *in)
{
    ingest_pool *p = &in->pool;
    pthread_mutex_lock(&p->mu);
    ingest_job *j = p->head;
    while (j->state != JS_DONE) {
        if (j->state == JS_QUEUED) {
            /* the oldest job is the first one not taken */
            p->next = ingest_waiting(j->next);
            j->state = JS_RUNNING;
            pthread_mutex_unlock(&p->mu);
            ingest_build(j, in->opts, in->cl);
            j->gen = in->gen;
            pthread_mutex_lock(&p->mu);
            j->state = JS_DONE;
        } else {
            pthread_cond_wait(&p->done, &p->mu);
        }
    }
    p->head = j->next;
    if (!p->head) p->tail = NULL;
    p->njobs--;
    p->bytes -= j->weight;
    pthread_mutex_unlock(&p->mu);
    if (!in->fatal) ingest_write(in, j);
    ingest_job_free(j);
}

/* Queue j, first writing the oldest jobs while too many files or bytes
 * are in flight. */
static void ingest_queue(ingest *in, ingest_job *j)
{
    ingest_pool *p = &in->pool;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        int full = p->njobs >= p->flight || (p->njobs && p->bytes + j->weight > INGEST_FLIGHT_BYTES);
        pthread_mutex_unlock(&p->mu);
        if (!full) break;
        ingest_write_head(in);
    }
    pthread_mutex_lock(&p->mu);
    j->state = j->kind == JOB_FAIL ? JS_DONE : JS_QUEUED;
    if (p->tail) p->tail->next = j;
    else p->head = j;
    p->tail = j;
    if (j->state == JS_QUEUED && !p->next) p->next = j;
    p->njobs++;
    p->bytes += j->weight;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

/* Write every job in flight, then stop the threads. */
static void ingest_pool_finish(ingest *in)
{
    ingest_pool *p = &in->pool;
    while (p->head) ingest_write_head(in);
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < p->nthreads; i++) {
        pthread_join(p->th[i], NULL);
        claims_free(p->cl[i]);
        claims_free(p->fresh[i]);
    }
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
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

/* explicit: named by the user (ingest whatever it is) rather than found
 * in a folder (ingest only known article formats). */
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
    in.cl = opts->claims;
    if (in.cl) claims_stamp(in.cl, in.tax_stamp);
    ingest_pool_start(&in);
    for (size_t i = 0; i < npaths && !in.fatal; i++) {
        if (strcmp(paths[i], "-") == 0) {
            buf data = BUF_INIT;
            char *rerr = NULL;
            const char *name = opts->stdin_name ? opts->stdin_name : "-";
            if (ingest_read(STDIN_FILENO, opts->max_size ? opts->max_size : INGEST_DEFAULT_MAX_SIZE,
                            &data, &rerr))
                ingest_walk_fail(&in, name, rerr);
            else
                ingest_add(&in, name, NULL, NULL, &data, data.len);
            free(rerr);
            buf_free(&data);
            continue;
        }
        char *p = ingest_clean_path(paths[i]);
        struct stat sb;
        in.root = stat(p, &sb) == 0 && S_ISDIR(sb.st_mode) ? realpath(p, NULL) : NULL;
        ingest_path(&in, p, 1);
        free(in.root);
        in.root = NULL;
        free(p);
    }
    ingest_pool_finish(&in);
    if (!in.fatal) ingest_commit(&in);
    else ingest_batch_lost(&in, in.fatal);
    free(in.written);
    free(in.pending);
    if (in.own_cl) claims_free(in.cl);
    free(in.sc_dir);
    sidecar_free(&in.sc);
    for (size_t i = 0; i < in.nsc_reported; i++) free(in.sc_reported[i]);
    free(in.sc_reported);
    if (in.fatal) {
        kb_seterr(err, "%s", in.fatal);
        free(in.fatal);
        return KB_ERR;
    }
    return KB_OK;
}
