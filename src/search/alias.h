/*
 * alias.h - groups of names that mean one thing ("Node.js", "nodejs",
 * "node js"), loaded from a tab-separated data file (schema/aliases.tsv
 * by default, stored in the database so every client sees the same set).
 *
 * Format: one group per line, variants separated by tabs; the first is
 * the canonical name.  Blank lines and lines starting with '#' (after
 * optional white space) are ignored; CRLF line ends, empty fields and a
 * leading UTF-8 BOM are tolerated.  Each variant is kept in its matching form (norm.h) as a
 * sequence of tokens: "Node.js" and "node js" are both [node, js].
 */
#ifndef KB_ALIAS_H
#define KB_ALIAS_H

#include <stddef.h>

/* The most names one group may have (distinct after normalization; the
 * shipped list has at most 5).  A search ORs every name of a group it
 * meets into the FTS5 query, so a group's size is a cost of each such
 * search: 60,000 names took 0.8 s and 65 MB a search. */
#define ALIAS_MAX_VARIANTS 256

typedef struct alias_set alias_set;

/* Parse tsv[0..len), in time linear in its size.  On success *out is a
 * new set (free with alias_free).  Errors: invalid UTF-8, a variant with
 * no token, a group with more than ALIAS_MAX_VARIANTS names, with the
 * line number in *err. */
int alias_load(const char *tsv, size_t len, alias_set **out, char **err);
void alias_free(alias_set *a);   /* accepts NULL */

size_t alias_groups(const alias_set *a);
/* Canonical (first) name of group g as written in the file, trimmed of
 * surrounding white space; NULL if g is out of range.  Strings returned
 * here and by alias_variant live as long as the set. */
const char *alias_canonical(const alias_set *a, size_t g);

/* Find the longest variant that matches the token sequence toks[0..n)
 * at its start.  Tokens are in matching form.  Returns the number of
 * tokens matched (0 if none) and the group in *group (untouched when
 * nothing matches).  A variant listed in two groups goes to the first.
 * a may be NULL (no match).  A hash look-up of each prefix of toks, up
 * to the longest variant's length: the size of the list does not
 * matter. */
size_t alias_match(const alias_set *a, const char *const *toks,
                   const size_t *lens, size_t n, size_t *group);

/* Variants of group g in matching form, tokens joined by single spaces
 * ("node js", "nodejs"); distinct, in file order. */
size_t alias_variant_count(const alias_set *a, size_t g);
const char *alias_variant(const alias_set *a, size_t g, size_t i);

#endif
