/*
 * html_meta.c - the metadata candidates of an HTML page (see
 * html_int.h): one walk of the whole page offers what <meta>, <link>,
 * <title>, <time> and bylines say to a slot each; the first acceptable
 * candidate of a slot stays, and the first filled slot of a field wins.
 */
#include "html_int.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

#define HTML_NAME_MAX 100      /* longer "author" text is not a name */
/* html_node_text stops once it holds more than this, finishing the text
 * node in hand: a bound on the work for a byline or <time> element
 * wrapped around far more text, which would be refused anyway (a name is
 * at most HTML_NAME_MAX bytes, a date is parsed whole).  A <title> is one
 * text node, read whole at any length, unless a comment or a tag inside
 * splits it: then text past the first KiB is left out of the title. */
#define HTML_NODE_TEXT_MAX 1024

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

static int html_text_visit(void *ctx, xmlNode *n, int enter)
{
    buf *b = ctx;
    if (!enter || b->len > HTML_NODE_TEXT_MAX) return 0;
    if (n->type == XML_TEXT_NODE && n->content) buf_adds(b, (const char *)n->content);
    return n->type == XML_ELEMENT_NODE && !html_is(n, "script") && !html_is(n, "style");
}

/* The text of n's subtree (the first KiB or so) into b, replacing it. */
static void html_node_text(xmlNode *n, buf *b)
{
    buf_reset(b);
    html_walk(n, html_text_visit, b);
}

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

void html_meta_apply(const html_meta *m, doc *d)
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

void html_meta_collect(html_meta *m, xmlNode *top, xmlNode *root)
{
    m->root = root;
    html_walk(top, html_meta_visit, m);
}

void html_meta_free(html_meta *m)
{
    for (size_t i = 0; i < S_COUNT; i++) free(m->slot[i]);
    buf_free(&m->tmp);
}
