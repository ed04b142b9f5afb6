/*
 * norm.c - the matching form of text; see norm.h.
 *
 * The input is walked once.  Runs of ASCII bytes take the fast path:
 * lower-cased straight into the output buffer, no utf8proc call.  Other
 * text is handled one cluster at a time: a code point plus the code
 * points after it that vanish (marks, default-ignorables) or compose
 * with it (conjoining Hangul vowels and finals).  Each code point is
 * folded (quotes, dashes, spaces: NFKC keeps those), decomposed with
 * compatibility mappings, case folding, mark stripping and ignorables
 * dropped, into a small stack buffer; the cluster is then recomposed as
 * a whole, so "e" + U+0301 and U+00E9 both give "e" and L+V+T jamo give
 * the syllable.  The result equals utf8proc_map over the whole string
 * with the same options (plus the folds), and is a fixed point.  A
 * cluster is the unit of the offset map: every output byte of a cluster
 * points at the first input byte of the code point that started it.
 *
 * No canonical reordering is done after decomposition: every code point
 * with a non-zero combining class is a mark (checked over all of Unicode
 * 15, utf8proc 2.8), and UTF8PROC_STRIPMARK removes marks, so what stays
 * in a cluster's buffer is all starters.
 */
#include "norm.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

#define NORM_DECOMPOSE (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
                        UTF8PROC_IGNORE)
#define NORM_COMPOSE (UTF8PROC_COMPOSE | UTF8PROC_STABLE)
/* Code points per cluster on the stack; the longest single decomposition
 * (U+FDFA) is 18.  Longer clusters move to a heap buffer kept for the
 * rest of the call. */
#define NORM_STACK_CPS 64

#define NORM_HIGH 0x8080808080808080ull   /* the top bit of eight bytes */

/* The end of the run of ASCII bytes of s[0..len) from i: pages are
 * mostly ASCII, so it is read eight bytes at a time. */
static size_t norm_ascii_end(const char *s, size_t i, size_t len)
{
    uint64_t w;
    while (len - i >= 8 && (memcpy(&w, s + i, 8), !(w & NORM_HIGH))) i += 8;
    while (i < len && (unsigned char)s[i] < 0x80) i++;
    return i;
}

int norm_valid_utf8(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while ((i = norm_ascii_end(s, i, len)) < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0) {
            if (bad) *bad = i;
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

/* Typographic characters NFKC leaves alone (or turns into other
 * typographic characters: U+2033 becomes two primes, U+2011 becomes
 * U+2010), folded to the ASCII a user types.  Returns cp if unchanged. */
static utf8proc_int32_t norm_fold(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x02BC: case 0xFF07:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0xFF02:
        return '"';
    case 0x2212:
        return '-';
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
        return ' ';
    }
    if (cp >= 0x2010 && cp <= 0x2015) return '-';
    if (cp >= 0x2000 && cp <= 0x200A) return ' ';
    return cp;
}

/* One norm_text call: the output, where it started, and the map. */
typedef struct norm_state {
    buf *out;
    size_t base;          /* out->len at entry */
    size_t *map;          /* NULL when no map is wanted */
    size_t map_cap;
    utf8proc_int32_t stack[NORM_STACK_CPS];
    utf8proc_int32_t *cps; /* stack, or heap once a cluster outgrew it */
    size_t cap, n;         /* capacity and fill of cps */
} norm_state;

/* Room for `entries` map entries plus the final one. */
static void norm_map_reserve(norm_state *st, size_t entries)
{
    size_t need = entries + 1;
    if (need <= st->map_cap) return;
    size_t cap = st->map_cap * 2;
    if (cap < need) cap = need;
    st->map = kb_realloc(st->map, cap * sizeof *st->map);
    st->map_cap = cap;
}

static void norm_ascii(norm_state *st, const char *s, size_t n, size_t off)
{
    buf *out = st->out;
    buf_grow(out, n);
    if (st->map) {
        norm_map_reserve(st, out->len - st->base + n);
        size_t *m = st->map + (out->len - st->base);
        for (size_t k = 0; k < n; k++) m[k] = off + k;
    }
    char *d = out->data + out->len;
    size_t k = 0;
    /* Eight bytes at a time: every byte is below 0x80, so adding 0x3f
     * sets its top bit when it is 'A' or above, adding 0x25 when it is
     * above 'Z', and no carry crosses into the next byte; the capitals'
     * top bit shifted down to 0x20 lower-cases them. */
    for (; k + 8 <= n; k += 8) {
        uint64_t x, ge, gt;
        memcpy(&x, s + k, 8);
        ge = x + 0x3f3f3f3f3f3f3f3full;
        gt = x + 0x2525252525252525ull;
        x |= (ge & ~gt & NORM_HIGH) >> 2;
        memcpy(d + k, &x, 8);
    }
    for (; k < n; k++) {
        char c = s[k];
        d[k] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
    }
    out->len += n;
    out->data[out->len] = '\0';
}

/* Append the decomposition of one code point to the cluster buffer. */
static int norm_decompose(norm_state *st, utf8proc_int32_t cp, char **err)
{
    int bound = 0;
    cp = norm_fold(cp);
    for (;;) {
        utf8proc_ssize_t r = utf8proc_decompose_char(
            cp, st->cps + st->n, (utf8proc_ssize_t)(st->cap - st->n),
            NORM_DECOMPOSE, &bound);
        if (r < 0)
            return kb_seterr(err, "cannot normalize U+%04X: %s", (unsigned)cp,
                             utf8proc_errmsg(r));
        if ((size_t)r <= st->cap - st->n) {
            for (size_t k = st->n; k < st->n + (size_t)r; k++)
                st->cps[k] = norm_fold(st->cps[k]);
            st->n += (size_t)r;
            return KB_OK;
        }
        size_t cap = st->cap * 2 > st->n + (size_t)r ? st->cap * 2
                                                     : st->n + (size_t)r;
        if (st->cps == st->stack) {
            st->cps = kb_malloc(cap * sizeof *st->cps);
            memcpy(st->cps, st->stack, st->n * sizeof *st->cps);
        } else {
            st->cps = kb_realloc(st->cps, cap * sizeof *st->cps);
        }
        st->cap = cap;
    }
}

/* Does a decomposed code point join the cluster before it?  After
 * STRIPMARK every code point left is a starter, and the only starters
 * canonical composition attaches to a preceding one are the conjoining
 * Hangul vowels and finals (L+V, LV+T). */
static int norm_joins(utf8proc_int32_t cp)
{
    return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

/* Recompose the first `count` code points of the cluster buffer, append
 * them mapped to `off`, and keep the rest for the next cluster. */
static int norm_flush(norm_state *st, size_t count, size_t off, char **err)
{
    utf8proc_ssize_t m = utf8proc_normalize_utf32(
        st->cps, (utf8proc_ssize_t)count, NORM_COMPOSE);
    if (m < 0)
        return kb_seterr(err, "cannot normalize text at byte %zu: %s", off,
                         utf8proc_errmsg(m));
    buf *out = st->out;
    buf_grow(out, 4 * (size_t)m);
    size_t start = out->len;
    for (utf8proc_ssize_t k = 0; k < m; k++) {
        utf8proc_ssize_t w = utf8proc_encode_char(
            st->cps[k], (utf8proc_uint8_t *)out->data + out->len);
        if (w <= 0)
            return kb_seterr(err, "cannot encode U+%04X at byte %zu",
                             (unsigned)st->cps[k], off);
        out->len += (size_t)w;
    }
    out->data[out->len] = '\0';
    if (st->map) {
        norm_map_reserve(st, out->len - st->base);
        for (size_t k = start; k < out->len; k++) st->map[k - st->base] = off;
    }
    memmove(st->cps, st->cps + count, (st->n - count) * sizeof *st->cps);
    st->n -= count;
    return KB_OK;
}

/* Normalize the non-ASCII run s[i..j).  A cluster is a code point that
 * yields output plus what follows it and either yields nothing (marks,
 * default-ignorables) or joins it (norm_joins).  Composition never
 * reaches across ASCII, so runs are independent. */
static int norm_run(norm_state *st, const char *s, size_t i, size_t j,
                    char **err)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t start = i;   /* first input byte of the current cluster */
    while (i < j) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(j - i),
                                              &cp);
        if (n < 0) return kb_seterr(err, "invalid UTF-8 at byte %zu", i);
        size_t before = st->n;
        if (norm_decompose(st, cp, err) != KB_OK) return KB_ERR;
        if (st->n > before) {
            if (before > 0 && !norm_joins(st->cps[before])) {
                if (norm_flush(st, before, start, err) != KB_OK) return KB_ERR;
                before = 0;
            }
            if (before == 0) start = i;
        }
        i += (size_t)n;
    }
    return norm_flush(st, st->n, start, err);
}

/* norm_text and norm_text_keep: keep says *map and *map_cap hold a map
 * buffer of the caller's to reuse (and to keep, even on error). */
static int norm_do(const char *s, size_t len, buf *out, size_t **map, size_t *map_cap, int keep, char **err)
{
    norm_state st;
    st.out = out;
    st.base = out->len;
    st.map = map && keep ? *map : NULL;
    st.map_cap = map && keep ? *map_cap : 0;
    st.cps = st.stack;
    st.cap = NORM_STACK_CPS;
    st.n = 0;
    if (map) {
        if (!keep) *map = NULL;
        norm_map_reserve(&st, len);
    }
    size_t i = 0;
    int rc = KB_OK;
    while (i < len && rc == KB_OK) {
        size_t j = norm_ascii_end(s, i, len);
        if (j > i) {
            norm_ascii(&st, s + i, j - i, i);
            i = j;
        } else {
            while (j < len && (unsigned char)s[j] >= 0x80) j++;
            rc = norm_run(&st, s, i, j, err);
            i = j;
        }
    }
    if (st.cps != st.stack) free(st.cps);
    if (rc == KB_OK && map) {
        norm_map_reserve(&st, out->len - st.base);
        st.map[out->len - st.base] = len;
    }
    if (map && keep) {
        *map = st.map;
        *map_cap = st.map_cap;
    }
    if (rc != KB_OK) {
        buf_truncate(out, st.base);
        if (!keep) free(st.map);
        return KB_ERR;
    }
    if (map) *map = st.map;
    return KB_OK;
}

int norm_text(const char *s, size_t len, buf *out, size_t **map, char **err)
{
    return norm_do(s, len, out, map, NULL, 0, err);
}

int norm_text_keep(const char *s, size_t len, buf *out, size_t **map, size_t *map_cap, char **err)
{
    return norm_do(s, len, out, map, map_cap, 1, err);
}

/* The token characters of FTS5's unicode61 by default: L*, N*, Co. */
static int norm_is_token_cp(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO:
        return 1;
    default:
        return 0;
    }
}

/* norm_char past ASCII. */
static size_t norm_char_u(const char *t, size_t len, size_t i, int *is_tok)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) {
        *is_tok = 0;
        return 1;
    }
    *is_tok = norm_is_token_cp(cp);
    return (size_t)n;
}

/* Length of the character at t[i] and whether it is a token character.
 * An invalid byte (the text should be normalized, hence valid) counts
 * as a one-byte separator.  ASCII is decided here, inline in the token
 * walk; only other characters pay for a call. */
static inline size_t norm_char(const char *t, size_t len, size_t i, int *is_tok)
{
    unsigned char c = (unsigned char)t[i];
    if (c >= 0x80) return norm_char_u(t, len, i, is_tok);
    *is_tok = (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    return 1;
}

int norm_tokens(const char *t, size_t len,
                int (*fn)(void *ctx, const char *tok, size_t n, size_t off),
                void *ctx)
{
    size_t i = 0;
    while (i < len) {
        int is_tok;
        size_t n = norm_char(t, len, i, &is_tok);
        if (!is_tok) {
            i += n;
            continue;
        }
        size_t start = i;
        i += n;
        while (i < len) {
            n = norm_char(t, len, i, &is_tok);
            if (!is_tok) break;
            i += n;
        }
        int rc = fn(ctx, t + start, i - start, start);
        if (rc) return rc;
    }
    return 0;
}

/* The end of an address whose scheme or "www." ends just before s[i]:
 * at white space, a quote or an angle bracket, and before the
 * punctuation that closes the sentence around it ("see
 * https://x.org/a."). */
static size_t norm_url_end(const char *s, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && !isspace((unsigned char)s[j]) && !strchr("\"'<>", s[j])) j++;
    while (j > i && strchr(".,;:!?)]", s[j - 1])) j--;
    return j;
}

/* The end of an emoji shortcode opening at s[i] == ':' (":rocket:",
 * ":white_check_mark:", ":t-rex:"), or i: a name of lowercase letters,
 * digits, '_', '+' and '-' with a letter, between colons that no
 * letter or digit touches on the outside ("10:30:45" is a time). */
static size_t norm_shortcode_end(const char *s, size_t i, size_t n)
{
    if (i > 0 && isalnum((unsigned char)s[i - 1])) return i;
    int letter = 0;
    for (size_t e = i + 1; e < n && e < i + 48; e++) {
        unsigned char ch = (unsigned char)s[e];
        if (ch == ':') {
            if (!letter || e == i + 1 || (e + 1 < n && isalnum((unsigned char)s[e + 1]))) return i;
            return e + 1;
        }
        if (islower(ch)) letter = 1;
        else if (!isdigit(ch) && ch != '_' && ch != '+' && ch != '-') return i;
    }
    return i;
}

/* Where the markup around s[i] ends: a Markdown link's target "(...)"
 * after "]" with any attribute list, a whole image "![alt](...)", an
 * emoji shortcode (":white_check_mark:"), a template tag ("{{ x }}",
 * "{% x %}"), an HTML tag ("<a href=...>", "</b>"), or an address
 * (s[i] the ':' of "https://", the '.' of "www."); i when there is
 * none.
 * *from: where it starts (before i for an address's scheme). */
static size_t norm_markup_end(const char *s, size_t i, size_t n, size_t *from)
{
    *from = i;
    switch (s[i]) {
    case ']': {
        if (i + 1 == n || s[i + 1] != '(') return i;
        size_t e = i + 2;
        while (e < n && s[e] != ')' && !isspace((unsigned char)s[e])) e++;
        if (e == n || s[e] != ')') return i;
        *from = i + 1;
        e++;
        /* an attribute list right after it: "{.wide}", "{width=50%}" */
        if (e < n && s[e] == '{')
            for (size_t b = e + 1; b < n && b < e + 256 && s[b] != '\n' && s[b] != '{'; b++)
                if (s[b] == '}') { e = b + 1; break; }
        /* an image's alt text describes a picture: no prose of the page */
        for (size_t b = i; b > 0 && i - b < 1024 && s[b - 1] != '\n'; b--)
            if (s[b - 1] == '[') {
                if (b > 1 && s[b - 2] == '!') *from = b - 2;
                break;
            }
        return e;
    }
    case '{': {
        /* a template tag: "{{ page.title }}", "{% include x.html %}" */
        if (i + 1 == n || (s[i + 1] != '{' && s[i + 1] != '%')) return i;
        char close = s[i + 1] == '%' ? '%' : '}';
        for (size_t e = i + 2; e + 1 < n && e < i + 512 && s[e] != '\n'; e++)
            if (s[e] == close && s[e + 1] == '}') return e + 2;
        return i;
    }
    case '<':
        if (i + 1 == n || !(isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) return i;
        for (size_t e = i + 1; e < n && e < i + 1024 && s[e] != '<'; e++)
            if (s[e] == '>') return e + 1;
        return i;
    case ':': {
        if (i + 1 < n && (islower((unsigned char)s[i + 1]) || isdigit((unsigned char)s[i + 1])))
            return norm_shortcode_end(s, i, n);
        if (n - i < 4 || s[i + 1] != '/' || s[i + 2] != '/') return i;
        size_t a = i;
        while (a > 0 && isalpha((unsigned char)s[a - 1])) a--;
        if (a == i || (a > 0 && isalnum((unsigned char)s[a - 1]))) return i;
        *from = a;
        return norm_url_end(s, i, n);
    }
    case '.':
        if (i < 3 || memcmp(s + i - 3, "www", 3) != 0 || (i > 3 && isalnum((unsigned char)s[i - 4])) || i + 1 == n ||
            !isalnum((unsigned char)s[i + 1]))
            return i;
        *from = i - 3;
        return norm_url_end(s, i, n);
    default:
        return i;
    }
}

void norm_blank_markup(char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* markup is found at one of these */
        switch (s[i]) {
        case ']': case '<': case ':': case '.': case '{': break;
        default: i++; continue;
        }
        size_t a, e = norm_markup_end(s, i, n, &a);
        if (e > i) {
            memset(s + a, ' ', e - a);
            i = e;
        } else {
            i++;
        }
    }
}

int norm_has_words(const char *s, size_t n)
{
    char small[512];
    char *b = n <= sizeof small ? small : kb_malloc(n);
    memcpy(b, s, n);
    norm_blank_markup(b, n);
    int found = 0;
    for (size_t i = 0; i < n && !found;) {
        unsigned char c = (unsigned char)b[i];
        if (c < 0x80) {
            found = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t w = utf8proc_iterate((const utf8proc_uint8_t *)b + i, (utf8proc_ssize_t)(n - i), &cp);
        found = w > 0 && norm_is_token_cp(cp);
        i += w > 0 ? (size_t)w : 1;
    }
    if (b != small) free(b);
    return found;
}
