/*
 * tustance.h - what the stance suites share (check_stance.c,
 * check_stance_clause.c, check_stance_size.c): a small Go vs Rust (and
 * Zig) taxonomy, the text's tokens, the default function words, and one
 * table case judged with the default (domain-general) lexicon against
 * its expected "Subject:pol[:versus]" list, looped over a table.
 */
#ifndef KB_TUSTANCE_H
#define KB_TUSTANCE_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "norm.h"
#include "stance.h"
#include "taxonomy.h"
#include "testutil.h"
#include "util.h"

static const char *const go_rust =
    "subject\tGo\tgolang, go\n"
    "subject\tRust\trust, rustc\n"
    "subject\tZig\tzig\n"
    "dimension\tperformance\tfast\n"
    "measure\tyear\t@year\n";

typedef struct toks {
    buf norm;
    tax_tok t[256];
    size_t n;
} toks;

static inline int on_tok(void *ctx, const char *s, size_t n, size_t off)
{
    toks *k = ctx;
    if (k->n == 256) return 1;
    k->t[k->n].s = s;
    k->t[k->n].n = n;
    k->t[k->n].off = off;
    k->n++;
    return 0;
}

static inline void tokenize(toks *k, const char *text)
{
    memset(k, 0, sizeof *k);
    ck_assert_int_eq(norm_text(text, strlen(text), &k->norm, NULL, NULL), KB_OK);
    norm_tokens(buf_cstr(&k->norm), k->norm.len, on_tok, k);
}

typedef struct stance_case {
    const char *text;
    const char *fallback;  /* subject the claim inherits, or NULL */
    int bias, choice;
    const char *expect;    /* "Subject:pol[:versus]" joined by ';' in the order judged */
} stance_case;

static inline words_lex *words_default(void)
{
    words_lex *w = NULL;
    char *err = NULL;
    ck_assert_msg(words_load(NULL, 0, &w, &err) == KB_OK, "%s", err ? err : "");
    return w;
}

/* Judge c->text and check the judgements against c->expect. */
static inline void judge_case(const stance_case *c)
{
    taxonomy *t = NULL;
    stance_lex *lex = NULL;
    words_lex *w = words_default();
    char *err = NULL;
    ck_assert_int_eq(tax_load(go_rust, strlen(go_rust), &t, &err), KB_OK);
    ck_assert_msg(stance_load(embed_stance, strlen(embed_stance), w, &lex, &err) == KB_OK, "%s", err ? err : "");
    toks *k = malloc(sizeof *k);
    tokenize(k, c->text);
    tax_hit hits[32];
    size_t nh = tax_match(t, TAX_MASK(TAX_SUBJECT), k->t, k->n, hits, 32);
    stance_mention ment[32];
    int fb[8];
    size_t nfb = 0;
    for (size_t i = 0; i < nh && i < 32; i++) {
        ment[i].subject = hits[i].index;
        ment[i].tok = hits[i].tok;
        ment[i].tok_end = hits[i].tok_end;
        int seen = 0;
        for (size_t j = 0; j < nfb; j++) seen |= fb[j] == hits[i].index;
        if (!seen && nfb < 8) fb[nfb++] = hits[i].index;
    }
    if (c->fallback) fb[nfb++] = tax_find_subject(t, c->fallback);
    /* Go and Rust are the subjects compared (Zig is not in the comparison) */
    int cmp[2] = {tax_find_subject(t, "Go"), tax_find_subject(t, "Rust")};
    int zig = tax_find_subject(t, "Zig");
    size_t ncmp = 2;
    for (size_t i = 0; i < nfb; i++)
        if (fb[i] == zig) ncmp = 0; /* a claim about Zig alone compares nothing */
    stance_out out[8];
    stance_input in = {k->t, k->n, ment, nh, fb, nfb, cmp, ncmp, c->bias, c->choice};
    size_t n = stance_judge(lex, &in, out, 8);
    char got[512] = "";
    for (size_t i = 0; i < n && i < 8; i++) {
        size_t l = strlen(got);
        snprintf(got + l, sizeof got - l, "%s%s:%s%s%s", i ? ";" : "", tax_subject(t, (size_t)out[i].subject),
                 out[i].polarity > 0 ? "+" : out[i].polarity < 0 ? "-" : "0", out[i].versus >= 0 ? ":" : "",
                 out[i].versus >= 0 ? tax_subject(t, (size_t)out[i].versus) : "");
    }
    ck_assert_msg(strcmp(got, c->expect) == 0, "\"%s\": [%s], expected [%s]", c->text, got, c->expect);
    buf_free(&k->norm);
    free(k);
    stance_free(lex);
    words_free(w);
    tax_free(t);
}

/* A test case "judge" looping judge_case over cases[0..n): the table
 * each suite of stance rules is. */
static const stance_case *tu_stance_cases;

START_TEST(tu_stance_judge)
{
    judge_case(&tu_stance_cases[_i]);
}
END_TEST

static inline TCase *tu_stance_tcase(const stance_case *cases, size_t n)
{
    tu_stance_cases = cases;
    TCase *tc = tcase_create("judge");
    tcase_add_loop_test(tc, tu_stance_judge, 0, (int)n);
    return tc;
}

/* The whole of a suite that is one such table. */
static inline int tu_stance_main(const char *name, const stance_case *cases, size_t n)
{
    Suite *s = suite_create(name);
    suite_add_tcase(s, tu_stance_tcase(cases, n));
    return tu_run(s);
}

#endif
