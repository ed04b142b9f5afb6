/*
 * charset.h - which character encoding a document's bytes are in, and
 * their conversion to UTF-8.
 *
 * Extractors decide the encoding themselves rather than trust a parser's
 * guess (libxml2 can switch to Latin-1 halfway through a page).  The
 * decision, in order:
 *   1. a byte-order mark: UTF-8, UTF-16LE or UTF-16BE, whatever else is
 *      declared;
 *   2. a NUL byte in the first 8 KB of anything but UTF-16 means the
 *      file is binary: an error;
 *   3. a declared charset (from an HTML <meta>, charset_meta(), or from
 *      the caller: a header, a sidecar, an option):
 *        - UTF-8: the bytes must be valid UTF-8, else an error naming
 *          the byte offset (counted from the start of data, BOM included);
 *        - windows-1252, and Latin-1 and ASCII which browsers read as
 *          windows-1252: used if the bytes are not valid UTF-8;
 *        - UTF-16 or UTF-32 without a BOM: ignored (a declaration read
 *          as ASCII cannot be about UTF-16 bytes; HTML5 does the same);
 *        - another encoding libxml2 can decode (through iconv): used if
 *          the bytes are not valid UTF-8, or are plain ASCII;
 *        - an unknown name: ignored;
 *   4. UTF-8 if the bytes are valid UTF-8, else windows-1252.
 * Bytes that are valid UTF-8 and not plain ASCII are read as UTF-8 even
 * if a legacy charset is declared: a stale declaration (a saved page
 * whose server said UTF-8) is far likelier than legacy text that happens
 * to form valid UTF-8 sequences.
 *
 * Errors follow util.h: KB_OK, or KB_ERR with a message in *err.
 */
#ifndef KB_CHARSET_H
#define KB_CHARSET_H

#include <stddef.h>

#include "buf.h"

typedef enum charset_kind {
    CHARSET_UTF8,
    CHARSET_UTF16LE,
    CHARSET_UTF16BE,
    CHARSET_WINDOWS1252,
    CHARSET_OTHER       /* a declared encoding, named in charset_info.name */
} charset_kind;

/* Longest charset name kept, NUL included; no real name comes close. */
#define CHARSET_NAME_MAX 48

/* What charset_detect decided; a caller that knows the encoding (a
 * user's option) may fill one in for charset_to_utf8 itself. */
typedef struct charset_info {
    charset_kind kind;
    size_t bom;                   /* bytes of byte-order mark to skip */
    /* "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", or for
     * CHARSET_OTHER the declared name as given: fit for libxml2 or iconv */
    char name[CHARSET_NAME_MAX];
} charset_info;

/* Decide the encoding of data[0..len) as above.  declared is a charset
 * name or NULL (case does not matter).  On KB_OK *out says how to read
 * the bytes; on KB_ERR (binary, or declared UTF-8 that is not) *out is
 * unspecified. */
int charset_detect(const char *data, size_t len, const char *declared,
                   charset_info *out, char **err);

/* The length of the byte-order mark at data (0, 2 or 3); *kind is set to
 * what it announces (CHARSET_UTF8 when there is none). */
size_t charset_bom(const char *data, size_t len, charset_kind *kind);

/* The start of data as one byte a character, for sniffing a file's type
 * whatever its encoding: the BOM skipped; after a UTF-16 BOM each unit
 * becomes its low byte if below 0x100, else '?'; otherwise byte for
 * byte.  Writes at most outsz bytes to out (no NUL added); returns how
 * many. */
size_t charset_head(const char *data, size_t len, char *out, size_t outsz);

/* The HTML prescan: the charset named by a <meta charset=...> or a
 * <meta http-equiv="Content-Type" content="...; charset=..."> within the
 * first 1024 bytes of data[0..len).  Quotes, white space and case around
 * the name are tolerated; "charset=" anywhere inside a <meta> tag counts,
 * and a tag cut by the 1024-byte limit yields what precedes the cut.
 * Returns 1 and copies the name into out[0..outsz) (NUL-terminated) if
 * one was found and fits; else 0. */
int charset_meta(const char *data, size_t len, char *out, size_t outsz);

/* Append data[0..len), read as cs says (its BOM skipped), to out as
 * UTF-8.  The caller owns out (free with buf_free()).  windows-1252
 * bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, unassigned there, become U+FFFD.
 * NUL bytes pass through: refusing binary is charset_detect's job.
 * Errors (KB_ERR, out left as it was): bytes that are not valid in the
 * encoding (invalid UTF-8, a lone UTF-16 surrogate or odd trailing byte,
 * what iconv rejects; the message gives the byte offset from the start
 * of data), or a CHARSET_OTHER name iconv does not know. */
int charset_to_utf8(const char *data, size_t len, const charset_info *cs,
                    buf *out, char **err);

#endif
