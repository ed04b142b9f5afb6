/*
 * check_reconcile.c - from propositions to questions, on propositions
 * written by hand (so each test states exactly what two claims say):
 * opposite judgements of one aspect, aligned or not; one source never
 * against itself; an absolute denial against a qualified one (and a
 * plain one against a qualified one, which is no dispute, but for a
 * plain "yes" against a feature "experimental"); comparisons
 * (never against a judgement of one subject; opposite ones meeting
 * under the first subject); keys the evaluative words do not speak of;
 * poles; categories; values of an attribute ("written in"); one row
 * per dispute; groups too general to be one
 * point.  Rankings are check_reconcile_rank.c's; the fixture is
 * tureconcile.h.
 */
#include "tureconcile.h"

START_TEST(test_opposite_aligned)
{
    add(0, 0, 0, -1, 1, PROP_PLAIN, "#setup");
    add(1, 1, 0, -1, -1, PROP_PLAIN, "#setup");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].kind, RC_STANCE);
    ck_assert_int_eq(s.q[0].subject, 0);
    ck_assert_int_eq(s.q[0].versus, -1);
    ck_assert_uint_eq(s.q[0].n, 2);
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[1]);
    rc_free(&s);
}
END_TEST

START_TEST(test_one_source_never_disputes_itself)
{
    add(0, 0, 0, -1, 1, PROP_PLAIN, "#setup");
    add(1, 0, 0, -1, -1, PROP_PLAIN, "#setup");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
}
END_TEST

START_TEST(test_common_word_does_not_align)
{
    /* "web" is in every claim about subject 0: sharing it says nothing */
    background(10, 20, "web");
    add(0, 0, 0, -1, 1, PROP_PLAIN, "web,fast");
    add(1, 1, 0, -1, -1, PROP_PLAIN, "web,install");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    /* two rare words shared do align, on the user's cue */
    add(2, 2, 0, -1, 1, PROP_PLAIN, "$indent,whitespac");
    add(3, 3, 0, -1, -1, PROP_PLAIN, "$indent,whitespac");
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_uint_eq(s.q[0].n, 2);
    rc_free(&s);
}
END_TEST

START_TEST(test_word_judgement_is_no_question)
{
    /* judgements meeting on plain words, however many, or on a part of
     * the subject mention the same thing but weigh different points:
     * "Kestrel gives you the tools you want" against "Kestrel's tools
     * are dated" */
    add(0, 0, 0, -1, 1, PROP_PLAIN, "tool,indent");
    add(1, 1, 0, -1, -1, PROP_PLAIN, "tool,indent");
    add(2, 2, 0, -1, -1, PROP_PLAIN, "tool,indent,tab");
    add(3, 3, 1, -1, 1, PROP_PLAIN, "&gil");
    add(4, 4, 1, -1, -1, PROP_PLAIN, "&gil");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    /* the same claims on an aspect the lexicon names are a question */
    add(5, 5, 1, -1, 1, PROP_PLAIN, "#threads,&gil");
    add(6, 6, 1, -1, -1, PROP_PLAIN, "#threads,&gil");
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(prop_key_str(keys, s.q[0].key), "#threads");
    rc_free(&s);
}
END_TEST

START_TEST(test_agreements_are_aligned)
{
    /* three sources say installing is easy; a fourth says something
     * else that merely shares a common word: it does not agree */
    background(20, 30, "web");
    add(0, 0, 0, -1, 1, PROP_PLAIN, "web,#setup,pip");
    add(1, 1, 0, -1, 1, PROP_PLAIN, "web,#setup,pip");
    add(2, 2, 0, -1, 1, PROP_PLAIN, "web,#setup,pip,wheel");
    add(3, 3, 0, -1, 1, PROP_PLAIN, "web,dashboard,chart,colour,theme");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_uint_ge(s.nagree, 1);
    ck_assert_uint_eq(s.agree[0].n, 3);
    for (size_t a = 0; a < s.nagree; a++)
        for (size_t i = 0; i < s.agree[a].n; i++) ck_assert_uint_ne(props[s.agree[a].props[i]].claim, 3);
    rc_free(&s);
    /* on plain words, however many sources, no agreement: claims that
     * share a word need not say one thing */
    nprops = 0;
    for (size_t i = 0; i < 20; i++) add(40 + i, 9, 1, -1, 0, PROP_PLAIN, "other");
    add(0, 0, 1, -1, 1, PROP_PLAIN, "indent,whitespac");
    add(1, 1, 1, -1, 1, PROP_PLAIN, "indent,whitespac");
    add(2, 2, 1, -1, 1, PROP_PLAIN, "indent,whitespac");
    find(&s);
    ck_assert_uint_eq(s.nagree, 0);
    rc_free(&s);
    /* the user's cue: two sources will do */
    nprops = 0;
    for (size_t i = 0; i < 20; i++) add(40 + i, 9, 1, -1, 0, PROP_PLAIN, "other");
    add(0, 0, 1, -1, 1, PROP_PLAIN, "$indent,whitespac");
    add(1, 1, 1, -1, 1, PROP_PLAIN, "$indent,whitespac");
    find(&s);
    ck_assert_uint_ge(s.nagree, 1);
    rc_free(&s);
}
END_TEST

START_TEST(test_absolute_against_qualified)
{
    add(0, 0, 0, -1, -1, PROP_ABSOLUTE, "#threads");
    add(1, 1, 0, -1, -1, PROP_QUALIFIED, "#threads");
    add(2, 1, 0, -1, 1, PROP_QUALIFIED, "#threads");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert(s.q[0].absolute);
    /* three positions: denied flatly, limited, possible */
    ck_assert_uint_eq(s.q[0].n, 3);
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[1]);
    ck_assert_int_ne(s.q[0].side[1], s.q[0].side[2]);
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[2]);
    rc_free(&s);
}
END_TEST

START_TEST(test_plain_against_qualified_is_no_dispute)
{
    add(0, 0, 0, -1, -1, PROP_PLAIN, "#speed");
    add(1, 1, 0, -1, -1, PROP_QUALIFIED, "#speed");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
}
END_TEST

/* ... but a plain "Yes" against a feature "experimental" is: there in
 * full or not yet (two sides), when the two share the feature and not
 * only the broad aspect; "can" against it is not */
START_TEST(test_plain_against_immature)
{
    add(0, 0, 0, -1, 1, PROP_PLAIN, "#testing,compon");
    add(1, 1, 0, -1, 1, PROP_QUALIFIED, "#testing,compon")->p.immature = 1;
    add(4, 4, 0, -1, 1, PROP_PLAIN, "#testing,#parallelism");
    add(2, 2, 1, -1, 1, PROP_QUALIFIED, "#testing,compon");
    add(3, 3, 1, -1, 1, PROP_QUALIFIED, "#testing,compon")->p.immature = 1;
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].subject, 0);
    ck_assert_uint_eq(s.q[0].n, 2);
    ck_assert_int_ne(s.q[0].side[0], s.q[0].side[1]);
    rc_free(&s);
}
END_TEST

START_TEST(test_comparisons)
{
    /* a comparison does not oppose a judgement of one subject */
    add(0, 0, 0, 1, -1, PROP_PLAIN, "#learning");
    add(1, 1, 0, -1, 1, PROP_PLAIN, "#learning");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    /* "1 is faster than 0" (said of 1) against "0 is faster than 1":
     * one question between the two, under subject 0 */
    add(2, 2, 1, 0, 1, PROP_PLAIN, "#speed");
    add(3, 3, 0, 1, 1, PROP_PLAIN, "#speed");
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].subject, 0);
    ck_assert_int_eq(s.q[0].versus, 1);
    ck_assert_int_eq(rc_polarity(&props[2].p), -1);
    ck_assert_int_eq(rc_polarity(&props[3].p), 1);
    rc_free(&s);
}
END_TEST


START_TEST(test_unjudged_key)
{
    rc_prop *a = add(0, 0, 0, -1, 1, PROP_PLAIN, "#setup,#documentation");
    add(1, 1, 0, -1, -1, PROP_PLAIN, "#setup");
    a->p.judged = 2; /* the evaluative words speak of the documentation */
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
}
END_TEST

START_TEST(test_poles)
{
    int interp = -1, comp = -1;
    for (size_t i = 0; prop_lex_pole(lex, i); i++) {
        if (strcmp(prop_lex_pole(lex, i), "execution/interpreted") == 0) interp = (int)i;
        if (strcmp(prop_lex_pole(lex, i), "execution/compiled") == 0) comp = (int)i;
    }
    ck_assert(interp >= 0 && comp >= 0);
    rc_prop *a = add(0, 0, 0, -1, 0, PROP_PLAIN, "#execution");
    rc_prop *b = add(1, 1, 0, -1, 0, PROP_PLAIN, "#execution");
    rc_prop *c = add(2, 2, 0, -1, 0, PROP_PLAIN, "#execution");
    a->p.kind = b->p.kind = c->p.kind = PROP_NEUTRAL;
    a->p.poles[a->p.npoles++] = interp;
    b->p.poles[b->p.npoles++] = comp;
    c->p.poles[c->p.npoles++] = interp; /* a claim naming both takes no side */
    c->p.poles[c->p.npoles++] = comp;
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].kind, RC_POLE);
    ck_assert_uint_eq(s.q[0].n, 2);
    rc_free(&s);
}
END_TEST

static int pole_index(const char *name)
{
    for (size_t i = 0; prop_lex_pole(lex, i); i++)
        if (strcmp(prop_lex_pole(lex, i), name) == 0) return (int)i;
    ck_abort_msg("no pole %s", name);
    return -1;
}

/* "Subject 1 is more secure than subject 0" is filed under subject 0
 * (the first of the two), where its value is not subject 0's: against
 * "subject 0 is insecure" it is no question of values. */
START_TEST(test_poles_of_a_comparison)
{
    rc_prop *a = add(0, 0, 1, 0, 1, PROP_PLAIN, "#security");
    rc_prop *b = add(1, 1, 0, -1, -1, PROP_PLAIN, "#security");
    a->p.poles[a->p.npoles++] = pole_index("security/secure");
    b->p.poles[b->p.npoles++] = pole_index("security/insecure");
    rc_set s;
    find(&s);
    for (size_t i = 0; i < s.n; i++) ck_assert_int_ne(s.q[i].kind, RC_POLE);
    rc_free(&s);
    /* said of subject 0 itself, the value is its own */
    rc_prop *c = add(2, 2, 0, -1, 1, PROP_PLAIN, "#security");
    c->p.poles[c->p.npoles++] = pole_index("security/secure");
    find(&s);
    int poles = 0;
    for (size_t i = 0; i < s.n; i++) poles += s.q[i].kind == RC_POLE;
    ck_assert_int_eq(poles, 1);
    rc_free(&s);
}
END_TEST

/* Two exclusive values of one aspect need nothing else in common (two
 * long claims meeting only on it are not aligned, and still answer it
 * differently); opposite judgements that do not align dispute nothing;
 * judgements and values in one group make two questions. */
START_TEST(test_poles_stand_apart)
{
    rc_prop *a = add(0, 0, 0, -1, 0, PROP_PLAIN, "#typing,w1,w2,w3,w4,w5,w6");
    rc_prop *b = add(1, 1, 0, -1, 0, PROP_PLAIN, "#typing,v1,v2,v3,v4,v5,v6");
    a->p.kind = b->p.kind = PROP_NEUTRAL;
    a->p.poles[a->p.npoles++] = pole_index("typing/dynamic");
    b->p.poles[b->p.npoles++] = pole_index("typing/static");
    add(2, 2, 0, -1, 1, PROP_PLAIN, "#typing,u1,u2,u3,u4,u5,u6");
    add(3, 3, 0, -1, -1, PROP_PLAIN, "#typing,t1,t2,t3,t4,t5,t6");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].kind, RC_POLE);
    ck_assert_uint_eq(s.q[0].n, 2);
    rc_free(&s);
    /* two short judgements that do align: a question of their own */
    add(4, 4, 0, -1, 1, PROP_PLAIN, "#typing");
    add(5, 5, 0, -1, -1, PROP_PLAIN, "#typing");
    find(&s);
    ck_assert_uint_eq(s.n, 2);
    int kinds = 0;
    for (size_t i = 0; i < s.n; i++) {
        kinds |= 1 << s.q[i].kind;
        for (size_t k = 0; k < s.q[i].n; k++)   /* no value in the judgement's question */
            ck_assert(s.q[i].kind == RC_POLE || props[s.q[i].props[k]].p.npoles == 0);
    }
    ck_assert_int_eq(kinds, (1 << RC_POLE) | (1 << RC_STANCE));
    rc_free(&s);
}
END_TEST

static void category(size_t claim, size_t source, int subject, const char *kind, int negated)
{
    rc_prop *rp = add(claim, source, subject, -1, negated ? -1 : 1, PROP_PLAIN, NULL);
    rp->p.kind = PROP_CATEGORY;
    rp->p.negated = negated;
    for (size_t i = 0; prop_lex_kind(lex, i); i++)
        if (strcmp(prop_lex_kind(lex, i), kind) == 0) rp->p.category = (int)i;
    ck_assert_int_ge(rp->p.category, 0);
}

START_TEST(test_categories)
{
    category(0, 0, 0, "language", 0);
    category(1, 1, 0, "language", 0);
    category(2, 2, 1, "framework", 1);
    category(3, 3, 1, "language", 0);
    rc_set s;
    find(&s);
    /* subject 0: the same kind twice; subject 1: "not a framework" and
     * "a language" do not conflict */
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
    category(4, 4, 0, "runtime", 0);
    category(5, 5, 1, "language", 1);
    find(&s);
    ck_assert_uint_eq(s.n, 2);
    for (size_t i = 0; i < s.n; i++) ck_assert_int_eq(s.q[i].kind, RC_CATEGORY);
    rc_free(&s);
}
END_TEST

/* "X is written in v1, v2, ...": a value proposition of claim in
 * source, the values a comma-separated list of key texts. */
static void value(size_t claim, size_t source, int subject, const char *values)
{
    rc_prop *rp = add(claim, source, subject, -1, 0, PROP_PLAIN, values);
    rp->p.kind = PROP_VALUE;
    rp->p.category = 0;
    ck_assert_str_eq(prop_lex_attribute(lex, 0), "language");
}

START_TEST(test_values)
{
    /* the same set from two sources: an agreement, no question */
    value(0, 0, 0, "@rust");
    value(1, 1, 0, "@rust");
    /* different sets from one source: no question either */
    value(2, 2, 1, "@scala");
    value(3, 2, 1, "@java,@scala");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_uint_eq(s.nagree, 1);
    ck_assert_int_eq(s.agree[0].kind, RC_VALUE);
    ck_assert_int_eq(s.agree[0].subject, 0);
    ck_assert_uint_eq(s.agree[0].n, 2);
    rc_free(&s);
    /* ... from two sources: a question, each set a side */
    value(4, 4, 1, "@scala");
    value(5, 5, 0, "@go");
    find(&s);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_uint_eq(s.nagree, 0);
    for (size_t i = 0; i < s.n; i++) {
        ck_assert_int_eq(s.q[i].kind, RC_VALUE);
        ck_assert_uint_eq(s.q[i].key, 0);
    }
    const rc_question *q1 = s.q[0].subject == 1 ? &s.q[0] : &s.q[1];
    ck_assert_uint_eq(q1->n, 3);
    for (size_t i = 0; i < q1->n; i++)
        ck_assert_int_eq(q1->side[i], props[q1->props[i]].p.nkeys == 2 ? 'b' : 'a');
    rc_free(&s);
}
END_TEST

START_TEST(test_one_row_per_dispute)
{
    /* the same two claims meet on two keys: one row, named by the
     * lexicon's aspect rather than by a word */
    add(0, 0, 0, -1, 1, PROP_PLAIN, "#threads,&GIL,lock");
    add(1, 1, 0, -1, -1, PROP_PLAIN, "#threads,&GIL,lock");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(s.q[0].rank, 0);
    rc_free(&s);
}
END_TEST

START_TEST(test_too_general_group)
{
    /* a cue of the user's in 60 claims is no point the sources dispute
     * (words and parts are never judgement questions at all) */
    for (size_t i = 0; i < 60; i++) add(i, i, 0, -1, i % 2 ? 1 : -1, PROP_PLAIN, "$thing");
    for (size_t i = 0; i < 60; i++) add(100 + i, 100 + i, 1, -1, i % 2 ? 1 : -1, PROP_PLAIN, "$script");
    rc_set s;
    find(&s);
    ck_assert_uint_eq(s.n, 0);
    rc_free(&s);
}
END_TEST

/* A named aspect is never too general: in 80 claims, the one that
 * judges it the other way still makes a question with every claim it
 * conflicts with (long claims too, whose keys are compared), and a
 * smaller point inside it keeps its own row. */
START_TEST(test_large_named_group)
{
    for (size_t i = 0; i < 78; i++) add(i, i, 0, -1, 1, PROP_PLAIN, i % 10 ? "#speed" : "#speed,w1,w2,w3,w4,w5,w6,w7,w8");
    add(78, 78, 0, -1, -1, PROP_PLAIN, "#speed,w1,w2,w3,w4,w5,w6,w7,w8");
    add(79, 79, 0, -1, -1, PROP_PLAIN, "#speed,#threads");
    add(80, 80, 0, -1, 1, PROP_PLAIN, "#threads");
    rc_set s;
    find(&s);
    const rc_question *big = NULL, *small = NULL;
    for (size_t i = 0; i < s.n; i++) {
        const char *k = prop_key_str(keys, s.q[i].key);
        if (strcmp(k, "#speed") == 0) big = &s.q[i];
        if (strcmp(k, "#threads") == 0) small = &s.q[i];
    }
    ck_assert_ptr_nonnull(big);
    ck_assert_ptr_nonnull(small);
    ck_assert(big->general && !small->general);
    /* every claim of the large group takes part: the short ones meet
     * the other way's short claim, the long ones the long one */
    ck_assert_uint_eq(big->n, 80);
    ck_assert_uint_eq(small->n, 2);
    rc_free(&s);
}
END_TEST

/* A lexicon of nkinds kinds and, on aspect "a", npoles_a poles (and on
 * "b", npoles_b): does rc_lex_check accept it? */
static int lex_fits(size_t nkinds, size_t npoles_a, size_t npoles_b)
{
    buf b = BUF_INIT;
    for (size_t i = 0; i < nkinds; i++) buf_printf(&b, "kind\tk%zu\tkindword%zu\n", i, i);
    for (size_t i = 0; i < npoles_a; i++) buf_printf(&b, "pole\ta/v%zu\tpoleaword%zu\n", i, i);
    for (size_t i = 0; i < npoles_b; i++) buf_printf(&b, "pole\tb/v%zu\tpolebword%zu\n", i, i);
    prop_lex *l = NULL;
    char *err = NULL;
    ck_assert_msg(prop_lex_load(buf_cstr(&b), b.len, &l, &err) == KB_OK, "%s", err);
    int rc = rc_lex_check(l, &err);
    ck_assert(rc == KB_OK ? err == NULL : err != NULL);
    free(err);
    prop_lex_free(l);
    buf_free(&b);
    return rc == KB_OK;
}

/* A question's sides are letters: a lexicon that could give one more
 * than RC_MAX_SIDES is refused, the compiled-in one is not. */
START_TEST(test_lex_sides_limit)
{
    char *err = NULL;
    ck_assert_int_eq(rc_lex_check(lex, &err), KB_OK);
    ck_assert(lex_fits(RC_MAX_SIDES / 2, RC_MAX_SIDES, RC_MAX_SIDES));
    ck_assert(!lex_fits(RC_MAX_SIDES / 2 + 1, 0, 0));
    ck_assert(!lex_fits(0, RC_MAX_SIDES + 1, 0));
    ck_assert(lex_fits(0, RC_MAX_SIDES - 1, 2));   /* per aspect, not in all */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reconcile");
    TCase *tc = tcase_create("reconcile");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_opposite_aligned);
    tcase_add_test(tc, test_one_source_never_disputes_itself);
    tcase_add_test(tc, test_common_word_does_not_align);
    tcase_add_test(tc, test_word_judgement_is_no_question);
    tcase_add_test(tc, test_agreements_are_aligned);
    tcase_add_test(tc, test_absolute_against_qualified);
    tcase_add_test(tc, test_plain_against_qualified_is_no_dispute);
    tcase_add_test(tc, test_plain_against_immature);
    tcase_add_test(tc, test_comparisons);
    tcase_add_test(tc, test_unjudged_key);
    tcase_add_test(tc, test_poles);
    tcase_add_test(tc, test_poles_stand_apart);
    tcase_add_test(tc, test_poles_of_a_comparison);
    tcase_add_test(tc, test_categories);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_one_row_per_dispute);
    tcase_add_test(tc, test_too_general_group);
    tcase_add_test(tc, test_large_named_group);
    tcase_add_test(tc, test_lex_sides_limit);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
