/*
 * prop.h - propositions: what a claim asserts, precisely enough to set
 * it against another source's claim (the unit reconcile.h compares).
 *
 * A claim tagged by tag.h gives one proposition per clause and subject
 * it judges (stance.h), plus one per subject it names with no
 * judgement at all ("neutral"), plus one per "X is a ..." statement
 * ("category").  Each says:
 *   subject    the taxonomy subject it is about (versus: the subject a
 *              comparison sets it against, else -1)
 *   aspects    keys for what the clause is about, finer than a
 *              dimension: the concept a word belongs to (schema/
 *              reconcile.tsv: "multithreading" -> threads), a cue term
 *              of the taxonomy's dimensions ("window functions"), else
 *              the word's stem ("projects" -> project), with the
 *              subjects' names and function and evaluative words left
 *              out; a part of the subject counts by its alias group
 *              ("GIL" = "Global Interpreter Lock"), a part of another
 *              subject not at all (it is what the subject is compared
 *              with)
 *   position   polarity (stance.h) or, for a category, the kind of
 *              thing the subject is said to be (or not to be); poles of
 *              an aspect ("interpreted" vs "compiled" execution)
 *   qualifiers scope (the lexicon's scope axes: "for CPU-bound work"),
 *              modality (absolute "does not support", "never", "only";
 *              qualified "can", "often", "limits", a scope or a
 *              condition; plain otherwise), and whether the clause says
 *              something changed ("now", "newer").
 * Rules are general (the lexicon is data); tests/check_prop.c holds
 * invented sentences of other domains for each.
 *
 * Aspect keys are interned in a prop_keys table shared by all the claims
 * compared, so that a key is a small integer.
 *
 * Ownership: a prop_lex and a prop_keys belong to their creator; props
 * hold no pointers.  Nothing here prints.
 */
#ifndef KB_PROP_H
#define KB_PROP_H

#include <stddef.h>
#include <stdint.h>

#include "alias.h"
#include "stance.h"
#include "tag.h"
#include "taxonomy.h"

typedef struct prop_lex prop_lex;

/* Load the reconcile lexicon (tsv[0..len), format in schema/
 * reconcile.tsv).  Errors name the line. */
int prop_lex_load(const char *tsv, size_t len, prop_lex **out, char **err);
void prop_lex_free(prop_lex *l); /* accepts NULL */

/* The lexicon's scopes ("workload/cpu"), kinds ("language") and poles
 * ("execution/compiled"), by index; NULL past the end. */
const char *prop_lex_scope(const prop_lex *l, size_t i);
const char *prop_lex_kind(const prop_lex *l, size_t i);
/* The name of attribute i ("language": what a subject is written in). */
const char *prop_lex_attribute(const prop_lex *l, size_t i);
const char *prop_lex_pole(const prop_lex *l, size_t i);
/* Is aspect ("execution") the aspect of poles ("execution/compiled")? */
int prop_lex_is_axis(const prop_lex *l, const char *aspect);
/* Is concept one whose size is a point of its own ("community": a large
 * one may be unfriendly, a small one helpful)?  Class `sized`. */
int prop_lex_is_sized(const prop_lex *l, const char *concept);
/* Is name a concept ("threads")? */
int prop_lex_is_concept(const prop_lex *l, const char *name);
/* Are scopes a and b values of one axis ("size/small", "size/large")? */
int prop_lex_same_axis(const prop_lex *l, size_t a, size_t b);
/* The scope that scope i refines ("size/large" of "size/large/load"),
 * or -1: a claim naming i names that one too, and the two are
 * different scopes when sides are weighed. */
int prop_lex_scope_parent(const prop_lex *l, size_t i);
/* The default value of scope i's axis ("build/standard": what a claim
 * naming no build speaks of), or -1 when the axis has none. */
int prop_lex_scope_default(const prop_lex *l, size_t i);
/* A scope's first term ("cpu-bound"), for people. */
const char *prop_lex_scope_shown(const prop_lex *l, size_t i);
/* The question template of an aspect key ("#setup"): the text with
 * "{s}" where the subject goes; NULL when the lexicon has none. */
const char *prop_lex_question(const prop_lex *l, const char *aspect);
/* The label template of the choice between subjects on scope i
 * ("Which suits small projects: {s}?", {s} the subjects), or NULL: the
 * scope is no such choice. */
const char *prop_lex_choice(const prop_lex *l, size_t i);
/* Does text[0..len) speak of a thing's age ("years old", "has existed
 * for", "after its release")?  Class `age`. */
int prop_lex_age(const prop_lex *l, const char *text, size_t len);
/* Does it speak of the present ("now", "latest", "currently")?  Class
 * `current`. */
int prop_lex_now(const prop_lex *l, const char *text, size_t len);

/* Interned aspect keys: prop_key gives the id of s[0..n) (adding it),
 * prop_key_str the key's text, prop_key_shown the first surface word
 * seen for it (for labels). */
typedef struct prop_keys prop_keys;
prop_keys *prop_keys_new(void);
void prop_keys_free(prop_keys *k); /* accepts NULL */
uint32_t prop_key(prop_keys *k, const char *s, size_t n, const char *shown, size_t shown_len);
const char *prop_key_str(const prop_keys *k, uint32_t id);
const char *prop_key_shown(const prop_keys *k, uint32_t id);
size_t prop_key_count(const prop_keys *k);

typedef enum prop_kind {
    PROP_STANCE,     /* a clause's judgement of a subject */
    PROP_NEUTRAL,    /* a subject named with no judgement */
    PROP_CATEGORY,   /* "X is (not) a K" */
    PROP_VALUE       /* "X is written in Y": a functional attribute's values */
} prop_kind;

typedef enum prop_modality {
    PROP_PLAIN,
    PROP_QUALIFIED,  /* hedged, limited, scoped or conditional */
    PROP_ABSOLUTE    /* a flat negation or a universal */
} prop_modality;

#define PROP_MAX_KEYS 24
#define PROP_NEAR 4       /* words between an evaluative word and what it judges */
#define PROP_MAX_POLES 4

/* Is p a fact of what the subject is or is made of (PROP_CATEGORY,
 * PROP_VALUE), not a judgement of it? */
#define PROP_IS_FACT(p) ((p)->kind == PROP_CATEGORY || (p)->kind == PROP_VALUE)

typedef struct prop {
    prop_kind kind;
    int subject, versus;     /* versus: only when the clause names it ("faster than
                              * Y"); "harder to trace" is a plain judgement */
    int ranks;               /* the subject the clause ranks this one against,
                              * named or not ("X is easier to learn" in a
                              * comparison of X and Y), or -1 */
    int joint;               /* the clause judges another subject alike, saying
                              * "both" ("Both X and Y are easy") */
    int polarity;            /* stance: -1, 0, +1; neutral: 0 */
    prop_modality modality;
    uint32_t scope;          /* bit i: prop_lex_scope(i) named in the clause */
    int change;              /* the clause says something changed */
    int capable;             /* it asserts an ability ("can use"), not denied */
    int denied;              /* it flatly denies something ("no X", "not Y") */
    int feature;             /* it says the subject has, lacks, can or cannot
                              * (capable, denied, or a verb of having or ability
                              * negated: "has no X", "cannot run on Y") */
    int choice;              /* it recommends ("choose X for", "the better fit") */
    int sized;               /* it states a size or a figure ("a large community", "2.5M+ questions") */
    int partial;             /* it holds only in part ("for some workloads"): qualified */
    int immature;            /* the feature it asserts is not there in full yet
                              * ("experimental", "in beta"): qualified */
    int turn;                /* its clause opens with "but" (words.tsv turn) and names the
                              * subject again: the writer's point */
    int category;            /* PROP_CATEGORY: prop_lex_kind index; PROP_VALUE:
                              * prop_lex_attribute index, its values the keys
                              * ("@scala") */
    int negated;             /* PROP_CATEGORY: "is not a K" */
    int poles[PROP_MAX_POLES];  /* prop_lex_pole indexes named in the clause */
    size_t npoles;
    uint32_t keys[PROP_MAX_KEYS];
    size_t nkeys;
    uint32_t ranked;         /* bit i: keys[i] is within PROP_NEAR words of a
                              * comparative: what a ranking ranks on */
    uint32_t judged;         /* bit i: keys[i] is what the clause's evaluative
                              * words speak of (within PROP_NEAR words of
                              * one), or the clause has none */
    size_t start, end;       /* the clause's bytes in the claim text */
} prop;

/* Are all of a's keys among b's (a value proposition's values within
 * another's)? */
static inline int prop_keys_within(const prop *a, const prop *b)
{
    for (size_t i = 0; i < a->nkeys; i++) {
        size_t j = 0;
        while (j < b->nkeys && b->keys[j] != a->keys[i]) j++;
        if (j == b->nkeys) return 0;
    }
    return 1;
}

/* What prop_extract needs of a claim besides the tagger's state after
 * tag_claim: the claim's text and tags. */
typedef struct prop_claim {
    const char *text;
    size_t len;
    const tag_result *tags;
    const int *prev;         /* the previous claim's subjects (tag_input) */
    size_t nprev;
    const char *row_header;  /* a table cell's row label, else NULL */
} prop_claim;

typedef struct prop_ctx {
    const prop_lex *lex;
    const taxonomy *tax;
    const stance_lex *stance;
    const words_lex *words;    /* the function words (words.h) */
    const alias_set *aliases;  /* NULL: parts count by their own words */
    prop_keys *keys;
} prop_ctx;

/* The propositions of the claim tg has just tagged (tag_want_clauses
 * must be on): writes at most max, returns how many there are. */
size_t prop_extract(const prop_ctx *c, const tagger *tg, const prop_claim *in, prop *out, size_t max);

/* One cell of a table row: its text, the subject of its column (-1:
 * none) and its propositions, which prop_table_row may change. */
typedef struct prop_cell {
    const char *text;
    size_t len;
    int subject;
    prop *props;
    size_t nprops;
} prop_cell;

/* A row whose two subject cells grade them on one scale ("Performance
 * | High | Very High", "4/5 | 3/5", "Moderate | Easy") ranks them on
 * the row label's aspects, as "Y performs better" does in a comparison
 * of the two: each cell's propositions on its subject judge it ahead
 * or behind and rank it against the other (prop.ranks, not versus: a
 * row names no base, so it meets plain judgements as such a
 * comparative does).  prop_table.c says which grades count. */
void prop_table_row(const prop_ctx *c, const char *label, prop_cell *cells, size_t n);

#endif
