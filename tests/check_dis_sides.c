/*
 * check_dis_sides.c - a row's sides (dis_sides.c), from small invented
 * articles (tudisagree.h): what two sides say of each other (different
 * scopes, when most of a side names one, a claim naming no scope
 * covering them, a side torn between two values, refined scopes of a
 * choice, another workload answering no scope question; a source on
 * both sides; the claim a side is quoted by), and which claims stand
 * together (sides that are pure, a comparison read under the row's
 * subject, a community's size, a turn that names the subject again, a
 * partial claim a side of its own).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "testutil.h"
#include "tudisagree.h"

START_TEST(test_different_scopes_are_compatible)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for I/O-bound network services.\n");
    article("b.md", "2024-05-01", "Wren is slow for CPU-bound number crunching services.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    const dis_item *it = &s.items[0];
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "different scopes"));
    ck_assert_int_ne(it->claims[0].side, it->claims[1].side);
    dis_free(&s);
}
END_TEST

START_TEST(test_scope_most_of_a_side_names_is_compatible)
{
    /* two of three favourable claims are about native extensions; one
     * unfavourable claim of four names them in passing */
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for computation with native extensions.\n");
    article("b.md", "2024-02-01", "Wren is strong at computation when using native extensions.\n");
    article("c.md", "2024-03-01", "Wren is fast for computation.\n");
    article("d.md", "2024-04-01", "Wren is slow for computation.\n");
    article("e.md", "2024-05-01", "Wren is weak at computation.\n");
    article("f.md", "2024-06-01", "Wren is poor at computation.\n");
    article("g.md", "2024-07-01", "Wren is slow for computation, even with native extensions.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "CPU-bound");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "different scopes"));
    dis_free(&s);
}
END_TEST

START_TEST(test_general_claims_cover_a_scope_of_use)
{
    /* a claim naming no kind of app speaks of real-time apps too: one
     * side scoped to them is no other case (a build would be) */
    dis_set s;
    const dis_item *it = three(&s, "Debugging Wren code is hard.\n", "Wren errors are difficult to debug.\n",
                               "Wren makes debugging easy in real-time apps.\n", "debug");
    ck_assert_int_ne(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_null(strstr(it->explanation, "different scopes"));
    dis_free(&s);
}
END_TEST

START_TEST(test_side_torn_between_values_takes_the_other)
{
    /* "heavy computation ... slows other requests" names CPU-bound and
     * I/O-bound work: against I/O-bound claims it speaks of CPU-bound */
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for I/O-bound network services.\n");
    article("c.md", "2024-03-01", "Wren is slow: heavy computation blocks the other requests.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "fast");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "(cpu-bound)") && strstr(it->explanation, "(i/o-bound)") && !strstr(it->explanation, "in general"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_community_size_meets_size)
{
    /* a community's size is a point of its own: "mature and supportive"
     * does not answer "small", "huge" does */
    dis_set s;
    const dis_item *it = three(&s, "Wren has a small community.\n", "Wren has a mature and supportive community.\n",
                               "Wren has a huge community.\n", "community");
    ck_assert(side_of(it, "small") && side_of(it, "huge") && side_of(it, "small") != side_of(it, "huge"));
    ck_assert_int_eq(side_of(it, "mature"), '\0');
    dis_free(&s);
    /* so does a ranking by size meet only sizes judged alike */
    it = three(&s, "Wren's developer pool is smaller than Kestrel's.\n",
               "Both Wren and Kestrel have mature communities.\n", "Both Wren and Kestrel have large communities.\n",
               "community");
    ck_assert(side_of(it, "smaller") && side_of(it, "large communities"));
    ck_assert_int_eq(side_of(it, "mature"), '\0');
    dis_free(&s);
}
END_TEST

START_TEST(test_turn_is_the_position)
{
    /* "..., but ..." naming the subject again on the same aspect the
     * other way is the claim's position; a turn that does not name it
     * ("but installing plugins is hard") is not */
    dis_set s;
    const dis_item *it = three(&s, "Wren is easy to install on Linux, but on Windows you need to install Wren yourself.\n",
                               "Installing Wren is easy.\n", "Wren is hard to install.\n", "install");
    ck_assert(side_of(it, "on Windows") && side_of(it, "on Windows") == side_of(it, "hard to install"));
    dis_free(&s);
    it = three(&s, "Wren is easy to install, but installing plugins is hard.\n", "Installing Wren is easy.\n",
               "Wren is hard to install.\n", "install");
    ck_assert(side_of(it, "plugins") && side_of(it, "plugins") == side_of(it, "Installing Wren is easy"));
    dis_free(&s);
}
END_TEST

START_TEST(test_partial_is_a_side_of_its_own)
{
    /* against an absolute claim, "for some jobs" (a hedge of extent) is
     * a side apart from "may" */
    dis_set s;
    const dis_item *it = three(&s, "Wren is never fast.\n", "Wren is slow for some jobs.\n", "Wren may be slow.\n", "fast");
    ck_assert_int_eq(it->verdict, DIS_OVERSTATED);
    char a = side_of(it, "never"), p = side_of(it, "some jobs"), q = side_of(it, "may be");
    ck_assert(a && p && q && a != p && p != q && a != q);
    ck_assert_str_eq(position_of(it, p), "no, in some cases");
    dis_free(&s);
}
END_TEST

START_TEST(test_choice_on_refined_scopes_is_compatible)
{
    /* "Which suits large projects: Kestrel or Wren?" answered with
     * high-traffic systems for one and enterprise projects for the
     * other: different scopes */
    dis_set s;
    four(&s, "Kestrel is the best choice for high-traffic APIs.\n", "Choose Kestrel for high-traffic web apps.\n",
         "Wren is the best choice for large enterprise projects.\n", "Choose Wren for large projects.\n");
    const dis_item *it = row(&s, "large projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "different scopes") && strstr(it->explanation, "high-traffic"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_other_workload_answers_no_scope_question)
{
    /* a claim of CPU-bound work does not say no to "Is Wren suited to
     * I/O-bound work?" */
    dis_set s;
    four(&s, "Wren handles thousands of network connections efficiently.\n", "Wren is ideal for I/O-heavy services.\n",
         "Wren excels at real-time apps.\n", "In Wren, heavy computation blocks the loop and slows down other requests.\n");
    ck_assert_ptr_null(row(&s, "suited to I/O-bound"));
    dis_free(&s);
    /* one of I/O-bound work does */
    four(&s, "Wren handles thousands of network connections efficiently.\n", "Wren is ideal for I/O-heavy services.\n",
         "Wren excels at real-time apps.\n", "Wren is poor at I/O-heavy services and struggles with many connections.\n");
    ck_assert_ptr_nonnull(row(&s, "suited to I/O-bound"));
    dis_free(&s);
}
END_TEST

START_TEST(test_side_quoted_by_its_subject)
{
    /* a side is quoted by a claim that names the subject, not by one
     * on a part of it ("Wrenpkg" is no "Wren") */
    dis_set s;
    const dis_item *it = three(&s, "Wrenpkg is easy to learn.\n", "Wren is simple to learn for most teams.\n",
                               "Wren has a steeper learning curve.\n", "learn");
    ck_assert_msg(strstr(it->explanation, "simple to learn") && !strstr(it->explanation, "Wrenpkg"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_sources_that_say_both_are_compatible)
{
    /* every source that calls installing hard calls it easy as well */
    scenario();
    article("a.md", "2024-01-01", "Installing Wren is simple.\n\nInstalling Wren on old systems is difficult.\n");
    article("b.md", "2024-02-01", "Installing Wren is easy.\n\nInstalling Wren behind a proxy is hard.\n");
    article("c.md", "2024-03-01", "Installing Wren is simple.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *setup = row(&s, "install");
    ck_assert_ptr_nonnull(setup);
    ck_assert_int_eq(setup->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(setup->explanation, "without also saying"));
    dis_free(&s);
}
END_TEST

START_TEST(test_sides_are_pure)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn.\n\nWren is simple to learn.\n");
    article("b.md", "2024-02-01", "Wren is hard to learn.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "learn");
    ck_assert_ptr_nonnull(it);
    /* every claim on a side takes that side's position */
    for (size_t i = 0; i < it->nclaims; i++)
        for (size_t j = 0; j < it->nclaims; j++)
            if (it->claims[i].side == it->claims[j].side)
                ck_assert_int_eq(it->claims[i].polarity, it->claims[j].polarity);
    ck_assert_str_eq(position_of(it, side_of(it, "hard")), "no");
    ck_assert_str_eq(position_of(it, side_of(it, "easy")), "yes");
    dis_free(&s);
}
END_TEST

START_TEST(test_comparison_read_under_the_row_subject)
{
    /* "Wren is easier to install than Kestrel" says Kestrel is harder:
     * in a row on Kestrel it stands with "no", and the side says so */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easy to install.\n\nInstalling Kestrel is simple.\n");
    article("b.md", "2024-02-01", "Installing Kestrel is painful.\n");
    article("c.md", "2024-03-01", "Wren is easier to install than Kestrel.\n");
    article("d.md", "2024-04-01", "Kestrel is easier to install than Wren.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "Kestrel");
    ck_assert_ptr_nonnull(it);
    char no = side_of(it, "painful"), cmp = side_of(it, "Wren is easier");
    ck_assert_int_ne(no, '\0');
    ck_assert_int_eq(cmp, no);
    ck_assert_int_ne(side_of(it, "easy to install"), no);
    ck_assert_str_eq(position_of(it, no), "no");
    for (size_t i = 0; i < it->nclaims; i++)
        if (it->claims[i].side == no) ck_assert_int_lt(it->claims[i].polarity, 0);
    dis_free(&s);
}
END_TEST

static Suite *dis_sides_suite(void)
{
    Suite *s = suite_create("dis_sides");
    TCase *tc = tcase_create("dis_sides");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_different_scopes_are_compatible);
    tcase_add_test(tc, test_other_workload_answers_no_scope_question);
    tcase_add_test(tc, test_community_size_meets_size);
    tcase_add_test(tc, test_turn_is_the_position);
    tcase_add_test(tc, test_partial_is_a_side_of_its_own);
    tcase_add_test(tc, test_choice_on_refined_scopes_is_compatible);
    tcase_add_test(tc, test_general_claims_cover_a_scope_of_use);
    tcase_add_test(tc, test_side_quoted_by_its_subject);
    tcase_add_test(tc, test_side_torn_between_values_takes_the_other);
    tcase_add_test(tc, test_sources_that_say_both_are_compatible);
    tcase_add_test(tc, test_scope_most_of_a_side_names_is_compatible);
    tcase_add_test(tc, test_sides_are_pure);
    tcase_add_test(tc, test_comparison_read_under_the_row_subject);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(dis_sides_suite());
    free(sidecar);
    return rc;
}
