/*
 * qty_int.h - what the quantity scanner's files share (not part of the
 * API: see qty.h).
 *
 * The scan reads in three layers, one file each: qty_text.c reads the
 * text around a numeral (the tokens before it, dates and list markers;
 * characters and words are read by the inline helpers below), qty_num.c
 * a numeral itself and the unit after it, and qty.c decides what the
 * numeral is.  The word tables they consult are in qty_words.c.
 */
#ifndef KB_QTY_INT_H
#define KB_QTY_INT_H

#include <stddef.h>
#include <string.h>

#include "qty.h"

#define QTY_WIN 64   /* bytes of context read around a numeral */
#define QTY_NW 24    /* longest word compared with the tables, plus 1 */

/* The byte at k of the text t[0..n) being scanned, or -1 past its end. */
#define QC(k) qty_c(t, n, (k))

/* How a bound phrase before a number bounds it. */
enum { QB_NONE, QB_GT, QB_GE, QB_LT, QB_LE, QB_NEAR, QB_ABOUT };

/* A numeral as read, before context decides what it is. */
typedef struct qty_num {
    size_t s, e;     /* the numeral with scale, "+" and percent */
    size_t ve;       /* end of the digits or words (version text: s..ve) */
    size_t ps, pe;   /* the percent sign or word */
    size_t gs, ge;   /* a unit glued to the digits */
    double v, mult;  /* value, and the scale it carries (1 if none) */
    int ndig, sep, parts, scaled, plus, pct, word, lone, vflag, decade, skip;
    const char *gunit;
    int gdur;        /* gunit is a time unit */
} qty_num;

/* A token (run of non-blanks) before the numeral. */
typedef struct qty_tok {
    size_t s, e;
    char w[QTY_NW];  /* lower-cased, "" if too long */
    int word, name, acro;
} qty_tok;

typedef struct qty_w { size_t s, e; char w[QTY_NW]; int cap; } qty_w;

/* What was learnt about one numeral, passed between the steps. */
typedef struct qty_ctx {
    qty_num a, b;       /* the numeral, and a range's second end */
    qty_tok tk[3];
    int nt, bound, approx, range, ormore, orless;
    size_t st, p, cs;   /* span start and end, currency sign */
    const char *cur;
} qty_ctx;

static inline int qty_c(const char *t, size_t n, size_t i) { return i < n ? (unsigned char)t[i] : -1; }
static inline int qty_dig(int c) { return c >= '0' && c <= '9'; }
static inline int qty_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int qty_alpha(int c) { return (c >= 'a' && c <= 'z') || qty_upper(c); }
static inline int qty_alnum(int c) { return qty_dig(c) || qty_alpha(c); }
static inline char qty_lower(int c) { return (char)(qty_upper(c) ? c + 32 : c); }

/* Table look-ups compare the first byte inline: most words differ there,
 * and every word near a number meets several tables. */
static inline int qty_eq(const char *a, const char *b) { return a[0] == b[0] && !strcmp(a, b); }

/* qty_words.c: the word tables.  The lists qty_listed knows: */
enum {
    QL_STOP,      /* function words: they end a unit and are never a product name */
    QL_YEARCTX,   /* words after which a four-digit number is a year ("in 2009") */
    QL_VERCTX,    /* words after which a number is a version ("version 3") */
    QL_DETS,      /* determiners between a percent's "of" and its population */
    QL_ORMORE,    /* "5 or more" */
    QL_ORLESS     /* "5 or less" */
};
int qty_listed(int list, const char *w);
/* A bound phrase ("at least", "nearly") and what it does; the table is
 * ordered longest phrase first. */
typedef struct qty_bound_word {
    const char *w;
    int b;        /* QB_* */
    int approx;
} qty_bound_word;
const qty_bound_word *qty_bound_words(size_t *n);
/* The index of number word w ("two", "million", "thousands", "k") with
 * an op from lo to hi, or -1; its value and op (0 adds, 1 multiplies
 * the group, 2 closes a group with a scale, 3 a vague plural before
 * "of", 4 a letter glued to digits that scales them). */
int qty_numop(const char *w, int lo, int hi);
int qty_numword(const char *w);   /* ops 0 to 2 */
double qty_num_value(int i);
int qty_num_op(int i);
/* The time unit a word names ("mins" -> "minute"), or NULL; the time of
 * a rate as written in a unit ("sec" -> "s"), or NULL; the seconds in a
 * time unit, 0 for none. */
const char *qty_dur(const char *w);
const char *qty_rate(const char *w);
double qty_seconds(const char *unit);
/* The unit a word glued to digits names ("gb", "x" -> "time"), and the
 * one spelling of a unit word ("reqs" -> "request"), or NULL. */
const char *qty_glued_unit(const char *w);
const char *qty_alias_unit(const char *w);

/* Reading characters and words, inline: every word of the text meets
 * them. */
/* Length of the blank at i: space, tab, no-break, thin or narrow space.
 * Line ends are not blanks: a quantity never spans lines. */
static inline size_t qty_blank(const char *t, size_t n, size_t i)
{
    int c = QC(i);
    if (c == ' ' || c == '\t') return 1;
    if (c == 0xC2 && QC(i + 1) == 0xA0) return 2;
    if (c == 0xE2 && QC(i + 1) == 0x80 && (QC(i + 2) == 0x89 || QC(i + 2) == 0x8A || QC(i + 2) == 0xAF))
        return 3;
    return 0;
}

static inline size_t qty_skip(const char *t, size_t n, size_t i)
{
    size_t lim = i + QTY_WIN, b;
    while (i < lim && (b = qty_blank(t, n, i))) i += b;
    return i;
}

/* Length of a dash at i: hyphen, en dash, em dash, minus sign. */
static inline size_t qty_dash(const char *t, size_t n, size_t i)
{
    if (QC(i) == '-') return 1;
    if (QC(i) == 0xE2 && ((QC(i + 1) == 0x80 && (QC(i + 2) == 0x93 || QC(i + 2) == 0x94)) ||
                          (QC(i + 1) == 0x88 && QC(i + 2) == 0x92)))
        return 3;
    return 0;
}

/* The word of letters starting at i (with inner hyphens if hyph:
 * "full-stack"), lower-cased.  0 if none, or too long for any table. */
static inline int qty_word(const char *t, size_t n, size_t i, qty_w *w, int hyph)
{
    size_t j = i, k = 0;
    if (!qty_alpha(QC(i))) return 0;
    while (qty_alpha(QC(j)) || (hyph && QC(j) == '-' && qty_alpha(QC(j + 1)))) {
        if (k + 1 >= QTY_NW) return 0;
        w->w[k++] = qty_lower(QC(j));
        j++;
    }
    w->w[k] = '\0';
    w->s = i, w->e = j, w->cap = qty_upper(QC(i));
    return 1;
}

/* The word after the blanks at i is lit. */
static inline int qty_next_is(const char *t, size_t n, size_t i, qty_w *w, const char *lit)
{
    return qty_word(t, n, qty_skip(t, n, i), w, 0) && !strcmp(w->w, lit);
}

/* qty_text.c */
int qty_month(const char *s, size_t len);
int qty_back(const char *t, size_t n, size_t i, qty_tok *tk);
size_t qty_date(const char *t, size_t n, size_t i, const qty_tok *prev);
size_t qty_listmark(const char *t, size_t n, size_t i);

/* qty_num.c */
void qty_digits(const char *t, size_t n, size_t i, qty_num *a);
int qty_words(const char *t, size_t n, size_t i, qty_num *a);
int qty_unit(const char *t, size_t n, size_t j, qty *q);
void qty_of(const char *t, size_t n, size_t j, qty *q);

#endif
