/*
 * fuzz_taxonomy.c - libFuzzer harness for tax_load (taxonomy.h) and what
 * a loaded taxonomy answers: `kb init --taxonomy FILE` hands a file's
 * text over (claims.c passes it as a C string, so the text is cut at
 * the first NUL, as there).
 *
 * On KB_OK every accessor must answer within range (names not NULL and
 * valid UTF-8, found again by name, shapes known, the measure of a bare
 * rate one of them or none), and tax_match over
 * the tokens of the input itself and of a fixed sentence must return
 * hits of a known kind, naming an existing entry, over a token range
 * inside the text, in token order.  KB_ERR must come with a message.
 */
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "qty.h"
#include "taxonomy.h"
#include "util.h"

#define FUZZ_TOKS 512
#define FUZZ_HITS 64

typedef struct fuzz_toks {
    const char *base;
    tax_tok tok[FUZZ_TOKS];
    size_t n;
} fuzz_toks;

static int fuzz_add_tok(void *ctx, const char *s, size_t n, size_t off)
{
    fuzz_toks *t = ctx;
    if (t->n == FUZZ_TOKS) return 1;
    t->tok[t->n].s = s;
    t->tok[t->n].n = n;
    t->tok[t->n].off = off;
    t->n++;
    return 0;
}

static void fuzz_match(const taxonomy *t, const char *text, size_t len)
{
    buf nb = BUF_INIT;
    if (norm_text(text, len, &nb, NULL, NULL)) {
        buf_free(&nb);
        return;
    }
    fuzz_toks tk;
    tk.base = buf_cstr(&nb);
    tk.n = 0;
    norm_tokens(tk.base, nb.len, fuzz_add_tok, &tk);
    size_t count[3] = {tax_subjects(t), tax_dimensions(t), tax_measures(t)};
    tax_hit hit[FUZZ_HITS];
    unsigned all = (1u << TAX_KIND_COUNT) - 1;
    size_t n = tax_match(t, all, tk.tok, tk.n, hit, FUZZ_HITS);
    for (size_t i = 0; i < n && i < FUZZ_HITS; i++) {
        const tax_hit *h = &hit[i];
        FUZZ_CHECK(h->kind >= TAX_SUBJECT && h->kind < TAX_KIND_COUNT);
        FUZZ_CHECK(h->tok < h->tok_end && h->tok_end <= tk.n);
        if (i) FUZZ_CHECK(h->tok >= hit[i - 1].tok);
        size_t which = h->kind <= TAX_PART ? 0 : h->kind <= TAX_HEADING ? 1 : 2;
        FUZZ_CHECK(h->index >= 0 && (size_t)h->index < count[which]);
    }
    buf_free(&nb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nul = memchr(in, '\0', size);
    if (nul) size = (size_t)(nul - in);
    taxonomy *t = NULL;
    char *err = NULL;
    int rc = tax_load(in, size, &t, &err);
    if (rc == KB_OK) {
        FUZZ_CHECK(t != NULL && err == NULL);
        for (size_t i = 0; i < tax_subjects(t); i++) {
            const char *s = tax_subject(t, i);
            FUZZ_CHECK(s != NULL && fuzz_utf8_or_null(s));
            FUZZ_CHECK(tax_find_subject(t, s) >= 0);
        }
        for (size_t i = 0; i < tax_dimensions(t); i++) {
            const char *s = tax_dimension(t, i);
            FUZZ_CHECK(s != NULL && fuzz_utf8_or_null(s));
            FUZZ_CHECK(tax_find_dimension(t, s) >= 0);
        }
        for (size_t i = 0; i < tax_measures(t); i++) {
            FUZZ_CHECK(tax_measure(t, i) != NULL && fuzz_utf8_or_null(tax_measure(t, i)));
            int shape = tax_measure_shape(t, i);
            FUZZ_CHECK(shape >= 0 && shape <= QTY_DURATION);
            (void)tax_measure_terms(t, i);
        }
        for (int k = QTY_COUNT; k <= QTY_DURATION; k++) {
            int m = tax_measure_for_shape(t, k);
            FUZZ_CHECK(m >= -1 && m < (int)tax_measures(t));
        }
        static const char *const times[] = {"second", "minute", "hour", ""};
        for (size_t k = 0; k < sizeof times / sizeof *times; k++) {
            int m = tax_measure_per(t, times[k], k % 2 ? qty_size_word : NULL);
            FUZZ_CHECK(m >= -1 && m < (int)tax_measures(t));
        }
        (void)tax_find_subject(t, "Node.js");
        (void)tax_find_dimension(t, "learning curve");
        fuzz_match(t, in, size);
        static const char fixed[] = "Node.js scales with the event loop; Python's GIL limits threads, "
                                    "and PyPI has 450,000+ packages since 1991.";
        fuzz_match(t, fixed, sizeof fixed - 1);
    } else {
        FUZZ_CHECK(t == NULL && err != NULL);
    }
    free(err);
    tax_free(t);
    return 0;
}
