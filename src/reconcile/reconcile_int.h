/*
 * reconcile_int.h - what the question finder's files share (not part of
 * the API: see reconcile.h).
 *
 * The finder's files, each calling only files listed below it:
 *   reconcile.c           rc_find: index the propositions by (subject,
 *                         aspect key), count each key's claims, walk
 *                         the groups subject by subject;
 *   reconcile_category.c  the "X is a K" and "X is written in Y" questions;
 *   reconcile_choice.c    which subject suits a scope;
 *   reconcile_use.c       which subject suits a use the taxonomy names;
 *   reconcile_rank.c      one subject ranked above another against
 *                         both judged alike;
 *   reconcile_group.c     one group: the position each claim takes on
 *                         its aspect (rc_polarity), the aligned
 *                         conflicts between them, the dispute they make
 *                         and its sides;
 *   reconcile_large.c     the conflicts of a group too large to pair;
 *   reconcile_agree.c     a group with no conflict: the agreement;
 *   reconcile_keep.c      the candidates of one subject, and keeping
 *                         those that are not mostly a stronger one;
 *   reconcile_align.c     how much two claims share: each key's
 *                         specificity to its subject, and the alignment
 *                         test built on it.
 */
#ifndef KB_RECONCILE_INT_H
#define KB_RECONCILE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "reconcile.h"

#define RC_GROUP_MAX 48     /* a word or cue in more claims than this is too general to be one
                             * point; a larger group on a named aspect is paired sparingly */
#define RC_WORD_MIN 3       /* the claims a question on a plain word needs (rc_group) */

/* One (subject, aspect key) of a proposition: sorted, a run of equal
 * pairs is a group. */
typedef struct rc_entry {
    int subject;
    uint32_t key;
    size_t prop;
} rc_entry;

/* (subject, key) -> number of the subject's claims with the key. */
typedef struct rc_df {
    uint64_t *k;
    uint32_t *v;
    size_t cap;
} rc_df;

/* A position: what a claim says on the group's aspect. */
typedef struct rc_pos {
    size_t prop;
    int polarity;
    int absolute;            /* modality PROP_ABSOLUTE */
    int qualified;
    int partial;             /* qualified by a hedge of extent ("for some workloads") */
    int immature;            /* a feature asserted "experimental", "in beta" */
    int pole;                /* the pole on the group's aspect, or -1 */
    double light;            /* rc_light on the group's key */
} rc_pos;

/* What the aligned conflicts of a group come to. */
typedef struct rc_conflicts {
    unsigned char *in;       /* per position: it takes part in a judgement's */
    unsigned char *pin;      /* ... in a pole's */
    int any;
    int absolute;            /* absolute against qualified is disputed */
    int polar;               /* opposite or overstated judgements */
    int poles;               /* different poles */
    double best;             /* the best alignment among them */
} rc_conflicts;

typedef struct rc_ctx {
    const rc_prop *props;
    const prop_lex *lex;
    const prop_keys *keys;
    rc_df df;
    size_t *nclaims;         /* per subject: claims with propositions on it */
    rc_set *out;
    rc_question *cand;       /* candidates of the subject being read */
    size_t ncand, capcand;
    rc_question *acand;      /* its agreements */
    size_t nacand, capacand;
} rc_ctx;

/* The subject a proposition is read under: a comparison between two
 * subjects ("X is faster than Y", "X over Y") is read under the first
 * of the two in the taxonomy's order, its polarity turned when it
 * judges the other (rc_polarity: "Y is slower than X" = "X is faster
 * than Y"), so that opposite comparisons meet whichever subject they
 * are said of. */
static inline int rc_home(const prop *p)
{
    return p->versus >= 0 && p->versus < p->subject ? p->versus : p->subject;
}

/* reconcile_choice.c */
/* The choice questions among props[0..n): scope by scope, added to
 * c->out. */
void rc_choices(rc_ctx *c, size_t n, size_t nsubjects);

/* reconcile_use.c */
/* The use questions among props[0..n): cue by cue, added to c->out. */
void rc_uses(rc_ctx *c, size_t n, size_t nsubjects);

/* reconcile_rank.c */
/* The ranking questions among props[0..n), pair by pair, kept as a
 * subject's candidates are (taken as for rc_flush_subject). */
void rc_ranks(rc_ctx *c, size_t n, size_t nsubjects, unsigned char *taken);

/* reconcile_category.c */
/* The category questions of one subject, from its "is a K"
 * propositions idx[0..n), added to c->out. */
void rc_categories(rc_ctx *c, int subject, const size_t *idx, size_t n);
/* ... and its value propositions (PROP_VALUE) idx[0..n): one question
 * per attribute whose sets of values differ between sources. */
void rc_values(rc_ctx *c, int subject, const size_t *idx, size_t n);

/* reconcile_group.c */
/* The group of subject's claims on the key of e[0..n) (a run of the
 * sorted entries): its dispute, else its agreement, as a candidate.
 * pos: room for one position per claim of the run. */
void rc_group(rc_ctx *c, int subject, const rc_entry *e, size_t n, rc_pos *pos);
/* Give q's claims their sides from their positions posk[0..q->n): one
 * letter per distinct position, the position with most sources 'a';
 * then order the claims by side. */
void rc_sides(const rc_ctx *c, rc_question *q, const int *posk);

/* reconcile_large.c */
/* The conflicts among positions pos[0..n) of a group larger than
 * RC_GROUP_MAX, as reconcile_group.c finds them by pairs, into cf
 * (cf->in, cf->pin: n bytes each, all 0); cf->best is the weight of
 * some aligned conflict, not necessarily the largest. */
void rc_conflicts_large(const rc_ctx *c, const rc_pos *pos, size_t n, rc_conflicts *cf);

/* reconcile_agree.c */
/* The group's agreement on key, when two or more sources judge it one
 * way and none the other: added to c's candidates. */
void rc_agreement(rc_ctx *c, int subject, uint32_t key, const rc_pos *pos, size_t n);

/* reconcile_keep.c */
/* An empty question of kind on subject's aspect key: no claims yet,
 * not between two subjects. */
rc_question rc_question_new(rc_kind kind, int subject, uint32_t key);
/* The two indexes of cnt[0..n) with the highest counts (ties: the
 * first), -1 where there are not two non-zero ones. */
void rc_top_two(const size_t *cnt, size_t n, int *x, int *y);
/* Give q (its props filled) its sides from posk[0..q->n) (rc_sides) and
 * keep it in c->out as it is, taking its arrays. */
void rc_out_add(rc_ctx *c, rc_question *q, const int *posk);
/* Take q (its arrays too) as a dispute or an agreement candidate of the
 * subject being read. */
void rc_cand_add(rc_ctx *c, rc_question *q);
void rc_acand_add(rc_ctx *c, const rc_question *q);
/* Keep the subject's candidates that are not mostly a stronger one in
 * c->out, and start the next subject.  taken: one byte per claim, all 0
 * (and left so). */
void rc_flush_subject(rc_ctx *c, unsigned char *taken);

/* reconcile_align.c */
/* Fill c->df from the sorted entries e[0..ne) (its arrays: the caller frees them). */
void rc_df_build(rc_ctx *c, const rc_entry *e, size_t ne);
uint32_t rc_df_get(const rc_df *d, int subject, uint32_t key);
/* The weight a and b share when they are about the same point, else 0. */
double rc_align(const rc_ctx *c, const prop *a, const prop *b);
/* When p shares key with another claim, is it aligned with it whatever
 * else either says (key alone weighs enough, and enough of p's keys)?
 * The key's weight if so, else 0: rc_align(p, q) > 0 for every q with
 * key, so a large group needs no pairs for p. */
double rc_light(const rc_ctx *c, const prop *p, uint32_t key);
/* 0 for a named aspect, 1 for a taxonomy cue, 2 for a word. */
int rc_key_rank(const rc_ctx *c, uint32_t key);

#endif
