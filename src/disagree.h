/*
 * disagree.h - where the sources disagree, grouped and reconciled.
 *
 * Claims of different sources are compared on the same subject and
 * dimension (never two claims of one source):
 *   numeric   the same measure of the same subject with intervals that
 *             cannot both hold, or bounds of one kind that differ
 *             ("800,000+" vs "450,000+": compatible, the tighter bound
 *             the newer source's);
 *   temporal  versions or years given as current that differ;
 *   stance    opposite polarity on one subject and dimension, judged
 *             alike (two absolute judgements, or two comparisons: "X's
 *             community is smaller than Y's" leaves "X's community is
 *             large" standing); the verdict weighs the largest side
 *             against the largest of the opposite camp;
 *   factual   comparisons that point opposite ways ("harder to install"
 *             vs "easier to install").
 * A disagreement lists every claim on each side (side "a", "b", ...),
 * so a question four articles speak to is one row, not six pairs.
 *
 * Each gets a verdict and a paragraph explaining it: compatible (bounds
 * that both hold; the sides speak of different scopes, such as CPU-bound
 * vs I/O-bound work), outdated (the source dates explain it), majority
 * (more independent sources on one side), or unresolved.  Source dates
 * come from metadata, else are inferred from the latest year the article
 * states (and marked inferred).
 *
 * Ownership: everything in a dis_set belongs to it; dis_free releases it.
 * Output is deterministic: same database, same set, same order.
 */
#ifndef KB_DISAGREE_H
#define KB_DISAGREE_H

#include <stddef.h>

#include "store.h"

typedef struct dis_source {
    long long id;
    char *path, *title, *site, *author, *url;
    char *date;          /* YYYY-MM-DD, or a year "2019" when inferred; NULL */
    int date_inferred;   /* 1: date is the latest year the text states */
    int year;            /* the date's year, 0 when unknown */
} dis_source;

typedef struct dis_claim {
    long long id;
    size_t source;       /* index into dis_set.sources */
    char *text;
    long long start, end;
    char side;           /* 'a', 'b', ... */
    int polarity;        /* stance claims: -1, 0, +1 */
    char *raw;           /* numeric claims: the quantity as written */
    double low, high;    /* numeric claims: the interval */
    int has_low, has_high, low_open, high_open, approx;
    int comparative;     /* stance claims: made as a comparison (a versus) */
} dis_claim;

typedef struct dis_item {
    int id;              /* 1.. in output order */
    char *subject, *dimension, *measure;  /* measure: numeric/temporal only */
    const char *kind;    /* "numeric", "temporal", "stance", "factual" */
    const char *verdict; /* "compatible", "outdated", "majority", "unresolved" */
    char *explanation;
    dis_claim *claims;
    size_t nclaims;
} dis_item;

typedef struct dis_set {
    dis_source *sources;
    size_t nsources;
    dis_item *items;
    size_t nitems;
} dis_set;

typedef struct dis_filter {
    const char *subject;     /* canonical names, NULL for any */
    const char *dimension;
    long long source_id;     /* 0 for any: keep disagreements involving it */
} dis_filter;

int dis_find(store *st, const dis_filter *f, dis_set *out, char **err);
void dis_free(dis_set *s);

#endif
