/*
 * term.h - text from the articles made safe to print for people: every
 * control character shown as what it is instead of sent to a terminal,
 * where ESC starts a command (colours, cursor moves, a window title, on
 * some terminals a file written or a key sent back) and BEL rings.
 *
 * A control character is a C0 one (U+0000-U+001F), DEL (U+007F) or a C1
 * one (U+0080-U+009F; U+009B is a one-character ESC [).  It is written
 * \xNN, NN its code in two lower-case hex digits, the form kb uses for
 * file names in its error lines; a byte that is not UTF-8 is written
 * the same way (stored text is UTF-8; file names need not be).  A
 * backslash is not escaped: this text is for reading, not for parsing
 * back (--json is the exact form).  The mode says what becomes of the
 * line structure.
 */
#ifndef KB_TERM_H
#define KB_TERM_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

typedef enum term_mode {
    TERM_NAME,     /* a name in a line (a path, a title): LF and TAB as \n and \t */
    TERM_FOLD,     /* a text shown on one line: LF, CR and TAB as one space each */
    TERM_LINES,    /* a text shown as laid out: LF, TAB and CR before LF kept */
} term_mode;

/* Append s[0..n) to b, control characters escaped as above. */
void term_escape(buf *b, const char *s, size_t n, term_mode mode);

/* The same, written to f; term_puts takes a C string (NULL: nothing). */
void term_put(FILE *f, const char *s, size_t n, term_mode mode);
void term_puts(FILE *f, const char *s, term_mode mode);

/* The escaped form of s (NULL: "") in b, which is reset first; returns
 * buf_cstr(b), for printf's field widths. */
const char *term_str(buf *b, const char *s, term_mode mode);

#endif
