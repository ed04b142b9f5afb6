/*
 * check_dis_verdict.c - a question's verdict and its reason
 * (dis_verdict.c), from small invented articles (tudisagree.h):
 * outdated (an absolute claim, older, against a qualified newer one;
 * an older judgement only where a newer text says what changed, as
 * "X used to be slow" does; an older feature had or lacked by the
 * dates alone),
 * overstated, majority and unresolved; a ranking that does not deny a
 * judgement, a ranking against "both alike" and rankings both ways;
 * the values of one aspect; categories (a majority, a denial counted
 * against the kind it denies); poles one source gives both of; what a
 * subject is written in, one list within another or not.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "testutil.h"
#include "tudisagree.h"

START_TEST(test_absolute_older_is_outdated)
{
    scenario();
    article("old.md", "2018-03-01",
            "Kestrel does not support multithreading because of its global lock.\n\n"
            "Kestrel runs one job at a time.\n");
    article("new.md", "2025-06-01",
            "The global lock limits how multithreading works in Kestrel for CPU-bound jobs.\n\n"
            "Newer Kestrel builds now ship a free-threaded mode.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "multithreading");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_STANCE);
    ck_assert_str_eq(it->subject, "Kestrel");
    char a = side_of(it, "does not support"), b = side_of(it, "limits how");
    ck_assert(a && b && a != b);
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    /* the reason names the dates and the scope of the qualified claim */
    ck_assert_ptr_nonnull(strstr(it->explanation, "2018"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "2025"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "cpu-bound"));
    ck_assert_ptr_nonnull(strstr(position_of(it, a), "without qualification"));
    for (size_t i = 0; i < it->nclaims; i++)
        if (it->claims[i].side == a) ck_assert_int_eq(it->claims[i].modality, DIS_MOD_ABSOLUTE);
    dis_free(&s);
}
END_TEST

/* Opposite judgements years apart: outdated only where the newer text
 * says what changed; the dates alone are said, not taken for a verdict. */
START_TEST(test_older_judgement_outdated_only_with_change)
{
    dis_set s;
    const dis_item *it = apart(&s, "Kestrel is slow.\n", "Kestrel is fast.\n", "fast");
    ck_assert_int_ne(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "no newer text says what changed"));
    dis_free(&s);
}
END_TEST

START_TEST(test_older_judgement_outdated_by_a_change)
{
    dis_set s;
    const dis_item *it = apart(&s, "Kestrel is slow.\n", "Kestrel is now fast.\n", "fast");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "2018"));
    /* the reason names the change it rests on */
    ck_assert_ptr_nonnull(strstr(it->explanation, "says what changed: \"Kestrel is now fast"));
    dis_free(&s);
}
END_TEST

/* ... but what a subject has or lacks can change between versions:
 * years apart, the dates settle it ("never has" lacks it too) */
START_TEST(test_older_feature_outdated_by_dates)
{
    dis_set s;
    const dis_item *it =
        apart(&s, "Kestrel has no async runtime.\n", "Kestrel offers an async runtime.\n", "asynchronous");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "2018"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "has or lacks can change"));
    dis_free(&s);
    it = apart(&s, "Kestrel will never have an async runtime.\n", "Kestrel offers an async runtime.\n", "asynchronous");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    dis_free(&s);
}
END_TEST

START_TEST(test_absolute_same_time_is_overstated)
{
    scenario();
    article("a.md", "2025-01-01", "Wren does not support multithreading at all.\n");
    article("b.md", "2025-02-01", "The scheduler limits multithreading in Wren for CPU-bound jobs.\n");
    dis_set s;
    const dis_item *it = found(&s, "multithreading");
    ck_assert_int_eq(it->verdict, DIS_OVERSTATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "more precise"));
    dis_free(&s);
}
END_TEST

/* "Kestrel used to be slow" says it is no longer: against an older
 * "Kestrel is slow" it is the newer side, and the change. */
START_TEST(test_former_state_outdates)
{
    dis_set s;
    const dis_item *it = apart(&s, "Kestrel is slow.\n", "Kestrel used to be slow.\n", "fast");
    ck_assert_int_ne(side_of(it, "Kestrel is slow"), side_of(it, "used to be slow"));
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "used to be slow"));
    dis_free(&s);
}
END_TEST

START_TEST(test_ranking_does_not_deny_a_judgement)
{
    /* "steeper than the other's" does not say "hard": both can hold */
    dis_set s;
    const dis_item *it = three(&s, "Wren is easy to learn.\n", "Wren is simple to learn for most teams.\n",
                               "Wren has a steeper learning curve.\n", "learn");
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "only ranks") && strstr(it->explanation, "steeper"), "%s", it->explanation);
    dis_free(&s);
    /* a plain "hard" does deny it */
    it = three(&s, "Wren is easy to learn.\n", "Wren is simple to learn for most teams.\n", "Wren is hard to learn.\n",
               "learn");
    ck_assert_msg(it->verdict != DIS_COMPATIBLE, "%s", it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_majority_and_unresolved)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn for beginners.\n\nInstalling Wren is simple.\n");
    article("b.md", "2024-02-01", "Learning Wren is easy for beginners.\n");
    article("c.md", "2024-03-01", "Wren is easy to learn, even for beginners.\n");
    article("d.md", "2024-04-01", "Wren is hard to learn for beginners.\n\nInstalling Wren is difficult.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *learn = row(&s, "learn");
    ck_assert_ptr_nonnull(learn);
    ck_assert_int_eq(learn->verdict, DIS_MAJORITY);
    ck_assert_ptr_nonnull(strstr(learn->explanation, "3 sources against 1"));
    const dis_item *setup = row(&s, "install");
    ck_assert_ptr_nonnull(setup);
    ck_assert_int_eq(setup->verdict, DIS_UNRESOLVED);
    dis_free(&s);
}
END_TEST

/* Values of one aspect: a newer value against an older one is
 * outdated; a value only hedged against one mostly stated plainly is
 * compatible; a pole aspect with no template asks for its values. */
START_TEST(test_pole_verdicts)
{
    scenario();
    article("a.md", "2019-01-01", "Wren delivers each message at least once.\n");
    article("b.md", "2024-01-01", "Wren now offers exactly-once delivery.\n");
    article("c.md", "2025-01-01", "Wren provides exactly-once semantics for every consumer.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Wren's delivery");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "What is Wren's delivery: exactly-once or at-least-once?");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "older"));
    dis_free(&s);
    scenario();
    article("d.md", "2024-01-01", "Kestrel is dynamically typed.\n");
    article("e.md", "2024-02-01", "Kestrel is a dynamically typed language.\n");
    article("f.md", "2024-03-01", "Kestrel can be statically typed with annotations.\n");
    run(&s, NULL);
    it = row(&s, "statically or dynamically");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "as an option"));
    dis_free(&s);
    /* judgements of the same aspect are worded as judgements, its
     * values as values */
    article("g.md", "2024-01-01", "Kestrel's type system is clumsy.\n");
    article("h.md", "2024-02-01", "Kestrel's type system is a real strength.\n");
    run(&s, NULL);
    it = row(&s, "Is Kestrel's typing an advantage?");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_STANCE);
    it = row(&s, "Is Kestrel statically or dynamically typed?");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    dis_free(&s);
}
END_TEST

/* One source ranks Kestrel above Wren, another says both are easy:
 * both can hold, the ranking the more precise; a source ranking the
 * other way makes it a question of dates or counts. */
START_TEST(test_ranking_against_alike)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easier to learn than Wren.\n");
    article("b.md", "2024-03-01", "Both Kestrel and Wren are easy to learn.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Kestrel ahead of Wren on learning, or are they alike?");
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_str_eq(position_of(it, side_of(it, "easier to learn")), "Kestrel ahead");
    ck_assert_str_eq(position_of(it, side_of(it, "Both")), "alike: both good");
    ck_assert_ptr_nonnull(strstr(it->explanation, "a.md"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "Both can hold"));
    dis_free(&s);
    /* two newer sources rank Wren ahead, one saying it changed: the
     * label leads with Wren, and the older ranking is outdated */
    article("c.md", "2026-01-01", "Wren is now easier to learn than Kestrel.\n");
    article("d.md", "2026-02-01", "Learning Wren is simpler than learning Kestrel.\n");
    run(&s, NULL);
    it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Wren ahead of Kestrel on learning, or are they alike?");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    dis_free(&s);
}
END_TEST

/* "About the same" judges the two alike with no judgement (likeness,
 * not the breadth of "the same language on both ends"): it answers a
 * ranking, its position plainly "alike". */
START_TEST(test_about_the_same_is_alike)
{
    dis_set s;
    const dis_item *it = two(&s, "Kestrel is faster than Wren.\n", "Kestrel and Wren are about the same in speed.\n",
                             "ahead of");
    ck_assert_str_eq(position_of(it, side_of(it, "about the same")), "alike");
    ck_assert_str_eq(position_of(it, side_of(it, "faster")), "Kestrel ahead");
    dis_free(&s);
}
END_TEST

/* Rankings both ways years apart, with no newer text saying what
 * changed: the dates alone do not make the older one outdated. */
START_TEST(test_rankings_apart_without_change)
{
    scenario();
    article("a.md", "2019-01-01", "Kestrel is easier to learn than Wren.\n");
    article("b.md", "2019-03-01", "Both Kestrel and Wren are easy to learn.\n");
    article("c.md", "2026-01-01", "Wren is easier to learn than Kestrel.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "no newer text says what changed"));
    dis_free(&s);
}
END_TEST

START_TEST(test_category_majority)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is a scripting language for games.\n");
    article("b.md", "2024-02-01", "Wren is a small programming language.\n");
    article("c.md", "2024-02-15", "Wren is an embeddable language.\n");
    article("d.md", "2024-03-01", "Wren is a lightweight framework.\n\nWren is cross-platform.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Wren");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    ck_assert_int_eq(it->verdict, DIS_MAJORITY);
    ck_assert_str_eq(position_of(it, side_of(it, "scripting")), "a language");
    ck_assert_str_eq(position_of(it, side_of(it, "framework")), "a framework");
    /* "cross-platform" says nothing of what Wren is */
    ck_assert_int_eq(side_of(it, "cross-platform"), '\0');
    dis_free(&s);
}
END_TEST

START_TEST(test_denial_counts_against)
{
    /* a source that denies a kind it elsewhere gives counts for the
     * denial: two consistent sources against none */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is a runtime environment for scripts.\n");
    article("b.md", "2024-02-01",
            "Kestrel is not a language but rather a runtime environment.\n\nKestrel is a popular language.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Kestrel");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_MAJORITY);
    ck_assert_ptr_nonnull(strstr(it->explanation, "denial"));
    ck_assert_int_eq(side_of(it, "rather a runtime"), side_of(it, "runtime environment for scripts"));
    dis_free(&s);
}
END_TEST

START_TEST(test_values_nested_or_not)
{
    /* "written in Haskell" within "in Haskell and OCaml": compatible */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is written in Haskell.\n");
    article("b.md", "2024-02-01", "Kestrel is a small runtime written in Haskell and OCaml.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Kestrel written in?");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_str_eq(position_of(it, side_of(it, "is written in Haskell.")), "Haskell");
    ck_assert_str_eq(position_of(it, side_of(it, "OCaml")), "Haskell and OCaml");
    ck_assert_ptr_nonnull(strstr(it->explanation, "part of a longer one"));
    dis_free(&s);
}
END_TEST

START_TEST(test_values_rewritten)
{
    /* another language, years later: a rewrite is possible, so the
     * dates decide; at the same time, nothing does */
    scenario();
    article("a.md", "2019-01-01", "Kestrel is written in Haskell.\n");
    article("c.md", "2024-03-01", "Kestrel is written in Go.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Kestrel written in?");
    ck_assert_ptr_nonnull(it);
    ck_assert_msg(it->verdict == DIS_OUTDATED, "%s", it->explanation);
    dis_free(&s);
    article("d.md", "2024-05-01", "Kestrel is a runtime written in Haskell.\n");
    run(&s, NULL);
    it = row(&s, "What is Kestrel written in?");
    ck_assert_ptr_nonnull(it);
    ck_assert_msg(it->verdict == DIS_UNRESOLVED, "%s", it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_poles_one_source_gives_both)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel code is interpreted by its VM.\n");
    article("b.md", "2024-02-01",
            "The Kestrel JIT compiles hot code to machine code.\n\nKestrel code is interpreted at first.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "interpreted or compiled");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "gives both"));
    dis_free(&s);
}
END_TEST

static Suite *dis_verdict_suite(void)
{
    Suite *s = suite_create("dis_verdict");
    TCase *tc = tcase_create("dis_verdict");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_absolute_older_is_outdated);
    tcase_add_test(tc, test_absolute_same_time_is_overstated);
    tcase_add_test(tc, test_older_judgement_outdated_only_with_change);
    tcase_add_test(tc, test_older_feature_outdated_by_dates);
    tcase_add_test(tc, test_older_judgement_outdated_by_a_change);
    tcase_add_test(tc, test_former_state_outdates);
    tcase_add_test(tc, test_ranking_does_not_deny_a_judgement);
    tcase_add_test(tc, test_majority_and_unresolved);
    tcase_add_test(tc, test_ranking_against_alike);
    tcase_add_test(tc, test_about_the_same_is_alike);
    tcase_add_test(tc, test_rankings_apart_without_change);
    tcase_add_test(tc, test_pole_verdicts);
    tcase_add_test(tc, test_category_majority);
    tcase_add_test(tc, test_denial_counts_against);
    tcase_add_test(tc, test_values_nested_or_not);
    tcase_add_test(tc, test_values_rewritten);
    tcase_add_test(tc, test_poles_one_source_gives_both);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(dis_verdict_suite());
    free(sidecar);
    return rc;
}
