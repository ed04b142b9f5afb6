/*
 * store_source.c - sources and their text: finding a file's source,
 * writing, replacing and deleting a source (with the rows derived from
 * it, through store_unit.c and store_claims.c), and reading sources
 * back.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "util.h"

int store_source_lookup(store *st, const char *path, const char *file, store_found *out, char **err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_LOOKUP, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, file);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        out->hash = kb_strdup(store_col(s, 1));
        out->taxonomy = kb_strdup(store_col(s, 2));
        out->sidecar = kb_strdup(store_col(s, 3));
        out->duplicate_of = sqlite3_column_int64(s, 4);
        out->path = kb_strdup(store_col(s, 5));
        out->original_hash = kb_strdup(store_col(s, 6));
    }
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source");
    return KB_OK;
}

void store_found_clear(store_found *f)
{
    free(f->hash);
    free(f->taxonomy);
    free(f->sidecar);
    free(f->path);
    free(f->original_hash);
    memset(f, 0, sizeof *f);
}

int store_source_resolve(store *st, const char *key, long long *id, char **err)
{
    *id = 0;
    store_found f;
    /* its name, or the file it names however spelt */
    char *file = realpath(key, NULL);
    int rc0 = store_source_lookup(st, key, file, &f, err);
    free(file);
    if (rc0) return KB_ERR;
    *id = f.id;
    store_found_clear(&f);
    if (*id) return KB_OK;
    /* a number names a source id */
    char *end = NULL;
    long long n = strtoll(key, &end, 10);
    if (*key && end && *end == '\0' && n > 0) {
        sqlite3_stmt *s = store_stmt(st, ST_SOURCE_BY_ID, err);
        if (!s) return KB_ERR;
        int rc = sqlite3_bind_int64(s, 1, n);
        if (rc == SQLITE_OK) rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) *id = n;
        store_done(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source");
        if (*id) return KB_OK;
    }
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_SUFFIX, err);
    if (!s) return KB_ERR;
    if (sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC) != SQLITE_OK) {
        store_done(s);
        return store_fail(st, err, "looking up a source");
    }
    int found = 0, rc;
    char *first = NULL, *second = NULL;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (found == 0) {
            *id = sqlite3_column_int64(s, 0);
            first = kb_strdup((const char *)sqlite3_column_text(s, 1));
        } else if (found == 1) {
            second = kb_strdup((const char *)sqlite3_column_text(s, 1));
        }
        found++;
    }
    store_done(s);
    int ret = KB_OK;
    if (rc != SQLITE_DONE) ret = store_fail(st, err, "looking up a source");
    else if (found == 0) ret = kb_seterr(err, "no source matches '%s' (see `kb sources`)", key);
    else if (found > 1)
        ret = kb_seterr(err, "'%s' matches several sources (%s, %s%s); give the full path", key,
                        first, second, found > 2 ? ", ..." : "");
    if (ret) *id = 0;
    free(first);
    free(second);
    return ret;
}

static void store_now(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        strcpy(out, "1970-01-01T00:00:00Z");
}

int store_source_put(store *st, const store_source *src, long long *id_inout, char **err)
{
    long long id = *id_inout;
    if (id) {
        /* Replacing: drop the derived rows first, the index entries
         * while the units still hold the text they were indexed with. */
        if (store_unindex_source(st, id, err) || store_claims_clear(st, id, err) ||
            store_exec_id(st, ST_UNITS_DELETE, id, err, "deleting old units") ||
            store_exec_id(st, ST_TEXT_DELETE, id, err, "deleting old text"))
            return KB_ERR;
    }
    sqlite3_stmt *s = store_stmt(st, id ? ST_SOURCE_UPDATE : ST_SOURCE_INSERT, err);
    if (!s) return KB_ERR;
    char now[32];
    store_now(now);
    int rc = SQLITE_OK;
    const char *vals[] = {src->path, src->format, src->title, src->site, src->author,
                          src->date, src->date_basis, src->url, src->hash};
    for (int i = 0; i < 9 && rc == SQLITE_OK; i++) rc = store_bind_text(s, i + 1, vals[i]);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 10, src->size);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(s, 11, now, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK && id) rc = sqlite3_bind_int64(s, 12, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 13, src->taxonomy);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 14, src->sidecar);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 15, src->file);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 16, src->duplicate_of);
    if (store_exec_stmt(st, s, rc, err, "writing a source")) return KB_ERR;
    if (!id) *id_inout = sqlite3_last_insert_rowid(st->db);
    return KB_OK;
}

int store_source_path_taken(store *st, const char *path, long long id, int *taken, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_PATH_TAKEN, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    *taken = rc == SQLITE_ROW;
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source's name");
    return KB_OK;
}

int store_source_same_bytes(store *st, const char *hash, long long id, long long *other, char **path, char **err)
{
    *other = 0;
    if (path) *path = NULL;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_SAME_BYTES, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(s, 2, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *other = sqlite3_column_int64(s, 0);
        if (path) *path = kb_strdup(store_col(s, 1));
    }
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up a source's bytes");
    return KB_OK;
}

int store_source_set_taxonomy(store *st, long long id, const char *stamp, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_TAXONOMY, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, stamp);
    return store_exec_stmt(st, s, rc, err, "recording a source's taxonomy");
}

int store_text_put(store *st, long long source_id, const char *body, size_t len, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_TEXT_INSERT, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, source_id);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text64(s, 2, body, len, SQLITE_STATIC, SQLITE_UTF8);
    return store_exec_stmt(st, s, rc, err, "writing source text");
}

/* Source id's first duplicate, if it has one, takes over its rows (they
 * are the duplicate's too: the same bytes) and its name-only row goes.
 * *done: whether there was one. */
static int store_source_promote(store *st, long long id, int *done, char **err)
{
    *done = 0;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_FIRST_DUP, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    long long dup = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    char *path = dup ? kb_strdup(store_col(s, 1)) : NULL, *file = dup ? kb_strdup(store_col(s, 2)) : NULL,
         *sidecar = dup ? kb_strdup(store_col(s, 3)) : NULL;
    store_done(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_fail(st, err, "looking up duplicates");
    if (!dup) return KB_OK;
    int ok = KB_ERR;
    if (store_exec_id(st, ST_SOURCE_DELETE, dup, err, "removing a source")) goto done;
    s = store_stmt(st, ST_SOURCE_PROMOTE, err);
    if (!s) goto done;
    rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 2, path);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 3, file);
    if (rc == SQLITE_OK) rc = store_bind_text(s, 4, sidecar);
    if (store_exec_stmt(st, s, rc, err, "handing a source to its duplicate")) goto done;
    *done = 1;
    ok = KB_OK;
done:
    free(path);
    free(file);
    free(sidecar);
    return ok;
}

int store_source_delete(store *st, long long id, char **err)
{
    int promoted;
    if (store_source_promote(st, id, &promoted, err)) return KB_ERR;
    if (promoted) return KB_OK;
    /* Index entries first (they need the units' text), then the rows,
     * children before parents. */
    if (store_claims_clear(st, id, err)) return KB_ERR;
    static const int order[] = {ST_UNINDEX_SOURCE, ST_UNITS_DELETE, ST_TEXT_DELETE, ST_SOURCE_DELETE};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        if (store_exec_id(st, order[i], id, err, "removing a source")) return KB_ERR;
    /* another process may have removed it since the caller looked it up */
    if (sqlite3_changes(st->db) == 0) return kb_seterr(err, "%s: no source %lld (removed meanwhile?)", st->path, id);
    return KB_OK;
}

static void store_read_source(sqlite3_stmt *s, store_source *o)
{
    o->id = sqlite3_column_int64(s, 0);
    o->path = store_col(s, 1);
    o->format = store_col(s, 2);
    o->title = store_col(s, 3);
    o->site = store_col(s, 4);
    o->author = store_col(s, 5);
    o->date = store_col(s, 6);
    o->date_basis = store_col(s, 7);
    o->url = store_col(s, 8);
    o->hash = store_col(s, 9);
    o->size = sqlite3_column_int64(s, 10);
    o->ingested_at = store_col(s, 11);
    o->units = sqlite3_column_int64(s, 12);
    o->duplicate_of = sqlite3_column_int64(s, 13);
}

int store_sources(store *st, store_source_fn fn, void *ctx, char **err)
{
    sqlite3_stmt *s = store_stmt(st, ST_SOURCES, err);
    if (!s) return KB_ERR;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_source o;
        store_read_source(s, &o);
        if (fn(ctx, &o)) {
            store_done(s);
            return KB_ERR;
        }
    }
    store_done(s);
    if (rc != SQLITE_DONE) return store_fail(st, err, "listing sources");
    return KB_OK;
}

int store_source_get(store *st, long long id, store_source *out, char **err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_GET, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        store_source o;
        store_read_source(s, &o);
        *out = o;
        const char **f[] = {&out->path, &out->format, &out->title, &out->site, &out->author,
                            &out->date, &out->date_basis, &out->url, &out->hash, &out->ingested_at};
        for (size_t i = 0; i < sizeof f / sizeof *f; i++) *f[i] = kb_strdup(*f[i]);
    }
    store_done(s);
    if (rc == SQLITE_DONE) return kb_seterr(err, "no source with id %lld", id);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading a source");
    return KB_OK;
}

void store_source_clear(store *st, store_source *s)
{
    (void)st;
    const char *f[] = {s->path, s->format, s->title, s->site, s->author,
                       s->date, s->date_basis, s->url, s->hash, s->ingested_at};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) free((char *)f[i]);
    memset(s, 0, sizeof *s);
}

int store_text_get(store *st, long long id, char **body, size_t *len, char **err)
{
    *body = NULL;
    *len = 0;
    sqlite3_stmt *s = store_stmt(st, ST_TEXT_GET, err);
    if (!s) return KB_ERR;
    int rc = sqlite3_bind_int64(s, 1, id);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *len = (size_t)sqlite3_column_bytes(s, 0);
        *body = kb_strndup((const char *)sqlite3_column_text(s, 0), *len);
    }
    store_done(s);
    if (rc == SQLITE_DONE) return kb_seterr(err, "no text stored for source %lld", id);
    if (rc != SQLITE_ROW) return store_fail(st, err, "reading source text");
    return KB_OK;
}

int store_source_ids(store *st, long long **ids, size_t *n, char **err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(st, ST_SOURCE_IDS, err);
    if (!s) return KB_ERR;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            *ids = kb_realloc(*ids, cap * sizeof **ids);
        }
        (*ids)[(*n)++] = sqlite3_column_int64(s, 0);
    }
    store_done(s);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return store_fail(st, err, "listing sources");
    }
    return KB_OK;
}
