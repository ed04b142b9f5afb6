/*
 * ingest.c - a run of the ingest, from the first path to the last
 * commit; see ingest.h for what it does and ingest_int.h for its parts.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest_int.h"
#include "util.h"

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
    ingest_pool_start(&in.pool, opts, in.cl);
    for (size_t i = 0; i < npaths && !in.fatal; i++) ingest_walk(&in, paths[i]);
    ingest_write_all(&in);
    ingest_pool_stop(&in.pool);
    if (!in.fatal) ingest_commit(&in);
    else ingest_batch_lost(&in, in.fatal);
    ingest_batch_free(&in);
    ingest_inputs_free(&in);
    if (in.fatal) {
        kb_seterr(err, "%s", in.fatal);
        free(in.fatal);
        return KB_ERR;
    }
    return KB_OK;
}
