/*
 * furniture.h - telling page furniture from article content.
 *
 * Pages saved as text keep their furniture: read-time lines ("10 min
 * Read", "Read Time 9 Mins"), share widgets ("share image icon"), ads
 * and course offers ("Ads of <site> blog", "Check out our free
 * courses"), "Suggested Blogs" / "Related posts" lists with their
 * bylines and dates, "Read More", breadcrumbs, tables of contents,
 * calls to action ("Start Your Project Today", "Schedule a free call").
 * None of these is a claim.  Detection is general rules plus a lexicon
 * in schema/furniture.tsv (compiled in; replaceable), never a list of
 * one article's lines.
 *
 * The caller walks a source's units in order and asks about each one;
 * the detector keeps state across units (a "Suggested Blogs" heading
 * makes the rest of its section furniture, a "Table of Contents"
 * heading the list after it).
 */
#ifndef KB_FURNITURE_H
#define KB_FURNITURE_H

#include <stddef.h>

#include "doc.h"

typedef struct furn furn;

/* Build a detector from the lexicon text (NULL or len 0: the built-in
 * one; the format is described at the top of schema/furniture.tsv).
 * Errors name the line; on error *out is NULL. */
int furn_new(const char *lexicon, size_t len, furn **out, char **err);
void furn_free(furn *f);  /* accepts NULL */

/* Start a new source (resets the state carried between units). */
void furn_reset(furn *f);

/* Is this unit furniture?  kind is the unit kind, text its original
 * text (need not be NUL-terminated).  Returns 0 (content)
 * or 1 (furniture); *why (if not NULL) gets a string naming the rule
 * ("read time", "call to action", "related posts" ...), or NULL for
 * content: a static string or one owned by f, valid until furn_free.
 * Table rows are data: only the no-words and date rules and the
 * section state apply to them.  Text that is not valid UTF-8 is judged
 * content (apart from the section state). */
int furn_check(furn *f, doc_kind kind, const char *text, size_t len, const char **why);

#endif
