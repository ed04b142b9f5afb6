/*
 * prop_value.c - value propositions (PROP_VALUE): a functional
 * attribute of the lexicon's `attribute` class that a claim gives a
 * subject ("Kafka is developed in Scala", "RabbitMQ is an open source
 * message broker written in Erlang", "Written in C++" opening a claim
 * about one subject).  The values are the names right after the
 * attribute's words: words the text writes with a capital or a digit
 * ("V8"; "C++" with the signs the tokens leave out; "Go" though it is
 * a function word), joined by commas, "and" or "or" ("Java and
 * Scala").  A value is one word: "written in Rust and embraces ..."
 * gives Rust; a lower-case word, a year or a determiner ends the list
 * ("written in python" is no value: read as a name only when the text
 * writes it as one).
 *
 * Whose attribute it is: the subject of the copula before it, past a
 * noun phrase of plain words and determiners ("X is an open source
 * broker written in Y"; a preposition, verb or relative between makes
 * it another thing's: "X helps with applications written in Y"), or
 * after "but"/"and" with no subject of its own the one subject named
 * before ("X uses V8, but is written in Y"); the subject named right
 * before it ("X, written in Y, ...") or before an appositive ("X, a
 * broker written in Y"); or, when it opens the claim, the claim's one
 * subject.  A negated copula says nothing of what it is written in,
 * and a subject the claim names only as a value is not the one.
 */
#include "prop_int.h"

#include <string.h>

#define PROP_VALUE_MAX 6     /* values of one attribute read at most */
#define PROP_VALUE_NP 8      /* words of the noun phrase between copula and attribute */

/* Is token k a name: a word (not a year) the text writes with a
 * capital, or with a digit in it ("V8")? */
static int pv_is_name(const prop_marks *m, size_t k)
{
    const tax_tok *t = &m->toks[k];
    if (!t->n || t->s[0] < 'a' || t->s[0] > 'z') return 0;
    if (!t->lower) return 1;
    for (size_t i = 0; i < t->n; i++)
        if (t->s[i] >= '0' && t->s[i] <= '9') return 1;
    return 0;
}

/* The values after the attribute's words ending at token e into p's
 * keys; *last gets the token after the last value.  Returns how many. */
static size_t pv_values(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t e, prop *p,
                        size_t *last)
{
    size_t k = e, nv = 0;
    while (k < m->ntok && nv < PROP_VALUE_MAX && p->nkeys < PROP_MAX_KEYS) {
        if (nv) {
            /* a value list goes on past a comma, "and", "or" */
            size_t join = prop_word(c, m, WR_SUBJECT_JOIN, k) ? 1 : 0;
            if (!join && !prop_comma_before(m, k)) break;
            if (k + join >= m->ntok) break;
            k += join;
        }
        /* a function word is a name written as one ("Go"), never
         * a determiner ("Written In The Cloud") */
        if (!pv_is_name(m, k) || prop_word(c, m, WR_DETERMINER, k)) break;
        /* the name as the text writes it, with the signs the tokens
         * leave out ("C++", "C#"); the key its lower case */
        const tax_tok *t = &m->toks[k];
        size_t from = m->map[t->off], to = m->map[t->off + t->n];
        while (to < in->len && (in->text[to] == '+' || in->text[to] == '#')) to++;
        char key[PROP_NAME_MAX + 2];
        size_t kl = 1;
        key[0] = '@';
        for (size_t i = from; i < to && kl < PROP_NAME_MAX; i++)
            key[kl++] = in->text[i] >= 'A' && in->text[i] <= 'Z' ? (char)(in->text[i] - 'A' + 'a') : in->text[i];
        p->keys[p->nkeys] = prop_key(c->keys, key, kl, in->text + from, to - from);
        p->judged |= 1u << p->nkeys;
        p->nkeys++;
        nv++;
        *last = ++k;
    }
    return nv;
}

/* May token t stand in a noun phrase before the attribute: a plain
 * word, a determiner or a word of degree, not another function word
 * ("with", "that") nor a name? */
static int pv_np_word(const prop_ctx *c, const prop_marks *m, size_t t)
{
    return m->subj[t] < 0 && (m->cls[t] != PL_FUNCTION || prop_word(c, m, WR_DETERMINER, t) ||
                              prop_word(c, m, WR_NP_DEGREE, t));
}

/* The copula that the attribute at token k follows, at it ("is written
 * in") or past a noun phrase of plain words, adverbs, determiners and
 * commas ("is an open source, multi-protocol broker written in"): its
 * token, or (size_t)-1 when a name, a negation or another function
 * word comes first ("is not written in", "helps with apps written
 * in"). */
static size_t pv_copula_before(const prop_ctx *c, const prop_marks *m, size_t k)
{
    for (size_t t = k; t > 0 && t + PROP_VALUE_NP >= k;) {
        t--;
        if (prop_word(c, m, WR_COPULA, t)) return t;
        if (m->cls[t] == PL_NEGATION || !pv_np_word(c, m, t)) break;
    }
    return (size_t)-1;
}

/* The one subject named before token k, not as a comparison's base,
 * or -1 (none, or several). */
static int pv_named_before(const prop_ctx *c, const prop_marks *m, size_t k)
{
    int one = -1;
    for (size_t t = 0; t < k; t++) {
        /* a base ends at its comma: "Unlike Y, X ..." names X */
        if (m->subj[t] < 0 || m->subj[t] == one || (prop_is_base(c, m, t) && !prop_comma_before(m, t))) continue;
        if (one >= 0) return -1;
        one = m->subj[t];
    }
    return one;
}

/* "X, a broker written in": the subject named right before a comma
 * that opens, with a determiner, the noun phrase the attribute at
 * token k ends; -1 when there is none. */
static int pv_appositive(const prop_ctx *c, const prop_marks *m, size_t k)
{
    for (size_t t = k; t > 1 && t + PROP_VALUE_NP >= k;) {
        t--;
        if (prop_comma_before(m, t) && prop_word(c, m, WR_DETERMINER, t))
            return m->subj[t - 1] >= 0 && !prop_is_base(c, m, t - 1) ? m->subj[t - 1] : -1;
        if (!pv_np_word(c, m, t)) return -1;
    }
    return -1;
}

/* Whose attribute the one at token k is: written into subj (room for
 * 8), returns how many (0: none). */
static size_t pv_subjects(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t k, int *subj)
{
    /* "X is (a broker) written in": the copula's subjects, but not one
     * the claim names only as a value ("it's written in Go": a thing
     * written in Go, not Go); after "but" or "and" with no subject
     * of its own ("X uses V8, but is written in Rust"), the one
     * subject named before */
    size_t cop = pv_copula_before(c, m, k);
    if (cop != (size_t)-1) {
        if (cop > 0 && (prop_word(c, m, WR_TURN, cop - 1) || prop_word(c, m, WR_AND, cop - 1))) {
            int one = pv_named_before(c, m, cop);
            if (one >= 0) subj[0] = one;
            return one >= 0;
        }
        size_t n = prop_copula_subjects(c, m, in, cop, subj), kept = 0;
        for (size_t i = 0; i < n; i++) {
            int before = 0;
            for (size_t t = 0; t < k && !before; t++) before = m->subj[t] == subj[i];
            int carried = 0;
            for (size_t j = 0; j < in->tags->nsubj && !carried; j++)
                carried = in->tags->subj[j].subject == subj[i] && in->tags->subj[j].how == TAG_CARRIED;
            if (before || carried) subj[kept++] = subj[i];
        }
        return kept;
    }
    /* "X, written in Y, ...": the name right before; "X, a broker
     * written in Y": the name before the appositive */
    if (k > 0 && m->subj[k - 1] >= 0 && !prop_is_base(c, m, k - 1)) {
        subj[0] = m->subj[k - 1];
        return 1;
    }
    int app = pv_appositive(c, m, k);
    if (app >= 0) {
        subj[0] = app;
        return 1;
    }
    /* "Written in C++" opening a claim about one subject */
    if (k == 0 && in->tags->nsubj == 1 && in->tags->subj[0].how != TAG_PART) {
        subj[0] = in->tags->subj[0].subject;
        return 1;
    }
    return 0;
}

size_t prop_values(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t n, prop *out, size_t max)
{
    for (size_t k = 0; k < m->ntok; k++) {
        if (m->cls[k] != PL_ATTRIBUTE || (size_t)m->hit[k] != k) continue;
        size_t e = (size_t)m->hit_end[k];
        int subj[8];
        size_t ns = pv_subjects(c, m, in, k, subj);
        prop v;
        memset(&v, 0, sizeof v);
        size_t last = e;
        if (!ns || !pv_values(c, m, in, e, &v, &last)) continue;
        /* the span: from the subject's name before the words ("Deno is
         * written in Rust"), else from the claim's start */
        size_t from = 0;
        for (size_t t = k; t-- > 0;)
            if (m->subj[t] == subj[0]) {
                while (t > 0 && m->subj[t - 1] == subj[0]) t--;
                from = t;
                break;
            }
        for (size_t i = 0; i < ns; i++) {
            if (n < max) {
                prop *p = &out[n];
                *p = v;
                p->kind = PROP_VALUE;
                p->subject = subj[i];
                p->versus = p->ranks = -1;
                p->category = m->entry[k];
                p->start = m->map[m->toks[from].off];
                p->end = m->map[m->toks[last - 1].off + m->toks[last - 1].n];
            }
            n++;
        }
        k = last - 1;
    }
    return n;
}
