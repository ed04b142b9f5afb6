/*
 * reconcile_agree.c - agreements: a group with no conflict in which two
 * or more sources judge the aspect one way and none the other
 * (reconcile.h), kept as a candidate like a dispute.
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

/* Positions come in the order of their propositions, so in source
 * order: a source is new when it differs from the last one seen. */

/* Which way the group's judgements go when two or more sources judge
 * the aspect one way and none the other: +1 or -1; else 0. */
static int rc_agreement_polarity(const rc_ctx *c, const rc_pos *pos, size_t n)
{
    size_t ns[2] = {0, 0}, last[2] = {(size_t)-1, (size_t)-1};
    for (size_t i = 0; i < n; i++) {
        if (!pos[i].polarity || pos[i].pole >= 0) continue;
        int k = pos[i].polarity > 0;
        size_t s = c->props[pos[i].prop].source;
        if (s != last[k]) ns[k]++, last[k] = s;
    }
    if (ns[0] && ns[1]) return 0;
    return ns[1] >= 2 ? 1 : ns[0] >= 2 ? -1 : 0;
}

/* Does position i take pol as position j may share it (a judgement of
 * the subject alone, no pole)? */
static int rc_agrees(const rc_ctx *c, const rc_pos *p, int pol)
{
    return p->polarity == pol && p->pole < 0 && c->props[p->prop].p.versus < 0;
}

void rc_agreement(rc_ctx *c, int subject, uint32_t key, const rc_pos *pos, size_t n)
{
    /* claims meeting on a plain word ("operations", "small") say the
     * same thing no more often than they dispute one (rc_group): an
     * agreement is on an aspect the lexicon names or the user's cue */
    if (rc_key_rank(c, key) == 2) return;
    int pol = rc_agreement_polarity(c, pos, n);
    if (!pol) return;
    rc_question q = rc_question_new(RC_STANCE, subject, key);
    q.rank = rc_key_rank(c, key);
    q.props = kb_malloc(n * sizeof *q.props);
    q.side = kb_malloc(n);
    /* a claim agrees when it says what another source's claim says:
     * the same position, aligned as a dispute's claims are (a shared
     * word alone, "features", is no agreement) */
    /* the first two sources taking pol: a light claim (rc_light) meets
     * any other source's claim, so it needs no pairs */
    size_t none = (size_t)-1, s1 = none, s2 = none, nsrc = 0, last = none;
    for (size_t i = 0; i < n && s2 == none; i++) {
        if (!rc_agrees(c, &pos[i], pol)) continue;
        size_t s = c->props[pos[i].prop].source;
        if (s1 == none) s1 = s;
        else if (s != s1) s2 = s;
    }
    for (size_t i = 0; i < n; i++) {
        if (!rc_agrees(c, &pos[i], pol)) continue;
        const rc_prop *a = &c->props[pos[i].prop];
        int met = pos[i].light && s2 != none;
        for (size_t j = 0; j < n && !met; j++) {
            const rc_prop *b = &c->props[pos[j].prop];
            met = j != i && rc_agrees(c, &pos[j], pol) && b->source != a->source &&
                  (pos[j].light || rc_align(c, &a->p, &b->p) > 0);
        }
        if (!met) continue;
        q.props[q.n] = pos[i].prop;
        q.side[q.n++] = 'a';
        if (a->source != last) nsrc++, last = a->source;
    }
    q.score = (double)nsrc;
    if (nsrc < 2) {
        free(q.props);
        free(q.side);
        return;
    }
    rc_acand_add(c, &q);
}
