/*
 * reconcile_group.c - one group: the claims of a subject that share an
 * aspect key, the position each takes on it, the aligned conflicts
 * between claims of different sources (reconcile.h gives the three
 * kinds), and the dispute they make, its claims on sides by position.
 * A group without a conflict may be an agreement (reconcile_agree.c).
 */
#include <stdlib.h>
#include <string.h>

#include "reconcile_int.h"
#include "util.h"

int rc_polarity(const prop *p)
{
    return p->versus >= 0 && p->versus < p->subject ? -p->polarity : p->polarity;
}

/* The pole prop p names on the aspect whose key text is "#AXIS"; -1
 * none, -2 several (a claim naming both "interpreter" and "compilers"
 * takes no side). */
static int rc_pole_on(const prop_lex *lex, const prop *p, const char *key)
{
    if (!key || key[0] != '#') return -1;
    size_t n = strlen(key + 1);
    int pole = -1;
    for (size_t i = 0; i < p->npoles; i++) {
        const char *name = prop_lex_pole(lex, (size_t)p->poles[i]);
        if (name && strncmp(name, key + 1, n) == 0 && name[n] == '/') pole = pole == -1 ? p->poles[i] : -2;
    }
    return pole;
}

/* Is key one that p's evaluative words speak of? */
static int rc_judged(const prop *p, uint32_t key)
{
    for (size_t i = 0; i < p->nkeys; i++)
        if (p->keys[i] == key) return (p->judged >> i) & 1;
    return 0;
}

/* On a concept whose size is a point of its own (prop_lex_is_sized),
 * where every judgement of one polarity states a size or a figure ("a
 * smaller developer pool"), those of the other that state none ("a
 * mature and supportive community") do not answer it: no polarity. */
static void rc_size_meets_size(const rc_ctx *c, const char *kstr, rc_pos *pos, size_t np)
{
    if (kstr[0] != '#' || !prop_lex_is_sized(c->lex, kstr + 1)) return;
    for (int sign = -1; sign <= 1; sign += 2) {
        size_t n = 0, sized = 0;
        for (size_t k = 0; k < np; k++)
            if (pos[k].polarity == sign) {
                n++;
                sized += c->props[pos[k].prop].p.sized != 0;
            }
        if (!n || sized < n) continue;
        for (size_t k = 0; k < np; k++)
            if (pos[k].polarity == -sign && !c->props[pos[k].prop].p.sized) pos[k].polarity = 0;
        return;
    }
}

/* The positions of the claims of e[0..n) (one group) on its key, one per
 * claim (its first clause), into pos; returns how many. */
static size_t rc_positions(const rc_ctx *c, const rc_entry *e, size_t n, rc_pos *pos)
{
    size_t np = 0;
    uint32_t key = e[0].key;
    const char *kstr = prop_key_str(c->keys, key);
    /* the aspect of poles and nothing else ("execution": interpreted or
     * compiled) is disputed by poles only */
    int axis = kstr[0] == '#' && prop_lex_is_axis(c->lex, kstr + 1) && !prop_lex_is_concept(c->lex, kstr + 1);
    for (size_t k = 0; k < n; k++) {
        const rc_prop *rp = &c->props[e[k].prop];
        /* a judgement counts on the aspect it speaks of; a pole's aspect
         * is disputed by poles only */
        int judged = rc_judged(&rp->p, key) && !axis;
        if (np && c->props[pos[np - 1].prop].claim == rp->claim) {
            /* the claim's first clause, unless a "but" clause turns it:
             * the writer's point */
            const rc_pos *pv = &pos[np - 1];
            if (!(rp->p.turn && judged && rp->p.kind == PROP_STANCE && pv->polarity &&
                  rc_polarity(&rp->p) == -pv->polarity && c->props[pv->prop].p.subject == rp->p.subject))
                continue;
            np--;
        }
        rc_pos *ps = &pos[np++];
        ps->prop = e[k].prop;
        ps->polarity = rp->p.kind == PROP_STANCE && judged ? rc_polarity(&rp->p) : 0;
        ps->absolute = judged && rp->p.modality == PROP_ABSOLUTE;
        ps->qualified = judged && rp->p.modality == PROP_QUALIFIED;
        ps->partial = ps->qualified && rp->p.partial;
        ps->immature = ps->qualified && rp->p.immature;
        /* a comparison is filed under one of its two subjects
         * (rc_home): the value it names is its own subject's, and of
         * the other it says only that it has less of it */
        ps->pole = rc_home(&rp->p) == rp->p.subject ? rc_pole_on(c->lex, &rp->p, kstr) : -1;
        ps->light = rc_light(c, &rp->p, key);
    }
    rc_size_meets_size(c, kstr, pos, np);
    return np;
}

/* Does b judge the feature that a calls experimental: the group's key
 * when a judges nothing else ("experimental multithreading"), else one
 * more of a's judged keys ("experimental component testing" against
 * "component testing: yes", not against "built-in parallel testing",
 * which shares only the broad aspect)? */
static int rc_same_feature(const prop *a, const prop *b, uint32_t key)
{
    int other = 0;
    for (size_t i = 0; i < a->nkeys; i++) {
        if (a->keys[i] == key || !((a->judged >> i) & 1)) continue;
        if (rc_judged(b, a->keys[i])) return 1;
        other = 1;
    }
    return !other;
}

/* The aligned conflicts between positions pos[0..n) of different
 * sources, into cf (cf->in, cf->pin: n bytes each, all 0); a group
 * larger than RC_GROUP_MAX without its pairs (reconcile_large.c); key is the group's. */
static void rc_conflicts_find(const rc_ctx *c, const rc_pos *pos, size_t n, uint32_t key, rc_conflicts *cf)
{
    if (n > RC_GROUP_MAX) {
        rc_conflicts_large(c, pos, n, cf);
        return;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const rc_prop *a = &c->props[pos[i].prop], *b = &c->props[pos[j].prop];
            if (a->source == b->source) continue;
            /* "X is harder than Y" does not contradict "X is easy":
             * judgements oppose only in one mode, both comparisons
             * with the same other subject, or neither a comparison */
            int opposite = pos[i].polarity * pos[j].polarity < 0 && (a->p.versus >= 0) == (b->p.versus >= 0);
            /* "X does not support Y" against "X limits Y": an absolute
             * denial against a qualified one */
            int overstated = pos[i].polarity == pos[j].polarity && pos[i].polarity < 0 &&
                             ((pos[i].absolute && pos[j].qualified) || (pos[j].absolute && pos[i].qualified));
            /* "Yes" against "experimental support": there in full or not
             * yet */
            overstated |= pos[i].polarity > 0 && pos[j].polarity > 0 &&
                          ((pos[i].immature && !pos[j].qualified && rc_same_feature(&a->p, &b->p, key)) ||
                           (pos[j].immature && !pos[i].qualified && rc_same_feature(&b->p, &a->p, key)));
            int pole = pos[i].pole >= 0 && pos[j].pole >= 0 && pos[i].pole != pos[j].pole;
            if (!opposite && !overstated && !pole) continue;
            /* two exclusive values of one aspect need no more in
             * common; a judgement must be about the same point */
            double al = rc_align(c, &a->p, &b->p);
            if (al <= 0) {
                if (!pole) continue;
                opposite = overstated = 0;
            }
            if (opposite || overstated) cf->in[i] = cf->in[j] = 1;
            if (pole) cf->pin[i] = cf->pin[j] = 1;
            cf->any = 1;
            cf->absolute |= overstated || (opposite && (pos[i].absolute || pos[j].absolute));
            cf->polar |= opposite || overstated;
            cf->poles |= pole;
            if (al > cf->best) cf->best = al;
        }
    /* a pole question lists every claim naming a pole of its aspect: a
     * source that names both shows they are not exclusive */
    if (cf->poles)
        for (size_t i = 0; i < n; i++) cf->pin[i] |= pos[i].pole >= 0;
}

/* Is this a judgement on a plain word ("projects", "tools") or on a
 * part of the subject ("TypeScript" of Node.js)?  Two claims that name
 * one and judge opposite ways almost always judge two different points
 * (the word is what they mention, not what they weigh): only the
 * lexicon's aspects and the user's cues carry a judgement question.
 * Exclusive values (poles) on such a word are still a question. */
static int rc_word_stance(const rc_ctx *c, rc_kind kind, uint32_t key)
{
    return kind == RC_STANCE && (rc_key_rank(c, key) == 2 || prop_key_str(c->keys, key)[0] == '&');
}

/* The dispute of kind (RC_STANCE or RC_POLE) of a group with conflicts
 * cf, of the positions in[]: its claims on their sides, a candidate
 * unless it rests on a plain word with too few claims. */
static void rc_dispute(rc_ctx *c, rc_kind kind, int subject, uint32_t key, const rc_pos *pos, size_t n,
                       const rc_conflicts *cf, const unsigned char *in)
{
    if (rc_word_stance(c, kind, key)) return;
    rc_question q = rc_question_new(kind, subject, key);
    q.absolute = kind == RC_STANCE && cf->absolute;
    q.general = n > RC_GROUP_MAX;
    q.score = cf->best;
    size_t m = 0, cmp = 0;
    for (size_t i = 0; i < n; i++) {
        m += in[i];
        if (in[i] && c->props[pos[i].prop].p.versus >= 0) {
            cmp++;
            const prop *pp = &c->props[pos[i].prop].p;
            q.versus = pp->versus == subject ? pp->subject : pp->versus;
        }
    }
    /* a question between two subjects when most of it is comparisons */
    if (2 * cmp <= m) q.versus = -1;
    q.props = kb_malloc(m * sizeof *q.props);
    q.side = kb_malloc(m);
    int *posk = kb_malloc(m * sizeof *posk);
    for (size_t i = 0; i < n; i++) {
        if (!in[i]) continue;
        q.props[q.n] = pos[i].prop;
        /* a stance side: polarity, and absolute and partial ("for some
         * workloads") apart when an absolute claim is disputed; a pole
         * side: the pole */
        posk[q.n] = q.kind == RC_POLE ? pos[i].pole
                    : (pos[i].polarity + 1) * 3 +
                          (!q.absolute ? 1 : pos[i].absolute ? 0 : pos[i].partial || pos[i].immature ? 2 : 1);
        q.n++;
    }
    rc_sides(c, &q, posk);
    free(posk);
    /* two claims meeting on one plain word ("projects", "server") meet
     * by chance more often than they dispute a point: a question on a
     * word needs a third claim (a pole; judgements on a word are never
     * asked, rc_word_stance); on a named aspect or the user's own cue,
     * two will do */
    if (rc_key_rank(c, key) == 2 && q.n < RC_WORD_MIN) {
        free(q.props);
        free(q.side);
    } else {
        rc_cand_add(c, &q);
    }
}

void rc_group(rc_ctx *c, int subject, const rc_entry *e, size_t n, rc_pos *pos)
{
    size_t np = rc_positions(c, e, n, pos);
    rc_conflicts cf;
    memset(&cf, 0, sizeof cf);
    cf.in = kb_calloc(np, 1);
    cf.pin = kb_calloc(np, 1);
    rc_conflicts_find(c, pos, np, e[0].key, &cf);
    /* judgements and values in one group are two questions ("Is X's
     * typing a problem?", "Is X statically or dynamically typed?") */
    if (cf.polar) rc_dispute(c, RC_STANCE, subject, e[0].key, pos, np, &cf, cf.in);
    if (cf.poles) rc_dispute(c, RC_POLE, subject, e[0].key, pos, np, &cf, cf.pin);
    if (!cf.any) rc_agreement(c, subject, e[0].key, pos, np);
    free(cf.in);
    free(cf.pin);
}

/* A member's position (index into the question's keys) and source. */
typedef struct rc_keysrc {
    size_t k, src;
} rc_keysrc;

static int rc_keysrc_cmp(const void *a, const void *b)
{
    const rc_keysrc *x = a, *y = b;
    if (x->k != y->k) return x->k < y->k ? -1 : 1;
    return (x->src > y->src) - (x->src < y->src);
}

/* A question's member: its side and proposition. */
typedef struct rc_member {
    char side;
    size_t prop;
} rc_member;

static int rc_member_cmp(const void *a, const void *b)
{
    const rc_member *x = a, *y = b;
    if (x->side != y->side) return x->side < y->side ? -1 : 1;
    return (x->prop > y->prop) - (x->prop < y->prop);
}

/* Sides for a question from the positions of its members: one per
 * distinct position, most sources first.  There are at most
 * RC_MAX_SIDES positions (rc_lex_check). */
void rc_sides(const rc_ctx *c, rc_question *q, const int *posk)
{
    int *keys = kb_malloc((q->n ? q->n : 1) * sizeof *keys);
    size_t nk = 0, *nsrc = kb_calloc(q->n ? q->n : 1, sizeof *nsrc);
    rc_keysrc *ks = kb_malloc((q->n ? q->n : 1) * sizeof *ks);
    for (size_t i = 0; i < q->n; i++) {
        size_t k = 0;
        while (k < nk && keys[k] != posk[i]) k++;
        if (k == nk) keys[nk++] = posk[i];
        ks[i] = (rc_keysrc){k, c->props[q->props[i]].source};
    }
    /* each key's distinct sources: one sort of (key, source) */
    if (q->n) qsort(ks, q->n, sizeof *ks, rc_keysrc_cmp);
    for (size_t i = 0; i < q->n; i++)
        nsrc[ks[i].k] += i == 0 || ks[i].k != ks[i - 1].k || ks[i].src != ks[i - 1].src;
    free(ks);
    /* order: most sources, then the key's value (stable, deterministic) */
    size_t *order = kb_malloc((nk ? nk : 1) * sizeof *order);
    for (size_t k = 0; k < nk; k++) order[k] = k;
    for (size_t i = 0; i < nk; i++)
        for (size_t j = i + 1; j < nk; j++)
            if (nsrc[order[j]] > nsrc[order[i]] ||
                (nsrc[order[j]] == nsrc[order[i]] && keys[order[j]] < keys[order[i]])) {
                size_t t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
    for (size_t i = 0; i < q->n; i++)
        for (size_t r = 0; r < nk; r++)
            if (keys[order[r]] == posk[i]) q->side[i] = (char)('a' + (r < RC_MAX_SIDES ? r : RC_MAX_SIDES - 1));
    free(order);
    free(nsrc);
    free(keys);
    /* members by side, then in claim order */
    rc_member *m = kb_malloc((q->n ? q->n : 1) * sizeof *m);
    for (size_t i = 0; i < q->n; i++) m[i] = (rc_member){q->side[i], q->props[i]};
    if (q->n) qsort(m, q->n, sizeof *m, rc_member_cmp);
    for (size_t i = 0; i < q->n; i++) {
        q->side[i] = m[i].side;
        q->props[i] = m[i].prop;
    }
    free(m);
}

