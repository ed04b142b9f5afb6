/*
 * tag_qty.c - the quantities of a claim (tag.h has the rules): each
 * number qty.h finds, with the measure the taxonomy names for it (by
 * its unit words, else its shape) and the subject it is said of.
 */
#include "tag_int.h"

#include <stdio.h>
#include <string.h>

/* The measure whose terms name the tokens ut[0..nu) (the last one
 * matched: the last unit word names the thing counted, "stack overflow
 * question"), or -1. */
static int tag_unit_measure(const taxonomy *t, const tax_tok *ut, size_t nu)
{
    tax_hit h[8];
    size_t nh = tax_match(t, TAX_MASK(TAX_MEASURE), ut, nu, h, 8);
    if (nh > 8) nh = 8;
    int best = -1;
    for (size_t i = 0; i < nh; i++) best = h[i].index;
    return best;
}

/* A rate's unit in long hand: "message/s" as "messages per second"
 * (plural when plural is 1), the way a taxonomy may list it; the tokens
 * point into out.  Returns their count, 0 when unit is no rate. */
static size_t tag_rate_longhand(const char *unit, int plural, char *out, size_t cap, tax_tok *ut)
{
    const char *slash = strchr(unit, '/'), *time = slash && slash > unit ? qty_rate_time(slash + 1) : NULL;
    if (!time) return 0;
    int n = snprintf(out, cap, "%.*s%s per %s", (int)(slash - unit), unit, plural ? "s" : "", time);
    if (n < 0 || (size_t)n >= cap) return 0;
    size_t nu = 0;
    for (char *p = out; *p && nu < 8;) {
        while (*p == ' ') p++;
        char *s = p;
        while (*p && *p != ' ') p++;
        if (p > s) ut[nu++] = (tax_tok){s, (size_t)(p - s), 0, 0};
    }
    return nu;
}

/* The measure of a quantity: unit words first, then its shape. */
static int tag_measure(tagger *tg, const qty *q, const tax_tok *ctx, size_t nctx)
{
    const taxonomy *t = tg->tax;
    /* "100k/sec": the rate of the one thing counted per second */
    if (q->kind == QTY_COUNT && q->unit[0] == '/') return tax_measure_per(t, qty_rate_time(q->unit + 1), qty_size_word);
    if (q->kind == QTY_COUNT && q->unit[0]) {
        /* tokenize the unit into a private array: tg->toks holds the claim */
        tax_tok ut[8];
        size_t nu = 0;
        const char *u = q->unit;
        while (*u && nu < 8) {
            while (*u && !((*u >= 'a' && *u <= 'z') || (*u >= '0' && *u <= '9') || (unsigned char)*u >= 0x80)) u++;
            const char *s = u;
            while ((*u >= 'a' && *u <= 'z') || (*u >= '0' && *u <= '9') || (unsigned char)*u >= 0x80) u++;
            if (u > s) {
                ut[nu].s = s;
                ut[nu].n = (size_t)(u - s);
                ut[nu].off = 0;
                ut[nu].lower = 0;
                nu++;
            }
        }
        /* a rate as the taxonomy may write it: "messages per second"
         * before "messages", which would take the count of it */
        char lb[96];
        tax_tok lt[8];
        for (int plural = 1; plural >= 0; plural--) {
            size_t nl = tag_rate_longhand(q->unit, plural, lb, sizeof lb, lt);
            tax_hit lh[8];
            size_t nh = nl ? tax_match(t, TAX_MASK(TAX_MEASURE), lt, nl, lh, 8) : 0;
            for (size_t i = 0; i < nh && i < 8; i++)
                if (lh[i].tok == 0 && lh[i].tok_end == nl) return lh[i].index;
        }
        int best = tag_unit_measure(t, ut, nu);
        if (best >= 0) return best;
    }
    if (q->kind == QTY_COUNT) return -1;
    /* a shape: the measure whose context words the claim has, else the
     * one of that shape that has no context words */
    tax_hit h[TAG_MAX];
    size_t nh = tax_match(t, TAX_MASK(TAX_MEASURE), ctx, nctx, h, TAG_MAX);
    if (nh > TAG_MAX) nh = TAG_MAX;
    int fallback = -1;
    for (size_t m = 0; m < tax_measures(t); m++) {
        if (tax_measure_shape(t, m) != (int)q->kind) continue;
        for (size_t i = 0; i < nh; i++)
            if (h[i].index == (int)m) return (int)m;
        if (tax_measure_terms(t, m) == 0 || fallback < 0) fallback = (int)m;
    }
    return fallback;
}

/* Is mention k a comparison's base ("than Kafka's", "unlike Y") that a
 * comma parts from the figure at byte at ("lower than Kafka's, handling
 * thousands ...": the figure is the clause subject's, not the base's)? */
static int tag_qty_base_apart(const tag_ctx *c, size_t k, size_t at)
{
    const tagger *tg = c->tg;
    size_t t = c->ment[k].tok;
    if (t == 0 || !(words_is(tg->w, WR_THAN, &tg->toks[t - 1]) || words_is(tg->w, WR_UNLIKE, &tg->toks[t - 1])))
        return 0;
    for (size_t j = t + 1; j < tg->ntok && tg->map[tg->toks[j].off] <= at; j++) {
        const char *a = tg->toks[j - 1].s + tg->toks[j - 1].n, *b = tg->toks[j].s;
        if (memchr(a, ',', (size_t)(b - a))) return 1;
    }
    return 0;
}

/* The first token at or after byte at of the claim (ntok: none). */
static size_t tag_qty_tok_at(const tagger *tg, size_t at)
{
    size_t t = 0;
    while (t < tg->ntok && tg->map[tg->toks[t].off] < at) t++;
    return t;
}

/* The first token at or after the end of quantity q (ntok: none). */
static size_t tag_qty_after(const tagger *tg, const qty *q)
{
    return tag_qty_tok_at(tg, q->end);
}

/* Is token t a figure ("2009", "3.13")? */
static int tag_qty_digit(const tax_tok *t)
{
    return t->n && t->s[0] >= '0' && t->s[0] <= '9';
}

/* The subject quantity q (of measure m) is said of: one named right
 * after it and "for" ("12,000 for Y"), else the nearest subject
 * mentioned before it (not a comparison's base a comma parts from it,
 * nor one after "of" when another came before: "Deno, created by the
 * creator of Node.js and released in 2019"),
 * else after it, else the claim's subject other than such a base, else
 * its only subject. */
static int tag_qty_subject(const tag_ctx *c, const qty *q, int m)
{
    const tagger *tg = c->tg;
    const tag_result *r = c->r;
    /* A year that is not some subject's event ("in 2024", "the 2024
     * survey") dates the statement; it belongs to no subject. */
    if (q->kind == QTY_YEAR && tax_measure_terms(tg->tax, (size_t)m) == 0) return -1;
    /* "5,000 packages versus 12,000 for Y": a figure (and its unit)
     * right before "for Y" is Y's */
    size_t qe = tag_qty_after(tg, q);
    for (size_t k = 0; k < c->nment; k++) {
        size_t t = c->ment[k].tok;
        if (t <= qe) continue;
        /* (not past another figure: "1991 vs. 2009 for Y" is Y's 2009) */
        int figure = 0;
        for (size_t j = qe; j + 1 < t && !figure; j++) figure = tag_qty_digit(&tg->toks[j]);
        if (t - 1 <= qe + 2 && !figure && words_is(tg->w, WR_PURPOSE, &tg->toks[t - 1])) return c->ment[k].subject;
        break;
    }
    int before = -1, after = -1, base = -1;
    for (size_t k = 0; k < c->nment; k++) {
        size_t at = tg->map[tg->toks[c->ment[k].tok].off];
        if (at <= q->start) {
            size_t t = c->ment[k].tok;
            if (tag_qty_base_apart(c, k, q->start)) base = c->ment[k].subject;
            /* "the creator of Node.js": not past an earlier subject */
            else if (!(before >= 0 && t > 0 && words_is(tg->w, WR_OF, &tg->toks[t - 1]))) before = c->ment[k].subject;
        } else if (after < 0) {
            after = c->ment[k].subject;
        }
    }
    if (before >= 0) return before;
    if (base >= 0)
        for (size_t i = 0; i < r->nsubj; i++)
            if (r->subj[i].subject != base && r->subj[i].how != TAG_PART) return r->subj[i].subject;
    return after >= 0 ? after : r->nsubj == 1 ? r->subj[0].subject : -1;
}

/* The tokens [*w0, *w1) whose words say what a figure of shape only
 * (a year, a duration) measures: those within TAG_QTY_WINDOW words of
 * it, so that "released in 2013" does not make the "2023" of "Docker in
 * 2023" a release year too.  A count with a unit reads its unit. */
static void tag_qty_window(const tagger *tg, const qty *q, size_t *w0, size_t *w1)
{
    size_t at = tag_qty_tok_at(tg, q->start);
    *w0 = at > TAG_QTY_WINDOW ? at - TAG_QTY_WINDOW : 0;
    *w1 = at + TAG_QTY_WINDOW < tg->ntok ? at + TAG_QTY_WINDOW : tg->ntok;
}

/* Are all the tokens [a, b) of the event (event_gap), or figures?  Sets
 * *own when one makes the event the subject's whatever follows (a
 * passive, a relative, an owner), or a comma stands before b ("Alpha,
 * first released in", "Beta, created by"). */
static int tag_qty_event_words(const tagger *tg, size_t a, size_t b, int *own)
{
    for (size_t t = a; t < b; t++) {
        const tax_tok *tk = &tg->toks[t];
        if (tag_qty_digit(tk)) continue;
        if (!words_is(tg->w, WR_EVENT_GAP, tk)) return 0;
        if (words_is(tg->w, WR_EVENT_PASSIVE, tk) || words_is(tg->w, WR_EVENT_OWNER, tk)) *own = 1;
    }
    if (a > 0 && b < tg->ntok && memchr(tg->toks[a - 1].s, ',', (size_t)(tg->toks[b].s - tg->toks[a - 1].s))) *own = 1;
    return 1;
}

/* Does year q, of measure m with context words (a release year), date
 * something subject s did or has rather than s itself?  From s's name
 * nearest the year (before it, else after it) to the first of m's words
 * after the name, every word must be of the event ("has supported
 * pooling since 2021" and "Alpha's pooling module was introduced in"
 * name something else).  Where that word is s's own active verb
 * ("Alpha introduced"), no word but those may stand between it and the
 * year, or right after it when the year comes first: that word begins
 * the verb's object ("introduced pooling in 2014", "In 2014, Alpha
 * introduced pooling").  What the subject is, or evolved from, is the
 * subject. */
static int tag_qty_others_event(const tag_ctx *c, const qty *q, int m, int s)
{
    const tagger *tg = c->tg;
    size_t yt = tag_qty_tok_at(tg, q->start);
    size_t name = (size_t)-1;
    for (size_t k = 0; k < c->nment; k++) {
        if (c->ment[k].subject != s) continue;
        if (c->ment[k].tok_end <= yt) name = c->ment[k].tok_end;
        else if (name == (size_t)-1) {
            name = c->ment[k].tok_end;
            break;
        }
    }
    if (name == (size_t)-1) return 0;
    size_t end = (yt > name ? yt : name) + TAG_QTY_WINDOW;
    if (end > tg->ntok) end = tg->ntok;
    tax_hit h[TAG_MAX];
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_MEASURE), tg->toks + name, end - name, h, TAG_MAX);
    if (nh > TAG_MAX) nh = TAG_MAX;
    size_t cue = (size_t)-1, cue_end = 0;
    for (size_t i = 0; i < nh; i++)
        if (h[i].index == m && name + h[i].tok < cue) {
            cue = name + h[i].tok;
            cue_end = name + h[i].tok_end;
        }
    /* no word of the measure after the name, or only past the year:
     * "The author created Alpha in 2009" */
    if (cue == (size_t)-1 || (name <= yt && cue > yt)) return 0;
    /* "X is a runtime created by Y in 2018": what X is; "X has evolved
     * from a language created in 1991": X's former self */
    if (name < cue && words_is(tg->w, WR_COPULA, &tg->toks[name])) return 0;
    for (size_t t = name; t < cue; t++)
        if (words_at(tg->w, WR_LINEAGE, tg->toks, cue, t)) return 0;
    int own = 0;
    if (!tag_qty_event_words(tg, name, cue, &own)) return 1;
    if (own) return 0;
    if (yt >= cue_end) return !tag_qty_event_words(tg, cue_end, yt, &own);
    return cue_end < tg->ntok && !tag_qty_event_words(tg, cue_end, cue_end + 1, &own);
}

/* Is count q one instance's size ("a 3-node cluster"): right after an
 * indefinite article that no copula puts on the subject? */
static int tag_qty_instance(const tagger *tg, const qty *q)
{
    size_t t = tag_qty_tok_at(tg, q->start);
    if (q->kind != QTY_COUNT || t == 0 || t >= tg->ntok || !words_is(tg->w, WR_INSTANCE, &tg->toks[t - 1])) return 0;
    return !(t >= 2 && words_is(tg->w, WR_INSTANCE_NOT, &tg->toks[t - 2]));
}

/* Is percentage q right before a word of difference ("30% faster",
 * "20% less memory")? */
static int tag_qty_difference(const tagger *tg, const qty *q)
{
    size_t t = tag_qty_after(tg, q);
    return t < tg->ntok && words_is(tg->w, WR_DIFFERENCE, &tg->toks[t]);
}

void tag_quantities(tag_ctx *c)
{
    tagger *tg = c->tg;
    tag_result *r = c->r;
    qty qs[TAG_MAX];
    size_t nq = qty_scan(c->in->text, c->in->len, qs, TAG_MAX);
    if (nq > TAG_MAX) nq = TAG_MAX;
    for (size_t i = 0; i < nq; i++) {
        /* A number whose measure the taxonomy cannot name ("two
         * languages", "top three") is not recorded: it could not be
         * compared with anything. */
        size_t w0, w1;
        tag_qty_window(tg, &qs[i], &w0, &w1);
        int measure = tag_measure(tg, &qs[i], tg->toks + w0, w1 - w0);
        /* An elided unit: "X allows 100 connections and Y allows 151"
         * -- a bare count after a counted quantity counts the same. */
        if (measure < 0 && qs[i].kind == QTY_COUNT && !qs[i].unit[0])
            for (size_t k = r->nqty; k-- > 0 && measure < 0;)
                if (r->qty[k].q.kind == QTY_COUNT && r->qty[k].q.unit[0]) {
                    measure = r->qty[k].measure;
                    memcpy(qs[i].unit, r->qty[k].q.unit, sizeof qs[i].unit);
                }
        if (measure < 0 || r->nqty >= TAG_MAX) continue;
        /* "30% faster than Y": a difference, no share of anything */
        if (qs[i].kind == QTY_PERCENT && tag_qty_difference(tg, &qs[i])) continue;
        tag_qty *tq = &r->qty[r->nqty++];
        tq->q = qs[i];
        tq->measure = measure;
        /* "a 3-node cluster survives 2 failures": an example's setup */
        tq->subject = tag_qty_instance(tg, &qs[i]) ? -1 : tag_qty_subject(c, &qs[i], measure);
        if (tq->subject >= 0 && qs[i].kind == QTY_YEAR && tax_measure_terms(tg->tax, (size_t)measure) > 0 &&
            tag_qty_others_event(c, &qs[i], measure, tq->subject))
            tq->subject = -1;
        /* "Both projects are nearly 30 years old": a figure said of
         * all the subjects, none named, holds for each of them. */
        if (tq->subject < 0 && !c->nment && r->nsubj > 1 && tag_says_all(tg) &&
            !(qs[i].kind == QTY_YEAR && tax_measure_terms(tg->tax, (size_t)measure) == 0)) {
            tq->subject = r->subj[0].subject;
            for (size_t k = 1; k < r->nsubj && r->nqty < TAG_MAX; k++) {
                r->qty[r->nqty] = *tq;
                r->qty[r->nqty++].subject = r->subj[k].subject;
            }
        }
    }
}
