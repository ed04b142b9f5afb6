/*
 * prop_instead.c - the alternative a claim sets aside (prop.h): "X
 * ships callbacks instead of promises", "Rather than a package
 * manager, X imports by URL", "X uses processes in place of threads".
 * What follows the marker (words.tsv `instead`) up to a comma or the
 * clause's end is what the subject does not have or do: it is no
 * aspect of the proposition that asserts the rest, and it is a
 * proposition of its own, a denial ("X has no promises"), so that a
 * source saying X has them meets it on the same key.  A subject named
 * there is another matter ("Use X instead of Y" is a choice between
 * subjects) and a clause that already judges against its subject ("X
 * spawns a process per request instead of sharing one") is left as it
 * is read.
 */
#include <string.h>

#include "prop_int.h"

/* The first token of p's clause and one past its last, from its bytes. */
static void pi_span(const prop_marks *m, const prop *p, size_t *a, size_t *b)
{
    size_t k = 0;
    while (k < m->ntok && m->map[m->toks[k].off] < p->start) k++;
    *a = k;
    while (k < m->ntok && m->map[m->toks[k].off] < p->end) k++;
    *b = k;
}

/* The alternative set aside in [a, b): the marker's first token *mk
 * and the words [*xa, *xb) it sets aside, up to a comma; 0 when there
 * is none, or it names a subject. */
static int pi_find(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, size_t *mk, size_t *xa, size_t *xb)
{
    for (size_t k = a; k < b; k++) {
        size_t n = prop_words_at(c, m, WR_INSTEAD, k);
        if (!n || k + n >= b) continue;
        size_t e = k + n;
        while (e < b && !prop_comma_before(m, e)) e++;
        /* "Instead of A, X does B" sets A aside only up to the comma */
        for (size_t j = k + n; j < e; j++)
            if (m->subj[j] >= 0 || m->part[j] >= 0) return 0;
        *mk = k;
        *xa = k + n;
        *xb = e;
        return 1;
    }
    return 0;
}

/* Keep only the keys of p that the words outside [mk, xb) give. */
static void pi_drop_keys(const prop_ctx *c, const prop_marks *m, prop *p, size_t a, size_t b, size_t mk, size_t xb)
{
    prop before, after;
    memset(&before, 0, sizeof before);
    memset(&after, 0, sizeof after);
    before.subject = after.subject = p->subject;
    if (mk > a) prop_read_span(c, m, a, mk, &before);
    if (b > xb) prop_read_span(c, m, xb, b, &after);
    size_t w = 0;
    uint32_t judged = 0, ranked = 0;
    for (size_t i = 0; i < p->nkeys; i++) {
        int kept = 0;
        for (size_t j = 0; j < before.nkeys && !kept; j++) kept = before.keys[j] == p->keys[i];
        for (size_t j = 0; j < after.nkeys && !kept; j++) kept = after.keys[j] == p->keys[i];
        if (!kept) continue;
        if (p->judged & (1u << i)) judged |= 1u << w;
        if (p->ranked & (1u << i)) ranked |= 1u << w;
        p->keys[w++] = p->keys[i];
    }
    p->nkeys = w;
    p->judged = judged;
    p->ranked = ranked;
}

size_t prop_instead(const prop_ctx *c, const prop_marks *m, prop *out, size_t n, size_t max)
{
    size_t had = n < max ? n : max;
    for (size_t i = 0; i < had; i++) {
        prop *p = &out[i];
        if (p->kind == PROP_CATEGORY || m->meta) continue;
        size_t a, b, mk, xa, xb;
        pi_span(m, p, &a, &b);
        if (!pi_find(c, m, a, b, &mk, &xa, &xb)) continue;
        if (p->polarity < 0 || p->denied) continue;
        pi_drop_keys(c, m, p, a, b, mk, xb);
        prop d;
        memset(&d, 0, sizeof d);
        d.kind = PROP_STANCE;
        d.subject = p->subject;
        d.versus = d.ranks = d.category = -1;
        prop_read_span(c, m, xa, xb, &d);
        if (!d.nkeys) continue;
        /* a thing done without is denied; going without a cost
         * ("instead of a build step") is a merit */
        d.polarity = stance_is_cost(c->stance, m->toks + xa, xb - xa) ? 1 : -1;
        d.denied = d.feature = 1;
        d.capable = 0;
        d.modality = p->modality == PROP_QUALIFIED ? PROP_QUALIFIED : PROP_PLAIN;
        d.judged = (uint32_t)((1ull << d.nkeys) - 1);
        d.ranked = 0;
        if (n < max) out[n] = d;
        n++;
    }
    return n;
}
