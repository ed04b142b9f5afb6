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

/* What one query may ask, so that a query from anyone (a served page)
 * costs bounded work.  FTS5 ranks and highlights a row in time that
 * grows with the product of the query's phrases and their matches: the
 * square of the phrases when they match alike.  Translation drops
 * repeats; what is left is bounded far above a long pasted paragraph
 * (some 3,000 bytes, 170 different words).  A query given as is
 * (--fts) keeps its repeats and is written by hand: fewer words. */
#define QUERY_MAX_BYTES 16384
#define QUERY_MAX_TERMS 1000
#define QUERY_MAX_FTS_TERMS 100

/* Translate q[0..len) into out (appended; on error out is left as it
 * was).  aliases may be NULL.  A term (word, phrase or alias group)
 * repeated is written once.
 * Errors (KB_ERR): over QUERY_MAX_BYTES; invalid UTF-8; a query with
 * no searchable word ("query has no words to search for"); more than
 * QUERY_MAX_TERMS FTS5 strings after repeats are dropped (an alias
 * group counts each of its names). */
int query_translate(const char *q, size_t len, const alias_set *aliases,
                    buf *out, char **err);

/* Check q[0..len), an FTS5 query given as is (--fts): KB_ERR when it is
 * over QUERY_MAX_BYTES, invalid UTF-8, empty, or holds more than
 * QUERY_MAX_FTS_TERMS words (operators included: kb does not parse
 * FTS5 syntax, so it cannot drop repeats). */
int query_check_raw(const char *q, size_t len, char **err);

#endif
