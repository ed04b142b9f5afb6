/*
 * html_blocks.c - the text and blocks of an HTML page (see html_int.h):
 * one walk of the content root, an element's meaning for the text inside
 * it (html_state) saved on the way down and restored on the way up; text
 * accumulates into the pending block, which each block boundary hands to
 * the doc.
 *
 * Choices html.h leaves open:
 *   - One <br> is a space (a soft line break inside a paragraph); two in
 *     a row, with only white space between, end the block, as old pages
 *     use <br><br> for paragraphs.  Inside headings, rows and pre it is
 *     always a space.
 *   - <pre> is one DOC_CODE block with its white space folded like any
 *     other text: the contract is one block a line.
 *   - An article's own <header> (one inside <article> or <main>) keeps
 *     its h1-h6 as heading blocks; the rest of it (byline, date, reading
 *     time) is not text but still feeds the metadata.  Any other <header>
 *     is site furniture.
 */
#include "html_int.h"

#include <stdlib.h>
#include <string.h>

#include "html_class.h"
#include "util.h"

/* A heading longer than this is read as a paragraph.  Every block below
 * a heading carries the heading path as its section, copied (doc.c) and
 * stored with each unit and claim, so one huge "heading" above many
 * short blocks cost memory and disk quadratic in the page.  Real
 * headings are far shorter; text.c has the same rule. */
#define HTML_HEADING_MAX 256
/* The section paths copied into blocks may total at most this many times
 * the page, plus HTML_SECTION_SLACK, else the page is refused (see
 * text.c's TEXT_SECTION_RATIO: headings under the cap above millions of
 * tiny blocks still cost hundreds of times the page). */
#define HTML_SECTION_RATIO 8
#define HTML_SECTION_SLACK ((size_t)1 << 20)

/* ARIA landmark roles of page furniture. */
static const char *const html_furniture_roles[] = {
    "alertdialog", "banner", "complementary", "contentinfo", "dialog",
    "menu", "menubar", "navigation", "search", NULL};

/* Length of the white space at s: ASCII, or a no-break space (U+00A0,
 * from &nbsp;) which is folded like any other. */
static size_t html_space(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0) return 2;
    return 0;
}

/* Is n furniture by its attributes?  Also says whether role="main". */
static int html_furniture(const xmlNode *n, int *is_main)
{
    static const char *const main_role[] = {"main", NULL};
    int furn = 0, content = 0;
    const char *v;
    if ((v = html_attr(n, "role")) != NULL) {
        if (html_token_in(v, html_furniture_roles)) return 1;
        *is_main = html_token_in(v, main_role);
    }
    if (html_attr(n, "hidden")) return 1;
    if ((v = html_attr(n, "class")) != NULL) html_class_judge(v, &furn, &content);
    if ((v = html_attr(n, "id")) != NULL) html_class_judge(v, &furn, &content);
    return furn && !content;
}

/* What an open element means for the text inside it; saved on entry
 * and restored on exit. */
typedef struct html_state {
    doc_kind kind;   /* of blocks made here */
    int level;       /* heading level or list item depth */
    int lists;       /* open ul/ol */
    int rows;        /* open tr; 1 = the row being built */
    int flat;        /* no block breaks: inside a heading, row or pre */
    int mute;        /* text dropped: an article header, outside headings */
    int main;        /* inside article/main: a <header> is the article's */
} html_state;

typedef struct html_frame {
    html_state st;
    unsigned flags;
} html_frame;

typedef struct html_ex {
    doc *d;
    xmlNode *root;
    buf text;
    size_t start;    /* where the pending block's text begins */
    int space;       /* white space seen and not yet written */
    int after_br;    /* a <br> with only white space after it */
    int row_text;    /* the open row has text, not only " | " */
    size_t cells;    /* cells begun in the open row */
    html_state st;
    html_frame *stack;
    size_t depth, cap;
    char **h1;       /* the first h1's text goes here */
    size_t sections; /* bytes of section path copied into blocks so far */
    size_t budget;   /* ... and how many it may be: past it, stop */
} html_ex;

/* Drop the spaces a cell separator left at the end of the pending block. */
static void html_trim_tail(html_ex *x)
{
    while (x->text.len > x->start && x->text.data[x->text.len - 1] == ' ')
        buf_truncate(&x->text, x->text.len - 1);
}

/* End the pending block: hand [start, len) to the doc and start a line. */
static void html_flush(html_ex *x)
{
    long idx = -1;
    html_trim_tail(x);
    int heading = x->st.kind == DOC_HEADING && x->text.len - x->start <= HTML_HEADING_MAX;
    if (x->text.len > x->start && (x->st.kind != DOC_ROW || x->row_text)) {
        /* doc_add_* trim and copy the heading through d->text */
        x->d->text = x->text.data;
        x->d->len = x->text.len;
        if (heading)
            idx = doc_add_heading(x->d, x->st.level, x->start, x->text.len);
        else if (x->st.kind == DOC_HEADING)
            idx = doc_add_block(x->d, DOC_PARAGRAPH, 0, x->start, x->text.len);
        else
            idx = doc_add_block(x->d, x->st.kind, x->st.level, x->start, x->text.len);
    }
    if (idx < 0) {
        buf_truncate(&x->text, x->start);
    } else {
        if (x->d->blocks[idx].section) x->sections += strlen(x->d->blocks[idx].section);
        if (heading && x->st.level == 1 && !*x->h1)
            *x->h1 = kb_strndup(x->text.data + x->start, x->text.len - x->start);
        buf_addc(&x->text, '\n');
    }
    x->start = x->text.len;
    x->space = x->after_br = 0;
}

static void html_add_text(html_ex *x, const char *s)
{
    while (*s) {
        size_t k = html_space(s);
        if (k) {
            x->space = 1;
            s += k;
            continue;
        }
        while (s[k] && !html_space(s + k)) k++;
        if (x->space && x->text.len > x->start && x->text.data[x->text.len - 1] != ' ')
            buf_addc(&x->text, ' ');
        buf_add(&x->text, s, k);
        x->space = x->after_br = 0;
        x->row_text = 1;
        s += k;
    }
}

static void html_br(html_ex *x)
{
    if (!x->st.flat && x->after_br) {
        html_flush(x);
    } else {
        x->space = 1;
        x->after_br = !x->st.flat;
    }
}

/* A th/td: " | " between the cells of the row being built; the cells of
 * a table nested in it are only separated by a space. */
static void html_cell(html_ex *x)
{
    if (x->st.kind != DOC_ROW || x->st.rows != 1) x->space = 1;
    if (x->st.kind != DOC_ROW || x->st.rows != 1 || x->cells++ == 0) return;
    html_trim_tail(x);
    buf_adds(&x->text, x->text.len > x->start ? " | " : "| ");
    x->space = 0;
}

/* A block element begins (outside headings, rows and pre): end the text
 * before it and set what the text inside it makes.  p, div and the like
 * keep the kind around them: a <p> in an <li> is still the item, in a
 * <blockquote> still the quote. */
static void html_block(html_ex *x, const xmlNode *n, unsigned f)
{
    html_state *st = &x->st;
    html_flush(x);
    if (f & (T_HEAD | T_ROW | T_QUOTE | T_PRE)) st->level = 0;
    if (f & (T_HEAD | T_ROW | T_PRE)) st->flat = 1;
    if (f & T_HEAD) {
        st->kind = DOC_HEADING;
        st->level = n->name[1] - '0';
        st->mute = 0;
    } else if (f & T_ROW) {
        st->kind = DOC_ROW;
        st->rows = 1;
        x->cells = 0;
        x->row_text = 0;
    } else if (f & T_LI) {
        st->kind = DOC_ITEM;
        st->level = st->lists ? st->lists : 1;
    } else if (f & T_QUOTE) {
        st->kind = DOC_QUOTE;
    } else if (f & T_PRE) {
        st->kind = DOC_CODE;
    }
    st->lists += !!(f & T_LIST);
    st->mute |= !!(f & T_HEADER);
}

/* Does n hold text of its own (looking at up to *budget nodes)? */
static int html_has_text(const xmlNode *n, int *budget)
{
    for (const xmlNode *k = n->children; k && *budget > 0; k = k->next, --*budget) {
        if (k->type == XML_TEXT_NODE && k->content) {
            const char *s = (const char *)k->content;
            while (*s && html_space(s)) s += html_space(s);
            if (*s) return 1;
        }
        if (k->type == XML_ELEMENT_NODE && html_has_text(k, budget)) return 1;
    }
    return 0;
}

/* A table cell's image or icon says what a screen reader would: an
 * <img>'s alt ("Yes"), or the aria-label of an element with no text of
 * its own (<span aria-label="Supported">, <svg aria-label="No">): the
 * cell's answer, which the page shows only as a picture. */
static void html_cell_label(html_ex *x, xmlNode *n)
{
    int img = html_is(n, "img"), budget = 64;
    if (!img && html_has_text(n, &budget)) return;
    const char *v = html_attr(n, img ? "alt" : "aria-label");
    if (!v) return;
    x->space = 1;
    html_add_text(x, v);
    x->space = 1;
}

static int html_ex_enter(html_ex *x, xmlNode *n)
{
    html_state *st = &x->st;
    unsigned f = html_tag_flags(n);
    int is_main = 0, furn = html_furniture(n, &is_main);
    if (!furn && st->kind == DOC_ROW && st->rows == 1 && !st->mute) html_cell_label(x, n);
    /* the root and <body> are exempt: WordPress puts "comments-open" on
     * <body>, and the article's own classes are taxonomy, not layout */
    if (n != x->root && !html_is(n, "body") &&
        (furn || ((f & T_HEADER) ? !st->main : (f & T_SKIP))))
        return 0;

    if (x->depth == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 64;
        x->stack = kb_realloc(x->stack, x->cap * sizeof *x->stack);
    }
    x->stack[x->depth].st = *st;
    x->stack[x->depth++].flags = f;
    if ((f & T_MAIN) || is_main) st->main = 1;
    if (f & T_BR) {
        html_br(x);
    } else if ((f & T_CELL) && st->rows) {
        html_cell(x);
    } else if ((f & T_BLOCK) && st->flat) { /* a table nested in a cell... */
        x->space = 1;
        st->rows += !!(f & T_ROW);
    } else if (f & T_BLOCK) {
        html_block(x, n, f);
    }
    return 1;
}

static void html_ex_leave(html_ex *x)
{
    const html_frame *fr = &x->stack[--x->depth];
    if (fr->flags & T_BLOCK) {
        if (fr->st.flat) x->space = 1;
        else html_flush(x);
    }
    x->st = fr->st;
}

static int html_ex_visit(void *ctx, xmlNode *n, int enter)
{
    html_ex *x = ctx;
    if (enter && x->sections > x->budget) return 0; /* the page is refused */
    if (n->type == XML_TEXT_NODE) {
        if (!x->st.mute && n->content) html_add_text(x, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    if (!enter) {
        html_ex_leave(x);
        return 0;
    }
    return html_ex_enter(x, n);
}

int html_blocks(doc *d, xmlNode *root, size_t len, char **h1, char **err)
{
    html_ex x;
    memset(&x, 0, sizeof x);
    x.d = d;
    x.root = root;
    x.h1 = h1;
    x.budget = HTML_SECTION_SLACK + HTML_SECTION_RATIO * len;
    x.st.kind = DOC_PARAGRAPH;
    html_walk(root, html_ex_visit, &x);
    html_flush(&x);
    if (x.text.len && x.text.data[x.text.len - 1] == '\n')
        buf_truncate(&x.text, x.text.len - 1);
    d->text = buf_detach(&x.text, &d->len);
    free(x.stack);
    if (x.sections > x.budget)
        return kb_seterr(err, "too many blocks under long headings (their section paths would "
                              "take over %d times the size of the page)", HTML_SECTION_RATIO);
    return KB_OK;
}
