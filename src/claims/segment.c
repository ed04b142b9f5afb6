/*
 * segment.c - sentences, table cells and the prose comments of code
 * (segment.h).
 *
 * seg_sentences makes one pass over the text.  Only a run of . ! ? or
 * "…" followed by white space can end a sentence, so dotted names
 * ("Node.js", "ASP.NET"), versions ("12.6.0"), decimals and URLs never
 * come up for a decision.  At such a candidate the run's kind, the word
 * before it and the first character of what follows decide:
 *   - "!" / "?": an end unless a lower-case letter follows;
 *   - an ellipsis ("..." or "…"): an end before a capital, a digit, a
 *     quote; not before a lower-case word ("wait... then");
 *   - a single period: not an end after an abbreviation from the list
 *     (each with its class: never / before a capital / unless a number
 *     follows), after a capital initial ("J. Smith", "J.R.R."), or after
 *     a list number ("1.") at the start of a sentence or after a colon
 *     ("the criteria are: 1. Speed 2. Syntax").  Otherwise it is an end,
 *     even before a lower-case word: product names such as "pip" and
 *     "npm" start sentences in technical text.
 * Closing quotes and brackets after the punctuation stay with the
 * sentence.  Each candidate looks back only as far as the white space
 * before it and forward only over the white space after it, so the walk
 * is linear, and it allocates nothing.
 *
 * The abbreviation list is an object the caller builds once
 * (seg_abbrevs_new) and passes in: a table of (pointer, length, class)
 * entries pointing into its own copy of the list text, never changed
 * after it is built, so one list serves any number of threads.
 */
#include "segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "embed.h"
#include "util.h"

#define SEG_ABBR_LEN 32     /* longest abbreviation, bytes */

enum { SEG_NEVER = 0, SEG_END, SEG_NUM };   /* abbreviation classes */

typedef struct seg_abbr {
    const char *s;   /* lower case, with the final period */
    unsigned char n;
    unsigned char cls;
} seg_abbr;

struct seg_abbrevs {
    seg_abbr *tab;
    size_t n;
    char *text;      /* the list's text, which tab points into */
};

/* Parse a->text[0..len) into a->tab, or set *err naming the line. */
static int seg_parse(seg_abbrevs *a, size_t len, char **err)
{
    const char *list = a->text;
    size_t cap = 0, line = 0, i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && list[e] != '\n') e++;
        line++;
        size_t l = e - i;
        const char *s = kb_trim(list + i, &l);
        i = e + 1;
        if (l == 0 || s[0] == '#') continue;
        size_t w = 0;
        while (w < l && s[w] != ' ' && s[w] != '\t') w++;
        size_t cl = l - w;
        const char *c = kb_trim(s + w, &cl);
        int cls = SEG_NEVER;
        if (cl && kb_ascii_ieq(c, cl, "end")) cls = SEG_END;
        else if (cl && kb_ascii_ieq(c, cl, "num")) cls = SEG_NUM;
        else if (cl)
            return kb_seterr(err, "abbreviations line %zu: unknown class \"%.*s\""
                             " (want \"end\" or \"num\")", line, (int)cl, c);
        if (s[w - 1] != '.' || w < 2)
            return kb_seterr(err, "abbreviations line %zu: \"%.*s\" does not end"
                             " with a period", line, (int)w, s);
        if (w > SEG_ABBR_LEN)
            return kb_seterr(err, "abbreviations line %zu: longer than %d bytes",
                             line, SEG_ABBR_LEN);
        if (a->n == cap) {
            cap = cap ? 2 * cap : 128;
            a->tab = kb_realloc(a->tab, cap * sizeof *a->tab);
        }
        a->tab[a->n].s = s;
        a->tab[a->n].n = (unsigned char)w;
        a->tab[a->n].cls = (unsigned char)cls;
        a->n++;
    }
    return KB_OK;
}

int seg_abbrevs_new(const char *list, size_t len, seg_abbrevs **out, char **err)
{
    *out = NULL;
    if (!list) {
        list = embed_abbreviations;
        len = strlen(embed_abbreviations);
    }
    seg_abbrevs *a = kb_calloc(1, sizeof *a);
    a->text = kb_strndup(list, len);
    if (seg_parse(a, len, err) != KB_OK) {
        seg_abbrevs_free(a);
        return KB_ERR;
    }
    *out = a;
    return KB_OK;
}

void seg_abbrevs_free(seg_abbrevs *a)
{
    if (!a) return;
    free(a->tab);
    free(a->text);
    free(a);
}

/* The class of word[0..n) + "." in the list, or -1 if not listed. */
static int seg_abbr_class(const seg_abbrevs *abbr, const char *word, size_t n)
{
    if (!abbr || n == 0 || n + 1 > SEG_ABBR_LEN) return -1;
    for (size_t k = 0; k < abbr->n; k++) {
        const seg_abbr *a = &abbr->tab[k];
        if (a->n != n + 1) continue;
        size_t j = 0;
        while (j < n) {
            unsigned char c = (unsigned char)word[j];
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
            if (c != (unsigned char)a->s[j]) break;
            j++;
        }
        if (j == n) return a->cls;
    }
    return -1;
}

/* Width of the white space character at t[i] (ASCII, no-break and the
 * Unicode spaces), or 0. */
static size_t seg_space(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < len) {
        unsigned char c1 = (unsigned char)t[i + 1], c2 = (unsigned char)t[i + 2];
        if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF || c2 == 0xA8 || c2 == 0xA9))
            return 3;
        if (c1 == 0x81 && c2 == 0x9F) return 3;
    }
    if (c == 0xE3 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
        (unsigned char)t[i + 2] == 0x80)
        return 3;
    return 0;
}

static size_t seg_skip_space(const char *t, size_t len, size_t i)
{
    size_t w;
    while (i < len && (w = seg_space(t, len, i)) > 0) i += w;
    return i;
}

static int seg_is_ellipsis(const char *t, size_t len, size_t i)
{
    return i + 2 < len && (unsigned char)t[i] == 0xE2 &&
           (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0xA6;
}

/* Width of a closing quote or bracket at t[i], or 0.  ASCII quotes
 * count: right after end punctuation a quote can only be closing. */
static size_t seg_closer(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '*' ||
        c == '_')
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xBB) return 2; /* » */
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        unsigned char c2 = (unsigned char)t[i + 2];
        if (c2 == 0x99 || c2 == 0x9D || c2 == 0xBA) return 3;   /* ’ ” › */
    }
    return 0;
}

/* Width of an opening quote or bracket at t[i], or 0. */
static size_t seg_opener(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{') return 1;
    if (c == 0xC2 && i + 1 < len &&
        ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBF ||
         (unsigned char)t[i + 1] == 0xA1))
        return 2;   /* « ¿ ¡ */
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        unsigned char c2 = (unsigned char)t[i + 2];
        if (c2 == 0x98 || c2 == 0x9C || c2 == 0xB9) return 3;   /* ‘ “ ‹ */
    }
    return 0;
}

/* What starts at t[m]: how the next sentence would begin. */
enum { SEG_START_NO = 0, SEG_START_LOWER, SEG_START_CAPITAL, SEG_START_DIGIT,
       SEG_START_OTHER };

static int seg_start(const char *t, size_t len, size_t m)
{
    size_t w;
    int quoted = 0;
    while (m < len && (w = seg_opener(t, len, m)) > 0) {
        m += w;
        quoted = 1;
    }
    if (m >= len) return SEG_START_OTHER;
    unsigned char c = (unsigned char)t[m];
    if (c >= 'a' && c <= 'z') return SEG_START_LOWER;
    if (c >= 'A' && c <= 'Z') return SEG_START_CAPITAL;
    if (c >= '0' && c <= '9') return SEG_START_DIGIT;
    if (c < 0x80) {
        if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' ||
            c == '.')
            return SEG_START_NO;
        return quoted ? SEG_START_CAPITAL : SEG_START_OTHER;
    }
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)t + m, (utf8proc_ssize_t)(len - m),
                         &cp) < 0)
        return SEG_START_OTHER;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL: return SEG_START_LOWER;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return SEG_START_CAPITAL;
    case UTF8PROC_CATEGORY_ND: return SEG_START_DIGIT;
    default: return SEG_START_OTHER;
    }
}

/* Is w[0..n) dotted initials: "U.S", "J.R.R" (single letters joined by
 * periods, the first a capital)? */
static int seg_initials(const char *w, size_t n)
{
    if (n < 3 || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    for (size_t k = 0; k < n; k++) {
        int letter = (w[k] >= 'A' && w[k] <= 'Z') || (w[k] >= 'a' && w[k] <= 'z');
        if (k % 2 == 0 ? !letter : w[k] != '.') return 0;
    }
    return n % 2 == 1;
}

static int seg_all_digits(const char *w, size_t n)
{
    if (n == 0) return 0;
    for (size_t k = 0; k < n; k++)
        if (w[k] < '0' || w[k] > '9') return 0;
    return 1;
}

/* Does the single period at t[p] end a sentence?  sent is where the
 * sentence began, colon whether it has had a ": ", next what follows. */
static int seg_period_ends(const seg_abbrevs *abbr, const char *t, size_t len, size_t sent,
                           size_t p, int colon, int next)
{
    size_t b = p;
    while (b > sent && !seg_space(t, len, b - 1) &&
           !(b >= sent + 2 && seg_space(t, len, b - 2) == 2) &&
           !(b >= sent + 3 && seg_space(t, len, b - 3) == 3))
        b--;
    /* drop opening quotes and brackets before the word, and the
     * backslash of one Markdown escapes ("\(e.g. ...") */
    size_t w;
    for (;;) {
        size_t esc = b + 1 < p && t[b] == '\\';
        if (b + esc >= p || (w = seg_opener(t, len, b + esc)) == 0) break;
        b += esc + w;
    }
    const char *word = t + b;
    size_t n = p - b;
    /* "J. Smith"; but the pronoun ends sentences ("... than I. Then") */
    if (n == 1 && word[0] >= 'A' && word[0] <= 'Z' && word[0] != 'I') return 0;
    int cls = seg_abbr_class(abbr, word, n);
    if (cls == SEG_NEVER) return 0;
    if (cls == SEG_END) return next == SEG_START_CAPITAL || next == SEG_START_OTHER;
    if (cls == SEG_NUM) return next != SEG_START_DIGIT;
    if (seg_initials(word, n)) return 0;
    /* "1." opening a sentence or following a colon is a list number */
    if (n <= 2 && seg_all_digits(word, n) && (b == sent || colon)) return 0;
    return 1;
}

int seg_sentences(const seg_abbrevs *abbr, const char *text, size_t len, seg_fn fn, void *ctx)
{
    size_t start = seg_skip_space(text, len, 0);
    size_t i = start;
    int colon = 0;
    /* the bytes that can matter below: . ! ? : and the first of "…" */
    static const unsigned char cand[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [0xE2] = 1};
    while (i < len) {
        while (i < len && !cand[(unsigned char)text[i]]) i++;   /* most bytes */
        if (i >= len) break;
        unsigned char c = (unsigned char)text[i];
        int ell = seg_is_ellipsis(text, len, i);
        if (c == ':' && i + 1 < len && seg_space(text, len, i + 1)) colon = 1;
        if (c != '.' && c != '!' && c != '?' && !ell) {
            i++;
            continue;
        }
        /* the run of end punctuation */
        size_t j = i, dots = 0;
        int bang = 0, ellipsis = 0;
        for (;;) {
            if (j < len && (text[j] == '!' || text[j] == '?')) { bang = 1; j++; }
            else if (j < len && text[j] == '.') { dots++; j++; }
            else if (seg_is_ellipsis(text, len, j)) { ellipsis = 1; j += 3; }
            else break;
        }
        if (dots >= 2) ellipsis = 1;
        size_t k = j, w;
        while (k < len && (w = seg_closer(text, len, k)) > 0) k += w;
        if (k >= len || !seg_space(text, len, k)) {
            i = j;   /* "Node.js", "3.8", "example.com/a.html", end of text */
            continue;
        }
        size_t m = seg_skip_space(text, len, k);
        if (m >= len) break;
        int next = seg_start(text, len, m);
        int end;
        if (next == SEG_START_NO) end = 0;
        /* '"It works." he said' and "(see below.) then": the quote or
         * bracket closed, the sentence goes on */
        else if (bang || ellipsis || k > j) end = next != SEG_START_LOWER;
        else end = seg_period_ends(abbr, text, len, start, i, colon, next);
        if (end) {
            int rc = fn(ctx, start, k);
            if (rc) return rc;
            start = i = m;
            colon = 0;
        } else {
            i = k;
        }
    }
    /* the last sentence, trimmed of trailing white space */
    size_t e = len;
    while (e > start) {
        size_t w = 0;
        if (seg_space(text, len, e - 1)) w = 1;
        else if (e >= start + 2 && seg_space(text, len, e - 2) == 2) w = 2;
        else if (e >= start + 3 && seg_space(text, len, e - 3) == 3) w = 3;
        if (!w) break;
        e -= w;
    }
    if (e > start) return fn(ctx, start, e);
    return 0;
}

/* Trim white space from [*s, *e) of row. */
static void seg_trim_range(const char *row, size_t len, size_t *s, size_t *e)
{
    size_t w;
    while (*s < *e && (w = seg_space(row, len, *s)) > 0 && *s + w <= *e) *s += w;
    while (*e > *s) {
        if (seg_space(row, len, *e - 1)) *e -= 1;
        else if (*e >= *s + 2 && seg_space(row, len, *e - 2) == 2) *e -= 2;
        else if (*e >= *s + 3 && seg_space(row, len, *e - 3) == 3) *e -= 3;
        else break;
    }
}

/* The cells of a row of an HTML table written into Markdown ("<tr>
 * <td>a</td> <td>b</td> </tr>"): each th or td's content, up to its
 * closing tag or the next cell. */
static size_t seg_html_cells(const char *row, size_t len, size_t *starts, size_t *ends, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (kb_html_tag_at(row, len, i, "td") != 1 && kb_html_tag_at(row, len, i, "th") != 1) continue;
        const char *gt = memchr(row + i, '>', len - i);
        if (!gt) break;
        size_t cs = (size_t)(gt - row) + 1, ce = cs;
        while (ce < len && !kb_html_tag_at(row, len, ce, "td") && !kb_html_tag_at(row, len, ce, "th") &&
               !kb_html_tag_at(row, len, ce, "tr"))
            ce++;
        i = ce - 1;
        seg_trim_range(row, len, &cs, &ce);
        if (n < max) {
            starts[n] = cs;
            ends[n] = ce;
        }
        n++;
    }
    return n;
}

size_t seg_cells(const char *row, size_t len, size_t *starts, size_t *ends, size_t max)
{
    size_t s = 0, e = len;
    seg_trim_range(row, len, &s, &e);
    if (s == e) return 0;
    if (kb_html_tag_at(row, len, s, "tr") == 1) return seg_html_cells(row, len, starts, ends, max);
    if (row[s] == '|') s++;
    if (e > s && row[e - 1] == '|' && !(e - 1 > s && row[e - 2] == '\\')) e--;
    size_t n = 0, cell = s;
    for (size_t i = s; i <= e; i++) {
        /* "\|" is a pipe inside a cell (Markdown's escape) */
        if (i < e && (row[i] != '|' || (i > s && row[i - 1] == '\\'))) continue;
        size_t cs = cell, ce = i;
        seg_trim_range(row, len, &cs, &ce);
        if (n < max) {
            starts[n] = cs;
            ends[n] = ce;
        }
        n++;
        cell = i + 1;
    }
    return n;
}

/* The comments of a code block that are prose: a writer's "//
 * Parallel execution requires Cypress Cloud (paid)" or "--
 * PostgreSQL checks this constraint at commit" states a claim as a
 * sentence does, while the code around it and a commented-out command
 * ("# npx cypress run --browser chrome") state none (segment.h). */

#define SEG_COMMENT_WORDS 3

/* The length of the comment marker at s[0..n) and the space after it,
 * or 0 when the line is no comment. */
static size_t seg_code_marker(const char *s, size_t n)
{
    static const char *const marks[] = {"//", "/*", "--", "#", "*"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i]);
        if (n > m && memcmp(s, marks[i], m) == 0 && seg_space(s, n, m) == 1) return m + 1;
    }
    return 0;
}

/* Is s[0..n) prose: words, not code? */
static int seg_code_prose(const char *s, size_t n)
{
    size_t words = 0;
    if (!n || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (strchr("=;{}<>`$|\\", ch)) return 0;
        /* an option ("--shard", "-v") or an address ("https://...");
         * a slash alone is prose's too ("I/O", "and/or") */
        int after_space = i == 0 || seg_space(s, n, i - 1) == 1;
        if (ch == '-' && after_space) return 0;
        if (ch == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') return 0;
        /* a call: "should()", "run(args)" */
        if (ch == '(' && !after_space) return 0;
        words += seg_space(s, n, i) != 1 && after_space;
    }
    return words >= SEG_COMMENT_WORDS;
}

size_t seg_comments(const char *text, size_t len, size_t *starts, size_t *ends, size_t max)
{
    size_t n = 0;
    for (size_t ls = 0; ls < len;) {
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len, s = ls, t = le;
        ls = le + 1;
        while (s < t && seg_space(text, len, s) == 1) s++;
        size_t m = seg_code_marker(text + s, t - s);
        if (!m) continue;
        s += m;
        while (s < t && seg_space(text, len, s) == 1) s++;
        while (t > s && seg_space(text, len, t - 1) == 1) t--;
        /* a block comment closed on its own line */
        if (t >= s + 2 && text[t - 2] == '*' && text[t - 1] == '/') {
            t -= 2;
            while (t > s && seg_space(text, len, t - 1) == 1) t--;
        }
        if (!seg_code_prose(text + s, t - s)) continue;
        if (n < max) starts[n] = s, ends[n] = t;
        n++;
    }
    return n;
}
