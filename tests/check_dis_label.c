/*
 * check_dis_label.c - a question in words (dis_label.c), from small
 * invented articles (tudisagree.h): opposite comparisons meeting in one
 * question between the two subjects, a ranking's question on what its
 * comparative speaks of, rankings the other way round, the question an agreement carries
 * (dis_agree.c), the labels of category questions and of a thing had
 * or lacked.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "testutil.h"
#include "tudisagree.h"

START_TEST(test_opposite_comparisons_meet)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is faster than Wren at startup.\n");
    article("b.md", "2024-02-01", "Wren is faster than Kestrel at startup.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    const dis_item *it = &s.items[0];
    /* one question between the two, read under the first subject */
    ck_assert_str_eq(it->subject, "Kestrel, Wren");
    ck_assert_ptr_nonnull(strstr(it->question, "Kestrel or Wren"));
    ck_assert_str_eq(position_of(it, side_of(it, "Kestrel is faster")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "Wren is faster")), "Wren");
    /* --subject finds it under either */
    dis_free(&s);
    dis_filter f = {"Wren", NULL, 0};
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(dis_find(st, &f, &s, &err), KB_OK);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_free(&s);
}
END_TEST

/* A ranking ranks on what its comparative speaks of: the browser named
 * before "perform better" is not what it ranks. */
START_TEST(test_ranking_on_its_comparative)
{
    scenario();
    article("e.md", "2024-01-01", "Kestrel runs smoothly in the browser sandbox, and its background jobs perform better.\n");
    article("f.md", "2024-03-01", "Both Kestrel and Wren run well in the browser.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_null(row(&s, "ahead of"));
    dis_free(&s);
    article("g.md", "2024-04-01", "Both Kestrel and Wren perform well.\n");
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_ptr_nonnull(strstr(it->question, " on speed,"));
    dis_free(&s);
}
END_TEST

/* Two sources ranking the pair opposite ways, neither naming its base
 * ("more straightforward" is a comparative): which is ahead, no "or
 * are they alike" when no source judges them alike. */
START_TEST(test_opposite_rankings_ask_which)
{
    dis_set s;
    const dis_item *it =
        two(&s, "Kestrel is easier to set up.\n", "Wren is more straightforward to set up.\n", "Which is ahead on setup");
    ck_assert_ptr_null(strstr(it->question, "alike"));
    ck_assert_str_eq(position_of(it, side_of(it, "Kestrel is easier")), "Kestrel ahead");
    ck_assert_str_eq(position_of(it, side_of(it, "Wren is more")), "Wren ahead");
    dis_free(&s);
}
END_TEST

/* An agreement carries its aspect's question where the lexicon has one
 * (the brief states it as the answer the sources give); a part has
 * none. */
START_TEST(test_agreement_questions)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easy to learn.\n\nThe kpm tool is excellent.\n");
    article("b.md", "2024-02-01", "Learning Kestrel is easy.\n\nKestrel ships kpm, an excellent tool.\n");
    dis_set s;
    run(&s, NULL);
    const dis_agreement *learn = NULL, *kpm = NULL;
    for (size_t i = 0; i < s.nagreements; i++) {
        if (strcmp(s.agreements[i].aspect, "learning") == 0) learn = &s.agreements[i];
        if (strcmp(s.agreements[i].aspect, "kpm") == 0) kpm = &s.agreements[i];
    }
    ck_assert_ptr_nonnull(learn);
    ck_assert_str_eq(learn->question, "Is Kestrel easy to learn?");
    ck_assert_int_eq(learn->polarity, 1);
    ck_assert_ptr_nonnull(kpm);
    ck_assert_ptr_null(kpm->question);
    dis_free(&s);
}
END_TEST

/* Two sources giving the same language: an agreement on the attribute,
 * led by the subject's own words, asking no yes-or-no question. */
START_TEST(test_value_agreement)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is written in Haskell.\n");
    article("b.md", "2024-02-01", "Kestrel, a small runtime written in Haskell, boots fast.\n");
    dis_set s;
    run(&s, NULL);
    const dis_agreement *lang = NULL;
    for (size_t i = 0; i < s.nagreements; i++)
        if (strcmp(s.agreements[i].aspect, "language") == 0) lang = &s.agreements[i];
    ck_assert_ptr_nonnull(lang);
    ck_assert_ptr_null(lang->question);
    ck_assert_uint_eq(lang->nsources, 2);
    ck_assert_str_eq(lang->lead, "Kestrel is written in Haskell");
    ck_assert_ptr_null(row(&s, "written in"));
    dis_free(&s);
}
END_TEST

START_TEST(test_category_labels)
{
    /* a kind against its denial alone asks about that kind; with a
     * denial among several kinds, "or" still comes before the last kind */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is a language for scripts.\n");
    article("b.md", "2024-02-01", "Kestrel is not a language.\n");
    article("c.md", "2024-01-01", "Wren is a language for games.\n");
    article("d.md", "2024-02-01", "Wren is a lightweight framework.\n");
    article("e.md", "2024-03-01", "Wren is not a runtime.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Is Kestrel a language?"));
    ck_assert_ptr_nonnull(row(&s, "What is Wren: a language or a framework?"));
    dis_free(&s);
}
END_TEST

/* A plain "yes" against a feature still "experimental" asks whether it
 * is there in full, and the side says "experimental". */
START_TEST(test_immature_labels)
{
    static const char *const filler =
        "\n\nKestrel starts quickly.\n\nKestrel runs on small boards.\n\nKestrel has a friendly community.\n";
    char a[256], b[256];
    snprintf(a, sizeof a, "Kestrel supports multithreading.%s", filler);
    snprintf(b, sizeof b, "Kestrel has experimental multithreading.%s", filler);
    dis_set s;
    const dis_item *it = two(&s, a, b, "experimental?");
    ck_assert_ptr_nonnull(strstr(it->question, "Is Kestrel's "));
    int experimental = 0;
    for (size_t k = 0; k < it->nsides; k++) experimental |= strcmp(it->positions[k], "yes, experimental") == 0;
    ck_assert(experimental);
    dis_free(&s);
}
END_TEST

/* A question on a cue of the user's, where every claim says the
 * subject has or lacks the thing, asks whether it has it, with the
 * article the claims give it (none for a plural or a mass noun). */
START_TEST(test_feature_labels)
{
    /* more claims of the subject, so that the shared cue is specific */
    static const char *const filler_a =
        "\n\nKestrel starts quickly.\n\nKestrel runs on small boards.\n\nKestrel ships a debugger.\n";
    static const char *const filler_b = "\n\nKestrel has a friendly community.\n\nKestrel installs in seconds.\n";
    char a[256], b[256];
    snprintf(a, sizeof a, "Kestrel has no window functions.%s", filler_a);
    snprintf(b, sizeof b, "Kestrel offers window functions.%s", filler_b);
    dis_set s;
    const dis_item *it = apart(&s, a, b, "window functions");
    ck_assert_str_eq(it->question, "Does Kestrel have window functions?");
    dis_free(&s);
    snprintf(a, sizeof a, "Kestrel does not have a query planner.%s", filler_a);
    snprintf(b, sizeof b, "Kestrel offers a query planner.%s", filler_b);
    it = apart(&s, a, b, "query planner");
    ck_assert_str_eq(it->question, "Does Kestrel have a query planner?");
    dis_free(&s);
}
END_TEST

static Suite *dis_label_suite(void)
{
    Suite *s = suite_create("dis_label");
    TCase *tc = tcase_create("dis_label");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_opposite_comparisons_meet);
    tcase_add_test(tc, test_ranking_on_its_comparative);
    tcase_add_test(tc, test_opposite_rankings_ask_which);
    tcase_add_test(tc, test_agreement_questions);
    tcase_add_test(tc, test_value_agreement);
    tcase_add_test(tc, test_category_labels);
    tcase_add_test(tc, test_feature_labels);
    tcase_add_test(tc, test_immature_labels);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(dis_label_suite());
    free(sidecar);
    return rc;
}
