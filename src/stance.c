/*
 * stance.c - clause polarity and comparison direction; see stance.h.
 *
 * The lexicon is matched with the taxonomy matcher (taxonomy.h): it is
 * loaded as a small taxonomy whose "dimensions" are the word classes,
 * so phrases, prefixes and plurals behave the same way everywhere.
 */
#include "stance.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

enum { SL_POSITIVE, SL_NEGATIVE, SL_BETTER, SL_WORSE, SL_NEGATOR, SL_CONTRAST, SL_COUNT };
static const char *const stance_classes[SL_COUNT] = {"positive", "negative", "better",
                                                     "worse",    "negator",  "contrast"};

struct stance_lex {
    taxonomy *t;
    int cls[SL_COUNT]; /* the taxonomy dimension index of each class */
};

/* Rewrite "KIND<TAB>TERMS" lines as taxonomy lines so one matcher
 * serves both. */
int stance_load(const char *tsv, size_t len, stance_lex **out, char **err)
{
    *out = NULL;
    buf b = BUF_INIT;
    buf_adds(&b, "subject\tlexicon\t\n"); /* a taxonomy needs one subject */
    const char *p = tsv, *end = tsv + len;
    size_t lineno = 0;
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
            return kb_seterr(err, "stance lexicon line %zu: expected one of positive, negative, better, "
                                  "worse, negator, contrast, a TAB and terms", lineno);
        }
        buf_printf(&b, "dimension\t%s\t%.*s\n", stance_classes[c], (int)(ll - kl - 1), tab + 1);
    }
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
    *out = s;
    return KB_OK;
}

void stance_free(stance_lex *s)
{
    if (!s) return;
    tax_free(s->t);
    free(s);
}

static int stance_class_of(const stance_lex *s, int dim)
{
    for (int k = 0; k < SL_COUNT; k++)
        if (s->cls[k] == dim) return k;
    return -1;
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

#define STANCE_MAX_HITS 64

size_t stance_judge(const stance_lex *s, const char *text, const tax_tok *toks, size_t ntok,
                    const stance_mention *ment, size_t nment, const int *fallback, size_t nfallback,
                    int other, int bias, stance_out *out, size_t max)
{
    tax_hit hits[STANCE_MAX_HITS];
    size_t nh = tax_match(s->t, TAX_MASK(TAX_DIMENSION), toks, ntok, hits, STANCE_MAX_HITS);
    if (nh > STANCE_MAX_HITS) nh = STANCE_MAX_HITS;
    size_t nout = 0;
    size_t clause_start = 0, h = 0, m = 0;
    for (size_t end = 1; end <= ntok; end++) {
        /* a clause ends before a contrast word or at a semicolon */
        int boundary = end == ntok;
        if (!boundary) {
            for (size_t k = h; k < nh && hits[k].tok <= end; k++)
                if (hits[k].tok == end && stance_class_of(s, hits[k].index) == SL_CONTRAST) boundary = 1;
            const char *a = toks[end - 1].s + toks[end - 1].n, *b = toks[end].s;
            if (memchr(a, ';', (size_t)(b - a))) boundary = 1;
            (void)text;
        }
        if (!boundary) continue;
        /* score the clause [clause_start, end) */
        int score = 0, evaluative = 0, comparative = 0, cmp_sign = 0;
        size_t than_at = (size_t)-1;
        for (size_t k = clause_start; k < end; k++)
            if (toks[k].n == 4 && memcmp(toks[k].s, "than", 4) == 0) than_at = k;
        for (; h < nh && hits[h].tok < end; h++) {
            if (hits[h].tok < clause_start) continue;
            int c = stance_class_of(s, hits[h].index);
            if (c != SL_POSITIVE && c != SL_NEGATIVE && c != SL_BETTER && c != SL_WORSE) continue;
            int sign = c == SL_POSITIVE || c == SL_BETTER ? 1 : -1;
            /* a negator within three tokens before flips it */
            for (size_t k = 0; k < nh; k++) {
                if (stance_class_of(s, hits[k].index) != SL_NEGATOR) continue;
                if (hits[k].tok < hits[h].tok && hits[h].tok - hits[k].tok <= 3 && hits[k].tok >= clause_start) {
                    sign = -sign;
                    break;
                }
            }
            score += sign;
            evaluative = 1;
            if (c == SL_BETTER || c == SL_WORSE) {
                comparative = 1;
                cmp_sign = sign;
            }
        }
        if (!evaluative && bias) {
            evaluative = 1;
            score = bias;
        }
        if (evaluative) {
            int pol = score > 0 ? 1 : score < 0 ? -1 : 0;
            /* subjects named in the clause: before and after "than" */
            int before[8], after[8];
            size_t nb = 0, na = 0;
            for (size_t k = m; k < nment && ment[k].tok < end; k++) {
                if (ment[k].tok < clause_start) continue;
                if (than_at != (size_t)-1 && ment[k].tok > than_at) {
                    if (na < 8) after[na++] = ment[k].subject;
                } else if (nb < 8) {
                    before[nb++] = ment[k].subject;
                }
            }
            if (!nb && !na)
                for (size_t k = 0; k < nfallback && nb < 8; k++) before[nb++] = fallback[k];
            if (comparative && na) {
                if (cmp_sign) pol = cmp_sign;
                for (size_t i = 0; i < nb; i++)
                    nout = stance_put(out, nout, max, before[i], pol, after[0]);
                for (size_t i = 0; i < na; i++)
                    nout = stance_put(out, nout, max, after[i], -pol, nb ? before[0] : -1);
            } else {
                for (size_t i = 0; i < nb; i++) {
                    int vs = -1;
                    if (comparative && nb == 1 && other >= 0 && other != before[i]) vs = other;
                    nout = stance_put(out, nout, max, before[i], pol, vs);
                }
                for (size_t i = 0; i < na; i++) nout = stance_put(out, nout, max, after[i], pol, -1);
            }
        }
        while (m < nment && ment[m].tok < end) m++;
        clause_start = end;
    }
    return nout;
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
