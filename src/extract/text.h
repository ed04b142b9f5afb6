/*
 * text.h - blocks and metadata from plain text and Markdown sources.
 *
 * The doc's text is the input's bytes unchanged (offsets hold into the
 * file, after a BOM and front matter too; CRLF works, the \r is outside
 * ranges).  Recognised, for both formats: a front-matter block at the
 * very start ("---" lines around "key: value" lines: title, date,
 * author, url or link, site; it yields no block), list items ("- ",
 * "* ", "+ ", "• ", "1. ", "1) "; level = nesting by indentation, from
 * 1), pipe-table rows ("a | b | c |", whole line; separator rows like
 * "|---|" yield nothing), and paragraphs.  Markdown adds ATX headings
 * ("# ..."), setext headings, fenced code, block quotes; plain text
 * honours these too where they cannot mean anything else.
 *
 * Plain text: paragraphs depend on the layout.  In text whose lines are
 * long (text extracted from web pages, one paragraph a line) every line
 * is a block; in hard-wrapped text consecutive lines join.  Headings
 * come from a layout rule (a short line without closing punctuation,
 * followed by a longer paragraph) and are all level 1; the title is the
 * first line when short (and is a heading block).  Both formats take a
 * date from a dateline (date.h) and an author from a byline ("By NAME")
 * among the first 15 non-blank lines, unless front matter gave them;
 * Markdown's title is the front matter's, else the first "# " heading.
 */
#ifndef KB_TEXT_H
#define KB_TEXT_H

#include <stddef.h>

#include "doc.h"

/* Extract from data[0..len).  markdown selects Markdown rules.  out must
 * be doc_init'ed by the caller; on success it holds a copy of the bytes,
 * blocks and metadata, and out->format is set to DOC_TEXT or
 * DOC_MARKDOWN.  Errors (KB_ERR, message in *err, out left valid
 * for doc_free): invalid UTF-8 (the message gives the byte offset), a
 * NUL byte (the message says it looks binary), section paths that would
 * take over 8 times the size of the input (long headings above very many
 * short blocks: each block copies its path).  A heading over 256 bytes
 * is a paragraph. */
int text_extract(const char *data, size_t len, int markdown, doc *out, char **err);

#endif
