/*
 * dis_int.h - what the disagreement finder's files share: the state of
 * one run.  Each file calls only files listed below it:
 *   disagree.c     dis_find: the run, step by step, and the rows' order;
 *   dis_read.c     the sources and their dates, the claims built again
 *                  with their propositions;
 *   dis_numeric.c  the numeric and temporal rows, from the store's
 *                  quantity facts;
 *   dis_figures.c  what one measure's figures say together (disjoint,
 *                  bounds, figures that say nothing more);
 *   dis_verdict.c  a question (reconcile.h) as a row: its verdict and
 *                  reason;
 *   dis_sides.c    its sides summed up (dis_side) and compared;
 *   dis_label.c    a question's label and its sides' positions;
 *   dis_agree.c    an agreement (reconcile.h) as the set keeps it;
 *   dis_items.c    the set's sources (looked up, cited) and rows (made,
 *                  filled, released).
 * Not for use outside those files.
 */
#ifndef KB_DIS_INT_H
#define KB_DIS_INT_H

#include "buf.h"
#include "claims.h"
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
    size_t *notable;         /* the props that say something changed or deny a
                              * kind: the few a verdict looks up (dis_read.c) */
    size_t nnotable, capnotable;
    size_t cur_source;       /* the source being read */
} dis_run;

/* One per bit of prop.scope: prop_lex_load refuses a lexicon with more
 * scopes. */
#define DIS_SCOPES 32

typedef struct dis_side {
    int polarity;            /* of its first claim */
    int value;               /* pole or category of its first claim */
    int negated;             /* category: a kind denied */
    size_t nclaims, nabs, nqual, npart;
    size_t nrank;            /* claims that rank the subject against the other
                              * without naming it ("has a steeper learning curve") */
    size_t nfeat;            /* claims that say the subject has or lacks a thing
                              * ("supports package.json", "no node_modules") */
    size_t nimm;             /* claims that say it has a thing not in full yet
                              * ("experimental component testing") */
    size_t *src, nsrc, capsrc;   /* its distinct sources (owned: dis_sides_free frees) */
    int earliest, latest;    /* years of its dated sources */
    int scope[DIS_SCOPES];   /* claims naming each scope */
    size_t change;           /* a claim saying something changed, + 1 (0: none) */
    size_t lead;             /* the claim it is quoted by: its first that names the
                              * row's subject, else its first (index into the row) */
} dis_side;

/* dis_read.c */
/* Read the sources (set->sources, r->ids) and their dates, and index
 * them by id. */
int dis_read_sources(dis_run *r, char **err);
/* Build each source's claims again with cb (claims_props set) and keep
 * those with propositions (r->claims, r->props). */
int dis_read_claims(dis_run *r, claims *cb, char **err);

/* dis_numeric.c */
/* The numeric and temporal rows, from the store's quantity facts. */
int dis_numeric(dis_run *r, char **err);

/* dis_figures.c */
/* The figures of one (subject, measure) being collected. */
typedef struct dis_group {
    char *subject, *key;     /* key: measure, or "release_year of VERSION" */
    dis_claim *v;
    size_t n, cap;
} dis_group;

/* An age a source gives a subject, read against the source's date:
 * the years in which the subject can have started. */
void dis_group_clear(dis_group *g);
/* Add a copy of d (its strings copied) to g. */
void dis_group_add(dis_group *g, const dis_claim *d);
/* The number of distinct sources among g's claims; mark (one byte per
 * source, all 0) is left all 0 again. */
size_t dis_count_sources(const dis_group *g, unsigned char *mark);
/* Do the intervals of a and b meet? */
int dis_interval_meet(const dis_claim *a, const dis_claim *b);
/* Do a and b state the same interval? */
int dis_same_value(const dis_claim *a, const dis_claim *b);
/* Do two claims of different sources give intervals that cannot both
 * hold?  Linear. */
int dis_any_disjoint(const dis_group *g);
/* Does one source itself give two figures that cannot both hold (*x,
 * *y: two such)?  Then the measure depends on what is counted. */
int dis_self_disjoint(const dis_group *g, size_t *x, size_t *y);
/* A source's bare mentions of a figure it gives elsewhere as a lower
 * bound ("100k/sec" and "100k/sec+") take that bound's open end. */
void dis_own_bounds(dis_group *g);
/* Leave out the vague lower bounds an exact figure ten times larger
 * implies ("thousands of" beside "17M+"). */
void dis_drop_implied(dis_group *g);

/* dis_verdict.c */
/* The row for question q. */
void dis_question_item(dis_run *r, const rc_question *q);

/* dis_sides.c */
/* Sum up question q's sides into sides[0..RC_MAX_SIDES) (released with
 * dis_sides_free); returns how many there are. */
size_t dis_sides(dis_run *r, const rc_question *q, dis_side *sides);
void dis_sides_free(dis_side *sides);
/* The largest side *A (by sources) and the largest opposing it *B (A
 * itself when there is none). */
void dis_main_sides(const dis_side *sides, size_t ns, size_t *A, size_t *B);
/* Is q a question on a scope of one subject ("Is X suited to I/O-bound
 * work?", not "Which is better on it: X or Y?") whose main sides speak
 * of two values of that scope's axis?  Then one side is of another
 * workload, and the row disputes nothing on its own. */
int dis_off_scope(const dis_run *r, const rc_question *q, const dis_side *sides, size_t ns);
/* Does one source stand on both sides (*src: the first)? */
int dis_source_on_both(const dis_side *a, const dis_side *b, size_t *src);
/* Does every source of side x also stand on side y? */
int dis_side_within(const dis_side *x, const dis_side *y);
/* Do sides a and b speak mainly of different scopes (*sa, *sb: the
 * scopes, -1 for "in general")? */
int dis_scopes_differ(const prop_lex *lex, const dis_side *a, const dis_side *b, int *sa, int *sb);

/* dis_label.c */
/* The position side s of question q takes, in a few words, into b. */
void dis_position(const dis_run *r, const rc_question *q, const dis_side *s, buf *b);
/* The row's label (it->question) and aspect (it->aspect), from its
 * sides[0..ns). */
void dis_label(dis_run *r, dis_item *it, const rc_question *q, const dis_side *sides, size_t ns);
/* The lexicon's question template tmpl with subject in place of "{s}",
 * appended to b (the template as it is when it has none). */
void dis_template(buf *b, const char *tmpl, const char *subject);

/* dis_agree.c */
/* The agreement for a (reconcile.h) of one position. */
void dis_agreement_add(dis_run *r, const rc_question *a);

/* dis_items.c */
/* Does text[0..n) name the subject (its canonical name, any case, as a
 * word of its own: "Wrenpkg" does not name Wren)? */
int dis_names(const char *text, size_t n, const char *subject);
/* Index set->sources by id (r->ids) for dis_source_index. */
void dis_index_sources(dis_run *r);
/* The index in set->sources of the source with id. */
size_t dis_source_index(const dis_run *r, long long id);
/* "Title (2019, inferred)" */
void dis_cite_source(buf *b, const dis_source *s);
/* The dimension (taxonomy index) most of q's claims are about, the
 * first of a tie; -1 when none has one. */
int dis_question_dimension(const dis_run *r, const rc_question *q);
/* A new row of kind for subject (copied), added to the set. */
dis_item *dis_new_item(dis_run *r, dis_kind kind, const char *subject);
/* Add claim f to row it on side. */
void dis_add_claim(dis_item *it, const dis_claim *f, char side);
/* Set side k's position (copied). */
void dis_set_position(dis_item *it, size_t k, const char *position);
/* Release what a row or an agreement holds (not the struct itself). */
void dis_item_free(dis_item *it);
void dis_agreement_free(dis_agreement *a);

#endif
