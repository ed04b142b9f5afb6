/*
 * ingest_batch.c - the open batch: the write transaction the writer
 * stores sources in, each in a savepoint of its own (ingest_write.c).
 *
 * A batch commits after INGEST_BATCH_FILES files or INGEST_BATCH_BYTES
 * bytes of input.  Its units go into the FTS index in one statement per
 * run of consecutive ids, just before its COMMIT and inside the same
 * transaction, so a crash loses both or neither.  Should the batch be
 * lost (its COMMIT fails, or SQLite rolls it back after a write error)
 * each of its sources is reported as failed and taken out of the
 * counts: a later run stores it whole.
 */
#include <stdlib.h>

#include "ingest_int.h"
#include "util.h"

int ingest_index_pending(ingest *in, char **err)
{
    int rc = KB_OK;
    for (size_t i = 0; i < in->npending && rc == KB_OK; i++)
        rc = store_index_units(in->st, in->pending[i][0], in->pending[i][1], err);
    in->npending = 0;
    return rc;
}

void ingest_pend(ingest *in, long long first, long long last)
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

static void ingest_batch_clear(ingest *in)
{
    for (size_t i = 0; i < in->nwritten; i++) free(in->written[i].name);
    in->nwritten = 0;
    in->in_batch = 0;
    in->batch_files = in->batch_bytes = 0;
    in->npending = 0;
}

/* None of the batch's sources is stored: each is reported, and counted
 * as failed. */
void ingest_batch_lost(ingest *in, const char *why)
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

void ingest_check_batch(ingest *in, const char *why)
{
    if (in->in_batch && !store_in_write(in->st)) ingest_batch_lost(in, why);
}

int ingest_commit(ingest *in)
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

void ingest_batch_add(ingest *in, const ingest_written *w, size_t bytes)
{
    if (w->kind == WRITTEN_DUPLICATE) in->stats->duplicates++;
    else if (w->kind == WRITTEN_REPLACED) in->stats->replaced++;
    else in->stats->added++;
    in->stats->units += w->units;
    in->stats->claims += w->claims;
    if (in->nwritten == in->capwritten) {
        in->capwritten = in->capwritten ? 2 * in->capwritten : 16;
        in->written = kb_realloc(in->written, in->capwritten * sizeof *in->written);
    }
    in->written[in->nwritten++] = *w;
    in->batch_files++;
    in->batch_bytes += bytes;
    if (in->batch_files >= INGEST_BATCH_FILES || in->batch_bytes >= INGEST_BATCH_BYTES) ingest_commit(in);
}

void ingest_batch_free(ingest *in)
{
    free(in->written);
    free(in->pending);
}
