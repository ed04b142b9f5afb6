/*
 * stance_bounds.c - where a clause ends, and what a clause that leaves
 * its verb phrase out takes from the one before (see stance.h for the
 * rules, stance_int.h for how the judge is divided).
 *
 * A clause ends before a contrast or fronted reason word, at a
 * semicolon or a colon before a subject's name, before a judgement the
 * other way of an infinitive right after a comma, (opened by a contrast
 * or reason word) at its first comma, where another subject's own
 * clause opens after a comma, before an object relative of a subject
 * the clause does not name ("..., which Y lacks"), and before "like Y
 * does" closing the claim.
 */
#include "stance_int.h"

#include <string.h>

#include "words.h"

/* Does the claim open with one word and a comma ("However,",
 * "Therefore,"): a connective before what the claim says? */
static int stance_lead_word(const stance_ctx *c)
{
    if (c->ntok < 2) return 0;
    const char *p = c->toks[0].s + c->toks[0].n;
    while (p < c->toks[1].s && *p == ' ') p++;
    return p < c->toks[1].s && *p == ',';
}

/* A reason or condition word opening the claim at hit k: "Because
 * ...", "Due to ...", "Since ..." (but not a date's "Since 1995"), "If
 * ...", also after a connective ("Therefore, if ..."). */
int stance_is_reason(const stance_ctx *c, size_t k)
{
    /* only a fronted reason ("Since X is ..., Y ..."): one after the
     * verdict ("X is easy because its syntax is simple") carries the
     * same judgement and stays in its clause */
    const tax_hit *h = &c->hits[k];
    const tax_tok *toks = c->toks;
    if (!(h->tok == 0 || (h->tok == 1 && stance_lead_word(c))) || stance_class_of(c->s, h->index) != SL_REASON)
        return 0;
    size_t e = h->tok_end;
    if (words_is(c->w, WR_DATE_SINCE, &toks[h->tok]) && e < c->ntok && toks[e].n && toks[e].s[0] >= '0' &&
        toks[e].s[0] <= '9')
        return 0;
    return 1;
}

int stance_parallel_opens(const stance_ctx *c, size_t cs, size_t end)
{
    if (end >= c->ntok || end < cs + 2 || !tax_tok_punct_before(c->toks, end, ",")) return 0;
    size_t k = end + words_is(c->w, WR_AND, &c->toks[end]);
    int next = -1, other = 0;
    for (size_t i = 0; i < c->nment; i++)
        if (c->ment[i].tok == k) next = c->ment[i].subject;
    if (next < 0) return 0;
    int named = 0;
    for (size_t i = 0; i < c->nment; i++) {
        const stance_mention *m = &c->ment[i];
        if (m->tok < cs || m->tok >= end) continue;
        int base = words_is_base(c->w, c->toks, m->tok);
        named = 1;
        /* "X is slower than Y, and the latter is ...": Y only compared */
        if (m->subject == next && !base) return 0;
        other |= !base;
    }
    if (named && end < cs + 3) return 0;
    /* a clause naming no one goes on about a subject named before it
     * ("X is fast but unstable, and Y is stable") */
    for (size_t i = 0; i < c->nment && !named && !other && c->ment[i].tok < cs; i++)
        other = c->ment[i].subject != next && !words_is_base(c->w, c->toks, c->ment[i].tok);
    return other;
}

/* The tokens of the subject's name that starts at token k, 0 for none. */
static size_t stance_name_at(const stance_ctx *c, size_t k)
{
    for (size_t i = 0; i < c->nment; i++)
        if (c->ment[i].tok == k) return c->ment[i].tok_end > k ? c->ment[i].tok_end - k : 1;
    return 0;
}

/* Do the tokens from k on close the claim as "like Y does" ("as Y
 * does", "like Y can't"): the word, a subject's name and auxiliaries
 * only? */
static int stance_like_tail(const stance_ctx *c, size_t k)
{
    if (k >= c->ntok || !words_is(c->w, WR_ELIDED_LIKE, &c->toks[k])) return 0;
    size_t n = stance_name_at(c, k + 1), aux = 0;
    if (!n) return 0;
    for (k += 1 + n; k < c->ntok; k += n, aux++)
        if (!(n = words_at(c->w, WR_NEGATED_ACTION, c->toks, c->ntok, k)) &&
            !(n = words_at(c->w, WR_AUXILIARY, c->toks, c->ntok, k)))
            return 0;
    return aux > 0;
}

/* Does token k open an object relative whose subject is named: "which
 * Y does not", "a feature that Y lacks"? */
static int stance_relative_at(const stance_ctx *c, size_t k)
{
    return k + 1 < c->ntok && words_is(c->w, WR_RELATIVE, &c->toks[k]) && stance_name_at(c, k + 1);
}

/* Does token end open an object relative of a subject the clause [cs,
 * end) does not name ("X supports A, which Y does not")? */
static int stance_relative_of_other(const stance_ctx *c, size_t cs, size_t end)
{
    if (!stance_relative_at(c, end)) return 0;
    for (size_t i = 0; i < c->nment; i++) {
        if (c->ment[i].tok != end + 1) continue;
        for (size_t j = 0; j < c->nment; j++)
            if (c->ment[j].tok >= cs && c->ment[j].tok < end && c->ment[j].subject == c->ment[i].subject) return 0;
    }
    return 1;
}

/* Is a subject named in tokens [a, b)? */
static int stance_named_within_clause(const stance_ctx *c, size_t a, size_t b)
{
    for (size_t i = 0; i < c->nment; i++)
        if (c->ment[i].tok >= a && c->ment[i].tok < b) return 1;
    return 0;
}

void stance_elided(const stance_ctx *c, const stance_verdict *prev, stance_verdict *v)
{
    const words_lex *w = c->w;
    const tax_tok *toks = c->toks;
    int judged = prev->evaluative && !prev->comparative && prev->score;
    size_t names = 0, aux = 0, k = v->cs;
    int neg = 0;
    /* an object relative of another subject ("..., which Y lacks"): its
     * object is what the clause before speaks of */
    if (judged && stance_relative_at(c, k) && v->evaluative) v->elided = STANCE_ELIDED;
    /* a contrast that names another subject ("..., whereas Y
     * struggles"): what it judges, with no aspect of its own, is what
     * the clause before speaks of */
    if (judged && v->evaluative && k < v->end && words_is(w, WR_CLAUSE_CONTRAST, &toks[k]))
        for (size_t i = 0; i < c->nment; i++) {
            const stance_mention *m = &c->ment[i];
            int before = 0;
            for (size_t j = 0; j < c->nprev_main; j++) before |= c->prev_main[j] == m->subject;
            if (m->tok > k && m->tok < v->end && !before) v->elided = STANCE_CONTRASTED;
        }
    /* "X is great for A but not for B": the judgement before, denied
     * where this clause says (its own words, no verdict of its own) */
    if (judged && !v->evaluative && k + 2 < v->end && words_is(w, WR_CLAUSE_CONTRAST, &toks[k]) &&
        words_is(w, WR_SIZE_NEGATOR, &toks[k + 1]) && !stance_named_within_clause(c, k, v->end)) {
        v->evaluative = 1;
        v->score = -prev->score;
        v->elided = STANCE_CONTRASTED;
        return;
    }
    /* an opening contrast, "and", "which", "like" (closing the claim)
     * or "so"/"neither"/"nor" */
    if (k < v->end && (words_is(w, WR_CLAUSE_CONTRAST, &toks[k]) || words_is(w, WR_AND, &toks[k]) ||
                       words_is(w, WR_RELATIVE, &toks[k]) || stance_like_tail(c, k)))
        k++;
    if (k < v->end && words_is(w, WR_ELIDED_LEAD, &toks[k])) {
        neg = words_is(w, WR_NEITHER, &toks[k]);
        k++;
    }
    while (k < v->end) {
        size_t n = stance_name_at(c, k);
        if (n) names++;
        else if ((n = words_at(w, WR_NEGATED_ACTION, toks, v->end, k)) ||
                 (n = words_at(w, WR_NEGATED_COPULA, toks, v->end, k)))
            neg = 1, aux++;
        else if ((n = words_at(w, WR_AUXILIARY, toks, v->end, k))) aux++;
        else if (!aux || !(n = words_at(w, WR_ELIDED_TAIL, toks, v->end, k))) return; /* "Y does too" */
        k += n;
    }
    if (names != 1 || !aux) return;
    /* after a clause that judges nothing ("X is open source, Y is
     * not"), the clause keeps its own reading and speaks of the same */
    v->elided = STANCE_ELIDED;
    if (!judged) return;
    int prev_neg = stance_negated_action(w, toks, prev->cs, prev->end) != 0;
    v->evaluative = 1;
    v->comparative = 0;
    v->score = neg == prev_neg ? prev->score : -prev->score;
    v->elided = STANCE_ELIDED;
}

/* Does hit k open a clause: a contrast word, or a fronted reason? */
static int stance_opens(const stance_ctx *c, size_t k)
{
    return stance_class_of(c->s, c->hits[k].index) == SL_CONTRAST || stance_is_reason(c, k);
}

/* The sign of a plain evaluative hit (positive +1, negative -1), else
 * 0. */
static int stance_plain_sign(const stance_ctx *c, size_t k)
{
    int cls = stance_class_of(c->s, c->hits[k].index);
    return cls == SL_POSITIVE ? 1 : cls == SL_NEGATIVE ? -1 : 0;
}

/* Does a judgement the other way of an infinitive open right after a
 * comma, with no word between ("easy to learn, hard to master", "fast,
 * slow to compile though")?  Two predicates of one subject set side by
 * side, on two things: each is a clause of its own, so neither cancels
 * the other.  The clause before must open its judgement plainly, no
 * negator first; a list of judgements ("stable, slow and verbose")
 * stays one clause. */
static int stance_opposite_after_comma(const stance_ctx *c, size_t cs, size_t end)
{
    if (!stance_comma_before(c->toks, end)) return 0;
    int before = 0, after = 0;
    for (size_t k = c->h; k < c->nh && c->hits[k].tok <= end; k++) {
        size_t t = c->hits[k].tok;
        if (t < cs) continue;
        if (t == end) {
            size_t e = c->hits[k].tok_end;
            /* "to" of the infinitive, as prop_judges_infinitive reads it */
            if (e < c->ntok && words_is(c->w, WR_BASE_AFTER_COMPARATIVE, &c->toks[e])) after = stance_plain_sign(c, k);
        }
        else if (!before) {
            if (stance_class_of(c->s, c->hits[k].index) == SL_NEGATOR) return 0;
            before = stance_plain_sign(c, k);
        }
    }
    return before && after && before != after;
}

int stance_clause_ends(const stance_ctx *c, size_t cs, size_t end)
{
    const tax_tok *toks = c->toks;
    if (end == c->ntok) return 1;
    /* a clause ends before a contrast word or at a semicolon; not one
     * set off after the subject's name alone ("Y, on the other hand,
     * is simpler"), which goes on to its own verb */
    int name_alone = stance_name_at(c, cs) == end - cs && stance_comma_before(toks, end);
    for (size_t k = c->h; k < c->nh && c->hits[k].tok <= end && !name_alone; k++)
        if (c->hits[k].tok == end && stance_opens(c, k)) return 1;
    const char *a = toks[end - 1].s + toks[end - 1].n, *b = toks[end].s;
    if (memchr(a, ';', (size_t)(b - a))) return 1;
    /* ... or at a colon between two subjects' own clauses ("X and Y
     * differ: X is ..., Y is ..."); not one a list follows ("X has two
     * strengths: A and B"), nor a label's ("Community: X has ...") */
    if (memchr(a, ':', (size_t)(b - a)) && (stance_name_at(c, end) || (end + 1 < c->ntok && stance_name_at(c, end + 1))))
        for (size_t i = 0; i < c->nment; i++)
            if (c->ment[i].tok >= cs && c->ment[i].tok < end) return 1;
    if (stance_parallel_opens(c, cs, end)) return 1;
    if (stance_relative_of_other(c, cs, end)) return 1;
    if (stance_opposite_after_comma(c, cs, end)) return 1;
    if (stance_like_tail(c, end)) return 1;
    /* a claim opened by a contrast word ("Although X is slow, it ...")
     * ends that clause at its first comma; one joined by "but" or "yet",
     * or by any contrast word inside the claim, runs on ("..., but pulled
     * ahead on X, where it ...", "..., while Y supports A, B, and C") */
    if (!stance_comma_before(toks, end) || words_is(c->w, WR_CONTRAST_RUNS_ON, &toks[cs])) return 0;
    /* so does one fronted after "and" or "but" ("..., and while it
     * only ships a Java client, there is a growing catalog ...") */
    int fronted = cs > 0 && (words_is(c->w, WR_AND, &toks[cs - 1]) || words_is(c->w, WR_TURN, &toks[cs - 1]));
    if (cs > 0 && !(cs == 1 && stance_lead_word(c)) && !fronted) return 0;
    for (size_t k = 0; k < c->nh && c->hits[k].tok <= cs; k++)
        if (c->hits[k].tok == cs && stance_opens(c, k)) {
            for (size_t j = cs + 1; j < end; j++)
                if (stance_comma_before(toks, j)) return 0; /* not its first comma */
            return 1;
        }
    return 0;
}
