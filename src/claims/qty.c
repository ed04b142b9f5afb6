/*
 * qty.c - the quantities a sentence states, each as an interval; qty.h
 * is the contract: the examples that must hold and the rules for the
 * cases they leave open.
 *
 * One left-to-right pass.  At the start of each token that may be a
 * numeral (digits, number words, "thousands of") the scanner
 *   1. rejects what is not an amount: a number in a date (the span is
 *      handed to date_parse), an ordinal ("20th"), a time, ratio or
 *      fraction ("10:30", "1:1", "24/7"), a list marker or section number
 *      first on its line ("1.", "2)", "3.2 Setup"), digits glued to
 *      letters ("ES6", "V8", "3D") or joined to a name ("COVID-19",
 *      "HTTP/2"), a number after an acronym ("PEP 8"), a phone number;
 *   2. reads the numeral with what is glued to it: thousands separators,
 *      a scale ("2.5M", "2 million"), "+", a percent, and a second end
 *      after a dash, "to", or "and" (after "between");
 *   3. reads the tokens before it (bound phrases, year context, a name
 *      such as "Python") and the word after it to choose kind and interval;
 *   4. reads the unit: up to three words, ending at the first plural
 *      (the head of an English noun phrase: "Stack Overflow questions"),
 *      before a function word, or at punctuation.
 * Context is read only within QTY_WIN bytes of the numeral and the
 * cursor never goes back before what it consumed, so the scan is linear;
 * nothing is allocated.  Steps 1 and 3 read the text with qty_text.c,
 * step 2 and 4 are qty_num.c, and the word lists are tables in
 * qty_words.c; this file decides (qty_finish) and walks the text.
 */
#include "qty_int.h"

#include <string.h>

static int qty_yearshape(const qty_num *a)
{
    return !a->word && a->ndig == 4 && !a->sep && a->parts == 1 && !a->scaled && !a->pct &&
           !a->gunit && !a->plus && a->v >= 1900 && a->v <= 2100;
}

/* Matches the bound phrases against the tokens before the number. */
static void qty_bound(qty_ctx *c)
{
    if (!c->nt || !c->tk[0].word) return;
    size_t nbounds;
    const qty_bound_word *qty_bounds = qty_bound_words(&nbounds);
    for (size_t b = 0; b < nbounds; b++) {
        const char *w = qty_bounds[b].w, *last = strrchr(w, ' ');
        int nw = 1, ok = 1;
        if (!qty_eq(last ? last + 1 : w, c->tk[0].w)) continue;  /* the cheap test first */
        for (const char *p = w; *p; p++) nw += *p == ' ';
        if (nw > c->nt) continue;
        for (int k = nw - 1; k >= 0 && ok; k--) {
            size_t l = strlen(c->tk[k].w);
            ok = c->tk[k].word && !strncmp(w, c->tk[k].w, l) && (w[l] == ' ' || w[l] == '\0');
            if (ok) w += l + (w[l] == ' ');
        }
        if (ok) {
            c->bound = qty_bounds[b].b, c->approx = qty_bounds[b].approx, c->st = c->tk[nw - 1].s;
            /* "beyond roughly 500", "over about 2 million": a one-word
             * bound before a hedge keeps its direction, hedged */
            if (c->bound == QB_ABOUT && nw < c->nt && c->tk[nw].word)
                for (size_t o = 0; o < nbounds; o++)
                    if (!strchr(qty_bounds[o].w, ' ') && qty_bounds[o].b != QB_ABOUT &&
                        qty_eq(qty_bounds[o].w, c->tk[nw].w)) {
                        c->bound = qty_bounds[o].b, c->approx = 1, c->st = c->tk[nw].s;
                        break;
                    }
            return;
        }
    }
}

/* What stands before the numeral: a currency sign, "~", a bound phrase. */
static void qty_before(const char *t, size_t n, qty_ctx *c)
{
    size_t st = c->a.s, k;
    if (QC(st - 1) == '$') c->cur = "dollar", st -= 1;
    else if (st >= 3 && QC(st - 3) == 0xE2 && QC(st - 2) == 0x82 && QC(st - 1) == 0xAC) c->cur = "euro", st -= 3;
    else if (st >= 2 && QC(st - 2) == 0xC2 && QC(st - 1) == 0xA3) c->cur = "pound", st -= 2;
    c->cs = k = c->st = st;
    while (k > 0 && k + QTY_WIN > st && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
    if (k > 0 && t[k - 1] == '~') c->bound = QB_ABOUT, c->approx = 1, c->st = k - 1;
    c->nt = qty_back(t, n, c->st, c->tk);
    if (!c->bound) qty_bound(c);
}

/* A second end after a dash, "to" or ("between" ...) "and"; "or more".
 * Returns 0, or where to resume after a phone number. */
static size_t qty_range(const char *t, size_t n, qty_ctx *c, int between)
{
    qty_num *a = &c->a, *b = &c->b;
    qty_w w;
    size_t k = qty_skip(t, n, c->p), d;
    int ok = 0;
    if (a->parts < 3 && !a->vflag && !a->decade) {
        if ((d = qty_dash(t, n, k)) && !(d == 1 && qty_alpha(QC(k + 1))))
            ok = qty_dig(QC(k = qty_skip(t, n, k + d)));
        else if (qty_word(t, n, k, &w, 0) && (!strcmp(w.w, "to") || (between && !strcmp(w.w, "and"))))
            ok = (k = qty_skip(t, n, w.e)) > w.e;
        if (ok && qty_dig(QC(k))) qty_digits(t, n, k, b);
        else if (ok) ok = qty_words(t, n, k, b);
    }
    if (ok && !b->skip && b->parts < 3 && !b->decade) {
        double lo = a->v;
        if (QC(a->e) == '-' && QC(b->e) == '-' && qty_dig(QC(b->e + 1))) {
            for (k = b->e; (QC(k) == '-' && qty_dig(QC(k + 1))) || qty_dig(QC(k)); k++) {}
            return k;  /* 555-123-4567: a phone number */
        }
        if (b->scaled && !a->scaled && lo < b->v / b->mult) lo *= b->mult;  /* 1–2 million */
        if (lo < b->v) {
            a->v = lo, c->range = 1, c->p = b->e;
            if (between) c->st = c->tk[0].s;
        }
    }
    if (!c->range) memset(b, 0, sizeof *b);
    if (qty_next_is(t, n, c->p, &w, "or") && qty_word(t, n, qty_skip(t, n, w.e), &w, 0)) {
        if (qty_listed(QL_ORMORE, w.w)) c->ormore = 1, c->p = w.e;
        else if (qty_listed(QL_ORLESS, w.w)) c->orless = 1, c->p = w.e;
    }
    return 0;
}

/* The interval and unit of a count, percent or duration. */
static void qty_fill(const char *t, size_t n, qty_ctx *c, qty *q)
{
    const qty_num *a = &c->a, *b = &c->b, *g = b->gunit ? b : a;
    q->low = a->v, q->high = c->range ? b->v : a->v;
    switch (c->bound) {
    case QB_GT: q->low_open = 1; /* fall through */
    case QB_GE: q->has_high = 0; break;
    case QB_LT: case QB_NEAR: q->high_open = 1; /* fall through */
    case QB_LE: q->low = 0; break;  /* counts are never negative */
    }
    if (a->plus || b->plus || c->ormore) q->has_high = 0, q->high_open = 0;
    if (c->orless) q->low = 0, q->low_open = 0;
    /* "nearly $0", "under 0%": below nothing is about nothing, [0, 0]
     * approx, not the empty [0, 0) no value could ever match. */
    if (q->high_open && q->high <= q->low) q->high_open = 0, q->approx = 1;
    if (q->kind == QTY_PERCENT) {
        strcpy(q->unit, "percent");
        q->unit_start = b->pct ? b->ps : a->ps, q->unit_end = b->pct ? b->pe : a->pe;
        if (!q->has_high && q->low < 100) q->has_high = 1, q->high = 100;
        qty_of(t, n, c->p, q);
    } else if (c->cur) {
        strcpy(q->unit, c->cur);
        q->unit_start = c->cs, q->unit_end = a->s;
    } else if (g->gunit) {
        strcpy(q->unit, g->gunit);
        q->unit_start = g->gs, q->unit_end = g->ge;
        if (g->gdur) q->kind = QTY_DURATION;
    } else if (qty_unit(t, n, c->p, q)) {
        q->kind = QTY_DURATION;
    } else if (q->unit[0] == '/' && QC(q->unit_end) == '+') {
        q->has_high = 0, q->high_open = 0;  /* "100k/sec+", all of it the span */
        q->end = q->unit_end + 1;
    }
}

/* A numeral read into c->a: its context decides the kind, interval and
 * unit.  Returns where the scan resumes; *got says if *q was filled. */
static size_t qty_finish(const char *t, size_t n, qty_ctx *c, qty *q, int *got)
{
    qty_num *a = &c->a;
    qty_tok *tk = c->tk;
    qty_w nw;
    size_t r;
    qty_before(t, n, c);
    const char *w0 = c->nt && tk[0].word ? tk[0].w : "";
    int yctx = qty_yearshape(a) &&
               ((a->s > 0 && (t[a->s - 1] == '(' || t[a->s - 1] == '[')) || qty_listed(QL_YEARCTX, w0) ||
                (c->nt && qty_month(t + tk[0].s, tk[0].e - tk[0].s)) ||
                (!strcmp(w0, "the") && c->nt > 1 && qty_listed(QL_YEARCTX, tk[1].w)));
    int vctx = qty_listed(QL_VERCTX, w0);
    int name = c->nt && tk[0].name && !c->bound && !yctx && !vctx && !qty_listed(QL_STOP, w0);
    c->p = a->e;
    if ((r = qty_range(t, n, c, !strcmp(w0, "between")))) return r;
    int nword = qty_word(t, n, qty_skip(t, n, c->p), &nw, 0);
    size_t nl = nword ? strlen(nw.w) : 0;
    int noun = nword && !nw.cap && !qty_listed(QL_STOP, nw.w) && qty_numword(nw.w) < 0;
    int unitish = nword && (qty_dur(nw.w) || qty_glued_unit(nw.w));
    /* after a name, only a function word or a past tense ("Node 20
     * followed") leaves a whole number to be a version */
    int bare = !nword || qty_listed(QL_STOP, nw.w) || (nl > 3 && !strcmp(nw.w + nl - 2, "ed"));
    int plain = !a->word && !a->sep && !a->scaled && !a->gunit && !a->pct;
    if (a->lone && !c->range && !(nword && qty_dur(nw.w))) return a->e;  /* "one of" */

    memset(q, 0, sizeof *q);
    q->kind = QTY_COUNT;
    if (a->pct || c->b.pct) {
        q->kind = QTY_PERCENT;
    } else if (a->decade) {
        q->kind = QTY_YEAR;
    } else if (plain && (a->vflag || a->parts >= 3 || vctx || (a->parts == 2 && name && !unitish) ||
                         (a->parts == 2 && nword && qty_listed(QL_VERCTX, nw.w)))) {
        q->kind = QTY_VERSION;
    } else if (plain && a->parts == 1 && a->ndig <= 3 && name && !c->range && !c->ormore) {
        if (tk[0].acro) return a->e;  /* PEP 8: part of a name */
        if (bare) q->kind = QTY_VERSION;
    } else if (qty_yearshape(a) && (!c->range || qty_yearshape(&c->b)) && !c->ormore &&
               (c->bound == QB_NONE || c->bound == QB_ABOUT) && (yctx || !noun)) {
        q->kind = QTY_YEAR;
    }
    *got = 1;
    q->has_low = q->has_high = 1;
    if (q->kind == QTY_VERSION) {
        size_t l = a->ve - a->s - (size_t)a->vflag;
        if (l >= sizeof q->version) l = sizeof q->version - 1;
        memcpy(q->version, t + a->s + a->vflag, l);
        q->start = a->s, q->end = a->plus ? a->e : a->ve;
        q->low = q->high = a->v;
        q->has_high = !a->plus;  /* "Node 18+": that version or later */
        return q->end;
    }
    q->start = c->st, q->end = c->p, q->approx = c->approx;
    if (q->kind == QTY_YEAR)
        q->low = a->v, q->high = a->decade ? a->v + 9 : c->range ? c->b.v : a->v;
    else
        qty_fill(t, n, c, q);
    return c->p;
}

/* "for decades", "for many years": at least two of the unit, approximately
 * (as "dozens of" is 24).  Returns 0 if the plural time unit w at i is
 * not after "for". */
static size_t qty_fortime(const char *t, size_t n, size_t i, const qty_w *w, qty *q, int *got)
{
    qty_tok tk[3];
    int nt = qty_back(t, n, i, tk), k = nt > 1 && (!strcmp(tk[0].w, "many") || !strcmp(tk[0].w, "several"));
    if (nt <= k || strcmp(tk[k].w, "for")) return 0;
    memset(q, 0, sizeof *q);
    strcpy(q->unit, qty_dur(w->w));
    q->kind = QTY_DURATION;
    q->start = q->unit_start = i, q->end = q->unit_end = w->e;
    q->low = 2, q->has_low = q->approx = 1;
    *got = 1;
    return w->e;
}

/* A chain of vague plurals from *k ("tens of thousands of"): the value
 * of its words up to the last "of" (*of_end past that "of", 0 when
 * none) and, in *all, of all its words; *k ends past its last word,
 * and *open says that word has no "of" after it ("thousands to ..."). */
static double qty_vague_chain(const char *t, size_t n, size_t *k, size_t *of_end, double *all, int *open)
{
    qty_w w, of;
    double v = 1;
    int x;
    *of_end = 0, *all = 1, *open = 0;
    while (qty_word(t, n, *k, &w, 0) && (x = qty_numop(w.w, 3, 3)) >= 0) {
        *all *= qty_num_value(x);
        *k = w.e;
        if (!qty_next_is(t, n, w.e, &of, "of")) {
            *open = 1;
            break;
        }
        v = *all, *of_end = of.e, *k = qty_skip(t, n, of.e);
    }
    return v;
}

/* "thousands of", "tens of thousands of": a lower bound, approximate;
 * "thousands to tens of thousands of", "hundreds or thousands of": a
 * range up to the next order of the second ([1e3, 1e5) approx). */
static size_t qty_vaguely(const char *t, size_t n, size_t i, qty *q, int *got)
{
    qty_w to;
    size_t k = i, end, k2, end2 = 0;
    double all, all2, v2 = 0;
    int open, open2;
    double v = qty_vague_chain(t, n, &k, &end, &all, &open);
    if (open && (qty_next_is(t, n, k, &to, "to") || qty_next_is(t, n, k, &to, "or"))) {
        k2 = qty_skip(t, n, to.e);
        v2 = qty_vague_chain(t, n, &k2, &end2, &all2, &open2);
        if (end2 && !open2 && v2 > all) v = all, end = end2;
    }
    if (!end) return i + 1;
    memset(q, 0, sizeof *q);
    q->start = i, q->end = end, q->low = v, q->has_low = q->approx = 1;
    if (end == end2) q->high = 10 * v2, q->has_high = q->high_open = 1;
    if (qty_unit(t, n, end, q)) q->kind = QTY_DURATION;
    *got = 1;
    return end;
}

/* One token that starts at i: a numeral, or a word to step over. */
static size_t qty_token(const char *t, size_t n, size_t i, qty *q, int *got)
{
    qty_ctx c;
    size_t r = i, e;
    if (qty_dig(QC(i))) {
        memset(&c, 0, sizeof c);
        int p = i ? QC(i - 1) : -1, pp = i > 1 ? QC(i - 2) : -1;
        if (((p == '-' || p == '/' || p == '.' || p == '_') && qty_alnum(pp)) || p == '#') {
            while (qty_alnum(QC(r)) || (QC(r) > 0 && strchr(".-/_", t[r]) && qty_alnum(QC(r + 1)))) r++;
            return r;  /* COVID-19, HTTP/2, issue #12 */
        }
        if (p == '+' && !qty_alnum(pp)) {  /* +1 555 0100: a phone number */
            while (qty_dig(QC(r)) || (QC(r) > 0 && strchr(" -().", t[r]) && (qty_dig(QC(r + 1)) || QC(r + 1) == '(')))
                r++;
            return r;
        }
        /* only a day (one or two digits) can follow a month name */
        int day = !qty_dig(QC(i + 1)) || !qty_dig(QC(i + 2));
        if ((e = qty_date(t, n, i, day && qty_back(t, n, i, c.tk) ? &c.tk[0] : NULL)) ||
            (e = qty_listmark(t, n, i)))
            return e;
        qty_digits(t, n, i, &c.a);
    } else {
        int dig = 0, x;
        qty_w w;
        for (; qty_alnum(QC(r)); r++) dig |= qty_dig(QC(r));
        if (dig) {
            if (t[i] != 'v' || !qty_dig(QC(i + 1))) return r;  /* ES6, V8, Web2Py */
            memset(&c, 0, sizeof c);
            qty_digits(t, n, i + 1, &c.a);
            c.a.s = i, c.a.vflag = 1;
        } else if (!qty_word(t, n, i, &w, 0)) {
            return r;  /* too long to be in any table */
        } else if ((x = qty_numop(w.w, 0, 3)) >= 0 && qty_num_op(x) == 3) {
            return qty_vaguely(t, n, i, q, got);
        } else if (w.e - w.s >= 4 && t[w.e - 1] == 's' && qty_dur(w.w) && (e = qty_fortime(t, n, i, &w, q, got))) {
            return e;
        } else if (x < 0 && strcmp(w.w, "half") && strcmp(w.w, "a") && strcmp(w.w, "an")) {
            return r;  /* most words: qty_words opens only on these */
        } else {
            memset(&c, 0, sizeof c);
            if (!qty_words(t, n, i, &c.a)) return r;
        }
    }
    if (c.a.skip) return c.a.e > i ? c.a.e : i + 1;
    return qty_finish(t, n, &c, q, got);
}

size_t qty_scan(const char *text, size_t len, qty *out, size_t max)
{
    size_t i = 0, found = 0;
    if (!text) return 0;
    while (i < len) {
        int c = (unsigned char)text[i];
        if (!qty_alnum(c) || (i > 0 && qty_alnum((unsigned char)text[i - 1]))) {
            i++;
            continue;
        }
        qty q;
        int got = 0;
        size_t next = qty_token(text, len, i, &q, &got);
        if (got && q.kind == QTY_DURATION) q.unit_seconds = qty_seconds(q.unit);
        if (got && found++ < max) out[found - 1] = q;
        i = next > i ? next : i + 1;
    }
    return found;
}

static const char *const qty_kind_names[QTY_KIND_COUNT] = {"count", "percent", "year", "version", "duration"};

const char *qty_kind_name(qty_kind k)
{
    return (unsigned)k < QTY_KIND_COUNT ? qty_kind_names[k] : qty_kind_names[QTY_COUNT];
}

int qty_kind_of(const char *name)
{
    for (int k = 0; name && k < QTY_KIND_COUNT; k++)
        if (strcmp(name, qty_kind_names[k]) == 0) return k;
    return -1;
}
