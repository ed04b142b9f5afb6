/*
 * report_int.h - what the report's files share: the state of one build
 * and the steps it goes through, in order:
 *   report_read.c     the sources (numbered) and the quantity facts;
 *   report_figures.c  each fact a figure; equal figures an agreement;
 *   report_disputes.c the finder's disputes (disagree.h), each placed
 *                     in a section, its lead claims marked;
 *   report_props.c    the finder's agreements, as propositions;
 *   report_order.c    counts, order, numbers, links.
 * report.c runs them; report_parts.c holds what they all add to
 * (sections, subjects, the claims drawn on) and report_quote.c the rule
 * that picks a quote.  Not for use outside these files.
 */
#ifndef KB_REPORT_INT_H
#define KB_REPORT_INT_H

#include <stddef.h>

#include "disagree.h"
#include "report.h"

/* A store_fact, copied (store strings live only during the callback). */
typedef struct rep_fact {
    long long claim_id;
    int source;
    long long start, end;
    char *text;
    size_t text_len;
    char *subject, *dimension;
    int polarity;
    char *measure, *raw, *unit, *version;
    qty_kind kind;
    report_interval value;
} rep_fact;

typedef struct rep_facts {
    rep_fact *v;
    size_t n, cap;
} rep_facts;

/* A quantity fact by its claim's id. */
typedef struct rep_qidx {
    long long claim_id;
    size_t fact;         /* index into rep_build.qtys */
} rep_qidx;

/* (section, claim) pairs: what each section draws on. */
typedef struct rep_use {
    size_t section;
    long long claim_id;
} rep_use;

typedef struct rep_idmap {
    long long id;
    int n;
} rep_idmap;

typedef struct rep_build {
    store *st;
    const char *subject, *dimension;  /* the filter */
    report *r;
    rep_idmap *ids;                   /* source id -> number, sorted by id */
    rep_facts qtys;
    rep_qidx *qidx;                   /* qtys by claim id (rep_qty_index) */
    size_t nqidx;
    rep_use *uses;
    size_t nuses, capuses;
    size_t capsections;
    char **subjects;
    size_t nsubjects, capsubjects;
    int failed;                       /* a callback's error: KB_ERR */
    char **err;
} rep_build;

/* ---- report_parts.c ---- */

/* p grown (doubling) to hold need items of size bytes; *cap updated. */
void *rep_grow(void *p, size_t *cap, size_t need, size_t size);
/* strcmp's equality with NULL equal only to NULL. */
int rep_streq(const char *a, const char *b);

/* The index of dimension's section (NULL: the one without), made when
 * new. */
size_t rep_section(rep_build *b, const char *dimension);
/* Section draws on claim claim_id (the order key, rep_finish). */
void rep_note_use(rep_build *b, size_t section, long long claim_id);
/* A new zeroed agreement at the end of s. */
report_agreement *rep_agreement_add(report_section *s);
/* The subject (or each of "A, B") among those the report speaks of. */
void rep_subject_note(rep_build *b, const char *subject);
/* The dimension most of fs[0..n) have (ties: the first by name); NULL
 * when none has one. */
const char *rep_common_dimension(rep_fact **fs, size_t n);
void rep_section_free(report_section *s);

/* ---- report_quote.c ---- */

/* Is text a (alen bytes) a better quote for its
 * source than b on subject (report.h's rule)?  Ties: no. */
int rep_better_quote(const char *a, size_t alen, const char *b, size_t blen, const char *subject);

/* ---- the steps ---- */

/* report_read.c: number the sources (b->ids) and copy the quantity
 * facts the filter keeps into b->qtys; the total claim count into the
 * report. */
int rep_read(rep_build *b);
/* The number of the source with id, 0 when none. */
int rep_source_number(const rep_build *b, long long id);
void rep_facts_free(rep_facts *fs);

/* report_figures.c: figures and numeric agreements from b->qtys. */
void rep_figures(rep_build *b);
/* report_disputes.c: the finder's disputes and agreements (the latter
 * through rep_propositions). */
int rep_disputes(rep_build *b);
/* report_props.c: the finder's agreements ds as propositions; num maps
 * the finder's source index to its number. */
void rep_propositions(rep_build *b, const dis_set *ds, const int *num);
/* report_order.c: count, drop empty sections, order, number, link. */
void rep_finish(rep_build *b);

#endif
