/*
 * fuzz_sidecar.c - libFuzzer harness for sidecar_parse (sidecar.h) on any
 * bytes: sidecar_load hands over a file's bytes as they are, NULs and
 * all.
 *
 * Every warning must come with the name given, say "line N: ...; the row
 * is ignored" with N rising from one warning to the next, and be valid
 * UTF-8 (it quotes the row).  On KB_OK every entry must have a plain
 * file name (not empty, ".", "..", no '/'), every string valid UTF-8,
 * a date shaped YYYY-MM-DD, a line after the previous entry's, and be
 * what sidecar_find gives for its name (so no file is named twice).  On
 * KB_ERR: a message ending "; the sidecar is ignored", no entries, no
 * warnings.
 */
#include <string.h>

#include "fuzz.h"
#include "sidecar.h"
#include "util.h"

static const char fuzz_name[] = "fuzz/kb-sources.tsv";

typedef struct fuzz_warns {
    size_t n;
    size_t last_line;
} fuzz_warns;

static int fuzz_ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && memcmp(s + n - m, tail, m) == 0;
}

static void fuzz_warn(void *ctx, const char *path, const char *msg)
{
    fuzz_warns *w = ctx;
    FUZZ_CHECK(strcmp(path, fuzz_name) == 0);
    FUZZ_CHECK(strncmp(msg, "line ", 5) == 0);
    char *end;
    unsigned long long line = strtoull(msg + 5, &end, 10);
    FUZZ_CHECK(end > msg + 5 && end[0] == ':');
    FUZZ_CHECK(line > w->last_line);
    w->last_line = (size_t)line;
    FUZZ_CHECK(fuzz_ends_with(msg, "; the row is ignored"));
    FUZZ_CHECK(fuzz_utf8_or_null(msg));
    w->n++;
}

static void fuzz_check_entry(const sidecar *s, size_t i, size_t *last_line)
{
    const sidecar_entry *e = &s->v[i];
    size_t n = strlen(e->file);
    FUZZ_CHECK(n > 0 && strchr(e->file, '/') == NULL);
    FUZZ_CHECK(strcmp(e->file, ".") != 0 && strcmp(e->file, "..") != 0);
    FUZZ_CHECK(sidecar_find(s, e->file) == e);
    FUZZ_CHECK(e->line > *last_line);
    *last_line = e->line;
    const char *v[] = {e->file, e->title, e->site, e->author, e->date, e->url};
    for (size_t k = 0; k < sizeof v / sizeof *v; k++) {
        FUZZ_CHECK(fuzz_utf8_or_null(v[k]));
        FUZZ_CHECK(!v[k] || v[k][0] != '\0'); /* empty is NULL */
    }
    if (e->date) {
        for (int k = 0; k < 10; k++)
            FUZZ_CHECK(k == 4 || k == 7 ? e->date[k] == '-' : e->date[k] >= '0' && e->date[k] <= '9');
        FUZZ_CHECK(e->date[10] == '\0');
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sidecar s;
    fuzz_warns w = {0, 0};
    char *err = NULL;
    int rc = sidecar_parse((const char *)data, size, fuzz_name, fuzz_warn, &w, &s, &err);
    if (rc == KB_OK) {
        FUZZ_CHECK(err == NULL);
        size_t last = 0;
        for (size_t i = 0; i < s.n; i++) fuzz_check_entry(&s, i, &last);
    } else {
        FUZZ_CHECK(rc == KB_ERR && err != NULL);
        FUZZ_CHECK(fuzz_ends_with(err, "; the sidecar is ignored"));
        FUZZ_CHECK(s.n == 0 && w.n == 0);
    }
    FUZZ_CHECK(sidecar_find(&s, "") == NULL);
    free(err);
    sidecar_free(&s);
    return 0;
}
