/*
 * stance_subj.c - whom a clause's verdict is about, and its judgements
 * (see stance.h for the rules, stance_int.h for how the judge is
 * divided).
 *
 * A clause judges the subjects it names outside the base of a
 * comparison ("than Y", "unlike Y", "X over Y"); with none of its own,
 * those a pronoun stands for, else the claim's.  The base is judged the
 * other way, and each side is the other's versus.
 */
#include "stance_int.h"

#include <string.h>

#include "words.h"

static int stance_mentioned_at(const stance_mention *ment, size_t nment, size_t tok)
{
    for (size_t i = 0; i < nment; i++)
        if (ment[i].tok == tok) return 1;
    return 0;
}


/* How a base is compared with. */
typedef enum stance_base_kind {
    SB_COMPARED,   /* "faster than Y": the base takes the other way */
    SB_ONESIDED,   /* "X over Y": the base is not judged */
    SB_EQUATIVE    /* "as fast as Y": the base has it too, so an equal
                    * standing judges it not at all ("not as fast as Y"
                    * still puts it ahead) */
} stance_base_kind;

/* Is a subject named in [a, b)? */
static int stance_named_within(const stance_mention *ment, size_t nment, size_t a, size_t b)
{
    for (size_t i = 0; i < nment; i++)
        if (ment[i].tok >= a && ment[i].tok < b) return 1;
    return 0;
}

/* A subject pronoun ("it", "they") among tokens [a, b)? */
static int stance_pronoun_within(const words_lex *w, const tax_tok *toks, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (words_is(w, WR_SUBJECT_PRONOUN, &toks[k])) return 1;
    return 0;
}

/* The first token of a subject named as an owner within eight words
 * after token k, before a comma and the clause's end: "of Y" or "Y's";
 * 0 for none. */
static size_t stance_owner_after(const words_lex *w, const tax_tok *toks, size_t end, const stance_mention *ment,
                                 size_t nment, size_t k)
{
    for (size_t i = 0; i < nment; i++) {
        size_t t = ment[i].tok, e = ment[i].tok_end;
        if (t <= k || t > k + 8 || t >= end) continue;
        for (size_t j = k + 1; j <= t; j++)
            if (stance_comma_before(toks, j)) return 0;
        if (words_is(w, WR_OF, &toks[t - 1])) return t;
        if (e < end && tax_tok_possessive(toks, e)) return t;
    }
    return 0;
}

/* The base of a comparison in the clause [cs, end): the tokens naming
 * what the clause's subject is compared with.
 *   "X is faster than Y", "X ..., compared to/with Y", "in comparison
 *   to Y", "X ..., unlike Y"          base runs to the clause end
 *   "Unlike Y, X ...", "Compared to Y, X ..."  base runs to the comma
 *   "X over Y" (Y named right after)    one-sided: Y is only the versus
 *   "an alternative to Y"               one-sided too
 *   "X outperforms Y", "X loses to Y"   after a comparative word
 *   "X is (not) as fast as Y"           an equative ("twice as fast as
 *                                       Y" compares)
 *   "X lacks the maturity of Y", "X lacks Y's maturity" (or "it lacks")
 * Returns 1 and sets [*bs, *be) and *kind, or 0 when there is none. */
static int stance_base(const words_lex *w, const tax_tok *toks, size_t cs, size_t end, const stance_mention *ment,
                       size_t nment, size_t cmp_end, size_t *bs, size_t *be, stance_base_kind *kind)
{
    for (size_t k = cs; k < end; k++) {
        size_t from = 0, n;
        *kind = SB_COMPARED;
        if (words_is(w, WR_THAN, &toks[k])) from = k + 1;
        /* after a comparative: "outperforms Y", "loses out to Y",
         * "superior to Y" */
        else if (cmp_end != (size_t)-1 && k == cmp_end && stance_mentioned_at(ment, nment, k)) from = k;
        else if (cmp_end != (size_t)-1 && k >= cmp_end && words_is(w, WR_BASE_AFTER_COMPARATIVE, &toks[k]) &&
                 stance_mentioned_at(ment, nment, k + 1))
            from = k + 1;
        else if ((n = words_at(w, WR_COMPARED_TO, toks, end, k)) > 0)
            from = k + n;
        else if (words_is(w, WR_UNLIKE, &toks[k])) from = k + 1;
        /* "X is (not) as fast as Y" */
        else if (words_is(w, WR_EQUATIVE, &toks[k]) && stance_mentioned_at(ment, nment, k + 1) && k >= cs + 2 &&
                 (words_is(w, WR_EQUATIVE, &toks[k - 2]) || (k >= cs + 3 && words_is(w, WR_EQUATIVE, &toks[k - 3])))) {
            from = k + 1;
            /* "twice as fast as Y", "three times as fast as Y": faster */
            size_t first = words_is(w, WR_EQUATIVE, &toks[k - 2]) ? k - 2 : k - 3;
            *kind = first > cs && words_is(w, WR_MULTIPLIER, &toks[first - 1]) ? SB_COMPARED : SB_EQUATIVE;
        }
        /* (not the comparative's own last word: "an improvement over Y") */
        else if (words_is(w, WR_ONE_SIDED, &toks[k]) && stance_mentioned_at(ment, nment, k + 1) && k + 1 != cmp_end) {
            from = k + 1;
            *kind = SB_ONESIDED;
        }
        /* "a viable alternative to Y", "a drop-in replacement for Y":
         * Y is what the subject stands in for, not judged */
        else if (k > cs && words_is(w, WR_SUBSTITUTE, &toks[k - 1]) && words_is(w, WR_SUBSTITUTE_PREP, &toks[k]) &&
                 stance_mentioned_at(ment, nment, k + 1)) {
            from = k + 1;
            *kind = SB_ONESIDED;
        }
        /* "X lacks the maturity of Y", "X lacks Y's maturity": what
         * the subject named before wants, Y has */
        else if (words_is(w, WR_LACKING, &toks[k]) && k > cs &&
                 (stance_named_within(ment, nment, cs, k) || stance_pronoun_within(w, toks, cs, k)))
            from = stance_owner_after(w, toks, end, ment, nment, k);
        if (!from) continue;
        *bs = from;
        *be = end;
        /* a fronted "Unlike Y, X ...", "Compared to Y, X ...": the base
         * ends at the comma */
        size_t lead = k > cs && words_is(w, WR_COMPARISON_LEAD, &toks[k - 1]) ? k - 1 : k; /* "in comparison to" */
        if (!words_is(w, WR_THAN, &toks[k]) && *kind != SB_ONESIDED && (lead == cs || stance_comma_before(toks, lead)))
            for (size_t j = from + 1; j < end; j++)
                if (stance_comma_before(toks, j)) {
                    *be = j;
                    break;
                }
        return 1;
    }
    return 0;
}

static size_t stance_add_subj(int *v, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x) return n;
    if (n < STANCE_MAX_SUBJ) v[n++] = x;
    return n;
}

/* The one subject under comparison other than x, or -1. */
static int stance_other(const int *compared, size_t ncompared, int x)
{
    int o = -1;
    for (size_t i = 0; i < ncompared; i++) {
        if (compared[i] == x) continue;
        if (o >= 0 && o != compared[i]) return -1;
        o = compared[i];
    }
    return o;
}

/* One clause's judgement of one subject, before merging. */
static void stance_emit(stance_ctx *c, const stance_verdict *v, int subject, int pol, int versus)
{
    stance_clause *out = c->out;
    for (size_t i = 0; i < c->nout && i < c->max; i++)
        if (out[i].subject == subject && out[i].tok == v->cs) return; /* once per clause */
    if (c->nout < c->max) {
        out[c->nout].subject = subject;
        out[c->nout].polarity = pol;
        out[c->nout].versus = versus;
        out[c->nout].tok = v->cs;
        out[c->nout].tok_end = v->end;
        out[c->nout].elided = v->elided;
    }
    c->nout++;
}


/* "in X's favour", "in favor of X", "favours X": the verdict goes to
 * the subject mentioned at token m, and so against the other one
 * compared. */
static int stance_in_favour(const words_lex *w, const tax_tok *toks, size_t cs, size_t end, size_t m)
{
    /* (often) favours X */
    if (m > cs && words_is(w, WR_FAVOUR_VERB, &toks[m - 1])) return 1;
    /* in X ['s] favour */
    if (m > cs && words_is(w, WR_FAVOUR_IN, &toks[m - 1]))
        for (size_t k = m + 1; k < end && k <= m + 4; k++)
            if (words_is(w, WR_FAVOUR_NOUN, &toks[k])) return 1;
    /* in favour of X */
    if (m >= cs + 3 && words_is(w, WR_FAVOUR_OF, &toks[m - 1]) && words_is(w, WR_FAVOUR_NOUN, &toks[m - 2]) &&
        words_is(w, WR_FAVOUR_IN, &toks[m - 3]))
        return 1;
    return 0;
}


void stance_topics(stance_ctx *c)
{
    const stance_mention *ment = c->in->mentions;
    size_t nment = c->in->nment;
    const tax_tok *toks = c->toks;
    for (size_t i = 0; i < nment; i++) {
        size_t t = ment[i].tok;
        int paired = t > 0 && words_is(c->w, WR_VERSUS, &toks[t - 1]);
        for (size_t k = t + 1; k < c->ntok && k <= t + 3 && !paired; k++) {
            if (i + 1 < nment && ment[i + 1].tok <= k) break; /* another mention first */
            if ((words_is(c->w, WR_VERSUS, &toks[k]) ||
                 (words_is(c->w, WR_AND, &toks[k]) && t > 0 && words_is(c->w, WR_BETWEEN, &toks[t - 1]))) &&
                stance_mentioned_at(ment, nment, k + 1))
                paired = 1;
        }
        /* the second of "between X and Y" */
        if (!paired && i > 0 && t > 1 && words_is(c->w, WR_AND, &toks[t - 1]))
            for (size_t k = 0; k < c->ntopic && !paired; k++)
                if (c->topic[k] == ment[i - 1].tok && ment[i - 1].tok > 0 &&
                    words_is(c->w, WR_BETWEEN, &toks[ment[i - 1].tok - 1]))
                    paired = 1;
        if (paired && c->ntopic < STANCE_MAX_HITS) c->topic[c->ntopic++] = t;
        if (!paired && c->nment < STANCE_MAX_HITS) c->ment[c->nment++] = ment[i];
    }
}

/* The subjects a clause names, on either side of its comparison. */
typedef struct stance_sides {
    int main_s[STANCE_MAX_SUBJ];  /* those compared (or judged) */
    size_t nm;
    int base[STANCE_MAX_SUBJ];    /* those they are compared with */
    size_t nb;
    stance_base_kind kind;        /* how the base is compared with */
} stance_sides;

static void stance_sides_of(const stance_ctx *c, const stance_verdict *v, stance_sides *sd)
{
    size_t bs = 0, be = 0;
    sd->nm = sd->nb = 0;
    sd->kind = SB_COMPARED;
    int has_base = stance_base(c->w, c->toks, v->cs, v->end, c->ment, c->nment, v->cmp_end, &bs, &be, &sd->kind);
    for (size_t k = 0; k < c->nment; k++) {
        const stance_mention *m = &c->ment[k];
        if (m->tok < v->cs || m->tok >= v->end) continue;
        if (has_base && m->tok >= bs && m->tok < be) sd->nb = stance_add_subj(sd->base, sd->nb, m->subject);
        else sd->nm = stance_add_subj(sd->main_s, sd->nm, m->subject);
    }
    /* the same subject on both sides ("Python 3 is faster than Python
     * 2") is no comparison between subjects; but beside another one
     * it is that one's base, named before as an object too ("X caught
     * up to Y and is faster than Y") */
    for (size_t i = 0; i < sd->nm; i++)
        for (size_t j = 0; j < sd->nb; j++)
            if (sd->main_s[i] == sd->base[j]) {
                if (sd->nm > 1) {
                    memmove(sd->main_s + i, sd->main_s + i + 1, (sd->nm - i - 1) * sizeof *sd->main_s);
                    sd->nm--;
                    i--;
                } else {
                    sd->base[j] = sd->base[--sd->nb];
                }
                break;
            }
}

static int stance_in_base(const stance_sides *sd, int x)
{
    for (size_t j = 0; j < sd->nb; j++)
        if (sd->base[j] == x) return 1;
    return 0;
}

/* A clause that names no subject outside its base judges the previous
 * clause's when it has a pronoun ("Although X is slow, it excels at
 * ...") or goes on with "but" or "and" ("X is fast but unstable"), else
 * the claim's ("It is faster than Y") -- unless it names subjects only
 * as the comparison ("X vs Y"). */
static void stance_implied(const stance_ctx *c, const stance_verdict *v, stance_sides *sd)
{
    /* "X is faster than Y at A, but slower at B": a comparison that
     * goes on with "but" or "and", naming no one, compares the same
     * two */
    if (!sd->nm && !sd->nb && c->nprev_main && c->nprev_base && v->comparative && v->cs > 0 &&
        (words_is(c->w, WR_CLAUSE_CONTRAST, &c->toks[v->cs]) || words_is(c->w, WR_AND, &c->toks[v->cs]))) {
        for (size_t k = 0; k < c->nprev_main; k++) sd->nm = stance_add_subj(sd->main_s, sd->nm, c->prev_main[k]);
        for (size_t k = 0; k < c->nprev_base; k++) sd->nb = stance_add_subj(sd->base, sd->nb, c->prev_base[k]);
        sd->kind = SB_COMPARED;
        return;
    }
    if (!sd->nm && c->nprev_main) {
        int pron = 0, plural = 0;
        for (size_t k = v->cs; k < v->end && !pron; k++) pron = words_is(c->w, WR_PRONOUN, &c->toks[k]);
        /* "X is fast but unstable, and Y ...": a clause that goes on
         * with "but" or "and", naming no one, is about the subjects of
         * the one before */
        if (!pron && !sd->nb && v->cs > 0 &&
            (words_is(c->w, WR_CLAUSE_CONTRAST, &c->toks[v->cs]) || words_is(c->w, WR_AND, &c->toks[v->cs]))) {
            for (size_t k = 0; k < c->nprev_main; k++) sd->nm = stance_add_subj(sd->main_s, sd->nm, c->prev_main[k]);
            return;
        }
        /* "it"/"its" is one of them: the first named (the previous
         * clause's grammatical subject) */
        for (size_t k = v->cs; k < v->end; k++) plural |= words_is(c->w, WR_PRONOUN_PLURAL, &c->toks[k]);
        for (size_t k = 0; k < c->nprev_main && pron && (plural || sd->nm == 0); k++)
            if (!stance_in_base(sd, c->prev_main[k])) sd->nm = stance_add_subj(sd->main_s, sd->nm, c->prev_main[k]);
    }
    int only_topic = 0;
    for (size_t k = 0; k < c->ntopic && !sd->nm; k++) only_topic |= c->topic[k] >= v->cs && c->topic[k] < v->end;
    if (sd->nm || only_topic) return;
    for (size_t k = 0; k < c->in->nfallback; k++)
        if (!stance_in_base(sd, c->in->fallback[k]))
            sd->nm = stance_add_subj(sd->main_s, sd->nm, c->in->fallback[k]);
}

/* Write the clause's judgements of both sides. */
static void stance_emit_sides(stance_ctx *c, const stance_verdict *v, const stance_sides *sd)
{
    int pol = v->score > 0 ? 1 : v->score < 0 ? -1 : 0;
    if (sd->nb) {
        /* "X ... than Y", "unlike Y, X ...": a comparison, with or
         * without a comparative word */
        if (v->cmp_sign) pol = v->cmp_sign;
        for (size_t i = 0; i < sd->nm; i++) stance_emit(c, v, sd->main_s[i], pol, sd->base[0]);
        int bpol = v->equal || (sd->kind == SB_EQUATIVE && pol > 0) ? 0 : -pol;
        if (sd->kind != SB_ONESIDED)
            for (size_t j = 0; j < sd->nb; j++) stance_emit(c, v, sd->base[j], bpol, sd->nm ? sd->main_s[0] : -1);
        return;
    }
    /* "ends in X's favour": a verdict for X over the other subject
     * compared, when there is exactly one */
    int favoured = 0;
    for (size_t k = 0; k < c->nment && sd->nm == 1; k++) {
        const stance_mention *m = &c->ment[k];
        if (m->subject == sd->main_s[0] && m->tok >= v->cs && m->tok < v->end &&
            stance_in_favour(c->w, c->toks, v->cs, v->end, m->tok))
            favoured = 1;
    }
    for (size_t i = 0; i < sd->nm; i++) {
        int vs = -1;
        if ((v->comparative || favoured) && sd->nm == 1)
            vs = stance_other(c->in->compared, c->in->ncompared, sd->main_s[i]);
        stance_emit(c, v, sd->main_s[i], pol, vs);
        if (favoured && vs >= 0 && pol) stance_emit(c, v, vs, -pol, sd->main_s[i]);
    }
}

void stance_judge_clause(stance_ctx *c, const stance_verdict *v)
{
    stance_sides sd;
    stance_sides_of(c, v, &sd);
    /* what the clause names itself is what a pronoun in the next one
     * stands for */
    int named[STANCE_MAX_SUBJ];
    size_t nnamed = sd.nm;
    memcpy(named, sd.main_s, nnamed * sizeof *named);
    if (v->evaluative) {
        stance_implied(c, v, &sd);
        stance_emit_sides(c, v, &sd);
    }
    if (nnamed) {
        memcpy(c->prev_main, named, nnamed * sizeof *named);
        c->nprev_main = nnamed;
        memcpy(c->prev_base, sd.base, sd.nb * sizeof *sd.base);
        c->nprev_base = sd.nb;
    }
}
