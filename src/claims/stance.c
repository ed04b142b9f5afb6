/*
 * stance.c - clause polarity and comparison direction; see stance.h.
 *
 * The lexicon is matched with the taxonomy matcher (taxonomy.h): it is
 * loaded as a small taxonomy whose "dimensions" are the word classes,
 * so phrases, prefixes and plurals behave the same way everywhere.
 */
#include "stance.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"
#include "words.h"

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
    SL_COUNT
};
static const char *const stance_classes[SL_COUNT] = {"positive", "negative",  "better", "worse",  "negator", "contrast",
                                                     "mixed",    "abundance", "reason", "advice", "breadth",
                                                     "effort",   "size",      "equal"};

struct stance_lex {
    taxonomy *t;
    int cls[SL_COUNT]; /* the taxonomy dimension index of each class */
    const words_lex *w; /* the function words, borrowed */
};

/* Rewrite "KIND<TAB>TERMS" lines as taxonomy lines so one matcher
 * serves both. */
int stance_load(const char *tsv, size_t len, const words_lex *words, stance_lex **out, char **err)
{
    *out = NULL;
    buf b = BUF_INIT;
    buf_adds(&b, "subject\tlexicon\t\n"); /* a taxonomy needs one subject */
    const char *p = tsv, *end = tsv + len;
    size_t lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *line = p;
        p = nl ? nl + 1 : end;
        lineno++;
        size_t tl = ll;
        const char *tr = kb_trim(line, &tl);
        if (!tl || tr[0] == '#') {
            buf_addc(&b, '\n');
            continue;
        }
        const char *tab = memchr(line, '\t', ll);
        size_t kl = tab ? (size_t)(tab - line) : 0;
        const char *kw = kb_trim(line, &kl);
        int c = -1;
        for (int k = 0; k < SL_COUNT && tab; k++)
            if (kb_ascii_ieq(kw, kl, stance_classes[k])) c = k;
        if (c < 0) {
            buf_free(&b);
            return kb_seterr(err, "stance lexicon line %zu: expected one of positive, negative, better, "
                                  "worse, negator, contrast, mixed, abundance, reason, advice, breadth, effort, size, equal, a TAB and terms", lineno);
        }
        buf_printf(&b, "dimension\t%s\t%.*s\n", stance_classes[c], (int)(ll - kl - 1), tab + 1);
    }
    stance_lex *s = kb_calloc(1, sizeof *s);
    char *terr = NULL;
    if (tax_load(buf_cstr(&b), b.len, &s->t, &terr)) {
        kb_seterr(err, "stance lexicon %s", terr);
        free(terr);
        buf_free(&b);
        free(s);
        return KB_ERR;
    }
    buf_free(&b);
    for (int k = 0; k < SL_COUNT; k++) s->cls[k] = tax_find_dimension(s->t, stance_classes[k]);
    s->w = words;
    *out = s;
    return KB_OK;
}

void stance_free(stance_lex *s)
{
    if (!s) return;
    tax_free(s->t);
    free(s);
}

static int stance_class_of(const stance_lex *s, int dim)
{
    for (int k = 0; k < SL_COUNT; k++)
        if (s->cls[k] == dim) return k;
    return -1;
}

/* Merge one subject's polarity into the results (a subject judged in
 * two clauses keeps the stronger evidence: opposite signs give 0). */
static size_t stance_put(stance_out *out, size_t n, size_t max, int subject, int pol, int versus)
{
    for (size_t i = 0; i < n && i < max; i++)
        if (out[i].subject == subject) {
            if (out[i].polarity != pol) out[i].polarity = 0;
            if (out[i].versus < 0) out[i].versus = versus;
            return n;
        }
    if (n < max) {
        out[n].subject = subject;
        out[n].polarity = pol;
        out[n].versus = versus;
    }
    return n + 1;
}

#define STANCE_MAX_HITS 64
#define STANCE_MAX_SUBJ 8

/* A comma (or colon) between token k-1 and token k. */
static int stance_comma_before(const tax_tok *toks, size_t k)
{
    const char *a = toks[k - 1].s + toks[k - 1].n, *b = toks[k].s;
    return b > a && (memchr(a, ',', (size_t)(b - a)) || memchr(a, ':', (size_t)(b - a)));
}

static int stance_mentioned_at(const stance_mention *ment, size_t nment, size_t tok)
{
    for (size_t i = 0; i < nment; i++)
        if (ment[i].tok == tok) return 1;
    return 0;
}

/* The base of a comparison in the clause [cs, end): the tokens naming
 * what the clause's subject is compared with.
 *   "X is faster than Y", "X ..., compared to/with Y", "in comparison
 *   to Y", "X ..., unlike Y"          base runs to the clause end
 *   "Unlike Y, X ...", "Compared to Y, X ..."  base runs to the comma
 *   "X over Y" (Y named right after)    one-sided: Y is only the versus
 *   "X outperforms Y", "X loses to Y"   after a comparative word
 *   "X is (not) as fast as Y"           an equative
 * Returns 1 and sets [*bs, *be) and *onesided, or 0 when there is none. */
static int stance_base(const words_lex *w, const tax_tok *toks, size_t cs, size_t end, const stance_mention *ment,
                       size_t nment, size_t cmp_end, size_t *bs, size_t *be, int *onesided)
{
    for (size_t k = cs; k < end; k++) {
        size_t from = 0, n;
        *onesided = 0;
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
                 (words_is(w, WR_EQUATIVE, &toks[k - 2]) || (k >= cs + 3 && words_is(w, WR_EQUATIVE, &toks[k - 3]))))
            from = k + 1;
        else if (words_is(w, WR_ONE_SIDED, &toks[k]) && stance_mentioned_at(ment, nment, k + 1)) {
            from = k + 1;
            *onesided = 1;
        }
        if (!from) continue;
        *bs = from;
        *be = end;
        /* a fronted "Unlike Y, X ...", "Compared to Y, X ...": the base
         * ends at the comma */
        size_t lead = k > cs && words_is(w, WR_COMPARISON_LEAD, &toks[k - 1]) ? k - 1 : k; /* "in comparison to" */
        if (!words_is(w, WR_THAN, &toks[k]) && !*onesided && (lead == cs || stance_comma_before(toks, lead)))
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
static size_t stance_emit(stance_clause *out, size_t n, size_t max, int subject, int pol, int versus, size_t cs,
                          size_t ce)
{
    for (size_t i = 0; i < n && i < max; i++)
        if (out[i].subject == subject && out[i].tok == cs) return n; /* once per clause */
    if (n < max) {
        out[n].subject = subject;
        out[n].polarity = pol;
        out[n].versus = versus;
        out[n].tok = cs;
        out[n].tok_end = ce;
    }
    return n + 1;
}

/* A reason word opening the claim at hit k: "Because ...", "Due to
 * ...", "Since ..." (but not a date's "Since 1995"). */
static int stance_is_reason(const stance_lex *s, const tax_hit *hits, size_t k, const tax_tok *toks, size_t ntok)
{
    /* only a fronted reason ("Since X is ..., Y ..."): one after the
     * verdict ("X is easy because its syntax is simple") carries the
     * same judgement and stays in its clause */
    if (hits[k].tok != 0 || stance_class_of(s, hits[k].index) != SL_REASON) return 0;
    size_t e = hits[k].tok_end;
    if (words_is(s->w, WR_DATE_SINCE, &toks[hits[k].tok]) && e < ntok && toks[e].n && toks[e].s[0] >= '0' &&
        toks[e].s[0] <= '9')
        return 0;
    return 1;
}

/* A negated action in [cs, end): "does not / did not / cannot / can't /
 * won't VERB", "fails to", "unable to", "no longer": the subject is
 * presented as unable to do something. */
static int stance_negated_action(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    for (size_t k = cs; k < end; k++) {
        if (words_at(w, WR_NEGATED_ACTION, toks, end, k)) return 1;
        /* "Neither database shards data": the action denied of each */
        if (words_is(w, WR_NEITHER, &toks[k]) && !words_at(w, WR_NEITHER_OF, toks, end, k)) return 1;
        /* a negated copula: "X is not (truly) asynchronous", "isn't
         * a real Y" -- but not "is not only/just ..." (praise) nor "not
         * necessarily" (a hedge) */
        size_t n = words_at(w, WR_NEGATED_COPULA, toks, end, k);
        if (n && !(k + n < end && words_is(w, WR_COPULA_NOT_NEGATING, &toks[k + n]))) return 1;
    }
    return 0;
}

/* Adoption in [cs, end): a usage verb ("use", "rely on", "choose")
 * after a quantifier of people saying most of them: "most", "the
 * majority", or a percentage of 50 or more ("Over 80% of teams use
 * X"), or named adopters ("companies like A and B"). */
static int stance_adoption(const words_lex *w, const tax_tok *toks, size_t cs, size_t end)
{
    int most = 0;
    for (size_t k = cs; k < end; k++) {
        if (words_is(w, WR_MAJORITY, &toks[k])) most = 1;
        /* named adopters: "companies like A, B and C rely on X" */
        if (k + 1 < end && words_is(w, WR_ADOPTERS, &toks[k]) && words_is(w, WR_ADOPTERS_NAMED, &toks[k + 1]))
            most = 1;
        if (toks[k].n && toks[k].s[0] >= '0' && toks[k].s[0] <= '9') {
            /* a figure followed by a percent sign */
            const char *e = toks[k].s + toks[k].n;
            if (*e == '%' && atof(toks[k].s) >= 50) most = 1;
        }
        if (!most) continue;
        if (words_is(w, WR_ADOPT, &toks[k])) return 1;
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

/* A size comparative: "larger", "bigger", "greater", "wider" (+1) or
 * "smaller", "fewer", "narrower" (-1); 0 for none. */
static int stance_size_word(const words_lex *w, const tax_tok *t)
{
    if (words_is(w, WR_SIZE_MORE, t)) return 1;
    if (words_is(w, WR_SIZE_LESS, t)) return -1;
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

/* An evaluative word [tok, tok_end) right after "for/on/in/at" and
 * before another word of its clause (ending at end), with no
 * punctuation between: it qualifies the object of the preposition
 * ("on complex queries", "for large systems"), not the subject. */
static int stance_describes_task(const words_lex *w, const tax_tok *toks, size_t tok, size_t tok_end, size_t end)
{
    if (tok == 0 || tok_end >= end) return 0;
    if (!words_is(w, WR_TASK_PREP, &toks[tok - 1]) || stance_comma_before(toks, tok) ||
        stance_comma_before(toks, tok_end))
        return 0;
    /* "in favour of X" is a verdict on X, not a task */
    if (words_is(w, WR_FAVOUR_OF, &toks[tok_end]) && words_is(w, WR_FAVOUR_NOUN, &toks[tok])) return 0;
    /* the next token must be a word, not a figure */
    return toks[tok_end].n && !(toks[tok_end].s[0] >= '0' && toks[tok_end].s[0] <= '9');
}

size_t stance_judge(const stance_lex *s, const char *text, const tax_tok *toks, size_t ntok,
                    const stance_mention *ment, size_t nment, const int *fallback, size_t nfallback,
                    const int *compared, size_t ncompared, int bias, int choice, stance_out *out, size_t max)
{
    stance_clause cl[64];
    size_t nc = stance_judge_clauses(s, text, toks, ntok, ment, nment, fallback, nfallback, compared, ncompared,
                                     bias, choice, cl, 64);
    if (nc > 64) nc = 64;
    size_t nout = 0;
    for (size_t i = 0; i < nc; i++) nout = stance_put(out, nout, max, cl[i].subject, cl[i].polarity, cl[i].versus);
    return nout;
}

size_t stance_judge_clauses(const stance_lex *s, const char *text, const tax_tok *toks, size_t ntok,
                            const stance_mention *ment, size_t nment, const int *fallback, size_t nfallback,
                            const int *compared, size_t ncompared, int bias, int choice, stance_clause *out,
                            size_t max)
{
    (void)text;
    tax_hit hits[STANCE_MAX_HITS];
    size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks, ntok, hits, STANCE_MAX_HITS);
    if (nh > STANCE_MAX_HITS) nh = STANCE_MAX_HITS;
    /* advice to the reader ("Stay updated on ...", "Keep an eye on
     * ..."): an imperative opening judges no subject */
    if (nh && hits[0].tok == 0 && stance_class_of(s, hits[0].index) == SL_ADVICE &&
        toks[0].s[toks[0].n - 1] != 's')
        return 0;
    /* "X vs Y" and "between X and Y" name the comparison, not a subject
     * judged: their mentions are left out ("In a X vs Y speed test, X
     * wins"), and a clause that names subjects only so judges none */
    stance_mention keep[STANCE_MAX_HITS];
    size_t nkeep = 0, topic[STANCE_MAX_HITS], ntopic = 0;
    for (size_t i = 0; i < nment; i++) {
        size_t t = ment[i].tok;
        int paired = t > 0 && words_is(s->w, WR_VERSUS, &toks[t - 1]);
        for (size_t k = t + 1; k < ntok && k <= t + 3 && !paired; k++) {
            if (i + 1 < nment && ment[i + 1].tok <= k) break; /* another mention first */
            if ((words_is(s->w, WR_VERSUS, &toks[k]) ||
                 (words_is(s->w, WR_AND, &toks[k]) && t > 0 && words_is(s->w, WR_BETWEEN, &toks[t - 1]))) &&
                stance_mentioned_at(ment, nment, k + 1))
                paired = 1;
        }
        /* the second of "between X and Y" */
        if (!paired && i > 0 && t > 1 && words_is(s->w, WR_AND, &toks[t - 1]))
            for (size_t k = 0; k < ntopic && !paired; k++)
                if (topic[k] == ment[i - 1].tok && ment[i - 1].tok > 0 &&
                    words_is(s->w, WR_BETWEEN, &toks[ment[i - 1].tok - 1]))
                    paired = 1;
        if (paired && ntopic < STANCE_MAX_HITS) topic[ntopic++] = t;
        if (!paired && nkeep < STANCE_MAX_HITS) keep[nkeep++] = ment[i];
    }
    ment = keep;
    nment = nkeep;
    size_t nout = 0;
    size_t clause_start = 0, h = 0;
    int prev_main[STANCE_MAX_SUBJ];
    size_t nprev_main = 0;
    for (size_t end = 1; end <= ntok; end++) {
        /* a clause ends before a contrast word or at a semicolon */
        int boundary = end == ntok;
        if (!boundary) {
            for (size_t k = h; k < nh && hits[k].tok <= end; k++)
                if (hits[k].tok == end && (stance_class_of(s, hits[k].index) == SL_CONTRAST ||
                                           stance_is_reason(s, hits, k, toks, ntok)))
                    boundary = 1;
            const char *a = toks[end - 1].s + toks[end - 1].n, *b = toks[end].s;
            if (memchr(a, ';', (size_t)(b - a))) boundary = 1;
            /* a clause opened by a contrast word ("Although X is slow,
             * it ...") ends at its first comma; one joined by "but"
             * or "yet" runs on ("..., but pulled ahead on X, where it
             * ...") */
            if (stance_comma_before(toks, end) && !words_is(s->w, WR_CONTRAST_RUNS_ON, &toks[clause_start]))
                for (size_t k = 0; k < nh && hits[k].tok <= clause_start && !boundary; k++)
                    if (hits[k].tok == clause_start && (stance_class_of(s, hits[k].index) == SL_CONTRAST ||
                                                        stance_is_reason(s, hits, k, toks, ntok))) {
                        boundary = 1;
                        for (size_t j = clause_start + 1; j < end && boundary; j++)
                            if (stance_comma_before(toks, j)) boundary = 0; /* not its first comma */
                    }
        }
        if (!boundary) continue;
        /* score the clause [clause_start, end) */
        int score = 0, evaluative = 0, comparative = 0, cmp_sign = 0, abundant = 0, reason = 0, broad = 0,
            effort = 0, equal = 0;
        size_t cmp_end = (size_t)-1; /* the token after the first comparative */
        size_t h0 = h;
        for (; h < nh && hits[h].tok < end; h++) {
            if (hits[h].tok < clause_start) continue;
            int c = stance_class_of(s, hits[h].index);
            if (c == SL_MIXED) evaluative = 1; /* even-handed: evaluates, adds no sign */
            if (c == SL_ABUNDANCE) abundant = 1;
            if (c == SL_BREADTH) broad = stance_instead_before(s->w, toks, clause_start, hits[h].tok) ? -1 : broad ? broad : 1;
            if (c == SL_EFFORT) effort = 1;
            if (hits[h].tok == clause_start && stance_is_reason(s, hits, h, toks, ntok)) reason = 1;
            if (c != SL_POSITIVE && c != SL_NEGATIVE && c != SL_BETTER && c != SL_WORSE && c != SL_EQUAL) continue;
            /* "allows 100 connections", "supports 64 cores": a word
             * followed by a figure states a quantity, not a verdict */
            if ((c == SL_POSITIVE || c == SL_NEGATIVE) && hits[h].tok_end < end &&
                toks[hits[h].tok_end].s[0] >= '0' && toks[hits[h].tok_end].s[0] <= '9')
                continue;
            /* "strong on complex queries", "ideal for simple scripts":
             * a word between a preposition and its noun describes the
             * task, not the subject */
            if ((c == SL_POSITIVE || c == SL_NEGATIVE) && stance_describes_task(s->w, toks, hits[h].tok, hits[h].tok_end, end))
                continue;
            int sign = c == SL_POSITIVE || c == SL_BETTER || c == SL_EQUAL ? 1 : -1;
            /* a negator within three tokens before flips it; "non" is
             * a prefix and negates only the word it is attached to
             * ("non-blocking, lets": not "lets") */
            for (size_t k = 0; k < nh; k++) {
                if (stance_class_of(s, hits[k].index) != SL_NEGATOR) continue;
                if (hits[k].tok < hits[h].tok && hits[h].tok - hits[k].tok <= 3 && hits[k].tok >= clause_start) {
                    if (words_is(s->w, WR_AFFIX_NEGATOR, &toks[hits[k].tok]) && hits[h].tok != hits[k].tok_end)
                        continue;
                    sign = -sign;
                    break;
                }
            }
            score += sign;
            evaluative = 1;
            if (c == SL_BETTER || c == SL_WORSE || c == SL_EQUAL) {
                comparative = 1;
                cmp_sign = sign;
                /* "X matches Y": no worse than Y, and Y no worse either;
                 * "X does not match Y": worse than Y */
                equal = c == SL_EQUAL && sign > 0;
                if (cmp_end == (size_t)-1) cmp_end = hits[h].tok_end;
            }
        }
        /* "a larger community", "its user base is much bigger than
         * Y's": size is a comparative where more is better (class
         * `size`: a larger overhead is no strength) */
        if (!comparative)
            for (size_t k = h0; k < nh && hits[k].tok < end && !comparative; k++) {
                if (hits[k].tok < clause_start || stance_class_of(s, hits[k].index) != SL_SIZE) continue;
                size_t lo = hits[k].tok > clause_start + 1 ? hits[k].tok - 1 : clause_start;
                for (size_t j = lo; j < end && j <= hits[k].tok_end + 3; j++) {
                    if (j >= hits[k].tok && j < hits[k].tok_end) continue;
                    if (j > hits[k].tok_end && stance_comma_before(toks, j)) break;
                    if (stance_size_word(s->w, &toks[j])) {
                        int sign = stance_size_word(s->w, &toks[j]) *
                                   (j > 0 && words_is(s->w, WR_SIZE_NEGATOR, &toks[j - 1]) ? -1 : 1);
                        score += sign;
                        evaluative = comparative = 1;
                        cmp_sign = sign;
                        if (cmp_end == (size_t)-1) cmp_end = j + 1;
                        break;
                    }
                }
            }
        /* "Hundreds of extensions exist": many of a thing is a strength
         * when nothing else in the clause judges */
        /* "front end and back end share the same language", "works
         * across platforms", "both the client and the server": one
         * subject serving several places is a strength when nothing
         * else in the clause judges */
        if (!evaluative && (broad || stance_both_and(s->w, toks, clause_start, end))) {
            evaluative = 1;
            score = broad < 0 ? -1 : 1;
        }
        /* "You manage versions, environments and ...", "X also needs
         * migrations": work left to the user is a weakness when nothing
         * else in the clause judges */
        if (!evaluative && effort) {
            evaluative = 1;
            score = -1;
        }
        /* "Over 80% of teams use X", "most developers rely on X":
         * wide adoption is a strength */
        if (!evaluative && stance_adoption(s->w, toks, clause_start, end)) {
            evaluative = 1;
            score = 1;
        }
        if (!evaluative && abundant) {
            evaluative = 1;
            score = 1;
        }
        /* "X did not enforce ...", "cannot run ...": a negated action */
        if (!evaluative && stance_negated_action(s->w, toks, clause_start, end)) {
            evaluative = 1;
            score = -1;
        }
        if (!evaluative && bias) {
            evaluative = 1;
            score = bias;
        }
        /* a reason ("because ...", "Since X is ..., ") explains the
         * verdict of the clause it serves; it is no verdict of its own */
        if (reason) evaluative = 0;
        /* a recommendation ("-> X") picks one of the subjects compared */
        if (choice) comparative = 1;
        if (evaluative) {
            int pol = score > 0 ? 1 : score < 0 ? -1 : 0;
            size_t bs = 0, be = 0;
            int onesided = 0;
            int has_base = stance_base(s->w, toks, clause_start, end, ment, nment, cmp_end, &bs, &be, &onesided);
            /* subjects named in the clause: compared ones and the base */
            int main_s[STANCE_MAX_SUBJ], base[STANCE_MAX_SUBJ];
            size_t nm = 0, nb = 0;
            for (size_t k = 0; k < nment; k++) {
                if (ment[k].tok < clause_start || ment[k].tok >= end) continue;
                if (has_base && ment[k].tok >= bs && ment[k].tok < be) nb = stance_add_subj(base, nb, ment[k].subject);
                else nm = stance_add_subj(main_s, nm, ment[k].subject);
            }
            /* the same subject on both sides ("Python 3 is faster than
             * Python 2") is no comparison between subjects */
            for (size_t i = 0; i < nm; i++)
                for (size_t j = 0; j < nb; j++)
                    if (main_s[i] == base[j]) {
                        base[j] = base[--nb];
                        break;
                    }
            /* no subject of its own but a pronoun: the previous clause's
             * ("Although X is slow, it excels at ..."), else the claim's
             * ("It is faster than Y") */
            if (!nm && nprev_main) {
                int pron = 0;
                for (size_t k = clause_start; k < end && !pron; k++)
                    pron = words_is(s->w, WR_PRONOUN, &toks[k]);
                /* "it"/"its" is one of them: the first named (the
                 * previous clause's grammatical subject) */
                int plural = 0;
                for (size_t k = clause_start; k < end; k++)
                    plural |= words_is(s->w, WR_PRONOUN_PLURAL, &toks[k]);
                for (size_t k = 0; k < nprev_main && pron && (plural || nm == 0); k++) {
                    int in_base = 0;
                    for (size_t j = 0; j < nb; j++) in_base |= base[j] == prev_main[k];
                    if (!in_base) nm = stance_add_subj(main_s, nm, prev_main[k]);
                }
            }
            int only_topic = 0;
            for (size_t k = 0; k < ntopic && !nm; k++) only_topic |= topic[k] >= clause_start && topic[k] < end;
            if (!nm && !only_topic)
                for (size_t k = 0; k < nfallback; k++) {
                    int in_base = 0;
                    for (size_t j = 0; j < nb; j++) in_base |= base[j] == fallback[k];
                    if (!in_base) nm = stance_add_subj(main_s, nm, fallback[k]);
                }
            if (nb) {
                /* "X ... than Y", "unlike Y, X ...": a comparison, with or
                 * without a comparative word */
                if (cmp_sign) pol = cmp_sign;
                for (size_t i = 0; i < nm; i++) nout = stance_emit(out, nout, max, main_s[i], pol, base[0], clause_start, end);
                if (!onesided)
                    for (size_t j = 0; j < nb; j++)
                        nout = stance_emit(out, nout, max, base[j], equal ? 0 : -pol, nm ? main_s[0] : -1,
                                           clause_start, end);
            } else {
                /* "ends in X's favour": a verdict for X over the other
                 * subject compared, when there is exactly one */
                int favoured = 0;
                for (size_t k = 0; k < nment && nm == 1; k++)
                    if (ment[k].subject == main_s[0] && ment[k].tok >= clause_start && ment[k].tok < end &&
                        stance_in_favour(s->w, toks, clause_start, end, ment[k].tok))
                        favoured = 1;
                for (size_t i = 0; i < nm; i++) {
                    int vs = -1;
                    if ((comparative || favoured) && nm == 1) vs = stance_other(compared, ncompared, main_s[i]);
                    nout = stance_emit(out, nout, max, main_s[i], pol, vs, clause_start, end);
                    if (favoured && vs >= 0 && pol) nout = stance_emit(out, nout, max, vs, -pol, main_s[i], clause_start, end);
                }
            }
        }
        /* the subjects this clause names outside a comparison base */
        {
            size_t bs = 0, be = 0;
            int onesided = 0;
            int has_base = stance_base(s->w, toks, clause_start, end, ment, nment, cmp_end, &bs, &be, &onesided);
            size_t n = 0;
            int cur[STANCE_MAX_SUBJ];
            for (size_t k = 0; k < nment; k++)
                if (ment[k].tok >= clause_start && ment[k].tok < end && !(has_base && ment[k].tok >= bs && ment[k].tok < be))
                    n = stance_add_subj(cur, n, ment[k].subject);
            if (n) {
                memcpy(prev_main, cur, n * sizeof *cur);
                nprev_main = n;
            }
        }
        clause_start = end;
    }
    return nout;
}

void stance_marks(const stance_lex *s, const tax_tok *toks, size_t ntok, unsigned char *eval)
{
    tax_hit hits[STANCE_MAX_HITS];
    memset(eval, 0, ntok);
    size_t from = 0;
    while (from < ntok) {
        size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks + from, ntok - from, hits, STANCE_MAX_HITS);
        size_t n = nh > STANCE_MAX_HITS ? STANCE_MAX_HITS : nh, last = ntok - from;
        for (size_t i = 0; i < n; i++) {
            int c = stance_class_of(s, hits[i].index);
            if (c == SL_POSITIVE || c == SL_NEGATIVE || c == SL_BETTER || c == SL_WORSE || c == SL_MIXED ||
                c == SL_EQUAL)
                memset(eval + from + hits[i].tok, 1, hits[i].tok_end - hits[i].tok);
        }
        if (nh <= STANCE_MAX_HITS) break;
        last = hits[n - 1].tok_end; /* more hits than room: go on after the last one kept */
        from += last;
    }
}

int stance_label(const stance_lex *s, const tax_tok *toks, size_t ntok)
{
    tax_hit hits[16];
    size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks, ntok, hits, 16);
    if (nh > 16) nh = 16;
    int score = 0;
    for (size_t i = 0; i < nh; i++) {
        int c = stance_class_of(s, hits[i].index);
        if (c == SL_POSITIVE || c == SL_BETTER) score++;
        else if (c == SL_NEGATIVE || c == SL_WORSE) score--;
    }
    return score > 0 ? 1 : score < 0 ? -1 : 0;
}
