/*
 * reconcile.c - questions from propositions; see reconcile.h.
 *
 * The propositions' (subject, aspect key) pairs are sorted once: each
 * run is a group.  How much a shared key says that two claims speak of
 * the same point is its specificity to the subject,
 *     spec = 1 - ln(1 + df) / ln(1 + N)
 * (df: the subject's claims with the key; N: all its claims), 1 for a
 * key no other claim has and 0 for one every claim has; two claims are
 * aligned when the specificities of the keys they share add up to
 * RC_ALIGN.  The measure is a ratio of logarithms, so it does not move
 * when a corpus is repeated: the same rows at 1x and 8x.
 */
#include "reconcile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define RC_ALIGN 1.0        /* the weight two claims must share to be aligned */
#define RC_ASPECT 2.0       /* a named aspect's weight against a word's (rc_weight) */
#define RC_CUE 1.0          /* a taxonomy cue's: a word of the user's, not an aspect named */
#define RC_NAMED_MIN 0.5    /* the least specificity a named aspect counts with */
#define RC_GROUP_MAX 48     /* a key in more claims than this is too general to be one point */
#define RC_SHARE 0.25       /* and this share of the lighter claim's keys */
#define RC_OVERLAP 0.5      /* a row with this share of its claims in a stronger row is that row */
#define RC_WORD_MIN 3       /* the claims a question on a plain word needs (rc_group) */

typedef struct rc_entry {
    int subject;
    uint32_t key;
    size_t prop;
} rc_entry;

static int rc_entry_cmp(const void *a, const void *b)
{
    const rc_entry *x = a, *y = b;
    if (x->subject != y->subject) return x->subject < y->subject ? -1 : 1;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->prop > y->prop) - (x->prop < y->prop);
}

/* The subject a proposition is read under: a comparison between two
 * subjects ("X is faster than Y", "X over Y") is read under the first
 * of the two in the taxonomy's order, its polarity turned when it
 * judges the other ("Y is slower than X" = "X is faster than Y"), so
 * that opposite comparisons meet whichever subject they are said of. */
static int rc_home(const prop *p)
{
    return p->versus >= 0 && p->versus < p->subject ? p->versus : p->subject;
}

int rc_polarity(const prop *p)
{
    return p->versus >= 0 && p->versus < p->subject ? -p->polarity : p->polarity;
}

/* (subject, key) -> number of the subject's claims with the key. */
typedef struct rc_df {
    uint64_t *k;
    uint32_t *v;
    size_t cap;
} rc_df;

static size_t rc_df_slot(const rc_df *d, uint64_t key)
{
    size_t h = (size_t)(key * 0x9E3779B97F4A7C15ull) & (d->cap - 1);
    while (d->k[h] && d->k[h] != key + 1) h = (h + 1) & (d->cap - 1);
    return h;
}

static uint32_t rc_df_get(const rc_df *d, int subject, uint32_t key)
{
    uint64_t k = ((uint64_t)(uint32_t)subject << 32) | key;
    size_t h = rc_df_slot(d, k);
    return d->k[h] ? d->v[h] : 0;
}

/* A position: what a claim says on the group's aspect. */
typedef struct rc_pos {
    size_t prop;
    int polarity;
    int absolute;            /* modality PROP_ABSOLUTE */
    int qualified;
    int pole;                /* the pole on the group's aspect, or -1 */
} rc_pos;

typedef struct rc_ctx {
    const rc_prop *props;
    const prop_lex *lex;
    const prop_keys *keys;
    rc_df df;
    size_t *nclaims;         /* per subject: claims with propositions on it */
    rc_set *out;
    rc_question *cand;       /* candidates of the subject being read */
    size_t ncand, capcand;
    rc_question *acand;      /* its agreements */
    size_t nacand, capacand;
} rc_ctx;

static double rc_spec(const rc_ctx *c, int subject, uint32_t key)
{
    double n = (double)c->nclaims[subject], df = rc_df_get(&c->df, subject, key);
    if (df > n) n = df;
    if (n < 1) return 0;
    double s = 1.0 - log(1.0 + df) / log(1.0 + n);
    return s < 0 ? 0 : s;
}

/* A key's weight: its specificity; a named aspect's (the lexicon's
 * concepts, poles and scopes, the taxonomy's parts) RC_ASPECT times, and
 * never less than RC_NAMED_MIN of that: in a small set of articles on
 * one topic the topic's own aspect is in most claims, and still the
 * point they dispute. */
static double rc_weight(const rc_ctx *c, int subject, uint32_t key)
{
    const char *k = prop_key_str(c->keys, key);
    double s = rc_spec(c, subject, key);
    if (k && strchr("#%&", k[0])) return RC_ASPECT * (s > RC_NAMED_MIN ? s : RC_NAMED_MIN);
    return (k && k[0] == '$' ? RC_CUE : 1.0) * s;
}

/* Are claims a and b about the same point?  The keys they share weigh
 * RC_ALIGN at least, a named aspect's (the lexicon's or the taxonomy's:
 * a concept, pole, scope or part) RC_ASPECT times a word's, and RC_SHARE
 * of all the keys of the one with less: two long claims meet on some
 * word or other.  Returns the shared weight, 0 when not aligned. */
static double rc_align(const rc_ctx *c, const prop *a, const prop *b)
{
    double shared = 0, wa = 0, wb = 0;
    int home = rc_home(a);
    for (size_t i = 0; i < a->nkeys; i++) {
        double w = rc_weight(c, home, a->keys[i]);
        wa += w;
        for (size_t j = 0; j < b->nkeys; j++)
            if (a->keys[i] == b->keys[j]) shared += w;
    }
    for (size_t j = 0; j < b->nkeys; j++) wb += rc_weight(c, home, b->keys[j]);
    if (shared < RC_ALIGN || shared < RC_SHARE * (wa < wb ? wa : wb)) return 0;
    return shared;
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

/* 0 for a named aspect (the lexicon's, the taxonomy's parts), 1 for a
 * taxonomy cue, 2 for a word: the first names a question best. */
static int rc_key_rank(const rc_ctx *c, uint32_t key)
{
    const char *k = prop_key_str(c->keys, key);
    return k && strchr("#%&", k[0]) ? 0 : k && k[0] == '$' ? 1 : 2;
}

/* An empty question of kind on subject's aspect key: no claims yet,
 * not between two subjects. */
static rc_question rc_question_new(rc_kind kind, int subject, uint32_t key)
{
    rc_question q;
    memset(&q, 0, sizeof q);
    q.kind = kind;
    q.subject = subject;
    q.versus = -1;
    q.key = key;
    return q;
}

static void rc_cand_add(rc_ctx *c, rc_question *q)
{
    q->rank = rc_key_rank(c, q->key);
    if (c->ncand == c->capcand) {
        c->capcand = c->capcand ? 2 * c->capcand : 16;
        c->cand = kb_realloc(c->cand, c->capcand * sizeof *c->cand);
    }
    c->cand[c->ncand++] = *q;
}

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

/* Two or more sources judging the group's aspect one way, none the
 * other: an agreement candidate. */
static void rc_agreement(rc_ctx *c, int subject, uint32_t key, const rc_pos *pos, size_t n)
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
    if (c->nacand == c->capacand) {
        c->capacand = c->capacand ? 2 * c->capacand : 16;
        c->acand = kb_realloc(c->acand, c->capacand * sizeof *c->acand);
    }
    c->acand[c->nacand++] = q;
}

/* Sides for a question from the positions of its
 * members: one per distinct position, most sources first.  There are
 * at most RC_MAX_SIDES positions (rc_lex_check). */
static void rc_sides(const rc_ctx *c, rc_question *q, const int *posk)
{
    int *keys = kb_malloc((q->n ? q->n : 1) * sizeof *keys);
    size_t nk = 0, *nsrc = kb_calloc(q->n ? q->n : 1, sizeof *nsrc);
    for (size_t i = 0; i < q->n; i++) {
        size_t k = 0;
        while (k < nk && keys[k] != posk[i]) k++;
        if (k == nk) keys[nk++] = posk[i];
    }
    for (size_t k = 0; k < nk; k++) {
        /* sources: count distinct among members with this key */
        for (size_t i = 0; i < q->n; i++) {
            if (posk[i] != keys[k]) continue;
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = posk[j] == keys[k] && c->props[q->props[j]].source == c->props[q->props[i]].source;
            nsrc[k] += !seen;
        }
    }
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
    for (size_t i = 1; i < q->n; i++)
        for (size_t j = i; j > 0 && (q->side[j] < q->side[j - 1] ||
                                     (q->side[j] == q->side[j - 1] && q->props[j] < q->props[j - 1]));
             j--) {
            char s = q->side[j];
            q->side[j] = q->side[j - 1];
            q->side[j - 1] = s;
            size_t p = q->props[j];
            q->props[j] = q->props[j - 1];
            q->props[j - 1] = p;
        }
}

/* One group: the positions of its claims on key, and the aligned
 * conflicts between them. */
static void rc_group(rc_ctx *c, int subject, uint32_t key, const rc_pos *pos, size_t n)
{
    unsigned char *in = kb_calloc(n, 1);
    int any = 0, absolute = 0, polar = 0, poles = 0;
    double best = 0;
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
            int pole = pos[i].pole >= 0 && pos[j].pole >= 0 && pos[i].pole != pos[j].pole;
            if (!opposite && !overstated && !pole) continue;
            double al = rc_align(c, &a->p, &b->p);
            if (al <= 0) continue;
            in[i] = in[j] = 1;
            any = 1;
            absolute |= overstated || (opposite && (pos[i].absolute || pos[j].absolute));
            polar |= opposite || overstated;
            poles |= pole;
            if (al > best) best = al;
        }
    /* a pole question lists every claim naming a pole of its aspect: a
     * source that names both shows they are not exclusive */
    if (any && poles && !polar)
        for (size_t i = 0; i < n; i++) in[i] |= pos[i].pole >= 0;
    if (!any) rc_agreement(c, subject, key, pos, n);
    if (any) {
        rc_question q = rc_question_new(polar ? RC_STANCE : RC_POLE, subject, key);
        q.absolute = absolute;
        q.score = best;
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
            /* a stance side: polarity, and absolute apart when that is
             * disputed; a pole side: the pole */
            posk[q.n] = q.kind == RC_POLE ? pos[i].pole
                                          : (pos[i].polarity + 1) * 2 + (absolute && pos[i].absolute ? 0 : 1);
            q.n++;
        }
        rc_sides(c, &q, posk);
        free(posk);
        /* two claims meeting on one plain word ("projects", "server")
         * meet by chance more often than they dispute a point: a
         * question on a word needs a third claim; on a named aspect or
         * the user's own cue, two will do */
        if (rc_key_rank(c, key) == 2 && q.n < RC_WORD_MIN) {
            free(q.props);
            free(q.side);
        } else {
            rc_cand_add(c, &q);
        }
    }
    free(in);
}

static int rc_cand_cmp(const void *a, const void *b)
{
    const rc_question *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    if (x->rank != y->rank) return x->rank - y->rank;
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Agreements: the most sources, the best named aspect, the most claims
 * first. */
static int rc_agree_cmp(const void *a, const void *b)
{
    const rc_question *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    if (x->rank != y->rank) return x->rank - y->rank;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Keep candidates v[0..n) that are not mostly a stronger one (or one
 * already kept: taken marks their claims), adding them to *out. */
static void rc_keep(const rc_ctx *c, rc_question *v, size_t n, int (*cmp)(const void *, const void *),
                    unsigned char *taken, rc_question **out, size_t *nout)
{
    if (n) qsort(v, n, sizeof *v, cmp);
    for (size_t i = 0; i < n; i++) {
        rc_question *q = &v[i];
        size_t dup = 0;
        for (size_t k = 0; k < q->n; k++) dup += taken[c->props[q->props[k]].claim];
        if ((double)dup >= RC_OVERLAP * (double)q->n) {
            free(q->props);
            free(q->side);
            continue;
        }
        for (size_t k = 0; k < q->n; k++) taken[c->props[q->props[k]].claim] = 1;
        *out = kb_realloc(*out, (*nout + 1) * sizeof **out);
        (*out)[(*nout)++] = *q;
    }
}

/* Clear taken for the claims of v[first..n). */
static void rc_untake(const rc_ctx *c, const rc_question *v, size_t first, size_t n, unsigned char *taken)
{
    for (size_t r = first; r < n; r++)
        for (size_t k = 0; k < v[r].n; k++) taken[c->props[v[r].props[k]].claim] = 0;
}

/* Keep the subject's disputes that are not mostly a stronger one, then
 * its agreements that are not mostly a dispute's claims. */
static void rc_flush_subject(rc_ctx *c, unsigned char *taken)
{
    size_t q0 = c->out->n, a0 = c->out->nagree;
    rc_keep(c, c->cand, c->ncand, rc_cand_cmp, taken, &c->out->q, &c->out->n);
    rc_keep(c, c->acand, c->nacand, rc_agree_cmp, taken, &c->out->agree, &c->out->nagree);
    rc_untake(c, c->out->q, q0, c->out->n, taken);
    rc_untake(c, c->out->agree, a0, c->out->nagree, taken);
    c->ncand = c->nacand = 0;
}

/* Category questions of one subject: its "is a K" propositions. */
static void rc_categories(rc_ctx *c, int subject, const size_t *idx, size_t n)
{
    /* a claim's position: its first kind asserted, else the first
     * denied (as 100 + kind) */
    size_t *props = kb_malloc((n ? n : 1) * sizeof *props);
    int *posk = kb_malloc((n ? n : 1) * sizeof *posk);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const rc_prop *p = &c->props[idx[i]];
        int k = p->p.negated ? 100 + p->p.category : p->p.category;
        size_t j = 0;
        while (j < m && c->props[props[j]].claim != p->claim) j++;
        if (j < m) {
            if (posk[j] >= 100 && k < 100) {
                posk[j] = k;
                props[j] = idx[i];
            }
            continue;
        }
        props[m] = idx[i];
        posk[m++] = k;
    }
    /* a dispute: two kinds asserted, or a kind and its denial, by
     * different sources */
    int dispute = 0;
    for (size_t i = 0; i < m && !dispute; i++)
        for (size_t j = i + 1; j < m && !dispute; j++) {
            if (c->props[props[i]].source == c->props[props[j]].source) continue;
            int a = posk[i], b = posk[j];
            dispute = a != b && (a < 100 || b < 100) && (a < 100 && b < 100 ? 1 : (a % 100) == (b % 100));
        }
    if (dispute) {
        rc_question q = rc_question_new(RC_CATEGORY, subject, 0);
        q.n = m;
        q.props = props;
        q.side = kb_malloc(m);
        q.score = 1;
        rc_sides(c, &q, posk);
        c->out->q = kb_realloc(c->out->q, (c->out->n + 1) * sizeof *c->out->q);
        c->out->q[c->out->n++] = q;
    } else {
        free(props);
    }
    free(posk);
}

void rc_find(const rc_prop *props, size_t n, size_t nsubjects, const prop_lex *lex, const prop_keys *keys,
             rc_set *out)
{
    memset(out, 0, sizeof *out);
    rc_ctx c;
    memset(&c, 0, sizeof c);
    c.props = props;
    c.lex = lex;
    c.keys = keys;
    c.out = out;
    c.nclaims = kb_calloc(nsubjects + 1, sizeof *c.nclaims);
    size_t nclaim = 0, ne = 0;
    for (size_t i = 0; i < n; i++) {
        if (props[i].claim + 1 > nclaim) nclaim = props[i].claim + 1;
        if (props[i].p.kind != PROP_CATEGORY) ne += props[i].p.nkeys;
    }
    /* claims per subject */
    for (size_t i = 0; i < n; i++) {
        if (props[i].p.kind == PROP_CATEGORY || props[i].p.subject < 0 || (size_t)props[i].p.subject >= nsubjects)
            continue;
        int seen = 0, home = rc_home(&props[i].p);
        for (size_t j = i; j-- > 0 && props[j].claim == props[i].claim && !seen;)
            seen = props[j].p.kind != PROP_CATEGORY && rc_home(&props[j].p) == home;
        c.nclaims[home] += !seen;
    }
    rc_entry *e = kb_malloc((ne ? ne : 1) * sizeof *e);
    ne = 0;
    for (size_t i = 0; i < n; i++) {
        const prop *p = &props[i].p;
        if (p->kind == PROP_CATEGORY || p->subject < 0 || (size_t)p->subject >= nsubjects) continue;
        for (size_t k = 0; k < p->nkeys; k++) e[ne++] = (rc_entry){rc_home(p), p->keys[k], i};
    }
    if (ne) qsort(e, ne, sizeof *e, rc_entry_cmp);
    /* document frequencies */
    c.df.cap = 64;
    while (c.df.cap < 2 * ne + 2) c.df.cap *= 2;
    c.df.k = kb_calloc(c.df.cap, sizeof *c.df.k);
    c.df.v = kb_calloc(c.df.cap, sizeof *c.df.v);
    for (size_t i = 0; i < ne;) {
        size_t j = i, df = 0;
        for (; j < ne && e[j].subject == e[i].subject && e[j].key == e[i].key; j++)
            df += j == i || props[e[j].prop].claim != props[e[j - 1].prop].claim;
        uint64_t k = ((uint64_t)(uint32_t)e[i].subject << 32) | e[i].key;
        size_t h = rc_df_slot(&c.df, k);
        c.df.k[h] = k + 1;
        c.df.v[h] = (uint32_t)df;
        i = j;
    }
    unsigned char *taken = kb_calloc(nclaim + 1, 1);
    rc_pos *pos = kb_malloc((RC_GROUP_MAX + 1) * sizeof *pos);
    for (size_t i = 0; i < ne;) {
        int subject = e[i].subject;
        for (; i < ne && e[i].subject == subject;) {
            size_t j = i;
            while (j < ne && e[j].subject == subject && e[j].key == e[i].key) j++;
            uint32_t df = rc_df_get(&c.df, subject, e[i].key);
            if (df >= 2 && df <= RC_GROUP_MAX) {
                size_t np = 0;
                const char *kstr = prop_key_str(keys, e[i].key);
                /* the aspect of poles and nothing else ("execution":
                 * interpreted or compiled) is disputed by poles only */
                int axis = kstr[0] == '#' && prop_lex_is_axis(lex, kstr + 1) && !prop_lex_is_concept(lex, kstr + 1);
                for (size_t k = i; k < j; k++) {
                    const rc_prop *rp = &props[e[k].prop];
                    if (np && props[pos[np - 1].prop].claim == rp->claim) continue; /* the claim's first clause */
                    rc_pos *ps = &pos[np++];
                    /* a judgement counts on the aspect it speaks of; a
                     * pole's aspect is disputed by poles only */
                    int judged = rc_judged(&rp->p, e[i].key) && !axis;
                    ps->prop = e[k].prop;
                    ps->polarity = rp->p.kind == PROP_STANCE && judged ? rc_polarity(&rp->p) : 0;
                    ps->absolute = judged && rp->p.modality == PROP_ABSOLUTE;
                    ps->qualified = judged && rp->p.modality == PROP_QUALIFIED;
                    ps->pole = rc_pole_on(lex, &rp->p, kstr);
                }
                rc_group(&c, subject, e[i].key, pos, np);
            }
            i = j;
        }
        rc_flush_subject(&c, taken);
    }
    /* category questions, subject by subject */
    size_t *idx = kb_malloc((n ? n : 1) * sizeof *idx);
    for (size_t s = 0; s < nsubjects; s++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (props[i].p.kind == PROP_CATEGORY && props[i].p.subject == (int)s) idx[m++] = i;
        if (m >= 2) rc_categories(&c, (int)s, idx, m);
    }
    free(idx);
    free(pos);
    free(taken);
    free(e);
    free(c.df.k);
    free(c.df.v);
    free(c.nclaims);
    free(c.cand);
    free(c.acand);
}

int rc_lex_check(const prop_lex *lex, char **err)
{
    size_t kinds = 0;
    while (prop_lex_kind(lex, kinds)) kinds++;
    if (2 * kinds > RC_MAX_SIDES)
        return kb_seterr(err, "%zu kinds, at most %d (a category question's sides: each kind asserted or denied)",
                         kinds, RC_MAX_SIDES / 2);
    for (size_t i = 0; prop_lex_pole(lex, i); i++) {
        const char *axis = prop_lex_pole(lex, i), *slash = strchr(axis, '/');
        if (!slash) continue;   /* on no aspect: never a side (rc_pole_on) */
        size_t alen = (size_t)(slash - axis), n = 0;
        for (size_t j = 0; prop_lex_pole(lex, j); j++)
            n += strncmp(prop_lex_pole(lex, j), axis, alen + 1) == 0;
        if (n > RC_MAX_SIDES)
            return kb_seterr(err, "%zu poles of '%.*s', at most %d (a pole question's sides)", n, (int)alen, axis,
                             RC_MAX_SIDES);
    }
    return KB_OK;
}

void rc_free(rc_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->q[i].props);
        free(s->q[i].side);
    }
    free(s->q);
    for (size_t i = 0; i < s->nagree; i++) {
        free(s->agree[i].props);
        free(s->agree[i].side);
    }
    free(s->agree);
    memset(s, 0, sizeof *s);
}
