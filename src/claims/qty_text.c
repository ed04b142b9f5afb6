/*
 * qty_text.c - reading the text around a numeral (qty_int.h): the
 * tokens before it, and the dates, month names and list markers a
 * number can belong to.  Context is read only within QTY_WIN bytes of
 * the numeral, so the scan stays linear.
 */
#include "qty_int.h"

#include <string.h>

#include "date.h"

/* A capitalized month name as date_parse reads it ("May", "Sept."):
 * asked of date_parse itself so the two never disagree. */
int qty_month(const char *s, size_t len)
{
    static const char first3[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    char b[24], out[11], p[4] = {0};
    if (len < 3 || len > 10 || !qty_upper((unsigned char)s[0])) return 0;
    for (int i = 0; i < 3; i++) p[i] = qty_lower((unsigned char)s[i]);
    const char *m = strstr(first3, p);
    if (!m || (m - first3) % 3) return 0;  /* most words: no date_parse call */
    memcpy(b, s, len);
    memcpy(b + len, " 1, 2000", 8);
    return date_parse(b, len + 8, out);
}

/* Up to three tokens before i on the same line, nearest first, each
 * separated from the next by blanks only. */
int qty_back(const char *t, size_t n, size_t i, qty_tok *tk)
{
    size_t lo = i > QTY_WIN ? i - QTY_WIN : 0;
    int k = 0;
    while (k < 3) {
        size_t e = i, s;
        while (e > lo && (t[e - 1] == ' ' || t[e - 1] == '\t')) e--;
        if (e == lo || t[e - 1] == '\n' || t[e - 1] == '\r') break;
        for (s = e; s > lo && !strchr(" \t\r\n", t[s - 1] ? t[s - 1] : '\n'); s--) {}
        if (s == lo && lo > 0) break;  /* may go on past the window */
        i = s;
        /* "(PEP 8)", "(over 75%)": opening marks are not part of the word */
        while (s < e && strchr("([{\"'", t[s])) s++;
        if (s + 3 <= e && QC(s) == 0xE2 && QC(s + 1) == 0x80 && (QC(s + 2) == 0x98 || QC(s + 2) == 0x9C)) s += 3;
        if (s == e) s = i;
        qty_tok *q = &tk[k++];
        size_t len = e - s, up = 0, al = 0, ok = 1;
        q->s = s, q->e = e;
        for (size_t j = s; j < e; j++) {
            int c = QC(j);
            al += qty_alpha(c);
            up += qty_upper(c);
            ok &= qty_alnum(c) || ((c == '.' || c == '-') && j > s);
        }
        q->word = al == len && len < QTY_NW;
        q->acro = q->word && len >= 2 && up == len;
        q->name = ok && up && qty_alnum(QC(e - 1));  /* Python, NodeJS, macOS */
        q->w[0] = '\0';
        for (size_t j = 0; len < QTY_NW && j <= len; j++) q->w[j] = j < len ? qty_lower(QC(s + j)) : '\0';
    }
    return k;
}

/* If the number at i belongs to a date, the end of the date; a day with
 * a month but no year ("May 8", "8 May") ends after the month.  0 if not. */
size_t qty_date(const char *t, size_t n, size_t i, const qty_tok *prev)
{
    char out[11];
    size_t j = i, d, k, e, y, from;
    qty_w w;
    while (qty_dig(QC(j)) && j - i < 5) j++;
    if (j - i == 4 && (QC(j) == '-' || QC(j) == '/') && qty_dig(QC(j + 1))) {
        for (e = j; e < n && e - i < 40 && !qty_blank(t, n, e) && t[e] != '\n'; e++) {}
        while (e > j && t[e - 1] && strchr(".,;)]", t[e - 1])) e--;
        if (date_parse(t + i, e - i, out)) return e;
        return e - i > 10 && date_parse(t + i, 10, out) ? i + 10 : 0;
    }
    if (j - i > 2) return 0;
    d = j;
    if (qty_alpha(QC(j)) && qty_alpha(QC(j + 1)) && !qty_alpha(QC(j + 2))) d = j + 2;  /* 20th */
    if (prev && qty_month(t + prev->s, prev->e - prev->s)) {
        from = prev->s, e = d;  /* Month D[,] YYYY */
    } else if ((k = qty_skip(t, n, d)) > d && qty_word(t, n, k, &w, 0) &&
               qty_month(t + k, w.e + (QC(w.e) == '.') - k)) {
        from = i, d = e = w.e + (QC(w.e) == '.');  /* D Month[,] YYYY */
    } else {
        return 0;
    }
    e = qty_skip(t, n, e + (QC(e) == ','));
    for (y = e; qty_dig(QC(y)) && y - e < 5; y++) {}
    if (y - e == 4 && !qty_alnum(QC(y)) && date_parse(t + from, y - from, out)) return y;
    return d;
}

/* A list marker or section number first on its line ("1.", "2)", "3.2
 * Setup"): its end, else 0. */
size_t qty_listmark(const char *t, size_t n, size_t i)
{
    size_t k = i, j = i, lo = i > QTY_WIN ? i - QTY_WIN : 0;
    while (k > lo && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
    if (k > 0 && t[k - 1] != '\n' && t[k - 1] != '\r') return 0;
    while (qty_dig(QC(j))) j++;
    if (j - i <= 3 && (QC(j) == '.' || QC(j) == ')') &&
        (j + 1 >= n || qty_blank(t, n, j + 1) || qty_alpha(QC(j + 1)) || QC(j + 1) == '\n'))
        return j + 1;
    if (QC(j) != '.' || !qty_dig(QC(j + 1))) return 0;
    while (QC(j) == '.' && qty_dig(QC(j + 1)))
        for (j++; qty_dig(QC(j)); j++) {}
    j += QC(j) == '.';
    k = qty_skip(t, n, j);
    return k > j && qty_upper(QC(k)) ? j : 0;
}
