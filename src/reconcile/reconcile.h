/*
 * reconcile.h - from propositions (prop.h) to questions: the points on
 * which sources take positions that cannot both stand at face value.
 *
 * A question is a subject and an aspect: the claims of one subject whose
 * judged clauses share an aspect key are a group; two claims of
 * different sources in a group conflict when
 *   - they judge the subject with opposite polarities ("X supports Y"
 *     vs "X does not support Y"),
 *   - one is absolute and the other qualified on the same point ("X
 *     does not support Y" vs "X limits Y for CPU-bound work"), or
 *   - they name different poles of the aspect ("interpreted" vs
 *     "compiled"),
 * and only when they are aligned: the aspect keys the two share weigh
 * enough (each by how specific it is to the subject: a key in few of
 * its claims weighs more; reconcile_align.c gives the measure), so that "easy
 * to learn" and "hard to install" do not meet on "easy" alone.  A row
 * holds the claims of its group that take part in an aligned conflict,
 * on sides by position (polarity, and absolute apart from qualified
 * when that is what they dispute; or the pole).  Rows with mostly the
 * same claims as a stronger row are dropped, so one dispute is one row.
 *
 * A comparison between two subjects is read under the first of the two
 * in the taxonomy's order ("Y is slower than X" as "X is faster than
 * Y"), so that opposite comparisons meet whichever subject each names
 * first; a row made mostly of comparisons is a question between the
 * two ("Which is faster, X or Y?").  A comparison never opposes a
 * judgement of one subject alone: "X is harder than Y" leaves "X is
 * easy" standing.
 *
 * An agreement is a group with no conflict where two or more sources
 * judge the aspect one way and none the other way: it is kept as a
 * proposition the sources share ("all five say X's event loop is
 * non-blocking"), again one per set of claims.  Its claims are those
 * aligned with a claim of another source that takes the same position,
 * and on a plain word it takes three sources, as a dispute takes three
 * claims.
 *
 * Choice questions: which subject suits a scope the lexicon asks about
 * that way ("Which suits small projects: X or Y?"), when one source
 * favours X for it and not Y and another Y and not X; and which value
 * of an axis whose values exclude each other one subject suits ("Is X
 * suited to small projects or to large projects?").  The same choice
 * between subjects on a use the user's taxonomy names, from
 * recommendations ("Which suits log aggregation: X or Y?").
 *
 * Ranking questions: one source ranks two subjects on an aspect ("X
 * is easier to learn than Y") and another judges both alike ("both are
 * easy to learn"): both can hold, but a reader weighing the two should
 * see them side by side.  Or another ranks them the other way without
 * naming the base ("Y is easier to learn", which the stance groups do
 * not set against the first, being about Y), neither of the two
 * ranking them both ways (on different tasks or scopes).
 *
 * Category questions: a subject's "X is a K" propositions from
 * different sources naming different kinds ("a runtime" vs "a
 * programming language"), or one kind and its negation.
 *
 * Work grows with the number of propositions: grouping is a sort, and
 * keys are compared only within groups small enough to be one point
 * (larger groups on a word or cue are skipped as too general) or, in a
 * larger group on a named aspect, for pairs of two long claims.
 */
#ifndef KB_RECONCILE_H
#define KB_RECONCILE_H

#include <stddef.h>
#include <stdint.h>

#include "prop.h"

/* A proposition as the finder sees it: with the claim it comes from and
 * that claim's source. */
typedef struct rc_prop {
    prop p;
    size_t claim;            /* the caller's claim index */
    size_t source;           /* the caller's source index */
} rc_prop;

/* A question's sides are the letters 'a' to 'z'. */
#define RC_MAX_SIDES 26

typedef enum rc_kind {
    RC_STANCE,               /* opposite or absolute-vs-qualified judgements */
    RC_POLE,                 /* different poles of one aspect */
    RC_CATEGORY,             /* different kinds of thing */
    RC_CHOICE,               /* which subject suits a scope (key: the scope's
                              * bit, prop_lex_scope); subject and versus the
                              * two subjects */
    RC_USE,                  /* which subject suits a use the taxonomy names
                              * (key: the cue's key); subject and versus the
                              * two subjects */
    RC_SUITS,                /* which value of a scope's axis the subject suits
                              * (key: the first value's bit) */
    RC_RANK,                 /* is subject ahead of versus on the aspect, or
                              * are they alike: one source ranks them,
                              * another judges both the same way or ranks
                              * them the other way */
    RC_VALUE                 /* different values of a functional attribute
                              * ("written in Scala" / "in Java and Scala";
                              * key: prop_lex_attribute index) */
} rc_kind;

typedef struct rc_question {
    rc_kind kind;
    int subject;
    int versus;              /* a question between subject and versus (mostly
                              * comparisons: "which is faster?"), or -1 */
    uint32_t key;            /* the aspect key (RC_STANCE, RC_POLE) */
    int absolute;            /* RC_STANCE: absolute against qualified is disputed */
    size_t *props;           /* indexes into the rc_prop array, by side */
    char *side;              /* 'a'.. per entry of props (RC_MAX_SIDES) */
    size_t n;
    double score;            /* how well the conflicting claims align */
    int rank;                /* how well its key names it: 0 a named aspect,
                              * 1 a taxonomy cue, 2 a word */
    int general;             /* from a group too large to be paired in full:
                              * weaker than any row of a smaller one */
} rc_question;

typedef struct rc_set {
    rc_question *q;
    size_t n;
    /* agreements: a subject's aspect on which two or more sources take
     * one position and none the other (kind RC_STANCE, all on side 'a';
     * n props, one per claim), most sources first */
    rc_question *agree;
    size_t nagree;
} rc_set;

/* The polarity of p read under the first subject of its comparison
 * (rc_question.subject of a question between two): "Y is slower than X"
 * reads as X faster.  Not a comparison: its own polarity. */
int rc_polarity(const prop *p);

/* Find the questions among props[0..n) (each claim's propositions
 * consecutive, claims in source order).  lex: the lexicon the props
 * were read with; keys: the table their keys are in.  *out is owned by
 * the caller (rc_free). */
void rc_find(const rc_prop *props, size_t n, size_t nsubjects, const prop_lex *lex, const prop_keys *keys,
             rc_set *out);

/* The label template of the axis of scope bit a as a choice for one
 * subject (its "!axis" question: "Is {s} suited to small projects or
 * to large projects?"), or NULL: its values do not exclude each other. */
const char *rc_axis_question(const prop_lex *lex, int a);

/* Can lex give no question more than RC_MAX_SIDES sides?  A stance
 * question has at most six positions (polarity, absolute or not), a
 * pole question one per pole of its aspect, a category question one per
 * kind asserted and one per kind denied.  KB_OK, else KB_ERR with *err
 * naming the limit: the lexicon is refused rather than two positions
 * put on one side. */
int rc_lex_check(const prop_lex *lex, char **err);
void rc_free(rc_set *s);

#endif
