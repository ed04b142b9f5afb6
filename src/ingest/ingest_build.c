/*
 * ingest_build.c - one job built without the store: its file read (its
 * size checked before a byte is), its format found, hashed, extracted,
 * split into units with their matching forms, and its claims built.  Runs
 * in a worker thread or in the writer's, and touches only the job.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "html.h"
#include "ingest_int.h"
#include "norm.h"
#include "text.h"
#include "util.h"

/* The longest unit stored.  A longer block (a file that is one line, a
 * page that is one <p>) is stored as consecutive units of at most this
 * size: building claims holds tens of bytes per byte of a unit
 * (normalized text, offset maps, token arrays), and this cap is what
 * bounds that memory.  No real paragraph comes near it. */
#define INGEST_UNIT_MAX ((size_t)64 << 10)

size_t ingest_max_size(const ingest_opts *o)
{
    return o->max_size ? o->max_size : INGEST_DEFAULT_MAX_SIZE;
}

int ingest_format_of(const char *path)
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

int ingest_read(int fd, size_t max, buf *out, char **err)
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

/* Everything about job j that needs no store: read, hash, extract,
 * split into units, build the claims (with builder cl, NULL: none).
 * Runs in a worker thread, or in the writer's; touches only j. */
void ingest_build(ingest_job *j, const ingest_opts *o, claims *cl)
{
    char *err = NULL;
    size_t max = ingest_max_size(o);
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
    /* libxml2's tree costs tens of bytes per byte of markup, so HTML
     * has a limit of its own */
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

void ingest_job_free(ingest_job *j)
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
