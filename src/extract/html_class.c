/*
 * html_class.c - what an element's class and id names say: page
 * furniture ("share-buttons", "sidebar") or content ("entry-content");
 * see html_class.h.
 */
#include "html_class.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

/* class and id values are split into tokens (white space) and each token
 * into parts ("share-buttons" -> share, buttons; BEM "__" too).  A token
 * is furniture if one of its parts is a furniture word, unless its first
 * part says it is a state or a taxonomy label ("has-comments",
 * WordPress's "tag-social-media").  A token with a content word and no
 * furniture word ("entry-content") vouches for the element, so
 * class="entry-content has-sidebar" or id="main" is kept.  "toc" is
 * deliberately absent: a table of contents is part of the article. */
static const char *const html_furniture_words[] = {
    "ad", "ads", "adsense", "advert", "advertisement", "advertising",
    "adverts", "breadcrumb", "breadcrumbs", "comment", "comments",
    "consent", "cookie", "cookies", "disqus", "footer", "gdpr", "menu",
    "modal", "nav", "navbar", "navigation", "newsletter", "popup", "promo",
    "promotion", "related", "share", "sharing", "sidebar", "signup", "skip",
    "social", "sponsor", "sponsored", "subscribe", "subscription", NULL};
static const char *const html_content_words[] = {
    "article", "body", "content", "entry", "main", "story", "text", NULL};
static const char *const html_label_words[] = {
    "category", "format", "has", "is", "no", "show", "status", "tag", "type",
    "with", NULL};
/* The lists are lower case; a page's class names ("n", "o", "pre" on
 * every token of highlighted code) seldom share a first letter with a
 * word, so the first byte settles most comparisons. */
int html_class_word_in(const char *s, size_t n, const char *const *list)
{
    if (n == 0) return 0;
    int c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    for (size_t i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == c && kb_ascii_ieq(s, n, list[i])) return 1;
    return 0;
}

/* Scan the class/id tokens of v into *furn / *content. */
static void html_class_scan(const char *v, int *furn, int *content)
{
    while (*v) {
        while (*v && isspace((unsigned char)*v)) v++;
        const char *t = v;
        while (*v && !isspace((unsigned char)*v)) v++;
        size_t tl = (size_t)(v - t);
        int f = 0, c = 0, label = 0, first = 1;
        for (size_t i = 0; i < tl;) {
            size_t j = i;
            while (j < tl && t[j] != '-' && t[j] != '_') j++;
            if (j > i) {
                if (first) label = html_class_word_in(t + i, j - i, html_label_words);
                first = 0;
                f |= html_class_word_in(t + i, j - i, html_furniture_words);
                c |= html_class_word_in(t + i, j - i, html_content_words);
            }
            i = j + 1;
        }
        if (f && !label) *furn = 1;
        if (c && !f) *content = 1;
    }
}

/* html_class_scan, remembering short values: a page repeats a few class
 * names on most of its elements (highlighted code has one on every
 * token), so most lookups are one string comparison.  Per thread, as
 * the workers parse at once. */
#define HTML_CLASS_CACHE 64
#define HTML_CLASS_KEY 24
void html_class_judge(const char *v, int *furn, int *content)
{
    static _Thread_local struct {
        char key[HTML_CLASS_KEY];
        unsigned char furn, content;
    } cache[HTML_CLASS_CACHE];
    size_t n = strnlen(v, HTML_CLASS_KEY);
    if (n == 0 || n == HTML_CLASS_KEY) {
        html_class_scan(v, furn, content);
        return;
    }
    unsigned h = (unsigned)n;
    for (size_t i = 0; i < n; i++) h = h * 31 + (unsigned char)v[i];
    h %= HTML_CLASS_CACHE;
    if (strcmp(cache[h].key, v) != 0) {
        int f = 0, c = 0;
        html_class_scan(v, &f, &c);
        memcpy(cache[h].key, v, n + 1);
        cache[h].furn = (unsigned char)f;
        cache[h].content = (unsigned char)c;
    }
    *furn |= cache[h].furn;
    *content |= cache[h].content;
}

