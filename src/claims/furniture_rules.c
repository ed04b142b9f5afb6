/*
 * furniture_rules.c - the furniture rules that need no lexicon
 * (furniture_int.h): a date or a dateline, a byline ("by" + 1-4
 * capitalized names, its lead words from the lexicon), a lone name
 * among meta lines, a breadcrumb trail.  Capitals are read in the
 * original text, through the map furniture.c keeps.
 */
#include "furniture_int.h"

#include <string.h>
#include <utf8proc.h>

#include "date.h"
#include "util.h"

int furn_tok_is_num(const furn *f, const furn_tok *t)
{
    for (size_t k = 0; k < t->len; k++)
        if (f->norm.data[t->off + k] < '0' || f->norm.data[t->off + k] > '9') return 0;
    return 1;
}

/* Does the pattern p[0..np) match the unit's words from ti on (and, if
 * to_end, use them all)? */
int furn_match(const furn *f, const furn_item *p, size_t np, size_t ti, int to_end)
{
    if (np == 0) return !to_end || ti == f->ntoks;
    if (p->type == FI_WORD) {
        if (ti >= f->ntoks || f->toks[ti].len != p->len ||
            memcmp(f->norm.data + f->toks[ti].off, f->words.data + p->off, p->len) != 0)
            return 0;
        return furn_match(f, p + 1, np - 1, ti + 1, to_end);
    }
    for (size_t k = ti + 1; k <= f->ntoks; k++) {
        if (p->type == FI_NUM && !furn_tok_is_num(f, &f->toks[k - 1])) return 0;
        if (furn_match(f, p + 1, np - 1, k, to_end)) return 1;
    }
    return 0;
}

/* The Unicode category of the character at s[i]; *w gets its width
 * (1 for an invalid byte, which counts as a symbol). */
static int furn_cat(const char *s, size_t len, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    *w = 1;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') return UTF8PROC_CATEGORY_LU;
        if (c >= 'a' && c <= 'z') return UTF8PROC_CATEGORY_LL;
        return c >= '0' && c <= '9' ? UTF8PROC_CATEGORY_ND : UTF8PROC_CATEGORY_PO;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) return UTF8PROC_CATEGORY_SO;
    *w = (size_t)n;
    return utf8proc_category(cp);
}

static int furn_capital(const char *s, size_t len, size_t i)
{
    size_t w;
    int cat = furn_cat(s, len, i, &w);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int furn_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* A name word: has a capital somewhere ("Alma", "upGrad", "O'Neil"), no
 * digit.  A trailing comma is allowed and reported in *comma. */
static int furn_name_word(const char *w, size_t n, int *comma)
{
    *comma = n > 1 && w[n - 1] == ',';
    if (*comma) n--;
    int cap = 0;
    for (size_t k = 0; k < n; k++) {
        if (w[k] >= '0' && w[k] <= '9') return 0;
        if (furn_capital(w, n, k)) cap = 1;
    }
    return cap;
}

static int furn_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A date or a dateline, alone or followed by a clock time ("January 6,
 * 2024 at 10:12 am", "May 3, 2024 · 14:05 UTC"): comment headers and
 * teaser dates carry one. */
int furn_is_date(const char *s, size_t n)
{
    char d[11];
    if (date_parse(s, n, d) || date_find_dateline(s, n, d)) return 1;
    size_t i = 1;
    while (i + 2 < n && !(s[i] == ':' && furn_digit(s[i - 1]) && furn_digit(s[i + 1]) &&
                          furn_digit(s[i + 2])))
        i++;
    if (i + 2 >= n) return 0;
    size_t letters = 0, b = i - 1, w;
    for (size_t e = i + 3; e < n; e++) {   /* ":SS", "am", "UTC" */
        int c = (unsigned char)s[e];
        if ((c | 32) >= 'a' && (c | 32) <= 'z') letters++;
        else if (!furn_digit((char)c) && c != ':' && c != '.' && c != ' ') return 0;
    }
    if (letters > 5) return 0;
    if (b > 0 && furn_digit(s[b - 1])) b--;
    while (b > 0 && furn_cat(s, n, b - 1, &w) >= UTF8PROC_CATEGORY_PC) b--;
    if (b > 3 && kb_ascii_ieq(s + b - 3, 3, " at")) b -= 3;
    while (b > 0 && furn_cat(s, n, b - 1, &w) >= UTF8PROC_CATEGORY_PC) b--;
    return b > 0 && (date_parse(s, b, d) || date_find_dateline(s, b, d));
}

/* After a byline's lead words: 1..4 names, then nothing or a date after
 * an optional separator ("by Jane Doe | May 3, 2024"). */
static int furn_byline_rest(const char *s, size_t len)
{
    size_t i = 0, names = 0, w;
    while (i < len) {
        while (i < len && furn_space(s[i])) i++;
        size_t e = i;
        while (e < len && !furn_space(s[e])) e++;
        if (e == i) break;
        int comma;
        if (!furn_name_word(s + i, e - i, &comma)) break;
        if (++names > 4) return 0;
        i = e;
        if (comma) break;
    }
    if (names == 0) return 0;
    /* skip the separator before a date: "|", ",", "·", "–" ... */
    while (i < len) {
        int cat = furn_cat(s, len, i, &w);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) break;
        i += w;
    }
    return i >= len || furn_is_date(s + i, len - i);
}

/* "by Jane Doe", "Author: Jane Doe", "Posted on May 3, 2024 by Admin":
 * lead words at the start or right after a date, then names. */
int furn_byline(const furn *f)
{
    if (f->ntoks < 2 || f->ntoks > FURN_BYLINE_MAXW) return 0;
    for (size_t i = 0; i + 1 < f->ntoks; i++) {
        int dated = i == 0;   /* after the start, what comes before must be a date */
        for (size_t g = f->grp_at[FG_BYLINE]; g < f->grp_at[FG_BYLINE + 1]; g++) {
            const furn_pat *p = &f->pats[f->grp[g]];
            if (i + p->n >= f->ntoks || !furn_match(f, f->items + p->first, p->n, i, 0)) continue;
            if (!dated) {   /* asked once lead words are found: dates cost more */
                size_t b = f->toks[i].ooff, w;
                while (b > 0 && furn_cat(f->text, f->len, b - 1, &w) >= UTF8PROC_CATEGORY_PC) b--;
                if (!furn_is_date(f->text, b)) break;
                dated = 1;
            }
            size_t o = f->toks[i + p->n].ooff;
            if (furn_byline_rest(f->text + o, f->len - o)) return 1;
        }
    }
    return 0;
}

/* A lone name: 1-3 words, each starting with a capital, no digits, no
 * end punctuation ("Alma", "Jane Doe"). */
int furn_lone_name(const furn *f)
{
    if (f->ntoks == 0 || f->ntoks > 3) return 0;
    for (size_t k = 0; k < f->ntoks; k++)
        if (!furn_capital(f->text, f->len, f->toks[k].ooff) || furn_tok_is_num(f, &f->toks[k]))
            return 0;
    char last = f->text[f->len - 1];
    return last != '.' && last != ':' && last != '!' && last != '?';
}

static int furn_is_crumb_word(const furn *f, const furn_tok *t)
{
    for (size_t g = f->grp_at[FG_CRUMB]; g < f->grp_at[FG_CRUMB + 1]; g++) {
        const furn_item *it = f->items + f->pats[f->grp[g]].first;
        if (it->len == t->len &&
            !memcmp(f->words.data + it->off, f->norm.data + t->off, t->len))
            return 1;
    }
    return 0;
}

/* Does norm[a..b) (the gap between two words) hold a breadcrumb
 * separator: "»" or "›", or ">" or "/" with space on both sides (so
 * that markup such as "<b>x</b>" and paths are not trails)? */
static int furn_crumb_gap(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] == 0xBB) return 1;
        if (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0xBA)
            return 1;
        if ((c == '>' || c == '/') && i > a && i + 1 < b && s[i - 1] == ' ' && s[i + 1] == ' ')
            return 1;
    }
    return 0;
}

/* A breadcrumb trail: at least three parts, two separators, every part
 * short and starting with a capital (page titles), no sentence end. */
int furn_breadcrumb(const furn *f)
{
    if (f->ntoks < 3 || f->ntoks > 3 * FURN_CRUMB_MAXW || f->text[f->len - 1] == '.') return 0;
    size_t parts = 0, seps = 0, in_part = 0;
    int pending = 0;   /* a separator was seen since the last part */
    for (size_t k = 0; k < f->ntoks; k++) {
        const furn_tok *t = &f->toks[k];
        if (k > 0 && furn_crumb_gap(f->norm.data, f->toks[k - 1].off + f->toks[k - 1].len, t->off))
            pending = 1;
        if (furn_is_crumb_word(f, t)) {
            pending = parts > 0;
            continue;
        }
        if (pending || parts == 0) {
            if (pending) seps++;
            pending = 0;
            if (!furn_capital(f->text, f->len, t->ooff)) return 0;
            parts++;
            in_part = 0;
        }
        if (++in_part > FURN_CRUMB_MAXW) return 0;
    }
    return parts >= 3 && seps >= 2;
}

