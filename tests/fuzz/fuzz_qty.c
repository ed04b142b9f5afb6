/*
 * fuzz_qty.c - libFuzzer harness for qty_scan (qty.h) on any bytes
 * (qty.h asks for nothing more; tag.c passes a claim's text).
 *
 * Checked for every quantity: the span and the unit's span inside the
 * text and in order, a known kind, a bounded interval with low <= high
 * (and a point interval closed), no NaN, the fixed-size strings
 * terminated and, when the text is valid UTF-8, valid UTF-8 themselves
 * (they are stored and printed); durations carry unit_seconds, other
 * kinds 0.  The count must not depend on the room given.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "qty.h"

#define FUZZ_QTY 64

static void fuzz_check_str(const char *s, size_t cap, int utf8)
{
    FUZZ_CHECK(memchr(s, '\0', cap) != NULL);
    if (utf8) FUZZ_CHECK(norm_valid_utf8(s, strlen(s), NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    int utf8 = norm_valid_utf8(in, size, NULL);
    qty q[FUZZ_QTY];
    size_t n = qty_scan(in, size, q, FUZZ_QTY);
    FUZZ_CHECK(qty_scan(in, size, NULL, 0) == n);
    size_t prev = 0;
    for (size_t i = 0; i < n && i < FUZZ_QTY; i++) {
        const qty *x = &q[i];
        FUZZ_CHECK(x->start < x->end && x->end <= size);
        FUZZ_CHECK(x->start >= prev);
        prev = x->end;
        FUZZ_CHECK(x->kind >= QTY_COUNT && x->kind <= QTY_DURATION);
        FUZZ_CHECK(x->has_low || x->has_high);
        if (x->has_low) FUZZ_CHECK(!isnan(x->low));
        if (x->has_high) FUZZ_CHECK(!isnan(x->high));
        if (x->has_low && x->has_high) {
            FUZZ_CHECK(x->low <= x->high);
            if (x->low == x->high) FUZZ_CHECK(!x->low_open && !x->high_open);
        }
        FUZZ_CHECK(x->unit_start <= x->unit_end && x->unit_end <= size);
        fuzz_check_str(x->unit, sizeof x->unit, utf8);
        fuzz_check_str(x->version, sizeof x->version, utf8);
        fuzz_check_str(x->of, sizeof x->of, utf8);
        if (x->kind == QTY_DURATION) FUZZ_CHECK(x->unit_seconds > 0);
        else FUZZ_CHECK(x->unit_seconds == 0);
    }
    return 0;
}
