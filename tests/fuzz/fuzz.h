/*
 * fuzz.h - what the libFuzzer harnesses (tests/fuzz/fuzz_*.c) share: an
 * invariant check that stops the run with a message (libFuzzer then
 * saves the input as a crash), and the checks several parsers' outputs
 * must pass.
 */
#ifndef KB_FUZZ_H
#define KB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "doc.h"
#include "norm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() rather than assert(): the check must stay under -DNDEBUG. */
#define FUZZ_CHECK(cond)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* Is s NULL or a valid UTF-8 C string? */
static inline int fuzz_utf8_or_null(const char *s)
{
    if (!s) return 1;
    size_t n = 0;
    while (s[n]) n++;
    return norm_valid_utf8(s, n, NULL);
}

/* Does offset i of t[0..len) fall on a character boundary? */
static inline int fuzz_boundary(const char *t, size_t len, size_t i)
{
    return i == 0 || i == len || ((unsigned char)t[i] & 0xC0) != 0x80;
}

/* A doc an extractor returned KB_OK for (doc.h's promises): NUL-terminated
 * text, blocks in order, inside the text, not overlapping, not empty,
 * trimmed, on character boundaries, with sane kinds and levels; every
 * string valid UTF-8; a date shaped YYYY-MM-DD. */
static inline void fuzz_check_doc(const doc *d)
{
    FUZZ_CHECK(d->text != NULL);
    FUZZ_CHECK(d->text[d->len] == '\0');
    size_t prev = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        const doc_block *b = &d->blocks[i];
        FUZZ_CHECK(b->kind >= 0 && b->kind < DOC_KIND_COUNT);
        FUZZ_CHECK(b->start < b->end && b->end <= d->len);
        FUZZ_CHECK(b->start >= prev);
        prev = b->end;
        FUZZ_CHECK(fuzz_boundary(d->text, d->len, b->start));
        FUZZ_CHECK(fuzz_boundary(d->text, d->len, b->end));
        unsigned char c0 = (unsigned char)d->text[b->start];
        unsigned char c1 = (unsigned char)d->text[b->end - 1];
        FUZZ_CHECK(c0 != ' ' && c0 != '\t' && c0 != '\n' && c0 != '\r');
        FUZZ_CHECK(c1 != ' ' && c1 != '\t' && c1 != '\n' && c1 != '\r');
        if (b->kind == DOC_HEADING) FUZZ_CHECK(b->level >= 1 && b->level <= DOC_MAX_DEPTH);
        else FUZZ_CHECK(b->level >= 0);
        FUZZ_CHECK(fuzz_utf8_or_null(b->section));
    }
    const doc_meta *m = &d->meta;
    FUZZ_CHECK(fuzz_utf8_or_null(m->title));
    FUZZ_CHECK(fuzz_utf8_or_null(m->site));
    FUZZ_CHECK(fuzz_utf8_or_null(m->author));
    FUZZ_CHECK(fuzz_utf8_or_null(m->url));
    if (m->date) {
        const char *s = m->date;
        for (int k = 0; k < 10; k++)
            FUZZ_CHECK(k == 4 || k == 7 ? s[k] == '-' : s[k] >= '0' && s[k] <= '9');
        FUZZ_CHECK(s[10] == '\0');
        FUZZ_CHECK(m->date_basis != NULL);
    }
}

#endif
