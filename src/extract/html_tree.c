/*
 * html_tree.c - the vocabulary the HTML extractor's walks share (see
 * html_int.h): which elements are blocks or furniture, a node's name and
 * attributes, and the walk itself.
 */
#include "html_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "html_class.h"
#include "util.h"

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

static int html_tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const html_tag *)elem)->name);
}

unsigned html_tag_flags(const xmlNode *n)
{
    const html_tag *t = bsearch(n->name, html_tags,
                                sizeof html_tags / sizeof html_tags[0],
                                sizeof html_tags[0], html_tag_cmp);
    return t ? t->flags : 0;
}

int html_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The HTML parser stores each value as one text child; a bare
 * attribute has none. */
const char *html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0) continue;
        if (a->children && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

int html_token_in(const char *s, const char *const *list)
{
    while (s && *s) {
        while (*s && isspace((unsigned char)*s)) s++;
        const char *t = s;
        while (*s && !isspace((unsigned char)*s)) s++;
        if (s > t && html_class_word_in(t, (size_t)(s - t), list)) return 1;
    }
    return 0;
}

int html_starts(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    return n >= l && kb_ascii_ieq(s, l, lit);
}

/* Without recursion or a stack: the parent links lead back up, so a
 * page nested 100,000 deep costs nothing here. */
void html_walk(xmlNode *root, html_visit fn, void *ctx)
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
