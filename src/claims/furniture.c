/*
 * furniture.c - telling page furniture from article content
 * (furniture.h).
 *
 * Each unit is put in matching form once (norm_text, with the map back
 * to the original so capitals can still be seen) and cut into words
 * (norm_tokens, plus a cut at camelCase joins such as
 * "counsellingTalk", which HTML-to-text conversion leaves where two
 * elements met).  Then, first match wins:
 *   1. rules that need no lexicon: no words at all ("/"), a date or a
 *      dateline, a breadcrumb trail (short parts between ">", "»", " / "
 *      or a crumb word), a byline ("by" + 1-4 capitalized names), a lone
 *      name right after a date or separator ("May 8 / Alma / 10 min");
 *   2. the lexicon (schema/furniture.tsv): whole-line, prefix, suffix and
 *      contains patterns with * and # wildcards, word-count limits
 *      keeping the looser kinds to short units.  Each pattern has an
 *      anchor word (its first word for the kinds that start the unit),
 *      and the patterns are chained by it at load time, so a unit meets
 *      the few that could match it, still in file order, rather than
 *      the whole lexicon.
 * State across units: a "section" line (related posts, comments, an
 * author box, a call to action) makes what follows furniture; a
 * heading ends it unless it is furniture itself (a comment's date) or
 * the section so far looks like a list of post teasers (its entries had
 * their own furniture: dates, bylines, "read more"; or the heading comes
 * right after the opener), because sites print each teaser's title as a
 * heading.  A "toc" line (table of contents, share buttons) makes the
 * short lines after it furniture, up to a heading or a sentence.
 * Everything is linear in the unit except wildcard backtracking, which
 * FURN_MAX_STARS and the word limits keep small.
 */
#include "furniture.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "date.h"
#include "embed.h"
#include "norm.h"
#include "util.h"

#define FURN_DEFAULT_MAXW 12 /* prefix/suffix/contains: default word limit */
#define FURN_LINE_MAXW 20    /* whole-line kinds: longer units never match */
#define FURN_TOC_MAXW 15     /* a table-of-contents entry is at most this */
#define FURN_CRUMB_MAXW 12   /* words in one breadcrumb part */
#define FURN_BYLINE_MAXW 12  /* a byline with its date */
#define FURN_MAX_STARS 4     /* wildcards per pattern: bounds backtracking */

enum { FK_LINE, FK_PREFIX, FK_SUFFIX, FK_CONTAINS, FK_SECTION, FK_TOC, FK_BYLINE,
       FK_CRUMB };
static const char *const furn_kinds[] = {"line", "prefix", "suffix", "contains",
                                         "section", "toc", "byline", "crumb"};
enum { FI_WORD, FI_STAR, FI_NUM };
enum { FS_NONE, FS_SECTION, FS_TOC };
/* Patterns by the step of the detector that tries them (furn_own):
 * openers (section, toc), the plain kinds, bylines, crumb words. */
enum { FG_OPEN, FG_PLAIN, FG_BYLINE, FG_CRUMB, FG_COUNT };
/* Where a pattern's anchor word must be in a unit it matches. */
enum { FA_NONE, FA_FIRST, FA_LAST, FA_SEEN };

typedef struct furn_item {
    int type;
    size_t off, len;   /* FI_WORD: the word in f->words */
} furn_item;

typedef struct furn_pat {
    int kind;
    size_t first, n;   /* items[first .. first + n) */
    size_t stars;      /* how many of them are wildcards */
    int anchor;        /* FA_*: where its anchor word must be */
    size_t key;        /* the anchor word's furn_word_bit */
    size_t maxw;       /* 0: no limit */
    char *why;
} furn_pat;

typedef struct furn_tok {
    size_t off, len;   /* in the matching form */
    size_t ooff;       /* offset of its first character in the original */
} furn_tok;

struct furn {
    furn_pat *pats;
    size_t npats;
    /* pattern indices grouped by FG_*, each group in file order, so
     * that every step tries only its own kinds, first match first */
    size_t *grp;
    size_t grp_at[FG_COUNT + 1];
    /* In the openers and the plain kinds (furn_first_match), patterns
     * anchored on the first word are chained by its bit: head[g][bit],
     * then next[], are positions in grp + 1 (0 ends the chain); the
     * others, few, are listed in rest[rest_at[g] .. rest_at[g + 1]). */
    size_t head[2][1024];
    size_t *next, *rest;
    size_t rest_at[3];
    furn_item *items;
    size_t nitems, icap;
    buf words;
    /* the current unit */
    const char *text;
    size_t len;
    buf norm;
    size_t *map, map_cap;   /* kept from unit to unit */
    furn_tok *toks;
    size_t ntoks, tcap;
    /* which (first byte, length) pairs the unit's words have, as bits:
     * a pattern whose first word is not among them cannot match it */
    unsigned char seen[128];
    size_t key_first, key_last;   /* furn_word_bit of the first and last word */
    struct furn_state {   /* carried between units; zero at a new source */
        int mode;
        const char *mode_why;
        size_t group_units;   /* units since the section's last heading */
        int group_evidence;   /* one of them was furniture on its own */
        int prev_meta;        /* the previous unit was a date or a separator */
    } st;
};

/* ---- words ------------------------------------------------------------ */

static size_t furn_word_bit(const char *w, size_t n)
{
    return ((size_t)(unsigned char)(n ? w[0] : 0) * 31u + n) & 1023u;
}

static void furn_push_tok(furn *f, size_t off, size_t n)
{
    if (f->ntoks == f->tcap) {
        f->tcap = f->tcap ? 2 * f->tcap : 64;
        f->toks = kb_realloc(f->toks, f->tcap * sizeof *f->toks);
    }
    f->toks[f->ntoks].off = off;
    f->toks[f->ntoks].len = n;
    f->toks[f->ntoks].ooff = f->map[off];
    f->ntoks++;
    size_t b = furn_word_bit(f->norm.data + off, n);
    f->seen[b >> 3] |= (unsigned char)(1u << (b & 7));
}

static int furn_add_tok(void *ctx, const char *tok, size_t n, size_t off)
{
    furn *f = ctx;
    size_t start = off;
    /* cut at a camelCase join: a capital right after a small letter */
    for (size_t k = off + 1; k < off + n; k++) {
        size_t b = f->map[k], a;
        if (f->text[b] < 'A' || f->text[b] > 'Z') continue;   /* most bytes: not a capital */
        a = f->map[k - 1];
        if (b == a + 1 && f->text[a] >= 'a' && f->text[a] <= 'z') {
            furn_push_tok(f, start, k - start);
            start = k;
        }
    }
    furn_push_tok(f, start, off + n - start);
    return 0;
}

/* Put text in matching form and cut it into words.  KB_ERR on invalid
 * UTF-8 (the unit is then judged as content). */
static int furn_words(furn *f, const char *text, size_t len)
{
    buf_reset(&f->norm);
    f->ntoks = 0;
    memset(f->seen, 0, sizeof f->seen);
    f->text = text;
    f->len = len;
    if (norm_text_keep(text, len, &f->norm, &f->map, &f->map_cap, NULL) != KB_OK) return KB_ERR;
    norm_tokens(f->norm.data ? f->norm.data : "", f->norm.len, furn_add_tok, f);
    if (f->ntoks) {
        const furn_tok *a = &f->toks[0], *z = &f->toks[f->ntoks - 1];
        f->key_first = furn_word_bit(f->norm.data + a->off, a->len);
        f->key_last = furn_word_bit(f->norm.data + z->off, z->len);
    }
    return KB_OK;
}

static int furn_tok_is_num(const furn *f, const furn_tok *t)
{
    for (size_t k = 0; k < t->len; k++)
        if (f->norm.data[t->off + k] < '0' || f->norm.data[t->off + k] > '9') return 0;
    return 1;
}

/* Does the pattern p[0..np) match the unit's words from ti on (and, if
 * to_end, use them all)? */
static int furn_match(const furn *f, const furn_item *p, size_t np, size_t ti, int to_end)
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

/* Can item it stand for the unit's word ti?  A wildcard can; a word
 * must be that word. */
static int furn_item_fits(const furn *f, const furn_item *it, size_t ti)
{
    return it->type != FI_WORD ||
           (f->toks[ti].len == it->len &&
            memcmp(f->norm.data + f->toks[ti].off, f->words.data + it->off, it->len) == 0);
}

/* Does p surely not match the unit?  Asked of every pattern for every
 * unit, so only integers are compared: every item takes a word at least,
 * and the anchor word's bit must be where the pattern puts it. */
static inline int furn_pat_refused(const furn *f, const furn_pat *p)
{
    if (f->ntoks < p->n) return 1;
    switch (p->anchor) {
    case FA_FIRST: return p->key != f->key_first;
    case FA_LAST: return p->key != f->key_last;
    case FA_SEEN: return !(f->seen[p->key >> 3] & (1u << (p->key & 7)));
    default: return 0;
    }
}

static int furn_pat_matches(const furn *f, const furn_pat *p)
{
    const furn_item *it = f->items + p->first, *last = it + p->n - 1;
    size_t n = f->ntoks;
    /* Quick refusals before furn_match: as furn_pat_refused, and a
     * pattern without wildcards that must use all words takes exactly
     * its own number; a pattern anchored at the start (the end) has its
     * first (last) item on the first (last) word. */
    if (furn_pat_refused(f, p)) return 0;
    switch (p->kind) {
    case FK_LINE: case FK_SECTION: case FK_TOC:
        if (n > FURN_LINE_MAXW || (!p->stars && n != p->n) || !furn_item_fits(f, it, 0) ||
            !furn_item_fits(f, last, n - 1))
            return 0;
        return furn_match(f, it, p->n, 0, 1);
    case FK_PREFIX: case FK_SUFFIX: case FK_CONTAINS:
        if (p->maxw && n > p->maxw) return 0;
        /* a suffix describes a label ("share image icon"); a sentence
         * that happens to end the same way is content */
        if (p->kind == FK_SUFFIX && f->len && memchr(".!?", f->text[f->len - 1], 3)) return 0;
        if (p->kind == FK_SUFFIX && !furn_item_fits(f, last, n - 1)) return 0;
        if (p->kind == FK_PREFIX) return furn_item_fits(f, it, 0) && furn_match(f, it, p->n, 0, 0);
        for (size_t i = 0; i < n; i++)
            if (furn_match(f, it, p->n, i, p->kind == FK_SUFFIX)) return 1;
        return 0;
    default:
        return 0;
    }
}

/* The first pattern of group g (FG_OPEN or FG_PLAIN), in file order,
 * that matches the unit, or NULL.  Only two sequences are walked, each
 * in file order and merged: the chain of patterns anchored on the
 * unit's first word, and the patterns anchored otherwise. */
static const furn_pat *furn_first_match(const furn *f, int g)
{
    size_t a = f->head[g][f->key_first], r = f->rest_at[g], re = f->rest_at[g + 1];
    for (;;) {
        size_t pa = a ? a - 1 : SIZE_MAX, pr = r < re ? f->rest[r] : SIZE_MAX, pos;
        if (pa < pr) pos = pa, a = f->next[pa];
        else if (pr != SIZE_MAX) pos = pr, r++;
        else return NULL;
        const furn_pat *p = &f->pats[f->grp[pos]];
        if (!furn_pat_refused(f, p) && furn_pat_matches(f, p)) return p;
    }
}

/* ---- rules in code ---------------------------------------------------- */

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
static int furn_is_date(const char *s, size_t n)
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
static int furn_byline(const furn *f)
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
static int furn_lone_name(const furn *f)
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
static int furn_breadcrumb(const furn *f)
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

/* ---- the detector ----------------------------------------------------- */

/* The unit's own verdict, apart from any section: a why or NULL.  An
 * opener sets *opens (FS_SECTION, FS_TOC); *meta says the unit is a
 * date or a separator (a lone name may follow). */
static const char *furn_own(furn *f, doc_kind kind, int *opens, int *meta)
{
    *opens = FS_NONE;
    *meta = 0;
    if (f->ntoks == 0) {
        *meta = 1;
        return "no words";
    }
    if (f->ntoks <= FURN_BYLINE_MAXW && furn_is_date(f->text, f->len)) {
        *meta = 1;
        return "date";
    }
    if (kind == DOC_ROW) return NULL;   /* a table row's cells are data */
    const furn_pat *p = furn_first_match(f, FG_OPEN);
    if (p) {
        *opens = p->kind == FK_SECTION ? FS_SECTION : FS_TOC;
        return p->why;
    }
    if (furn_breadcrumb(f)) return "breadcrumb";
    if (furn_byline(f)) {
        *meta = 1;
        return "byline";
    }
    /* the openers have failed above; bylines and crumbs never match here */
    if ((p = furn_first_match(f, FG_PLAIN)) != NULL) return p->why;
    /* "May 8, 2026 / Alma / 10 min read": a name among the meta lines */
    if (f->st.prev_meta && kind == DOC_PARAGRAPH && furn_lone_name(f))
        return "byline";
    return NULL;
}

static int furn_sentence_end(const char *s, size_t len)
{
    char c = s[len - 1];
    return c == '.' || c == '!' || c == ':';
}

int furn_check(furn *f, doc_kind kind, const char *text, size_t len, const char **why)
{
    const char *w = NULL;
    size_t tl = len;
    text = kb_trim(text, &tl);
    int heading = kind == DOC_HEADING;
    int opens = FS_NONE, meta = 0;
    if (furn_words(f, text, tl) == KB_OK) w = furn_own(f, kind, &opens, &meta);
    f->st.prev_meta = meta;

    if (f->st.mode == FS_TOC) {
        /* entries of the table, even those that name a section */
        if (!heading && tl && f->ntoks <= FURN_TOC_MAXW && !furn_sentence_end(text, tl)) {
            if (why) *why = w && !opens ? w : f->st.mode_why;
            return 1;
        }
        f->st.mode = FS_NONE;
    }
    if (f->st.mode == FS_SECTION && !opens) {
        if (!heading || w || f->st.group_evidence || f->st.group_units == 0) {
            if (heading) {
                f->st.group_units = 0;   /* a teaser's title starts a new entry */
                f->st.group_evidence = 0;
            } else {
                f->st.group_units++;
                if (w) f->st.group_evidence = 1;
            }
            if (why) *why = w ? w : f->st.mode_why;
            return 1;
        }
        f->st.mode = FS_NONE;   /* a content heading: the article resumes */
    }
    if (opens) {
        f->st.mode = opens;
        f->st.mode_why = w;
        f->st.group_units = 0;
        f->st.group_evidence = 0;
    }
    if (why) *why = w;
    return w != NULL;
}

void furn_reset(furn *f)
{
    memset(&f->st, 0, sizeof f->st);   /* FS_NONE is 0 */
}

/* ---- the lexicon ------------------------------------------------------ */

static void furn_push_item(furn *f, int type, size_t off, size_t len)
{
    if (f->nitems == f->icap) {
        f->icap = f->icap ? 2 * f->icap : 256;
        f->items = kb_realloc(f->items, f->icap * sizeof *f->items);
    }
    f->items[f->nitems].type = type;
    f->items[f->nitems].off = off;
    f->items[f->nitems].len = len;
    f->nitems++;
}

static int furn_add_word(void *ctx, const char *tok, size_t n, size_t off)
{
    furn *f = ctx;
    furn_push_item(f, FI_WORD, f->words.len, n);
    buf_add(&f->words, tok, n);
    return 0;
}

/* Choose p's anchor: the word a unit it matches must have, and where.
 * Line kinds and prefixes start with their first word, suffixes (and
 * line kinds that start with a wildcard) end with their last; a contains
 * pattern's first word must be somewhere. */
static void furn_anchor(furn *f, furn_pat *p)
{
    const furn_item *a = f->items + p->first, *z = a + p->n - 1;
    int line = p->kind == FK_LINE || p->kind == FK_SECTION || p->kind == FK_TOC;
    p->anchor = FA_NONE;
    if (!p->n) return;
    if ((line || p->kind == FK_PREFIX) && a->type == FI_WORD) p->anchor = FA_FIRST;
    else if ((line || p->kind == FK_SUFFIX) && z->type == FI_WORD) p->anchor = FA_LAST, a = z;
    else if (p->kind == FK_CONTAINS && a->type == FI_WORD) p->anchor = FA_SEEN;
    if (p->anchor != FA_NONE) p->key = furn_word_bit(f->words.data + a->off, a->len);
}

/* Compile one pattern; its items go at the end of f->items. */
static int furn_compile(furn *f, furn_pat *p, const char *s, size_t len, size_t line,
                        char **err)
{
    buf nb = BUF_INIT;
    size_t i = 0, stars = 0, words = 0;
    p->first = f->nitems;
    int rc = KB_OK;
    while (i < len && rc == KB_OK) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t e = i;
        while (e < len && s[e] != ' ' && s[e] != '\t') e++;
        if (e == i) break;
        if (e - i == 1 && (s[i] == '*' || s[i] == '#')) {
            furn_push_item(f, s[i] == '*' ? FI_STAR : FI_NUM, 0, 0);
            stars++;
        } else {
            buf_reset(&nb);
            size_t before = f->nitems;
            if (norm_text(s + i, e - i, &nb, NULL, NULL) != KB_OK)
                rc = kb_seterr(err, "furniture lexicon line %zu: invalid UTF-8", line);
            else
                norm_tokens(nb.data ? nb.data : "", nb.len, furn_add_word, f);
            words += f->nitems - before;
        }
        i = e;
    }
    buf_free(&nb);
    p->n = f->nitems - p->first;
    p->stars = stars;
    furn_anchor(f, p);
    if (rc != KB_OK) return rc;
    if (words == 0)
        return kb_seterr(err, "furniture lexicon line %zu: the pattern has no word", line);
    if (stars > FURN_MAX_STARS)
        return kb_seterr(err, "furniture lexicon line %zu: more than %d wildcards", line,
                         FURN_MAX_STARS);
    if ((p->kind == FK_BYLINE || p->kind == FK_CRUMB) && stars)
        return kb_seterr(err, "furniture lexicon line %zu: %s patterns take no wildcards",
                         line, furn_kinds[p->kind]);
    if (p->kind == FK_CRUMB && p->n != 1)
        return kb_seterr(err, "furniture lexicon line %zu: a crumb is one word", line);
    return KB_OK;
}

/* Parse one non-comment line: KIND TAB PATTERN [TAB WHY [TAB MAX-WORDS]]. */
static int furn_parse_line(furn *f, const char *s, size_t len, size_t line, char **err)
{
    const char *field[4] = {NULL, NULL, NULL, NULL};
    size_t flen[4] = {0, 0, 0, 0}, nf = 0, i = 0;
    for (;;) {
        if (nf == 4)
            return kb_seterr(err, "furniture lexicon line %zu: more than 4 fields", line);
        size_t e = i;
        while (e < len && s[e] != '\t') e++;
        flen[nf] = e - i;
        field[nf] = kb_trim(s + i, &flen[nf]);
        nf++;
        if (e >= len) break;
        i = e + 1;
    }
    if (nf < 2 || flen[1] == 0)
        return kb_seterr(err, "furniture lexicon line %zu: want KIND<TAB>PATTERN", line);
    int kind = -1;
    for (int k = 0; k < (int)(sizeof furn_kinds / sizeof *furn_kinds); k++)
        if (kb_ascii_ieq(field[0], flen[0], furn_kinds[k])) kind = k;
    if (kind < 0)
        return kb_seterr(err, "furniture lexicon line %zu: unknown kind \"%.*s\"", line,
                         (int)flen[0], field[0]);
    size_t maxw = nf == 4 && flen[3] ? 0 : FURN_DEFAULT_MAXW;
    for (size_t k = 0; nf == 4 && k < flen[3]; k++) {
        if (field[3][k] < '0' || field[3][k] > '9' || maxw > 100000)
            return kb_seterr(err, "furniture lexicon line %zu: bad word limit \"%.*s\"", line,
                             (int)flen[3], field[3]);
        maxw = 10 * maxw + (size_t)(field[3][k] - '0');
    }
    f->pats = kb_realloc(f->pats, (f->npats + 1) * sizeof *f->pats);
    furn_pat *p = &f->pats[f->npats];
    p->kind = kind;
    p->maxw = maxw;
    p->why = nf >= 3 && flen[2] ? kb_strndup(field[2], flen[2]) : kb_strdup(furn_kinds[kind]);
    f->npats++;
    return furn_compile(f, p, field[1], flen[1], line, err);
}

static int furn_group_of(int kind)
{
    switch (kind) {
    case FK_SECTION: case FK_TOC: return FG_OPEN;
    case FK_BYLINE: return FG_BYLINE;
    case FK_CRUMB: return FG_CRUMB;
    default: return FG_PLAIN;
    }
}

/* Fill f->grp: the patterns of each group in file order. */
static void furn_group(furn *f)
{
    size_t fill[FG_COUNT];
    memset(f->grp_at, 0, sizeof f->grp_at);
    for (size_t k = 0; k < f->npats; k++) f->grp_at[furn_group_of(f->pats[k].kind) + 1]++;
    for (int g = 0; g < FG_COUNT; g++) f->grp_at[g + 1] += f->grp_at[g];
    memcpy(fill, f->grp_at, sizeof fill);
    f->grp = kb_calloc(f->npats ? f->npats : 1, sizeof *f->grp);
    for (size_t k = 0; k < f->npats; k++) f->grp[fill[furn_group_of(f->pats[k].kind)]++] = k;
    /* the chains, built backwards so each runs in file order */
    f->next = kb_calloc(f->npats ? f->npats : 1, sizeof *f->next);
    f->rest = kb_calloc(f->npats ? f->npats : 1, sizeof *f->rest);
    size_t nrest = 0;
    for (int g = FG_OPEN; g <= FG_PLAIN; g++) {
        memset(f->head[g], 0, sizeof f->head[g]);
        f->rest_at[g] = nrest;
        for (size_t pos = f->grp_at[g]; pos < f->grp_at[g + 1]; pos++)
            if (f->pats[f->grp[pos]].anchor != FA_FIRST) f->rest[nrest++] = pos;
        for (size_t pos = f->grp_at[g + 1]; pos-- > f->grp_at[g];) {
            const furn_pat *p = &f->pats[f->grp[pos]];
            if (p->anchor != FA_FIRST) continue;
            f->next[pos] = f->head[g][p->key];
            f->head[g][p->key] = pos + 1;
        }
    }
    f->rest_at[FG_PLAIN + 1] = nrest;
}

int furn_new(const char *lexicon, size_t len, furn **out, char **err)
{
    *out = NULL;
    if (!lexicon || len == 0) {
        lexicon = embed_furniture;
        len = strlen(embed_furniture);
    }
    furn *f = kb_calloc(1, sizeof *f);
    size_t i = 0, line = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && lexicon[e] != '\n') e++;
        line++;
        size_t l = e - i;
        const char *s = lexicon + i;
        if (l && s[l - 1] == '\r') l--;
        size_t tl = l;
        const char *t = kb_trim(s, &tl);
        i = e + 1;
        if (tl == 0 || t[0] == '#') continue;
        if (furn_parse_line(f, s, l, line, err) != KB_OK) {
            furn_free(f);
            return KB_ERR;
        }
    }
    furn_group(f);
    furn_reset(f);
    *out = f;
    return KB_OK;
}

void furn_free(furn *f)
{
    if (!f) return;
    for (size_t k = 0; k < f->npats; k++) free(f->pats[k].why);
    free(f->pats);
    free(f->grp);
    free(f->next);
    free(f->rest);
    free(f->items);
    buf_free(&f->words);
    buf_free(&f->norm);
    free(f->map);
    free(f->toks);
    free(f);
}
