/*
 * stance_size.c - what a clause says by sizes and amounts (see
 * stance_int.h): a size is a comparative where more is better (class
 * `size`: "a larger community") and where less is (class `cost`:
 * "lower latency", "a smaller footprint"); a plain size judges ("a huge
 * community", "very low latency", "no downtime"), and so does a verb
 * making a thing larger or smaller ("reduces latency").
 */
#include "stance_int.h"

#include "words.h"

/* A size comparative: "larger", "bigger", "greater", "wider" (+1) or
 * "smaller", "fewer", "narrower" (-1); 0 for none. */
static int stance_size_word(const words_lex *w, const tax_tok *t)
{
    if (words_is(w, WR_SIZE_MORE, t)) return 1;
    if (words_is(w, WR_SIZE_LESS, t)) return -1;
    return 0;
}

/* A plain size right before token t (past one adverb: "very low"), in
 * the clause from cs: +1 for "high", "large", ..., -1 for "low",
 * "small", ..., else 0. */
static int stance_level_before(const words_lex *w, const tax_tok *toks, size_t cs, size_t t)
{
    for (size_t j = t; j > cs && j + 2 >= t; j--) {
        const tax_tok *k = &toks[j - 1];
        if (words_is(w, WR_LEVEL_HIGH, k)) return 1;
        if (words_is(w, WR_LEVEL_LOW, k)) return -1;
        /* "no downtime", "no commercial fees": none at all */
        if (j + 1 >= t && words_is(w, WR_NONE, k)) return -1;
        if (stance_comma_before(toks, j)) break;
    }
    return 0;
}

/* A plain size said of the thing ending at token t by a copula right
 * after it ("the community is huge", "latency is very low", turned by
 * "not": "is not large"), or past a short phrase ("for Y"), up to end:
 * +1 / -1, else 0. */
static int stance_level_after(const words_lex *w, const tax_tok *toks, size_t t, size_t end)
{
    /* past a short phrase of whose it is ("the learning curve for Y is
     * shallow", "latency in production is high") */
    if (t < end && words_is(w, WR_TASK_PREP, &toks[t]))
        for (size_t k = t + 1; k < end && k <= t + 3 && !stance_comma_before(toks, k); k++)
            if (words_is(w, WR_COPULA, &toks[k])) {
                t = k;
                break;
            }
    if (t >= end || !words_is(w, WR_COPULA, &toks[t])) return 0;
    size_t j = t + 1;
    int neg = j < end && words_is(w, WR_SIZE_NEGATOR, &toks[j]);
    j += neg;
    if (j < end && (words_is(w, WR_INTENSIFIER, &toks[j]) || words_is(w, WR_COPULA_ADVERB, &toks[j]))) j++;
    if (j >= end) return 0;
    int level = words_is(w, WR_LEVEL_HIGH, &toks[j]) ? 1 : words_is(w, WR_LEVEL_LOW, &toks[j]) ? -1 : 0;
    return neg ? -level : level;
}

/* Does a preposition of a task ("at", "for", "under") open the phrase
 * of token t, past its size and an intensifier ("at very high
 * throughput")?  cs: the clause's start. */
static int stance_in_task(const words_lex *w, const tax_tok *toks, size_t cs, size_t t)
{
    for (size_t j = t; j > cs && j + 3 >= t; j--) {
        const tax_tok *k = &toks[j - 1];
        if (words_is(w, WR_TASK_PREP, k)) return 1;
        if (!words_is(w, WR_LEVEL_HIGH, k) && !words_is(w, WR_LEVEL_LOW, k) && !words_is(w, WR_INTENSIFIER, k))
            return 0;
    }
    return 0;
}

/* A verb making a thing larger (+1: "increases", "boosts") or smaller
 * (-1: "reduces", "cuts") within three words before token t, in the
 * clause from cs and past no comma, the other way when an action is
 * denied right before it ("does not reduce"); else 0. */
static int stance_change_before(const words_lex *w, const tax_tok *toks, size_t cs, size_t t)
{
    for (size_t j = t; j > cs && j + 3 >= t; j--) {
        const tax_tok *k = &toks[j - 1];
        int sign = words_is(w, WR_SIZE_UP, k) ? 1 : words_is(w, WR_SIZE_DOWN, k) ? -1 : 0;
        if (sign) {
            /* "does not reduce latency", "won't cut costs", "never
             * increases" */
            if (j >= 2 && j - 2 >= cs && words_is(w, WR_SIZE_NEGATOR, &toks[j - 2])) return -sign;
            for (size_t a = j - 1 > cs + 3 ? j - 4 : cs; a + 1 < j; a++) {
                size_t n = words_at(w, WR_NEGATED_ACTION, toks, j - 1, a);
                if (n && a + n == j - 1) return -sign;
            }
            return sign;
        }
        if (stance_comma_before(toks, j)) break;
    }
    return 0;
}

void stance_score_size(const stance_ctx *c, stance_verdict *v, size_t h0)
{
    const tax_tok *toks = c->toks;
    for (size_t k = h0; k < c->nh && c->hits[k].tok < v->end; k++) {
        const tax_hit *h = &c->hits[k];
        int cls = stance_class_of(c->s, h->index);
        if (h->tok < v->cs || (cls != SL_SIZE && cls != SL_COST)) continue;
        /* "a huge community", "very low latency": a plain size before
         * the thing judges it, ranking nothing */
        int level = stance_level_before(c->w, toks, v->cs, h->tok);
        if (!level) level = stance_level_after(c->w, toks, h->tok_end, v->end);
        /* "free of overhead", "without boilerplate": none; "not free of
         * cost": some */
        if (!level) {
            int flips = 0;
            for (const tax_hit *n = stance_negator_before(c, v, h->tok, 0); n; n = stance_negator_before(c, v, n->tok, 0))
                flips++;
            level = flips ? (flips % 2 ? -1 : 1) : 0;
        }
        level *= cls == SL_COST ? -1 : 1;
        /* "struggles at very high throughput": after the clause's
         * verdict, a size in a phrase of the task describes the task */
        if (level && v->evaluative && stance_in_task(c->w, toks, v->cs, h->tok)) continue;
        if (!level) level = stance_change_before(c->w, toks, v->cs, h->tok) * (cls == SL_COST ? -1 : 1);
        if (level) {
            v->score += level;
            v->evaluative = 1;
            continue;
        }
        size_t lo = h->tok > v->cs + 1 ? h->tok - 1 : v->cs;
        for (size_t j = lo; j < v->end && j <= h->tok_end + 3; j++) {
            if (j >= h->tok && j < h->tok_end) continue;
            if (j > h->tok_end && stance_comma_before(toks, j)) break;
            int size = stance_size_word(c->w, &toks[j]);
            if (!size) continue;
            int sign = size * (j > 0 && words_is(c->w, WR_SIZE_NEGATOR, &toks[j - 1]) ? -1 : 1) *
                       (cls == SL_COST ? -1 : 1);
            v->score += sign;
            v->evaluative = v->comparative = 1;
            v->cmp_sign = sign;
            if (v->cmp_end == (size_t)-1) v->cmp_end = j + 1;
            return;
        }
    }
}

/* Is there an evaluative word among hits from h0 in tokens [a, b) (a
 * size or a cost is what is counted)? */
static int stance_judged_within(const stance_ctx *c, size_t h0, size_t a, size_t b)
{
    for (size_t k = h0; k < c->nh && c->hits[k].tok < b; k++) {
        int cls = stance_class_of(c->s, c->hits[k].index);
        if (c->hits[k].tok >= a && cls != SL_NEGATOR && cls != SL_CONTRAST && cls != SL_SIZE && cls != SL_COST)
            return 1;
    }
    return 0;
}

/* An amount word at token k: its length in tokens, *sign +1 for more
 * ("more", "twice as many"), -1 for less ("fewer", "less", "half as
 * much"), and *as set when its base follows "as" ("twice as many X as
 * Y"), not "than". */
static size_t stance_amount_at(const words_lex *w, const tax_tok *toks, size_t end, size_t k, int *sign, int *as)
{
    size_t n = words_at(w, WR_AMOUNT_MORE, toks, end, k);
    *sign = 1;
    if (!n) {
        *sign = -1;
        n = words_at(w, WR_AMOUNT_LESS, toks, end, k);
        if (!n) n = words_at(w, WR_AMOUNT_LESS_THAN, toks, end, k);
    }
    *as = n >= 2 && words_is(w, WR_EQUATIVE, &toks[k + n - 2]);
    return n;
}

/* The verb of having or spending right before the amount at token k:
 * WR_CONSUME, WR_HAVING (a verb of having or possessing), else
 * WR_COUNT. */
static words_role stance_verb_before(const words_lex *w, const tax_tok *toks, size_t cs, size_t k)
{
    if (k > cs + 1 && words_is(w, WR_APPROXIMATE, &toks[k - 1])) k--; /* "roughly twice as much" */
    if (k <= cs) return WR_COUNT;
    if (words_is(w, WR_CONSUME, &toks[k - 1])) return WR_CONSUME;
    if (words_is(w, WR_POSSESS_VERB, &toks[k - 1]) || words_is(w, WR_HAVING, &toks[k - 1])) return WR_HAVING;
    return WR_COUNT;
}

/* ... or before its number of times ("uses three times as much") */
static words_role stance_amount_verb(const words_lex *w, const tax_tok *toks, size_t cs, size_t k)
{
    words_role r = stance_verb_before(w, toks, cs, k);
    if (r == WR_COUNT && k > cs + 1 && words_is(w, WR_MULTIPLIER, &toks[k])) r = stance_verb_before(w, toks, cs, k - 1);
    return r;
}

/* Does a resource open toks[a..b) as its head: the whole of it ("more
 * disk space than Y") or before a word of resource_end ("more time to
 * start", "more memory per request"), not as a modifier ("more memory
 * safety", "more CPU-bound tasks")? */
static int stance_spends(const words_lex *w, const tax_tok *toks, size_t a, size_t b)
{
    size_t e = a + words_at(w, WR_RESOURCE, toks, b, a);
    return e > a && (e == b || (!tax_tok_punct_before(toks, e, "-") && words_is(w, WR_RESOURCE_END, &toks[e])));
}

void stance_score_amount(const stance_ctx *c, stance_verdict *v, size_t h0)
{
    const tax_tok *toks = c->toks;
    for (size_t k = v->cs + 1; k + 2 < v->end; k++) {
        int sign, as;
        size_t n = stance_amount_at(c->w, toks, v->end, k, &sign, &as);
        words_role verb = n ? stance_amount_verb(c->w, toks, v->cs, k) : WR_COUNT;
        if (verb == WR_COUNT) continue;
        words_role base = as ? WR_EQUATIVE : WR_THAN;
        size_t e = k + n, t = e;
        while (t < v->end && t <= e + 4 && !words_is(c->w, base, &toks[t]) && !stance_comma_before(toks, t)) t++;
        if (t == e || t >= v->end || t > e + 4 || !words_is(c->w, base, &toks[t])) continue;
        /* "fewer memory leaks than Y": the thing's own judgement ranks */
        if (stance_judged_within(c, h0, e, t)) continue;
        /* more of what is spent ranks below: "consumes more power",
         * "uses more memory", "has more overhead" */
        if (verb == WR_CONSUME || stance_is_cost(c->s, toks + e, t - e) || stance_spends(c->w, toks, e, t)) sign = -sign;
        v->score += sign;
        v->evaluative = v->comparative = 1;
        v->cmp_sign = sign;
        if (v->cmp_end == (size_t)-1) v->cmp_end = e;
        return;
    }
}
