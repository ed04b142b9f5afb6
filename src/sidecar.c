/*
 * sidecar.c - reading kb-sources.tsv; see sidecar.h.
 */
#include "sidecar.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "norm.h"
#include "util.h"

enum { SC_FILE, SC_TITLE, SC_SITE, SC_AUTHOR, SC_DATE, SC_URL, SC_NCOLS };
static const char *const sidecar_cols[SC_NCOLS] = {"file", "title", "site", "author", "date", "url"};

/* Split line[0..len) at tabs into at most max fields; returns count. */
static size_t sidecar_split(const char *line, size_t len, const char **f, size_t *fl, size_t max)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i == len || line[i] == '\t') {
            f[n] = line + start;
            fl[n] = i - start;
            f[n] = kb_trim(f[n], &fl[n]);
            n++;
            start = i + 1;
        }
    }
    return n;
}

int sidecar_parse(const char *tsv, size_t len, const char *name, sidecar *out, char **err)
{
    memset(out, 0, sizeof *out);
    size_t bad;
    if (!norm_valid_utf8(tsv, len, &bad))
        return kb_seterr(err, "%s: invalid UTF-8 at byte %zu", name, bad);
    int map[32];
    size_t ncols = 0, cap = 0, lineno = 0;
    const char *p = tsv, *end = tsv + len, *line;
    size_t ll;
    while (kb_next_line(&p, end, &line, &ll)) {
        lineno++;
        if (kb_line_skip(line, ll)) continue;
        const char *f[32];
        size_t fl[32];
        size_t nf = sidecar_split(line, ll, f, fl, 32);
        if (!ncols) {
            /* the header */
            int have_file = 0;
            for (size_t i = 0; i < nf; i++) {
                map[i] = -1;
                for (int c = 0; c < SC_NCOLS; c++)
                    if (kb_ascii_ieq(f[i], fl[i], sidecar_cols[c])) map[i] = c;
                if (map[i] == SC_FILE) have_file = 1;
            }
            if (!have_file) {
                sidecar_free(out);
                return kb_seterr(err, "%s line %zu: the header must name a 'file' column", name, lineno);
            }
            ncols = nf;
            continue;
        }
        sidecar_entry e;
        memset(&e, 0, sizeof e);
        char **slot[SC_NCOLS] = {&e.file, &e.title, &e.site, &e.author, &e.date, &e.url};
        for (size_t i = 0; i < nf && i < ncols; i++) {
            if (map[i] < 0 || !fl[i]) continue;
            if (map[i] == SC_DATE) {
                char d[11];
                if (!date_parse(f[i], fl[i], d)) {
                    for (int c = 0; c < SC_NCOLS; c++) free(*slot[c]);
                    sidecar_free(out);
                    return kb_seterr(err, "%s line %zu: '%.*s' is not a date (write YYYY-MM-DD)",
                                     name, lineno, (int)fl[i], f[i]);
                }
                e.date = kb_strdup(d);
                continue;
            }
            *slot[map[i]] = kb_strndup(f[i], fl[i]);
        }
        if (!e.file) {
            for (int c = 0; c < SC_NCOLS; c++) free(*slot[c]);
            sidecar_free(out);
            return kb_seterr(err, "%s line %zu: no file name", name, lineno);
        }
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->v = kb_realloc(out->v, cap * sizeof *out->v);
        }
        out->v[out->n++] = e;
    }
    return KB_OK;
}

void sidecar_free(sidecar *s)
{
    for (size_t i = 0; i < s->n; i++) {
        sidecar_entry *e = &s->v[i];
        free(e->file);
        free(e->title);
        free(e->site);
        free(e->author);
        free(e->date);
        free(e->url);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

const sidecar_entry *sidecar_find(const sidecar *s, const char *file)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].file, file) == 0) return &s->v[i];
    return NULL;
}
