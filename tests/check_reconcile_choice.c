/*
 * check_reconcile_choice.c - choice questions (reconcile_choice.c) end
 * to end, from small invented articles (tudisagree.h): which subject
 * suits a scope, a subject's own row on that scope held by the choice
 * row or kept for its own source, which value of an axis a subject
 * suits; and their twin for the uses the taxonomy names, which subject
 * suits a use (reconcile_use.c).  check_reconcile.c reads propositions
 * written by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "testutil.h"
#include "tudisagree.h"

/* One source favours Kestrel for small projects, another Wren, neither
 * the other: which suits them is a question between the two; a source
 * that favours both shows they are not exclusive. */
START_TEST(test_choice_by_scope)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is the best choice for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n");
    /* a scope only one subject is favoured for is no choice */
    article("c.md", "2025-02-01", "Kestrel is great for enterprise systems.\n");
    /* nor is a scope the lexicon does not ask about that way */
    article("f.md", "2025-05-01", "Kestrel works great in its standard build.\n");
    article("g.md", "2025-06-01", "Wren works great in its standard build.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_null(row(&s, "Which suits large"));
    ck_assert_ptr_null(row(&s, "standard"));
    const dis_item *it = row(&s, "Which suits small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Which suits small projects: Kestrel or Wren?");
    ck_assert_int_eq(it->kind, DIS_STANCE);
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "best choice")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "startups")), "Wren");
    dis_free(&s);
    /* a source naming both for small projects: compatible */
    article("e.md", "2025-04-01", "Kestrel suits small projects well.\n\nWren also suits small projects well.\n");
    run(&s, NULL);
    it = row(&s, "Which suits small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "e.md"));
    dis_free(&s);
}
END_TEST

/* A scope row of one subject that is mostly the choice row on that
 * scope, its other claims from sources heard there too, is that row;
 * a source that speaks only to the subject's row keeps it. */
START_TEST(test_choice_holds_the_scope_row)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is great for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n\nKestrel is unsuitable for small projects.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Which suits small projects"));
    ck_assert_ptr_null(row(&s, "Is Kestrel suited to small projects"));
    dis_free(&s);
}
END_TEST

START_TEST(test_scope_row_kept_for_its_own_source)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is great for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n");
    article("c.md", "2025-02-01", "Kestrel is unsuitable for small projects.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Which suits small projects"));
    const dis_item *it = row(&s, "Is Kestrel suited to small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(side_of(it, "unsuitable"), side_of(it, "great"));
    dis_free(&s);
}
END_TEST

/* One source favours Kestrel for small projects, another for large
 * ones, neither for both: which it suits is a question of one subject,
 * on an axis the lexicon marks as a choice ("!size"); an axis it does
 * not (beginners and experts) is none. */
START_TEST(test_suits_one_value_of_an_axis)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is recommended for small projects.\n");
    article("b.md", "2024-02-01", "Kestrel is a strong fit for enterprise systems.\n");
    article("c.md", "2024-03-01", "Kestrel is great for beginners.\n");
    article("d.md", "2024-04-01", "Kestrel is ideal for experienced developers.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "small projects or");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Kestrel suited to small projects or to large projects?");
    ck_assert_str_eq(it->aspect, "size");
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "recommended")), "small projects");
    ck_assert_str_eq(position_of(it, side_of(it, "enterprise")), "large projects");
    ck_assert_ptr_null(row(&s, "beginners or"));
    ck_assert_ptr_null(row(&s, "experienced developers or"));
    dis_free(&s);
    /* a source favouring it for both: they are not exclusive for it */
    article("e.md", "2024-05-01", "Kestrel suits small projects.\n\nKestrel also suits large projects.\n");
    run(&s, NULL);
    it = row(&s, "small projects or");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "e.md"));
    dis_free(&s);
}
END_TEST

/* One source recommends Kestrel for a use the taxonomy names, another
 * Wren: which suits it is a question between the two; a source
 * recommending both shows they are not exclusive. */
START_TEST(test_use_by_cue)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is the best choice for log aggregation.\n");
    article("b.md", "2024-02-01", "For log aggregation, choose Wren.\n");
    /* one subject recommended for a use is no question */
    article("c.md", "2024-03-01", "Kestrel is the best choice for event sourcing.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "Which suits log aggregation");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Which suits log aggregation: Kestrel or Wren?");
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "best choice")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "choose Wren")), "Wren");
    ck_assert_ptr_null(row(&s, "event sourcing"));
    dis_free(&s);
    article("d.md", "2024-04-01", "Choose Kestrel for log aggregation.\n\nChoose Wren for log aggregation too.\n");
    run(&s, NULL);
    it = row(&s, "Which suits log aggregation");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    dis_free(&s);
}
END_TEST

static Suite *reconcile_choice_suite(void)
{
    Suite *s = suite_create("reconcile_choice");
    TCase *tc = tcase_create("reconcile_choice");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_choice_by_scope);
    tcase_add_test(tc, test_choice_holds_the_scope_row);
    tcase_add_test(tc, test_scope_row_kept_for_its_own_source);
    tcase_add_test(tc, test_suits_one_value_of_an_axis);
    tcase_add_test(tc, test_use_by_cue);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(reconcile_choice_suite());
    free(sidecar);
    return rc;
}
