/*
 * reconcile_agree.c - agreements: a group with no conflict in which two
 * or more sources judge the aspect one way and none the other
 * (reconcile.h), kept as a candidate like a dispute.
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

/* Add source s to the distinct sources src[0..*n) (room for one more). */
static void rc_source_note(size_t *src, size_t *n, size_t s)
{
    size_t j = 0;
    while (j < *n && src[j] != s) j++;
    if (j == *n) src[(*n)++] = s;
}

/* Which way the group's judgements go when two or more sources judge
 * the aspect one way and none the other: +1 or -1; else 0. */
static int rc_agreement_polarity(const rc_ctx *c, const rc_pos *pos, size_t n)
{
    size_t *src = kb_malloc(2 * (n ? n : 1) * sizeof *src), ns[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (!pos[i].polarity || pos[i].pole >= 0) continue;
        int k = pos[i].polarity > 0;
        rc_source_note(src + (size_t)k * n, &ns[k], c->props[pos[i].prop].source);
    }
    free(src);
    if (ns[0] && ns[1]) return 0;
    return ns[1] >= 2 ? 1 : ns[0] >= 2 ? -1 : 0;
}

void rc_agreement(rc_ctx *c, int subject, uint32_t key, const rc_pos *pos, size_t n)
{
    int pol = rc_agreement_polarity(c, pos, n);
    if (!pol) return;
    rc_question q = rc_question_new(RC_STANCE, subject, key);
    q.rank = rc_key_rank(c, key);
    q.props = kb_malloc(n * sizeof *q.props);
    q.side = kb_malloc(n);
    /* a claim agrees when it says what another source's claim says:
     * the same position, aligned as a dispute's claims are (a shared
     * word alone, "features", is no agreement) */
    size_t nsrc = 0, *srcs = kb_malloc((n ? n : 1) * sizeof *srcs);
    for (size_t i = 0; i < n; i++) {
        if (pos[i].polarity != pol || pos[i].pole >= 0 || c->props[pos[i].prop].p.versus >= 0) continue;
        const rc_prop *a = &c->props[pos[i].prop];
        int met = 0;
        for (size_t j = 0; j < n && !met; j++) {
            const rc_prop *b = &c->props[pos[j].prop];
            met = j != i && pos[j].polarity == pol && pos[j].pole < 0 && b->p.versus < 0 && b->source != a->source &&
                  rc_align(c, &a->p, &b->p) > 0;
        }
        if (!met) continue;
        q.props[q.n] = pos[i].prop;
        q.side[q.n++] = 'a';
        rc_source_note(srcs, &nsrc, a->source);
    }
    free(srcs);
    q.score = (double)nsrc;
    /* on a plain word, as for a dispute (rc_group), it takes more: three
     * sources */
    if (nsrc < 2 || (q.rank == 2 && nsrc < RC_WORD_MIN)) {
        free(q.props);
        free(q.side);
        return;
    }
    rc_acand_add(c, &q);
}
