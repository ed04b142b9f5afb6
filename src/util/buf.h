/*
 * buf.h - the one growable byte buffer kb builds strings with (in the
 * spirit of Redis's sds and git's strbuf).
 *
 * A buf starts zeroed (BUF_INIT or buf_init).  After any append the data
 * is NUL-terminated, so b.data can be used as a C string once something
 * was added; buf_cstr() is safe even on an empty buffer.  The buffer owns
 * its data until buf_detach() hands it to the caller.
 */
#ifndef KB_BUF_H
#define KB_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data;
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_init(buf *b);
void buf_free(buf *b);               /* frees data, leaves an empty buf */
void buf_reset(buf *b);              /* len = 0, keeps the allocation */
void buf_grow(buf *b, size_t extra); /* room for extra more bytes + NUL */
void buf_add(buf *b, const void *p, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc(buf *b, int c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
void buf_truncate(buf *b, size_t len); /* len <= b->len */
const char *buf_cstr(const buf *b);  /* never NULL */
/* Hand the data to the caller (free with free()); the buf becomes empty.
 * Never returns NULL: an empty buffer yields "". */
char *buf_detach(buf *b, size_t *len);

#endif
