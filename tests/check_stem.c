/*
 * check_stem.c - Porter's stemmer against the examples of Porter's
 * paper (each step's), and the words kb's aspects meet on.
 */
#include <check.h>
#include <string.h>

#include "stem.h"
#include "testutil.h"

typedef struct stem_case {
    const char *word, *stem;
} stem_case;

static const stem_case cases[] = {
    /* step 1a */
    {"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
    /* step 1b */
    {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"}, {"motoring", "motor"},
    {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"},
    {"tanned", "tan"}, {"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"},
    {"filing", "file"},
    /* step 1c */
    {"happy", "happi"}, {"sky", "sky"},
    /* steps 2 to 5 */
    {"relational", "relat"}, {"conditional", "condit"}, {"digitizer", "digit"}, {"vietnamization", "vietnam"},
    {"operator", "oper"}, {"decisiveness", "decis"}, {"formaliti", "formal"}, {"triplicate", "triplic"},
    {"formative", "form"}, {"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"},
    {"allowance", "allow"}, {"airliner", "airlin"}, {"adjustable", "adjust"}, {"replacement", "replac"},
    {"adoption", "adopt"}, {"communism", "commun"}, {"effective", "effect"}, {"probate", "probat"}, {"rate", "rate"},
    {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
    /* what kb relies on: the forms of one aspect meet */
    {"threads", "thread"}, {"threading", "thread"}, {"compilation", "compil"}, {"compiler", "compil"},
    {"readable", "readabl"}, {"readability", "readabl"},
    /* left alone: short words, anything not plain lower-case letters */
    {"go", "go"}, {"i/o", "i/o"}, {"node.js", "node.js"}, {"v8", "v8"},
};

START_TEST(test_cases)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[64];
        size_t n = stem_porter(cases[i].word, strlen(cases[i].word), out, sizeof out);
        ck_assert_msg(strcmp(out, cases[i].stem) == 0, "%s: got %s, want %s", cases[i].word, out, cases[i].stem);
        ck_assert_uint_eq(n, strlen(out));
    }
}
END_TEST

START_TEST(test_small_buffer)
{
    char out[5];
    size_t n = stem_porter("internationalization", 20, out, sizeof out);
    ck_assert_uint_le(n, 4);
    ck_assert_uint_eq(strlen(out), n);
    ck_assert_uint_eq(stem_porter("x", 1, out, 0), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stem");
    TCase *tc = tcase_create("stem");
    tcase_add_test(tc, test_cases);
    tcase_add_test(tc, test_small_buffer);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
