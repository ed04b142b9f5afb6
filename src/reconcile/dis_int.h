/*
 * dis_int.h - what the disagreement finder's files share: the state of
 * one run.  disagree.c reads the sources and claims and assembles rows;
 * dis_numeric.c finds the numeric and temporal rows; dis_verdict.c
 * turns a question (reconcile.h) into a row with its verdict, label,
 * positions and reason.  Not for use outside those files.
 */
#ifndef KB_DIS_INT_H
#define KB_DIS_INT_H

#include "buf.h"
#include "disagree.h"
#include "prop.h"
#include "reconcile.h"
#include "taxonomy.h"

/* A claim read for its propositions. */
typedef struct dis_cl {
    long long id;
    size_t source;
    long long start, end;
    char *text;
    int dim;                 /* its top dimension (taxonomy index), -1 */
} dis_cl;

typedef struct dis_run {
    dis_set *set;
    const dis_filter *f;
    store *st;
    const taxonomy *tax;
    const prop_lex *lex;
    prop_keys *keys;
    long long *ids;          /* source ids, index-aligned with set->sources */
    struct dis_idx *byid;    /* the same, sorted by id */
    dis_cl *claims;
    size_t nclaims, capclaims;
    rc_prop *props;
    size_t nprops, capprops;
    size_t cur_source;       /* the source being read */
    char *err;
} dis_run;

/* The index in set->sources of the source with id. */
size_t dis_source_index(const dis_run *r, long long id);

/* A new row of kind for subject (copied), added to the set. */
dis_item *dis_new_item(dis_run *r, dis_kind kind, const char *subject);
/* Add claim f to row it on side. */
void dis_add_claim(dis_item *it, const dis_claim *f, char side);
/* Set side k's position (copied). */
void dis_set_position(dis_item *it, size_t k, const char *position);

/* "Title (2019, inferred)" */
void dis_cite_source(buf *b, const dis_source *s);

/* The numeric and temporal rows, from the store's quantity facts. */
int dis_numeric(dis_run *r, char **err);

/* The row for question q. */
void dis_question_item(dis_run *r, const rc_question *q);

/* The agreement for a (reconcile.h) of one position. */
void dis_agreement_add(dis_run *r, const rc_question *a);

#endif
