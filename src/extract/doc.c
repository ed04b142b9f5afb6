/*
 * doc.c - building an extracted document: blocks with their section
 * path, and metadata fields.  See doc.h.
 */
#include "doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

void doc_init(doc *d, doc_format format)
{
    memset(d, 0, sizeof *d);
    d->format = format;
}

void doc_free(doc *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->nblocks; i++) free(d->blocks[i].section);
    free(d->blocks);
    free(d->text);
    free(d->meta.title);
    free(d->meta.site);
    free(d->meta.author);
    free(d->meta.date);
    free(d->meta.url);
    for (int i = 0; i < DOC_MAX_DEPTH; i++) free(d->heads[i]);
    memset(d, 0, sizeof *d);
}

/* The current section path: the non-empty heading stack joined by " > ". */
static char *doc_section(const doc *d)
{
    buf b = BUF_INIT;
    for (int i = 0; i < DOC_MAX_DEPTH; i++) {
        if (!d->heads[i]) continue;
        if (b.len) buf_adds(&b, " > ");
        buf_adds(&b, d->heads[i]);
    }
    return b.len ? buf_detach(&b, NULL) : NULL;
}

static int doc_trim_range(const doc *d, size_t *start, size_t *end)
{
    if (*end > d->len) *end = d->len;
    while (*start < *end && isspace((unsigned char)d->text[*start])) (*start)++;
    while (*end > *start && isspace((unsigned char)d->text[*end - 1])) (*end)--;
    return *end > *start;
}

long doc_add_block(doc *d, doc_kind kind, int level, size_t start, size_t end)
{
    if (!doc_trim_range(d, &start, &end)) return -1;
    if (d->nblocks == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->blocks = kb_realloc(d->blocks, d->cap * sizeof *d->blocks);
    }
    doc_block *b = &d->blocks[d->nblocks];
    b->kind = kind;
    b->level = level;
    b->start = start;
    b->end = end;
    b->section = doc_section(d);
    return (long)d->nblocks++;
}

long doc_add_heading(doc *d, int level, size_t start, size_t end)
{
    if (level < 1) level = 1;
    if (level > DOC_MAX_DEPTH) level = DOC_MAX_DEPTH;
    /* The heading's own section is its parents' path. */
    for (int i = level - 1; i < DOC_MAX_DEPTH; i++) {
        free(d->heads[i]);
        d->heads[i] = NULL;
    }
    long idx = doc_add_block(d, DOC_HEADING, level, start, end);
    if (idx < 0) return idx;
    const doc_block *b = &d->blocks[idx];
    d->heads[level - 1] = NULL;
    doc_meta_set(&d->heads[level - 1], d->text + b->start, b->end - b->start);
    return idx;
}

void doc_meta_set(char **field, const char *value, size_t len)
{
    if (*field || !value) return;
    value = kb_trim(value, &len);
    if (!len) return;
    buf b = BUF_INIT;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)value[i];
        if (isspace(c)) {
            space = 1;
            continue;
        }
        if (space && b.len) buf_addc(&b, ' ');
        space = 0;
        buf_addc(&b, c);
    }
    *field = buf_detach(&b, NULL);
}

const char *doc_kind_name(doc_kind k)
{
    static const char *const names[DOC_KIND_COUNT] = {
        "heading", "paragraph", "item", "row", "quote", "code"};
    return (unsigned)k < DOC_KIND_COUNT ? names[k] : "unknown";
}

const char *doc_format_name(doc_format f)
{
    switch (f) {
    case DOC_TEXT: return "text";
    case DOC_MARKDOWN: return "markdown";
    case DOC_HTML: return "html";
    }
    return "unknown";
}

int doc_is_kb_export(const char *data, size_t len)
{
    size_t n = strlen(DOC_EXPORT_MARK_MD);
    if (len >= n && memcmp(data, DOC_EXPORT_MARK_MD, n) == 0) return 1;
    /* the mark stands in the <head>, within its first lines */
    return kb_memmem(data, len < 1024 ? len : 1024, DOC_EXPORT_MARK_HTML, strlen(DOC_EXPORT_MARK_HTML)) != NULL;
}
