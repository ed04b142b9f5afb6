/*
 * text.c - blocks and metadata from plain text and Markdown (text.h).
 *
 * The input is validated and copied into the doc; then up to three
 * passes over its lines, each linear in the input:
 *   1. plain text only: the layout pass counts how many paragraph lines
 *      are long, which decides between line mode (every line a block:
 *      text extracted from web pages) and joined paragraphs
 *      (hard-wrapped text);
 *   2. the head scan reads the first lines for a title, a dateline and
 *      a byline;
 *   3. the block pass classifies lines (text_scan) and adds blocks.
 * Nothing is allocated per line: a line is a small struct on the stack,
 * and lookahead scans the next line again rather than keeping it.
 *
 * Markdown constructs that cannot mean anything else in a text file
 * ("# " headings, code fences, "> " quotes, underlined headings, rules)
 * are honoured in plain text too: many .txt files are Markdown-ish.
 */
#include "text.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "date.h"
#include "norm.h"
#include "util.h"

/* Layout thresholds, in characters (code points), not bytes, so that
 * text in scripts of two- or three-byte characters is judged alike. */
#define TEXT_LONG_LINE 100   /* a paragraph line longer is "long" */
#define TEXT_HEAD_CHARS 120  /* a layout heading is at most this long */
#define TEXT_HEAD_WORDS 15
#define TEXT_TITLE_CHARS 200 /* the first line is a title up to this */
#define TEXT_HEAD_LINES 15   /* non-blank lines searched for date, author */
#define TEXT_FM_LINES 100    /* front matter must close within this */
#define TEXT_MAX_NEST 16     /* list nesting tracked */
/* A heading longer than this many bytes is a paragraph: every block
 * below a heading carries the heading path as its section (copied per
 * block and stored per unit and claim), so a "# " line of 100 KB above
 * thousands of short lines made a 1 GB database from 115 KB.  Real
 * headings are far shorter; html.c has the same rule. */
#define TEXT_HEADING_MAX 256
/* And the paths copied into blocks may total at most this many times the
 * text, plus TEXT_SECTION_SLACK, else the file is refused: six headings
 * of 240 bytes above 5 MB of one-word paragraphs still made 1.9 GB of
 * memory and a 3.7 GB database.  Real documents use about a third of
 * their size (headings are short, paragraphs long); html.c has the
 * same budget. */
#define TEXT_SECTION_RATIO 8
#define TEXT_SECTION_SLACK ((size_t)1 << 20)

enum text_kind {
    TK_BLANK, TK_TEXT, TK_ITEM, TK_ROW, TK_SEP, TK_ATX, TK_FENCE, TK_QUOTE, TK_RULE
};

/* One classified line.  [cs, ce) is its content, trimmed, after the
 * indentation and any marker ("- ", "## ", "> "). */
typedef struct text_line {
    size_t start, next;  /* where the line starts; where the next does */
    size_t cs, ce;
    int kind;
    int indent;   /* columns of leading blanks (a tab advances to 4n) */
    int level;    /* TK_ATX: 1..6; TK_RULE: setext level (0: none) */
    char fch;     /* TK_FENCE: '`' or '~', its length, info string? */
    size_t flen;
    int finfo;
} text_line;

typedef struct text_ctx {
    doc *d;
    const char *s;     /* d->text */
    size_t len;
    int markdown;
    int join;          /* consecutive lines join into one block */
    size_t title_at;   /* start of the plain-text title line, or SIZE_MAX */
    int nlists;        /* indentation of the open lists, outermost first */
    int lists[TEXT_MAX_NEST];
    size_t sections;   /* bytes of section path copied into blocks so far */
} text_ctx;

/* Length of the white-space character at s[i] (ASCII, no-break and
 * typographic spaces, which web extracts are full of), or 0. */
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

static void text_trim(const char *s, size_t *b, size_t *e)
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

/* Code points in s[0..n), counted no further than limit + 1. */
static size_t text_nchars(const char *s, size_t n, size_t limit)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k <= limit; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static size_t text_nwords(const char *s, size_t n, size_t limit)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k <= limit; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1]))) k++;
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

/* Does s end like a sentence or a clause: . , ; : ! or an ellipsis,
 * possibly inside closing quotes or brackets?  A '?' does not count:
 * question headings are common. */
static int text_ends_sentence(const char *s, size_t n)
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

/* A heading or name starts with a capital, a digit, or a letter of a
 * script without case (where capitals cannot tell anything). */
static int text_starts_upper(const char *s, size_t n)
{
    int cat = text_first_cat(s, n);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND;
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

/* A byline: "By NAME", "Written by NAME", "Author: NAME".  On success
 * sets *name and *nn to the name. */
static int text_byline(const char *s, size_t n, const char **name, size_t *nn)
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
 * (outer pipes optional).  A row of only - : | is a header separator. */
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
    else if (pipes >= 2 && cells >= 2) L->kind = TK_ROW;
    else return 0;
    return 1;
}

/* Read and classify the line at pos. */
static void text_scan(const text_ctx *c, size_t pos, text_line *L)
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

/* Where the fence opened by F closes: sets *cend to the end of its
 * content and returns the offset after the closing line (EOF if none). */
static size_t text_fence_end(const text_ctx *c, const text_line *F, size_t *cend)
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

static void text_set_date(text_ctx *c, const char date[11], const char *basis)
{
    if (c->d->meta.date) return;
    doc_meta_set(&c->d->meta.date, date, 10);
    c->d->meta.date_basis = basis;
}

/* Count the section path block i (if added) carries against the budget. */
static void text_count(text_ctx *c, long i)
{
    if (i >= 0 && c->d->blocks[i].section) c->sections += strlen(c->d->blocks[i].section);
}

static int text_over_budget(const text_ctx *c)
{
    return c->sections > TEXT_SECTION_SLACK + TEXT_SECTION_RATIO * c->len;
}

static void text_add(text_ctx *c, doc_kind kind, int level, size_t b, size_t e)
{
    text_trim(c->s, &b, &e);
    text_count(c, doc_add_block(c->d, kind, level, b, e));
}

static void text_heading(text_ctx *c, int level, size_t b, size_t e)
{
    text_trim(c->s, &b, &e);
    if (e - b > TEXT_HEADING_MAX) {
        text_add(c, DOC_PARAGRAPH, 0, b, e);
        return;
    }
    long i = doc_add_heading(c->d, level, b, e);
    text_count(c, i);
    /* A Markdown document's title is its first level-1 heading. */
    if (i >= 0 && c->markdown && level == 1)
        doc_meta_set(&c->d->meta.title, c->s + b, e - b);
}

/* Front matter: "---" as the first line, closed by "---" or "..."
 * within TEXT_FM_LINES lines, "key: value" lines between.  Returns the
 * offset after it, or pos when there is none. */
static size_t text_front_matter(text_ctx *c, size_t pos)
{
    doc_meta *m = &c->d->meta;
    text_line L;
    size_t q = pos, close = SIZE_MAX, after = pos;
    for (int n = 0; n <= TEXT_FM_LINES && q < c->len && close == SIZE_MAX; n++, q = L.next) {
        text_scan(c, q, &L);
        const char *t = c->s + L.cs;
        int mark = L.cs == L.start && L.ce - L.cs == 3 &&
                   (!memcmp(t, "---", 3) || (n && !memcmp(t, "...", 3)));
        if (!n && !mark) return pos;
        if (n && mark) { close = L.start; after = L.next; }
    }
    if (close == SIZE_MAX) return pos;
    for (text_scan(c, pos, &L), q = L.next; q < close; q = L.next) {
        text_scan(c, q, &L);
        const char *k = c->s + L.cs, *colon;
        if (L.indent || L.kind == TK_BLANK || !(colon = memchr(k, ':', L.ce - L.cs))) continue;
        size_t kn = (size_t)(colon - k), vn = (size_t)(c->s + L.ce - colon - 1);
        const char *v = kb_trim(colon + 1, &vn);
        k = kb_trim(k, &kn);
        if (vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[vn - 1] == v[0]) { v++; vn -= 2; }
        char date[11];
        if (kb_ascii_ieq(k, kn, "title")) doc_meta_set(&m->title, v, vn);
        else if (kb_ascii_ieq(k, kn, "author")) doc_meta_set(&m->author, v, vn);
        else if (kb_ascii_ieq(k, kn, "site")) doc_meta_set(&m->site, v, vn);
        else if (kb_ascii_ieq(k, kn, "url") || kb_ascii_ieq(k, kn, "link")) doc_meta_set(&m->url, v, vn);
        else if (kb_ascii_ieq(k, kn, "date") && date_parse(v, vn, date)) text_set_date(c, date, "front-matter");
    }
    return after;
}

/* Is this text laid out one paragraph a line?  Text extracted from web
 * pages is: its paragraphs are single long lines.  Hard-wrapped text
 * (folded at 72-80 columns) has next to no line over 100 characters,
 * while in the web extracts we have seen a third to two thirds of the
 * paragraph lines are; one in five sits well clear of both.  Only paragraph lines
 * count: lists, tables and code look alike in either layout. */
static int text_line_mode(const text_ctx *c, size_t pos)
{
    size_t ntext = 0, nlong = 0, cend;
    text_line L;
    while (pos < c->len) {
        text_scan(c, pos, &L);
        pos = L.kind == TK_FENCE ? text_fence_end(c, &L, &cend) : L.next;
        if (L.kind != TK_TEXT) continue;
        ntext++;
        nlong += text_nchars(c->s + L.cs, L.ce - L.cs, TEXT_LONG_LINE) > TEXT_LONG_LINE;
    }
    return nlong > 0 && nlong * 5 >= ntext;
}

/* Metadata from the top of the body: in plain text the first line as
 * title; in both, the first dateline and byline among the first
 * TEXT_HEAD_LINES non-blank lines.  A date label alone on a line
 * ("Last updated:") needs no joining: the date on the next line is a
 * whole-line date by itself. */
static void text_head(text_ctx *c, size_t pos)
{
    doc_meta *m = &c->d->meta;
    int first = 1;
    text_line L;
    for (int n = 0; n < TEXT_HEAD_LINES && pos < c->len; pos = L.next) {
        text_scan(c, pos, &L);
        if (L.kind == TK_BLANK) continue;
        if (L.kind == TK_FENCE) break;
        n++;
        const char *s = c->s + L.cs, *name;
        size_t len = L.ce - L.cs, nn;
        char date[11];
        int isdate = len <= 200 && date_find_dateline(s, len, date);
        if (isdate) text_set_date(c, date, "text");
        if (!m->author && text_byline(s, len, &name, &nn)) doc_meta_set(&m->author, name, nn);
        if (!first || c->markdown || m->title) continue;
        first = 0;
        if (L.kind == TK_ATX) {
            doc_meta_set(&m->title, s, len);
        } else if (L.kind == TK_TEXT && !isdate && !text_ends_sentence(s, len) &&
                   text_nchars(s, len, TEXT_TITLE_CHARS) <= TEXT_TITLE_CHARS &&
                   !text_byline(s, len, &name, &nn)) {
            /* In wrapped text the title must be a paragraph by itself. */
            text_line N;
            if (c->join && L.next < c->len) {
                text_scan(c, L.next, &N);
                if (N.kind == TK_TEXT) continue;
            }
            doc_meta_set(&m->title, s, len);
            c->title_at = L.start;
        }
    }
}

static int text_short(const char *s, size_t n)
{
    return text_nchars(s, n, TEXT_HEAD_CHARS) <= TEXT_HEAD_CHARS &&
           text_nwords(s, n, TEXT_HEAD_WORDS) <= TEXT_HEAD_WORDS;
}

/* Could this line be a heading by its look alone?  Short, not ended
 * like a sentence, starting with a capital or a digit, and not a
 * dateline or byline (those are short and unpunctuated too). */
static int text_heading_shape(const text_ctx *c, const text_line *L)
{
    const char *s = c->s + L->cs, *name;
    size_t n = L->ce - L->cs, nn;
    char date[11];
    return L->kind == TK_TEXT && text_short(s, n) && !text_ends_sentence(s, n) &&
           text_starts_upper(s, n) && !date_find_dateline(s, n, date) &&
           !text_byline(s, n, &name, &nn);
}

/* Does the line read as running text: long, or ended like a sentence?
 * A short unpunctuated line after a heading candidate is more likely
 * another heading, a label or page furniture than its paragraph. */
static int text_prose(const text_ctx *c, const text_line *L)
{
    const char *s = c->s + L->cs;
    size_t n = L->ce - L->cs;
    return L->kind == TK_TEXT && (!text_short(s, n) || text_ends_sentence(s, n));
}

/* The plain-text heading rule: a one-line unit of heading shape whose
 * next non-blank unit is a longer paragraph of running text (not a
 * list, a table or another heading candidate). */
static int text_layout_heading(const text_ctx *c, const text_line *L)
{
    text_line N, M;
    size_t pos = L->next;
    if (c->markdown || !text_heading_shape(c, L)) return 0;
    do {
        if (pos >= c->len) return 0;
        text_scan(c, pos, &N);
        pos = N.next;
    } while (N.kind == TK_BLANK);
    size_t hlen = L->ce - L->cs, span = N.ce - N.cs;
    int prose = text_prose(c, &N);
    /* In wrapped text the next paragraph is a run of lines (itself
     * running text); read on only until it is known to be longer. */
    while (c->join && (!prose || span <= hlen) && pos < c->len) {
        text_scan(c, pos, &M);
        if (M.kind != TK_TEXT) break;
        prose = 1;
        span = M.ce - N.cs;
        pos = M.next;
    }
    return prose && span > hlen;
}

/* In join mode, extend a block over the following non-empty lines of
 * the kind given: returns where the run ends; *ce is its content end. */
static size_t text_run(const text_ctx *c, size_t pos, int kind, size_t *ce)
{
    text_line N;
    while (c->join && pos < c->len) {
        text_scan(c, pos, &N);
        if (N.kind != kind || N.cs == N.ce) break;
        *ce = N.ce;
        pos = N.next;
    }
    return pos;
}

/* A paragraph: a line, or in join mode a run of text lines; a setext
 * underline makes it a heading, and so may the plain-text rules. */
static size_t text_para(text_ctx *c, const text_line *L)
{
    size_t ce = L->ce, pos = text_run(c, L->next, TK_TEXT, &ce);
    text_line N;
    if (pos < c->len) {
        text_scan(c, pos, &N);
        /* underlined: in plain text only a short line (a paragraph
         * above a rule of dashes is more likely a paragraph) */
        if (N.kind == TK_RULE && N.level && (c->markdown || text_short(c->s + L->cs, ce - L->cs))) {
            text_heading(c, N.level, L->cs, ce);
            return N.next;
        }
    }
    /* Plain-text headings carry no level: 1, each replacing the last. */
    if (ce == L->ce && (L->start == c->title_at || text_layout_heading(c, L)))
        text_heading(c, 1, L->cs, ce);
    else
        text_add(c, DOC_PARAGRAPH, 0, L->cs, ce);
    return pos;
}

/* A list item; its nesting level comes from a stack of the indents of
 * the open lists, so a list indented as a whole is still level 1.  In
 * join mode following text lines continue the item. */
static size_t text_item(text_ctx *c, const text_line *L)
{
    while (c->nlists && L->indent < c->lists[c->nlists - 1]) c->nlists--;
    if (!c->nlists || (L->indent >= c->lists[c->nlists - 1] + 2 && c->nlists < TEXT_MAX_NEST))
        c->lists[c->nlists++] = L->indent;
    size_t ce = L->ce, pos = text_run(c, L->next, TK_TEXT, &ce);
    text_add(c, DOC_ITEM, c->nlists, L->cs, ce);
    return pos;
}

/* Consecutive "> " lines form one quote (in join mode); an empty ">"
 * line separates quotes.  Inner lines keep their '>' in the range. */
static size_t text_quote(text_ctx *c, const text_line *L)
{
    size_t ce = L->ce, pos = L->cs < L->ce ? text_run(c, L->next, TK_QUOTE, &ce) : L->next;
    text_add(c, DOC_QUOTE, 0, L->cs, ce);
    return pos;
}

static void text_blocks(text_ctx *c, size_t pos)
{
    text_line L;
    size_t cend;
    while (pos < c->len && !text_over_budget(c)) {
        text_scan(c, pos, &L);
        /* A block at or left of the outermost list's indent ends it. */
        if (L.kind != TK_BLANK && L.kind != TK_ITEM && c->nlists && L.indent <= c->lists[0])
            c->nlists = 0;
        switch (L.kind) {
        case TK_FENCE:
            pos = text_fence_end(c, &L, &cend);
            text_add(c, DOC_CODE, 0, L.next, cend);
            break;
        case TK_ATX: text_heading(c, L.level, L.cs, L.ce); pos = L.next; break;
        case TK_ROW: text_add(c, DOC_ROW, 0, L.cs, L.ce); pos = L.next; break;
        case TK_QUOTE: pos = text_quote(c, &L); break;
        case TK_ITEM: pos = text_item(c, &L); break;
        case TK_TEXT: pos = text_para(c, &L); break;
        default: pos = L.next; break;  /* blank lines, rules, separators */
        }
    }
}

int text_extract(const char *data, size_t len, int markdown, doc *out, char **err)
{
    const char *nul = len ? memchr(data, '\0', len) : NULL;
    size_t bad = 0;
    if (nul)
        return kb_seterr(err, "contains a NUL byte at offset %zu (binary file?)", (size_t)(nul - data));
    if (!norm_valid_utf8(data, len, &bad)) return kb_seterr(err, "invalid UTF-8 at byte %zu", bad);

    out->text = kb_malloc(len + 1);
    if (len) memcpy(out->text, data, len);
    out->text[len] = '\0';
    out->len = len;
    out->format = markdown ? DOC_MARKDOWN : DOC_TEXT;

    text_ctx c = {.d = out, .s = out->text, .len = len, .markdown = markdown, .title_at = SIZE_MAX};
    size_t pos = len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
    pos = text_front_matter(&c, pos);
    c.join = markdown || !text_line_mode(&c, pos);
    text_head(&c, pos);
    text_blocks(&c, pos);
    if (text_over_budget(&c))
        return kb_seterr(err, "too many blocks under long headings (their section paths would "
                              "take over %d times the size of the file)", TEXT_SECTION_RATIO);
    return KB_OK;
}
