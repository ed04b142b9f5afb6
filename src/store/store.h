/*
 * store.h - the SQLite database behind kb: opening and upgrading it,
 * writing sources and their units, and reading them back.
 *
 * All SQL lives in store_sql.c.  Statements are prepared once per
 * handle and reused; every value is bound.  The schema is the
 * migrations in schema/ (compiled in, see embed.h): PRAGMA user_version
 * counts those applied, and store_open applies the missing ones in one
 * transaction.
 *
 * Writers bracket work in store_begin/store_commit (BEGIN IMMEDIATE, so
 * the busy timeout applies) and each source in a savepoint, so a failed
 * source leaves nothing behind and a crash never leaves half a source.
 * A write outside store_begin's transaction is refused, not run in
 * autocommit: after an I/O error or a full disk SQLite may have rolled
 * the whole transaction back, and store_in_write says whether it still
 * exists (then the caller's work since store_begin is lost).
 *
 * Reads outside a write transaction share one snapshot: the first opens
 * a read transaction that lasts until store_begin or store_close.  So a
 * command that runs several queries (an export: the sources, then their
 * claims) sees one state of the database while an ingest commits beside
 * it.  In WAL mode the snapshot blocks no writer.
 *
 * The schema declares its foreign keys (with ON DELETE CASCADE) but kb
 * does not enforce them: the store deletes a source's derived rows
 * itself, children first (store_source_put, store_source_delete).
 *
 * Strings handed to callbacks are valid only during the callback.
 */
#ifndef KB_STORE_H
#define KB_STORE_H

#include <stddef.h>
#include <sqlite3.h>

typedef struct store store;

/* How a command opens the database.  kb changes only a database it
 * made (or an empty file): any other SQLite file is refused before
 * anything is written to it, WAL mode included. */
typedef enum store_mode {
    STORE_WRITE = 0,  /* an existing kb database, upgraded if older */
    STORE_CREATE = 1, /* the same, made if missing or empty */
    STORE_READ = 2    /* read only: nothing written (not even WAL files
                       * where the folder is read-only); an older
                       * database is refused, not upgraded */
} store_mode;

/* Open the database at path in mode (for writing: WAL journal, a busy
 * timeout, the schema brought up to date).  On error *out is NULL and
 * *err says what failed, naming the path once. */
int store_open(const char *path, store_mode mode, store **out, char **err);
/* The busy timeout of the handles store_open opens from now on: how
 * long store_begin waits for another writer's lock before it fails
 * (SQLITE_BUSY).  STORE_BUSY_MS unless set. */
#define STORE_BUSY_MS 30000
void store_set_busy_timeout(int ms);
void store_close(store *st);          /* accepts NULL */
sqlite3 *store_db(store *st);         /* the raw handle, for tests */

int store_begin(store *st, char **err);     /* BEGIN IMMEDIATE */
int store_commit(store *st, char **err);
void store_rollback(store *st);
int store_savepoint(store *st, char **err);
int store_release(store *st, char **err);
void store_rollback_savepoint(store *st);
/* Is the transaction store_begin opened still there (not committed,
 * rolled back, or lost to an error SQLite rolled back for)? */
int store_in_write(store *st);

/* kb_meta key/value pairs (for example the alias table).  get: *value is
 * malloc'd or NULL when the key is absent. */
int store_meta_get(store *st, const char *key, char **value, char **err);
int store_meta_set(store *st, const char *key, const char *value, char **err);

/* A source row.  In callbacks the strings are borrowed; from
 * store_source_get they are owned (store_source_clear frees them). */
typedef struct store_source {
    long long id;
    const char *path, *format, *title, *site, *author, *date, *date_basis,
        *url, *hash, *ingested_at;
    /* what it was built from besides its bytes (schema/006): the
     * taxonomy's and its sidecar row's hashes, or NULL */
    const char *taxonomy, *sidecar;
    const char *file;        /* canonical absolute path, or NULL (stdin) */
    long long duplicate_of;  /* the source whose bytes it repeats, or 0 */
    long long size;
    long long units;
} store_source;

/* What store_source_lookup finds of a source: its id (0: none), its
 * name, the hashes it was built from, and for a duplicate the source it
 * repeats and that one's hash now (owned; NULL when not recorded). */
typedef struct store_found {
    long long id, duplicate_of;
    char *path, *hash, *taxonomy, *sidecar, *original_hash;
} store_found;
void store_found_clear(store_found *f);

/* Find the source of a file by its canonical path (file), or, when no
 * source has it, one recorded by name only (path: standard input, or a
 * source from before canonical paths were kept; file may be NULL).
 * out->id = 0 when absent. */
int store_source_lookup(store *st, const char *path, const char *file, store_found *out, char **err);
/* Is path the name of a source other than id? */
int store_source_path_taken(store *st, const char *path, long long id, int *taken, char **err);
/* The first source, other than id and not itself a duplicate, whose
 * bytes have this hash: *other (0: none) and its name (malloc'd). */
int store_source_same_bytes(store *st, const char *hash, long long id, long long *other, char **path, char **err);

/* Resolve what a user typed to name a source: an exact path, a numeric
 * id, or a path suffix ("000_8ce771bb35dfdba8.txt") that matches one
 * source.  KB_ERR with a message when none or several match. */
int store_source_resolve(store *st, const char *key, long long *id, char **err);

/* Insert a source, or, when id_inout != 0, replace that source's row and
 * delete its text and units (they are then re-added).  Every field of s
 * except id/units/ingested_at is written; *id_inout gets the id. */
int store_source_put(store *st, const store_source *s, long long *id_inout, char **err);
/* Record that source id's claims were tagged again with the taxonomy
 * whose hash is stamp (claims_source). */
int store_source_set_taxonomy(store *st, long long id, const char *stamp, char **err);
int store_text_put(store *st, long long source_id, const char *body, size_t len,
                   char **err);

typedef struct store_unit {
    long long id;
    long long source_id;
    long long seq;
    const char *kind;
    int level;
    long long start, end;
    const char *section;
    const char *text;
    size_t text_len;
    const char *norm;
    size_t norm_len;
    const char *furniture;  /* the furniture rule it matched, or NULL */
} store_unit;

/* Add a unit (its id: store_last_id).  It is searchable once it is
 * indexed. */
int store_unit_add(store *st, const store_unit *u, char **err);
/* Add n units (a source's, in order) several to a statement, which
 * costs about half as much a row as store_unit_add; ids[i] gets unit
 * i's id.  The ids are those n store_unit_add calls would give: one
 * past the largest there is, then consecutive.  A failed call may leave
 * some of its rows written (OR FAIL: SQLite keeps no statement journal
 * for it), so call it inside a transaction or savepoint and roll that
 * back on failure, as ingest does. */
int store_units_add(store *st, const store_unit *u, size_t n, long long *ids, char **err);
/* Add units to the FTS index in one statement: all of a source's (call
 * once, after its units are added), or those with ids first..last (the
 * units of several sources, written one after another).  FTS5 writes
 * its pending terms as a new segment at the end of each statement, so
 * one statement for many units is what keeps the index cheap.  Take
 * them out with store_unindex_source (before they are deleted: done by
 * store_source_put and store_source_delete); units never indexed must
 * not be taken out. */
int store_index_source(store *st, long long source_id, char **err);
int store_index_units(store *st, long long first, long long last, char **err);
int store_unindex_source(store *st, long long source_id, char **err);

/* Delete a source and everything derived from it; KB_ERR if it is not
 * there (another process removed it first).  A source that other files
 * repeat hands its rows to the first of its duplicates instead, which
 * then stands in its place. */
int store_source_delete(store *st, long long id, char **err);

typedef int (*store_source_fn)(void *ctx, const store_source *s);
typedef int (*store_unit_fn)(void *ctx, const store_unit *u);

/* All sources by path.  A non-zero return from fn stops the walk and
 * store_sources returns KB_ERR (with *err untouched if fn set none). */
int store_sources(store *st, store_source_fn fn, void *ctx, char **err);
/* One source, owned copy; free with store_source_clear. */
int store_source_get(store *st, long long id, store_source *out, char **err);
void store_source_clear(store *st, store_source *s);
/* The stored text of a source (malloc'd). */
int store_text_get(store *st, long long id, char **body, size_t *len, char **err);
/* The units of a source in order (norm is not read: NULL). */
int store_units(store *st, long long source_id, store_unit_fn fn, void *ctx, char **err);

/* Counts for tests and `kb sources`: rows in source, unit, and the
 * FTS index's own row count. */
int store_counts(store *st, long long *sources, long long *units, char **err);

/* One search hit.  hl is the unit's norm text with FTS5 highlight marks
 * (\x01 before, \x02 after each matched token). */
typedef struct store_hit {
    store_unit unit;
    const char *path, *title, *date;
    double rank;
    const char *hl;
    size_t hl_len;
} store_hit;

/* Run an FTS5 MATCH expression, best bm25 first.  source_id 0 means all
 * sources; subject / dimension (NULL: any) keep units with a claim so
 * tagged.  An FTS5 syntax error returns KB_BADARG with SQLite's
 * one-line message. */
int store_search(store *st, const char *match, long long source_id, int limit, const char *subject,
                 const char *dimension, int (*fn)(void *ctx, const store_hit *h), void *ctx, char **err);

/* The rowid of the last row inserted (the unit just added). */
long long store_last_id(store *st);

/* Mark a unit as page furniture (why: the rule; NULL clears). */
int store_unit_furniture(store *st, long long unit_id, const char *why, char **err);

/* Claims: written by claims.c, derived from units. */
typedef struct store_claim {
    long long source_id, unit_id, seq;
    const char *kind;        /* sentence, item, cell */
    long long start, end;    /* offsets into the source text */
    const char *section, *row_header, *col_header;
    const char *text;
    size_t text_len;
} store_claim;

typedef struct store_qty {
    long long claim_id;      /* store_claim_tags only */
    const char *raw;
    size_t raw_len;
    const char *kind, *measure, *unit, *subject, *version;
    double low, high;
    int has_low, has_high, low_open, high_open, approx;
    long long start, end;
} store_qty;

/* Delete a source's claims and their tags (before they are built
 * again). */
int store_claims_clear(store *st, long long source_id, char **err);
int store_claim_add(store *st, const store_claim *c, long long *id, char **err);
int store_claim_subject(store *st, long long claim_id, const char *subject, const char *how, char **err);
int store_claim_dimension(store *st, long long claim_id, const char *dim, double score, char **err);
int store_claim_quantity(store *st, long long claim_id, const store_qty *q, char **err);
int store_claim_stance(store *st, long long claim_id, const char *subject, const char *dim, int polarity,
                       const char *versus, char **err);

/* The same, many rows to a statement (as store_units_add): n claims,
 * ids[i] getting claim i's (consecutive, as n store_claim_add calls
 * would give them); then tags of claims already added, table by table
 * in the order given (claim_quantity's ids follow it).  As with
 * store_units_add, a failure may leave rows to roll back. */
typedef struct store_tag_subject {
    long long claim_id;
    const char *subject, *how;
} store_tag_subject;
typedef struct store_tag_dimension {
    long long claim_id;
    const char *dimension;
    double score;
} store_tag_dimension;
typedef struct store_tag_stance {
    long long claim_id;
    const char *subject, *dimension, *versus;
    int polarity;
} store_tag_stance;
typedef struct store_tags {
    const store_tag_subject *subj;
    size_t nsubj;
    const store_tag_dimension *dims;
    size_t ndims;
    const store_qty *qty;        /* with claim_id set */
    size_t nqty;
    const store_tag_stance *st;
    size_t nst;
} store_tags;
int store_claims_add(store *st, const store_claim *c, size_t n, long long *ids, char **err);
int store_claim_tags(store *st, const store_tags *t, char **err);

/* The ids and start offsets of a source's claims in order (malloc'd
 * arrays of *n entries). */
int store_claim_ids(store *st, long long source_id, long long **ids, long long **starts, size_t *n, char **err);

/* All sources' ids, in path order (for rebuilding claims). */
int store_source_ids(store *st, long long **ids, size_t *n, char **err);

/* One claim as listed by `kb claims`: the tag lists come ready made,
 * as JSON arrays (built by SQLite's JSON functions) and as short text. */
typedef struct store_claim_row {
    long long id, start, end;
    const char *source, *kind, *text, *section;
    size_t text_len;
    const char *subjects_json, *dims_json, *qty_json, *stance_json;
    const char *subjects_txt, *dims_txt, *qty_txt, *stance_txt;
} store_claim_row;

/* Claims filtered by subject, dimension (NULL: any) and source (0:
 * all), in source and document order. */
int store_claims(store *st, const char *subject, const char *dimension, long long source_id,
                 int (*fn)(void *ctx, const store_claim_row *r), void *ctx, char **err);

/* Counts for `kb stats`: fn is called with (group, name, count, extra)
 * for group "source" (extra: furniture units), "subject", "dimension",
 * "measure" and "total". */
int store_stats(store *st, int (*fn)(void *ctx, const char *group, const char *name, long long n,
                                     long long extra),
                void *ctx, char **err);

/* A stance or a quantity with its claim, for comparing sources.  Rows
 * come ordered by subject, dimension (stances) or measure (quantities),
 * then source path and claim order, so results are deterministic. */
typedef struct store_fact {
    long long claim_id, source_id, start, end;
    const char *text;
    size_t text_len;
    const char *subject;
    const char *dimension;   /* stance: its dimension; quantity: the claim's top dimension (or NULL) */
    int polarity;            /* stances */
    const char *versus;      /* stances: the other subject compared, or NULL */
    const char *measure, *raw, *kind, *unit, *version; /* quantities */
    double low, high;
    int has_low, has_high, low_open, high_open, approx;
} store_fact;

typedef int (*store_fact_fn)(void *ctx, const store_fact *f);

/* Stances of claims that name their subject and are mainly about the
 * stance's dimension (its top-scored one). */
int store_stance_facts(store *st, store_fact_fn fn, void *ctx, char **err);
/* For each source, the latest year its claims state (years up to
 * max_year): fn(ctx, source_id, year). */
int store_source_years(store *st, int max_year, int (*fn)(void *ctx, long long source_id, int year), void *ctx,
                       char **err);
/* Quantities that have both a subject and a measure. */
int store_quantity_facts(store *st, store_fact_fn fn, void *ctx, char **err);

#endif
