/*
 * search.h - answering `kb search`: translate the query (query.h), run
 * it (store.h), and find where each hit's matched words are in the
 * unit's original text.
 *
 * FTS5 highlights the normalized copy of a unit; the unit is normalized
 * again here with an offset map (norm.h) so each highlighted token maps
 * back to bytes of the original text, and so to bytes of the source.
 */
#ifndef KB_SEARCH_H
#define KB_SEARCH_H

#include <stddef.h>

#include "alias.h"
#include "store.h"

typedef struct search_opts {
    const char *query;
    int raw;              /* the query is FTS5 syntax, passed as is */
    long long source_id;  /* 0: all sources */
    const char *subject;  /* only units with a claim on this subject (NULL: any) */
    const char *dimension;
    int limit;
} search_opts;

typedef struct search_hit {
    const store_hit *h;   /* the row, borrowed */
    /* matched ranges as byte offsets into the source text (the same
     * space as h->unit.start/end), in order, non-overlapping */
    const size_t *ranges; /* 2 * nranges entries: start, end, ... */
    size_t nranges;
} search_hit;

typedef int (*search_fn)(void *ctx, const search_hit *hit);

/* Run a search.  Returns KB_BADARG for a query the user must change
 * (no words, invalid UTF-8, over the limits of query.h, an FTS5 syntax
 * error with --fts), KB_ERR for a store failure.  *match, if not NULL,
 * gets the FTS5 expression run (malloc'd) so it can be shown with
 * --explain or in JSON; NULL when the query was refused before. */
int search_run(store *st, const alias_set *aliases, const search_opts *o, search_fn fn,
               void *ctx, char **match, char **err);

#endif
