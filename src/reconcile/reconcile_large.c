/*
 * reconcile_large.c - the conflicts of a group larger than RC_GROUP_MAX
 * (a named aspect's: reconcile.c), found without its pairs.
 *
 * A position conflicts with a class of others: the opposite polarity in
 * its mode, absolute against qualified denials, another pole.  It takes
 * part when some member of that class, from another source, is aligned
 * with it.  A light claim (rc_light) is aligned with every member, so
 * for it a member of another source is enough; for a long claim, a
 * light member of another source is enough, else the class's long
 * members are compared with it.  Each class keeps the first two
 * sources of its members and of its light members, and its long
 * members: the work grows with the group, plus the pairs of long claims
 * of opposite classes.
 */
#include <stdlib.h>

#include "reconcile_int.h"
#include "util.h"

#define RL_NONE ((size_t)-1)

/* One class of positions. */
typedef struct rl_class {
    size_t any[2];           /* the first two sources of its members */
    size_t light[2];         /* ... of its light members */
    double wlight;           /* a light member's weight (the key's) */
    size_t *heavy, nheavy, capheavy;   /* its long members (positions) */
} rl_class;

/* Classes: the polarity in each mode (0..3), absolute and qualified
 * denials (4, 5), then one per pole. */
enum { RL_OPP = 0, RL_ABS = 4, RL_QUAL = 5, RL_POLE = 6 };

static void rl_note(size_t two[2], size_t src)
{
    if (two[0] == RL_NONE) two[0] = src;
    else if (two[1] == RL_NONE && src != two[0]) two[1] = src;
}

static int rl_other(const size_t two[2], size_t src)
{
    return (two[0] != RL_NONE && two[0] != src) || (two[1] != RL_NONE && two[1] != src);
}

static void rl_add(rl_class *k, const rc_ctx *c, const rc_pos *p, size_t i)
{
    size_t src = c->props[p->prop].source;
    rl_note(k->any, src);
    if (p->light) {
        rl_note(k->light, src);
        k->wlight = p->light;
    } else {
        if (k->nheavy == k->capheavy) {
            k->capheavy = k->capheavy ? 2 * k->capheavy : 16;
            k->heavy = kb_realloc(k->heavy, k->capheavy * sizeof *k->heavy);
        }
        k->heavy[k->nheavy++] = i;
    }
}

/* The class of position p's judgement (its mode and sign), or -1; the
 * opposite class is that index ^ 1. */
static int rl_opp(const rc_ctx *c, const rc_pos *p)
{
    if (!p->polarity) return -1;
    return RL_OPP + 2 * (c->props[p->prop].p.versus >= 0) + (p->polarity > 0);
}

/* The weight position i shares with an aligned member of class k from
 * another source, or 0. */
static double rl_meets(const rc_ctx *c, const rc_pos *pos, size_t i, const rl_class *k)
{
    size_t src = c->props[pos[i].prop].source;
    if (pos[i].light) return rl_other(k->any, src) ? pos[i].light : 0;
    if (rl_other(k->light, src)) return k->wlight;
    for (size_t h = 0; h < k->nheavy; h++) {
        const rc_prop *b = &c->props[pos[k->heavy[h]].prop];
        if (b->source == src) continue;
        double al = rc_align(c, &c->props[pos[i].prop].p, &b->p);
        if (al > 0) return al;
    }
    return 0;
}

void rc_conflicts_large(const rc_ctx *c, const rc_pos *pos, size_t n, rc_conflicts *cf)
{
    int npoles = 0;
    for (size_t i = 0; i < n; i++)
        if (pos[i].pole + 1 > npoles) npoles = pos[i].pole + 1;
    size_t nk = RL_POLE + (size_t)npoles;
    rl_class *k = kb_calloc(nk, sizeof *k);
    for (size_t j = 0; j < nk; j++) k[j].any[0] = k[j].any[1] = k[j].light[0] = k[j].light[1] = RL_NONE;
    for (size_t i = 0; i < n; i++) {
        int o = rl_opp(c, &pos[i]);
        if (o >= 0) rl_add(&k[o], c, &pos[i], i);
        if (pos[i].polarity < 0 && pos[i].absolute) rl_add(&k[RL_ABS], c, &pos[i], i);
        if (pos[i].polarity < 0 && pos[i].qualified) rl_add(&k[RL_QUAL], c, &pos[i], i);
        if (pos[i].pole >= 0) rl_add(&k[RL_POLE + (size_t)pos[i].pole], c, &pos[i], i);
    }
    for (size_t i = 0; i < n; i++) {
        size_t src = c->props[pos[i].prop].source;
        /* opposite judgements in one mode */
        int o = rl_opp(c, &pos[i]);
        double al = o >= 0 ? rl_meets(c, pos, i, &k[o ^ 1]) : 0;
        if (al > 0) {
            cf->in[i] = 1;
            cf->polar = 1;
            cf->absolute |= pos[i].absolute;
            if (al > cf->best) cf->best = al;
        }
        /* an absolute denial against a qualified one */
        if (pos[i].polarity < 0 && (pos[i].absolute || pos[i].qualified)) {
            al = rl_meets(c, pos, i, &k[pos[i].absolute ? RL_QUAL : RL_ABS]);
            if (al > 0) {
                cf->in[i] = 1;
                cf->polar = cf->absolute = 1;
                if (al > cf->best) cf->best = al;
            }
        }
        /* another pole of the aspect, from another source: no more in
         * common needed */
        for (int p = 0; p < npoles && pos[i].pole >= 0 && !cf->pin[i]; p++)
            if (p != pos[i].pole && rl_other(k[RL_POLE + (size_t)p].any, src)) cf->pin[i] = 1;
        cf->poles |= cf->pin[i];
    }
    cf->any = cf->polar || cf->poles;
    if (cf->poles)
        for (size_t i = 0; i < n; i++) cf->pin[i] |= pos[i].pole >= 0;
    for (size_t j = 0; j < nk; j++) free(k[j].heavy);
    free(k);
}
