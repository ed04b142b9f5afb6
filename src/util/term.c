/*
 * term.c - control characters made visible in text printed for people;
 * see term.h.
 *
 * Runs of printable ASCII are copied whole; a byte of 0x80 or more
 * starts a UTF-8 character, decoded only to tell the C1 controls (two
 * bytes, C2 80 to C2 9F) and invalid bytes from the rest.
 */
#include "term.h"

#include <string.h>
#include <utf8proc.h>

static void term_hex(buf *b, unsigned c)
{
    static const char hex[] = "0123456789abcdef";
    char e[4] = {'\\', 'x', hex[(c >> 4) & 15], hex[c & 15]};
    buf_add(b, e, 4);
}

/* An ASCII control character c at s[i] (s[0..n)), by mode. */
static void term_control(buf *b, const char *s, size_t n, size_t i, term_mode mode)
{
    unsigned char c = (unsigned char)s[i];
    if (mode == TERM_FOLD && (c == '\n' || c == '\r' || c == '\t')) {
        buf_addc(b, ' ');
    } else if (mode == TERM_NAME && c == '\n') {
        buf_adds(b, "\\n");
    } else if (mode == TERM_NAME && c == '\t') {
        buf_adds(b, "\\t");
    } else if (mode == TERM_LINES && (c == '\n' || c == '\t' || (c == '\r' && i + 1 < n && s[i + 1] == '\n'))) {
        buf_addc(b, c);
    } else {
        term_hex(b, c);
    }
}

void term_escape(buf *b, const char *s, size_t n, term_mode mode)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f) j++;
        if (j > i) {
            buf_add(b, s + i, j - i);
            i = j;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            term_control(b, s, n, i, mode);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            term_hex(b, c);
            i++;
        } else if (cp >= 0x80 && cp <= 0x9f) {
            term_hex(b, (unsigned)cp);
            i += (size_t)k;
        } else {
            buf_add(b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
}

void term_put(FILE *f, const char *s, size_t n, term_mode mode)
{
    buf b = BUF_INIT;
    term_escape(&b, s, n, mode);
    fwrite(b.data ? b.data : "", 1, b.len, f);
    buf_free(&b);
}

void term_puts(FILE *f, const char *s, term_mode mode)
{
    if (s) term_put(f, s, strlen(s), mode);
}

const char *term_str(buf *b, const char *s, term_mode mode)
{
    buf_reset(b);
    if (s) term_escape(b, s, strlen(s), mode);
    return buf_cstr(b);
}
