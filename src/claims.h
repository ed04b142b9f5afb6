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
 * The builder owns the taxonomy, lexicons and detector it is made from;
 * it is used for one source at a time (claims_source) inside the
 * caller's transaction.
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

/* (Re)build the claims of one stored source from its stored units:
 * deletes its old claims first.  *nclaims (if not NULL) gets the count. */
int claims_source(claims *c, store *st, long long source_id, size_t *nclaims, char **err);

#endif
