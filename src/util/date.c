/*
 * date.c - recognising stated dates and normalizing them to YYYY-MM-DD.
 *
 * Articles write dates many ways; kb only needs the common ones:
 *   ISO            2026-05-08, 2026-05-08T10:00:00Z, 2024/02/19
 *                  (a time and zone may follow; nothing else)
 *   month first    May 08, 2026   May 8 2026   Sept. 3, 2024
 *   day first      8 May 2026     20th Jun, 2023   19 Feb 2024
 * A string is a date only if nothing but the date (and, for ISO, a time)
 * is in it, so "Python 3.8 (2019)" is not mistaken for one.
 */
#include "date.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

static int date_month(const char *s, size_t n)
{
    static const char *const full[12] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    if (n && s[n - 1] == '.') n--;
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t fl = strlen(full[m]);
        if (n > fl) continue;
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++)
            ok = tolower((unsigned char)s[i]) == full[m][i];
        /* a prefix of at least three letters: "Jun", "Sept", "June" */
        if (ok) return m + 1;
    }
    return 0;
}

static int date_days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

static int date_emit(int y, int m, int d, char out[11])
{
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > date_days_in(y, m))
        return 0;
    /* written by hand: the ranges are checked above */
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 1;
}

/* A token: a run of letters, a run of digits (with an ordinal suffix
 * swallowed), or a single punctuation character. */
typedef struct date_tok {
    const char *s;
    size_t n;
    int num;    /* value when digits, else -1 */
    int ndig;
} date_tok;

static size_t date_lex(const char *s, size_t len, date_tok *t, size_t max)
{
    size_t i = 0, k = 0;
    while (i < len && k < max) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) { i++; continue; }
        date_tok *tk = &t[k++];
        tk->s = s + i;
        tk->num = -1;
        tk->ndig = 0;
        if (isdigit(c)) {
            long v = 0;
            size_t j = i;
            while (j < len && isdigit((unsigned char)s[j]) && j - i < 6)
                v = v * 10 + (s[j++] - '0');
            tk->num = (int)v;
            tk->ndig = (int)(j - i);
            /* ordinal suffix: 1st 2nd 3rd 20th */
            if (j + 1 < len && isalpha((unsigned char)s[j]) && isalpha((unsigned char)s[j + 1]) &&
                (j + 2 >= len || !isalpha((unsigned char)s[j + 2]))) {
                const char *sfx = s + j;
                if (kb_ascii_ieq(sfx, 2, "st") || kb_ascii_ieq(sfx, 2, "nd") ||
                    kb_ascii_ieq(sfx, 2, "rd") || kb_ascii_ieq(sfx, 2, "th"))
                    j += 2;
            }
            tk->n = j - i;
            i = j;
        } else if (isalpha(c)) {
            size_t j = i;
            while (j < len && isalpha((unsigned char)s[j])) j++;
            if (j < len && s[j] == '.') j++;
            tk->n = j - i;
            i = j;
        } else {
            tk->n = 1;
            i++;
        }
    }
    return i < len ? max + 1 : k;
}

static size_t date_digits(const char *s, size_t n, size_t want)
{
    size_t i = 0;
    while (i < n && i < want && isdigit((unsigned char)s[i])) i++;
    return i == want ? want : 0;
}

/* What may follow an ISO date: a time ("T10:00", " 10:00:00.5") and a
 * zone ("Z", "+02:00", " +0000", " UTC").  Anything else (more words)
 * means the string is not one date. */
static int date_iso_time(const char *s, size_t n)
{
    size_t i = 1;
    if (s[0] != 'T' && s[0] != 't' && s[0] != ' ') return 0;
    if (!date_digits(s + i, n - i, 2) || i + 2 >= n || s[i + 2] != ':' ||
        !date_digits(s + i + 3, n - i - 3, 2))
        return 0;
    i += 5;
    if (i < n && s[i] == ':' && date_digits(s + i + 1, n - i - 1, 2)) i += 3;
    if (i < n && (s[i] == '.' || s[i] == ',') && i + 1 < n && isdigit((unsigned char)s[i + 1]))
        for (i++; i < n && isdigit((unsigned char)s[i]); i++) {}
    if (i < n && s[i] == ' ') i++;
    if (i == n) return 1;
    if (n - i == 1 && (s[i] == 'Z' || s[i] == 'z')) return 1;
    if (n - i == 3 && (kb_ascii_ieq(s + i, 3, "utc") || kb_ascii_ieq(s + i, 3, "gmt"))) return 1;
    if (s[i] != '+' && s[i] != '-') return 0;
    i++;
    if (!date_digits(s + i, n - i, 2)) return 0;
    i += 2;
    if (i < n && s[i] == ':') i++;
    if (i < n && date_digits(s + i, n - i, 2)) i += 2;
    return i == n;
}

int date_parse(const char *s, size_t len, char out[11])
{
    s = kb_trim(s, &len);
    if (!len || len > 64) return 0;
    /* ISO first: YYYY-MM-DD or YYYY/MM/DD, optionally followed by a time. */
    if (len >= 10 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) &&
        (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
        int y = 0, m = 0, d = 0;
        for (int i = 0; i < 4; i++) y = y * 10 + (isdigit((unsigned char)s[i]) ? s[i] - '0' : -100000);
        for (int i = 5; i < 7; i++) m = m * 10 + (isdigit((unsigned char)s[i]) ? s[i] - '0' : -1000);
        for (int i = 8; i < 10; i++) d = d * 10 + (isdigit((unsigned char)s[i]) ? s[i] - '0' : -1000);
        if (len == 10 || date_iso_time(s + 10, len - 10))
            return date_emit(y, m, d, out);
        return 0;
    }
    date_tok t[8];
    size_t n = date_lex(s, len, t, 6);
    if (n > 6 || n < 3) return 0;
    /* drop commas */
    date_tok w[6];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!(t[i].n == 1 && t[i].s[0] == ',')) w[k++] = t[i];
    if (k != 3) return 0;
    int m;
    /* Month D, YYYY */
    if ((m = date_month(w[0].s, w[0].n)) && w[1].num > 0 && w[1].ndig <= 2 && w[2].ndig == 4)
        return date_emit(w[2].num, m, w[1].num, out);
    /* D Month YYYY */
    if (w[0].num > 0 && w[0].ndig <= 2 && (m = date_month(w[1].s, w[1].n)) && w[2].ndig == 4)
        return date_emit(w[2].num, m, w[0].num, out);
    return 0;
}

int date_find_dateline(const char *line, size_t len, char out[11])
{
    static const char *const labels[] = {
        "last updated on", "last updated", "updated on", "updated",
        "published on", "published", "posted on", "posted", "date", "on"};
    line = kb_trim(line, &len);
    if (date_parse(line, len, out)) return 1;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t ln = strlen(labels[i]);
        if (len <= ln || !kb_ascii_ieq(line, ln, labels[i])) continue;
        const char *rest = line + ln;
        size_t rn = len - ln;
        if (isalpha((unsigned char)rest[0])) continue;
        while (rn && (rest[0] == ':' || isspace((unsigned char)rest[0]))) { rest++; rn--; }
        if (date_parse(rest, rn, out)) return 1;
    }
    return 0;
}
