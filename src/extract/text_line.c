/*
 * text_line.c - one line of plain text or Markdown (see text_int.h): its
 * kind, read by text_scan from its indentation and marker, and its
 * shape (length in characters, how it ends, whether it is a byline),
 * which the metadata and the layout rules ask about.
 */
#include "text_int.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Length of the white-space character at s[i], or 0. */
static size_t text_space_at(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) return isspace(u[0]) ? 1 : 0;
    if (u[0] == 0xC2 && i + 1 < end && u[1] == 0xA0) return 2;
    if (i + 2 >= end) return 0;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8B || u[2] == 0xAF)) return 3;
    if (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) return 3;
    if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
    if (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return 3;
    return 0;
}

void text_trim(const char *s, size_t *b, size_t *e)
{
    size_t k;
    while (*b < *e && (k = text_space_at(s, *b, *e))) *b += k;
    while (*e > *b) {
        if ((k = text_space_at(s, *e - 1, *e)) == 1) *e -= 1;
        else if (*e - *b >= 2 && text_space_at(s, *e - 2, *e) == 2) *e -= 2;
        else if (*e - *b >= 3 && text_space_at(s, *e - 3, *e) == 3) *e -= 3;
        else break;
    }
}

size_t text_nchars(const char *s, size_t n, size_t limit)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k <= limit; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Length of the entry of tbl that s[0..n) ends with, or 0. */
static size_t text_suffix(const char *s, size_t n, const char *const *tbl, size_t ntbl)
{
    for (size_t i = 0; i < ntbl; i++) {
        size_t k = strlen(tbl[i]);
        if (n >= k && !memcmp(s + n - k, tbl[i], k)) return k;
    }
    return 0;
}

int text_ends_sentence(const char *s, size_t n)
{
    static const char *const closers[] = {
        "\"", "'", ")", "]", "\xe2\x80\x99", "\xe2\x80\x9d", "\xc2\xbb"};
    static const char *const stops[] = {
        ".", ",", ";", ":", "!", "\xe2\x80\xa6", "\xe3\x80\x82",
        "\xef\xbc\x8c", "\xef\xbc\x9b", "\xef\xbc\x9a", "\xef\xbc\x81"};
    size_t k;
    while ((k = text_suffix(s, n, closers, sizeof closers / sizeof *closers))) n -= k;
    return text_suffix(s, n, stops, sizeof stops / sizeof *stops) != 0;
}

/* Unicode category of the first character of s[0..n) (0 if none). */
static int text_first_cat(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    if (!n || utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp) < 0)
        return 0;
    return (int)utf8proc_category(cp);
}

int text_starts_upper(const char *s, size_t n)
{
    int cat = text_first_cat(s, n);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND;
}

int text_starts_lower(const char *s, size_t n)
{
    return text_first_cat(s, n) == UTF8PROC_CATEGORY_LL;
}

/* A personal name: 1..4 words, each capitalized, except lower-case
 * particles inside ("Guido van Rossum"). */
static int text_is_name(const char *s, size_t n)
{
    static const char *const particles[] = {
        "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "al"};
    size_t i = 0, words = 0;
    while (i < n) {
        size_t w = i;
        while (i < n && s[i] != ' ') {
            unsigned char ch = (unsigned char)s[i++];
            if (!isalpha(ch) && ch < 0x80 && ch != '.' && ch != '-' && ch != '\'') return 0;
        }
        int cat = text_first_cat(s + w, i - w);
        if (cat != UTF8PROC_CATEGORY_LU && cat != UTF8PROC_CATEGORY_LT) {
            int particle = 0;
            for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
                particle |= kb_ascii_ieq(s + w, i - w, particles[k]);
            if (!particle || w == 0 || i == n) return 0;
        }
        if (++words > 4) return 0;
        while (i < n && s[i] == ' ') i++;
    }
    return words > 0;
}

int text_byline(const char *s, size_t n, const char **name, size_t *nn)
{
    static const char *const labels[] = {"by ", "written by ", "posted by ", "author:"};
    if (n > 100) return 0;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t ln = strlen(labels[i]);
        if (n <= ln || !kb_ascii_ieq(s, ln, labels[i])) continue;
        size_t rn = n - ln;
        const char *r = kb_trim(s + ln, &rn);
        if (!text_is_name(r, rn)) continue;
        *name = r;
        *nn = rn;
        return 1;
    }
    return 0;
}

/* A code fence: three or more ` or ~.  A backtick in a ``` line's info
 * string makes it inline code instead (as CommonMark says). */
static int text_scan_fence(const char *s, size_t p, size_t end, text_line *L)
{
    char ch = s[p];
    size_t q = p;
    if (ch != '`' && ch != '~') return 0;
    while (q < end && s[q] == ch) q++;
    if (q - p < 3 || (ch == '`' && memchr(s + q, '`', end - q))) return 0;
    L->kind = TK_FENCE;
    L->fch = ch;
    L->flen = q - p;
    L->finfo = q < L->ce;
    return 1;
}

/* A container directive's fence, opening or closing (":::", ":::note",
 * ":::card{.wide}", "::: {.aside}"): generic Markdown (remark-directive,
 * Pandoc's fenced divs, Docusaurus admonitions) puts its blocks between
 * such lines.  The line is markup, never text, and ends the block above;
 * the lines inside are read as they are. */
static int text_scan_directive(const char *s, size_t p, size_t end, text_line *L)
{
    size_t q = p;
    while (q < end && s[q] == ':') q++;
    if (q - p < 3) return 0;
    if (q < end && !isalpha((unsigned char)s[q]) && s[q] != '{' && s[q] != ' ' && s[q] != '\t')
        return 0;
    L->kind = TK_MARKUP;
    return 1;
}

/* A template tag alone on a line: "{% include cta.html %}", "{% raw %}",
 * "{{< figure src=x >}}", "{{ video(url=...) }}" (Jekyll's Liquid, Hugo's
 * and Zola's shortcodes).  The site generator replaces it; the text
 * between an opening and a closing tag is read as it is. */
static int text_scan_template(const char *s, size_t p, size_t end, text_line *L)
{
    if (end - p < 4 || s[p] != '{' || (s[p + 1] != '%' && s[p + 1] != '{')) return 0;
    if (s[end - 1] != '}' || (s[end - 2] != '%' && s[end - 2] != '}')) return 0;
    L->kind = TK_MARKUP;
    return 1;
}

/* "#".."######" and a blank; closing #s after a blank are not content. */
static int text_scan_atx(const char *s, size_t p, size_t end, text_line *L)
{
    size_t q = p;
    while (q < end && s[q] == '#') q++;
    if (q == p || q - p > 6 || (q < end && s[q] != ' ' && s[q] != '\t')) return 0;
    size_t e = L->ce, h = e;
    while (h > q && s[h - 1] == '#') h--;
    if (h == q || s[h - 1] == ' ' || s[h - 1] == '\t') e = h;
    L->kind = TK_ATX;
    L->level = (int)(q - p);
    L->cs = q;
    L->ce = e;
    text_trim(s, &L->cs, &L->ce);
    return 1;
}

/* A rule: three or more of one of - * _ = and blanks.  An unbroken run
 * of = or - can underline the line above (setext heading). */
static int text_scan_rule(const char *s, size_t p, size_t end, text_line *L)
{
    char ch = s[p];
    size_t n = 0;
    int gap = 0, broken = 0;
    if (ch != '-' && ch != '*' && ch != '_' && ch != '=') return 0;
    for (size_t q = p; q < end; q++) {
        if (s[q] == ch) { n++; broken |= gap; }
        else if (s[q] == ' ' || s[q] == '\t') gap = 1;
        else return 0;
    }
    if (n < 3) return 0;
    L->kind = TK_RULE;
    L->level = broken ? 0 : ch == '=' ? 1 : ch == '-' ? 2 : 0;
    return 1;
}

/* List markers: bullets, or 1-9 digits and '.' or ')', then a blank. */
static int text_scan_item(const char *s, size_t p, size_t end, text_line *L)
{
    static const char *const bullets[] = {
        "-", "*", "+", "\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa"};
    size_t q = p;
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets && q == p; i++) {
        size_t k = strlen(bullets[i]);
        if (end - p >= k && !memcmp(s + p, bullets[i], k)) q = p + k;
    }
    if (q == p) {
        while (q < end && isdigit((unsigned char)s[q]) && q - p < 10) q++;
        if (q == p || q - p > 9 || q == end || (s[q] != '.' && s[q] != ')')) return 0;
        q++;
    }
    if (q < end && s[q] != ' ' && s[q] != '\t') return 0;
    L->kind = TK_ITEM;
    L->cs = q;
    text_trim(s, &L->cs, &L->ce);
    return 1;
}

/* A pipe-table row: two or more unescaped '|' and two non-empty cells
 * (outer pipes optional), or three or more '|' around one (a section
 * row).  A row of only - : | is a header separator. */
static int text_scan_row(const char *s, size_t p, size_t end, text_line *L)
{
    size_t pipes = 0, cells = 0;
    int filled = 0, sep = 1, dash = 0;
    if (!memchr(s + p, '|', end - p)) return 0;
    for (size_t q = p; q < end; q++) {
        char ch = s[q];
        if (ch == '|') { pipes++; cells += filled; filled = 0; continue; }
        if (ch == '\\' && q + 1 < end) q++;
        if (ch == '-') dash = 1;
        else if (ch != ':' && ch != ' ' && ch != '\t') sep = 0;
        if (ch != ' ' && ch != '\t') filled = 1;
    }
    cells += filled;
    if (sep && dash) L->kind = TK_SEP;
    /* "| **Section** |||": a table's section row, one cell filled */
    else if ((pipes >= 2 && cells >= 2) || (pipes >= 3 && cells >= 1)) L->kind = TK_ROW;
    else return 0;
    return 1;
}

void text_scan(const text_ctx *c, size_t pos, text_line *L)
{
    const char *s = c->s;
    const char *nl = memchr(s + pos, '\n', c->len - pos);
    size_t end = nl ? (size_t)(nl - s) : c->len;
    memset(L, 0, sizeof *L);
    L->start = pos;
    L->next = nl ? end + 1 : c->len;
    if (end > pos && s[end - 1] == '\r') end--;
    size_t p = pos;
    for (; p < end && (s[p] == ' ' || s[p] == '\t'); p++)
        L->indent = s[p] == '\t' ? (L->indent / 4 + 1) * 4 : L->indent + 1;
    L->cs = p;
    L->ce = end;
    text_trim(s, &L->cs, &L->ce);
    if (L->cs == L->ce) { L->kind = TK_BLANK; return; }
    p = L->cs;
    int shallow = L->indent < 4;  /* deeper is code in Markdown */
    if (shallow && text_scan_fence(s, p, end, L)) return;
    if (shallow && text_scan_atx(s, p, end, L)) return;
    if (shallow && c->markdown && (text_scan_directive(s, p, L->ce, L) || text_scan_template(s, p, L->ce, L)))
        return;
    if (shallow && c->markdown && kb_html_tag_at(s, L->ce, p, "table") == 1) {
        L->kind = TK_HTML_TABLE;
        return;
    }
    if (shallow && text_scan_rule(s, p, L->ce, L)) return;
    if (shallow && s[p] == '>') {
        L->kind = TK_QUOTE;
        L->cs = p + 1;
        text_trim(s, &L->cs, &L->ce);
        return;
    }
    if (text_scan_item(s, p, end, L)) return;
    if (text_scan_row(s, p, L->ce, L)) return;
    L->kind = TK_TEXT;
}

size_t text_fence_end(const text_ctx *c, const text_line *F, size_t *cend)
{
    text_line L;
    for (size_t pos = F->next; pos < c->len; pos = L.next) {
        text_scan(c, pos, &L);
        if (L.kind == TK_FENCE && L.fch == F->fch && L.flen >= F->flen && !L.finfo) {
            *cend = L.start;
            return L.next;
        }
    }
    *cend = c->len;
    return c->len;
}
