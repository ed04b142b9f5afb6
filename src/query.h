/*
 * query.h - turning what a user types into a safe FTS5 MATCH expression.
 *
 * Plain mode (the default): the query is words and "quoted phrases".
 * Each word is put in matching form (norm.h) and split into tokens;
 * every token sequence becomes an FTS5 string ("python s" for
 * "python's"), so no character the user types can act as FTS5 syntax.
 * Terms are ANDed.  Unquoted words that spell an alias (alias.h),
 * including across words ("node js"), become an OR of every variant of
 * the group: ("node js" OR "nodejs"); an alias must cover whole words
 * ("python 3.8" does not match "python 3").  AND, OR, NOT and NEAR are
 * plain words.  An unbalanced quote runs to the end of the query.
 * Phrases are joined by a space (FTS5's implicit AND); an OR group is
 * joined with an explicit AND, since FTS5 allows implicit AND only
 * between phrases:  "python s" AND ("gil" OR "global interpreter lock")
 */
#ifndef KB_QUERY_H
#define KB_QUERY_H

#include <stddef.h>

#include "alias.h"
#include "buf.h"

/* Translate q[0..len) into out (appended).  aliases may be NULL.
 * Errors (KB_ERR): invalid UTF-8; a query with no searchable word
 * ("query has no words to search for"). */
int query_translate(const char *q, size_t len, const alias_set *aliases,
                    buf *out, char **err);

#endif
