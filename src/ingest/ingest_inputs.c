/*
 * ingest_inputs.c - what a stored source was built from, and whether it
 * still is: the file it is (its canonical path) and the name it goes
 * by, the hash of its bytes, the taxonomy in force (its hash, and the
 * builders that tag with it) and its folder's sidecar row (loaded here,
 * once per folder, and its hash).
 */
#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "hash.h"
#include "ingest_int.h"
#include "util.h"

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

void ingest_apply_sidecar(ingest *in, const char *dir, const char *base, doc *d)
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

int ingest_sidecar_stamp(ingest *in, const char *dir, const char *name, char out[65])
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
int ingest_lookup(ingest *in, ingest_job *j, long long *id, char **err)
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
char *ingest_hint(ingest *in, const char *name, const char *file, const char *dir)
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

/* The name j's source goes by: the one it has (a file met again by
 * another spelling of its path keeps it), else its path as given,
 * unless another source goes by that (a relative path given from
 * elsewhere names another file): then its canonical path. */
int ingest_name(ingest *in, const ingest_job *j, long long id, const char **name, char **err)
{
    int taken = 0;
    *name = id && j->stored ? j->stored : j->name;
    if (*name == j->name && j->file && store_source_path_taken(in->st, j->name, id, &taken, err)) return KB_ERR;
    if (taken) *name = j->file;
    return KB_OK;
}

/* At the start of a batch (under the write lock): has `kb init
 * --taxonomy` switched the taxonomy since the last batch?  Then tag with
 * the new one from here on: a builder for the writer and one for each
 * worker, and a new generation, so that a source tagged with the old
 * one is tagged again before it is written. */
int ingest_taxonomy_check(ingest *in, char **err)
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
        ingest_pool_retag(&in->pool, cl, in->gen);
    }
done:
    free(tsv);
    return rc;
}

void ingest_inputs_free(ingest *in)
{
    if (in->own_cl) claims_free(in->cl);
    free(in->sc_dir);
    sidecar_free(&in->sc);
    for (size_t i = 0; i < in->nsc_reported; i++) free(in->sc_reported[i]);
    free(in->sc_reported);
}
