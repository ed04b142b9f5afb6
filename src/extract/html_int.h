/*
 * html_int.h - what the HTML extractor's files share (not part of the
 * API: see html.h).
 *
 * html.c parses the page and runs three walks of libxml2's tree, each
 * in a file of its own: it picks the content root itself, html_meta.c
 * collects the metadata candidates from the whole page, html_blocks.c
 * builds the text and its blocks from the content root.  html_tree.c
 * holds what the walks share: which elements are blocks or furniture
 * (the tag table), reading a node's name and attributes, and the walk.
 */
#ifndef KB_HTML_INT_H
#define KB_HTML_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "doc.h"

/* ---- html_tree.c: the tree's vocabulary ------------------------------- */

/* What an element is, from the tag table (html_tag_flags). */
enum {
    T_BLOCK = 1 << 0,   /* text before and after it are separate blocks */
    T_SKIP = 1 << 1,    /* furniture: never read */
    T_HEADER = 1 << 2,  /* furniture unless an article's own */
    T_MAIN = 1 << 3,    /* article, main: the page's content */
    T_LIST = 1 << 4,    /* its li are one level deeper */
    T_HEAD = 1 << 5, T_LI = 1 << 6, T_QUOTE = 1 << 7, T_PRE = 1 << 8,
    T_ROW = 1 << 9, T_CELL = 1 << 10, T_BR = 1 << 11
};

/* The T_* flags of element n; 0 for an inline or unknown element. */
unsigned html_tag_flags(const xmlNode *n);

/* Is n the element name (lower case, as libxml2 gives tag names)? */
int html_is(const xmlNode *n, const char *name);

/* Attribute name's value, not copied (valid while the tree is): "" for
 * a bare attribute ("hidden"), NULL when n has none. */
const char *html_attr(const xmlNode *n, const char *name);

/* Is one of the white-space separated tokens of s in list (lower case,
 * NULL-terminated; ASCII case ignored)?  s may be NULL. */
int html_token_in(const char *s, const char *const *list);

/* Does s[0..n) start with lit, ignoring ASCII case? */
int html_starts(const char *s, size_t n, const char *lit);

/* Called by html_walk going down (enter 1) and coming back up (enter 0). */
typedef int (*html_visit)(void *ctx, xmlNode *n, int enter);

/* Depth-first walk of root's subtree: fn(ctx, n, 1) going down returns
 * 1 to enter an element's children; each node so entered gets
 * fn(ctx, n, 0) going up. */
void html_walk(xmlNode *root, html_visit fn, void *ctx);

/* ---- html_meta.c: the metadata candidates ----------------------------- */

/* Candidates, in priority order within each field: the first of a
 * field's slots that is filled wins (html_meta_apply). */
enum {
    S_OG_TITLE, S_H1, S_TITLE,
    S_AUTHOR_META, S_AUTHOR_ARTICLE, S_AUTHOR_ROOT, S_AUTHOR_ANY,
    S_DATE_PUBLISHED, S_DATE_META, S_DATE_TIME_ROOT, S_DATE_TIME_ANY,
    S_SITE, S_URL_CANONICAL, S_URL_OG,
    S_COUNT
};

/* One page's candidates; zero it before use, release with
 * html_meta_free.  Slots are owned; S_H1 is filled by html_blocks. */
typedef struct html_meta {
    char *slot[S_COUNT];
    xmlNode *root;   /* the content root: inside it, a byline or a <time> counts more */
    int in_root;
    buf tmp;
} html_meta;

/* Collect the candidates of the page under top, root its content root. */
void html_meta_collect(html_meta *m, xmlNode *top, xmlNode *root);

/* Copy the best candidate of each field into d's metadata. */
void html_meta_apply(const html_meta *m, doc *d);

void html_meta_free(html_meta *m);

/* ---- html_blocks.c: the text and its blocks --------------------------- */

/* Build d's text and blocks from root's subtree, a page of len bytes;
 * the first level-1 heading's text goes to *h1 if that is NULL (owned
 * by the caller).  Returns KB_ERR (message in *err) when the section
 * paths pass their budget; d->text is set either way. */
int html_blocks(doc *d, xmlNode *root, size_t len, char **h1, char **err);

#endif
