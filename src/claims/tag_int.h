/*
 * tag_int.h - what the tagger's files share (not part of the API: see
 * tag.h).
 *
 * A claim is tagged in steps over a tag_ctx, one file each: tag.c reads
 * the context (section, row and column headers) and the claim's matches;
 * tag_subj.c its subjects, tag_dims.c its dimensions, tag_qty.c its
 * quantities and tag_stance.c its stances, each step reading what the
 * ones before it wrote into the result; tag_tok.c cuts a text into the
 * tokens they all read.
 */
#ifndef KB_TAG_INT_H
#define KB_TAG_INT_H

#include <stddef.h>

#include "buf.h"
#include "tag.h"

#define TAG_MAX_TOKS 512   /* a longer claim is tagged on its first tokens */
#define TAG_MAX_HITS 128   /* taxonomy matches kept per claim */
#define TAG_QTY_WINDOW 8   /* words either side of a figure that say what it measures */

struct tagger {
    const taxonomy *tax;
    const stance_lex *lex;
    const words_lex *w;
    buf norm;          /* reused between calls */
    size_t *map;       /* the claim's offset map, reused too */
    size_t map_cap;
    tax_tok toks[TAG_MAX_TOKS];
    size_t ntok;
    tax_hit hits[TAG_MAX_HITS];
    size_t nhits;      /* hits of the last claim tagged (tag_hits) */
    int want_clauses;  /* judge clauses even without a dimension */
    int last_named;    /* the one subject the last claim named, else -1 */
    int topic;         /* the one subject the last claim of this section
                        * that named any named, else -1 */
    /* What the current section heading names: the same for every claim
     * of a section, so matched once per section, not once per claim. */
    char *sec_key;
    int sec_subj[TAG_MAX], sec_dims[TAG_MAX];
    size_t nsec_subj, nsec_dims;
    /* per dimension of the taxonomy, as many as it has: a claim's
     * weights, and scratch for tag_span_topic */
    double *dimw, *spanw;
    size_t ndims;
};

/* How a subject is named: by a part, by its name or an alias, by a
 * reference to one named before ("the former"); all but a part judge
 * it as named. */
enum { TAG_NAMED_PART, TAG_NAMED_ALIAS, TAG_NAMED_REF };

/* One claim being tagged: its context and what the steps pass on. */
typedef struct tag_ctx {
    tagger *tg;
    const tag_input *in;
    tag_result *r;
    size_t nh;                        /* tg->hits of the claim, with the cues inside phrase cues */
    int col[TAG_MAX];                 /* subjects of the column header */
    size_t ncol;
    const int *sec;                   /* subjects of the section heading */
    size_t nsec;
    int rowd[TAG_MAX];                /* dimensions of the row header */
    size_t nrowd;
    int cold[TAG_MAX];                /* ... of the column header */
    size_t ncold;
    const int *secd;                  /* ... of the section heading */
    size_t nsecd;
    int bias;                         /* polarity an evaluative row label or a recommendation gives */
    int choice;                       /* a recommendation: "Data analytics -> Python" */
    int last_named;                   /* the one subject the claim before named, or -1 */
    stance_mention ment[TAG_MAX_HITS];/* the subjects and parts named, in order */
    int ment_named[TAG_MAX_HITS];     /* ... each how: TAG_NAMED_* */
    size_t nment;
} tag_ctx;

static inline int tag_has(const int *v, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x) return 1;
    return 0;
}

/* Is there a punctuation mark from set between tokens k-1 and k? */
static inline int tag_punct_before(const tagger *tg, size_t k, const char *set)
{
    return tax_tok_punct_before(tg->toks, k, set);
}

/* A word that opens a contrasting clause (as in stance.h). */
static inline int tag_is_contrast(const tagger *tg, const tax_tok *t)
{
    return words_is(tg->w, WR_CLAUSE_CONTRAST, t);
}

/* tag_tok.c: normalize text and split it into tg->toks; with_map, tg->map
 * gets the offset map. */
int tag_tokenize(tagger *tg, const char *text, size_t len, int with_map, char **err);

/* tag_subj.c */
void tag_subjects(tag_ctx *c);
/* Subjects a heading is about: those it names, except the base of a
 * one-sided comparison ("Advantages of X over Y" is about X). */
size_t tag_heading_subjects(tagger *tg, const char *text, size_t len, int *out, size_t max);
/* Does the claim say "both" or "all" (of the subjects)? */
int tag_says_all(const tagger *tg);

/* tag_dims.c */
void tag_dimensions(tag_ctx *c);
/* Dimensions a heading-like text names (heading words and cues). */
size_t tag_heading_dims(tagger *tg, const char *text, size_t len, int *out, size_t max);
/* Do tokens [start, end) speak of some aspect on their own: a strong
 * cue, or two weak ones, for one dimension?  (hits: the first nh) */
int tag_span_topic(const tagger *tg, size_t nh, size_t start, size_t end);
/* The length in tokens of a leading label ("Community & Support: X has
 * ...", "Speed: ..."): at most four tokens before a colon; 0 if none. */
size_t tag_label_len(const tagger *tg);

/* tag_qty.c */
void tag_quantities(tag_ctx *c);

/* tag_stance.c */
void tag_judge(tag_ctx *c);

#endif
