/*
 * text_int.h - what the plain-text and Markdown extractor's files share
 * (not part of the API: see text.h).
 *
 * text_line.c reads one line: its kind (text_scan: a heading, a list
 * item, a fence ...) and its shape (how long, how it ends, whether it
 * is a byline); text_meta.c reads the metadata before and at the top of
 * the body (front matter, title, dateline, byline); text.c decides the
 * layout and builds the blocks.
 */
#ifndef KB_TEXT_INT_H
#define KB_TEXT_INT_H

#include <stddef.h>

#include "doc.h"

/* List nesting tracked: an item nested deeper is given this level (its
 * text is kept). */
#define TEXT_MAX_NEST 16

enum text_kind {
    TK_BLANK, TK_TEXT, TK_ITEM, TK_ROW, TK_SEP, TK_ATX, TK_FENCE, TK_QUOTE, TK_RULE,
    TK_MARKUP,    /* a line of markup alone: a directive fence, a template tag */
    TK_HTML_TABLE /* Markdown: an HTML table opens ("<table ...>") */
};

/* One classified line.  [cs, ce) is its content, trimmed, after the
 * indentation and any marker ("- ", "## ", "> "). */
typedef struct text_line {
    size_t start, next;  /* where the line starts; where the next does */
    size_t cs, ce;
    int kind;
    int indent;   /* columns of leading blanks (a tab advances to 4n) */
    int level;    /* TK_ATX: 1..6; TK_RULE: setext level (0: none) */
    char fch;     /* TK_FENCE: '`' or '~', its length, info string? */
    size_t flen;
    int finfo;
} text_line;

typedef struct text_ctx {
    doc *d;
    const char *s;     /* d->text */
    size_t len;
    int markdown;
    int join;          /* consecutive lines join into one block */
    size_t title_at;   /* start of the plain-text title line, or SIZE_MAX */
    int nlists;        /* indentation of the open lists, outermost first */
    int lists[TEXT_MAX_NEST];
    size_t sections;   /* bytes of section path copied into blocks so far */
} text_ctx;

/* ---- text_line.c: one line -------------------------------------------- */

/* Read and classify the line of c's text at pos into *L. */
void text_scan(const text_ctx *c, size_t pos, text_line *L);

/* Where the fence opened by F closes: sets *cend to the end of its
 * content and returns the offset after the closing line (EOF if none). */
size_t text_fence_end(const text_ctx *c, const text_line *F, size_t *cend);

/* Narrow [*b, *e) of s past white space at both ends (ASCII, no-break
 * and typographic spaces, which web extracts are full of). */
void text_trim(const char *s, size_t *b, size_t *e);

/* Code points in s[0..n), counted no further than limit + 1. */
size_t text_nchars(const char *s, size_t n, size_t limit);

/* Does s end like a sentence or a clause: . , ; : ! or an ellipsis,
 * possibly inside closing quotes or brackets?  A '?' does not count:
 * question headings are common. */
int text_ends_sentence(const char *s, size_t n);

/* A heading or name starts with a capital, a digit, or a letter of a
 * script without case (where capitals cannot tell anything). */
int text_starts_upper(const char *s, size_t n);

/* Does s[0..n) start with a lower-case letter? */
int text_starts_lower(const char *s, size_t n);

/* A byline: "By NAME", "Written by NAME", "Author: NAME".  On success
 * sets *name and *nn to the name. */
int text_byline(const char *s, size_t n, const char **name, size_t *nn);

/* ---- text_meta.c: the metadata ---------------------------------------- */

/* Front matter: "---" as the first line, closed by "---" or "..."
 * within TEXT_FM_LINES lines, "key: value" lines between, read into
 * c's doc.  Returns the offset after it, or pos when there is none. */
size_t text_front_matter(text_ctx *c, size_t pos);

/* Metadata from the top of the body, from pos: in plain text the first
 * line as title (c->title_at says which line, as it is a heading too);
 * in both, the first dateline and byline.  Needs c->join decided. */
void text_head(text_ctx *c, size_t pos);

#endif
