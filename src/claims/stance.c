/*
 * stance.c - clause polarity and comparison direction; see stance.h.
 *
 * The lexicon is matched with the taxonomy matcher (taxonomy.h): it is
 * loaded as a small taxonomy whose "dimensions" are the word classes,
 * so phrases, prefixes and plurals behave the same way everywhere.  A
 * claim is judged clause by clause: stance_bounds.c finds where each
 * ends, stance_clause.c what its words say, stance_subj.c whom that is
 * about.
 */
#include "stance_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strmap.h"
#include "util.h"

static const char *const stance_classes[SL_COUNT] = {"positive", "negative",  "better", "worse",  "negator", "contrast",
                                                     "mixed",    "abundance", "reason", "advice", "breadth",
                                                     "effort",   "size",      "equal",  "cost",
                                                     "meta",     "neutral"};

/* Rewrite "KIND<TAB>TERMS" lines as taxonomy lines so one matcher
 * serves both. */
int stance_load(const char *tsv, size_t len, const words_lex *words, stance_lex **out, char **err)
{
    *out = NULL;
    buf b = BUF_INIT;
    buf_adds(&b, "subject\tlexicon\t\n"); /* a taxonomy needs one subject */
    const char *p = tsv, *end = tsv + len;
    size_t lineno = 0;
    strmap *seen = strmap_new();
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *line = p;
        p = nl ? nl + 1 : end;
        lineno++;
        size_t tl = ll;
        const char *tr = kb_trim(line, &tl);
        if (!tl || tr[0] == '#') {
            buf_addc(&b, '\n');
            continue;
        }
        const char *tab = memchr(line, '\t', ll);
        size_t kl = tab ? (size_t)(tab - line) : 0;
        const char *kw = kb_trim(line, &kl);
        int c = -1;
        for (int k = 0; k < SL_COUNT && tab; k++)
            if (kb_ascii_ieq(kw, kl, stance_classes[k])) c = k;
        if (c < 0) {
            buf_free(&b);
            strmap_free(seen);
            return kb_seterr(err, "stance lexicon line %zu: expected one of positive, negative, better, "
                                  "worse, negator, contrast, mixed, abundance, reason, advice, breadth, effort, size, equal, cost, meta, a TAB and terms", lineno);
        }
        /* a word in two classes takes whichever the matcher picks */
        const char *dup;
        size_t duplen, other;
        if (kb_terms_once(seen, tab + 1, line + ll, (size_t)c + 1, &dup, &duplen, &other)) {
            buf_free(&b);
            strmap_free(seen);
            return kb_seterr(err, "stance lexicon line %zu: \"%.*s\" is also a term of class %s", lineno,
                             (int)duplen, dup, stance_classes[other - 1]);
        }
        buf_printf(&b, "dimension\t%s\t%.*s\n", stance_classes[c], (int)(ll - kl - 1), tab + 1);
    }
    strmap_free(seen);
    stance_lex *s = kb_calloc(1, sizeof *s);
    char *terr = NULL;
    if (tax_load(buf_cstr(&b), b.len, &s->t, &terr)) {
        kb_seterr(err, "stance lexicon %s", terr);
        free(terr);
        buf_free(&b);
        free(s);
        return KB_ERR;
    }
    buf_free(&b);
    for (int k = 0; k < SL_COUNT; k++) s->cls[k] = tax_find_dimension(s->t, stance_classes[k]);
    s->w = words;
    *out = s;
    return KB_OK;
}

void stance_free(stance_lex *s)
{
    if (!s) return;
    tax_free(s->t);
    free(s);
}

/* Merge one subject's polarity into the results (a subject judged in
 * two clauses keeps the stronger evidence: opposite signs give 0). */
static size_t stance_put(stance_out *out, size_t n, size_t max, int subject, int pol, int versus)
{
    for (size_t i = 0; i < n && i < max; i++)
        if (out[i].subject == subject) {
            if (out[i].polarity != pol) out[i].polarity = 0;
            if (out[i].versus < 0) out[i].versus = versus;
            return n;
        }
    if (n < max) {
        out[n].subject = subject;
        out[n].polarity = pol;
        out[n].versus = versus;
    }
    return n + 1;
}

size_t stance_judge(const stance_lex *s, const stance_input *in, stance_out *out, size_t max)
{
    stance_clause cl[64];
    size_t nc = stance_judge_clauses(s, in, cl, 64);
    if (nc > 64) nc = 64;
    size_t nout = 0;
    for (size_t i = 0; i < nc; i++) nout = stance_put(out, nout, max, cl[i].subject, cl[i].polarity, cl[i].versus);
    return nout;
}

/* Advice to the reader ("Stay updated on ...", "Keep an eye on ..."):
 * an imperative opening judges no subject; the same word with a
 * statement's ending ("Keeps ...") is no imperative. */
static int stance_advice(const stance_ctx *c)
{
    return c->nh && c->hits[0].tok == 0 && stance_class_of(c->s, c->hits[0].index) == SL_ADVICE &&
           !words_has_ending(c->w, WR_STATEMENT_ENDING, &c->toks[0]);
}

/* Is one of hits[0..nh) the article speaking of itself ("In this post,
 * we will ...", "This guide compares ...")? */
static int stance_meta(const stance_lex *s, const tax_hit *hits, size_t nh)
{
    for (size_t k = 0; k < nh; k++)
        if (stance_class_of(s, hits[k].index) == SL_META) return 1;
    return 0;
}

size_t stance_judge_clauses(const stance_lex *s, const stance_input *in, stance_clause *out, size_t max)
{
    stance_ctx c; /* its arrays are filled before they are read */
    c.s = s;
    c.w = s->w;
    c.in = in;
    c.toks = in->toks;
    c.ntok = in->ntok;
    c.h = c.nment = c.ntopic = c.nprev_main = c.nprev_base = c.nout = 0;
    c.out = out;
    c.max = max;
    c.nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), c.toks, c.ntok, c.hits, STANCE_MAX_HITS);
    if (c.nh > STANCE_MAX_HITS) c.nh = STANCE_MAX_HITS;
    if (stance_advice(&c) || stance_meta(s, c.hits, c.nh)) return 0;
    stance_topics(&c);
    size_t cs = 0;
    stance_verdict prev = {0};
    for (size_t end = 1; end <= c.ntok; end++) {
        if (!stance_clause_ends(&c, cs, end)) continue;
        stance_verdict v;
        stance_score(&c, cs, end, &v);
        /* "Use X for A, Y for B": the second subject's clause, its verb
         * left out, says what the first's says */
        if (!v.evaluative && prev.evaluative && !prev.comparative && cs > 0 && stance_parallel_opens(&c, prev.cs, cs)) {
            v.evaluative = 1;
            v.score = prev.score;
        }
        if (cs > 0) stance_elided(&c, &prev, &v);
        stance_judge_clause(&c, &v);
        prev = v;
        cs = end;
    }
    return c.nout;
}

int stance_marks(const stance_lex *s, const tax_tok *toks, size_t ntok, unsigned char *eval)
{
    tax_hit hits[STANCE_MAX_HITS];
    int meta = 0;
    memset(eval, 0, ntok);
    size_t from = 0;
    while (from < ntok) {
        size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks + from, ntok - from, hits, STANCE_MAX_HITS);
        size_t n = nh > STANCE_MAX_HITS ? STANCE_MAX_HITS : nh, last = ntok - from;
        meta |= stance_meta(s, hits, n);
        for (size_t i = 0; i < n; i++) {
            int c = stance_class_of(s, hits[i].index);
            size_t t = from + hits[i].tok, e = from + hits[i].tok_end;
            if (c == SL_BETTER || c == SL_WORSE) memset(eval + t, STANCE_MARK_COMPARATIVE, e - t);
            else if (c == SL_MIXED) memset(eval + t, STANCE_MARK_EVEN, e - t);
            else if ((c == SL_POSITIVE || c == SL_NEGATIVE) && stance_degree_before(s->w, toks, 0, t))
                memset(eval + t - 1, STANCE_MARK_COMPARATIVE, e - t + 1);
            else if (c == SL_POSITIVE || c == SL_NEGATIVE || c == SL_EQUAL || c == SL_ABUNDANCE) memset(eval + t, 1, e - t);
            else if (c == SL_SIZE || c == SL_COST) {
                /* "a larger community", "lower latency": the size word
                 * ranks (stance_score_size); "a huge community", "low
                 * latency": a plain size judges */
                for (size_t j = t > 0 ? t - 1 : 0; j < ntok && j <= e + 3; j++)
                    if ((j < t || j >= e) && !eval[j] &&
                        (words_is(s->w, WR_SIZE_MORE, &toks[j]) || words_is(s->w, WR_SIZE_LESS, &toks[j])))
                        eval[j] = STANCE_MARK_COMPARATIVE;
                for (size_t j = t > 2 ? t - 2 : 0; j < t; j++)
                    if (!eval[j] && (words_is(s->w, WR_LEVEL_HIGH, &toks[j]) || words_is(s->w, WR_LEVEL_LOW, &toks[j])))
                        eval[j] = 1;
            }
        }
        if (nh <= STANCE_MAX_HITS) break;
        last = hits[n - 1].tok_end; /* more hits than room: go on after the last one kept */
        from += last;
    }
    return meta;
}

int stance_label(const stance_lex *s, const tax_tok *toks, size_t ntok)
{
    tax_hit hits[16];
    size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks, ntok, hits, 16);
    if (nh > 16) nh = 16;
    int score = 0;
    for (size_t i = 0; i < nh; i++) {
        int c = stance_class_of(s, hits[i].index);
        if (c == SL_POSITIVE || c == SL_BETTER) score++;
        else if (c == SL_NEGATIVE || c == SL_WORSE) score--;
    }
    return score > 0 ? 1 : score < 0 ? -1 : 0;
}

int stance_is_cost(const stance_lex *s, const tax_tok *toks, size_t ntok)
{
    tax_hit hits[16];
    size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks, ntok, hits, 16);
    if (nh > 16) nh = 16;
    for (size_t i = 0; i < nh; i++)
        if (stance_class_of(s, hits[i].index) == SL_COST) return 1;
    return 0;
}
