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

typedef struct furn furn;

/* Build a detector from the lexicon text (NULL: the built-in one).
 * Errors name the line. */
int furn_new(const char *lexicon, size_t len, furn **out, char **err);
void furn_free(furn *f);  /* accepts NULL */

/* Start a new source (resets the state carried between units). */
void furn_reset(furn *f);

/* Is this unit furniture?  kind is the unit kind ("heading",
 * "paragraph", "item", "row", ...), text its original text.  Returns 0
 * (content) or 1 (furniture); *why (if not NULL) gets a static string
 * naming the rule ("read time", "call to action", "related posts" ...). */
int furn_check(furn *f, const char *kind, const char *text, size_t len, const char **why);

#endif
