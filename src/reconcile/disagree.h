/*
 * disagree.h - where the sources disagree, as questions: one row per
 * point the sources answer differently, its sides, and a verdict with
 * its reason.
 *
 * Rows come from three places:
 *   stance / category  the questions reconcile.h finds among the claims'
 *             propositions (prop.h): a subject's aspect on which claims
 *             of different sources take opposite positions, an absolute
 *             claim against qualified ones, different poles of one
 *             aspect ("interpreted" vs "compiled": kind "category"), or
 *             different kinds of thing ("a runtime" vs "a language");
 *   numeric   the same measure of the same subject with intervals that
 *             cannot both hold, or bounds that differ ("800,000+" vs
 *             "450,000+": compatible, the tighter bound the newer's);
 *   temporal  release years that differ, or an age a source gives
 *             ("nearly 30 years", read against the source's date) that
 *             a stated year contradicts.
 * Every claim of a row stands on one side ('a', 'b', ... 'z'); the
 * sides are pure: one position each (dis_item.positions), except in a
 * numeric or temporal row with more than 26 distinct figures, whose
 * figures past the 26th share side 'z' (and its position, the 26th
 * figure).  A claim may answer several questions.
 *
 * Verdicts (dis_verdict), each with a reason naming the claims, sources
 * and dates it used:
 *   compatible  bounds that all hold; sides that speak of different
 *               scopes ("CPU-bound" vs "I/O-bound", "with optimized
 *               libraries"); poles one source itself gives both of;
 *   outdated    an older source's claim that newer ones contradict or
 *               qualify (dates two or more years apart);
 *   overstated  an absolute claim ("does not support") against
 *               qualified ones on the same point ("limits ... for
 *               CPU-bound work"): the qualified is the more precise;
 *   majority    independent sources clearly outnumber the others
 *               (two or more, three times the next side; a source that
 *               says both counts for what it denies);
 *   unresolved  none of these.
 * Source dates come from metadata, else from the latest year the
 * article states (marked inferred).
 *
 * Ownership: everything in a dis_set belongs to it; dis_free releases it.
 * Output is deterministic: same database, same set, same order.
 */
#ifndef KB_DISAGREE_H
#define KB_DISAGREE_H

#include <stddef.h>

#include "store.h"

typedef enum dis_kind { DIS_NUMERIC, DIS_TEMPORAL, DIS_STANCE, DIS_CATEGORY, DIS_KIND_COUNT } dis_kind;
typedef enum dis_verdict {
    DIS_COMPATIBLE,
    DIS_OUTDATED,
    DIS_OVERSTATED,
    DIS_MAJORITY,
    DIS_UNRESOLVED,
    DIS_VERDICT_COUNT
} dis_verdict;

/* "numeric", "temporal", "stance", "category"; "compatible", ... */
const char *dis_kind_name(dis_kind k);
const char *dis_verdict_name(dis_verdict v);

typedef struct dis_source {
    long long id;
    char *path, *title, *site, *author, *url;
    char *date;          /* YYYY-MM-DD, or a year "2019" when inferred; NULL */
    int date_inferred;   /* 1: date is the latest year the text states */
    int year;            /* the date's year, 0 when unknown */
} dis_source;

typedef enum dis_modality { DIS_MOD_NONE, DIS_MOD_ABSOLUTE, DIS_MOD_QUALIFIED } dis_modality;

typedef struct dis_claim {
    long long id;
    size_t source;       /* index into dis_set.sources */
    char *text;
    long long start, end;
    char side;           /* 'a', 'b', ... */
    int polarity;        /* stance claims: -1, 0, +1 */
    dis_modality modality;
    char *raw;           /* numeric claims: the quantity as written */
    double low, high;    /* numeric claims: the interval */
    int has_low, has_high, low_open, high_open, approx;
    int comparative;     /* stance claims: made as a comparison (a versus) */
} dis_claim;

typedef struct dis_item {
    int id;              /* 1.. in output order */
    char *subject;       /* "Python"; a question on two: "Node.js, Python" */
    char *dimension;     /* the dimension most of its claims are about, or NULL */
    char *measure;       /* numeric/temporal only */
    dis_kind kind;
    dis_verdict verdict;
    char *question;      /* the disputed point as a question */
    char *aspect;        /* what of the subject it is about, in a few words */
    char *explanation;   /* the verdict's reason */
    char **positions;    /* per side ('a' + i): its position in a few words */
    size_t nsides;
    dis_claim *claims;   /* by side, then document order */
    size_t nclaims;
} dis_item;

/* A proposition two or more sources share and none disputes: a
 * subject's aspect judged one way ("All 5 say Node.js's event loop is
 * non-blocking").  Its claims are all on side 'a'. */
typedef struct dis_agreement {
    char *subject, *aspect, *dimension;
    char *question;          /* the aspect's question, as a row on it would ask
                              * ("Is Python easy to learn?"), or NULL: the
                              * lexicon has none for it */
    int polarity;            /* -1 or +1 */
    char *lead;              /* the most telling claim's words on it (its clause) */
    size_t nsources;
    dis_claim *claims;       /* by source, then document order */
    size_t nclaims;
} dis_agreement;

typedef struct dis_set {
    dis_source *sources;
    size_t nsources;
    dis_item *items;
    size_t nitems;
    dis_agreement *agreements;  /* most sources first */
    size_t nagreements;
} dis_set;

typedef struct dis_filter {
    const char *subject;     /* canonical names, NULL for any */
    const char *dimension;
    long long source_id;     /* 0 for any: keep disagreements involving it */
} dis_filter;

int dis_find(store *st, const dis_filter *f, dis_set *out, char **err);
void dis_free(dis_set *s);

/* "absolute", "qualified", or NULL. */
const char *dis_modality_name(dis_modality m);

#endif
