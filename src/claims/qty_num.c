/*
 * qty_num.c - reading a numeral and its unit (qty_int.h): digits with
 * separators, a scale and what is glued to them ("2.5M+", "4GB"),
 * number words ("two hundred", "half a million"), and the unit after a
 * count: up to three words, ending at the first plural (the head of an
 * English noun phrase: "Stack Overflow questions"), before a function
 * word, or at punctuation.
 */
#include "qty_int.h"

#include <stdio.h>

#include <string.h>

/* After the digits or words: "+", a scale word, "+", a percent, "+". */
static void qty_tail(const char *t, size_t n, size_t j, qty_num *a)
{
    qty_w w;
    size_t k, pe;
    int x;
    if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    if (!a->scaled && !a->word && (k = qty_skip(t, n, j)) > j && qty_word(t, n, k, &w, 0) &&
        (x = qty_numword(w.w)) >= 0 && qty_num_op(x) > 0)
        a->v *= a->mult = qty_num_value(x), a->scaled = 1, j = w.e;  /* "2 million" */
    if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    pe = QC(k = qty_skip(t, n, j)) == '%' ? k + 1 : 0;
    if (!pe && qty_word(t, n, k, &w, 0)) {
        if (!strcmp(w.w, "percent") || !strcmp(w.w, "pct")) pe = w.e;
        else if (!strcmp(w.w, "per") && qty_next_is(t, n, w.e, &w, "cent")) pe = w.e;
    }
    if (pe) {
        a->pct = 1, a->ps = k, j = a->pe = pe;
        if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    }
    a->e = j;
}

/* Digits: "800,000", "2.5", "12.6.0", with what is glued after them. */
void qty_digits(const char *t, size_t n, size_t i, qty_num *a)
{
    size_t j = i, k;
    double v = 0, f = 0.1;
    a->s = i, a->mult = 1, a->parts = 1;
    for (; qty_dig(QC(j)); j++) v = v * 10 + (t[j] - '0');
    a->ndig = (int)(j - i);
    while (a->ndig <= 3 && QC(j) == ',' && qty_dig(QC(j + 1)) && qty_dig(QC(j + 2)) &&
           qty_dig(QC(j + 3)) && !qty_dig(QC(j + 4)))
        v = v * 1000 + (t[j + 1] - '0') * 100 + (t[j + 2] - '0') * 10 + (t[j + 3] - '0'), a->sep = 1, j += 4;
    while (QC(j) == '.' && qty_dig(QC(j + 1)))
        for (j++, a->parts++; qty_dig(QC(j)); j++, f /= 10)
            if (a->parts == 2) v += (t[j] - '0') * f;
    a->v = v;
    a->ve = a->e = j;
    if (a->ndig > 15 || a->parts > 4) goto skip;
    if ((QC(j) == ':' || QC(j) == '/') && qty_dig(QC(j + 1))) goto skip;  /* 10:30, 1:1, 24/7 */
    if (QC(j) == 0xC3 && QC(j + 1) == 0x97 && !qty_alnum(QC(j + 2)))      /* "10×" */
        a->gunit = "time", a->gs = j, j = a->ge = j + 2;
    if (qty_alpha(QC(j))) {
        char s[QTY_NW];
        const char *u;
        int x;
        for (k = j; qty_alpha(QC(k)) && k - j + 1 < QTY_NW; k++) s[k - j] = qty_lower(QC(k));
        s[k - j] = '\0';
        if (qty_alnum(QC(k))) goto skip;
        if (k - j == 2 && (!strcmp(s, "st") || !strcmp(s, "nd") || !strcmp(s, "rd") || !strcmp(s, "th")))
            goto skip;  /* an ordinal */
        x = qty_numop(s, 2, 4);  /* "2.5M", "2million" */
        if (!strcmp(s, "s") && a->ndig == 4 && a->parts == 1 && !a->sep && (long)v % 10 == 0)
            a->decade = 1;  /* the 1990s */
        else if (x >= 0)
            a->v *= a->mult = qty_num_value(x), a->scaled = 1;
        else if (strcmp(s, "s") && (u = qty_dur(s)))
            a->gunit = u, a->gdur = 1;
        else if ((u = qty_glued_unit(s)))
            a->gunit = u;
        else
            goto skip;  /* 3D, 2FA, 5G: names */
        if (!a->decade && !a->scaled) a->gs = j, a->ge = k;
        j = k;
    }
    qty_tail(t, n, j, a);
    return;
skip:
    for (k = a->e; qty_alnum(QC(k)) || (QC(k) > 0 && strchr(".,:/-", t[k]) && qty_alnum(QC(k + 1))); k++) {}
    a->skip = 1, a->e = k;
}

/* Number words: "two", "twenty-five", "two hundred", "(half) a million". */
int qty_words(const char *t, size_t n, size_t i, qty_num *a)
{
    qty_w w;
    double total = 0, cur = 0;
    size_t j = i;
    int nw = 0, x;
    a->s = i, a->mult = 1, a->parts = 1, a->word = 1;
    if (qty_word(t, n, i, &w, 0) && !strcmp(w.w, "half")) {
        if (!qty_next_is(t, n, w.e, &w, "a") && strcmp(w.w, "an")) return 0;
        cur = 0.5, j = w.s;
    }
    if (qty_word(t, n, j, &w, 0) && (!strcmp(w.w, "a") || !strcmp(w.w, "an"))) {
        if (!qty_word(t, n, j = qty_skip(t, n, w.e), &w, 0) || (x = qty_numword(w.w)) < 0 ||
            !qty_num_op(x))
            return 0;  /* "a" only before a multiplier: "a million" */
        cur = cur ? cur : 1;
    }
    while (qty_word(t, n, j, &w, 0) && (x = qty_numword(w.w)) >= 0) {
        if (qty_num_op(x) == 0)
            cur += qty_num_value(x), a->mult = 1;
        else if (qty_num_op(x) == 1)
            cur = (cur ? cur : 1) * qty_num_value(x);
        else
            total += (cur ? cur : 1) * (a->mult = qty_num_value(x)), cur = 0, a->scaled = 1;
        a->lone = !nw++ && !strcmp(w.w, "one");
        a->ve = w.e;
        j = QC(w.e) == '-' && qty_alpha(QC(w.e + 1)) ? w.e + 1 : qty_skip(t, n, w.e);
    }
    if (!nw) return 0;
    /* "two-way", "one-time": an adjective, unless of time ("five-year") */
    if (QC(a->ve) == '-' && qty_word(t, n, a->ve + 1, &w, 0) && !qty_dur(w.w)) return 0;
    a->v = total + cur;
    qty_tail(t, n, a->ve, a);
    return 1;
}

/* Singular of an English plural, in place: libraries, boxes, packages. */
static void qty_singular(char *w)
{
    size_t l = strlen(w);
    if (l > 4 && !strcmp(w + l - 3, "ies")) strcpy(w + l - 3, "y");
    else if (l > 4 && (!strcmp(w + l - 4, "sses") || !strcmp(w + l - 4, "ches") ||
                       !strcmp(w + l - 4, "shes") || !strcmp(w + l - 3, "xes")))
        w[l - 2] = '\0';
    else
        w[l - 1] = '\0';
}

/* Up to maxw words naming what is counted, into out[48] (lower case,
 * head noun singular, rates as "request/s").  Sets the span if any. */
static void qty_phrase(const char *t, size_t n, size_t k, int maxw, char *out, size_t *us, size_t *ue)
{
    qty_w w, r;
    size_t len = 0;
    for (int nw = 0; nw < maxw && qty_word(t, n, k, &w, 1); nw++) {
        const char *al = qty_alias_unit(w.w), *rate = NULL;
        size_t l = strlen(w.w), head = len + (len > 0);
        /* a plural ends the noun phrase: "data scientists use" */
        int plural = !al && l >= 4 && t[w.e - 1] == 's' && strcmp(w.w + l - 2, "ss") &&
                     strcmp(w.w + l - 2, "us") && strcmp(w.w + l - 2, "is");
        if (qty_listed(QL_STOP, w.w) || qty_numop(w.w, 0, 3) >= 0) break;
        if (len + strlen(al ? al : w.w) + 8 >= 48) break;
        if (len) out[len++] = ' ';
        else *us = w.s;
        strcpy(out + len, al ? al : w.w);
        if (plural) qty_singular(out + head);
        len = strlen(out);
        *ue = k = w.e;
        if (QC(k) == '/' && qty_word(t, n, k + 1, &r, 0))  /* requests/sec */
            rate = qty_rate(r.w);
        else if (qty_next_is(t, n, k, &r, "per") && qty_word(t, n, qty_skip(t, n, r.e), &r, 0))
            rate = qty_rate(r.w);                            /* requests per second */
        if (rate) {
            out[len++] = '/';
            strcpy(out + len, rate);
            *ue = r.e;
        }
        if (plural || al || rate) break;
        k = qty_skip(t, n, k);
    }
}

/* The unit after a count at j.  Returns 1 if it is a time unit. */
int qty_unit(const char *t, size_t n, size_t j, qty *q)
{
    qty_w w;
    const char *d;
    size_t k = qty_skip(t, n, j);
    int glued = k == j && QC(j) == '-' && qty_alpha(QC(j + 1));
    if (glued) k = j + 1;  /* 5-year, 64-bit: one word, an adjective */
    /* "100k/sec", "100k per second": a rate that names no thing counted */
    qty_w per;
    size_t r = k == j && QC(k) == '/' ? k + 1 : qty_next_is(t, n, j, &per, "per") ? qty_skip(t, n, per.e) : 0;
    if (r && qty_word(t, n, r, &w, 0) && (d = qty_rate(w.w))) {
        snprintf(q->unit, sizeof q->unit, "/%s", d);
        q->unit_start = k, q->unit_end = w.e;
        return 0;
    }
    if (qty_word(t, n, k, &w, 0) && (d = qty_dur(w.w))) {
        strcpy(q->unit, d);
        q->unit_start = w.s, q->unit_end = w.e;
        return 1;
    }
    qty_phrase(t, n, k, glued ? 1 : 3, q->unit, &q->unit_start, &q->unit_end);
    return 0;
}

/* What a percentage is of: "of (the) data scientists". */
void qty_of(const char *t, size_t n, size_t j, qty *q)
{
    qty_w w;
    size_t k, s, e;
    if (!qty_next_is(t, n, j, &w, "of")) return;
    k = qty_skip(t, n, w.e);
    if (qty_word(t, n, k, &w, 0) && qty_listed(QL_DETS, w.w)) k = qty_skip(t, n, w.e);
    qty_phrase(t, n, k, 3, q->of, &s, &e);
}

