/*
 * segment.h - cutting a block of text into the pieces that become
 * claims: sentences, and the cells of a pipe-table row.
 *
 * The sentence splitter works on original text (UTF-8, any case) and
 * returns byte ranges, trimmed of white space.  It must not split inside
 * "Node.js", "e.g.", "i.e.", "etc.", "vs.", "Dr.", "U.S.", numbers and
 * versions ("3.8", "12.6.0", "2.5M"), ellipses ("..." or "…" followed
 * by a lower-case word), URLs and file names; a sentence ends at . ! ?
 * (and "…" before a capital) followed by white space and a plausible
 * sentence start, with closing quotes and brackets after the
 * punctuation kept in the sentence.  A block with no sentence end is one
 * sentence.  A single period before a lower-case word still ends a
 * sentence unless the word before it is an abbreviation or an initial
 * ("pip installs packages" starts one); "!", "?" and ellipses do not.
 * A list number after a colon ("are: 1. Speed 2. Syntax") or opening a
 * sentence is not an end.  Semicolons never end a sentence.
 * Abbreviations are data: the list lives in schema/abbreviations.txt
 * (compiled in), or another list in its format; the caller builds it
 * once (seg_abbrevs_new) and passes it to every split.  Linear in len;
 * no allocation.
 */
#ifndef KB_SEGMENT_H
#define KB_SEGMENT_H

#include <stddef.h>

/* An abbreviation list: immutable once built, so one list may serve
 * any number of threads at once. */
typedef struct seg_abbrevs seg_abbrevs;

/* Build a list from list[0..len) (one abbreviation per line, lower
 * case, with its final period: "e.g.", "vs.", "dr."; an optional second
 * field "end" or "num" gives the class, see schema/abbreviations.txt;
 * '#' starts a comment line); list NULL: the compiled-in one.  Returns
 * KB_OK, or KB_ERR with a message naming the line and *out NULL.  The
 * list keeps its own copy of the text. */
int seg_abbrevs_new(const char *list, size_t len, seg_abbrevs **out, char **err);
void seg_abbrevs_free(seg_abbrevs *a);  /* accepts NULL */

/* Called for each sentence with its byte range [start, end) relative
 * to the text passed in.  A non-zero return stops and is returned. */
typedef int (*seg_fn)(void *ctx, size_t start, size_t end);

/* Split text[0..len) with the abbreviation list abbr (NULL: none). */
int seg_sentences(const seg_abbrevs *abbr, const char *text, size_t len, seg_fn fn, void *ctx);

/* The cells of one table row: "a | b | c |", "| a | b |", the
 * " | "-joined cells kb's HTML extractor writes, or an HTML row written
 * into Markdown ("<tr><td>a</td><td>b</td></tr>": each cell's
 * content).  Leading and trailing pipes are optional; cells are trimmed; an empty cell still counts (so
 * columns line up) and is returned with start == end.  Writes at most
 * max cells' ranges into starts/ends and returns the number of cells in
 * the row (which may exceed max). */
size_t seg_cells(const char *row, size_t len, size_t *starts, size_t *ends, size_t max);

/* The comments of a code block that are prose, one a line: a whole
 * line opening with "//", "#", "--", a block comment's opening or a
 * star (its inner line), the marker followed by a space, its text of
 * three words at least, opening with a letter, with none of the marks
 * code is made of (= ; { } < > ` $ | \), no option ("--browser"),
 * address or call ("f()").  Each range leaves the marker (and a block
 * comment's close) out.  Writes at most max ranges into starts/ends and
 * returns how many there are. */
size_t seg_comments(const char *code, size_t len, size_t *starts, size_t *ends, size_t max);

#endif
