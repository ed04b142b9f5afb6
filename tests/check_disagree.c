/*
 * check_disagree.c - finding the disagreements (disagree.c, dis_read.c):
 * claims that dispute nothing (other aspects, one source against
 * itself, a comparison against a plain judgement), the filters and the
 * determinism of a run, points left out of a clause disputed ("...,
 * but Y does not"), and the corpus's acceptance points (its rows and
 * verdicts; every row between different sources, with a reason and a
 * position for each side; a date inferred from the text).  Each kind of
 * row has its own suite: check_dis_numeric.c, check_dis_verdict.c,
 * check_dis_sides.c, check_dis_label.c, check_reconcile_choice.c.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "store.h"
#include "testutil.h"
#include "tudisagree.h"
#include "tustore.h"
#include "util.h"

START_TEST(test_unrelated_claims_are_not_disputes)
{
    /* opposite judgements of different aspects; one source against
     * itself; a comparison against a plain judgement */
    scenario();
    article("a.md", "2024-01-01",
            "Wren is easy to learn.\n\nInstalling Wren is difficult.\n\nWren is slow for CPU-bound jobs, "
            "but Wren is fast for I/O-bound jobs.\n");
    article("b.md", "2024-02-01", "Wren is harder to learn than Kestrel.\n\nThe Wren VM has good documentation.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
}
END_TEST

/* A clause whose verb phrase is left out ("..., but Wren does not")
 * speaks of the point the clause before names: against a source that
 * says Wren does it, a row with the two on opposite sides.  So does a
 * contrast that names no point of its own ("whereas Wren struggles"). */
START_TEST(test_points_left_out_are_disputed)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel supports green threads, but Wren does not.\n");
    article("b.md", "2024-03-01", "Wren supports green threads.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_ge(s.nitems, 1);
    const dis_item *it = NULL;
    for (size_t i = 0; i < s.nitems && !it; i++)
        if (side_of(&s.items[i], "Wren does not") && side_of(&s.items[i], "Wren supports")) it = &s.items[i];
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(side_of(it, "Wren does not"), side_of(it, "Wren supports"));
    dis_free(&s);
    scenario();
    article("a.md", "2024-01-01", "Kestrel shines at log aggregation, whereas Wren struggles.\n");
    article("b.md", "2024-03-01", "Wren excels at log aggregation.\n");
    /* other points of Wren's, so that log aggregation is a specific one */
    article("c.md", "2024-04-01",
            "Wren is easy to learn.\n\nWren has a small community.\n\nInstalling Wren takes one command.\n\n"
            "Wren threads are cheap.\n\nThe Wren VM starts quickly.\n\nWren has few libraries.\n");
    run(&s, NULL);
    it = NULL;
    for (size_t i = 0; i < s.nitems && !it; i++)
        if (side_of(&s.items[i], "Wren struggles") && side_of(&s.items[i], "Wren excels")) it = &s.items[i];
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(side_of(it, "Wren struggles"), side_of(it, "Wren excels"));
    dis_free(&s);
}
END_TEST

START_TEST(test_filters_and_determinism)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn.\n\nKestrel is fast for I/O-bound network services.\n");
    article("b.md", "2024-02-01", "Wren is hard to learn.\n\nKestrel is slow for CPU-bound number crunching.\n");
    dis_set s, t;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 2);
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    dis_filter f = {"Wren", NULL, 0};
    ck_assert_int_eq(dis_find(st, &f, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, 1);
    ck_assert_str_eq(t.items[0].subject, "Wren");
    dis_free(&t);
    dis_filter g = {NULL, "performance", 0};
    ck_assert_int_eq(dis_find(st, &g, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, 1);
    ck_assert_str_eq(t.items[0].subject, "Kestrel");
    dis_free(&t);
    dis_filter none = {NULL, NULL, 0};
    ck_assert_int_eq(dis_find(st, &none, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, s.nitems);
    for (size_t i = 0; i < s.nitems; i++) {
        ck_assert_str_eq(s.items[i].question, t.items[i].question);
        ck_assert_str_eq(s.items[i].explanation, t.items[i].explanation);
    }
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_free(&t);
    dis_free(&s);
}
END_TEST

/* ---- the corpus ---- */

static const dis_item *item_for(const dis_set *s, const char *subject, const char *key)
{
    for (size_t i = 0; i < s->nitems; i++) {
        const dis_item *it = &s->items[i];
        const char *k = it->measure ? it->measure : it->aspect;
        if (strcmp(it->subject, subject) == 0 && k && strcmp(k, key) == 0) return it;
    }
    return NULL;
}

static size_t sources_in(const dis_item *it)
{
    size_t n = 0;
    for (size_t i = 0; i < it->nclaims; i++) {
        int seen = 0;
        for (size_t k = 0; k < i; k++) seen |= it->claims[k].source == it->claims[i].source;
        n += !seen;
    }
    return n;
}

START_TEST(test_corpus)
{
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    tu_ingest(st, "corpus", NULL);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_set s;
    find(&s, NULL);
    /* PyPI counts: compatible lower bounds, with the reason */
    const dis_item *pypi = item_for(&s, "Python", "package_count");
    ck_assert_ptr_nonnull(pypi);
    ck_assert_int_eq(pypi->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(pypi->explanation, "lower bound"));
    /* npm's "over two million" is said alike: not listed */
    ck_assert_ptr_null(item_for(&s, "Node.js", "package_count"));
    /* Python's multithreading: 001's absolute claim against 000's
     * qualified ones, on opposite sides; outdated, citing the dates and
     * the scope */
    const dis_item *mt = row(&s, "Python support multithreading");
    ck_assert_ptr_nonnull(mt);
    char a = side_of(mt, "Python does not support multithreading"), b = side_of(mt, "GIL affects CPU-bound");
    ck_assert(a && b && a != b);
    ck_assert(mt->verdict == DIS_OUTDATED || mt->verdict == DIS_OVERSTATED);
    ck_assert_ptr_nonnull(strstr(mt->explanation, "2019"));
    ck_assert_ptr_nonnull(strstr(mt->explanation, "2026"));
    ck_assert_ptr_nonnull(strstr(mt->explanation, "cpu-bound"));
    /* what Node.js is: a runtime, not a language (001 and 003 say so) */
    const dis_item *what = row(&s, "What is Node.js");
    ck_assert_ptr_nonnull(what);
    ck_assert_int_eq(what->kind, DIS_CATEGORY);
    ck_assert_int_ne(side_of(what, "JavaScript runtime that lets"), side_of(what, "two popular programming languages"));
    /* Python's age: "nearly 30 years" in 2026 against 1991 */
    const dis_item *age = row(&s, "How old is Python");
    ck_assert_ptr_nonnull(age);
    ck_assert_int_eq(age->kind, DIS_TEMPORAL);
    ck_assert_ptr_nonnull(strstr(age->explanation, "1991"));
    /* every row compares different sources, says why, and has a
     * position for each of its sides */
    for (size_t i = 0; i < s.nitems; i++) {
        const dis_item *it = &s.items[i];
        ck_assert_uint_ge(sources_in(it), 2);
        ck_assert_uint_gt(strlen(it->explanation), 40);
        ck_assert_ptr_nonnull(it->question);
        for (size_t k = 0; k < it->nclaims; k++) {
            ck_assert_uint_lt((size_t)(it->claims[k].side - 'a'), it->nsides);
            ck_assert_ptr_nonnull(it->positions[it->claims[k].side - 'a']);
        }
    }
    /* 001 states no date: inferred from the latest year it gives (2019) */
    for (size_t i = 0; i < s.nsources; i++)
        if (strstr(s.sources[i].path, "001_")) {
            ck_assert_str_eq(s.sources[i].date, "2019");
            ck_assert_int_eq(s.sources[i].date_inferred, 1);
        }
    dis_free(&s);
}
END_TEST

static Suite *disagree_suite(void)
{
    Suite *s = suite_create("disagree");
    TCase *tc = tcase_create("disagree");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_unrelated_claims_are_not_disputes);
    tcase_add_test(tc, test_points_left_out_are_disputed);
    tcase_add_test(tc, test_filters_and_determinism);
    tcase_add_test(tc, test_corpus);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(disagree_suite());
    free(sidecar);
    return rc;
}
