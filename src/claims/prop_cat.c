/*
 * prop_cat.c - category propositions: what kind of thing a claim says a
 * subject is ("Node.js is a JavaScript runtime", "X is not a
 * programming language but rather a runtime environment", "Python and
 * Node.js are two popular programming languages", "They are
 * frameworks", "As a runtime, Deno ...").  Only what the claim asserts
 * counts: a kind presupposed in passing ("both languages integrate well
 * with ...") is no claim about what the subject is.  A kind is a line
 * of the lexicon's `kind` class; the noun phrase after the copula is
 * read up to the first function word or punctuation, and its last kind
 * is the category ("an
 * open-sourced server-side platform written in C++": platform, a
 * runtime).  The words around it (copulas and the adverbs after them,
 * determiners, pronouns, "but rather") are roles of schema/words.tsv
 * (words.h).
 */
#include "prop_int.h"

#include <string.h>

#define PROP_CAT_RUN 8 /* words of a noun phrase read at most */

/* Punctuation that ends a phrase (not a hyphen or a slash inside a
 * compound) between tokens k-1 and k of the normalized text. */
static int prop_punct_before(const prop_marks *m, size_t k)
{
    return k > 0 && k < m->ntok && tax_tok_punct_before(m->toks, k, ",;:.!?()[]{}\"");
}

/* The subjects a pronoun can stand for.  "it": one subject, the one
 * carried from the claim before when there is one; else the one subject
 * the claim names other than as a comparison's base; else the previous
 * claim's ("Unlike X, it is ..." speaks of what came before).  "they":
 * the claim's subjects but parts. */
static size_t prop_pronoun_subjects(const prop_ctx *c, const prop_marks *m, const prop_claim *in, int plural,
                                    int *out)
{
    const tag_result *r = in->tags;
    size_t n = 0;
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how == TAG_CARRIED) out[n++] = r->subj[i].subject;
    if (n && !plural) return 1;
    n = 0;
    for (size_t i = 0; i < r->nsubj; i++) {
        if (r->subj[i].how == TAG_PART) continue;
        int base = !plural;
        for (size_t t = 0; t < m->ntok && base; t++)
            if (m->subj[t] == r->subj[i].subject && !prop_is_base(c, m, t)) base = 0;
        if (!base || r->subj[i].how != TAG_NAMED) out[n++] = r->subj[i].subject;
    }
    if (plural || n == 1) return n;
    if (n == 0 && in->nprev) {
        out[0] = in->prev[0];
        return 1;
    }
    return 0;
}

/* Who a copula at token k speaks of: the subject named right before it
 * ("Node.js is"), several joined by "and" ("Python and Node.js are"), a
 * subject set off by commas ("Python, on the other hand, is"), one a
 * relative follows ("Deno, which is"), or a pronoun ("It is", "They
 * are"). */
size_t prop_copula_subjects(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t k, int *out)
{
    if (k == 0) return 0;
    /* "X, which is a K": a relative set off after the name (a
     * comparison's base too: "Unlike X, which is a K, ...") */
    if (k >= 2 && prop_word(c, m, WR_RELATIVE, k - 1) && prop_punct_before(m, k - 1) && m->subj[k - 2] >= 0) {
        out[0] = m->subj[k - 2];
        return 1;
    }
    size_t j = k;
    /* "X, on the other hand, is": back over a parenthetical */
    if (prop_punct_before(m, k))
        for (size_t p = k - 1; p > 0 && p + 6 > k; p--)
            if (prop_punct_before(m, p) && m->subj[p - 1] >= 0) {
                j = p;
                break;
            }
    size_t n = 0;
    while (j > 0 && n < 4) {
        size_t t = j - 1;
        if (m->subj[t] >= 0) {
            int s = m->subj[t], dup = 0;
            for (size_t i = 0; i < n; i++) dup |= out[i] == s;
            if (!dup) out[n++] = s;
            while (t > 0 && m->subj[t - 1] == s) t--; /* a name of several words */
            j = t;
            if (j > 0 && prop_word(c, m, WR_SUBJECT_JOIN, j - 1)) {
                j--;
                continue;
            }
            break;
        }
        if (n) break;
        if (prop_word(c, m, WR_COPULA_PRONOUN, t)) return prop_pronoun_subjects(c, m, in, 0, out);
        if (prop_word(c, m, WR_COPULA_PRONOUN_PLURAL, t)) return prop_pronoun_subjects(c, m, in, 1, out);
        break;
    }
    return n;
}

/* Read a noun phrase from token j: its last kind, or -1; *end gets the
 * token after it.  Words of degree do not end it ("the most widely
 * used runtime"). */
static int prop_np_kind(const prop_ctx *c, const prop_marks *m, size_t j, size_t *end)
{
    int kind = -1;
    size_t k = j;
    for (; k < m->ntok && k < j + PROP_CAT_RUN; k++) {
        if (k > j && (prop_punct_before(m, k) || prop_word(c, m, WR_KIND_NOR, k))) break;
        if (m->cls[k] == PL_KIND) {
            /* the head of the phrase, not the end of a compound
             * adjective ("cross-platform") */
            if ((size_t)m->hit[k] == k && !(k > 0 && m->toks[k].s[-1] == '-')) kind = m->entry[k];
            continue;
        }
        if ((m->cls[k] == PL_FUNCTION && !prop_word(c, m, WR_NP_DEGREE, k)) || m->cls[k] == PL_CONDITION) break;
    }
    *end = k;
    return kind;
}

static size_t prop_cat_emit(const prop_marks *m, const int *subj, size_t ns, int kind, int negated, size_t a,
                            size_t b, size_t n, prop *out, size_t max)
{
    for (size_t i = 0; i < ns; i++) {
        if (n < max) {
            prop *p = &out[n];
            memset(p, 0, sizeof *p);
            p->kind = PROP_CATEGORY;
            p->subject = subj[i];
            p->versus = -1;
            p->ranks = -1;
            p->polarity = negated ? -1 : 1;
            p->category = kind;
            p->negated = negated;
            p->start = m->map[m->toks[a].off];
            p->end = m->map[m->toks[b - 1].off + m->toks[b - 1].n];
        }
        n++;
    }
    return n;
}

/* Skip a determiner ("a", "one of the"). */
static size_t prop_skip_det(const prop_ctx *c, const prop_marks *m, size_t j)
{
    return j + prop_words_at(c, m, WR_DETERMINER, j);
}

/* "Node.js, a JavaScript runtime built on V8, lets ...": a subject's
 * name, a comma and a noun phrase with a determiner says what it is
 * (not after a comparison's base: "Unlike X, a Y app ..."). */
static size_t prop_appositives(const prop_ctx *c, const prop_marks *m, size_t n, prop *out, size_t max)
{
    for (size_t t = 0; t + 2 < m->ntok; t++) {
        if (m->subj[t] < 0 || m->subj[t + 1] == m->subj[t] || prop_is_base(c, m, t)) continue;
        if (!tax_tok_punct_before(m->toks, t + 1, ",")) continue;
        size_t d = prop_skip_det(c, m, t + 1), end;
        if (d == t + 1) continue;
        int kind = prop_np_kind(c, m, d, &end);
        if (kind < 0) continue;
        size_t s = t;
        while (s > 0 && m->subj[s - 1] == m->subj[t]) s--;
        int subj = m->subj[t];
        n = prop_cat_emit(m, &subj, 1, kind, 0, s, end, n, out, max);
    }
    return n;
}

/* "As a runtime, Deno ...", "Being a newer runtime, Deno ...": a claim
 * that opens with such a noun phrase and a comma says what the subject
 * named right after the comma is. */
static size_t prop_fronted_kind(const prop_ctx *c, const prop_marks *m, size_t n, prop *out, size_t max)
{
    size_t lead = prop_words_at(c, m, WR_AS_KIND, 0), end;
    size_t d = lead ? prop_skip_det(c, m, lead) : 0;
    if (!lead || d == lead) return n;
    int kind = prop_np_kind(c, m, d, &end);
    if (kind < 0 || end >= m->ntok || !tax_tok_punct_before(m->toks, end, ",") || m->subj[end] < 0) return n;
    size_t e = end;
    while (e < m->ntok && m->subj[e] == m->subj[end]) e++;
    int subj = m->subj[end];
    return prop_cat_emit(m, &subj, 1, kind, 0, 0, e, n, out, max);
}

size_t prop_categories(const prop_ctx *c, const prop_marks *m, const prop_claim *in, size_t n, prop *out,
                       size_t max)
{
    n = prop_fronted_kind(c, m, n, out, max);
    for (size_t k = 0; k < m->ntok; k++) {
        size_t isnt = prop_words_at(c, m, WR_COPULA_NEGATED, k);
        size_t copula = isnt ? isnt : prop_words_at(c, m, WR_COPULA, k);
        if (!copula) continue;
        int subj[8];
        size_t ns = prop_copula_subjects(c, m, in, k, subj);
        if (!ns) continue;
        size_t j = k + copula;
        for (size_t a; (a = prop_words_at(c, m, WR_COPULA_ADVERB, j)) > 0;) j += a;
        j += prop_words_at(c, m, WR_COPULA_AS, j);
        int negated = isnt > 0;
        if (prop_word(c, m, WR_KIND_NOT, j)) {
            negated = 1;
            j++;
        }
        size_t end;
        int kind = prop_np_kind(c, m, prop_skip_det(c, m, j), &end);
        if (kind < 0) continue;
        n = prop_cat_emit(m, subj, ns, kind, negated, k, end, n, out, max);
        /* "not a language but (rather) a runtime", "a runtime rather
         * than a framework", "more of a runtime than a framework": the
         * other kind, the other way */
        size_t but = prop_words_at(c, m, negated ? WR_KIND_CONTRAST : WR_KIND_RATHER, end);
        /* "neither a K nor a J", "not a K or a J": the other denied too */
        size_t nor = negated && !but ? prop_words_at(c, m, WR_KIND_NOR, end) : 0;
        if (but || nor) {
            size_t b = end + but + nor;
            size_t e2, d = prop_skip_det(c, m, b);
            int k2 = d > b ? prop_np_kind(c, m, d, &e2) : -1;
            if (k2 >= 0) n = prop_cat_emit(m, subj, ns, k2, nor ? 1 : !negated, k, e2, n, out, max);
        }
        k = end > k ? end - 1 : k;
    }
    return prop_appositives(c, m, n, out, max);
}
