/*
 * util.h - the few helpers every module shares: allocation that cannot
 * return NULL, owned string copies, and the error-message convention.
 *
 * Error convention (used by every module): a function that can fail
 * returns KB_OK (0) or KB_ERR (1) and, on KB_ERR, stores a message in
 * *err (malloc'd, owned by the caller, free with free()).  A message
 * already present in *err is never overwritten, so the first error wins.
 * Only the CLI layer prints.
 */
#ifndef KB_UTIL_H
#define KB_UTIL_H

#include <stddef.h>

#define KB_OK 0
#define KB_ERR 1
#define KB_BADARG 2  /* the input given is at fault (a usage error, exit 2) */

/* Allocation: abort with "kb: out of memory" rather than return NULL. */
void *kb_malloc(size_t n);
void *kb_calloc(size_t n, size_t size);
void *kb_realloc(void *p, size_t n);
char *kb_strdup(const char *s);             /* NULL in, NULL out */
char *kb_strndup(const char *s, size_t n);  /* copies n bytes, NUL-terminates */

/* Store a printf-style message in *err unless err is NULL or *err is set.
 * Always returns KB_ERR so callers can write `return kb_seterr(...)`. */
int kb_seterr(char **err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Trim ASCII white space from both ends of s[0..*len); returns new start. */
const char *kb_trim(const char *s, size_t *len);

/* Iterate over the lines of a data file: returns 1 and the next line
 * (without its "\n" or "\r\n") in *line / *len, advancing *p; 0 at the
 * end.  Use with a line counter for messages. */
int kb_next_line(const char **p, const char *end, const char **line, size_t *len);

/* Is the line blank or a '#' comment (after leading white space)? */
int kb_line_skip(const char *line, size_t len);

/* A lexicon's terms, one line at a time: the comma-separated terms of
 * t[0..e), case-folded, noted in seen (a strmap, strmap.h) with
 * lineno.  Returns 1 when a term is already noted from another line,
 * with it in *term and *termlen, and that line in *first; else 0. */
struct strmap;
int kb_terms_once(struct strmap *seen, const char *t, const char *e, size_t lineno, const char **term,
                  size_t *termlen, size_t *first);

/* The length of a UTF-8 byte order mark at the start of s[0..len): 3 or
 * 0.  Editors on Windows write one; the data readers skip it, as it is
 * not part of the first line. */
size_t kb_bom_len(const char *s, size_t len);

/* The first occurrence of needle[0..n) in hay[0..len), or NULL
 * (memmem, which C11 and POSIX lack). */
const char *kb_memmem(const char *hay, size_t len, const char *needle, size_t n);

/* Is there an HTML tag named name (lower case) at s[i]: 1 for an opening
 * tag ("<td", "<TD class=x>"), 2 for a closing one ("</td>"), else 0. */
int kb_html_tag_at(const char *s, size_t n, size_t i, const char *name);

/* Lower the calling thread's scheduling priority by incr nice levels
 * (Linux: per thread), best effort: a failure leaves it as it was. */
void kb_thread_nice(int incr);

/* Case-insensitive ASCII comparison of s[0..n) with the C string lit.
 * Inline: html_class.c asks it of every word of every class attribute against
 * whole word lists, so it costs no call and stops at the first
 * difference rather than measuring lit first.  Two bytes that differ
 * are equal but for case only if they differ in the case bit (0x20)
 * alone and are letters. */
static inline int kb_ascii_ieq(const char *s, size_t n, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++) {
        if (i == n) return 0;   /* lit is longer */
        unsigned char a = (unsigned char)s[i], b = (unsigned char)lit[i];
        if (a == b) continue;
        if ((a ^ b) != 0x20 || (a | 0x20) < 'a' || (a | 0x20) > 'z') return 0;
    }
    return i == n;
}

#endif
