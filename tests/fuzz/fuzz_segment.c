/*
 * fuzz_segment.c - libFuzzer harness for seg_sentences, seg_cells,
 * seg_comments and seg_abbrevs_new (segment.h).
 *
 * The text is what claims.c passes: a unit's text, which the extractors
 * have made valid UTF-8, so other input is skipped.  If the input holds
 * a form feed, what comes before it is first loaded as the abbreviation
 * list (any bytes, as `seg_abbrevs_new` may be given a file) and the
 * text is split with it; else with the compiled-in list.  Sentences must come in
 * order, inside the text, not overlapping, not empty, trimmed and on
 * character boundaries; cells likewise, and seg_cells must count the
 * same cells whatever room it is given; comments likewise, one a line.
 */
#include <string.h>

#include "fuzz.h"
#include "segment.h"
#include "util.h"

typedef struct fuzz_seg {
    const char *text;
    size_t len;
    size_t prev;
} fuzz_seg;

static int fuzz_sentence(void *ctx, size_t start, size_t end)
{
    fuzz_seg *s = ctx;
    FUZZ_CHECK(start < end && end <= s->len);
    FUZZ_CHECK(start >= s->prev);
    s->prev = end;
    FUZZ_CHECK(fuzz_boundary(s->text, s->len, start));
    FUZZ_CHECK(fuzz_boundary(s->text, s->len, end));
    unsigned char c0 = (unsigned char)s->text[start], c1 = (unsigned char)s->text[end - 1];
    FUZZ_CHECK(c0 != ' ' && c0 != '\t' && c0 != '\n' && c0 != '\r');
    FUZZ_CHECK(c1 != ' ' && c1 != '\t' && c1 != '\n' && c1 != '\r');
    return 0;
}

#define FUZZ_CELLS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *ff = memchr(in, '\f', size);
    seg_abbrevs *abbr = NULL;
    char *err = NULL;
    if (ff) {
        if (seg_abbrevs_new(in, (size_t)(ff - in), &abbr, &err) == KB_OK) {
            FUZZ_CHECK(err == NULL && abbr != NULL);
        } else {
            FUZZ_CHECK(err != NULL && abbr == NULL);
        }
        free(err);
        size -= (size_t)(ff - in) + 1;
        in = ff + 1;
    } else {
        FUZZ_CHECK(seg_abbrevs_new(NULL, 0, &abbr, NULL) == KB_OK);
    }
    if (norm_valid_utf8(in, size, NULL)) {
        fuzz_seg s = {in, size, 0};
        FUZZ_CHECK(seg_sentences(abbr, in, size, fuzz_sentence, &s) == 0);

        size_t starts[FUZZ_CELLS], ends[FUZZ_CELLS];
        size_t n = seg_cells(in, size, starts, ends, FUZZ_CELLS);
        FUZZ_CHECK(seg_cells(in, size, NULL, NULL, 0) == n);
        size_t prev = 0;
        for (size_t i = 0; i < n && i < FUZZ_CELLS; i++) {
            FUZZ_CHECK(starts[i] <= ends[i] && ends[i] <= size);
            FUZZ_CHECK(starts[i] >= prev);
            prev = ends[i];
            FUZZ_CHECK(fuzz_boundary(in, size, starts[i]));
            FUZZ_CHECK(fuzz_boundary(in, size, ends[i]));
        }

        /* comments: in order, one a line, trimmed, never empty */
        n = seg_comments(in, size, starts, ends, FUZZ_CELLS);
        FUZZ_CHECK(seg_comments(in, size, NULL, NULL, 0) == n);
        prev = 0;
        for (size_t i = 0; i < n && i < FUZZ_CELLS; i++) {
            FUZZ_CHECK(starts[i] < ends[i] && ends[i] <= size);
            FUZZ_CHECK(starts[i] >= prev);
            prev = ends[i];
            FUZZ_CHECK(memchr(in + starts[i], '\n', ends[i] - starts[i]) == NULL);
            FUZZ_CHECK(in[starts[i]] != ' ' && in[ends[i] - 1] != ' ');
            FUZZ_CHECK(fuzz_boundary(in, size, starts[i]));
            FUZZ_CHECK(fuzz_boundary(in, size, ends[i]));
        }
    }
    seg_abbrevs_free(abbr);
    return 0;
}
