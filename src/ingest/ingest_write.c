/*
 * ingest_write.c - the writer: the only thread that touches the store.
 *
 * It takes the jobs back from the pool in the order they were queued
 * and, for each, decides in the order of a sequential ingest what to do
 * (report a failure, skip an unchanged file, build or tag again what is
 * out of date, begin the batch) and then stores the source in a
 * savepoint of its own, so that a source that fails leaves nothing
 * behind and the rest of the batch stands.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest_int.h"
#include "util.h"

/* Write the source built in j as *id (0: a new one; it gets the id).
 * Runs inside the caller's savepoint.  *first..*last get the ids of its
 * units when they are consecutive and not yet indexed; else it indexes
 * them itself and sets *first = 0.  *dup_of: the source whose bytes it
 * repeats (0: none), of which it is stored as a duplicate, a name only,
 * so that the article counts once. */
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

/* Tag j's units again with the taxonomy in force: it was built with
 * one no longer in force.  Its units stand; only the tags change. */
static int ingest_retag(ingest *in, ingest_job *j, char **err)
{
    claims_set_free(j->cs);
    j->cs = NULL;
    j->gen = in->gen;
    return claims_build(in->cl, j->units, j->nunits, &j->cs, err);
}

/* Begin a batch, for job j, the first to be stored in it: take the
 * write lock and follow a switch of the taxonomy.  KB_ERR when the run
 * must end (in->fatal says why): with no transaction nothing more can
 * be stored, and it ends here, once, rather than waiting out the busy
 * timeout again for every file left. */
static int ingest_begin_batch(ingest *in, const ingest_job *j)
{
    char *err = NULL;
    int rc = KB_ERR;
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
    rc = KB_OK;
done:
    free(err);
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
     * row or the taxonomy changed): build it here. */
    if (j->outcome == OUT_SAME) {
        free(j->old_hash);
        j->old_hash = NULL;
        ingest_build(j, in->opts, in->cl);
        j->gen = in->gen;
        goto again;
    }
    if (j->outcome == OUT_READY && j->gen != in->gen && in->cl && ingest_retag(in, j, &err)) {
        ingest_fail(in, j->name, err);
        goto done;
    }
    if (j->outcome == OUT_FAIL_LATE) {
        ingest_fail(in, j->name, j->msg);
        goto done;
    }
    if (!in->in_batch) {
        if (ingest_begin_batch(in, j)) goto done;
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
        ingest_note_duplicate(in, j, dup_of);
    }
    ingest_batch_add(in, &w, j->len);
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

/* Write the oldest job in flight, building it here if no thread has
 * taken it; after a fatal store error, only drop it.  0: none left. */
static int ingest_write_head(ingest *in)
{
    ingest_job *j = ingest_pool_take(&in->pool, in->cl, in->gen);
    if (!j) return 0;
    if (!in->fatal) ingest_write(in, j);
    ingest_job_free(j);
    return 1;
}

void ingest_queue(ingest *in, ingest_job *j)
{
    while (ingest_pool_full(&in->pool, j->weight)) ingest_write_head(in);
    ingest_pool_push(&in->pool, j);
}

void ingest_write_all(ingest *in)
{
    while (ingest_write_head(in))
        ;
}
