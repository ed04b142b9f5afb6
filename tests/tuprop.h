/*
 * tuprop.h - what the suites of a claim's propositions share
 * (check_prop.c, check_prop_table.c, check_prop_lex.c): a taxonomy of
 * two invented runtimes, Kestrel and Wren, with the tagger, the stance
 * lexicon and the reconcile lexicon loaded for it (a Check checked
 * fixture), and a claim's propositions as one line each.
 */
#ifndef KB_TUPROP_H
#define KB_TUPROP_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "prop.h"
#include "stance.h"
#include "tag.h"
#include "taxonomy.h"
#include "testutil.h"
#include "util.h"

static const char *const kw =
    "subject\tKestrel\tkestrel\n"
    "subject\tWren\twren\n"
    "part\tKestrel\tkestrel jit, kpm\n"
    "part\tWren\twren vm, wrenpkg\n"
    "dimension\tperformance\tperformance, fast, ~faster, slow, speed\n"
    "dimension\tconcurrency\tconcurren*, thread*, multithread*, async*, parallel*\n"
    "dimension\tpackaging\tpackage manager, lock files\n"
    "dimension\tuse cases\tbetter suited, log aggregation, use case*\n";

typedef struct env {
    taxonomy *tax;
    words_lex *words;
    stance_lex *slex;
    prop_lex *lex;
    tagger *tg;
    prop_keys *keys;
} env;

static env e;

static inline void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(tax_load(kw, strlen(kw), &e.tax, &err), KB_OK);
    ck_assert_int_eq(words_load(NULL, 0, &e.words, &err), KB_OK);
    ck_assert_int_eq(stance_load(embed_stance, strlen(embed_stance), e.words, &e.slex, &err), KB_OK);
    ck_assert_msg(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &e.lex, &err) == KB_OK, "%s", err);
    e.tg = tag_new(e.tax, e.slex, e.words);
    tag_want_clauses(e.tg, 1);
    e.keys = prop_keys_new();
}

static inline void teardown(void)
{
    tag_free(e.tg);
    prop_keys_free(e.keys);
    prop_lex_free(e.lex);
    stance_free(e.slex);
    words_free(e.words);
    tax_free(e.tax);
}

/* The propositions of text (after a claim about prev, or NULL; a table
 * cell when row is not NULL) into ps[0..32): returns their count. */
static inline size_t extract(const char *text, const char *prev, const char *col, const char *row, prop *ps)
{
    int pv[1];
    size_t np = 0;
    if (prev) pv[np++] = tax_find_subject(e.tax, prev);
    tag_input in = {text, strlen(text), NULL, row, col, pv, np};
    tag_result r;
    char *err = NULL;
    ck_assert_int_eq(tag_claim(e.tg, &in, &r, &err), KB_OK);
    prop_ctx c = {e.lex, e.tax, e.slex, e.words, NULL, e.keys};
    prop_claim pc = {text, strlen(text), &r, pv, np, row};
    size_t n = prop_extract(&c, e.tg, &pc, ps, 32);
    ck_assert_uint_le(n, 32);
    return n;
}

/* Propositions ps[0..n) of a text of len bytes as one line each: "ST|NE|
 * CAT|VAL subject pol=N mod [vs=X] [kind=...] [attr=...] [pole=...] [change] [immature]
 * [scope=...] keys=k1*,k2" (a * marks a judged key), appended to b. */
static inline void props_str(buf *b0, const prop *ps, size_t n, size_t len)
{
    buf b = *b0;
    for (size_t i = 0; i < n; i++) {
        const prop *p = &ps[i];
        static const char *const kinds[] = {"ST", "NE", "CAT", "VAL"};
        static const char *const mods[] = {"plain", "qualified", "absolute"};
        buf_printf(&b, "%s %s pol=%d %s", kinds[p->kind], tax_subject(e.tax, (size_t)p->subject), p->polarity,
                   mods[p->modality]);
        if (p->versus < 0 && p->ranks >= 0) buf_printf(&b, " ranks=%s", tax_subject(e.tax, (size_t)p->ranks));
        if (p->joint) buf_adds(&b, " joint");
        if (p->versus >= 0) buf_printf(&b, " vs=%s", tax_subject(e.tax, (size_t)p->versus));
        if (p->kind == PROP_CATEGORY) buf_printf(&b, " kind=%s%s", p->negated ? "not " : "", prop_lex_kind(e.lex, (size_t)p->category));
        if (p->kind == PROP_VALUE) buf_printf(&b, " attr=%s", prop_lex_attribute(e.lex, (size_t)p->category));
        for (size_t k = 0; k < p->npoles; k++) buf_printf(&b, " pole=%s", prop_lex_pole(e.lex, (size_t)p->poles[k]));
        if (p->change) buf_adds(&b, " change");
        if (p->immature) buf_adds(&b, " immature");
        for (size_t k = 0; k < 32; k++)
            if ((p->scope >> k) & 1) buf_printf(&b, " scope=%s", prop_lex_scope(e.lex, k));
        buf_adds(&b, " keys=");
        for (size_t k = 0; k < p->nkeys; k++)
            buf_printf(&b, "%s%s%s", k ? "," : "", prop_key_str(e.keys, p->keys[k]), (p->judged >> k) & 1 ? "*" : "");
        /* what a ranking with no base named ranks on */
        if (p->versus < 0 && p->ranks >= 0) {
            buf_adds(&b, " ranked=");
            for (size_t k = 0, nr = 0; k < p->nkeys; k++)
                if ((p->ranked >> k) & 1) buf_printf(&b, "%s%s", nr++ ? "," : "", prop_key_str(e.keys, p->keys[k]));
        }
        /* the span is inside the text */
        ck_assert_uint_le(p->start, p->end);
        ck_assert_uint_le(p->end, len);
        buf_addc(&b, '\n');
    }
    *b0 = b;
}

/* props_str of text's propositions, malloc'd. */
static inline char *props_of_cell(const char *text, const char *prev, const char *col, const char *row)
{
    prop ps[32];
    size_t n = extract(text, prev, col, row, ps);
    buf b = BUF_INIT;
    props_str(&b, ps, n, strlen(text));
    return buf_detach(&b, NULL);
}

static inline char *props_of(const char *text, const char *prev, const char *col)
{
    return props_of_cell(text, prev, col, NULL);
}

#endif
