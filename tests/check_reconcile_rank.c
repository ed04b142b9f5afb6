/*
 * check_reconcile_rank.c - ranking questions (reconcile_rank.c) on
 * propositions written by hand: one source ranks one subject above the
 * other on an aspect, another judges both alike ("both", an equative,
 * "evenly matched" with no judgement) or ranks them the other way; two
 * sources and one named point at least.  The fixture is tureconcile.h.
 */
#include "tureconcile.h"

/* "Both 0 and 1" as claim in source: one proposition per subject, one
 * clause. */
static void alike(size_t claim, size_t source, int polarity, const char *klist)
{
    for (int subj = 0; subj < 2; subj++) {
        rc_prop *rp = add(claim, source, subj, -1, polarity, PROP_PLAIN, klist);
        rp->p.joint = 1;
        rp->p.start = 0;
        rp->p.end = 30;
    }
}

/* A ranking of subject against over (its base unnamed) as claim in
 * source. */
static rc_prop *ranking(size_t claim, size_t source, int subject, int over, int polarity, const char *klist)
{
    rc_prop *r = add(claim, source, subject, -1, polarity, PROP_PLAIN, klist);
    r->p.ranks = over;
    return r;
}

/* One source ranks 0 above 1 (its base unnamed), another judges both
 * alike on the same aspect: a ranking question between the two. */
START_TEST(test_rankings)
{
    ranking(0, 0, 0, 1, 1, "#learning");
    alike(1, 1, 1, "#learning");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].kind, RC_RANK);
    ck_assert_int_eq(s.q[0].subject, 0);
    ck_assert_int_eq(s.q[0].versus, 1);
    ck_assert_uint_eq(s.q[0].n, 2);   /* the alike claim once, not per subject */
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[1]);
    rc_free(&s);
    /* the ranking said of the other subject, the other way round: the
     * same question, its rank on the same side */
    ranking(2, 2, 1, 0, -1, "#learning");
    find(&s);
    const rc_question *q = NULL;
    for (size_t i = 0; i < s.n; i++)
        if (s.q[i].kind == RC_RANK) {
            ck_assert_ptr_null(q);
            q = &s.q[i];
        }
    ck_assert_ptr_nonnull(q);
    ck_assert_uint_eq(q->n, 3);
    char side0 = 0, side2 = 0;
    for (size_t i = 0; i < q->n; i++) {
        if (props[q->props[i]].claim == 0) side0 = q->side[i];
        if (props[q->props[i]].claim == 2) side2 = q->side[i];
    }
    ck_assert_int_eq(side0, side2);
    rc_free(&s);
}
END_TEST

/* "Subject 0 is as fast as subject 1" (the base judged neither way)
 * ranks neither ahead: against "subject 0 is faster", a question. */
START_TEST(test_equative_is_alike)
{
    ranking(0, 0, 0, 1, 1, "#speed");
    rc_prop *eq = add(1, 1, 0, 1, 1, PROP_PLAIN, "#speed");
    rc_prop *base = add(1, 1, 1, 0, 0, PROP_PLAIN, "#speed");
    eq->p.start = base->p.start = 0;
    eq->p.end = base->p.end = 30;
    rc_set s;
    find(&s);
    int ranks = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.q[i].kind == RC_RANK) {
            ranks++;
            ck_assert_uint_eq(s.q[i].n, 2);
            ck_assert_int_ne(s.q[i].side[0], s.q[i].side[1]);
        }
    ck_assert_int_eq(ranks, 1);
    rc_free(&s);
}
END_TEST

/* "Subject 0 and subject 1 are evenly matched on speed" (joint, judged
 * neither way) answers a ranking too. */
START_TEST(test_alike_without_judgement)
{
    ranking(0, 0, 0, 1, 1, "#speed");
    for (int subj = 0; subj < 2; subj++) {
        rc_prop *rp = add(1, 1, subj, -1, 0, PROP_PLAIN, "#speed");
        rp->p.kind = PROP_NEUTRAL;
        rp->p.joint = 1;
        rp->p.end = 30;
    }
    rc_set s;
    find(&s);
    int ranks = 0;
    for (size_t i = 0; i < s.n; i++) ranks += s.q[i].kind == RC_RANK;
    ck_assert_int_eq(ranks, 1);
    rc_free(&s);
}
END_TEST

START_TEST(test_rankings_need_two_sources_and_one_point)
{
    /* one source ranking and judging alike disputes nothing */
    ranking(0, 0, 0, 1, 1, "#learning");
    alike(1, 0, 1, "#learning");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    /* alike on another aspect; a recommendation is no ranking; a plain
     * word is not a point two sources rank on */
    alike(2, 1, 1, "#setup");
    ranking(3, 2, 0, 1, 1, "#setup")->p.choice = 1;
    ranking(4, 2, 0, 1, 1, "tooling");
    alike(5, 3, 1, "tooling");
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
}
END_TEST

/* "Subject 0 is easier to set up" in one source, "subject 1 is more
 * straightforward to set up" in another (neither naming its base): the
 * two rank the pair opposite ways, one question with the two on
 * different sides. */
START_TEST(test_opposite_rankings)
{
    ranking(0, 0, 0, 1, 1, "#setup");
    ranking(1, 1, 1, 0, 1, "#setup");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].kind, RC_RANK);
    ck_assert_uint_eq(s.q[0].n, 2);
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[1]);
    rc_free(&s);
}
END_TEST

/* A source that ranks the pair both ways (0 ahead for one task, 1 for
 * another) disputes no other source's ranking: no question. */
START_TEST(test_both_ways_disputes_nothing)
{
    ranking(0, 0, 0, 1, 1, "#speed");
    ranking(1, 0, 1, 0, 1, "#speed");
    ranking(2, 1, 0, 1, 1, "#speed");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    /* once the other source ranks 1 ahead alone, it is disputed by
     * nobody but the two-way source: still nothing */
    ranking(3, 2, 1, 0, 1, "#speed");
    find(&s);
    int ranks = 0;
    for (size_t i = 0; i < s.n; i++) ranks += s.q[i].kind == RC_RANK;
    ck_assert_int_eq(ranks, 1);   /* source 1 (0 ahead) against source 2 (1 ahead) */
    for (size_t i = 0; i < s.n; i++)
        if (s.q[i].kind == RC_RANK)
            for (size_t k = 0; k < s.q[i].n; k++) ck_assert_uint_ne(props[s.q[i].props[k]].source, 0);
    rc_free(&s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reconcile_rank");
    TCase *tc = tcase_create("reconcile_rank");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_rankings);
    tcase_add_test(tc, test_rankings_need_two_sources_and_one_point);
    tcase_add_test(tc, test_equative_is_alike);
    tcase_add_test(tc, test_alike_without_judgement);
    tcase_add_test(tc, test_opposite_rankings);
    tcase_add_test(tc, test_both_ways_disputes_nothing);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
