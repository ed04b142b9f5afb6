/*
 * stance_int.h - what the stance judge's files share (not part of the
 * API: see stance.h).
 *
 * A claim is judged in steps, one file each: stance.c matches the
 * lexicon and walks the claim's clauses; stance_bounds.c says where a
 * clause ends and what a clause that leaves its verb phrase out takes
 * from the one before; stance_clause.c what a clause's words say
 * (stance_verdict), stance_size.c what its sizes and amounts say;
 * stance_subj.c whom the verdict is about, and writes the clause's
 * judgements.
 */
#ifndef KB_STANCE_INT_H
#define KB_STANCE_INT_H

#include <string.h>

#include "stance.h"
#include "words.h"

/* The lexicon's word classes (schema/stance.tsv), in stance_classes
 * order. */
enum {
    SL_POSITIVE,
    SL_NEGATIVE,
    SL_BETTER,
    SL_WORSE,
    SL_NEGATOR,
    SL_CONTRAST,
    SL_MIXED,
    SL_ABUNDANCE,
    SL_REASON,
    SL_ADVICE,
    SL_BREADTH,
    SL_EFFORT,
    SL_SIZE,
    SL_EQUAL,
    SL_COST,
    SL_META,
    SL_NEUTRAL,
    SL_COUNT
};

struct stance_lex {
    taxonomy *t;         /* the classes as a taxonomy's dimensions */
    int cls[SL_COUNT];   /* the taxonomy dimension index of each class */
    const words_lex *w;  /* the function words, borrowed */
};

/* stance_clause.c: the class (SL_*) of lexicon dimension dim, or -1. */
int stance_class_of(const stance_lex *s, int dim);

/* Lexicon hits and mentions a claim keeps; subjects a clause judges. */
#define STANCE_MAX_HITS 64
#define STANCE_MAX_SUBJ 8

/* One claim being judged: its tokens and lexicon hits, the mentions
 * kept, what carries from clause to clause, and the results. */
typedef struct stance_ctx {
    const stance_lex *s;
    const words_lex *w;
    const stance_input *in;
    const tax_tok *toks;
    size_t ntok;
    tax_hit hits[STANCE_MAX_HITS];
    size_t nh;
    size_t h;                              /* the first hit of the clause being read */
    stance_mention ment[STANCE_MAX_HITS];  /* mentions but those naming the comparison */
    size_t nment;
    size_t topic[STANCE_MAX_HITS];         /* the tokens of those that do ("X vs Y") */
    size_t ntopic;
    int prev_main[STANCE_MAX_SUBJ];        /* what the last clause naming subjects named */
    size_t nprev_main;
    int prev_base[STANCE_MAX_SUBJ];        /* ... and what it compared them with */
    size_t nprev_base;
    stance_clause *out;
    size_t nout, max;
} stance_ctx;

/* What one clause's words say. */
typedef struct stance_verdict {
    size_t cs, end;       /* the clause: tokens [cs, end) */
    int evaluative;       /* it judges */
    int score;            /* its signs summed: the polarity's sign */
    int comparative;      /* it compares (a comparative, a recommendation) */
    int cmp_sign;         /* the last comparative's sign, 0 for none */
    int equal;            /* an equative that holds ("X matches Y") */
    size_t cmp_end;       /* the token after its first comparative, or -1 */
    int elided;           /* STANCE_ELIDED, STANCE_CONTRASTED or 0 (stance_elided) */
} stance_verdict;

/* A comma (or colon) between token k-1 and token k. */
static inline int stance_comma_before(const tax_tok *toks, size_t k)
{
    return tax_tok_punct_before(toks, k, ",:");
}

/* stance_clause.c: "more straightforward", "less intuitive": is a
 * degree word right before the evaluative word at token k (not before
 * from), itself not after one of degree_not ("no more bloat", "more and
 * more popular")?  The two are a comparative. */
int stance_degree_before(const words_lex *w, const tax_tok *toks, size_t from, size_t k);

/* stance_bounds.c: does the clause that began at cs end before token
 * end? */
int stance_clause_ends(const stance_ctx *c, size_t cs, size_t end);
/* Is hit k a reason or condition word opening the claim ("Because
 * ...", "If ...", also after a connective: "Therefore, if ...")? */
int stance_is_reason(const stance_ctx *c, size_t k);
/* Does a comma before token end open another subject's own clause
 * ("X suits A, and Y suits B", "Use X for A, Y for B"): the clause
 * [cs, end) names another subject, not as a comparison's base, and
 * not this one, or names no one after a clause about another ("X is
 * fast but unstable, and Y is stable")? */
int stance_parallel_opens(const stance_ctx *c, size_t cs, size_t end);
/* Does v, a clause whose verb phrase is left out ("..., but Y does
 * not", "and Y does too", "so does Y"), say of its subject what the
 * evaluative clause prev before it says of another?  Then v takes prev's
 * verdict, the same when both or neither are negated, else the
 * opposite, and is marked STANCE_ELIDED; an object relative ("which Y
 * lacks") and a contrast naming another subject ("whereas Y
 * struggles") keep their own verdict, marked STANCE_ELIDED and
 * STANCE_CONTRASTED.  After a clause that judges nothing ("X is open
 * source, Y is not") v keeps its own reading, marked STANCE_ELIDED: it
 * speaks of what that clause speaks of. */
void stance_elided(const stance_ctx *c, const stance_verdict *prev, stance_verdict *v);
/* stance_clause.c: what a clause's words say; it reads c->h on from
 * the clause's first hit and leaves it at the next clause's. */
void stance_score(stance_ctx *c, size_t cs, size_t end, stance_verdict *v);
/* The negator nearest before token t in v's clause, within three
 * tokens of it, that negates what is at t (of sign `sign`, 0: a
 * negator), or NULL. */
const tax_hit *stance_negator_before(const stance_ctx *c, const stance_verdict *v, size_t t, int sign);
/* stance_size.c: "a larger community", "its user base is much bigger
 * than Y's", "very low latency", "no downtime", "reduces latency": the
 * clause's sizes added to v; h0: the clause's first hit. */
void stance_score_size(const stance_ctx *c, stance_verdict *v, size_t h0);
/* "X has more plugins than Y", "X offers fewer integrations than Y": a
 * verb of having, an amount comparative and, within four plain words,
 * "than": more of a thing is better, of a cost worse (an evaluative
 * word between judges the thing itself: "fewer memory leaks than Y"). */
void stance_score_amount(const stance_ctx *c, stance_verdict *v, size_t h0);
/* A negated action in [cs, end): -1 ("does not support", "cannot"),
 * +1 for a need denied ("does not need root"), 0 for none. */
int stance_negated_action(const words_lex *w, const tax_tok *toks, size_t cs, size_t end);

/* stance_subj.c: keep the mentions that name a subject judged (not "X
 * vs Y", "between X and Y"); then, for each clause, judge the subjects
 * its verdict is about. */
void stance_topics(stance_ctx *c);
void stance_judge_clause(stance_ctx *c, const stance_verdict *v);

#endif
