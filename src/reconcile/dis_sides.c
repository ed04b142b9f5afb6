/*
 * dis_sides.c - a row's sides summed up (dis_side: polarity, modality,
 * sources and their years, the scopes its claims name, a claim saying
 * something changed, the rankings) and what two summaries say of each
 * other: the largest two, a source on both, one within the other,
 * scopes apart.  dis_verdict.c reads only these.
 */
#include <stdlib.h>
#include <string.h>

#include "dis_int.h"
#include "util.h"

static void dis_side_add_source(dis_side *s, size_t src, int year)
{
    for (size_t i = 0; i < s->nsrc; i++)
        if (s->src[i] == src) return;
    if (s->nsrc == s->capsrc) {
        s->capsrc = s->capsrc ? 2 * s->capsrc : 8;
        s->src = kb_realloc(s->src, s->capsrc * sizeof *s->src);
    }
    s->src[s->nsrc++] = src;
    if (year && year > s->latest) s->latest = year;
    if (year && (!s->earliest || year < s->earliest)) s->earliest = year;
}

/* The scope most of the side's claims name on the axis of scope k
 * ("workload/..."), leaving out scope skip, or -1 (none, or a tie). */
static int dis_main_scope(const prop_lex *lex, const dis_side *s, const char *axis, size_t alen, int skip)
{
    int best = -1, best_n = 0, tie = 0;
    for (int k = 0; k < DIS_SCOPES; k++) {
        const char *name = prop_lex_scope(lex, (size_t)k);
        if (!name || !s->scope[k] || k == skip || strncmp(name, axis, alen) != 0 || name[alen] != '/') continue;
        if (s->scope[k] > best_n) {
            best = k;
            best_n = s->scope[k];
            tie = 0;
        } else if (s->scope[k] == best_n) {
            tie = 1;
        }
    }
    return tie ? -1 : best;
}

/* Do most of a side's n claims name a scope (in of them) that at most a
 * quarter of the other side's other_n claims name? */
static int dis_mostly(size_t in, size_t n, size_t other_in, size_t other_n)
{
    return n && 2 * in > n && 4 * other_in <= other_n;
}

/* Do sides a and b speak mainly of different scopes of one axis?  A
 * side torn between two values takes the one the other side does not
 * ("heavy computation ... slows down other requests" against I/O-bound
 * claims is of CPU-bound work).  Sets *sa, *sb to them.  Or are most
 * claims of one side restricted to a scope of an axis with a default
 * value, one the other side hardly names: a claim that names no build
 * speaks of the standard one, so "with optimized libraries" in four
 * claims of five is another case than the other side's; a claim that
 * names no workload speaks of every workload, the scoped one among
 * them. */
int dis_scopes_differ(const prop_lex *lex, const dis_side *a, const dis_side *b, int *sa, int *sb)
{
    for (size_t k = 0; k < DIS_SCOPES; k++) {
        const char *name = prop_lex_scope(lex, k), *slash = name ? strchr(name, '/') : NULL;
        if (!slash) continue;
        size_t alen = (size_t)(slash - name);
        int x = dis_main_scope(lex, a, name, alen, -1), y = dis_main_scope(lex, b, name, alen, -1);
        if (x >= 0 && y < 0) y = dis_main_scope(lex, b, name, alen, x);
        if (y >= 0 && x < 0) x = dis_main_scope(lex, a, name, alen, y);
        if (x >= 0 && y >= 0 && x != y) {
            *sa = x;
            *sb = y;
            return 1;
        }
    }
    for (size_t k = 0; k < DIS_SCOPES; k++) {
        if (!prop_lex_scope(lex, k)) break;
        int d = prop_lex_scope_default(lex, k);
        if (d < 0 || (size_t)d == k) continue;
        if (a->scope[k] && dis_mostly(a->scope[k], a->nclaims, b->scope[k], b->nclaims)) {
            *sa = (int)k;
            *sb = -1;
            return 1;
        }
        if (b->scope[k] && dis_mostly(b->scope[k], b->nclaims, a->scope[k], a->nclaims)) {
            *sa = -1;
            *sb = (int)k;
            return 1;
        }
    }
    return 0;
}

/* The scope of mask on the axis of scope bit a (the first such), -1. */
static int dis_scope_on_axis(const prop_lex *lex, uint32_t mask, int a)
{
    for (int b = 0; b < DIS_SCOPES; b++)
        if ((mask >> b) & 1 && prop_lex_same_axis(lex, (size_t)a, (size_t)b)) return b;
    return -1;
}

/* Sum up the row's sides (sides[0..RC_MAX_SIDES), released with
 * dis_sides_free). */
size_t dis_sides(dis_run *r, const rc_question *q, dis_side *sides)
{
    size_t ns = 0;
    memset(sides, 0, RC_MAX_SIDES * sizeof *sides);
    for (size_t i = 0; i < q->n; i++) {
        const rc_prop *rp = &r->props[q->props[i]];
        size_t k = (size_t)(q->side[i] - 'a');
        if (k >= RC_MAX_SIDES) continue;   /* none: rc_sides gives letters up to 'z' */
        dis_side *s = &sides[k];
        if (k + 1 > ns) ns = k + 1;
        if (!s->nclaims) {
            s->polarity = rc_polarity(&rp->p);
            s->value = q->kind == RC_CATEGORY ? rp->p.category
                       : q->kind == RC_CHOICE || q->kind == RC_USE ? rp->p.subject
                       : q->kind == RC_SUITS  ? dis_scope_on_axis(r->lex, rp->p.scope, (int)q->key)
                       : q->kind == RC_RANK   ? (rp->p.joint ? 0 : rp->p.subject == q->subject ? rp->p.polarity
                                                                                                 : -rp->p.polarity)
                       : rp->p.npoles         ? rp->p.poles[0]
                                              : -1;
            if (q->kind == RC_RANK) s->polarity = rp->p.polarity;
            s->negated = rp->p.negated;
            s->lead = i;
            if (q->kind == RC_POLE) {
                /* the pole it names on the row's aspect */
                const char *kstr = prop_key_str(r->keys, q->key);
                size_t kl = strlen(kstr + 1);
                for (size_t j = 0; j < rp->p.npoles; j++) {
                    const char *pn = prop_lex_pole(r->lex, (size_t)rp->p.poles[j]);
                    if (strncmp(pn, kstr + 1, kl) == 0 && pn[kl] == '/') s->value = rp->p.poles[j];
                }
            }
        }
        /* quoted by a claim that names the subject, not one on a part
         * of it ("NPM is fast ...") */
        const char *subj = tax_subject(r->tax, (size_t)q->subject);
        const rc_prop *lp = &r->props[q->props[s->lead]];
        if (s->nclaims && subj && !dis_names(r->claims[lp->claim].text + lp->p.start, lp->p.end - lp->p.start, subj) &&
            dis_names(r->claims[rp->claim].text + rp->p.start, rp->p.end - rp->p.start, subj))
            s->lead = i;
        s->nclaims++;
        s->nabs += rp->p.modality == PROP_ABSOLUTE;
        s->nqual += rp->p.modality == PROP_QUALIFIED;
        s->npart += rp->p.modality == PROP_QUALIFIED && rp->p.partial;
        s->nrank += rp->p.ranks >= 0 && rp->p.versus < 0 && !rp->p.joint;
        s->nfeat += rp->p.feature;
        s->nimm += rp->p.immature; /* always qualified (prop.h) */
        for (int b = 0; b < DIS_SCOPES; b++) s->scope[b] += (rp->p.scope >> b) & 1;
        if (rp->p.change && !s->change) s->change = i + 1;
        dis_side_add_source(s, rp->source, r->set->sources[rp->source].year);
    }
    return ns;
}

void dis_sides_free(dis_side *sides)
{
    for (size_t k = 0; k < RC_MAX_SIDES; k++) free(sides[k].src);
}

/* Does one source stand on two sides? */
int dis_source_on_both(const dis_side *a, const dis_side *b, size_t *src)
{
    for (size_t i = 0; i < a->nsrc; i++)
        for (size_t j = 0; j < b->nsrc; j++)
            if (a->src[i] == b->src[j]) {
                *src = a->src[i];
                return 1;
            }
    return 0;
}

/* Does every source of side x also stand on side y? */
int dis_side_within(const dis_side *x, const dis_side *y)
{
    for (size_t i = 0; i < x->nsrc; i++) {
        int in = 0;
        for (size_t j = 0; j < y->nsrc && !in; j++) in = x->src[i] == y->src[j];
        if (!in) return 0;
    }
    return x->nsrc > 0;
}

/* The largest side *A (by sources), and the largest of those opposing
 * it *B (A itself when there is none). */
void dis_main_sides(const dis_side *sides, size_t ns, size_t *A, size_t *B)
{
    size_t a = 0, b = (size_t)-1;
    for (size_t k = 1; k < ns; k++)
        if (sides[k].nsrc > sides[a].nsrc) a = k;
    for (size_t k = 0; k < ns; k++)
        if (k != a && sides[k].nclaims && (b == (size_t)-1 || sides[k].nsrc > sides[b].nsrc)) b = k;
    *A = a;
    *B = b == (size_t)-1 ? a : b;
}

int dis_off_scope(const dis_run *r, const rc_question *q, const dis_side *sides, size_t ns)
{
    if (q->kind != RC_STANCE || q->versus >= 0 || ns < 2) return 0;
    const char *k = prop_key_str(r->keys, q->key);
    int self = -1;
    for (size_t i = 0; k && k[0] == '%' && i < DIS_SCOPES && prop_lex_scope(r->lex, i) && self < 0; i++)
        if (strcmp(prop_lex_scope(r->lex, i), k + 1) == 0) self = (int)i;
    if (self < 0) return 0;
    size_t A, B;
    int sa, sb;
    dis_main_sides(sides, ns, &A, &B);
    if (A == B || !dis_scopes_differ(r->lex, &sides[A], &sides[B], &sa, &sb) || sa < 0 || sb < 0) return 0;
    return prop_lex_same_axis(r->lex, (size_t)sa, (size_t)self) && (sa != self || sb != self);
}
