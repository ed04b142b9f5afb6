/*
 * prop_read.c - reading one clause's words into a proposition (prop.h):
 * its aspect keys (concepts, taxonomy cues, parts of its subject, kinds
 * had, stems), what the clause's judgement speaks of, its scopes, its
 * modality (hedged, universal, negated), poles and change.  prop.c marks
 * the claim's tokens and says which spans are clauses.
 */
#include "prop_int.h"

#include <stdio.h>
#include <string.h>

#include "stem.h"
#include "util.h"

void prop_add_key_at(prop *p, uint32_t id, int near)
{
    size_t i = 0;
    while (i < p->nkeys && p->keys[i] != id) i++;
    if (i == p->nkeys) {
        if (i == PROP_MAX_KEYS) return;
        p->keys[p->nkeys++] = id;
    }
    if (near & PROP_NEAR_EVAL) p->judged |= 1u << i;
    if (near & PROP_NEAR_RANK) p->ranked |= 1u << i;
}

/* The key of a part named at tokens [a, b): its alias group's canonical
 * name when the alias list has one, else its own words. */
static uint32_t prop_part_key(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    const char *w[16];
    size_t wl[16], n = 0;
    for (size_t k = a; k < b && n < 16; k++, n++) {
        w[n] = m->toks[k].s;
        wl[n] = m->toks[k].n;
    }
    size_t g = 0;
    buf key = BUF_INIT;
    buf_addc(&key, '&');
    if (c->aliases && alias_match(c->aliases, w, wl, n, &g) == n) {
        buf_adds(&key, alias_canonical(c->aliases, g));
    } else {
        for (size_t i = 0; i < n; i++) {
            if (i) buf_addc(&key, ' ');
            buf_add(&key, w[i], wl[i]);
        }
    }
    uint32_t id = prop_key(c->keys, buf_cstr(&key), key.len, buf_cstr(&key) + 1, key.len - 1);
    buf_free(&key);
    return id;
}

/* Is the lexicon hit [k, he) a participle ("compiled": one word with a
 * participle's ending) right before a noun of its own ("compiled C
 * code"), not a kind word? */
static int prop_attributive(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b)
{
    const tax_tok *t = &m->toks[he - 1];
    if (he - k != 1 || !words_has_ending(c->words, WR_PARTICIPLE_ENDING, t) || he >= b) return 0;
    const char *a = t->s + t->n, *n = m->toks[he].s;
    for (; a < n; a++)
        if (*a != ' ' && *a != '-') return 0; /* punctuation: the phrase ends */
    for (size_t j = he; j < b && j < he + 3; j++)
        if (m->cls[j] == PL_KIND) return 0;
    return m->cls[he] != PL_FUNCTION && m->cls[he] != PL_CONDITION;
}

/* The key of a taxonomy cue of several words at tokens [a, b): "$"
 * and the stems of its words ("window functions" -> "$window
 * function"). */
static uint32_t prop_cue_key(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    buf key = BUF_INIT;
    buf_addc(&key, '$');
    for (size_t k = a; k < b; k++) {
        char st[PROP_STEM_MAX];
        size_t sn = stem_porter(m->toks[k].s, m->toks[k].n, st, sizeof st);
        if (k > a) buf_addc(&key, ' ');
        buf_add(&key, st, sn);
    }
    const char *shown = m->toks[a].s;
    size_t shl = (size_t)(m->toks[b - 1].s + m->toks[b - 1].n - shown);
    uint32_t id = prop_key(c->keys, buf_cstr(&key), key.len, shown, shl);
    buf_free(&key);
    return id;
}

/* The subject of the part named at token k. */
static int prop_part_subject(const prop_ctx *c, const prop_marks *m, size_t k)
{
    (void)c;
    return m->part_subject[k];
}

static uint32_t prop_named_key(const prop_ctx *c, char sigil, const char *name, size_t n, const char *shown)
{
    char k[PROP_NAME_MAX + 2]; /* prop_lex_load refuses a longer name */
    if (n > PROP_NAME_MAX) n = PROP_NAME_MAX;
    k[0] = sigil;
    memcpy(k + 1, name, n);
    return prop_key(c->keys, k, n + 1, shown, strlen(shown));
}

/* A negation at token k that degree words do not soften ("not
 * especially", "not the best", "not only"). */
static int prop_flat_negation(const prop_ctx *c, const prop_marks *m, size_t k, size_t end)
{
    size_t after = (size_t)m->hit_end[k];
    if (after >= end) return 1;
    /* "not only easy but also powerful" adds, it denies nothing */
    if (prop_word(c, m, WR_COPULA_NOT_NEGATING, after)) return 0;
    tax_hit h[2];
    size_t n = tax_match(c->lex->soft, TAX_MASK(TAX_DIMENSION), m->toks + after, end - after < 2 ? end - after : 2,
                         h, 2);
    return !(n && h[0].tok == 0);
}

/* Does the negation hit at k deny a want of maturity right after it
 * ("no longer experimental", "not in beta")?  Is the immature hit at k
 * right after a negation? */
static int prop_before_immature(const prop_marks *m, size_t k, size_t b)
{
    size_t j = (size_t)m->hit_end[k];
    return j < b && m->cls[j] == PL_IMMATURE;
}

static int prop_after_negation(const prop_marks *m, size_t k, size_t a)
{
    return k > a && (m->cls[k - 1] == PL_NEGATION || m->cls[k - 1] == PL_UNIVERSAL_NO);
}

/* What a clause's words say of its modality, as prop_read_hit finds them. */
typedef struct prop_mods {
    int hedge, universal, negation, capability, partial;
    int never;      /* a universal denial ("never", "no longer") */
    int immature;   /* "experimental", "in beta" */
    int matured;    /* "stabilized", "out of beta" */
} prop_mods;

/* A pole's aspect and value at token k ("compiled C code": a participle
 * before its own noun says what that noun is, not the subject; but "an
 * interpreted language" is the subject's kind). */
static void prop_read_pole(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b, int nk, prop *p)
{
    if (prop_attributive(c, m, k, he, b)) return;
    const char *name = prop_lex_pole(c->lex, (size_t)m->entry[k]);
    const char *slash = strchr(name, '/');
    char axis[PROP_NAME_MAX + 1];
    snprintf(axis, sizeof axis, "%.*s", (int)(slash - name), name);
    prop_add_key_at(p, prop_named_key(c, '#', name, (size_t)(slash - name), axis), nk);
    int dup = 0;
    for (size_t i = 0; i < p->npoles; i++) dup |= p->poles[i] == m->entry[k];
    if (!dup && p->npoles < PROP_MAX_POLES) p->poles[p->npoles++] = m->entry[k];
}

/* The lexicon hit starting at token k of clause [a, b): its aspect key
 * (nk: what the clause's evaluative words do with it, PROP_NEAR_*), its
 * qualifier or its modality word, into p and md. */
/* Add the stem of token k as a key of p. */
static void prop_add_stem(const prop_ctx *c, const prop_marks *m, size_t k, int nk, prop *p)
{
    const tax_tok *t = &m->toks[k];
    char st[PROP_STEM_MAX];
    size_t sn = stem_porter(t->s, t->n, st, sizeof st);
    if (sn >= 3) prop_add_key_at(p, prop_key(c->keys, st, sn, t->s, t->n), nk);
}

/* Is the kind at token k something had: a verb of having within four
 * words before it in the clause from a ("offers multiple types of
 * databases"), past no copula or comma? */
static int prop_kind_had(const prop_ctx *c, const prop_marks *m, size_t k, size_t a)
{
    for (size_t j = k; j > a && j + 4 >= k; j--) {
        if (prop_comma_before(m, j)) return 0;
        if (prop_word(c, m, WR_POSSESS_VERB, j - 1) || prop_word(c, m, WR_HAVING, j - 1)) return 1;
        if (prop_word(c, m, WR_COPULA, j - 1)) return 0;
    }
    return 0;
}

static void prop_read_hit(const prop_ctx *c, const prop_marks *m, size_t k, size_t a, size_t b, int nk, prop *p,
                          prop_mods *md)
{
    size_t he = (size_t)m->hit_end[k];
    const char *name;
    switch (m->cls[k]) {
    case PL_HEDGE: md->hedge = 1; break;
    case PL_PARTIAL:
        md->hedge = md->partial = 1;
        /* a cell that opens "Partial" answers yes, in part */
        md->capability |= m->cell && k == 0;
        break;
    case PL_CAPABILITY:
        md->hedge = 1;
        md->capability = 1;
        break;
    case PL_IMMATURE:
        md->capability = 1;
        /* "no longer experimental", "not in beta": there in full */
        md->immature |= !prop_after_negation(m, k, a);
        break;
    /* "stabilized in version 20, in 18 it is experimental": there in
     * full now */
    case PL_MATURED: md->capability = md->matured = 1; break;
    /* "if you have X installed": the reader's, not the subject's */
    case PL_POSSESSION: md->capability |= !(k > a && prop_word(c, m, WR_PERSON, k - 1)); break;
    case PL_ANSWER: md->capability |= m->cell && k == 0; break;
    case PL_ANSWER_NO: md->negation |= m->cell && k == 0; break;
    case PL_CHOICE: p->choice = 1; break;
    case PL_CONDITION:
        md->hedge = 1;
        /* ... and one that opens "Via plugin", "With the help of X"
         * yes, by that means */
        md->capability |= m->cell && k == 0;
        break;
    case PL_UNIVERSAL:
        /* ... nor is "not only" every case */
        md->universal |= !(k > a && prop_word(c, m, WR_COPULA_NOT_NEGATING, k) && m->cls[k - 1] == PL_NEGATION);
        break;
    /* "never has", "no longer offers": every case, and none of it */
    case PL_UNIVERSAL_NO:
        if (!prop_before_immature(m, k, b)) md->universal = md->negation = md->never = 1;
        break;
    case PL_NEGATION:
        /* a negation inside an even-handed phrase ("no clear winner") is
         * that phrase's verdict, no denial; a need denied ("does not
         * need root") spares the subject one */
        if (m->eval[k] != STANCE_MARK_EVEN && !prop_word(c, m, WR_NEED, (size_t)m->hit_end[k]) &&
            !prop_before_immature(m, k, b))
            md->negation |= prop_flat_negation(c, m, k, b);
        break;
    case PL_CHANGE:
    case PL_CURRENT: p->change = 1; break;
    case PL_CONCEPT:
        if (prop_concept_elsewhere(c, m, k, he, a, b)) break;
        /* a feature's difficulty is no want of it ("async complexity") */
        if (prop_lex_is_feature(c->lex, (size_t)m->entry[k]) && prop_judged_difficulty(c, m, k, he, a, b))
            nk &= ~PROP_NEAR_EVAL;
        name = prop_lex_concept(c->lex, (size_t)m->entry[k]);
        prop_add_key_at(p, prop_named_key(c, '#', name, strlen(name), name), nk);
        break;
    case PL_POLE: prop_read_pole(c, m, k, he, b, nk, p); break;
    case PL_SCOPE:
        /* "the features you are familiar with": what the noun is to the
         * reader, no restriction of the claim */
        if (words_object_relative(c->words, m->toks, a, k)) break;
        {
            /* a refinement ("high-traffic" of large) asks what its
             * parent asks; both are named */
            int sc = m->entry[k], par = prop_lex_scope_parent(c->lex, (size_t)sc), ask = par >= 0 ? par : sc;
            name = prop_lex_scope(c->lex, (size_t)ask);
            prop_add_key_at(p, prop_named_key(c, '%', name, strlen(name), prop_lex_scope_shown(c->lex, (size_t)ask)),
                            nk);
            p->scope |= 1u << sc | (par >= 0 ? 1u << par : 0);
        }
        break;
    case PL_KIND:
        /* a kind had is an aspect ("has a compiler", "supports multiple
         * databases"); a kind said of the subject is its category */
        if (m->label || prop_kind_had(c, m, k, a)) prop_add_stem(c, m, k, nk, p);
        break;
    default: break; /* function words: no aspect */
    }
}

/* Fill p's aspects, qualifiers and poles from tokens [a, b). */
void prop_read_span(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, prop *p)
{
    prop_mods md = {0, 0, 0, 0, 0, 0, 0, 0};
    p->nkeys = p->npoles = 0;
    p->scope = 0;
    p->change = 0;
    p->judged = p->ranked = 0;
    p->choice = 0;
    p->immature = 0;
    /* "For a startup's MVP, X ...": a recommendation for what opens it */
    if (prop_word(c, m, WR_RECOMMEND_FOR, a))
        for (size_t k = a + 1; k < b && k < a + 12; k++)
            if (prop_comma_before(m, k)) {
                p->choice = 1;
                break;
            }
    unsigned char near[PROP_TOKS];
    prop_near_eval(m, a, b, near);
    prop_rank_infinitive(c, m, a, b, near);
    /* the keys first seen in the subject's own phrase are [np0, np1),
     * in the words before its name [pm0, pm1) */
    size_t np_a, np_b, np0 = 0, np1 = 0, pm_a, pm_b, pm0 = 0, pm1 = 0;
    prop_subject_phrase(m, p->subject, a, b, &np_a, &np_b);
    prop_subject_premod(c, m, p->subject, a, b, &pm_a, &pm_b);
    for (size_t k = a; k < b; k++) {
        int nk = near[k - a];
        if (k == np_a) np0 = p->nkeys;
        if (k == np_b) np1 = p->nkeys;
        if (k == pm_a) pm0 = p->nkeys;
        if (k == pm_b) pm1 = p->nkeys;
        /* a cue of the taxonomy's: the user's own word for an aspect */
        if (m->cue_end[k] > (short)k + 1 && (size_t)m->cue_end[k] <= b && prop_cue_names(m, k, (size_t)m->cue_end[k]))
            prop_add_key_at(p, prop_cue_key(c, m, k, (size_t)m->cue_end[k]), nk);
        if (m->part[k] >= 0) {
            size_t e = k;
            while (e < b && m->part[e] == m->part[k]) e++;
            /* a part of another subject is what this one is compared
             * with ("less boilerplate than JavaScript"), not its aspect */
            if (prop_part_subject(c, m, k) == p->subject) prop_add_key_at(p, prop_part_key(c, m, k, e), nk);
            k = e - 1;
            continue;
        }
        if (m->subj[k] >= 0) continue;
        if (m->cls[k] >= 0) {
            if ((size_t)m->hit[k] == k) prop_read_hit(c, m, k, a, b, nk, p, &md);
            continue;
        }
        if (m->eval[k]) continue;
        const tax_tok *t = &m->toks[k];
        if (t->n < 3 || (t->s[0] >= '0' && t->s[0] <= '9')) continue;
        char st[PROP_STEM_MAX];
        size_t sn = stem_porter(t->s, t->n, st, sizeof st);
        if (sn >= 3) prop_add_key_at(p, prop_key(c->keys, st, sn, t->s, t->n), nk);
    }
    if (np_b == b) np1 = p->nkeys;
    prop_phrase_unjudged(c, p, np0, np_a < np_b ? np1 : np0);
    prop_phrase_unjudged(c, p, pm0, pm_a < pm_b ? pm1 : pm0);
    p->sized = prop_states_size(c, m, a, b);
    if (md.immature && !md.matured) md.hedge = p->immature = 1;
    p->modality = md.hedge || p->scope ? PROP_QUALIFIED : md.universal || md.negation ? PROP_ABSOLUTE : PROP_PLAIN;
    p->capable = md.capability && !md.negation;
    p->partial = md.partial;
    p->denied = (md.negation && !md.universal && !md.capability) || (md.never && md.capability);
    p->feature = p->capable || p->denied || (md.negation && md.capability);
    p->start = m->map[m->toks[a].off];
    p->end = m->map[m->toks[b - 1].off + m->toks[b - 1].n];
}
