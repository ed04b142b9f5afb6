/*
 * sidecar.c - reading kb-sources.tsv; see sidecar.h.
 *
 * sidecar_load makes sure the path leads to a regular file of bounded
 * size before it reads a byte, then hands the bytes to sidecar_parse.
 * The parser reads the header, then judges each row on its own: a row
 * that breaks a rule is reported and dropped, so that one typo costs
 * one file's metadata rather than the folder's.  Entries are indexed by
 * file name in an open-addressing hash table, which finds a file named
 * twice while parsing and makes sidecar_find (asked once per article)
 * cost the same in a folder of 10 or 10,000.
 */
#include "sidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "norm.h"
#include "util.h"

enum { SC_FILE, SC_TITLE, SC_SITE, SC_AUTHOR, SC_DATE, SC_URL, SC_NCOLS };
static const char *const sidecar_cols[SC_NCOLS] = {"file", "title", "site", "author", "date", "url"};

/* Columns a header may have (the known ones and others, ignored); a
 * wider header is refused rather than cut. */
#define SIDECAR_MAX_COLS 32
/* A value quoted in a message is cut after this many bytes. */
#define SIDECAR_SHOW_MAX 60

typedef struct sidecar_parser {
    const char *base;         /* the start of the file, for byte offsets */
    const char *name;         /* handed to warn */
    sidecar_warn_fn warn;
    void *ctx;
    sidecar *out;
    size_t cap;
    int map[SIDECAR_MAX_COLS]; /* header column -> SC_*, or -1 */
    size_t ncols;             /* 0 until the header is read */
} sidecar_parser;

/* ---- the index by file name ----------------------------------------- */

static size_t sidecar_hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot holding file, or the empty slot where it would go. */
static size_t *sidecar_slot(const sidecar *s, const char *file)
{
    size_t mask = s->nslots - 1;
    for (size_t h = sidecar_hash(file) & mask;; h = (h + 1) & mask)
        if (!s->slots[h] || strcmp(s->v[s->slots[h] - 1].file, file) == 0) return &s->slots[h];
}

/* Index entry i (its file not indexed yet), growing the table to keep
 * it at most half full. */
static void sidecar_index(sidecar *s, size_t i)
{
    if ((i + 1) * 2 > s->nslots) {
        free(s->slots);
        s->nslots = s->nslots ? s->nslots * 2 : 64;
        s->slots = kb_calloc(s->nslots, sizeof *s->slots);
        for (size_t k = 0; k < i; k++) *sidecar_slot(s, s->v[k].file) = k + 1;
    }
    *sidecar_slot(s, s->v[i].file) = i + 1;
}

const sidecar_entry *sidecar_find(const sidecar *s, const char *file)
{
    if (!s->nslots) return NULL;
    size_t at = *sidecar_slot(s, file);
    return at ? &s->v[at - 1] : NULL;
}

/* ---- parsing ---------------------------------------------------------- */

/* Report the row at lineno as bad: "line N: " fmt "; the row is ignored". */
static void sidecar_warnf(const sidecar_parser *sp, size_t lineno, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void sidecar_warnf(const sidecar_parser *sp, size_t lineno, const char *fmt, ...)
{
    if (!sp->warn) return;
    buf m = BUF_INIT;
    buf_printf(&m, "line %zu: ", lineno);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&m, fmt, ap);
    va_end(ap);
    buf_adds(&m, "; the row is ignored");
    sp->warn(sp->ctx, sp->name, m.data);
    buf_free(&m);
}

/* How much of the value s[0..n) (valid UTF-8) to quote in a message:
 * all of it, or its first SIDECAR_SHOW_MAX bytes cut on a character. */
static int sidecar_show(const char *s, size_t n)
{
    if (n <= SIDECAR_SHOW_MAX) return (int)n;
    n = SIDECAR_SHOW_MAX;
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return (int)n;
}

/* Split line[0..len) at tabs into at most max trimmed fields; returns
 * the count, and in *more whether anything but white space follows the
 * max-th field. */
static size_t sidecar_split(const char *line, size_t len, const char **f, size_t *fl, size_t max,
                            int *more)
{
    size_t n = 0, start = 0;
    *more = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t') continue;
        if (n == max) {
            size_t rl = len - start;
            kb_trim(line + start, &rl);
            *more = rl > 0;
            break;
        }
        fl[n] = i - start;
        f[n] = kb_trim(line + start, &fl[n]);
        n++;
        start = i + 1;
    }
    return n;
}

static int sidecar_header(sidecar_parser *sp, const char *line, size_t ll, size_t lineno, char **err)
{
    const char *f[SIDECAR_MAX_COLS];
    size_t fl[SIDECAR_MAX_COLS];
    int more, have_file = 0;
    size_t nf = sidecar_split(line, ll, f, fl, SIDECAR_MAX_COLS, &more);
    if (more)
        return kb_seterr(err, "line %zu: the header has more than %d columns; the sidecar is ignored",
                         lineno, SIDECAR_MAX_COLS);
    for (size_t i = 0; i < nf; i++) {
        sp->map[i] = -1;
        for (int c = 0; c < SC_NCOLS; c++)
            if (kb_ascii_ieq(f[i], fl[i], sidecar_cols[c])) sp->map[i] = c;
        for (size_t k = 0; k < i && sp->map[i] >= 0; k++)
            if (sp->map[k] == sp->map[i])
                return kb_seterr(err, "line %zu: the header names the column '%s' twice; the sidecar is ignored",
                                 lineno, sidecar_cols[sp->map[i]]);
        if (sp->map[i] == SC_FILE) have_file = 1;
    }
    if (!have_file)
        return kb_seterr(err, "line %zu: the header must name a 'file' column; the sidecar is ignored",
                         lineno);
    sp->ncols = nf;
    return KB_OK;
}

/* Is f[0..n) a file name in the folder itself (not "..", not a path)? */
static int sidecar_plain_name(const char *f, size_t n)
{
    if ((n == 1 && f[0] == '.') || (n == 2 && f[0] == '.' && f[1] == '.')) return 0;
    return memchr(f, '/', n) == NULL;
}

/* Check a row's values (fields mapped by the header); on success fill
 * e (owned strings) and return 1, else report it and return 0. */
static int sidecar_row_values(const sidecar_parser *sp, size_t lineno, const char **f, const size_t *fl,
                              size_t nf, sidecar_entry *e)
{
    const char *v[SC_NCOLS] = {NULL};
    size_t vl[SC_NCOLS] = {0};
    for (size_t i = 0; i < nf; i++)
        if (sp->map[i] >= 0) {
            v[sp->map[i]] = f[i];
            vl[sp->map[i]] = fl[i];
        }
    if (!vl[SC_FILE]) {
        sidecar_warnf(sp, lineno, "no file name");
        return 0;
    }
    if (!sidecar_plain_name(v[SC_FILE], vl[SC_FILE])) {
        sidecar_warnf(sp, lineno, "'%.*s' is not the name of a file in this folder",
                      sidecar_show(v[SC_FILE], vl[SC_FILE]), v[SC_FILE]);
        return 0;
    }
    char d[11];
    if (vl[SC_DATE] && !date_parse(v[SC_DATE], vl[SC_DATE], d)) {
        sidecar_warnf(sp, lineno, "'%.*s' is not a date (write YYYY-MM-DD)", sidecar_show(v[SC_DATE], vl[SC_DATE]),
                      v[SC_DATE]);
        return 0;
    }
    memset(e, 0, sizeof *e);
    e->line = lineno;
    char **slot[SC_NCOLS] = {&e->file, &e->title, &e->site, &e->author, &e->date, &e->url};
    for (int c = 0; c < SC_NCOLS; c++)
        if (vl[c]) *slot[c] = c == SC_DATE ? kb_strdup(d) : kb_strndup(v[c], vl[c]);
    return 1;
}

static void sidecar_entry_free(sidecar_entry *e)
{
    free(e->file);
    free(e->title);
    free(e->site);
    free(e->author);
    free(e->date);
    free(e->url);
}

/* One row after the header: kept, or reported and dropped. */
static void sidecar_row(sidecar_parser *sp, const char *line, size_t ll, size_t lineno)
{
    size_t bad;
    if (memchr(line, '\0', ll)) {
        sidecar_warnf(sp, lineno, "contains a NUL byte");
        return;
    }
    if (!norm_valid_utf8(line, ll, &bad)) {
        sidecar_warnf(sp, lineno, "invalid UTF-8 at byte %zu", (size_t)(line - sp->base) + bad);
        return;
    }
    const char *f[SIDECAR_MAX_COLS];
    size_t fl[SIDECAR_MAX_COLS];
    int more;
    size_t nf = sidecar_split(line, ll, f, fl, sp->ncols, &more);
    if (more) {
        sidecar_warnf(sp, lineno, "more values than the header's %zu columns (a tab inside a value?)",
                      sp->ncols);
        return;
    }
    sidecar_entry e;
    if (!sidecar_row_values(sp, lineno, f, fl, nf, &e)) return;
    sidecar *s = sp->out;
    const sidecar_entry *first = sidecar_find(s, e.file);
    if (first) {
        sidecar_warnf(sp, lineno, "'%s' is already described on line %zu", e.file, first->line);
        sidecar_entry_free(&e);
        return;
    }
    if (s->n == sp->cap) {
        sp->cap = sp->cap ? sp->cap * 2 : 16;
        s->v = kb_realloc(s->v, sp->cap * sizeof *s->v);
    }
    s->v[s->n] = e;
    sidecar_index(s, s->n);
    s->n++;
}

int sidecar_parse(const char *tsv, size_t len, const char *name, sidecar_warn_fn warn, void *ctx,
                  sidecar *out, char **err)
{
    memset(out, 0, sizeof *out);
    /* Windows editors save "Unicode text" as UTF-16: every other byte
     * is NUL, and no header would be found; say what it is instead */
    if (len >= 2 && (((unsigned char)tsv[0] == 0xFF && (unsigned char)tsv[1] == 0xFE) ||
                     ((unsigned char)tsv[0] == 0xFE && (unsigned char)tsv[1] == 0xFF)))
        return kb_seterr(err, "the file is UTF-16 (save it as UTF-8); the sidecar is ignored");
    sidecar_parser sp;
    memset(&sp, 0, sizeof sp);
    sp.base = tsv;
    sp.name = name;
    sp.warn = warn;
    sp.ctx = ctx;
    sp.out = out;
    size_t bom = kb_bom_len(tsv, len), lineno = 0, ll;
    const char *p = tsv + bom, *end = tsv + len, *line;
    while (kb_next_line(&p, end, &line, &ll)) {
        lineno++;
        if (kb_line_skip(line, ll)) continue;
        if (sp.ncols) {
            sidecar_row(&sp, line, ll, lineno);
        } else if (sidecar_header(&sp, line, ll, lineno, err)) {
            sidecar_free(out);
            return KB_ERR;
        }
    }
    return KB_OK;
}

/* ---- reading the file ------------------------------------------------- */

/* What a path that is not a regular file is, for a message. */
static const char *sidecar_kind(mode_t m)
{
    if (S_ISFIFO(m)) return "a named pipe";
    if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
    if (S_ISDIR(m)) return "a folder";
    if (S_ISSOCK(m)) return "a socket";
    return "a special file";
}

/* Is sb a regular file kb will read?  Else say why in *err. */
static int sidecar_check(const struct stat *sb, char **err)
{
    if (!S_ISREG(sb->st_mode))
        return kb_seterr(err, "is %s, not a regular file; the sidecar is ignored", sidecar_kind(sb->st_mode));
    if ((unsigned long long)sb->st_size > SIDECAR_MAX_SIZE)
        return kb_seterr(err, "too large (%lld bytes; the limit is %zu MiB); the sidecar is ignored",
                         (long long)sb->st_size, SIDECAR_MAX_SIZE >> 20);
    return KB_OK;
}

/* Read the open file fd whole into out, refusing it if it has grown
 * past the limit since it was looked at. */
static int sidecar_read_fd(int fd, buf *out, char **err)
{
    for (;;) {
        buf_grow(out, 65536);
        ssize_t n = read(fd, out->data + out->len, 65536);
        if (n < 0) {
            if (errno == EINTR) continue;
            return kb_seterr(err, "cannot read: %s; the sidecar is ignored", strerror(errno));
        }
        if (n == 0) return KB_OK;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
        if (out->len > SIDECAR_MAX_SIZE)
            return kb_seterr(err, "too large (over %zu MiB); the sidecar is ignored", SIDECAR_MAX_SIZE >> 20);
    }
}

/* Read the sidecar at path into out; *found is 0 when there is none. */
static int sidecar_read(const char *path, buf *out, int *found, char **err)
{
    *found = 0;
    /* stat first: a named pipe or a device is refused without opening it
     * (opening a pipe waits for a writer; a device may act on open) */
    struct stat sb;
    if (stat(path, &sb) != 0) {
        int e = errno;
        struct stat lsb;
        if (e == ENOENT && lstat(path, &lsb) != 0) return KB_OK;
        return kb_seterr(err, "%s; the sidecar is ignored", e == ENOENT ? "broken symbolic link" : strerror(e));
    }
    if (sidecar_check(&sb, err)) return KB_ERR;
    /* O_NONBLOCK: should the path have become a pipe since, open must not
     * wait for a writer; reads of a regular file ignore it.  The file
     * opened is checked again, as it is the one read. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return kb_seterr(err, "cannot open: %s; the sidecar is ignored", strerror(errno));
    int rc;
    if (fstat(fd, &sb) != 0)
        rc = kb_seterr(err, "cannot read: %s; the sidecar is ignored", strerror(errno));
    else
        rc = sidecar_check(&sb, err) || sidecar_read_fd(fd, out, err) ? KB_ERR : KB_OK;
    if (close(fd) != 0 && rc == KB_OK)
        rc = kb_seterr(err, "cannot read: %s; the sidecar is ignored", strerror(errno));
    *found = rc == KB_OK;
    return rc;
}

int sidecar_load(const char *path, sidecar_warn_fn warn, void *ctx, sidecar *out, char **err)
{
    memset(out, 0, sizeof *out);
    buf data = BUF_INIT;
    int found, rc = sidecar_read(path, &data, &found, err);
    if (rc == KB_OK && found) rc = sidecar_parse(buf_cstr(&data), data.len, path, warn, ctx, out, err);
    buf_free(&data);
    return rc;
}

void sidecar_free(sidecar *s)
{
    for (size_t i = 0; i < s->n; i++) sidecar_entry_free(&s->v[i]);
    free(s->v);
    free(s->slots);
    memset(s, 0, sizeof *s);
}
