/*
 * check_words.c - the function word lists (words.h): the compiled-in
 * file fills every role; a role's terms match exactly (no plurals), a
 * "word*" as a prefix, phrases within the limits given, endings at the
 * end of a longer word, and the opening-text check as written; load
 * errors name the line or the role.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "norm.h"
#include "testutil.h"
#include "util.h"
#include "words.h"

/* Normalized tokens of a short text. */
typedef struct toks {
    buf norm;
    tax_tok t[32];
    size_t n;
} toks;

static int add_tok(void *ctx, const char *s, size_t n, size_t off)
{
    toks *k = ctx;
    if (k->n < 32) k->t[k->n++] = (tax_tok){s, n, off, 0};
    return 0;
}

static void tokenize(toks *k, const char *text)
{
    memset(k, 0, sizeof *k);
    ck_assert_int_eq(norm_text(text, strlen(text), &k->norm, NULL, NULL), KB_OK);
    norm_tokens(buf_cstr(&k->norm), k->norm.len, add_tok, k);
}

static words_lex *load_default(void)
{
    words_lex *w = NULL;
    char *err = NULL;
    ck_assert_msg(words_load(NULL, 0, &w, &err) == KB_OK, "%s", err ? err : "");
    ck_assert_ptr_nonnull(w);
    return w;
}

/* One question about the compiled-in lists: is the token at `at` of
 * text a term of role (words_is), or how long is the term there
 * (words_at, up to the end of the text)? */
typedef struct is_case {
    words_role role;
    const char *text;
    size_t at;
    size_t want;   /* words_is: 0/1; words_at: the term's length */
} is_case;

static const is_case is_cases[] = {
    {WR_THAN, "faster than Go", 1, 1},
    {WR_THAN, "Thans", 0, 0},             /* exact: no plural, no prefix */
    {WR_CLAUSE_CONTRAST, "But then", 0, 1},
    {WR_DEPEND, "it depends on", 1, 1},   /* "depend*": a prefix */
    {WR_DEPEND, "it dependable", 1, 1},
    {WR_DEPEND, "it depen on", 1, 0},
    {WR_ALL, "all of them", 0, 1},
    {WR_ALL, "allow", 0, 0},
    {WR_COPULA_ADVERB, "X is basically a K", 2, 1},
    {WR_COPULA_PRONOUN_PLURAL, "Both are", 0, 1},
};

static const is_case at_cases[] = {
    {WR_NEGATED_ACTION, "X doesn't run", 1, 2},   /* "doesn't" is two tokens */
    {WR_NEGATED_ACTION, "X cannot run", 1, 1},
    {WR_NEGATED_ACTION, "X does", 1, 0},          /* "does not" runs past the end */
    {WR_NEGATED_COPULA, "it isn’t fast", 1, 2},   /* typographic apostrophe */
    {WR_COMPARED_TO, "compared with Go", 0, 2},
    {WR_LINEAGE, "evolved from C", 0, 2},         /* "evolv* from" */
    {WR_LINEAGE, "evolved into C", 0, 0},
    {WR_COPULA_NEGATED, "X isn't a K", 1, 2},
    {WR_DETERMINER, "one of the runtimes", 0, 3},  /* the phrase before "the" alone */
    {WR_DETERMINER, "one runtime", 0, 0},
    {WR_KIND_CONTRAST, "but rather a K", 0, 2},
    {WR_KIND_CONTRAST, "but a K", 0, 1},
};

START_TEST(test_is)
{
    const is_case *c = &is_cases[_i];
    words_lex *w = load_default();
    toks *k = malloc(sizeof *k);
    tokenize(k, c->text);
    ck_assert_msg((size_t)words_is(w, c->role, &k->t[c->at]) == c->want, "\"%s\" token %zu", c->text, c->at);
    buf_free(&k->norm);
    free(k);
    words_free(w);
}
END_TEST

START_TEST(test_at)
{
    const is_case *c = &at_cases[_i];
    words_lex *w = load_default();
    toks *k = malloc(sizeof *k);
    tokenize(k, c->text);
    size_t got = words_at(w, c->role, k->t, k->n, c->at);
    ck_assert_msg(got == c->want, "\"%s\" at %zu: %zu tokens, want %zu", c->text, c->at, got, c->want);
    buf_free(&k->norm);
    free(k);
    words_free(w);
}
END_TEST

/* What follows an object relative pronoun is said of its noun. */
static const is_case rel_cases[] = {
    {0, "Rust gives you the tools you need", 6, 1},
    {0, "It has everything you need", 4, 1},
    {0, "the features you are familiar with", 4, 1},
    {0, "the docker compose you already know", 4, 1},
    {0, "the tools that they need", 4, 1},
    {0, "If you need speed", 2, 0},                /* a condition */
    {0, "Go is fast and you need less code", 5, 0}, /* a clause of its own */
    {0, "For the tools, you need Go", 4, 0},        /* a comma between */
};

START_TEST(test_object_relative)
{
    const is_case *c = &rel_cases[_i];
    words_lex *w = load_default();
    toks *k = malloc(sizeof *k);
    tokenize(k, c->text);
    ck_assert_msg((size_t)words_object_relative(w, k->t, 0, c->at) == c->want, "\"%s\" token %zu", c->text, c->at);
    buf_free(&k->norm);
    free(k);
    words_free(w);
}
END_TEST

/* A term is found only within the limits given. */
START_TEST(test_limits)
{
    words_lex *w = load_default();
    toks *k = malloc(sizeof *k);
    tokenize(k, "thanks to its loop");
    ck_assert_uint_eq(words_at(w, WR_CAUSE, k->t, k->n, 0), 2);
    ck_assert_uint_eq(words_at(w, WR_CAUSE, k->t, 1, 0), 0);     /* the end cuts it */
    ck_assert_int_eq(words_ends(w, WR_CAUSE, k->t, 0, 2), 1);     /* ends before "its" */
    ck_assert_int_eq(words_ends(w, WR_CAUSE, k->t, 1, 2), 0);     /* starts before from */
    ck_assert_int_eq(words_ends(w, WR_CAUSE, k->t, 0, 1), 0);
    buf_free(&k->norm);
    free(k);
    words_free(w);
}
END_TEST

/* The opening check reads the text as written. */
START_TEST(test_opens)
{
    words_lex *w = load_default();
    static const struct {
        const char *text;
        int want;
    } c[] = {
        {"It is fast.", 1}, {"ITS speed", 1}, {"It’s fast", 1}, {"It's fast", 1}, {"Items are", 0},
        {"It", 0}, {"It ", 0}, {"It, too", 0}, {"These days", 1},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++)
        ck_assert_msg(words_opens(w, WR_OPENING_PRONOUN, c[i].text, strlen(c[i].text)) == c[i].want, "\"%s\"",
                      c[i].text);
    words_free(w);
}
END_TEST

/* An ending matches the end of a longer token only. */
START_TEST(test_endings)
{
    words_lex *w = load_default();
    static const struct {
        words_role role;
        const char *word;
        int want;
    } c[] = {
        {WR_PARTICIPLE_ENDING, "compiled", 1}, {WR_PARTICIPLE_ENDING, "compile", 0},
        {WR_PARTICIPLE_ENDING, "ed", 0},       {WR_STATEMENT_ENDING, "Keeps", 1},
        {WR_STATEMENT_ENDING, "keep", 0},      {WR_STATEMENT_ENDING, "s", 0},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        toks *k = malloc(sizeof *k);
        tokenize(k, c[i].word);
        ck_assert_msg(words_has_ending(w, c[i].role, &k->t[0]) == c[i].want, "\"%s\"", c[i].word);
        buf_free(&k->norm);
        free(k);
    }
    words_free(w);
}
END_TEST

/* Errors name the line or the role left empty; a file may spread a
 * role over several lines. */
START_TEST(test_load_errors)
{
    words_lex *w = (words_lex *)1;
    char *err = NULL;
    const char *bad = "# c\nthan\tthan\nsplendid\tfoo\n";
    ck_assert_int_eq(words_load(bad, strlen(bad), &w, &err), KB_ERR);
    ck_assert_ptr_null(w);
    ck_assert_msg(strstr(err, "line 3") && strstr(err, "splendid"), "%s", err);
    free(err);
    err = NULL;
    const char *notab = "than than\n";
    ck_assert_int_eq(words_load(notab, strlen(notab), &w, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 1"), "%s", err);
    free(err);
    err = NULL;
    const char *empty = "than\t,,\n";
    ck_assert_int_eq(words_load(empty, strlen(empty), &w, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 1"), "%s", err);
    free(err);
    err = NULL;
    /* the compiled-in file without its last role */
    buf b = BUF_INIT;
    const char *last = strstr(embed_words, "\nneeder_owner\t");
    ck_assert_ptr_nonnull(last);
    buf_add(&b, embed_words, (size_t)(last - embed_words) + 1);
    ck_assert_int_eq(words_load(b.data, b.len, &w, &err), KB_ERR);
    ck_assert_msg(strstr(err, "needer_owner"), "%s", err);
    free(err);
    err = NULL;
    /* ... and with it given on two lines */
    buf_adds(&b, "needer_owner\tyour\nneeder_owner\tour\n");
    ck_assert_int_eq(words_load(b.data, b.len, &w, &err), KB_OK);
    toks *k = malloc(sizeof *k);
    tokenize(k, "our");
    ck_assert_int_eq(words_is(w, WR_NEEDER_OWNER, &k->t[0]), 1);
    buf_free(&k->norm);
    free(k);
    words_free(w);
    buf_free(&b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("words");
    tcase_add_loop_test(tc, test_is, 0, (int)(sizeof is_cases / sizeof *is_cases));
    tcase_add_loop_test(tc, test_at, 0, (int)(sizeof at_cases / sizeof *at_cases));
    tcase_add_loop_test(tc, test_object_relative, 0, (int)(sizeof rel_cases / sizeof *rel_cases));
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_opens);
    tcase_add_test(tc, test_endings);
    tcase_add_test(tc, test_load_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
