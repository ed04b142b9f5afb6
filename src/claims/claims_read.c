/*
 * claims_read.c - claims of stored sources built again from their
 * stored units: to rebuild them (a new taxonomy: claims_source) or to
 * read them back with what the store does not keep (propositions:
 * claims_source_walk).  See claims.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "embed.h"
#include "util.h"

int claims_open(store *st, claims **out, char **err)
{
    char *tsv = NULL;
    *out = NULL;
    if (store_meta_get(st, "taxonomy", &tsv, err)) return KB_ERR;
    int rc = claims_new(tsv, NULL, NULL, out, err);
    free(tsv);
    return rc;
}

/* The units of a stored source, copied (store_units lends them only
 * during its callback). */
typedef struct claims_units {
    store_unit *u;
    long long *ids;
    size_t n, cap;
    buf text;                   /* kind, section, text of each, NUL-terminated */
    size_t *off;                /* per unit: offsets of kind, section (+1, 0: NULL), text */
} claims_units;

static int claims_collect(void *ctx, const store_unit *u)
{
    claims_units *cu = ctx;
    if (cu->n == cu->cap) {
        cu->cap = cu->cap ? cu->cap * 2 : 64;
        cu->u = kb_realloc(cu->u, cu->cap * sizeof *cu->u);
        cu->ids = kb_realloc(cu->ids, cu->cap * sizeof *cu->ids);
        cu->off = kb_realloc(cu->off, cu->cap * 3 * sizeof *cu->off);
    }
    size_t *o = &cu->off[cu->n * 3];
    o[0] = cu->text.len;
    buf_add(&cu->text, u->kind, strlen(u->kind) + 1);
    o[1] = u->section ? cu->text.len + 1 : 0;
    if (u->section) buf_add(&cu->text, u->section, strlen(u->section) + 1);
    o[2] = cu->text.len;
    buf_add(&cu->text, u->text, u->text_len);
    buf_addc(&cu->text, '\0');
    cu->u[cu->n] = *u;
    cu->ids[cu->n] = u->id;
    cu->n++;
    return 0;
}

static int claims_load_units(store *st, long long source_id, claims_units *cu, char **err)
{
    memset(cu, 0, sizeof *cu);
    if (store_units(st, source_id, claims_collect, cu, err)) return KB_ERR;
    /* the copies are in place: point the units at them */
    for (size_t i = 0; i < cu->n; i++) {
        const size_t *o = &cu->off[i * 3];
        cu->u[i].kind = cu->text.data + o[0];
        cu->u[i].section = o[1] ? cu->text.data + o[1] - 1 : NULL;
        cu->u[i].text = cu->text.data + o[2];
    }
    return KB_OK;
}

static void claims_units_free(claims_units *cu)
{
    free(cu->u);
    free(cu->ids);
    free(cu->off);
    buf_free(&cu->text);
}

int claims_source(claims *c, store *st, long long source_id, size_t *nclaims, char **err)
{
    claims_units cu;
    claims_set *set = NULL;
    int rc = KB_ERR;
    if (store_claims_clear(st, source_id, err)) return KB_ERR;
    if (claims_load_units(st, source_id, &cu, err)) goto done;
    if (claims_build(c, cu.u, cu.n, &set, err)) goto done;
    if (claims_write(c, st, set, source_id, cu.u, cu.ids, 1, err)) goto done;
    char stamp[65];
    claims_stamp(c, stamp);
    if (store_source_set_taxonomy(st, source_id, stamp, err)) goto done;
    if (nclaims) *nclaims = claims_set_count(set);
    rc = KB_OK;
done:
    claims_set_free(set);
    claims_units_free(&cu);
    return rc;
}

int claims_source_walk(claims *c, store *st, long long source_id, int (*fn)(void *ctx, const claims_read *r),
                       void *ctx, char **err)
{
    claims_units cu;
    claims_set *set = NULL;
    long long *ids = NULL, *starts = NULL;
    size_t nids = 0;
    int rc = KB_ERR;
    if (claims_load_units(st, source_id, &cu, err)) goto done;
    if (claims_build(c, cu.u, cu.n, &set, err)) goto done;
    if (store_claim_ids(st, source_id, &ids, &starts, &nids, err)) goto done;
    size_t n = claims_set_count(set);
    for (size_t i = 0; i < n; i++) {
        claims_view v;
        claims_set_view(set, i, &v);
        const store_unit *u = &cu.u[v.unit];
        claims_read r = {0, u->text + v.start, v.end - v.start, u->start + (long long)v.start,
                         u->start + (long long)v.end, u->section, &v};
        if (i >= nids || starts[i] != r.start) {
            kb_seterr(err, "source %lld: its stored claims are not those this version of kb builds; "
                           "ingest it again with --force", source_id);
            goto done;
        }
        r.id = ids[i];
        if (fn(ctx, &r)) goto done;
    }
    if (n != nids) {
        kb_seterr(err, "source %lld: its stored claims are not those this version of kb builds; "
                       "ingest it again with --force", source_id);
        goto done;
    }
    rc = KB_OK;
done:
    free(ids);
    free(starts);
    claims_set_free(set);
    claims_units_free(&cu);
    return rc;
}
