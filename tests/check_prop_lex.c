/*
 * check_prop_lex.c - the reconcile lexicon and the interned aspect keys
 * (prop_lex.c), with the lexicon schema/reconcile.tsv ships (tuprop.h):
 * one aspect in different words meeting on one key, keys interned and
 * shown on one line, ages, the scopes of one axis and the axes asked as
 * a choice, and the lexicon's errors.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "prop.h"
#include "testutil.h"
#include "tuprop.h"
#include "util.h"

START_TEST(test_keys_meet)
{
    /* one aspect in different words meets on one key */
    char *a = props_of("Kestrel does not support multithreading.", NULL, NULL);
    char *b = props_of("Threads in Kestrel are limited.", NULL, NULL);
    char *c = props_of("Kestrel's threading model is weak.", NULL, NULL);
    ck_assert_ptr_nonnull(strstr(a, "#threads"));
    ck_assert_ptr_nonnull(strstr(b, "#threads"));
    ck_assert_ptr_nonnull(strstr(c, "#threads"));
    free(a);
    free(b);
    free(c);
    /* interned: the same text, the same id */
    uint32_t x = prop_key(e.keys, "#threads", 8, NULL, 0), y = prop_key(e.keys, "#threads", 8, "threads", 7);
    ck_assert_uint_eq(x, y);
    ck_assert_str_eq(prop_key_str(e.keys, x), "#threads");
    size_t before = prop_key_count(e.keys);
    for (int i = 0; i < 1000; i++) {
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        prop_key(e.keys, k, strlen(k), NULL, 0);
    }
    ck_assert_uint_eq(prop_key_count(e.keys), before + 1000);
    ck_assert_str_eq(prop_key_str(e.keys, prop_key(e.keys, "k999", 4, NULL, 0)), "k999");
    /* a phrase broken over two lines is shown on one */
    uint32_t z = prop_key(e.keys, "$messag order", 13, " message\n  ordering ", 20);
    ck_assert_str_eq(prop_key_shown(e.keys, z), "message ordering");
}
END_TEST

START_TEST(test_age)
{
    ck_assert(prop_lex_age(e.lex, "Wren has existed for decades.", 29));
    ck_assert(prop_lex_age(e.lex, "Both are now nearly 30 years old.", 33));
    ck_assert(prop_lex_age(e.lex, "It is ten years after its release.", 34));
    ck_assert(!prop_lex_age(e.lex, "A release every six months.", 27));
}
END_TEST

static size_t scope_index(const char *name)
{
    for (size_t i = 0; prop_lex_scope(e.lex, i); i++)
        if (strcmp(prop_lex_scope(e.lex, i), name) == 0) return i;
    ck_abort_msg("no scope %s", name);
    return 0;
}

/* Scopes of one axis, and the axes asked as a choice for one subject */
START_TEST(test_scope_axes)
{
    size_t small = scope_index("size/small"), large = scope_index("size/large"), cpu = scope_index("workload/cpu");
    ck_assert(prop_lex_same_axis(e.lex, small, large));
    ck_assert(prop_lex_same_axis(e.lex, large, large));
    ck_assert(!prop_lex_same_axis(e.lex, small, cpu));
    ck_assert_ptr_nonnull(prop_lex_question(e.lex, "!size"));
    ck_assert_ptr_null(prop_lex_question(e.lex, "!workload"));
}
END_TEST

/* Loading lexicon text is refused with a message containing want, and
 * nothing loaded. */
static void lex_refused(const char *text, const char *want)
{
    prop_lex *l = NULL;
    char *err = NULL;
    ck_assert_int_eq(prop_lex_load(text, strlen(text), &l, &err), KB_ERR);
    ck_assert_ptr_null(l);
    ck_assert_msg(err && strstr(err, want), "%s", err ? err : "(no message)");
    free(err);
}

START_TEST(test_lexicon_errors)
{
    prop_lex *l = NULL;
    char *err = NULL;
    const char *bad = "frobnicate\t-\tfoo\n";
    ck_assert_int_eq(prop_lex_load(bad, strlen(bad), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "line 1"));
    free(err);
    err = NULL;
    const char *noname = "# c\nconcept\t-\tfoo, bar\n";
    ck_assert_int_eq(prop_lex_load(noname, strlen(noname), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "line 2"));
    free(err);
    err = NULL;
    const char *pole = "pole\tnoslash\tfoo\n";
    ck_assert_int_eq(prop_lex_load(pole, strlen(pole), &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "ASPECT/VALUE"));
    free(err);
    err = NULL;
    buf longname = BUF_INIT;
    buf_adds(&longname, "# c\n# c\nconcept\t");
    for (int i = 0; i < 127; i++) buf_addc(&longname, 'n');
    buf_adds(&longname, "\tfoo\n");
    ck_assert_int_eq(prop_lex_load(buf_cstr(&longname), longname.len, &l, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 3") && strstr(err, "126"), "%s", err);
    free(err);
    err = NULL;
    buf_free(&longname);
    /* a word in two lines would take whichever the matcher picks */
    const char *twice = "concept\tspeed\tfast, quick\nchange\t-\tnewer, Quick\n";
    ck_assert_int_eq(prop_lex_load(twice, strlen(twice), &l, &err), KB_ERR);
    ck_assert_msg(strstr(err, "line 2") && strstr(err, "Quick") && strstr(err, "line 1"), "%s", err);
    free(err);
    err = NULL;
    buf many = BUF_INIT;
    for (int i = 0; i < 33; i++) buf_printf(&many, "scope\ta/v%d\tword%d\n", i, i);
    ck_assert_int_eq(prop_lex_load(buf_cstr(&many), many.len, &l, &err), KB_ERR);
    ck_assert_ptr_nonnull(strstr(err, "at most 32"));
    free(err);
    err = NULL;
    buf_free(&many);
    /* a feature must be a concept: a misspelt one would do nothing */
    lex_refused("concept\tthreads\tthread*\nfeature\t-\tthreads, thread\n", "\"thread\" is no concept");
    const char *featok = "feature\t-\tthreads\nconcept\tthreads\tthread*\n";
    ck_assert_int_eq(prop_lex_load(featok, strlen(featok), &l, &err), KB_OK);
    ck_assert(!prop_lex_is_sized(l, "threads"));
    prop_lex_free(l);
    l = NULL;
    /* a refined scope needs the scope it refines */
    lex_refused("scope\tsize/big/load\thigh-traffic\n", "\"size/big/load\" refines \"size/big\", which is no scope");
    /* so must a sized one */
    lex_refused("concept\tcommunity\tcommunit*\nsized\t-\tcomunity\n", "sized \"comunity\" is no concept");
    ck_assert(prop_lex_is_sized(e.lex, "community") && !prop_lex_is_sized(e.lex, "speed"));
    lex_refused("scope\tbuild/standard\tstandard build\ndefault\t-\tbuild/default\n", "\"build/default\" is no scope");
    /* every value of an axis knows the axis's default, other axes none */
    size_t alt = 0, cpu = 0;
    for (size_t i = 0; prop_lex_scope(e.lex, i); i++) {
        if (strcmp(prop_lex_scope(e.lex, i), "build/alternative") == 0) alt = i;
        if (strcmp(prop_lex_scope(e.lex, i), "workload/cpu") == 0) cpu = i;
    }
    ck_assert_str_eq(prop_lex_scope(e.lex, (size_t)prop_lex_scope_default(e.lex, alt)), "build/standard");
    ck_assert_int_eq(prop_lex_scope_default(e.lex, cpu), -1);
    /* the lexicon's question templates */
    ck_assert_ptr_nonnull(prop_lex_question(e.lex, "#threads"));
    ck_assert_ptr_null(prop_lex_question(e.lex, "#nosuchaspect"));
    ck_assert(prop_lex_is_axis(e.lex, "execution"));
    ck_assert(!prop_lex_is_concept(e.lex, "execution"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("prop_lex");
    TCase *tc = tcase_create("prop_lex");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_keys_meet);
    tcase_add_test(tc, test_age);
    tcase_add_test(tc, test_scope_axes);
    tcase_add_test(tc, test_lexicon_errors);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
