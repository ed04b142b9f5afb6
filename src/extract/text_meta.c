/*
 * text_meta.c - the metadata of a plain-text or Markdown file (see
 * text_int.h): front matter, then a title, a dateline and a byline among
 * the first lines of the body.  Each field keeps the first value found.
 */
#include "text_int.h"

#include <stdint.h>
#include <string.h>

#include "date.h"
#include "util.h"

#define TEXT_TITLE_CHARS 200 /* the first line is a title up to this */
#define TEXT_HEAD_LINES 15   /* non-blank lines searched for date, author */
#define TEXT_FM_LINES 100    /* front matter must close within this */

static void text_set_date(text_ctx *c, const char date[11], const char *basis)
{
    if (c->d->meta.date) return;
    doc_meta_set(&c->d->meta.date, date, 10);
    c->d->meta.date_basis = basis;
}

size_t text_front_matter(text_ctx *c, size_t pos)
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

/* The dateline and byline are looked for among the first
 * TEXT_HEAD_LINES non-blank lines.  A date label alone on a line ("Last
 * updated:") needs no joining: the date on the next line is a whole-line
 * date by itself. */
void text_head(text_ctx *c, size_t pos)
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
