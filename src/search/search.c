/*
 * search.c - query translation, the FTS5 query, and highlight ranges
 * mapped back to the original text; see search.h.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "query.h"
#include "util.h"

typedef struct search_ctx {
    search_fn fn;
    void *ctx;
    buf norm;
    size_t *ranges;
    size_t cap;
} search_ctx;

/* Find the marked tokens of h->hl in the unit's own text.  The marks
 * are \x01 before and \x02 after a token of the normalized text; the
 * normalized text is rebuilt with a map to the original bytes.  If the
 * two normalized texts differ (a unit stored by a kb with other
 * normalization rules), no ranges are given rather than wrong ones. */
static size_t search_ranges(search_ctx *sc, const store_hit *h)
{
    size_t *map = NULL;
    buf_reset(&sc->norm);
    if (norm_text(h->unit.text, h->unit.text_len, &sc->norm, &map, NULL)) return 0;
    size_t n = 0, j = 0, open = 0;
    int ok = 1;
    for (size_t i = 0; i < h->hl_len && ok; i++) {
        char c = h->hl[i];
        if (c == '\x01') {
            open = j;
        } else if (c == '\x02') {
            if (n + 1 > sc->cap) {
                sc->cap = sc->cap ? sc->cap * 2 : 16;
                sc->ranges = kb_realloc(sc->ranges, sc->cap * 2 * sizeof *sc->ranges);
            }
            size_t s = map[open], e = map[j];
            /* map[j] is where the character after the token starts */
            sc->ranges[2 * n] = (size_t)h->unit.start + s;
            sc->ranges[2 * n + 1] = (size_t)h->unit.start + e;
            if (e > s) {
                /* merge with the previous range when adjacent */
                if (n && sc->ranges[2 * n - 1] >= sc->ranges[2 * n]) sc->ranges[2 * n - 1] = sc->ranges[2 * n + 1];
                else n++;
            }
        } else {
            ok = j < sc->norm.len && sc->norm.data[j] == c;
            j++;
        }
    }
    if (j != sc->norm.len) ok = 0;
    free(map);
    return ok ? n : 0;
}

static int search_row(void *ctx, const store_hit *h)
{
    search_ctx *sc = ctx;
    search_hit hit;
    hit.h = h;
    hit.nranges = search_ranges(sc, h);
    hit.ranges = sc->ranges;
    return sc->fn(sc->ctx, &hit);
}

int search_run(store *st, const alias_set *aliases, const search_opts *o, search_fn fn,
               void *ctx, char **match, char **err)
{
    buf expr = BUF_INIT;
    int rc;
    if (match) *match = NULL;
    if (o->raw ? query_check_raw(o->query, strlen(o->query), err)
               : query_translate(o->query, strlen(o->query), aliases, &expr, err)) {
        buf_reset(&expr);   /* a translation cut short is no query */
        rc = KB_BADARG;
        goto done;
    }
    if (o->raw) buf_adds(&expr, o->query);
    search_ctx sc;
    memset(&sc, 0, sizeof sc);
    sc.fn = fn;
    sc.ctx = ctx;
    rc = store_search(st, buf_cstr(&expr), o->source_id, o->limit, o->subject, o->dimension, search_row, &sc,
                      err);
    if (rc == KB_BADARG && err && *err) {
        /* SQLite says "fts5: syntax error near ..."; say which option. */
        char *m = *err;
        *err = NULL;
        kb_seterr(err, "bad FTS5 query: %s", m);
        free(m);
    }
    buf_free(&sc.norm);
    free(sc.ranges);
done:
    if (match && expr.len) *match = buf_detach(&expr, NULL);
    buf_free(&expr);
    return rc;
}
