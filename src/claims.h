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

#include "store.h"
#include "taxonomy.h"

typedef struct claims claims;

/* Build from the taxonomy, stance lexicon and furniture lexicon texts
 * (NULL: the built-in ones).  Errors say which file is at fault. */
int claims_new(const char *taxonomy_tsv, const char *stance_tsv, const char *furniture_tsv,
               claims **out, char **err);
void claims_free(claims *c);
const taxonomy *claims_taxonomy(const claims *c);

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

/* Write s for source_id, built from units (the same array as for
 * claims_build) whose stored ids are unit_ids.  mark_furniture: also
 * set unit.furniture for the furniture units (when they were not
 * written with it).  Runs inside the caller's transaction. */
int claims_write(const claims *c, store *st, const claims_set *s, long long source_id,
                 const store_unit *units, const long long *unit_ids, int mark_furniture, char **err);

/* (Re)build the claims of one stored source from its stored units:
 * deletes its old claims first.  *nclaims (if not NULL) gets the count. */
int claims_source(claims *c, store *st, long long source_id, size_t *nclaims, char **err);

#endif
