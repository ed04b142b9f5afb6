/*
 * doc.h - the extracted document: what every extractor (text.c, html.c)
 * produces and what the store saves.
 *
 * A doc holds the text kb stores for a source and the blocks found in
 * it.  For .txt and .md the text is the file's own bytes, unchanged, so
 * block offsets are offsets into the file; for HTML it is the extracted
 * text (what `kb show` prints).  Blocks are byte ranges [start, end) of
 * that text, trimmed of surrounding white space and markup (a Markdown
 * heading's "## " and a list item's "- " are outside the range), in
 * document order, never overlapping.
 *
 * Each block remembers its section: the path of headings above it,
 * joined with " > " ("Performance > Node.js"), or NULL before the first
 * heading.  A heading block's own section is the path of its parents.
 *
 * Ownership: the doc owns everything it points to; doc_free releases it.
 */
#ifndef KB_DOC_H
#define KB_DOC_H

#include <stddef.h>

typedef enum doc_kind {
    DOC_HEADING = 0,
    DOC_PARAGRAPH,
    DOC_ITEM,   /* list item */
    DOC_ROW,    /* table row; cells separated by " | " in HTML output */
    DOC_QUOTE,  /* block quote */
    DOC_CODE,   /* preformatted / fenced code */
    DOC_KIND_COUNT
} doc_kind;

typedef enum doc_format {
    DOC_TEXT = 0,
    DOC_MARKDOWN,
    DOC_HTML
} doc_format;

typedef struct doc_block {
    doc_kind kind;
    int level;       /* heading level 1..6; list nesting depth; else 0 */
    size_t start;    /* byte offsets into doc.text, end exclusive */
    size_t end;
    char *section;   /* owned; NULL when no heading precedes */
} doc_block;

/* Metadata found in the document itself.  Every field may be NULL.
 * date is "YYYY-MM-DD" (see date.h); date_basis says where it came from:
 * "meta" (HTML meta / <time>), "front-matter", "text" (a dateline in
 * the body) or NULL. */
typedef struct doc_meta {
    char *title;
    char *site;
    char *author;
    char *date;
    const char *date_basis;  /* static string, not owned */
    char *url;
} doc_meta;

#define DOC_MAX_DEPTH 6

typedef struct doc {
    doc_format format;
    char *text;      /* owned, NUL-terminated, len bytes before the NUL */
    size_t len;
    doc_meta meta;
    doc_block *blocks;
    size_t nblocks;
    size_t cap;
    /* heading stack used while building (doc_add_heading) */
    char *heads[DOC_MAX_DEPTH];
} doc;

void doc_init(doc *d, doc_format format);
void doc_free(doc *d);

/* Add a block of the given kind over text[start, end).  The section is
 * the current heading path.  Empty ranges (after trimming white space)
 * are ignored.  Returns the index of the block, or -1 if ignored. */
long doc_add_block(doc *d, doc_kind kind, int level, size_t start, size_t end);

/* Add a heading block of level 1..6 (clamped) over text[start, end) and
 * make it the current section for the blocks that follow: headings of a
 * deeper level are dropped from the path. */
long doc_add_heading(doc *d, int level, size_t start, size_t end);

/* Set a metadata field unless it is already set; value is copied with
 * white space trimmed and runs of white space folded to one space;
 * an empty value is ignored. */
void doc_meta_set(char **field, const char *value, size_t len);

const char *doc_kind_name(doc_kind k);   /* "heading", "paragraph", ... */
const char *doc_format_name(doc_format f); /* "text", "markdown", "html" */

#endif
