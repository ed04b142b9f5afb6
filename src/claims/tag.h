/*
 * tag.h - tagging one claim: its subjects, dimensions, quantities (with
 * measure and subject) and stances, from the taxonomy (taxonomy.h), the
 * quantity scanner (qty.h) and the stance lexicon (stance.h).
 *
 * Subjects: named (an alias) or brought by a part ("PyPI" -> Python);
 * a table cell always has its column's; when the claim names none, or
 * names only the base of a comparison ("it is slower than Y"): carried
 * from the previous claim if it opens with It/Its/This/That/These/They
 * (or has "it" before the comparison), else from its section heading,
 * where "Advantages of X over Y" / "X compared to Y" gives X only --
 * but under a heading on several ("X vs Y"), a claim that says neither
 * "both" nor "all" goes on about the one subject the claim before it
 * named (not one only a part brought), or the one the last claim of
 * the section that named any named ("For X projects, the host ... /
 * Every push triggers a redeploy. / The service includes a CDN").  A
 * part holds a stance only when the claim has no other subject.  Dimensions: cue words in the claim (weight 1
 * each), the table row header (2) and the nearest heading naming a
 * dimension (0.75; not lent to a claim each of whose clauses has a
 * strong cue, or two weak ones, for another dimension, unless it cues
 * the heading's too); a dimension is kept at weight 0.75 or more and its
 * score is weight / (weight + 1).  In a table cell whose row names a
 * dimension, another dimension needs weight 2 (two cues of its own).
 * After an evaluative list label ("Pros: ...", "Cons: ...",
 * "Strengths: ..."; at most two words, a polarity, no dimension cue,
 * then a comma-separated list) a weak cue opening an item ("Fast I/O",
 * "microservices-friendly") counts as a full cue.
 * Each distinct cue counts once; a phrase cue does not hide a strong
 * cue of another dimension modifying its head ("thousands of
 * simultaneous connections": scale and concurrency; "machine learning"
 * is no learning).  A quantity's measure comes from its
 * unit words (a rate naming no thing counted, "100k/sec": the
 * taxonomy's one measure of things per that time, data sizes apart), or
 * its shape (percent, year, version, duration) with the claim's context
 * words; its subject is the nearest subject named
 * before it, else after it, else the claim's only subject.  Stance is
 * judged per clause (stance.h) and per dimension: a clause's judgement
 * applies to the dimensions cued in it, to the main ones (weight 1 or
 * more, or the strongest) no other clause cues, and to those only the
 * context brings; a clause reaching none of these applies to all main
 * ones.  A clause's judgement skips a dimension cued only after
 * "depends on" or a means ("using", "through", "via"; not inside a
 * relative clause) when another is cued before it, and one cued only
 * in a purpose phrase ("the most popular tools for web development":
 * "for" after a word that is not evaluative) when another has a strong
 * cue before it between the same commas.  A dimension cued only in a
 * cause phrase ("because of its ...", "from its ...") is not judged
 * when the claim names another as the subject's own aspect ("X
 * scalability is strong because of its event loop").  A leading label
 * ("Community & Support: ...") naming dimensions makes the claim
 * judge those only, in every clause.  A dimension cued only by facts
 * of origin (a participle such as "created by ..."/"introduced in
 * 1991"/"have been created", "its release"/"its history", an age
 * "ten years after", a lineage "evolved from") is dated, not judged.  A claim whose only subjects are several inherited from a
 * heading ("X vs Y") gets no stance unless it says "both" or "all".
 * A claim with no subject at all that opens on "Both"/"All" (not "Both
 * A and B") takes both subjects of a two-subject domain (how "both").
 */
#ifndef KB_TAG_H
#define KB_TAG_H

#include <stddef.h>

#include "qty.h"
#include "stance.h"
#include "taxonomy.h"
#include "words.h"

/* A claim keeps at most TAG_MAX subjects, dimensions (the first in
 * taxonomy order) and quantities, and twice as many stances and clause
 * judgements: a bound on one sentence, not on the taxonomy, which may
 * have any number of dimensions. */
#define TAG_MAX 16

typedef struct tag_input {
    const char *text;        /* the claim's original text */
    size_t len;
    const char *section;     /* heading path "A > B", or NULL */
    const char *row_header;  /* table context, or NULL */
    const char *col_header;
    const int *prev;         /* subjects of the previous claim (for It/Its) */
    size_t nprev;
} tag_input;

/* How a claim came by a subject (the rules above); tag_how_name gives
 * the name the store keeps: "named", "part", "carried", "column",
 * "heading", "both". */
typedef enum tag_how {
    TAG_NAMED,      /* an alias of the subject in the claim */
    TAG_PART,       /* a part of the subject in the claim */
    TAG_CARRIED,    /* from the claim before ("It ...") */
    TAG_COLUMN,     /* a table cell's column header */
    TAG_HEADING,    /* the section heading */
    TAG_BOTH,       /* "Both ..." in a two-subject domain */
    TAG_HOW_COUNT
} tag_how;
const char *tag_how_name(tag_how h);

typedef struct tag_subject {
    int subject;
    tag_how how;
} tag_subject;

typedef struct tag_dim {
    int dim;
    double score;
} tag_dim;

typedef struct tag_qty {
    qty q;
    int measure;             /* taxonomy measure, or -1 */
    int subject;             /* or -1 */
} tag_qty;

typedef struct tag_stance {
    int subject, dim, polarity, versus;
} tag_stance;

typedef struct tag_result {
    tag_subject subj[TAG_MAX];
    size_t nsubj;
    tag_dim dims[TAG_MAX];
    size_t ndims;
    tag_qty qty[TAG_MAX];
    size_t nqty;
    tag_stance st[2 * TAG_MAX];
    size_t nst;
    /* each clause's judgement of each subject (stance.h), in clause
     * order: filled when the claim has a dimension, or always once
     * tag_want_clauses is on */
    stance_clause clauses[2 * TAG_MAX];
    size_t nclauses;
    /* the claim asks ("Why would you use X over Y?"): it asserts
     * nothing, so it judges no one */
    int asks;
} tag_result;

typedef struct tagger tagger;

/* The tagger borrows tax, lex and words, the function words it reads
 * (they must outlive it). */
tagger *tag_new(const taxonomy *tax, const stance_lex *lex, const words_lex *words);
void tag_free(tagger *tg);

/* Tag one claim.  Fails only on text that is not UTF-8. */
int tag_claim(tagger *tg, const tag_input *in, tag_result *out, char **err);

/* Judge the clauses of claims that have no dimension too (for
 * propositions, prop.h); the stored tags do not change. */
void tag_want_clauses(tagger *tg, int on);

/* What the last tag_claim worked on, valid until the next call: the
 * claim's normalized tokens (norm: their text; map: the byte offset in
 * the claim of each byte of norm) and the taxonomy's subject, part and
 * dimension matches over them. */
const tax_tok *tag_tokens(const tagger *tg, size_t *n, const char **norm, const size_t **map);
const tax_hit *tag_hits(const tagger *tg, size_t *n);

/* Subjects named in a short text such as a heading (no inheritance):
 * writes at most max subject indexes, returns how many. */
size_t tag_subjects_in(tagger *tg, const char *text, size_t len, int *out, size_t max);

#endif
