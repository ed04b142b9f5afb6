/*
 * prop_neutral.c - what a claim says of a subject outside the clauses
 * judging it (prop.h's "neutral" propositions): the words around each
 * of its names that no such clause takes, bounded by another subject's
 * own clause ("Use X for A, Y for B"), or the whole claim for a subject
 * it does not name and nothing judges.  Such words still judge when
 * they assert an ability or flatly deny one, or when, their verb left
 * out, they follow another subject's judgement.
 */
#include <string.h>

#include "prop_int.h"

/* Is every mention of subject in the claim a comparison's base ("a
 * worthy alternative to Y by providing ...": what is provided is the
 * other subject's)? */
static int prop_all_base(const prop_ctx *c, const prop_marks *m, int subject)
{
    int seen = 0;
    for (size_t k = 0; k < m->ntok; k++) {
        if (m->subj[k] != subject || (k > 0 && m->subj[k - 1] == subject)) continue;
        /* the marker right before the name: "Unlike Y, X provides"
         * makes Y the base, not X */
        int right = k > 0 && (prop_word(c, m, WR_BASE_MARKER, k - 1) || prop_word(c, m, WR_CMP_MARKER, k - 1) ||
                              prop_word(c, m, WR_SUBSTITUTE_PREP, k - 1));
        for (size_t j = k > 3 ? k - 3 : 0; j < k && !right; j++)
            right = j + words_at(c->words, WR_COMPARED_TO, m->toks, k, j) == k;
        if (!right || !words_is_base(c->words, m->toks, k)) return 0;
        seen = 1;
    }
    return seen;
}

/* Append a neutral proposition on subject over tokens [a, b), unless it
 * asserts or denies something (then it judges: prop.h). */
static size_t prop_neutral(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b, size_t n,
                           prop *out, size_t max)
{
    prop p;
    memset(&p, 0, sizeof p);
    p.kind = PROP_NEUTRAL;
    p.subject = subject;
    p.versus = -1;
    p.ranks = -1;
    p.category = -1;
    prop_read_span(c, m, a, b, &p);
    if (p.npoles && prop_only_base(c, m, subject, a, b)) p.npoles = 0;
    /* "X can use multiple cores": a capability asserted, with no
     * evaluative word, judges X able; "no full-stack uniformity",
     * flatly denied, and "will never have X" judge it without (but not
     * in the article's preview of itself: "we will explore what X can
     * do") */
    if ((p.capable || p.denied) && !m->meta && !prop_all_base(c, m, subject)) {
        p.kind = PROP_STANCE;
        p.polarity = p.capable ? 1 : -1;
        /* what is had is a cost ("has a learning curve", "comes with
         * overhead"): a fault, and its denial a merit */
        if (stance_is_cost(c->stance, m->toks + a, b - a)) p.polarity = -p.polarity;
    }
    /* "X only ships a Java client": it has little */
    if (!m->meta && prop_restricted(c, m, a, b)) {
        p.kind = PROP_STANCE;
        p.polarity = -1;
    } else if (!m->meta && p.capable && prop_scant(c, m, a, b)) {
        p.polarity = -p.polarity;
    }
    if (n < max) out[n] = p;
    return n + 1;
}

/* Does another subject's own clause open at token k ("Use X for A, Y
 * for B", "X suits A, and Y suits B"): a name after a comma (and "and"),
 * with another subject named before it, not as a comparison's base? */
static int prop_parallel_at(const prop_ctx *c, const prop_marks *m, size_t k)
{
    if (k == 0 || k >= m->ntok || m->subj[k] < 0 || m->subj[k - 1] == m->subj[k]) return 0;
    size_t j = prop_word(c, m, WR_AND, k - 1) ? k - 1 : k;
    if (j == 0 || !tax_tok_punct_before(m->toks, j, ",")) return 0;
    for (size_t i = 0; i + 1 < j; i++)
        if (m->subj[i] >= 0 && m->subj[i] != m->subj[k] && (i == 0 || m->subj[i - 1] != m->subj[i]) &&
            !words_is_base(c->words, m->toks, i))
            return 1;
    return 0;
}

/* "Use X for A, Y for B": out[i], the words of its subject's own
 * clause from token a on, its verb left out, takes the judgement of
 * the other subject's clause right before it. */
static void prop_gapped(const prop_ctx *c, const prop_marks *m, size_t a, prop *out, size_t i)
{
    prop *p = &out[i];
    size_t k = prop_word(c, m, WR_AND, a) ? a + 1 : a;
    if (!prop_parallel_at(c, m, k) || p->kind != PROP_NEUTRAL || p->choice) return;
    const prop *q = NULL;
    for (size_t j = 0; j < i; j++)
        if (out[j].subject != p->subject && out[j].kind != PROP_CATEGORY && out[j].end <= p->start &&
            (!q || out[j].end > q->end))
            q = &out[j];
    if (!q || (q->kind != PROP_STANCE && !q->choice) || q->versus >= 0) return;
    p->kind = q->kind;
    p->polarity = q->polarity;
    p->capable = q->capable;
    p->choice = q->choice;
}

size_t prop_unjudged(const prop_ctx *c, const prop_marks *m, const tag_result *r, size_t n, prop *out, size_t max)
{
    for (size_t i = 0; i < r->nsubj; i++) {
        int subject = r->subj[i].subject, judged = 0;
        for (size_t k = 0; k < r->nclauses; k++) judged |= r->clauses[k].subject == subject;
        size_t t = 0, done = 0;
        while (t < m->ntok && m->subj[t] != subject) t++;
        if (t == m->ntok && judged) continue;
        for (;;) {
            size_t a = 0, b = m->ntok;
            int inside = 0;
            for (size_t k = 0; k < r->nclauses && t < m->ntok; k++) {
                const stance_clause *cl = &r->clauses[k];
                /* any clause bounds the words around the name ("X is
                 * light, whereas Y can ..."); its own takes them */
                if (cl->subject == subject && cl->tok <= t && t < cl->tok_end) inside = 1;
                if (cl->tok_end <= t && cl->tok_end > a) a = cl->tok_end;
                if (cl->tok > t && cl->tok < b) b = cl->tok;
            }
            /* another subject's own clause bounds them too */
            for (size_t k = a + 1; k < b && !inside; k++)
                if (prop_parallel_at(c, m, k)) {
                    if (k <= t) a = prop_word(c, m, WR_AND, k - 1) ? k - 1 : k;
                    else b = prop_word(c, m, WR_AND, k - 1) ? k - 1 : k;
                }
            if (!inside && a < b && a >= done) {
                n = prop_neutral(c, m, subject, a, b, n, out, max);
                if (n <= max) prop_gapped(c, m, a, out, n - 1);
                done = b;
            }
            /* the next name of the subject */
            while (t < m->ntok && m->subj[t] == subject) t++;
            while (t < m->ntok && m->subj[t] != subject) t++;
            if (t >= m->ntok) break;
        }
    }
    return n;
}
