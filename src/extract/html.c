/*
 * html.c - article text and metadata from a saved web page; see html.h.
 *
 * How it works:
 *   1. charset.c decides how the bytes are encoded (the page's <meta>
 *      is its declaration).  libxml2's own guess can flip to Latin-1
 *      halfway through a page, so it is always told.  windows-1252 (and
 *      Latin-1, which browsers read as 1252) is converted to UTF-8 first,
 *      so the parser sees UTF-8, UTF-16 or, rarely, an encoding it
 *      converts through iconv.
 *   2. libxml2's HTML parser builds a tree.
 *   3. Three walks of that tree, all by html_walk (parent links, no
 *      recursion): html_find picks the content root, html_meta collects
 *      metadata candidates from the whole page, html_ex builds the text
 *      and its blocks from the content root.
 *
 * Choices the header leaves open:
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
#include "html.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "html_class.h"
#include "html_mem.h"
#include "norm.h"
#include "util.h"

/* No HTML_PARSE_HUGE (2.9.14 spells it XML_PARSE_HUGE): without it the
 * parser stops at 256 levels of nesting, which loses the rest of such a
 * page, but with it libxml2 matches each stray end tag against the whole
 * open-element stack, which takes seconds on a page of deeply nested
 * elements and stray end tags.  Its 10 MB text-node cap only bites on
 * pathological pages.  Either limit halts the parser; ingest
 * (html_extract_whole) then refuses the page rather than store its
 * first part.
 * No HTML_PARSE_NOBLANKS either: it drops the space between inline
 * elements it does not know ("<time>May 8</time> <mark>x</mark>" reads
 * "May 8x"); white space is folded here anyway. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | \
                      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)
#define HTML_SNIFF_WINDOW 1024 /* where html_sniff looks for a tag */
#define HTML_NAME_MAX 100      /* longer "author" text is not a name */
#define HTML_NODE_TEXT_MAX 1024 /* enough of a <title> or a byline */
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

/* ---- policy tables ---------------------------------------------------- */

enum {
    T_BLOCK = 1 << 0,   /* text before and after it are separate blocks */
    T_SKIP = 1 << 1,    /* furniture: never read */
    T_HEADER = 1 << 2,  /* furniture unless an article's own */
    T_MAIN = 1 << 3,    /* article, main: the page's content */
    T_LIST = 1 << 4,    /* its li are one level deeper */
    T_HEAD = 1 << 5, T_LI = 1 << 6, T_QUOTE = 1 << 7, T_PRE = 1 << 8,
    T_ROW = 1 << 9, T_CELL = 1 << 10, T_BR = 1 << 11
};

typedef struct html_tag {
    const char *name;
    unsigned flags;
} html_tag;

/* Elements that are not inline, sorted by name for bsearch (libxml2
 * lower-cases tag names).  Anything unlisted contributes its text inline,
 * as a browser shows an unknown element.  <head> is read like a <div>:
 * libxml2's HTML4 parser leaves an HTML5 element that follows <title> in
 * a page without <body> inside <head>, and head's own elements are
 * skipped one by one anyway. */
static const html_tag html_tags[] = {
    {"address", T_BLOCK}, {"article", T_BLOCK | T_MAIN}, {"aside", T_SKIP},
    {"audio", T_SKIP}, {"blockquote", T_BLOCK | T_QUOTE}, {"body", T_BLOCK},
    {"br", T_BR}, {"button", T_SKIP}, {"canvas", T_SKIP},
    {"caption", T_BLOCK}, {"center", T_BLOCK}, {"datalist", T_SKIP},
    {"dd", T_BLOCK}, {"details", T_BLOCK}, {"dialog", T_SKIP},
    {"dir", T_BLOCK | T_LIST}, {"div", T_BLOCK}, {"dl", T_BLOCK},
    {"dt", T_BLOCK}, {"embed", T_SKIP}, {"fieldset", T_BLOCK},
    {"figcaption", T_BLOCK}, {"figure", T_BLOCK}, {"footer", T_SKIP},
    {"form", T_SKIP}, {"frameset", T_SKIP}, {"h1", T_BLOCK | T_HEAD},
    {"h2", T_BLOCK | T_HEAD}, {"h3", T_BLOCK | T_HEAD},
    {"h4", T_BLOCK | T_HEAD}, {"h5", T_BLOCK | T_HEAD},
    {"h6", T_BLOCK | T_HEAD}, {"head", T_BLOCK},
    {"header", T_BLOCK | T_HEADER}, {"hgroup", T_BLOCK}, {"hr", T_BLOCK},
    {"html", T_BLOCK}, {"iframe", T_SKIP}, {"legend", T_BLOCK},
    {"li", T_BLOCK | T_LI}, {"main", T_BLOCK | T_MAIN},
    {"menu", T_BLOCK | T_LIST}, {"nav", T_SKIP}, {"noembed", T_SKIP},
    {"noframes", T_SKIP}, {"noscript", T_SKIP}, {"object", T_SKIP},
    {"ol", T_BLOCK | T_LIST}, {"p", T_BLOCK}, {"pre", T_BLOCK | T_PRE},
    {"script", T_SKIP}, {"section", T_BLOCK}, {"select", T_SKIP},
    {"style", T_SKIP}, {"summary", T_BLOCK}, {"svg", T_SKIP},
    {"table", T_BLOCK}, {"tbody", T_BLOCK}, {"td", T_BLOCK | T_CELL},
    {"template", T_SKIP}, {"textarea", T_SKIP}, {"tfoot", T_BLOCK},
    {"th", T_BLOCK | T_CELL}, {"thead", T_BLOCK}, {"title", T_SKIP},
    {"tr", T_BLOCK | T_ROW}, {"ul", T_BLOCK | T_LIST}, {"video", T_SKIP},
};

/* ARIA landmark roles of page furniture. */
static const char *const html_furniture_roles[] = {
    "alertdialog", "banner", "complementary", "contentinfo", "dialog",
    "menu", "menubar", "navigation", "search", NULL};

/* Metadata candidates, in priority order within each field. */
enum {
    S_OG_TITLE, S_H1, S_TITLE,
    S_AUTHOR_META, S_AUTHOR_ARTICLE, S_AUTHOR_ROOT, S_AUTHOR_ANY,
    S_DATE_PUBLISHED, S_DATE_META, S_DATE_TIME_ROOT, S_DATE_TIME_ANY,
    S_SITE, S_URL_CANONICAL, S_URL_OG,
    S_COUNT
};

/* <meta> keys, looked up in property=, name= and itemprop=. */
static const struct {
    const char *key;
    int slot;
} html_meta_keys[] = {
    {"og:title", S_OG_TITLE}, {"og:site_name", S_SITE}, {"og:url", S_URL_OG},
    {"author", S_AUTHOR_META}, {"article:author", S_AUTHOR_ARTICLE},
    {"article:published_time", S_DATE_PUBLISHED},
    {"datepublished", S_DATE_META}, {"date", S_DATE_META},
    {"dc.date", S_DATE_META}, {"dc.date.issued", S_DATE_META},
    {"dcterms.date", S_DATE_META}, {"dcterms.issued", S_DATE_META},
    {"dcterms.created", S_DATE_META},
};

/* ---- small helpers ---------------------------------------------------- */

static int html_tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const html_tag *)elem)->name);
}

static unsigned html_tag_flags(const xmlNode *n)
{
    const html_tag *t = bsearch(n->name, html_tags,
                                sizeof html_tags / sizeof html_tags[0],
                                sizeof html_tags[0], html_tag_cmp);
    return t ? t->flags : 0;
}

static int html_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* An attribute's value without copying it: the HTML parser stores each
 * value as one text child; a bare attribute ("hidden") has none. */
static const char *html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0) continue;
        if (a->children && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

/* Is one of the white-space separated tokens of s in list? */
static int html_token_in(const char *s, const char *const *list)
{
    while (s && *s) {
        while (*s && isspace((unsigned char)*s)) s++;
        const char *t = s;
        while (*s && !isspace((unsigned char)*s)) s++;
        if (s > t && html_class_word_in(t, (size_t)(s - t), list)) return 1;
    }
    return 0;
}

/* Does s[0..n) start with lit, ignoring ASCII case? */
static int html_starts(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && kb_ascii_ieq(s, l, lit);
}

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

typedef int (*html_visit)(void *ctx, xmlNode *n, int enter);

/* Depth-first walk of root's subtree without recursion or a stack: the
 * parent links lead back up, so a page nested 100,000 deep costs nothing
 * here.  fn(ctx, n, 1) is called going down and returns 1 to enter an
 * element's children; each node so entered gets fn(ctx, n, 0) going up. */
static void html_walk(xmlNode *root, html_visit fn, void *ctx)
{
    xmlNode *n = root;
    for (;;) {
        if (fn(ctx, n, 1)) {
            if (n->type == XML_ELEMENT_NODE && n->children) {
                n = n->children;
                continue;
            }
            fn(ctx, n, 0);
        }
        while (n != root && !n->next) {
            n = n->parent;
            fn(ctx, n, 0);
        }
        if (n == root) return;
        n = n->next;
    }
}

static int html_text_visit(void *ctx, xmlNode *n, int enter)
{
    buf *b = ctx;
    if (!enter || b->len > HTML_NODE_TEXT_MAX) return 0;
    if (n->type == XML_TEXT_NODE && n->content) buf_adds(b, (const char *)n->content);
    return n->type == XML_ELEMENT_NODE && !html_is(n, "script") && !html_is(n, "style");
}

/* The text of n's subtree (the first KB or so) into b, replacing it. */
static void html_node_text(xmlNode *n, buf *b)
{
    buf_reset(b);
    html_walk(n, html_text_visit, b);
}

/* ---- parsing --------------------------------------------------------- */

/* libxml2 reports decoding failures (bad UTF-16, iconv) on its generic
 * error channel, which prints to stderr, and then stops reading the page.
 * Count them instead so the page is an error, not silently cut short. */
static void html_on_error(void *ctx, const char *msg, ...)
{
    (void)msg;
    (*(int *)ctx)++;
}

/* ---- content root ----------------------------------------------------- */

typedef struct html_find {
    size_t text;       /* non-space text bytes seen so far */
    size_t *open;      /* text count when each open <article> began */
    size_t depth, cap;
    xmlNode *article, *main, *role_main;
    size_t article_len;
} html_find;

static int html_find_visit(void *ctx, xmlNode *n, int enter)
{
    html_find *f = ctx;
    if (n->type == XML_TEXT_NODE) {
        for (const char *s = (const char *)n->content; s && *s; s++)
            f->text += !isspace((unsigned char)*s);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE) return 0;
    int article = html_is(n, "article");
    if (!enter) {
        if (article) {
            size_t got = f->text - f->open[--f->depth];
            if (got > f->article_len) {
                f->article = n;
                f->article_len = got;
            }
        }
        return 0;
    }
    if (html_tag_flags(n) & T_SKIP) return 0;
    if (article) {
        if (f->depth == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 16;
            f->open = kb_realloc(f->open, f->cap * sizeof *f->open);
        }
        f->open[f->depth++] = f->text;
    } else if (!f->main && html_is(n, "main")) {
        f->main = n;
    }
    const char *role = html_attr(n, "role");
    if (!f->role_main && role && kb_ascii_ieq(role, strlen(role), "main")) f->role_main = n;
    return 1;
}

/* The largest <article> by text, else <main>, else role=main, else the
 * whole page: <html> rather than <body>, as the parser puts text found
 * after </body> beside it. */
static xmlNode *html_content_root(xmlNode *top)
{
    html_find f;
    memset(&f, 0, sizeof f);
    html_walk(top, html_find_visit, &f);
    free(f.open);
    if (f.article) return f.article;
    if (f.main) return f.main;
    if (f.role_main) return f.role_main;
    return top;
}

/* ---- metadata --------------------------------------------------------- */

typedef struct html_meta {
    char *slot[S_COUNT];
    xmlNode *root;
    int in_root;
    buf tmp;
} html_meta;

/* Offer a candidate for slot; the first acceptable one stays. */
static void html_meta_offer(html_meta *m, int slot, const char *v)
{
    char date[11];
    size_t n = v ? strlen(v) : 0;
    if (!v || m->slot[slot]) return;
    v = kb_trim(v, &n);
    switch (slot) {
    case S_DATE_PUBLISHED: case S_DATE_META:
    case S_DATE_TIME_ROOT: case S_DATE_TIME_ANY:
        if (date_parse(v, n, date)) m->slot[slot] = kb_strdup(date);
        return;
    case S_URL_CANONICAL: case S_URL_OG:
        /* a relative URL names nothing once the page is a file */
        if (!(n > 7 && kb_ascii_ieq(v, 7, "http://")) &&
            !(n > 8 && kb_ascii_ieq(v, 8, "https://")))
            return;
        break;
    case S_AUTHOR_META: case S_AUTHOR_ARTICLE:
    case S_AUTHOR_ROOT: case S_AUTHOR_ANY:
        /* article:author is often a profile URL, not a name */
        if (n > HTML_NAME_MAX || strstr(v, "://") || html_starts(v, n, "www.")) return;
        break;
    }
    doc_meta_set(&m->slot[slot], v, n);
}

static int html_meta_visit(void *ctx, xmlNode *n, int enter)
{
    static const char *const canonical[] = {"canonical", NULL};
    static const char *const author[] = {"author", NULL};
    static const char *const keyattrs[] = {"property", "name", "itemprop"};
    html_meta *m = ctx;
    if (n->type != XML_ELEMENT_NODE) return 0;
    if (n == m->root) m->in_root = enter;
    if (!enter) return 0;
    const char *name = (const char *)n->name, *v;
    if (!strcmp(name, "meta")) {
        const char *content = html_attr(n, "content");
        for (size_t a = 0; a < 3 && content; a++) {
            if (!(v = html_attr(n, keyattrs[a]))) continue;
            for (size_t k = 0; k < sizeof html_meta_keys / sizeof html_meta_keys[0]; k++)
                if (kb_ascii_ieq(v, strlen(v), html_meta_keys[k].key))
                    html_meta_offer(m, html_meta_keys[k].slot, content);
        }
        return 0;
    }
    if (!strcmp(name, "link")) {
        if (html_token_in(html_attr(n, "rel"), canonical))
            html_meta_offer(m, S_URL_CANONICAL, html_attr(n, "href"));
        return 0;
    }
    if (!strcmp(name, "script") || !strcmp(name, "style")) return 0;
    if (!strcmp(name, "title")) {
        html_node_text(n, &m->tmp);
        html_meta_offer(m, S_TITLE, buf_cstr(&m->tmp));
        return 0;
    }
    v = html_attr(n, "itemprop");
    if (!strcmp(name, "time") || (v && kb_ascii_ieq(v, strlen(v), "datepublished"))) {
        const char *when = html_attr(n, "datetime");
        if (!when) when = html_attr(n, "content");
        if (!when) {
            html_node_text(n, &m->tmp);
            when = buf_cstr(&m->tmp);
        }
        html_meta_offer(m, !strcmp(name, "time") ? (m->in_root ? S_DATE_TIME_ROOT : S_DATE_TIME_ANY)
                                                 : S_DATE_META, when);
        return 1;
    }
    if (html_token_in(html_attr(n, "rel"), author) || html_token_in(v, author)) {
        html_node_text(n, &m->tmp);
        html_meta_offer(m, m->in_root ? S_AUTHOR_ROOT : S_AUTHOR_ANY, buf_cstr(&m->tmp));
        return 0;
    }
    return 1;
}

/* Move the best candidate of each field into the doc. */
static void html_meta_apply(html_meta *m, doc *d)
{
    static const struct {
        size_t field, first, last;
    } order[] = {
        {offsetof(doc_meta, title), S_OG_TITLE, S_TITLE},
        {offsetof(doc_meta, author), S_AUTHOR_META, S_AUTHOR_ANY},
        {offsetof(doc_meta, date), S_DATE_PUBLISHED, S_DATE_TIME_ANY},
        {offsetof(doc_meta, site), S_SITE, S_SITE},
        {offsetof(doc_meta, url), S_URL_CANONICAL, S_URL_OG},
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        char **field = (char **)((char *)&d->meta + order[i].field);
        for (size_t s = order[i].first; s <= order[i].last; s++)
            if (m->slot[s]) doc_meta_set(field, m->slot[s], strlen(m->slot[s]));
    }
    if (d->meta.date) d->meta.date_basis = "meta";
}

/* ---- text and blocks -------------------------------------------------- */

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

static int html_ex_enter(html_ex *x, xmlNode *n)
{
    html_state *st = &x->st;
    unsigned f = html_tag_flags(n);
    int is_main = 0, furn = html_furniture(n, &is_main);
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

/* Build d's text and blocks from root's subtree, a page of len bytes.
 * Returns KB_ERR (message in *err) when the section paths pass their
 * budget. */
static int html_blocks(doc *d, xmlNode *root, size_t len, char **h1, char **err)
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

/* ---- entry points ----------------------------------------------------- */

/* Why libxml2 stopped before the end of the page, as a message in *err.
 * Without HTML_PARSE_HUGE (see HTML_OPTIONS) it halts on nesting deeper
 * than xmlParserMaxDepth (256) and on a text node over
 * XML_MAX_TEXT_LENGTH (10,000,000 bytes); its own messages for those
 * name an option the user cannot set, so they are put in kb's words. */
static int html_halted(htmlParserCtxtPtr ctxt, char **err)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    if (e && e->message && strstr(e->message, "depth"))
        return kb_seterr(err, "elements nested deeper than %u levels (line %d); the HTML parser "
                              "cannot read past that", xmlParserMaxDepth, e->line);
    if (e && e->message && strstr(e->message, "huge text node"))
        return kb_seterr(err, "over %d bytes of text without markup (line %d); the HTML parser "
                              "cannot read past that", XML_MAX_TEXT_LENGTH, e->line);
    size_t n = e && e->message ? strcspn(e->message, "\n") : 0;
    return kb_seterr(err, "the HTML parser stopped before the end of the page (line %d)%s%.*s",
                     e ? e->line : 0, n ? ": " : "", (int)n, n ? e->message : "");
}

/* The work of html_extract; whole: a page the parser gives up on before
 * its end is an error, not the part before. */
static int html_parse(const char *data, size_t len, int whole, doc *out, char **err)
{
    int rc = KB_ERR, failed = 0, halted;
    charset_info cs;
    char declared[CHARSET_NAME_MAX];
    const char *p, *enc;
    size_t n;
    buf conv = BUF_INIT;
    htmlParserCtxtPtr ctxt = NULL;
    htmlDocPtr hd = NULL;
    html_meta m;
    xmlNode *top;
    xmlGenericErrorFunc old_fn;
    void *old_ctx;
    html_mem mem;

    memset(&m, 0, sizeof m);
    html_mem_begin(&mem);
    if (charset_detect(data, len, charset_meta(data, len, declared, sizeof declared) ? declared : NULL,
                       &cs, err) != KB_OK)
        goto done;
    p = data + cs.bom;
    n = len - cs.bom;
    enc = cs.name;
    if (cs.kind == CHARSET_WINDOWS1252) { /* libxml2 has no windows-1252 */
        if (charset_to_utf8(data, len, &cs, &conv, err) != KB_OK) goto done;
        p = buf_cstr(&conv);
        n = conv.len;
        enc = "UTF-8";
    }
    if (n == 0) { /* libxml2 refuses an empty buffer; it is just empty */
        rc = KB_OK;
        goto done;
    }
    if (n > INT_MAX) {
        kb_seterr(err, "is too large to parse as HTML (%zu bytes)", len);
        goto done;
    }
    /* A context of our own rather than htmlReadMemory's, so that after
     * the parse we can ask whether it reached the end of the page
     * (html_mem_begin, above, has initialized libxml2). */
    if ((ctxt = htmlNewParserCtxt()) == NULL) {
        kb_seterr(err, "could not start the HTML parser (out of memory)");
        goto done;
    }
    old_fn = xmlGenericError;
    old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(&failed, html_on_error);
    hd = htmlCtxtReadMemory(ctxt, p, (int)n, NULL, enc, HTML_OPTIONS);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    /* a halted parser is left at end-of-input; a finished one is not */
    halted = ctxt->instate == XML_PARSER_EOF;
    if (!hd) {
        kb_seterr(err, "could not be parsed as HTML");
        goto done;
    }
    if (failed) {
        kb_seterr(err, "could not be decoded as %s", enc);
        goto done;
    }
    if (whole && halted) {
        html_halted(ctxt, err);
        goto done;
    }
    if ((top = xmlDocGetRootElement(hd)) == NULL) {
        rc = KB_OK;
        goto done;
    }
    m.root = html_content_root(top);
    html_walk(top, html_meta_visit, &m);
    if (html_blocks(out, m.root, len, &m.slot[S_H1], err)) goto done;
    html_meta_apply(&m, out);
    rc = KB_OK;
done:
    if (rc == KB_OK && !out->text) {
        out->text = kb_strdup("");
        out->len = 0;
    }
    for (size_t i = 0; i < S_COUNT; i++) free(m.slot[i]);
    buf_free(&m.tmp);
    buf_free(&conv);
    if (hd) xmlFreeDoc(hd);
    if (ctxt) htmlFreeParserCtxt(ctxt);
    html_mem_end(&mem);
    return rc;
}

int html_extract(const char *data, size_t len, doc *out, char **err)
{
    return html_parse(data, len, 0, out, err);
}

int html_extract_whole(const char *data, size_t len, doc *out, char **err)
{
    return html_parse(data, len, 1, out, err);
}

int html_sniff(const char *data, size_t len)
{
    static const char *const tags[] = {"<html", "<head", "<body", NULL};
    char head[HTML_SNIFF_WINDOW];
    size_t n = charset_head(data, len, head, sizeof head), i;

    for (i = 0;;) { /* white space, comments, an <?xml ...?> declaration */
        while (i < n && isspace((unsigned char)head[i])) i++;
        const char *close = html_starts(head + i, n - i, "<!--") ? "-->"
                          : html_starts(head + i, n - i, "<?") ? ">" : NULL;
        if (!close) break;
        size_t cl = strlen(close), j = i + 2;
        while (j + cl <= n && memcmp(head + j, close, cl) != 0) j++;
        if (j + cl > n) return 0;
        i = j + cl;
    }
    if (html_starts(head + i, n - i, "<!doctype")) {
        i += 9;
        while (i < n && isspace((unsigned char)head[i])) i++;
        return html_starts(head + i, n - i, "html");
    }
    for (size_t t = 0; tags[t]; t++) {
        size_t l = strlen(tags[t]);
        if (html_starts(head + i, n - i, tags[t]) &&
            (i + l == n || isspace((unsigned char)head[i + l]) || head[i + l] == '>' ||
             head[i + l] == '/'))
            return 1;
    }
    return 0;
}
