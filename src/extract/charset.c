/*
 * charset.c - encoding detection and conversion to UTF-8; see charset.h
 * for the decision and the contract.
 *
 * How it works: charset_detect looks at a BOM, then checks for NULs,
 * then classifies the declared name by three small tables, and lets one
 * UTF-8 validity scan settle the rest.  Whether an unlisted name can be
 * decoded is asked of libxml2, the parser that will decode it for HTML,
 * so a name is "known" exactly when the parser can use it.
 * charset_to_utf8 converts UTF-8, UTF-16 and windows-1252 itself (they
 * are nearly all of the web and need no tables beyond 32 entries) and
 * hands any other encoding to iconv.
 */
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <libxml/encoding.h>

#include "norm.h"
#include "util.h"

#define CHARSET_NUL_WINDOW 8192   /* a NUL this early means binary */
#define CHARSET_META_WINDOW 1024  /* where <meta charset> must be */

/* Names read here rather than by libxml2.  A declaration is read as
 * ASCII, so one naming UTF-16 or UTF-32 is wrong about itself (HTML5
 * reads such pages as UTF-8): it counts as no declaration. */
static const char *const charset_utf8_names[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", NULL};
static const char *const charset_1252_names[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
    "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", NULL};
static const char *const charset_bogus_names[] = {
    "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be", NULL};

/* windows-1252 0x80..0x9F.  The five unassigned bytes become U+FFFD
 * rather than the C1 controls WHATWG maps them to: they mean the text was
 * in some other encoding, and controls do not belong in stored text. */
static const unsigned short charset_1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static int charset_in(const char *s, const char *const *list)
{
    size_t n = strlen(s);
    for (size_t i = 0; list[i]; i++)
        if (kb_ascii_ieq(s, n, list[i])) return 1;
    return 0;
}

static void charset_set(charset_info *out, charset_kind kind, const char *name)
{
    out->kind = kind;
    size_t n = strlen(name);
    if (n >= sizeof out->name) n = sizeof out->name - 1;
    memcpy(out->name, name, n);
    out->name[n] = '\0';
}

size_t charset_bom(const char *data, size_t len, charset_kind *kind)
{
    const unsigned char *u = (const unsigned char *)data;
    *kind = CHARSET_UTF8;
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *kind = CHARSET_UTF16LE;
        return 2;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *kind = CHARSET_UTF16BE;
        return 2;
    }
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return 3;
    return 0;
}

size_t charset_head(const char *data, size_t len, char *out, size_t outsz)
{
    const unsigned char *u = (const unsigned char *)data;
    charset_kind kind;
    size_t i = charset_bom(data, len, &kind), n = 0;

    if (kind == CHARSET_UTF8) {
        for (; i < len && n < outsz; i++) out[n++] = data[i];
        return n;
    }
    int le = kind == CHARSET_UTF16LE;
    for (; i + 1 < len && n < outsz; i += 2)
        out[n++] = u[i + le] ? '?' : (char)u[i + !le];
    return n;
}

int charset_detect(const char *data, size_t len, const char *declared,
                   charset_info *out, char **err)
{
    enum { D_NONE, D_UTF8, D_1252, D_OTHER } decl = D_NONE;
    charset_kind bom_kind;
    size_t bad = 0;

    memset(out, 0, sizeof *out);
    charset_set(out, CHARSET_UTF8, "UTF-8");
    out->bom = charset_bom(data, len, &bom_kind);
    if (bom_kind != CHARSET_UTF8) { /* UTF-16 is full of NULs: no check */
        charset_set(out, bom_kind, bom_kind == CHARSET_UTF16LE ? "UTF-16LE" : "UTF-16BE");
        return KB_OK;
    }
    const char *nul = memchr(data, '\0', len < CHARSET_NUL_WINDOW ? len : CHARSET_NUL_WINDOW);
    if (nul) return kb_seterr(err, "looks binary (NUL byte at offset %zu)", (size_t)(nul - data));

    if (out->bom) {
        decl = D_UTF8;
    } else if (declared && strlen(declared) < CHARSET_NAME_MAX) {
        if (charset_in(declared, charset_utf8_names)) {
            decl = D_UTF8;
        } else if (charset_in(declared, charset_1252_names)) {
            /* acts as no declaration, but must not reach libxml2, whose
             * Latin-1 turns 0x80..0x9F into C1 controls */
            decl = D_1252;
        } else if (!charset_in(declared, charset_bogus_names)) {
            xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(declared);
            if (h) {
                decl = D_OTHER;
                xmlCharEncCloseFunc(h);
            }
        }
    }

    const char *p = data + out->bom;
    size_t n = len - out->bom;
    int valid = norm_valid_utf8(p, n, &bad), ascii = 1;
    for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)p[i] < 0x80;
    if (decl == D_UTF8 && !valid)
        return kb_seterr(err, "declares UTF-8 but is not valid UTF-8 (byte %zu)", bad + out->bom);
    if (decl == D_OTHER && (!valid || ascii))
        charset_set(out, CHARSET_OTHER, declared);
    else if (!valid)
        charset_set(out, CHARSET_WINDOWS1252, "windows-1252");
    return KB_OK;
}

int charset_meta(const char *data, size_t len, char *out, size_t outsz)
{
    const char *s = data;
    size_t n = len < CHARSET_META_WINDOW ? len : CHARSET_META_WINDOW;

    /* any "charset=" inside a <meta ...> tag: covers both <meta charset=x>
     * and content="text/html; charset=x" */
    for (size_t i = 0; i + 6 < n; i++) {
        if (s[i] != '<' || !kb_ascii_ieq(s + i + 1, 4, "meta") ||
            !(isspace((unsigned char)s[i + 5]) || s[i + 5] == '/'))
            continue;
        size_t end = i + 5;
        while (end < n && s[end] != '>') end++;
        for (size_t j = i + 5; j + 7 <= end; j++) {
            if (!kb_ascii_ieq(s + j, 7, "charset")) continue;
            size_t k = j + 7;
            while (k < end && isspace((unsigned char)s[k])) k++;
            if (k >= end || s[k] != '=') continue;
            k++;
            while (k < end && (isspace((unsigned char)s[k]) || s[k] == '"' || s[k] == '\''))
                k++;
            size_t v = k;
            while (k < end && s[k] && (isalnum((unsigned char)s[k]) || strchr("-_.:", s[k])))
                k++;
            if (k > v && k - v < outsz) {
                memcpy(out, s + v, k - v);
                out[k - v] = '\0';
                return 1;
            }
        }
        i = end;
    }
    return 0;
}

/* ---- conversion ------------------------------------------------------- */

static void charset_put(buf *out, unsigned c)
{
    if (c < 0x80) {
        buf_addc(out, (int)c);
        return;
    }
    if (c < 0x800) {
        buf_addc(out, (int)(0xC0 | c >> 6));
    } else if (c < 0x10000) {
        buf_addc(out, (int)(0xE0 | c >> 12));
        buf_addc(out, (int)(0x80 | (c >> 6 & 0x3F)));
    } else {
        buf_addc(out, (int)(0xF0 | c >> 18));
        buf_addc(out, (int)(0x80 | (c >> 12 & 0x3F)));
        buf_addc(out, (int)(0x80 | (c >> 6 & 0x3F)));
    }
    buf_addc(out, (int)(0x80 | (c & 0x3F)));
}

static void charset_from_1252(const char *s, size_t n, buf *out)
{
    buf_grow(out, n + n / 4);
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        charset_put(out, c >= 0x80 && c < 0xA0 ? charset_1252_high[c - 0x80] : c);
    }
}

/* s[0..n) is data + base: offsets in messages count from data. */
static int charset_from_utf16(const char *s, size_t n, int le, size_t base,
                              buf *out, char **err)
{
    const unsigned char *u = (const unsigned char *)s;
    buf_grow(out, n + n / 2);
    for (size_t i = 0; i < n; i += 2) {
        if (i + 1 == n)
            return kb_seterr(err, "is not valid UTF-16%s (odd byte at %zu)", le ? "LE" : "BE",
                             base + i);
        unsigned c = le ? (unsigned)(u[i] | u[i + 1] << 8) : (unsigned)(u[i] << 8 | u[i + 1]);
        if (c >= 0xD800 && c < 0xE000) {
            unsigned lo = 0;
            if (c < 0xDC00 && i + 3 < n)
                lo = le ? (unsigned)(u[i + 2] | u[i + 3] << 8) : (unsigned)(u[i + 2] << 8 | u[i + 3]);
            if (lo < 0xDC00 || lo >= 0xE000)
                return kb_seterr(err, "is not valid UTF-16%s (lone surrogate at byte %zu)",
                                 le ? "LE" : "BE", base + i);
            c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        }
        charset_put(out, c);
    }
    return KB_OK;
}

static int charset_iconv(const char *s, size_t n, const char *name, size_t base,
                         buf *out, char **err)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) return kb_seterr(err, "cannot convert from %s", name);
    char *in = (char *)s;   /* iconv's prototype lacks the const */
    size_t left = n;
    int rc = KB_OK, flush = 0;
    for (;;) {
        buf_grow(out, left * 2 + 16);
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        /* once the input is used up, one more call with NULL input puts
         * the converter back in its initial state and writes what that
         * takes, as POSIX asks (nothing, for UTF-8 output) */
        size_t r = flush ? iconv(cd, NULL, NULL, &o, &room) : iconv(cd, &in, &left, &o, &room);
        int e = errno;
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r == (size_t)-1 && e == E2BIG) continue;
        if (r == (size_t)-1) { /* EILSEQ, or EINVAL: cut short at the end */
            rc = kb_seterr(err, "is not valid %s (byte %zu)", name, base + (size_t)(in - s));
            break;
        }
        if (flush) break;
        flush = 1;
    }
    iconv_close(cd);
    return rc;
}

int charset_to_utf8(const char *data, size_t len, const charset_info *cs,
                    buf *out, char **err)
{
    size_t skip = cs->bom <= len ? cs->bom : len, bad = 0, keep = out->len;
    const char *p = data + skip;
    size_t n = len - skip;
    int rc = KB_OK;

    switch (cs->kind) {
    case CHARSET_UTF8:
        if (!norm_valid_utf8(p, n, &bad))
            return kb_seterr(err, "is not valid UTF-8 (byte %zu)", bad + skip);
        buf_add(out, p, n);
        break;
    case CHARSET_WINDOWS1252:
        charset_from_1252(p, n, out);
        break;
    case CHARSET_UTF16LE:
    case CHARSET_UTF16BE:
        rc = charset_from_utf16(p, n, cs->kind == CHARSET_UTF16LE, skip, out, err);
        break;
    case CHARSET_OTHER:
        rc = charset_iconv(p, n, cs->name, skip, out, err);
        break;
    }
    if (rc != KB_OK) buf_truncate(out, keep);
    return rc;
}
