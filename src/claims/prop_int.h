/*
 * prop_int.h - what the prop module's files (prop.c, prop_read.c,
 * prop_judged.c, prop_neutral.c, prop_instead.c, prop_cat.c,
 * prop_value.c, prop_table.c, prop_lex.c) share: the lexicon's layout, the marks of a
 * claim's tokens and the helpers they call across files.
 * Not for use outside the prop module.
 */
#ifndef KB_PROP_INT_H
#define KB_PROP_INT_H

#include "buf.h"
#include "prop.h"

/* The lexicon's classes, in schema/reconcile.tsv's words. */
enum {
    PL_FUNCTION,
    PL_HEDGE,
    PL_CAPABILITY,
    PL_POSSESSION,
    PL_CHOICE,
    PL_UNIVERSAL,
    PL_NEGATION,
    PL_SOFTENER,
    PL_CONDITION,
    PL_CHANGE,
    PL_CURRENT,
    PL_CONCEPT,
    PL_POLE,
    PL_KIND,
    PL_SCOPE,
    PL_AGE,
    PL_QUESTION,
    PL_ANSWER,
    PL_ANSWER_NO,
    PL_FEATURE,
    PL_DEFAULT,
    PL_SIZED,
    PL_PARTIAL,
    PL_ICON,
    PL_ICON_NO,
    PL_UNIVERSAL_NO,
    PL_IMMATURE,
    PL_MATURED,
    PL_ATTRIBUTE,
    PL_COUNT
};

typedef struct prop_names {
    char **name;
    size_t n;
} prop_names;

struct prop_lex {
    taxonomy *t;       /* every class but softeners: one "dimension" per line */
    taxonomy *soft;    /* the softeners */
    int *cls;          /* per dimension of t: its class */
    int *entry;        /* per dimension of t: its index among its class's names, or -1 */
    prop_names concepts, poles, kinds, scopes, attributes;
    prop_names scope_shown;    /* per scope: its first term, for people */
    prop_names questions;      /* per question line: "#aspect\ttemplate" */
    prop_names features;       /* concepts a subject has or lacks (class feature) */
    prop_names sized;          /* concepts whose size is a point of its own (class sized) */
    unsigned char *feature;    /* per concept: PROP_CONCEPT_* of the lines naming it */
    prop_names defaults;       /* scopes an unqualified claim speaks of (class default) */
    int *scope_default;        /* per scope: its axis's default scope, -1 */
    int *scope_parent;         /* per scope: the one it refines ("size/large" of "size/large/load"), -1 */
    prop_names marks_yes;      /* answers of symbols alone ("✅"), matched on bytes */
    prop_names marks_no;
    prop_names icons_yes;      /* icon class names that answer ("square-check") */
    prop_names icons_no;
};

#define PROP_CONCEPT_FEATURE 1
#define PROP_CONCEPT_SIZED 2

const char *prop_lex_concept(const prop_lex *l, size_t i);
/* Is concept i a feature a subject has or lacks ("asynchrony"), rather
 * than a quality it has more or less of ("speed")? */
int prop_lex_is_feature(const prop_lex *l, size_t i);

#define PROP_TOKS 512     /* tokens of a claim read (the tagger's limit) */
#define PROP_NEAR_EVAL 1  /* a key within PROP_NEAR words of an evaluative word */
#define PROP_NEAR_RANK 2  /* ... of a comparative one */
#define PROP_NAME_MAX 126 /* bytes of a lexicon entry's name (a key: sigil + name) */
#define PROP_STEM_MAX 48

/* Tokens of a short text (norm_tokens' callback prop_tok fills it). */
typedef struct prop_toks {
    tax_tok t[PROP_TOKS];
    size_t n;
} prop_toks;
int prop_tok(void *ctx, const char *s, size_t n, size_t off);
/* Normalize text[0..len) into nb (offset map into *map unless map is
 * NULL), blank its markup (norm.h) and tokenize it into pt, whose
 * tokens point into nb: the caller frees nb (and *map).  KB_ERR on
 * invalid UTF-8, with pt empty. */
int prop_tokenize(const char *text, size_t len, buf *nb, size_t **map, prop_toks *pt);

/* Add the aspects a table row's label names to out[0..n), with near
 * (PROP_NEAR_*) saying what the cell's words do with them. */
void prop_row_label(const prop_ctx *c, const char *label, prop *out, size_t n, int near);

/* A table cell that opens with a mark of the lexicon's answers: +1
 * ("✅"), -1 ("❌"), else 0. */
int prop_cell_mark(const prop_lex *l, const char *text, size_t len);
/* A cell that opens with such a mark answers its row as "Yes" or "No"
 * would: out[0..n) updated, or one proposition per subject of the
 * claim made when it has none (a mark is no word); returns the count. */
size_t prop_cell_answer(const prop_ctx *c, const prop_claim *in, prop *out, size_t n, size_t max);

/* The marks of one claim's tokens. */
typedef struct prop_marks {
    const tax_tok *toks;
    size_t ntok;
    const size_t *map;
    signed char cls[PROP_TOKS];     /* lexicon class, -1 none */
    short entry[PROP_TOKS];         /* its entry among the class's names */
    short hit[PROP_TOKS];           /* first token of the lexicon hit it is in */
    short hit_end[PROP_TOKS];       /* for a hit's first token: one past its last */
    short subj[PROP_TOKS];          /* subject named here, -1 */
    short part[PROP_TOKS];          /* the part hit (index into the tagger's hits) it is in, -1 */
    short part_subject[PROP_TOKS];  /* that part's subject */
    short cue_end[PROP_TOKS];       /* a taxonomy cue starting here: its end, else 0 */
    unsigned char paren[PROP_TOKS]; /* an aside: 1 inside parentheses, 2 in a
                                     * condition up to its comma */
    unsigned char eval[PROP_TOKS];  /* an evaluative word (stance_marks):
                                     * STANCE_MARK_COMPARATIVE for one that
                                     * ranks ("easier", "a larger
                                     * community"), STANCE_MARK_EVEN for an
                                     * even-handed one */
    int cell;                       /* the tokens are a table cell's */
    int label;                      /* ... a table row's label: a kind there is
                                     * what the row asks about ("Compiler") */
    int meta;                       /* the claim speaks of the article itself, or asks */
} prop_marks;

/* Is token k of the claim a one-word term of role r (words.h)? */
static inline int prop_word(const prop_ctx *c, const prop_marks *m, words_role r, size_t k)
{
    return k < m->ntok && words_is(c->words, r, &m->toks[k]);
}

/* The length in tokens of the term of role r at token k, or 0. */
static inline size_t prop_words_at(const prop_ctx *c, const prop_marks *m, words_role r, size_t k)
{
    return words_at(c->words, r, m->toks, m->ntok, k);
}

/* Is the subject mention at token t the base of a comparison ("unlike
 * X", "than X", "compared to X")? */
static inline int prop_is_base(const prop_ctx *c, const prop_marks *m, size_t t)
{
    for (size_t k = t > 3 ? t - 3 : 0; k < t; k++)
        if (prop_word(c, m, WR_BASE_MARKER, k)) return 1;
    return 0;
}

/* A comma between tokens k-1 and k. */
static inline int prop_comma_before(const prop_marks *m, size_t k)
{
    return k > 0 && k < m->ntok && tax_tok_punct_before(m->toks, k, ",");
}

/* prop_judged.c: what a clause's judgement speaks of.  near[k - a] for
 * each token of [a, b): PROP_NEAR_EVAL within PROP_NEAR words of an
 * evaluative word (every token when the clause has none),
 * PROP_NEAR_RANK of a comparative one. */
void prop_near_eval(const prop_marks *m, size_t a, size_t b, unsigned char *near);
/* "the easiest backend language to learn" ranks on learning only. */
void prop_rank_infinitive(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, unsigned char *near);
/* The plain words right after ([*pa, *pb)) and right before ([*qa,
 * *qb)) the subject's first name in [a, b): which part or kind of it;
 * empty ranges are at b. */
void prop_subject_phrase(const prop_marks *m, int subject, size_t a, size_t b, size_t *pa, size_t *pb);
void prop_subject_premod(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b, size_t *qa,
                         size_t *qb);
/* keys[np0, np1) of p, such a phrase's, are not judged when the clause
 * judges a named aspect besides. */
void prop_phrase_unjudged(const prop_ctx *c, prop *p, size_t np0, size_t np1);
/* Does clause [a, b) restrict a verb of having or doing with "only"
 * ("only ships a Java client", "supports only Linux", "can only run
 * on one core"; not "not only")?  It then says the subject has little:
 * a judgement against it. */
int prop_restricted(const prop_ctx *c, const prop_marks *m, size_t a, size_t b);
/* Does clause [a, b) give a verb of having a scant amount ("has few
 * plugins", "offers far fewer plugins")?  With no evaluative word, the
 * subject has little of what is had: against it, unless that is a
 * cost ("has fewer dependencies"). */
int prop_scant(const prop_ctx *c, const prop_marks *m, size_t a, size_t b);
/* Does clause [a, b) state a size (a word of size or level: "a large
 * community", "smaller", "the largest") or a figure ("2.5M+")? */
int prop_states_size(const prop_ctx *c, const prop_marks *m, size_t a, size_t b);
/* Does the taxonomy cue at [k, e) name something (not only evaluative
 * or function words)? */
int prop_cue_names(const prop_marks *m, size_t k, size_t e);
/* Does the concept word at [k, he) of clause [a, b) judge something
 * else than its concept ("faster to pick up", "build faster",
 * "performs CRUD operations")? */
int prop_concept_elsewhere(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a, size_t b);

/* Is every evaluative word nearest the concept word at [k, he) of clause
 * [a, b) a word of difficulty ("async complexity")? */
int prop_judged_difficulty(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a, size_t b);

/* Does clause [a, b) compare the subject only with itself ("becomes
 * harder", "gets slower")? */
int prop_self_comparison(const prop_ctx *c, const prop_marks *m, size_t a, size_t b);

/* prop_read.c: read clause [a, b) of the marked claim into p (keys,
 * scopes, modality, ...). */
void prop_read_span(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, prop *p);
/* Add key id, seen at a token, to p; near (PROP_NEAR_*): what the
 * clause's evaluative words do with it (judged, ranked). */
void prop_add_key_at(prop *p, uint32_t id, int near);
/* prop.c: is every mention of subject in [a, b) a comparison's base? */
int prop_only_base(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b);

/* prop_neutral.c: append to out[n..max) what the claim (its tags r)
 * says of each subject outside the clauses judging it; returns the new
 * count (which may pass max). */
size_t prop_unjudged(const prop_ctx *c, const prop_marks *m, const tag_result *r, size_t n, prop *out, size_t max);

/* prop_instead.c: the alternative each of out[0..n) sets aside
 * ("X ships callbacks instead of promises") leaves its keys and is
 * appended as a denial of its own; returns the new count (which may
 * pass max). */
size_t prop_instead(const prop_ctx *c, const prop_marks *m, prop *out, size_t n, size_t max);

/* Append the category propositions of the marked claim to out[n..max);
 * returns the new count (which may pass max). */
size_t prop_categories(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t n, prop *out,
                       size_t max);
/* The subjects a copula at token k speaks of (prop_cat.c), into out
 * (room for 8); how many. */
size_t prop_copula_subjects(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t k, int *out);
/* prop_value.c: the functional attributes the claim gives a subject
 * ("X is written in Y"), PROP_VALUE, appended to out[n..); the count. */
size_t prop_values(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t n, prop *out, size_t max);

#endif
