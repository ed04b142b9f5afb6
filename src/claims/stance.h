/*
 * stance.h - which way a claim leans on each subject it speaks of.
 *
 * Polarity comes from an evaluative lexicon (schema/stance.tsv): each
 * clause (split at contrast words and semicolons) sums its positive and
 * negative words, a negator within three words before a word flips it
 * ("does not support", "not ideal", "less suitable"), and the sign is
 * the clause's polarity for the subjects it names (or, when it names
 * none, the claim's subjects).  Comparatives ("faster", "steeper",
 * "beats") give direction: "X is faster than Y" makes X +, Y - and each
 * the other's `versus`; an equative of class `equal` ("X does not
 * match Y": X -, Y +; "X rivals Y": X +, Y 0) does too; so do "unlike Y", "compared to/with Y", "as
 * fast as Y", "loses to Y", "outperforms Y", and "X over Y" (where Y is
 * only the versus).  With no such base, the versus is the other subject
 * under comparison when there is exactly one.  Mixed words with a zero
 * sum, or an even-handed word ("moderate", class `mixed`), give polarity
 * 0; a clause with no evaluative word gives nothing.  A clause opened by
 * a contrast word ("Although X is slow, it ...") ends at its first
 * comma; a clause that names no subject but has a pronoun ("it") judges
 * the subject of the clause before it.  "X vs Y" and "between X and Y"
 * name the comparison, not a subject judged: those mentions are left
 * out, and a clause naming subjects only so judges none.
 *
 * With no evaluative word, a clause still judges when it states
 * abundance ("Hundreds of plugins exist": +, class `abundance`) or a
 * negated action ("X did not enforce ...", "cannot run ...": -).  A
 * word followed by a figure ("allows 100 connections") states a
 * quantity, not a verdict.  A claim opening with a reason ("Since X
 * is ..., ", class `reason`) or a condition ("If you do not know X,
 * ...", the same class), also after a connective and its comma
 * ("Therefore, if ..."), has that clause end at its first comma and
 * judge nothing: it explains or conditions the verdict that follows.  A claim
 * opening with advice to the reader ("Stay updated on ...", class
 * `advice`) judges nothing.  Also with no evaluative word: breadth (one
 * subject serving several places: "share the same code", "works
 * across platforms", "both A and B"; class `breadth`) and adoption
 * ("most"/"the majority"/50% or more of a group, or named adopters --
 * "companies like A and B" -- "use" or "rely on" the subject) give +, a negated copula ("is not thread-safe", not "is not
 * only/just") gives -.  An evaluative word between "for/on/in/at" and
 * its noun ("strong on complex queries") describes the task, not the
 * subject, and counts for nothing.  "depends on" is even-handed
 * (`mixed`).  A clause opened by "but" or "yet" does not end at its
 * first comma.  A comma (and "and") before a subject's name opens that
 * subject's own clause when the clause before names another, not as a
 * comparison's base ("X is great for A, and Y is poor for B"); with no
 * evaluative word it says what the clause before says, its verb left
 * out ("X is ideal for A, Y for B").
 *
 * Also with no evaluative word: effort left to the user ("you manage
 * versions, environments ...", "also needs migrations"; class
 * `effort`) gives -, and breadth that is missed ("instead of sharing",
 * "rather than sharing") gives - too.  "larger"/"bigger"/"greater"/
 * "wider" next to a thing where more is better (class `size`: "a
 * larger community") is a comparative, "smaller"/"fewer"/"narrower" a
 * comparative the other way ("a smaller developer pool").  "in X's favour", "in favour of
 * X" and "favours X" judge X + and, when exactly one other subject is
 * compared, that one -.  "non" negates only the word it is attached to
 * ("non-blocking"), and "it"/"its" stands for the first subject of the
 * clause before ("they"/"their" for all of them).
 */
#ifndef KB_STANCE_H
#define KB_STANCE_H

#include <stddef.h>

#include "taxonomy.h"
#include "words.h"

typedef struct stance_lex stance_lex;

/* Load the lexicon tsv[0..len) (schema/stance.tsv's format).  words:
 * the function words the judge reads (comparison bases, negated
 * actions, pronouns ...), borrowed: it must outlive the lexicon. */
int stance_load(const char *tsv, size_t len, const words_lex *words, stance_lex **out, char **err);
void stance_free(stance_lex *s);

typedef struct stance_out {
    int subject;
    int polarity;   /* -1, 0, +1 */
    int versus;     /* subject index or -1 */
} stance_out;

/* A subject mention: its subject and token position. */
typedef struct stance_mention {
    int subject;
    size_t tok, tok_end;   /* the name's tokens [tok, tok_end) */
} stance_mention;

/* One claim to judge.  toks: its normalized tokens; mentions: the
 * subjects named, in token order; fallback: the claim's subjects when a
 * clause names none; compared: the subjects under comparison (a
 * comparative with no "than" points at the one of them not judged; none
 * when several remain); bias: the polarity a clause with no evaluative
 * word takes from its context (an evaluative row label, a
 * recommendation arrow), 0 for none; choice: the claim recommends one
 * subject over the others (it compares, as a comparative does).  All
 * borrowed for the call. */
typedef struct stance_input {
    const tax_tok *toks;
    size_t ntok;
    const stance_mention *mentions;
    size_t nment;
    const int *fallback;
    size_t nfallback;
    const int *compared;
    size_t ncompared;
    int bias;
    int choice;
} stance_input;

/* Judge one claim.  Writes at most max results (one per subject,
 * merged over clauses) and returns their count. */
size_t stance_judge(const stance_lex *s, const stance_input *in, stance_out *out, size_t max);

/* One clause's judgement of one subject: stance_judge before merging
 * over clauses, with the clause's token span [tok, tok_end). */
typedef struct stance_clause {
    int subject;
    int polarity;
    int versus;
    size_t tok, tok_end;
    int elided;      /* STANCE_ELIDED: its verb phrase or object left out
                      * ("..., but Y does not", "which Y lacks"): it
                      * speaks of what the clause before speaks of;
                      * STANCE_CONTRASTED: a contrast of another subject
                      * ("..., whereas Y struggles"): so does it when it
                      * names nothing itself; else 0 */
} stance_clause;

enum { STANCE_ELIDED = 1, STANCE_CONTRASTED = 2 };

/* As stance_judge, but one result per clause and subject (a subject
 * judged in two clauses appears twice), in clause order.  Writes at
 * most max and returns the count found (which may exceed max). */
size_t stance_judge_clauses(const stance_lex *s, const stance_input *in, stance_clause *out, size_t max);

/* Mark in eval[0..ntok) the tokens that are evaluative words (classes
 * positive, negative, equal): 1; even-handed ones (class mixed: "no
 * clear winner"): STANCE_MARK_EVEN; comparatives (better, worse, and
 * "larger"/"smaller" before a thing where more is better):
 * STANCE_MARK_COMPARATIVE; else 0.  Returns 1 when the claim speaks of
 * the article itself ("In this post, we will compare ...": class meta),
 * which then judges nothing. */
#define STANCE_MARK_COMPARATIVE 2
#define STANCE_MARK_EVEN 3
int stance_marks(const stance_lex *s, const tax_tok *toks, size_t ntok, unsigned char *eval);

/* The polarity of a short label (a table row header such as "Best for"
 * or "Cons"): the sign of its evaluative words, 0 if none. */
int stance_label(const stance_lex *s, const tax_tok *toks, size_t ntok);

/* Does toks[0..ntok) name a thing where less is better (class cost:
 * "memory usage", "latency")? */
int stance_is_cost(const stance_lex *s, const tax_tok *toks, size_t ntok);

#endif
