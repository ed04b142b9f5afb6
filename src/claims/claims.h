/*
 * claims.h - turning a source's units into tagged claims in the store.
 *
 * For each unit in order: furniture (furniture.h) is marked and skipped;
 * a paragraph, list item or quote is split into sentences (segment.h);
 * a run of table rows is a table whose first row is the header: each
 * data cell is a claim that inherits its column's header (its subject)
 * and, when the first column holds row labels, its row's label (its
 * dimension); headings start sections and are not claims; code is not a
 * claim.  Every claim is tagged (tag.h) and written with its tags.
 *
 * Building and writing are separate steps, so that `kb ingest` can build
 * in worker threads and write in one: claims_build turns a source's
 * units into a claims_set in memory and touches no store; claims_write
 * writes a set.  claims_source does both for a stored source.
 *
 * The builder owns the taxonomy, lexicons and detector it is made from
 * and keeps state while it builds (the tagger's buffers, the furniture
 * detector's section state): one builder per thread, one source at a
 * time.  claims_clone makes another from the same texts; clones number
 * subjects, dimensions and measures alike, so a set built by one can be
 * written by another.
 */
#ifndef KB_CLAIMS_H
#define KB_CLAIMS_H

#include <stddef.h>

#include "alias.h"
#include "prop.h"
#include "store.h"
#include "taxonomy.h"

typedef struct claims claims;

/* Build from the taxonomy, stance lexicon and furniture lexicon texts
 * (NULL: the built-in ones).  Errors say which file is at fault. */
int claims_new(const char *taxonomy_tsv, const char *stance_tsv, const char *furniture_tsv,
               claims **out, char **err);
void claims_free(claims *c);
const taxonomy *claims_taxonomy(const claims *c);

/* A builder for the taxonomy in force in st (its kb_meta "taxonomy",
 * else the built-in one). */
int claims_open(store *st, claims **out, char **err);

/* Also derive each claim's propositions (prop.h) with lex, aliases
 * (may be NULL) and the key table keys, all borrowed: they must outlive
 * the builder's use.  lex NULL turns it off (the default).  The stored
 * tags do not change. */
void claims_props(claims *c, const prop_lex *lex, const alias_set *aliases, prop_keys *keys);

/* Another builder from the same taxonomy and lexicons. */
int claims_clone(const claims *c, claims **out, char **err);

/* The claims of one source, built in memory. */
typedef struct claims_set claims_set;

/* Build the claims of units[0..n), a source's units in order (only
 * kind, start, section, text and text_len are read).  *out is owned by
 * the caller (claims_set_free) and refers to no unit: the units are
 * passed again to claims_write.  Fails only on text that is not UTF-8. */
int claims_build(claims *c, const store_unit *units, size_t n, claims_set **out, char **err);
void claims_set_free(claims_set *s);  /* accepts NULL */
size_t claims_set_count(const claims_set *s);
/* The furniture rule unit i matched, or NULL (valid while s lives). */
const char *claims_set_furniture(const claims_set *s, size_t i);

/* Claim i of a set: where it is in its unit, and its tags and
 * propositions (valid while the set lives). */
typedef struct claims_view {
    size_t unit;             /* index into the units built from */
    const char *kind;        /* sentence, item, cell */
    size_t start, end;       /* within the unit's text */
    const char *row_header, *col_header;  /* table cells' labels, or NULL */
    const tag_subject *subj;
    size_t nsubj;
    const tag_dim *dims;
    size_t ndims;
    const tag_qty *qty;
    size_t nqty;
    const prop *props;       /* none unless claims_props is on */
    size_t nprops;
} claims_view;
void claims_set_view(const claims_set *s, size_t i, claims_view *v);

/* Write s for source_id, built from units (the same array as for
 * claims_build) whose stored ids are unit_ids.  mark_furniture: also
 * set unit.furniture for the furniture units (when they were not
 * written with it).  Runs inside the caller's transaction. */
int claims_write(const claims *c, store *st, const claims_set *s, long long source_id,
                 const store_unit *units, const long long *unit_ids, int mark_furniture, char **err);

/* Build the claims of a stored source again from its stored units, as
 * ingest did, and call fn with each in order: its stored id, its text
 * and offsets in the source (as stored), and its view.  Fails when the
 * stored claims do not match (a database built by another version of
 * kb: re-ingest with --force).  A non-zero return from fn stops the
 * walk with KB_ERR. */
typedef struct claims_read {
    long long id;            /* the stored claim's id */
    const char *text;        /* not NUL-terminated */
    size_t len;
    long long start, end;    /* offsets into the source's stored text */
    const char *section;     /* the unit's heading path, or NULL */
    const claims_view *view;
} claims_read;
int claims_source_walk(claims *c, store *st, long long source_id, int (*fn)(void *ctx, const claims_read *r),
                       void *ctx, char **err);

/* (Re)build the claims of one stored source from its stored units:
 * deletes its old claims first.  *nclaims (if not NULL) gets the count. */
int claims_source(claims *c, store *st, long long source_id, size_t *nclaims, char **err);
/* The hash of the taxonomy c tags with (its text's SHA-256, hex): what a
 * source records as tagged with (store_source.taxonomy). */
void claims_stamp(const claims *c, char out[65]);

#endif
