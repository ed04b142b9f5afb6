/*
 * stance_clause.c - what a clause's words say (see stance.h for the
 * rules, stance_int.h for how the judge is divided; stance_bounds.c
 * says where a clause ends).
 *
 * A clause's verdict is the sum of its evaluative words' signs, each
 * flipped by a negator shortly before it; with none, the judgements
 * that need no evaluative word (size, breadth, effort, adoption,
 * abundance, a negated action, the context's bias) in that order.
 * Sizes and amounts ("a larger community", "no downtime") are
 * stance_size.c's.
 */
#include "stance_int.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "words.h"

int stance_class_of(const stance_lex *s, int dim)
{
    for (int k = 0; k < SL_COUNT; k++)
        if (s->cls[k] == dim) return k;
    return -1;
}

/* A negated action in [cs, end): "does not / did not / cannot / can't /
 * won't VERB", "fails to", "unable to", "no longer": the subject is
 * presented as unable to do something (-1); but a need denied ("does
 * not need root privileges", "doesn't require a daemon") spares it one,
 * and a want of maturity denied ("is no longer experimental", "is not in
 * beta") says it is there in full (+1).  0: none. */
int stance_negated_action(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    for (size_t k = cs; k < end; k++) {
        size_t na = words_at(w, WR_NEGATED_ACTION, toks, end, k);
        /* ... and so does a want of maturity denied ("no longer
         * experimental") */
        if (na && k + na < end && words_at(w, WR_UNREADY, toks, end, k + na)) return 1;
        if (na) return k + na < end && words_is(w, WR_NEED, &toks[k + na]) ? 1 : -1;
        /* "Neither database shards data": the action denied of each */
        if (words_is(w, WR_NEITHER, &toks[k]) && !words_at(w, WR_NEITHER_OF, toks, end, k)) return -1;
        /* a negated copula: "X is not (truly) asynchronous", "isn't
         * a real Y" -- but not "is not only/just ..." (praise) nor "not
         * necessarily" (a hedge) */
        size_t n = words_at(w, WR_NEGATED_COPULA, toks, end, k);
        if (n && k + n < end && words_at(w, WR_UNREADY, toks, end, k + n)) return 1;
        if (n && !(k + n < end && words_is(w, WR_COPULA_NOT_NEGATING, &toks[k + n]))) return -1;
    }
    return 0;
}

/* Adoption in [cs, end): a usage verb ("use", "rely on", "choose")
 * after a quantifier of people saying most of them: "most", "the
 * majority", or a percentage of 50 or more ("Over 80% of teams use
 * X"), or named adopters ("companies like A and B"): +1; after one
 * saying few of them ("few companies use X", "hardly any teams"): -1;
 * else 0. */
static int stance_adoption(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    int most = 0;
    for (size_t k = cs; k < end; k++) {
        if (words_is(w, WR_MAJORITY, &toks[k])) most = 1;
        if (words_at(w, WR_MINORITY, toks, end, k)) most = -1;
        /* named adopters: "companies like A, B and C rely on X" */
        if (k + 1 < end && words_is(w, WR_ADOPTERS, &toks[k]) && words_is(w, WR_ADOPTERS_NAMED, &toks[k + 1]))
            most = 1;
        if (toks[k].n && toks[k].s[0] >= '0' && toks[k].s[0] <= '9') {
            /* a figure followed by a percent sign */
            const char *e = toks[k].s + toks[k].n;
            if (*e == '%' && atof(toks[k].s) >= 50) most = 1;
        }
        if (most && words_is(w, WR_ADOPT, &toks[k])) return most;
    }
    return 0;
}

/* "instead of" or "rather than" within three words before token t
 * (and in the clause from cs): "work across two languages instead of
 * sharing one" -- the breadth is what is missed, a weakness. */
static int stance_instead_before(const words_lex *w, const tax_tok *toks, size_t cs, size_t t)
{
    for (size_t k = t > cs + 3 ? t - 3 : cs; k + 1 < t; k++)
        if (words_at(w, WR_INSTEAD, toks, t, k)) return 1;
    return 0;
}

/* Is token t of v's clause in a situation: after a "when" (1), or
 * after an "if", "unless" or "in case of" that names no subject before
 * t and is not closed by then (2: "Docker restarts containers if they
 * crash" says what it does in a bad case, not that it is bad)?  0 for
 * neither. */
static int stance_situation_before(const stance_ctx *c, const stance_verdict *v, size_t t)
{
    for (size_t j = v->cs; j < t; j++) {
        if (words_is(c->w, WR_SITUATION, &c->toks[j])) return 1;
        size_t n = words_at(c->w, WR_CONDITION, c->toks, t, j);
        if (!n) continue;
        /* a condition opening what follows ("..., so if you can fit it
         * there you can ..."), or a concession ("even if it means a
         * steep learning curve"): what it judges may be the subject's */
        size_t p = j;
        if (p > v->cs && words_is(c->w, WR_CONDITION_LEAD, &c->toks[p - 1])) {
            if (words_is(c->w, WR_CONCESSION, &c->toks[p - 1])) continue;
            p--;
        }
        if (p == 0 || tax_tok_punct_before(c->toks, p, ",;:(")) continue;
        /* "exists too, if you want a nice GUI": what the reader wants,
         * the subject offers */
        if (j + n + 1 < t && words_is(c->w, WR_PERSON, &c->toks[j + n]) &&
            words_is(c->w, WR_DESIRE, &c->toks[j + n + 1]))
            continue;
        /* "Choose X if your focus is quick feedback": what X suits */
        int advised = 0;
        for (size_t k = v->cs; k < j; k++)
            advised |= words_at(c->w, WR_RECOMMEND, c->toks, j, k) > 0;
        if (advised) continue;
        /* the condition ends at a comma or bracket: "(and if you run
         * Proxmox, you do), this is a more natural fit" */
        int closed = 0, named = 0;
        for (size_t k = j + 1; k <= t; k++)
            closed |= tax_tok_punct_before(c->toks, k, ",;:()");
        for (size_t i = 0; i < c->nment; i++)
            named |= c->ment[i].tok > j && c->ment[i].tok < t;
        if (!named && !closed) return 2;
    }
    return 0;
}

/* "both A and B" in [cs, end): "and" within four words after "both". */
static int stance_both_and(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    for (size_t k = cs; k < end; k++) {
        if (!words_is(w, WR_BOTH, &toks[k])) continue;
        for (size_t j = k + 2; j < end && j <= k + 5; j++)
            if (words_is(w, WR_AND, &toks[j])) return 1;
    }
    return 0;
}

/* An evaluative word [tok, tok_end) right after "for/on/in/at" (or
 * joined by "and" to a judgement or size right after it) and before
 * another word of its clause (ending at end), with no punctuation
 * between: it qualifies the object of the preposition ("on complex
 * queries", "for large systems"), not the subject. */
static int stance_describes_task(const words_lex *w, const tax_tok *toks, size_t tok, size_t tok_end, size_t end,
                                 int joined)
{
    if (tok == 0 || tok_end >= end) return 0;
    size_t prep = tok - 1;
    /* "for larger and complex deployments", "for fast and reliable
     * builds": the second of two judgements or sizes joined by "and"
     * (joined: a judgement ends right before it) */
    if (tok >= 3 && words_is(w, WR_AND, &toks[tok - 1]) && words_is(w, WR_TASK_PREP, &toks[tok - 3]) &&
        (joined || words_is(w, WR_SIZE_MORE, &toks[tok - 2]) || words_is(w, WR_SIZE_LESS, &toks[tok - 2]) ||
         words_is(w, WR_LEVEL_HIGH, &toks[tok - 2]) || words_is(w, WR_LEVEL_LOW, &toks[tok - 2])))
        prep = tok - 3;
    if (!words_is(w, WR_TASK_PREP, &toks[prep]) || stance_comma_before(toks, tok) || stance_comma_before(toks, tok_end))
        return 0;
    /* "known for slow startup": what the subject is known for is its own */
    if (prep >= 1 && words_is(w, WR_ATTRIBUTE_LEAD, &toks[prep - 1])) return 0;
    /* "in favour of X" is a verdict on X, not a task */
    if (words_is(w, WR_FAVOUR_OF, &toks[tok_end]) && words_is(w, WR_FAVOUR_NOUN, &toks[tok])) return 0;
    /* the next token must be a word, not a figure */
    return toks[tok_end].n && !(toks[tok_end].s[0] >= '0' && toks[tok_end].s[0] <= '9');
}

/* An evaluative word [tok, tok_end) right after a verb of a task ("makes
 * complex routing simple", "simplifies complex pipelines", past "a",
 * "the" or an intensifier) and before another word of its clause (ending
 * at end), with no punctuation between: it describes the task the
 * subject takes on, not the subject. */
static int stance_task_object(const words_lex *w, const tax_tok *toks, size_t cs, size_t tok, size_t tok_end,
                              size_t end)
{
    if (tok <= cs || tok_end >= end || tok_end != tok + 1 || stance_comma_before(toks, tok) ||
        stance_comma_before(toks, tok_end))
        return 0;
    size_t j = tok - 1;
    if (j > cs && (words_is(w, WR_INTENSIFIER, &toks[j]) || words_at(w, WR_DETERMINER, toks, tok, j) == 1)) j--;
    /* ... or a gerund opening the clause or what follows its colon:
     * "Testing complex workflows", "X: Building large apps" (six
     * letters at least: "thing", "being" are none) */
    int gerund = (j == cs || tax_tok_punct_before(toks, j, ":")) && toks[j].n > 5 &&
                 words_has_ending(w, WR_GERUND_ENDING, &toks[j]);
    return (gerund || words_is(w, WR_TASK_VERB, &toks[j])) && toks[tok_end].n &&
           !(toks[tok_end].s[0] >= '0' && toks[tok_end].s[0] <= '9');
}
/* Is the need word at token t someone else's than the subject's: the
 * reader's in an object relative ("the tools they need", "everything
 * you need", "what you need"), a situation's ("..., where logs need to
 * be collected", "when you need to scale") or the reader's project
 * ("Project requires ...", "your app needs ...")?  cs: the clause's
 * start. */
static int stance_need_of_other(const words_lex *w, const tax_tok *toks, size_t cs, size_t t)
{
    if (t <= cs || !words_is(w, WR_NEED, &toks[t])) return 0;
    if (words_object_relative(w, toks, cs, t)) return 1;
    /* a "where"/"when" before it, back to the comma that opens its
     * phrase or the clause start */
    for (size_t k = t; k > cs; k--) {
        if (words_is(w, WR_NEED_SITUATION, &toks[k - 1])) return 1;
        /* a list of needs is one phrase ("if you need A, require B, or
         * need C") */
        if (k - 1 > cs && stance_comma_before(toks, k - 1) && !words_is(w, WR_SUBJECT_JOIN, &toks[k - 1]) &&
            !words_is(w, WR_NEED, &toks[k - 1]))
            break;
    }
    size_t n = 0;
    for (size_t k = t > cs + 2 ? t - 2 : cs; k < t && !n; k++)
        if (words_at(w, WR_NEEDER, toks, t, k) == t - k) n = t - k;
    if (!n) return 0;
    size_t k = t - n;
    return k == cs || words_is(w, WR_NEEDER_OWNER, &toks[k - 1]);
}

/* What a clause's words signal besides evaluative words, for the
 * judgements that need none. */
typedef struct stance_cues {
    int abundant;   /* class abundance: "hundreds of" */
    int broad;      /* class breadth: 1, or -1 when missed ("instead of sharing") */
    int effort;     /* class effort: "you manage ..." */
    int reason;     /* it is a fronted reason: it judges nothing */
} stance_cues;

/* The tokens strictly between a and b, not counting a subject's name
 * and what is glued to it ("Python's", "Node.js's": "is not Python's
 * main strength" is two words from "not" to "strength"), nor the parts
 * of a hyphenated word after its first ("never have multi-tab support"
 * is two words from "never" to "support"). */
static size_t stance_gap(const stance_ctx *c, size_t a, size_t b)
{
    size_t n = 0;
    int name = 0;
    for (size_t k = a + 1; k < b; k++) {
        int start = 0;
        for (size_t i = 0; i < c->nment && !start; i++) start = c->ment[i].tok == k;
        const tax_tok *t = &c->toks[k], *p = &c->toks[k - 1];
        int glued = t->s > p->s + p->n && t->s[-1] != ' ' && t->s - (p->s + p->n) == 1;
        name = start || (name && glued);
        n += !name && !(glued && t->s[-1] == '-');
    }
    return n;
}

const tax_hit *stance_negator_before(const stance_ctx *c, const stance_verdict *v, size_t t, int sign)
{
    const tax_hit *best = NULL;
    for (size_t k = 0; k < c->nh; k++) {
        const tax_hit *n = &c->hits[k];
        if (stance_class_of(c->s, n->index) != SL_NEGATOR) continue;
        if (n->tok_end > t || n->tok < v->cs || stance_gap(c, n->tok_end - 1, t) >= 3) continue;
        if (words_is(c->w, WR_AFFIX_NEGATOR, &c->toks[n->tok]) && t != n->tok_end) continue;
        /* "a little overhead" is some: an amount after "a" negates nothing */
        if (n->tok > v->cs && words_is(c->w, WR_DETERMINER, &c->toks[n->tok - 1]) &&
            words_at(c->w, WR_AMOUNT_LESS, c->toks, n->tok_end, n->tok) == n->tok_end - n->tok)
            continue;
        /* "not only supports X but also Y" adds, it does not deny */
        if (n->tok_end < t && words_is(c->w, WR_COPULA_NOT_NEGATING, &c->toks[n->tok_end])) continue;
        /* solving takes away faults; "addresses Y's strong use cases"
         * serves a merit, it does not remove one */
        if (sign > 0 && words_is(c->w, WR_SOLVER, &c->toks[n->tok])) continue;
        if (!best || n->tok > best->tok) best = n;
    }
    return best;
}

/* The sign of evaluative hit h of v's clause, class cls: flipped by a
 * negator within three tokens before it in the clause ("non" negates
 * only the word it is attached to: "non-blocking, lets": not "lets"),
 * and back by one before that negator ("does not prevent"). */
static int stance_sign(const stance_ctx *c, const stance_verdict *v, const tax_hit *h, int cls)
{
    int sign = cls == SL_POSITIVE || cls == SL_BETTER || cls == SL_EQUAL ? 1 : -1;
    /* "poor support", "limited support", "lacks good documentation": a
     * fault right before a merit is its want; so before a count of it
     * ("a limited number of ready-made integrations") */
    size_t at = h->tok;
    for (size_t b = 2; b <= 3 && cls == SL_POSITIVE && at >= v->cs + b; b++)
        if (words_at(c->w, WR_COUNT_OF, c->toks, at, at - b) == b) {
            at -= b;
            break;
        }
    /* ... past the name that owns it: "lacks Y's expressive types" */
    for (size_t i = 0; i < c->nment && cls == SL_POSITIVE; i++) {
        size_t e = c->ment[i].tok_end;
        if (e < at && e + 1 == at && tax_tok_possessive(c->toks, e)) e++;
        if (e == at && c->ment[i].tok > v->cs) at = c->ment[i].tok;
    }
    /* ... past an article: "lacks a built-in test runner" */
    if (cls == SL_POSITIVE && at > v->cs + 1 && words_at(c->w, WR_DETERMINER, c->toks, at, at - 1) == 1) at--;
    for (size_t b = 1; b <= 2 && cls == SL_POSITIVE && at >= v->cs + b && !stance_comma_before(c->toks, h->tok); b++)
        if (words_at(c->w, WR_WANTING, c->toks, at, at - b) == b) return -sign;
    /* "low overhead", "zero downtime", "no bloat": a fault of little
     * size or none is a merit; "little support", "no built-in
     * reporter": a merit of little size or none a fault */
    if ((cls == SL_NEGATIVE || cls == SL_POSITIVE) && h->tok > v->cs) {
        size_t j = h->tok - 1;
        if (j > v->cs && words_is(c->w, WR_INTENSIFIER, &c->toks[j])) j--;
        /* ... past one plain word: "no memory leaks", "no real bloat" */
        else if (j > v->cs && words_is(c->w, WR_NONE, &c->toks[j - 1]) && !stance_comma_before(c->toks, j)) j--;
        int some = j > v->cs && words_is(c->w, WR_DETERMINER, &c->toks[j - 1]) && words_is(c->w, WR_AMOUNT_LESS, &c->toks[j]);
        if (!some && (words_is(c->w, WR_LEVEL_LOW, &c->toks[j]) || words_is(c->w, WR_SIZE_NEGATOR, &c->toks[j])))
            return -sign;
        /* so are "fewer memory leaks" and "very few stable releases",
         * past one plain word; "a few quirks" are some */
        for (size_t e = h->tok; e > v->cs && e + 2 > h->tok; e--)
            for (size_t b = 1; b <= 2 && e >= v->cs + b; b++)
                if (words_at(c->w, WR_AMOUNT_LESS, c->toks, e, e - b) == b &&
                    !(e - b > 0 && words_is(c->w, WR_DETERMINER, &c->toks[e - b - 1])))
                    return -sign;
    }
    /* "requires less configuration", "requires fewer steps": a need
     * made small is a merit */
    if (cls == SL_NEGATIVE && h->tok_end < v->end && words_is(c->w, WR_NEED, &c->toks[h->tok_end - 1]) &&
        words_is(c->w, WR_NEED_LESS, &c->toks[h->tok_end]))
        sign = -sign;
    /* "harder for attackers to escape", "difficult to exploit": what
     * is hard is an attack, so the subject resists it */
    if (cls == SL_NEGATIVE || cls == SL_WORSE)
        for (size_t j = h->tok; j < h->tok_end; j++)
            if (words_is(c->w, WR_DIFFICULTY, &c->toks[j]))
                for (size_t k = h->tok_end; k < v->end && k <= h->tok_end + 4; k++) {
                    if (stance_comma_before(c->toks, k)) break;
                    if (words_is(c->w, WR_HOSTILE, &c->toks[k])) return -sign;
                }
    /* "does not prevent memory leaks": a negator negated gives the
     * fault back; each negator of the chain flips */
    int flips = 0;
    for (const tax_hit *n = stance_negator_before(c, v, h->tok, sign); n;
         n = stance_negator_before(c, v, n->tok, 0)) {
        flips++;
        /* "neither X nor Y is ideal", "not fast nor reliable": "nor"
         * goes on with a negation, nothing before it negates it */
        if (words_is(c->w, WR_NEITHER, &c->toks[n->tok])) break;
    }
    return flips % 2 ? -sign : sign;
}

/* Is the word at token t owned by a comparison's base: right after
 * "Y's" (a subject named up to three tokens before the "s"), with
 * "than", "compared to" or "unlike" before Y in the clause ("requires
 * more expertise compared to RabbitMQ's simpler approach", "Compared
 * to Y's simple design, X is complex")? */
static int stance_base_owns(const stance_ctx *c, const stance_verdict *v, size_t t)
{
    const tax_tok *toks = c->toks;
    if (t < v->cs + 2 || toks[t - 1].n != 1 || toks[t - 1].s[0] != 's' || toks[t - 1].s[-1] != '\'') return 0;
    for (size_t i = 0; i < c->nment; i++) {
        size_t m = c->ment[i].tok;
        if (m < v->cs || m + 1 >= t || m + 5 < t) continue;
        for (size_t k = v->cs; k < m; k++)
            if (words_is(c->w, WR_THAN, &toks[k]) || words_is(c->w, WR_UNLIKE, &toks[k]) ||
                words_at(c->w, WR_COMPARED_TO, toks, m, k))
                return 1;
    }
    return 0;
}

/* Is token t of v's clause a copula ("is", "isn't")? */
static int stance_copula_at(const stance_ctx *c, const stance_verdict *v, size_t t)
{
    return words_is(c->w, WR_COPULA, &c->toks[t]) || words_at(c->w, WR_COPULA_NEGATED, c->toks, v->end, t);
}

/* Is positive hit k of v's clause the topic a copula's judgement
 * speaks of ("Windows support is limited", "support for X is missing",
 * "the support isn't great"): no copula before it in the clause, up to
 * four plain words after it (no relative or situation: "good for
 * projects that are complex" judges the projects, "shines when builds
 * are complex" the builds), then a copula and, within three words, an
 * evaluative word? */
static int stance_merit_topic(const stance_ctx *c, const stance_verdict *v, size_t k)
{
    const tax_tok *toks = c->toks;
    for (size_t t = v->cs; t < c->hits[k].tok; t++)
        if (stance_copula_at(c, v, t)) return 0;
    size_t t = c->hits[k].tok_end;
    while (t < v->end && t < c->hits[k].tok_end + 5 && !stance_copula_at(c, v, t)) {
        if (stance_comma_before(toks, t) || words_is(c->w, WR_RELATIVE, &toks[t]) ||
            words_is(c->w, WR_NEED_SITUATION, &toks[t]))
            return 0;
        t++;
    }
    if (t >= v->end || t == c->hits[k].tok_end + 5 || stance_comma_before(toks, t)) return 0;
    for (size_t j = k + 1; j < c->nh && c->hits[j].tok < v->end; j++) {
        const tax_hit *h = &c->hits[j];
        if (h->tok < t) return 0;
        int cls = stance_class_of(c->s, h->index);
        if (h->tok > t + 3) return 0;
        if (cls == SL_POSITIVE || cls == SL_NEGATIVE || cls == SL_BETTER || cls == SL_WORSE) return 1;
    }
    return 0;
}

/* Is positive hit k of v's clause right before a negative one, with no
 * comma between ("stability problems", "performance issues"), that is
 * no task's object ("simplifies complex scripts"), or a copula's topic
 * (stance_merit_topic)? */
static int stance_merit_of_fault(const stance_ctx *c, const stance_verdict *v, size_t k)
{
    size_t end = c->hits[k].tok_end;
    if (end >= v->end || stance_comma_before(c->toks, end)) return 0;
    for (size_t j = k + 1; j < c->nh && c->hits[j].tok <= end; j++)
        if (c->hits[j].tok == end && stance_class_of(c->s, c->hits[j].index) == SL_NEGATIVE)
            return !stance_task_object(c->w, c->toks, v->cs, c->hits[j].tok, c->hits[j].tok_end, v->end);
    return stance_merit_topic(c, v, k);
}

/* "hard to write efficient code", "easy to write buggy code": the
 * merit or fault right after an ease or difficulty word (hit i) and a
 * verb of making it is the goal, whose sign the word's multiplies; the
 * goal's hit index, or SIZE_MAX. */
static size_t stance_goal_after(const stance_ctx *c, const stance_verdict *v, size_t i)
{
    const tax_hit *d = &c->hits[i];
    size_t n = words_at(c->w, WR_GOAL, c->toks, v->end, d->tok_end);
    if (!n || stance_comma_before(c->toks, d->tok_end)) return SIZE_MAX;
    for (size_t k = i + 1; k < c->nh && c->hits[k].tok < v->end; k++) {
        const tax_hit *g = &c->hits[k];
        int cls = stance_class_of(c->s, g->index);
        if (g->tok < d->tok_end + n) continue;
        if (g->tok > d->tok_end + n + 2 || (cls != SL_POSITIVE && cls != SL_NEGATIVE)) return SIZE_MAX;
        for (size_t j = d->tok_end + n; j <= g->tok; j++)
            if (stance_comma_before(c->toks, j)) return SIZE_MAX;
        return k;
    }
    return SIZE_MAX;
}

int stance_degree_before(const words_lex *w, const tax_tok *toks, size_t from, size_t k)
{
    return k > from && words_is(w, WR_DEGREE, &toks[k - 1]) &&
           !(k - 1 > from && words_is(w, WR_DEGREE_NOT, &toks[k - 2]));
}

/* Sum the evaluative words of the clause and note its other cues,
 * reading c->h on to the first hit past the clause. */
static void stance_score_words(stance_ctx *c, stance_verdict *v, stance_cues *q)
{
    const tax_tok *toks = c->toks;
    size_t goal = SIZE_MAX;
    for (; c->h < c->nh && c->hits[c->h].tok < v->end; c->h++) {
        const tax_hit *h = &c->hits[c->h];
        if (h->tok < v->cs || c->h == goal) continue;
        int cls = stance_class_of(c->s, h->index);
        if (cls == SL_MIXED) v->evaluative = 1; /* even-handed: evaluates, adds no sign */
        if (cls == SL_ABUNDANCE) q->abundant = 1;
        if (cls == SL_BREADTH) q->broad = stance_instead_before(c->w, toks, v->cs, h->tok) ? -1 : q->broad ? q->broad : 1;
        if (cls == SL_EFFORT) q->effort = 1;
        if (h->tok == v->cs && stance_is_reason(c, c->h)) q->reason = 1;
        if (cls != SL_POSITIVE && cls != SL_NEGATIVE && cls != SL_BETTER && cls != SL_WORSE && cls != SL_EQUAL)
            continue;
        /* "allows 100 connections", "supports 64 cores", "exceeds 2
         * GB": a word followed by a figure states a quantity, not a
         * verdict ("slower (500 requests/sec)" gives one in brackets) */
        if (cls != SL_EQUAL && h->tok_end < v->end && toks[h->tok_end].s[0] >= '0' && toks[h->tok_end].s[0] <= '9' &&
            ((cls != SL_BETTER && cls != SL_WORSE) || !tax_tok_punct_before(toks, h->tok_end, "(")))
            continue;
        /* "strong on complex queries", "ideal for simple scripts": a
         * word between a preposition and its noun describes the task,
         * not the subject */
        if ((cls == SL_POSITIVE || cls == SL_NEGATIVE) &&
            (stance_describes_task(c->w, toks, h->tok, h->tok_end, v->end,
                                   c->h > 0 && c->hits[c->h - 1].tok_end + 1 == h->tok) ||
             stance_task_object(c->w, toks, v->cs, h->tok, h->tok_end, v->end)))
            continue;
        /* "stability problems", "reliability concerns": a merit right
         * before a fault names what the fault is about */
        if (cls == SL_POSITIVE && stance_merit_of_fault(c, v, c->h)) continue;
        /* "the tools they need", "Project requires ...": a need, but
         * not the subject's */
        if (cls == SL_NEGATIVE && stance_need_of_other(c->w, toks, v->cs, h->tok)) continue;
        /* "X shines when routing is complex": after the verdict, a
         * "when" clause describes the situation */
        int sit = stance_situation_before(c, v, h->tok);
        if (sit == 2 || (sit && v->evaluative)) continue;
        /* "has no bloat", "has no built-in reporter", "offers no
         * commercial fees": what follows (past a word) is denied, and
         * judges (stance_sign, a cost stance_score_size); "has no"
         * itself does not */
        if (cls == SL_NEGATIVE && c->h + 1 < c->nh && h->tok_end > h->tok &&
            words_is(c->w, WR_SIZE_NEGATOR, &toks[h->tok_end - 1]) && c->hits[c->h + 1].tok <= h->tok_end + 1 &&
            !stance_comma_before(toks, c->hits[c->h + 1].tok)) {
            int next = stance_class_of(c->s, c->hits[c->h + 1].index);
            if (next == SL_NEGATIVE || next == SL_POSITIVE || next == SL_COST) continue;
        }
        int sign = stance_sign(c, v, h, cls);
        if (cls == SL_POSITIVE || cls == SL_NEGATIVE) {
            goal = stance_goal_after(c, v, c->h);
            if (goal != SIZE_MAX)
                sign *= stance_sign(c, v, &c->hits[goal], stance_class_of(c->s, c->hits[goal].index));
        }
        /* "... compared to Y's simpler approach": Y's own merit, so the
         * clause's subject has less of it */
        if (stance_base_owns(c, v, h->tok)) {
            sign = -sign;
            v->comparative = 1;
            v->cmp_sign = sign;
        }
        v->score += sign;
        v->evaluative = 1;
        if (cls == SL_BETTER || cls == SL_WORSE || cls == SL_EQUAL || stance_degree_before(c->w, toks, v->cs, h->tok)) {
            v->comparative = 1;
            v->cmp_sign = sign;
            /* "X matches Y": no worse than Y, and Y no worse either;
             * "X does not match Y": worse than Y */
            v->equal = cls == SL_EQUAL && sign > 0;
            if (v->cmp_end == (size_t)-1) v->cmp_end = h->tok_end;
        }
    }
}

/* Does v's clause open with a negator ("No" in a cell)? */
static int stance_opens_negated(const stance_ctx *c, const stance_verdict *v)
{
    for (size_t k = 0; k < c->nh; k++)
        if (c->hits[k].tok == v->cs && stance_class_of(c->s, c->hits[k].index) == SL_NEGATOR) return 1;
    return 0;
}

/* With no evaluative word, the first of these that holds judges. */
static void stance_score_without(const stance_ctx *c, stance_verdict *v, const stance_cues *q)
{
    int score = 0;
    /* "front end and back end share the same language", "works across
     * platforms", "both the client and the server": one subject
     * serving several places is a strength */
    if (q->broad || stance_both_and(c->w, c->toks, v->cs, v->end)) score = q->broad < 0 ? -1 : 1;
    /* "You manage versions, environments and ...", "X also needs
     * migrations": work left to the user is a weakness */
    else if (q->effort) score = -1;
    else {
        /* "Over 80% of teams use X", "most developers rely on X": wide
         * adoption is a strength, by few a weakness; so are many of a
         * thing ("Hundreds of extensions exist") */
        score = stance_adoption(c->w, c->toks, v->cs, v->end);
        if (!score && q->abundant) score = 1;
        /* "X did not enforce ...", "cannot run ...": a negated action;
         * else the context's bias, turned by a negation opening the
         * clause: a "No" cell on the row "Safari support" */
        if (!score) score = stance_negated_action(c->w, c->toks, v->cs, v->end);
        if (!score) score = stance_opens_negated(c, v) ? -c->in->bias : c->in->bias;
    }
    if (score) {
        v->evaluative = 1;
        v->score = score;
    }
}

/* "X used to be slow", "used to lack Y" in [cs, end): not after "than"
 * or "as" ("better than it used to be"), nor a passive or a habit ("is
 * often used to serve", "can be used to build", "get used to")? */
static int stance_former(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    for (size_t k = cs; k < end; k++) {
        if (!words_at(w, WR_FORMER, toks, end, k)) continue;
        int other = 0;
        for (size_t j = k > cs + 2 ? k - 2 : cs; j < k; j++)
            other |= words_is(w, WR_THAN, &toks[j]) || words_is(w, WR_EQUATIVE, &toks[j]) ||
                     words_is(w, WR_FORMER_NOT, &toks[j]);
        if (!other) return 1;
    }
    return 0;
}

void stance_score(stance_ctx *c, size_t cs, size_t end, stance_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->cs = cs;
    v->end = end;
    v->cmp_end = (size_t)-1;
    stance_cues q = {0, 0, 0, 0};
    size_t h0 = c->h;
    stance_score_words(c, v, &q);
    if (!v->comparative) stance_score_size(c, v, h0);
    if (!v->comparative) stance_score_amount(c, v, h0);
    if (!v->evaluative) stance_score_without(c, v, &q);
    /* a reason ("because ...", "Since X is ..., ") explains the verdict
     * of the clause it serves; it is no verdict of its own */
    if (q.reason) v->evaluative = 0;
    /* a state given as past is one that no longer holds */
    if (v->evaluative && stance_former(c->w, c->toks, cs, end)) {
        v->score = -v->score;
        v->cmp_sign = -v->cmp_sign;
    }
    /* a recommendation ("-> X") picks one of the subjects compared */
    if (c->in->choice) v->comparative = 1;
}
