/*
 * prop.c - the propositions of one tagged claim; see prop.h.
 *
 * The work is one pass of marking over the claim's tokens (which
 * lexicon class, subject, part or evaluative word each token is), then
 * one proposition per judged clause, per subject named but not judged,
 * and per "X is a K" statement (prop_cat.c), each reading its span's
 * marks for aspects, qualifiers and poles.
 */
#include "prop_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "stem.h"
#include "util.h"


/* Mark tokens toks[0..ntok) (the offset map of their text in map),
 * given the taxonomy's hits on them. */
static void prop_mark_toks(const prop_ctx *c, const tax_tok *toks, size_t ntok, const size_t *map, const tax_hit *th,
                           size_t nth, prop_marks *m)
{
    m->toks = toks;
    m->ntok = ntok > PROP_TOKS ? PROP_TOKS : ntok;
    m->map = map;
    m->cell = 0;
    for (size_t i = 0; i < m->ntok; i++) {
        m->cls[i] = -1;
        m->entry[i] = -1;
        m->hit[i] = (short)i;
        m->hit_end[i] = (short)(i + 1);
        m->subj[i] = m->part[i] = -1;
        m->cue_end[i] = 0;
    }
    tax_hit hits[PROP_TOKS];
    size_t nh = tax_match(c->lex->t, TAX_MASK(TAX_DIMENSION), m->toks, m->ntok, hits, PROP_TOKS);
    if (nh > PROP_TOKS) nh = PROP_TOKS;
    for (size_t h = 0; h < nh; h++)
        for (size_t k = hits[h].tok; k < hits[h].tok_end; k++) {
            m->cls[k] = (signed char)c->lex->cls[hits[h].index];
            m->entry[k] = (short)c->lex->entry[hits[h].index];
            m->hit[k] = (short)hits[h].tok;
            m->hit_end[hits[h].tok] = (short)hits[h].tok_end;
        }
    for (size_t h = 0; h < nth; h++)
        for (size_t k = th[h].tok; k < th[h].tok_end && k < m->ntok; k++) {
            if (th[h].kind == TAX_SUBJECT) m->subj[k] = (short)th[h].index;
            else if (th[h].kind == TAX_DIMENSION && k == th[h].tok) m->cue_end[k] = (short)th[h].tok_end;
            else if (th[h].kind == TAX_PART) {
                m->part[k] = (short)h;
                m->part_subject[k] = (short)th[h].index;
            }
        }
    m->meta = stance_marks(c->stance, m->toks, m->ntok, m->eval);
}

/* Mark the claim tg has just tagged. */
static void prop_mark(const prop_ctx *c, const tagger *tg, prop_marks *m)
{
    size_t ntok, nth;
    const size_t *map;
    const tax_tok *toks = tag_tokens(tg, &ntok, NULL, &map);
    const tax_hit *th = tag_hits(tg, &nth);
    prop_mark_toks(c, toks, ntok, map, th, nth, m);
}

/* Add key id, seen at token k, to p; near: k is within PROP_NEAR words
 * of an evaluative word. */
static void prop_add_key_at(prop *p, uint32_t id, int near)
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

/* A comma between tokens k-1 and k. */
static int prop_comma_before(const prop_marks *m, size_t k)
{
    return k > 0 && k < m->ntok && tax_tok_punct_before(m->toks, k, ",");
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
    tax_hit h[2];
    size_t n = tax_match(c->lex->soft, TAX_MASK(TAX_DIMENSION), m->toks + after, end - after < 2 ? end - after : 2,
                         h, 2);
    return !(n && h[0].tok == 0);
}

/* Does token k count for distance: a word that is neither a function
 * word nor a subject's name? */
static int prop_counts(const prop_marks *m, size_t k)
{
    /* a phrase of the lexicon ("back end") is one word */
    return m->cls[k] != PL_FUNCTION && m->subj[k] < 0 && (size_t)m->hit[k] == k;
}

/* For each token of [a, b), whether it is within PROP_NEAR words (not
 * counting function words and subjects' names) of an evaluative word of
 * the span; all of them when the span has none (a judgement from a
 * negated action, effort, ...: of the whole clause). */
static void prop_near_eval(const prop_marks *m, size_t a, size_t b, unsigned char *near)
{
    int any = 0;
    size_t d = PROP_NEAR + 1, dc = PROP_NEAR + 1;
    for (size_t k = a; k < b; k++) {
        if (m->eval[k]) d = 0;
        else if (prop_counts(m, k) && d <= PROP_NEAR) d++;
        if (m->eval[k] == STANCE_MARK_COMPARATIVE) dc = 0;
        else if (prop_counts(m, k) && dc <= PROP_NEAR) dc++;
        any |= m->eval[k];
        near[k - a] = (d <= PROP_NEAR ? PROP_NEAR_EVAL : 0) | (dc <= PROP_NEAR ? PROP_NEAR_RANK : 0);
    }
    d = dc = PROP_NEAR + 1;
    for (size_t k = b; k-- > a;) {
        if (m->eval[k]) d = 0;
        else if (prop_counts(m, k) && d <= PROP_NEAR) d++;
        if (m->eval[k] == STANCE_MARK_COMPARATIVE) dc = 0;
        else if (prop_counts(m, k) && dc <= PROP_NEAR) dc++;
        if (d <= PROP_NEAR || !any) near[k - a] |= PROP_NEAR_EVAL;
        if (dc <= PROP_NEAR) near[k - a] |= PROP_NEAR_RANK;
    }
}

/* "the easiest backend language to learn": a comparative whose phrase
 * runs on to an infinitive ranks on what the infinitive names, not on
 * the words between (they say what is ranked: "backend language"). */
static void prop_rank_infinitive(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, unsigned char *near)
{
    for (size_t k = a; k + 2 < b; k++) {
        if (m->eval[k] != STANCE_MARK_COMPARATIVE || m->eval[k + 1] == STANCE_MARK_COMPARATIVE) continue;
        size_t words = 0;
        for (size_t j = k + 1; j + 1 < b && words <= PROP_NEAR; j++) {
            if (prop_comma_before(m, j) || m->eval[j] || m->subj[j] >= 0) break;
            if (prop_word(c, m, WR_BASE_AFTER_COMPARATIVE, j)) {
                /* "superior to Y" is a base, "easier to learn" ranks on learn */
                if (j > k + 1 && m->subj[j + 1] < 0)
                    for (size_t i = k + 1; i < j; i++) near[i - a] &= (unsigned char)~PROP_NEAR_RANK;
                break;
            }
            words += prop_counts(m, j);
        }
    }
}

/* The words right after the subject's first name in [a, b) that say
 * which part of it the clause speaks of ("Python [backend development]
 * may not match that raw speed", "X [web frameworks] are slow"): plain
 * words and concepts up to the first other word.  [*pa, *pb), empty
 * when there are none. */
static void prop_subject_phrase(const prop_marks *m, int subject, size_t a, size_t b, size_t *pa, size_t *pb)
{
    size_t k = a;
    *pa = *pb = b;
    if (subject < 0) return;
    while (k < b && m->subj[k] != subject) k++;
    while (k < b && m->subj[k] == subject) k++;
    if (k == b) return;
    size_t e = k;
    while (e < b && !m->eval[e] && m->subj[e] < 0 && m->part[e] < 0 && (m->cls[e] < 0 || m->cls[e] == PL_CONCEPT) &&
           !prop_comma_before(m, e))
        e++;
    if (e > k) *pa = k, *pb = e;
}

/* The plain words right before the subject's first name in [a, b)
 * that say which kind of it the clause speaks of ("using [open source]
 * X in production is not free of cost", "[self-hosted] X is costly"),
 * back to a gerund that takes X as its object ("Learning X"):
 * [*qa, *qb), empty when there are none. */
static void prop_subject_premod(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b, size_t *qa,
                                size_t *qb)
{
    size_t k = a;
    *qa = *qb = b;
    if (subject < 0) return;
    while (k < b && m->subj[k] != subject) k++;
    if (k == b) return;
    size_t s = k;
    while (s > a && !m->eval[s - 1] && m->subj[s - 1] < 0 && m->part[s - 1] < 0 &&
           (m->cls[s - 1] < 0 || m->cls[s - 1] == PL_CONCEPT || m->cls[s - 1] == PL_POLE) && !prop_comma_before(m, s) &&
           !words_has_ending(c->words, WR_GERUND_ENDING, &m->toks[s - 1]))
        s--;
    if (s < k) *qa = s, *qb = k;
}

/* The phrase keys[np0, np1) say which part of the subject is judged,
 * not what it is judged on, when the clause judges a named aspect
 * besides ("may not match that raw speed": speed, not the back end). */
static void prop_phrase_unjudged(const prop_ctx *c, prop *p, size_t np0, size_t np1)
{
    if (np1 <= np0) return;
    uint32_t phrase = (uint32_t)(((1ull << np1) - 1) & ~((1ull << np0) - 1));
    int other = 0;
    for (size_t i = 0; i < p->nkeys && !other; i++) {
        const char *k = prop_key_str(c->keys, p->keys[i]);
        other = !((phrase >> i) & 1) && ((p->judged >> i) & 1) && k && (k[0] == '#' || k[0] == '%');
    }
    if (other) p->judged &= ~phrase;
}

/* "faster to pick up", "slow to compile": an evaluative word of a
 * concept [k, he) whose infinitive follows judges what the infinitive
 * names (learning, building), not the concept of its own word (speed):
 * the concept is no aspect of the clause. */
static int prop_judges_infinitive(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b)
{
    if (!m->eval[k] || he + 1 >= b || !prop_word(c, m, WR_BASE_AFTER_COMPARATIVE, he)) return 0;
    size_t v = he + 1;
    return m->subj[v] < 0 && m->part[v] < 0 && m->cls[v] != PL_FUNCTION && !m->eval[v] &&
           !(m->toks[v].s[0] >= '0' && m->toks[v].s[0] <= '9') && !prop_comma_before(m, v);
}

/* "performs CRUD operations", "performing the calculations": a verb of
 * doing [k, he) with an object right after it (past a determiner) says
 * what the subject does, not how well: its concept (speed) is no
 * aspect.  "performs well", "performs significantly better" and
 * "performs in production" have none. */
static int prop_does_object(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b)
{
    if (he != k + 1 || !prop_word(c, m, WR_DO_VERB, k)) return 0;
    size_t o = he;
    int det = o < b && m->cls[o] == PL_FUNCTION && prop_word(c, m, WR_DETERMINER, o);
    o += (size_t)det;
    if (o >= b || prop_comma_before(m, o) || m->eval[o]) return 0;
    if (m->cls[o] >= 0 && m->cls[o] != PL_CONCEPT && m->cls[o] != PL_SCOPE) return 0;
    /* after a determiner "-ly" is an adjective ("the nightly builds") */
    return det || !words_has_ending(c->words, WR_ADVERB_ENDING, &m->toks[o]);
}

/* "Developers build applications faster", "growing fast", "faster
 * development": an evaluative word of a concept [k, he) right after a
 * word of making software (at most two plain words between) or before
 * one (only evaluative words and "and" between) judges the making's pace, not the subject's: the concept
 * is no aspect of the clause. */
static int prop_judges_making(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a)
{
    if (!m->eval[k]) return 0;
    /* forward past evaluative words and "and": "a faster and more
     * efficient development process" */
    for (size_t j = he; j < m->ntok && j < he + 4 && !prop_comma_before(m, j); j++) {
        if (prop_word(c, m, WR_MAKING, j)) return 1;
        if (!m->eval[j] && !prop_word(c, m, WR_AND, j)) break;
    }
    for (size_t j = k, between = 0; j > a && between <= 2; j--) {
        size_t w = j - 1;
        if (prop_comma_before(m, j) || m->subj[w] >= 0 || m->eval[w]) return 0;
        if (prop_word(c, m, WR_MAKING, w)) return 1;
        if (m->cls[w] == PL_FUNCTION) return 0;
        between++;
    }
    return 0;
}

/* Does the cue at [k, e) name something: a word that is neither
 * evaluative nor a function or modal word of the lexicon?  "better
 * suited", "best choice", "ideal for" are the user's cues for a
 * dimension, but a judgement, not an aspect two claims share. */
static int prop_cue_names(const prop_marks *m, size_t k, size_t e)
{
    for (; k < e; k++)
        if (!m->eval[k] && (m->cls[k] < 0 || m->cls[k] == PL_CONCEPT || m->cls[k] == PL_SCOPE ||
                            m->cls[k] == PL_POLE || m->cls[k] == PL_KIND))
            return 1;
    return 0;
}

/* Fill p's aspects, qualifiers and poles from tokens [a, b). */
static void prop_read_span(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, prop *p)
{
    int hedge = 0, universal = 0, negation = 0, capability = 0;
    p->nkeys = p->npoles = 0;
    p->scope = 0;
    p->change = 0;
    p->judged = p->ranked = 0;
    p->choice = 0;
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
    /* the keys first seen in the subject's own phrase are [np0, np1) */
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
        int cls = m->cls[k], first = (size_t)m->hit[k] == k;
        if (cls >= 0) {
            if (!first) continue;
            size_t he = (size_t)m->hit_end[k];
            const char *name;
            switch (cls) {
            case PL_HEDGE: hedge = 1; break;
            case PL_CAPABILITY:
                hedge = 1;
                capability = 1;
                break;
            case PL_POSSESSION: capability = 1; break;
            case PL_ANSWER: capability |= m->cell && k == 0; break;
            case PL_ANSWER_NO: negation |= m->cell && k == 0; break;
            case PL_CHOICE: p->choice = 1; break;
            case PL_CONDITION: hedge = 1; break;
            case PL_UNIVERSAL: universal = 1; break;
            case PL_NEGATION:
                /* a negation inside an even-handed phrase ("no clear
                 * winner") is that phrase's verdict, no denial */
                if (m->eval[k] != STANCE_MARK_EVEN) negation |= prop_flat_negation(c, m, k, b);
                break;
            case PL_CHANGE:
            case PL_CURRENT: p->change = 1; break;
            case PL_CONCEPT:
                if (prop_judges_infinitive(c, m, k, he, b) || prop_does_object(c, m, k, he, b) ||
                    prop_judges_making(c, m, k, he, a))
                    break;
                name = prop_lex_concept(c->lex, (size_t)m->entry[k]);
                prop_add_key_at(p, prop_named_key(c, '#', name, strlen(name), name), nk);
                break;
            case PL_POLE: {
                /* "compiled C code": a participle before its noun says
                 * what that noun is, not the subject (but "an
                 * interpreted language" is the subject's kind) */
                if (prop_attributive(c, m, k, he, b)) break;
                name = prop_lex_pole(c->lex, (size_t)m->entry[k]);
                const char *slash = strchr(name, '/');
                {
                    char axis[PROP_NAME_MAX + 1];
                    snprintf(axis, sizeof axis, "%.*s", (int)(slash - name), name);
                    prop_add_key_at(p, prop_named_key(c, '#', name, (size_t)(slash - name), axis), nk);
                }
                int dup = 0;
                for (size_t i = 0; i < p->npoles; i++) dup |= p->poles[i] == m->entry[k];
                if (!dup && p->npoles < PROP_MAX_POLES) p->poles[p->npoles++] = m->entry[k];
                break;
            }
            case PL_SCOPE:
                /* "the features you are familiar with": what the noun
                 * is to the reader, no restriction of the claim */
                if (words_object_relative(c->words, m->toks, a, k)) break;
                name = prop_lex_scope(c->lex, (size_t)m->entry[k]);
                prop_add_key_at(p, prop_named_key(c, '%', name, strlen(name), prop_lex_scope_shown(c->lex, (size_t)m->entry[k])), nk);
                p->scope |= 1u << m->entry[k];
                break;
            default: break; /* function words, kinds: no aspect */
            }
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
    p->modality = hedge || p->scope ? PROP_QUALIFIED : universal || negation ? PROP_ABSOLUTE : PROP_PLAIN;
    p->capable = capability && !negation;
    p->denied = negation && !universal && !capability;
    p->start = m->map[m->toks[a].off];
    p->end = m->map[m->toks[b - 1].off + m->toks[b - 1].n];
}

int prop_tok(void *ctx, const char *s, size_t n, size_t off)
{
    prop_toks *pt = ctx;
    if (pt->n == PROP_TOKS) return 1;
    pt->t[pt->n++] = (tax_tok){s, n, off};
    return 0;
}

int prop_tokenize(const char *text, size_t len, buf *nb, size_t **map, prop_toks *pt)
{
    pt->n = 0;
    if (norm_text(text, len, nb, map, NULL) != KB_OK) return KB_ERR;
    if (nb->len) norm_blank_markup(nb->data, nb->len);
    norm_tokens(buf_cstr(nb), nb->len, prop_tok, pt);
    return KB_OK;
}

/* A table cell's row label ("Hot reload", "[CTE](/docs/cte)") names
 * what the cell answers: its aspects are every proposition of the
 * cell's, judged (the cell's words are its judgement). */
void prop_row_label(const prop_ctx *c, const char *label, prop *out, size_t n, int near)
{
    buf nb = BUF_INIT;
    size_t *map = NULL;
    prop_toks *pt = kb_malloc(sizeof *pt);
    if (prop_tokenize(label, strlen(label), &nb, &map, pt) != KB_OK) goto done;
    tax_hit *hits = kb_malloc(PROP_TOKS * sizeof *hits);
    size_t nh = tax_match(c->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART) | TAX_MASK(TAX_DIMENSION), pt->t, pt->n,
                          hits, PROP_TOKS);
    if (nh > PROP_TOKS) nh = PROP_TOKS;
    prop_marks *m = kb_malloc(sizeof *m);
    prop_mark_toks(c, pt->t, pt->n, map, hits, nh, m);
    for (size_t i = 0; i < n && m->ntok; i++) {
        prop q;
        memset(&q, 0, sizeof q);
        q.subject = out[i].subject;
        prop_read_span(c, m, 0, m->ntok, &q);
        for (size_t k = 0; k < q.nkeys; k++) prop_add_key_at(&out[i], q.keys[k], near);
        out[i].scope |= q.scope;
    }
    free(m);
    free(hits);
done:
    free(pt);
    free(map);
    buf_free(&nb);
}

/* Is every mention of subject in tokens [a, b) the base of a
 * comparison (and is there one)? */
static int prop_only_base(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b)
{
    int seen = 0;
    for (size_t k = a; k < b; k++) {
        if (m->subj[k] != subject) continue;
        if (!prop_is_base(c, m, k)) return 0;
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
     * flatly denied, judges it without (but not in the article's
     * preview of itself: "we will explore what X can do") */
    if ((p.capable || p.denied) && !m->meta) {
        p.kind = PROP_STANCE;
        p.polarity = p.capable ? 1 : -1;
    }
    if (n < max) out[n] = p;
    return n + 1;
}

/* Are x and y joined by "and" at token k as the subject of a clause
 * (the clause's, which starts at byte start, or one opened by "that"):
 * "X and Y have ...", but not "This guide compares X and Y"? */
static int prop_joined(const prop_ctx *c, const prop_marks *m, size_t start, size_t k, int x, int y)
{
    if (k + 2 >= m->ntok || !prop_word(c, m, WR_AND, k + 1)) return 0;
    /* opening the clause, or a clause of its own ("It's worth noting
     * that X and Y ...") */
    if (m->map[m->toks[k].off] != start && !(k > 0 && (prop_word(c, m, WR_DETERMINER, k - 1) ||
                                                      prop_word(c, m, WR_RELATIVE, k - 1))))
        return 0;
    int s = m->subj[k], t = m->subj[k + 2];
    return (s == x && t == y) || (s == y && t == x);
}

/* Mark the clause judgements out[0..n) that judge two subjects or more
 * alike in one clause saying "both" or joining them with "and",
 * comparing none: "Both X and Y are easy to learn", "X and Y have a
 * steep learning curve" rank neither above the other. */
static void prop_mark_joint(const prop_ctx *c, const prop_marks *m, prop *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            prop *a = &out[i], *b = &out[j];
            if (a->start != b->start || a->end != b->end || a->subject == b->subject || !a->polarity ||
                a->polarity != b->polarity || a->ranks >= 0 || b->ranks >= 0)
                continue;
            int all = 0;
            for (size_t k = 0; k < m->ntok && !all; k++)
                all = m->map[m->toks[k].off] >= a->start && m->map[m->toks[k].off] < a->end &&
                      (prop_word(c, m, WR_BOTH, k) || prop_joined(c, m, a->start, k, a->subject, b->subject));
            a->joint |= all;
            b->joint |= all;
        }
}

size_t prop_extract(const prop_ctx *c, const tagger *tg, const prop_claim *in, prop *out, size_t max)
{
    prop_marks *m = kb_malloc(sizeof *m);
    prop_mark(c, tg, m);
    m->cell = in->row_header != NULL;
    size_t n = 0;
    const tag_result *r = in->tags;
    if (!m->ntok) goto done;
    /* one per clause and subject judged; the first clause of a subject
     * that speaks of an aspect is its position on it (prop.h) */
    for (size_t i = 0; i < r->nclauses; i++) {
        const stance_clause *cl = &r->clauses[i];
        size_t a = cl->tok, b = cl->tok_end < m->ntok ? cl->tok_end : m->ntok;
        if (a >= b) continue;
        prop p;
        memset(&p, 0, sizeof p);
        p.kind = PROP_STANCE;
        p.subject = cl->subject;
        p.versus = cl->versus;
        p.ranks = cl->versus;
        p.polarity = cl->polarity;
        p.category = -1;
        /* a comparison counts as one only when the clause names what
         * it compares with */
        if (p.versus >= 0) {
            int named = 0;
            for (size_t k = a; k < b && !named; k++)
                named = m->subj[k] == p.versus || (m->part[k] >= 0 && m->part_subject[k] == p.versus);
            if (!named) p.versus = -1;
        }
        prop_read_span(c, m, a, b, &p);
        /* "X is more secure than Y": the value named is X's; of Y, the
         * base, the clause says only that it has less of it */
        if (p.versus >= 0 && p.npoles && prop_only_base(c, m, p.subject, a, b)) p.npoles = 0;
        /* a recommendation picks one of two subjects over the other */
        if (p.choice && p.polarity > 0 && p.versus < 0 && tax_subjects(c->tax) == 2) p.versus = 1 - p.subject;
        if (p.versus >= 0) p.ranks = p.versus;
        if (n < max) out[n] = p;
        n++;
    }
    prop_mark_joint(c, m, out, n < max ? n : max);
    /* what the claim says of a subject outside the clauses judging it:
     * the words around each of its names no such clause takes, or the
     * whole claim for a subject it does not name and nothing judges */
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
            if (!inside && a < b && a >= done) {
                n = prop_neutral(c, m, subject, a, b, n, out, max);
                done = b;
            }
            /* the next name of the subject */
            while (t < m->ntok && m->subj[t] == subject) t++;
            while (t < m->ntok && m->subj[t] != subject) t++;
            if (t >= m->ntok) break;
        }
    }
    n = prop_categories(c, m, in, n, out, max);
    for (size_t i = 0; i < n && i < max; i++)
        if (out[i].kind == PROP_CATEGORY) {
            /* a category's qualifiers are its claim's */
            prop q = out[i];
            prop_read_span(c, m, 0, m->ntok, &q);
            q.start = out[i].start;
            q.end = out[i].end;
            q.nkeys = 0;
            out[i] = q;
        }
done:
    if (m->cell) n = prop_cell_answer(c, in, out, n, max);
    if (in->row_header && n) prop_row_label(c, in->row_header, out, n < max ? n : max, PROP_NEAR_EVAL);
    free(m);
    return n;
}
