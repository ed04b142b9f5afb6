/*
 * tuhtml.h - what the suites of the HTML extractor share (check_html.c,
 * check_html_blocks.c, check_html_meta.c): an extraction that must
 * succeed and keep the doc's invariants, a block as it must be, the
 * fixtures' folder and the realistic article's title.
 */
#ifndef KB_TUHTML_H
#define KB_TUHTML_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "html.h"
#include "norm.h"
#include "testutil.h"
#include "util.h"

#define FIX "tests/fixtures/html/"

/* What every successful extraction must satisfy. */
static inline void check_invariants(const doc *d)
{
    ck_assert_ptr_nonnull(d->text);
    ck_assert_uint_eq(strlen(d->text), d->len);
    ck_assert_msg(norm_valid_utf8(d->text, d->len, NULL), "text is not valid UTF-8");
    size_t prev_end = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        ck_assert_msg(b->start < b->end && b->end <= d->len,
                      "block %zu has range [%zu,%zu) in %zu bytes", i, b->start, b->end, d->len);
        ck_assert_msg(i == 0 || b->start > prev_end, "block %zu overlaps or is out of order", i);
        /* one block a line: no newline inside, a newline or the end around */
        ck_assert_ptr_null(memchr(d->text + b->start, '\n', b->end - b->start));
        ck_assert(b->start == 0 || d->text[b->start - 1] == '\n');
        ck_assert(b->end == d->len || d->text[b->end] == '\n');
        ck_assert(d->text[b->start] != ' ' && d->text[b->end - 1] != ' ');
        prev_end = b->end;
    }
    /* nothing but blocks: every line of the text is a block */
    size_t lines = d->len ? 1 : 0;
    for (size_t i = 0; i < d->len; i++) lines += d->text[i] == '\n';
    ck_assert_uint_eq(lines, d->nblocks);
}

static inline void extract_ok(const char *data, size_t len, doc *d)
{
    char *err = NULL;
    doc_init(d, DOC_HTML);
    int rc = html_extract(data, len, d, &err);
    ck_assert_msg(rc == KB_OK, "html_extract failed: %s", err ? err : "(no message)");
    ck_assert_ptr_null(err);
    check_invariants(d);
}

static inline void extract_file(const char *path, doc *d)
{
    size_t len;
    char *data = tu_read_file(path, &len);
    extract_ok(data, len, d);
    free(data);
}

static inline void assert_block(const doc *d, size_t i, doc_kind kind, int level,
                         const char *text, const char *section)
{
    ck_assert_msg(i < d->nblocks, "no block %zu (have %zu)", i, d->nblocks);
    const doc_block *b = &d->blocks[i];
    size_t n = b->end - b->start;
    ck_assert_msg(n == strlen(text) && memcmp(d->text + b->start, text, n) == 0,
                  "block %zu is \"%.*s\", want \"%s\"", i, (int)n, d->text + b->start, text);
    ck_assert_msg(b->kind == kind, "block %zu \"%s\" is a %s, want %s", i, text,
                  doc_kind_name(b->kind), doc_kind_name(kind));
    ck_assert_int_eq(b->level, level);
    if (section) ck_assert_str_eq(b->section ? b->section : "(none)", section);
}

#define T1 "Node.js vs Deno: Which Runtime in 2024?"

#define NCASES(a) ((int)(sizeof a / sizeof a[0]))

#endif
