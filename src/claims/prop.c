/*
 * prop.c - the propositions of one tagged claim; see prop.h.
 *
 * The work is one pass of marking over the claim's tokens (which
 * lexicon class, subject, part or evaluative word each token is), then
 * one proposition per judged clause, per subject named but not judged,
 * and per "X is a K" statement (prop_cat.c), each reading its span's
 * marks for aspects, qualifiers and poles (prop_read.c).
 */
#include "prop_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "util.h"

/* Mark the asides: the tokens inside parentheses, counted on the bytes
 * between tokens (a parenthesis is no token), and a condition up to its
 * comma or the end ("X is slow if the docs are any guide": the docs are
 * not what "slow" judges). */
static void prop_mark_parens(const prop_ctx *c, prop_marks *m)
{
    int depth = 0, cond = 0;
    for (size_t k = 0; k < m->ntok; k++) {
        if (k > 0) {
            for (const char *s = m->toks[k - 1].s + m->toks[k - 1].n; s < m->toks[k].s; s++)
                depth += *s == '(' ? 1 : *s == ')' && depth > 0 ? -1 : 0;
            if (tax_tok_punct_before(m->toks, k, ",;:")) cond = 0;
        }
        if (words_at(c->words, WR_CONDITION, m->toks, m->ntok, k)) cond = 2;
        m->paren[k] = depth > 0 ? 1 : (unsigned char)cond;
    }
}

/* Mark tokens toks[0..ntok) (the offset map of their text in map),
 * given the taxonomy's hits on them. */
static void prop_mark_toks(const prop_ctx *c, const tax_tok *toks, size_t ntok, const size_t *map, const tax_hit *th,
                           size_t nth, prop_marks *m)
{
    m->toks = toks;
    m->ntok = ntok > PROP_TOKS ? PROP_TOKS : ntok;
    m->map = map;
    m->cell = m->label = 0;
    for (size_t i = 0; i < m->ntok; i++) {
        m->cls[i] = -1;
        m->entry[i] = -1;
        m->hit[i] = (short)i;
        m->hit_end[i] = (short)(i + 1);
        m->subj[i] = m->part[i] = -1;
        m->cue_end[i] = 0;
    }
    prop_mark_parens(c, m);
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

int prop_tok(void *ctx, const char *s, size_t n, size_t off)
{
    prop_toks *pt = ctx;
    if (pt->n == PROP_TOKS) return 1;
    pt->t[pt->n++] = (tax_tok){s, n, off, 0};
    return 0;
}

int prop_tokenize(const char *text, size_t len, buf *nb, size_t **map, prop_toks *pt)
{
    pt->n = 0;
    if (norm_text(text, len, nb, map, NULL) != KB_OK) return KB_ERR;
    if (nb->len) norm_blank_markup(nb->data, nb->len);
    norm_tokens(buf_cstr(nb), nb->len, prop_tok, pt);
    tax_toks_mark_case(pt->t, pt->n, text, len, map ? *map : NULL);
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
    m->label = 1;
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
int prop_only_base(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b)
{
    int seen = 0;
    for (size_t k = a; k < b; k++) {
        if (m->subj[k] != subject) continue;
        if (!prop_is_base(c, m, k)) return 0;
        seen = 1;
    }
    return seen;
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

#define PROP_BARE 8 /* clauses left out after one that judges nothing, per claim */

/* "X supports A, but Y does not", "X shines in A, whereas Y
 * struggles": p, a clause whose verb phrase is left out or that names
 * no aspect of its own, speaks of what the last clause before it of
 * another subject out[0..n) speaks of: its aspects, scope and poles. */
static void prop_elided(const prop *out, size_t n, prop *p, prop_kind kind)
{
    const prop *q = NULL;
    for (size_t j = 0; j < n; j++)
        if (out[j].subject != p->subject && out[j].kind == kind && out[j].end <= p->start &&
            (!q || out[j].end >= q->end))
            q = &out[j];
    if (!q) return;
    memcpy(p->keys, q->keys, sizeof p->keys);
    p->nkeys = q->nkeys;
    p->judged = q->judged;
    p->ranked = q->ranked;
    /* a value said ("secure") is not what "Y is not" denies it has */
    if (kind == PROP_STANCE) {
        memcpy(p->poles, q->poles, sizeof p->poles);
        p->npoles = q->npoles;
    }
    p->scope |= q->scope;
}

/* Mark alike the propositions out[0..n) of two subjects, both named in
 * one clause, that says they are alike with no judgement ("X and Y are
 * evenly matched on clients"): a ranking's other answer
 * (reconcile_rank.c), joint with no polarity. */
static void prop_mark_alike(const prop_ctx *c, const prop_marks *m, prop *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            prop *a = &out[i], *b = &out[j];
            if (a->start != b->start || a->end != b->end || a->subject == b->subject || a->polarity ||
                b->polarity || a->kind == PROP_CATEGORY || b->kind == PROP_CATEGORY)
                continue;
            int alike = 0, na = 0, nb = 0;
            for (size_t k = 0; k < m->ntok; k++) {
                size_t at = m->map[m->toks[k].off];
                if (at < a->start || at >= a->end) continue;
                alike |= prop_words_at(c, m, WR_ALIKE, k) != 0;
                na += m->subj[k] == a->subject;
                nb += m->subj[k] == b->subject;
            }
            if (alike && na && nb) a->joint = b->joint = 1;
        }
}

size_t prop_extract(const prop_ctx *c, const tagger *tg, const prop_claim *in, prop *out, size_t max)
{
    prop_marks *m = kb_malloc(sizeof *m);
    prop_mark(c, tg, m);
    m->cell = in->row_header != NULL;
    /* a question asserts no feature either */
    m->meta |= in->tags->asks;
    size_t n = 0, bare[PROP_BARE], nbare = 0;
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
        if (cl->elided == STANCE_ELIDED || (cl->elided == STANCE_CONTRASTED && !p.nkeys))
            prop_elided(out, n < max ? n : max, &p, PROP_STANCE);
        /* left out after a clause that judges nothing: that clause's
         * words, once they are read (below) */
        if (cl->elided == STANCE_ELIDED && !p.nkeys && n < max && nbare < PROP_BARE) bare[nbare++] = n;
        if (p.polarity > 0 && prop_restricted(c, m, a, b)) p.polarity = -1;
        /* a cell opening "None" or "Planned" denies what its evaluative
         * row label ("Safari support") says the subject has */
        if (p.polarity > 0 && m->cell && a == 0 && m->cls[0] == PL_ANSWER_NO) p.polarity = -1;
        /* "..., but on Windows you need to install Python yourself":
         * a turn that names its subject again */
        p.turn = a > 0 && prop_word(c, m, WR_TURN, a);
        for (size_t k = a + 1, named = 0; k < b && p.turn && !named; k++) {
            named = m->subj[k] == p.subject || (m->part[k] >= 0 && m->part_subject[k] == p.subject);
            if (k + 1 == b && !named) p.turn = 0;
        }
        /* "X is more secure than Y": the value named is X's; of Y, the
         * base, the clause says only that it has less of it */
        if (p.npoles && prop_only_base(c, m, p.subject, a, b)) p.npoles = 0;
        /* a recommendation picks one of two subjects over the other */
        if (p.choice && p.polarity > 0 && p.versus < 0 && tax_subjects(c->tax) == 2) p.versus = 1 - p.subject;
        if (p.versus >= 0) p.ranks = p.versus;
        else if (prop_self_comparison(c, m, a, b)) p.ranks = -1;
        if (n < max) out[n] = p;
        n++;
    }
    prop_mark_joint(c, m, out, n < max ? n : max);
    n = prop_unjudged(c, m, r, n, out, max);
    /* "X is secure by default, Y is not" */
    for (size_t i = 0; i < nbare; i++) prop_elided(out, n < max ? n : max, &out[bare[i]], PROP_NEUTRAL);
    prop_mark_alike(c, m, out, n < max ? n : max);
    n = prop_instead(c, m, out, n, max);
    n = prop_categories(c, m, in, n, out, max);
    n = prop_values(c, m, in, n, out, max);
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
