/*
 * norm.h - the matching form of text.
 *
 * kb never registers its own FTS5 tokenizer (other SQLite clients could
 * not read the index).  Instead every text is normalized here before it
 * reaches FTS5's built-in "porter unicode61 remove_diacritics 2", and
 * every query goes through the same function, so both sides meet:
 *   - NFKC compatibility folding, Unicode case folding, marks stripped
 *     (utf8proc), default-ignorable code points (soft hyphen, zero-width
 *     space) dropped;
 *   - typographic apostrophes and quotes folded to ' and " (NFKC keeps
 *     them), dashes and minus signs folded to '-';
 *   - an ASCII fast path: bytes < 0x80 are only lower-cased.
 * Porter stemming is left to FTS5.
 */
#ifndef KB_NORM_H
#define KB_NORM_H

#include <stddef.h>

#include "buf.h"

/* Is s[0..len) valid UTF-8?  Returns 1 if so; else 0 and, if bad is not
 * NULL, the offset of the first invalid byte. */
int norm_valid_utf8(const char *s, size_t len, size_t *bad);

/* Append the matching form of s[0..len) to out.  If map is not NULL,
 * *map receives a malloc'd array of out->len + 1 entries (relative to
 * the out->len at entry): for each output byte, the offset in s of the
 * input character it came from; the last entry is len.  Caller frees.
 * The map is non-decreasing and each entry is the first byte of a
 * character; an ASCII byte maps to itself.  Characters that vanish
 * (marks, soft hyphens) own no output byte: a highlight that ends at
 * output byte k ends at input map[k].
 * Invalid UTF-8 is an error (KB_ERR, "invalid UTF-8 at byte N"); on
 * error out is left as it was and *map is NULL. */
int norm_text(const char *s, size_t len, buf *out, size_t **map, char **err);

/* norm_text for callers that normalize text after text: the map goes
 * into a buffer they keep, *map (NULL, or malloc'd with *map_cap
 * entries), grown here as needed and never freed here, so that a run
 * costs no allocation per text.  The caller frees *map after its last
 * call.  On error the buffer is kept and its contents are undefined. */
int norm_text_keep(const char *s, size_t len, buf *out, size_t **map, size_t *map_cap, char **err);

/* Call fn for every token of normalized text t[0..len) as FTS5's
 * unicode61 tokenizer splits it: maximal runs of letters, numbers and
 * private-use characters.  fn gets the token's offset and length; a
 * non-zero return stops the walk and is returned. */
int norm_tokens(const char *t, size_t len,
                int (*fn)(void *ctx, const char *tok, size_t n, size_t off),
                void *ctx);

/* Blank the markup in text s[0..n) in place: addresses (a bare URL,
 * a Markdown link's target in "[text](target){attributes}"), images
 * ("![alt](target)"), template tags ("{{ page.title }}", "{% raw %}"),
 * emoji shortcodes (":white_check_mark:") and inline HTML tags
 * are no prose, and the words in them ("docs", "href", a product's
 * domain name) belong to no claim.  Offsets do not move. */
void norm_blank_markup(char *s, size_t n);

/* Does s[0..n) say anything: a letter or number (a token character)
 * outside its markup?  Not an emoji alone, not an image alone. */
int norm_has_words(const char *s, size_t n);

#endif
