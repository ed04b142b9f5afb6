/*
 * check_reconcile.c - from propositions to questions, on propositions
 * written by hand (so each test states exactly what two claims say):
 * opposite judgements of one aspect, aligned or not; one source never
 * against itself; an absolute denial against a qualified one (and a
 * plain one against a qualified one, which is no dispute); comparisons
 * (never against a judgement of one subject; opposite ones meeting
 * under the first subject); rankings against "both alike" (two sources,
 * one named aspect); keys the evaluative words do not speak of;
 * poles; categories; one row per dispute; groups too general to be one
 * point.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "reconcile.h"
#include "testutil.h"
#include "util.h"

static prop_lex *lex;
static prop_keys *keys;
static rc_prop props[256];
static size_t nprops;

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &lex, &err), KB_OK);
    keys = prop_keys_new();
    nprops = 0;
}

static void teardown(void)
{
    prop_keys_free(keys);
    prop_lex_free(lex);
}

/* A stance proposition of claim (its own index) in source, on subject
 * (0 or 1, versus -1 or the other), every key judged (and ranked on,
 * should it rank); keys: a
 * comma-separated list of key texts. */
static rc_prop *add(size_t claim, size_t source, int subject, int versus, int polarity, prop_modality mod,
                    const char *klist)
{
    ck_assert_uint_lt(nprops, 256);
    rc_prop *rp = &props[nprops++];
    memset(rp, 0, sizeof *rp);
    rp->claim = claim;
    rp->source = source;
    rp->p.kind = PROP_STANCE;
    rp->p.subject = subject;
    rp->p.versus = versus;
    rp->p.ranks = versus;
    rp->p.polarity = polarity;
    rp->p.modality = mod;
    rp->p.category = -1;
    for (const char *k = klist; k && *k;) {
        const char *e = strchr(k, ',');
        size_t n = e ? (size_t)(e - k) : strlen(k);
        rp->p.keys[rp->p.nkeys] = prop_key(keys, k, n, NULL, 0);
        rp->p.judged |= 1u << rp->p.nkeys;
        rp->p.ranked |= 1u << rp->p.nkeys;
        rp->p.nkeys++;
        k = e ? e + 1 : k + n;
    }
    return rp;
}

static void find(rc_set *s)
{
    rc_find(props, nprops, 2, lex, keys, s);
}

/* Filler claims with a key each: the background that makes a key
 * common (df) or rare. */
static void background(size_t first_claim, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++) add(first_claim + i, 9, 0, -1, 0, PROP_PLAIN, key);
}

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
    tcase_add_test(tc, test_comparisons);
    tcase_add_test(tc, test_rankings);
    tcase_add_test(tc, test_rankings_need_two_sources_and_one_point);
    tcase_add_test(tc, test_unjudged_key);
    tcase_add_test(tc, test_poles);
    tcase_add_test(tc, test_poles_stand_apart);
    tcase_add_test(tc, test_poles_of_a_comparison);
    tcase_add_test(tc, test_equative_is_alike);
    tcase_add_test(tc, test_alike_without_judgement);
    tcase_add_test(tc, test_categories);
    tcase_add_test(tc, test_one_row_per_dispute);
    tcase_add_test(tc, test_too_general_group);
    tcase_add_test(tc, test_large_named_group);
    tcase_add_test(tc, test_lex_sides_limit);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
