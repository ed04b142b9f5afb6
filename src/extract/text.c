/*
 * text.c - blocks and metadata from plain text and Markdown (text.h).
 *
 * The input is validated and copied into the doc; then up to three
 * passes over its lines, each linear in the input:
 *   1. plain text only: the layout pass counts how many paragraph lines
 *      are long, which decides between line mode (every line a block:
 *      text extracted from web pages) and joined paragraphs
 *      (hard-wrapped text);
 *   2. the head scan (text_meta.c) reads the first lines for a title, a
 *      dateline and a byline;
 *   3. the block pass classifies lines (text_scan, text_line.c) and
 *      adds blocks.
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

#include "date.h"
#include "norm.h"
#include "text_int.h"
#include "util.h"

/* Layout thresholds, in characters (code points), not bytes, so that
 * text in scripts of two- or three-byte characters is judged alike. */
#define TEXT_LONG_LINE 100   /* a paragraph line longer is "long" */
#define TEXT_HEAD_CHARS 120  /* a layout heading is at most this long */
#define TEXT_HEAD_WORDS 15
#define TEXT_TITLE_WORDS 6   /* a heading over a list or a heading is at most this long */
/* A heading longer than this many bytes is a paragraph: every block
 * below a heading carries the heading path as its section (copied per
 * block and stored per unit and claim), so a "# " line of 100 KB above
 * thousands of short lines made a 1 GB database from 115 KB.  Real
 * headings are far shorter; html_blocks.c has the same rule. */
#define TEXT_HEADING_MAX 256
/* And the paths copied into blocks may total at most this many times the
 * text, plus TEXT_SECTION_SLACK, else the file is refused: six headings
 * of 240 bytes above 5 MB of one-word paragraphs still made 1.9 GB of
 * memory and a 3.7 GB database.  Real documents use about a third of
 * their size (headings are short, paragraphs long); html_blocks.c has the
 * same budget. */
#define TEXT_SECTION_RATIO 8
#define TEXT_SECTION_SLACK ((size_t)1 << 20)

static size_t text_nwords(const char *s, size_t n, size_t limit)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k <= limit; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1]))) k++;
    return k;
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

/* A heading candidate short enough to be a title, without a comma: a
 * line of "Label: a, b, c" or a sentence left unpunctuated is not. */
static int text_title(const text_ctx *c, const text_line *L)
{
    const char *s = c->s + L->cs;
    size_t n = L->ce - L->cs;
    return text_nwords(s, n, TEXT_TITLE_WORDS) <= TEXT_TITLE_WORDS && !memchr(s, ',', n);
}

/* The plain-text heading rule: a one-line unit of heading shape whose
 * next non-blank unit is a longer paragraph of running text; or a
 * title over a list or a table ("Disadvantages of X" over its items)
 * or, when chain is set, over another heading ("2.Community Support"
 * over "X" over its paragraph).  Other heading candidates before a
 * short line are labels or lists written without marks. */
static int text_layout_heading_at(const text_ctx *c, const text_line *L, int chain)
{
    text_line N, M;
    size_t pos = L->next;
    if (c->markdown || !text_heading_shape(c, L)) return 0;
    do {
        if (pos >= c->len) return 0;
        text_scan(c, pos, &N);
        pos = N.next;
    } while (N.kind == TK_BLANK);
    if ((N.kind == TK_ITEM || N.kind == TK_ROW || (chain && text_layout_heading_at(c, &N, 0))) && text_title(c, L))
        return 1;
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

static int text_layout_heading(const text_ctx *c, const text_line *L)
{
    return text_layout_heading_at(c, L, 1);
}

/* Is Markdown line L one strong span and nothing else ("**Security**",
 * "__Setup__"), short enough for a heading? */
static int text_strong_line(const text_ctx *c, const text_line *L)
{
    const char *s = c->s + L->cs;
    size_t n = L->ce - L->cs;
    if (n < 5 || !(s[0] == '*' || s[0] == '_') || s[1] != s[0] || s[n - 1] != s[0] || s[n - 2] != s[0] ||
        s[2] == ' ' || !text_short(s, n))
        return 0;
    for (size_t i = 2; i + 3 < n; i++)
        if (s[i] == s[0] && s[i + 1] == s[0]) return 0;
    return 1;
}

/* In line mode, does line N go on with the sentence of the block
 * [cs, ce): a long block that does not end one, and a line that opens in
 * lower case ("... works with libraries like" / "ws and Socket.IO,
 * making ...")?  A short one is a heading or label ("Closing Thoughts"). */
static int text_goes_on(const text_ctx *c, size_t cs, size_t ce, const text_line *N)
{
    return text_nchars(c->s + cs, ce - cs, TEXT_LONG_LINE) > TEXT_LONG_LINE && !text_ends_sentence(c->s, ce) &&
           text_starts_lower(c->s + N->cs, N->ce - N->cs);
}

/* Extend the block that starts at cs over the following non-empty lines
 * of the kind given (in line mode, those text_goes_on): returns where
 * the run ends; *ce is its content end. */
static size_t text_run(const text_ctx *c, size_t cs, size_t pos, int kind, size_t *ce)
{
    text_line N;
    while (pos < c->len) {
        text_scan(c, pos, &N);
        if (N.kind != kind || N.cs == N.ce) break;
        if (!c->join && !text_goes_on(c, cs, *ce, &N)) break;
        /* "**Security**" on a line of its own opens a paragraph */
        if (c->markdown && kind == TK_TEXT && text_strong_line(c, &N)) break;
        *ce = N.ce;
        pos = N.next;
    }
    return pos;
}

/* A paragraph: a line, or in join mode a run of text lines; a setext
 * underline makes it a heading, and so may the plain-text rules. */
static size_t text_para(text_ctx *c, const text_line *L)
{
    size_t ce = L->ce, pos = text_run(c, L->cs, L->next, TK_TEXT, &ce);
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
    /* "**No more npm**" over the lines of its paragraph: a block of its
     * own (a title or a claim), then the paragraph */
    if (c->markdown && ce != L->ce && text_strong_line(c, L)) {
        text_line M;
        text_scan(c, L->next, &M);
        text_add(c, DOC_PARAGRAPH, 0, L->cs, L->ce);
        text_add(c, DOC_PARAGRAPH, 0, M.cs, ce);
        return pos;
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
    size_t ce = L->ce, pos = text_run(c, L->cs, L->next, TK_TEXT, &ce);
    text_add(c, DOC_ITEM, c->nlists, L->cs, ce);
    return pos;
}

/* Consecutive "> " lines form one quote (in join mode); an empty ">"
 * line separates quotes.  Inner lines keep their '>' in the range. */
static size_t text_quote(text_ctx *c, const text_line *L)
{
    size_t ce = L->ce, pos = L->cs < L->ce ? text_run(c, L->cs, L->next, TK_QUOTE, &ce) : L->next;
    text_add(c, DOC_QUOTE, 0, L->cs, ce);
    return pos;
}

/* A line of markup is skipped, but a highlight tag ("{% highlight go %}",
 * "{{< highlight go >}}") opens code that runs to its closing tag. */
static size_t text_markup(text_ctx *c, const text_line *L)
{
    const char *s = c->s + L->cs;
    size_t n = L->ce - L->cs, k = 2;
    while (k < n && (s[k] == ' ' || s[k] == '<')) k++;
    if (n - k < 9 || memcmp(s + k, "highlight", 9) != 0) return L->next;
    text_line E;
    for (size_t pos = L->next; pos < c->len; pos = E.next) {
        text_scan(c, pos, &E);
        if (E.kind == TK_MARKUP && (kb_memmem(c->s + E.cs, E.ce - E.cs, "endhighlight", 12) ||
                                    kb_memmem(c->s + E.cs, E.ce - E.cs, "/highlight", 10))) {
            text_add(c, DOC_CODE, 0, L->next, E.start);
            return E.next;
        }
    }
    return L->next;  /* unclosed: the lines after are read as text */
}

/* An HTML table written into Markdown (CommonMark passes it through as
 * HTML): each of its rows, "<tr" to "</tr>", is a row block whose cells
 * seg_cells reads; the table runs to "</table>" (else to the end). */
static size_t text_html_table(text_ctx *c, const text_line *L)
{
    const char *s = c->s;
    size_t row = SIZE_MAX;
    for (size_t i = L->cs + 1; i < c->len; i++) {
        if (s[i] != '<') continue;
        int tr = kb_html_tag_at(s, c->len, i, "tr"), end = kb_html_tag_at(s, c->len, i, "table") == 2;
        if ((tr || end) && row != SIZE_MAX) {
            size_t e = i;
            if (tr == 2) {
                const char *gt = memchr(s + i, '>', c->len - i);
                e = gt ? (size_t)(gt - s) + 1 : c->len;
            }
            text_add(c, DOC_ROW, 0, row, e);
            row = SIZE_MAX;
        }
        if (tr == 1) row = i;
        if (end) {
            const char *nl = memchr(s + i, '\n', c->len - i);
            return nl ? (size_t)(nl - s) + 1 : c->len;
        }
    }
    if (row != SIZE_MAX) text_add(c, DOC_ROW, 0, row, c->len);
    return c->len;
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
        case TK_MARKUP: pos = text_markup(c, &L); break;
        case TK_HTML_TABLE: pos = text_html_table(c, &L); break;
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
