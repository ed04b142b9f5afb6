/*
 * tag.c - subjects, dimensions, quantities and stance of one claim; see
 * tag.h for the rules.  Works on the claim's normalized text with an
 * offset map, so matches found in normalized tokens can be compared
 * with quantity positions in the original text.
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "util.h"
#include "words.h"

#define TAG_MAX_TOKS 512
#define TAG_MAX_HITS 128

struct tagger {
    const taxonomy *tax;
    const stance_lex *lex;
    const words_lex *w;
    buf norm;          /* reused between calls */
    size_t *map;       /* the claim's offset map, reused too */
    size_t map_cap;
    tax_tok toks[TAG_MAX_TOKS];
    size_t ntok;
    tax_hit hits[TAG_MAX_HITS];
    size_t nhits;      /* hits of the last claim tagged */
    int want_clauses;  /* judge clauses even without a dimension */
    int last_named;    /* the one subject the last claim named, else -1 */
    /* What the current section heading names: the same for every claim
     * of a section, so matched once per section, not once per claim. */
    char *sec_key;
    int sec_subj[TAG_MAX], sec_dims[TAG_MAX];
    size_t nsec_subj, nsec_dims;
};

tagger *tag_new(const taxonomy *tax, const stance_lex *lex, const words_lex *words)
{
    tagger *tg = kb_calloc(1, sizeof *tg);
    tg->tax = tax;
    tg->lex = lex;
    tg->w = words;
    tg->last_named = -1;
    return tg;
}

void tag_free(tagger *tg)
{
    if (!tg) return;
    buf_free(&tg->norm);
    free(tg->map);
    free(tg->sec_key);
    free(tg);
}

static int tag_tok(void *ctx, const char *s, size_t n, size_t off)
{
    tagger *tg = ctx;
    if (tg->ntok == TAG_MAX_TOKS) return 1; /* long claims: the rest is not tagged */
    tg->toks[tg->ntok].s = s;
    tg->toks[tg->ntok].n = n;
    tg->toks[tg->ntok].off = off;
    tg->ntok++;
    return 0;
}

/* Normalize text and split it into tg->toks; with_map, tg->map gets the
 * offset map. */
static int tag_tokenize(tagger *tg, const char *text, size_t len, int with_map, char **err)
{
    buf_reset(&tg->norm);
    tg->ntok = 0;
    if (with_map ? norm_text_keep(text, len, &tg->norm, &tg->map, &tg->map_cap, err)
                 : norm_text(text, len, &tg->norm, NULL, err))
        return KB_ERR;
    if (tg->norm.len) norm_blank_markup(tg->norm.data, tg->norm.len);
    norm_tokens(buf_cstr(&tg->norm), tg->norm.len, tag_tok, tg);
    return KB_OK;
}

static int tag_has(const int *v, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x) return 1;
    return 0;
}

void tag_want_clauses(tagger *tg, int on)
{
    tg->want_clauses = on;
}

const tax_tok *tag_tokens(const tagger *tg, size_t *n, const char **norm, const size_t **map)
{
    *n = tg->ntok;
    if (norm) *norm = buf_cstr(&tg->norm);
    if (map) *map = tg->map;
    return tg->toks;
}

const tax_hit *tag_hits(const tagger *tg, size_t *n)
{
    *n = tg->nhits;
    return tg->hits;
}

size_t tag_subjects_in(tagger *tg, const char *text, size_t len, int *out, size_t max)
{
    if (!text || tag_tokenize(tg, text, len, 0, NULL)) return 0;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART), tg->toks, tg->ntok, tg->hits,
                          TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    size_t n = 0;
    for (size_t i = 0; i < nh; i++)
        if (!tag_has(out, n, tg->hits[i].index) && n < max) out[n++] = tg->hits[i].index;
    return n;
}

/* A token that makes what follows the base of a comparison: "X over
 * Y", "X compared to Y", "X than Y", "X unlike Y". */
static int tag_is_cmp_marker(const tagger *tg, const tax_tok *t)
{
    return words_is(tg->w, WR_CMP_MARKER, t);
}

/* Subjects a heading is about: those it names, except the base of a
 * one-sided comparison ("Advantages of X over Y", "Disadvantages of X
 * compared to Y" are about X; "X vs Y", "X or Y" about both). */
static size_t tag_heading_subjects(tagger *tg, const char *text, size_t len, int *out, size_t max)
{
    if (!text || tag_tokenize(tg, text, len, 0, NULL)) return 0;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART), tg->toks, tg->ntok, tg->hits,
                          TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    size_t n = 0;
    int marked = 0;
    size_t at = 0;
    for (size_t i = 0; i < nh; i++) {
        for (; at < tg->hits[i].tok; at++)
            if (n && tag_is_cmp_marker(tg, &tg->toks[at])) marked = 1;
        if (marked) break;
        if (!tag_has(out, n, tg->hits[i].index) && n < max) out[n++] = tg->hits[i].index;
    }
    return n;
}

/* Dimensions a heading-like text names (heading words and cues). */
static size_t tag_heading_dims(tagger *tg, const char *text, size_t len, int *out, size_t max)
{
    if (!text || tag_tokenize(tg, text, len, 0, NULL)) return 0;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_HEADING), tg->toks, tg->ntok, tg->hits, TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    size_t n = 0;
    for (size_t i = 0; i < nh; i++)
        if (!tag_has(out, n, tg->hits[i].index) && n < max) out[n++] = tg->hits[i].index;
    return n;
}

/* Two hits on the same dimension with the same token text. */
static int tag_same_hit(const tagger *tg, const tax_hit *a, const tax_hit *b)
{
    if (a->index != b->index || a->tok_end - a->tok != b->tok_end - b->tok) return 0;
    for (size_t k = 0; k < a->tok_end - a->tok; k++) {
        const tax_tok *x = &tg->toks[a->tok + k], *y = &tg->toks[b->tok + k];
        if (x->n != y->n || memcmp(x->s, y->s, x->n) != 0) return 0;
    }
    return 1;
}

const char *tag_how_name(tag_how h)
{
    static const char *const names[TAG_HOW_COUNT] = {"named", "part", "carried", "column", "heading", "both"};
    return (unsigned)h < TAG_HOW_COUNT ? names[h] : "named";
}

static void tag_add_subject(tag_result *r, int s, tag_how how)
{
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].subject == s) return;
    if (r->nsubj < TAG_MAX) {
        r->subj[r->nsubj].subject = s;
        r->subj[r->nsubj].how = how;
        r->nsubj++;
    }
}

/* The last component of a heading path, then its parents: the nearest
 * heading that yields something through fn. */
static size_t tag_from_section(tagger *tg, const char *section,
                               size_t (*fn)(tagger *, const char *, size_t, int *, size_t), int *out,
                               size_t max)
{
    if (!section) return 0;
    size_t len = strlen(section);
    for (;;) {
        const char *sep = NULL;
        for (size_t i = len; i >= 3; i--)
            if (memcmp(section + i - 3, " > ", 3) == 0) {
                sep = section + i - 3;
                break;
            }
        const char *last = sep ? sep + 3 : section;
        size_t n = fn(tg, last, (size_t)(section + len - last), out, max);
        if (n || !sep) return n;
        len = (size_t)(sep - section);
    }
}

/* The measure of a quantity: unit words first, then its shape. */
static int tag_measure(tagger *tg, const qty *q, const tax_tok *ctx, size_t nctx)
{
    const taxonomy *t = tg->tax;
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
                nu++;
            }
        }
        tax_hit h[8];
        size_t nh = tax_match(t, TAX_MASK(TAX_MEASURE), ut, nu, h, 8);
        if (nh > 8) nh = 8;
        /* the last unit word names the thing counted ("stack overflow question") */
        int best = -1;
        for (size_t i = 0; i < nh; i++) best = h[i].index;
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

/* Is there a punctuation mark from set between tokens k-1 and k? */
static int tag_punct_before(const tagger *tg, size_t k, const char *set)
{
    const char *a = tg->toks[k - 1].s + tg->toks[k - 1].n, *b = tg->toks[k].s;
    for (; a < b; a++) /* strchr(set, *a), inline: asked between every two tokens */
        for (const char *c = set;; c++) {
            if (*c == *a) return 1;
            if (!*c) break;
        }
    return 0;
}

/* A word that opens a contrasting clause (as in stance.h). */
static int tag_is_contrast(const tagger *tg, const tax_tok *t)
{
    return words_is(tg->w, WR_CLAUSE_CONTRAST, t);
}

/* Do tokens [start, end) speak of some aspect on their own: a strong
 * cue, or two weak ones, for one dimension (below nd, at most 64)? */
static int tag_span_topic(const tagger *tg, size_t nh, size_t start, size_t end, size_t nd)
{
    double cw[64] = {0};
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index < 0 || (size_t)h->index >= nd || h->index >= 64 ||
            h->tok < start || h->tok >= end)
            continue;
        cw[h->index] += h->weak ? 0.5 : 1.0;
        if (cw[h->index] >= 1.0) return 1;
    }
    return 0;
}

/* Does every clause of the claim (split as stance.h does: at
 * semicolons and before contrast words; a clause opened by one ends at
 * its first comma) speak of some aspect on its own -- a strong cue, or
 * two weak ones, for one dimension?  Then the claim has its own topic,
 * and a heading does not lend its dimension unless the claim cues it
 * too: "Installing X is harder than installing Y" under "Learning
 * curve" is about deployment; "X is harder; its benchmarks are fast"
 * is still about learning in its first clause. */
static int tag_own_topic(const tagger *tg, size_t nh, size_t nd)
{
    size_t start = 0;
    int any = 0, opened = tg->ntok && tag_is_contrast(tg, &tg->toks[0]); /* the clause opens on one */
    for (size_t end = 1; end <= tg->ntok; end++) {
        int boundary = end == tg->ntok, contrast = !boundary && tag_is_contrast(tg, &tg->toks[end]);
        if (!boundary)
            boundary = tag_punct_before(tg, end, ";") || contrast || (opened && tag_punct_before(tg, end, ",:"));
        if (!boundary) continue;
        if (!tag_span_topic(tg, nh, start, end, nd)) return 0;
        any = 1;
        start = end;
        opened = contrast;
    }
    return any;
}

/* Does the claim cue dimension d inside the clause (in = 1), outside
 * it (in = 0), or anywhere (in = 2)? */
static int tag_cued(const tagger *tg, size_t nh, const stance_clause *c, int d, int in)
{
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        int inside = h->tok >= c->tok && h->tok < c->tok_end;
        if (in == 2 || inside == in) return 1;
    }
    return 0;
}

/* Is token k inside a cause phrase: "because of its ...", "due to
 * their ...", "benefits from its ..." -- from the possessive to the
 * next comma, semicolon or contrast word? */
static int tag_in_cause(const tagger *tg, size_t k)
{
    for (size_t j = k; j-- > 0;) {
        if (tag_punct_before(tg, j + 1, ",;") || tag_is_contrast(tg, &tg->toks[j + 1])) return 0;
        if (!words_is(tg->w, WR_POSSESSIVE, &tg->toks[j])) continue;
        if (words_ends(tg->w, WR_CAUSE, tg->toks, 0, j)) return 1;
    }
    return 0;
}

/* A dimension cued only inside cause phrases ("X scalability is strong
 * because of its event loop") is the cause of the verdict, not what it
 * judges, when the claim names another of its dimensions as the
 * subject's own aspect, outside them: a strong cue right after a
 * subject or "its"/"their" ("X scalability", "its error handling").
 * The stance goes to that aspect only.  ("Tasks perform poorly due to
 * its single thread" names no aspect so: both are judged.) */
static int tag_cause_only(const tagger *tg, size_t nh, const tag_result *r, int d)
{
    int inside = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        if (!tag_in_cause(tg, h->tok)) return 0;
        inside = 1;
    }
    if (!inside) return 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index == d || h->weak || tag_in_cause(tg, h->tok) || h->tok == 0) continue;
        int owned = words_is(tg->w, WR_POSSESSIVE, &tg->toks[h->tok - 1]);
        for (size_t k = 0; k < nh && !owned; k++)
            owned = tg->hits[k].kind == TAX_SUBJECT && tg->hits[k].tok_end == h->tok;
        if (!owned) continue;
        for (size_t k = 0; k < r->ndims; k++)
            if (r->dims[k].dim == h->index) return 1;
    }
    return 0;
}

/* Is the cue hit h a fact of origin: a participle of origin
 * ("created by X in 1991", "introduced in 1991", "tools have been
 * created"), an origin noun after "its"/"their" ("after its release",
 * "throughout its history"), an age ("ten years after", "two decades
 * old") or a lineage ("evolved from")? */
static int tag_origin_fact(const tagger *tg, const tax_hit *h)
{
    const words_lex *w = tg->w;
    for (size_t k = h->tok; k < h->tok_end; k++) {
        const tax_tok *t = &tg->toks[k];
        /* an age: "ten years after its release", "two decades old" */
        if (words_is(w, WR_AGE_SPAN, t) && k + 1 < tg->ntok && words_is(w, WR_AGE_RELATION, t + 1)) return 1;
        /* a lineage: "evolved from a scripting language" */
        if (words_at(w, WR_LINEAGE, tg->toks, tg->ntok, k)) return 1;
        if (words_is(w, WR_ORIGIN_PARTICIPLE, t)) return 1;
        if (words_is(w, WR_ORIGIN_NOUN, t) && k > 0 && words_is(w, WR_POSSESSIVE, t - 1)) return 1;
    }
    return 0;
}

/* A dimension cued only by facts of origin ("X, created by Y in 2009,
 * lets you ...", "introduced in 1991, and throughout its history ...")
 * is dated, not judged: the verdict in the claim is on something else. */
static int tag_origin_only(const tagger *tg, size_t nh, int d)
{
    int any = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        if (!tag_origin_fact(tg, h)) return 0;
        any = 1;
    }
    return any;
}

/* The length in tokens of a leading label ("Community & Support: X has
 * ...", "Speed: ..."): at most four tokens before a colon; 0 if none. */
static size_t tag_label_len(const tagger *tg)
{
    for (size_t k = 1; k <= 4 && k < tg->ntok; k++)
        if (tag_punct_before(tg, k, ":")) return k;
    return 0;
}

/* The length of an evaluative list label ("Pros: fast, ...", "Cons:
 * ...", "Strengths: ..."): a leading label of at most two words with
 * a polarity of its own (stance_label) and no dimension cue, followed
 * by a comma-separated list; 0 if none.  Each item of such a list is a
 * verdict on the aspect its first word names, so a weak cue opening an
 * item ("Fast I/O", "microservices-friendly") counts as a full one;
 * one further in ("limited mobile support", "fast-evolving
 * ecosystem") stays weak. */
static size_t tag_eval_list_len(const tagger *tg, size_t nh)
{
    size_t n = tag_label_len(tg);
    if (n == 0 || n > 2 || stance_label(tg->lex, tg->toks, n) == 0) return 0;
    for (size_t i = 0; i < nh; i++)
        if (tg->hits[i].kind == TAX_DIMENSION && tg->hits[i].tok < n) return 0;
    for (size_t k = n + 1; k < tg->ntok; k++)
        if (tag_punct_before(tg, k, ",")) return n;
    return 0;
}

/* Does token k open an item of an evaluative list whose label is
 * nlist tokens long (0: no list)? */
static int tag_opens_item(const tagger *tg, size_t nlist, size_t k)
{
    return nlist && k >= nlist && (k == nlist || tag_punct_before(tg, k, ","));
}

/* Does the claim say "both" or "all" (of the subjects)? */
static int tag_says_all(const tagger *tg)
{
    for (size_t t = 0; t < tg->ntok; t++)
        if (words_is(tg->w, WR_ALL, &tg->toks[t])) return 1;
    return 0;
}

/* In clause c, is dimension d cued only after "depends (mostly) on"
 * or a means ("using", "through", "via") while another of the claim's
 * dimensions is cued before it?  "Speed depends on the framework and
 * the setup" and "X is faster at math using native libraries" judge
 * speed: what it depends on, or is reached by, is not judged. */
static int tag_dependency_only(const tagger *tg, size_t nh, const tag_result *r, const stance_clause *c, int d)
{
    size_t dep = (size_t)-1;
    int relative = 0;
    for (size_t k = c->tok; k + 1 < c->tok_end && dep == (size_t)-1; k++) {
        const tax_tok *t = &tg->toks[k];
        /* the means: "using X", "through X", "via X" -- of the verdict,
         * not of a relative clause ("workloads that run through X") */
        relative |= words_is(tg->w, WR_RELATIVE, t);
        if (k > c->tok && !relative && words_is(tg->w, WR_MEANS, t)) {
            dep = k;
            break;
        }
        if (!words_is(tg->w, WR_DEPEND, t)) continue;
        for (size_t j = k + 1; j < c->tok_end && j <= k + 3; j++)
            if (words_is(tg->w, WR_DEPEND_ON, &tg->toks[j])) {
                dep = k;
                break;
            }
    }
    if (dep == (size_t)-1) return 0;
    int after = 0, other = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->tok < c->tok || h->tok >= c->tok_end) continue;
        if (h->index == d) {
            if (h->tok < dep) return 0;
            after = 1;
            continue;
        }
        for (size_t k = 0; k < r->ndims && h->tok < dep; k++) other |= r->dims[k].dim == h->index;
    }
    return after && other;
}

/* Is token k inside a purpose phrase: after "for" (not one opening the
 * claim, nor one right after an evaluative word), up to the next
 * punctuation mark, contrast word or relative word? */
static int tag_in_purpose(const tagger *tg, size_t k)
{
    for (size_t j = k; j-- > 1;) {
        if (tag_punct_before(tg, j + 1, ",;:") || tag_is_contrast(tg, &tg->toks[j + 1])) return 0;
        if (words_is(tg->w, WR_PURPOSE_STOP, &tg->toks[j + 1])) return 0;
        /* "popular for web apps", "a good fit for X": where the
         * verdict holds is a use the verdict is about; "the most
         * popular tools for web apps" names the category compared */
        if (words_is(tg->w, WR_PURPOSE, &tg->toks[j])) {
            /* ... past an adverb: "easy even for beginners" */
            size_t a = j - 1;
            if (a > 0 && words_is(tg->w, WR_PURPOSE_ADVERB, &tg->toks[a])) a--;
            return stance_label(tg->lex, &tg->toks[a], 1) == 0;
        }
    }
    return 0;
}

/* In clause c, is dimension d cued only inside purpose phrases ("the
 * most popular tools for web development", "the most mature ecosystem
 * for data work") while another of the claim's dimensions has a strong
 * cue before them, in the same stretch between commas?  The verdict is on that one; the purpose is the
 * task it is given for.  (A weak cue, "suitable for large projects",
 * leaves the purpose judged.) */
static int tag_purpose_only(const tagger *tg, size_t nh, const tag_result *r, const stance_clause *c, int d)
{
    int inside = 0, other = 0;
    size_t first = (size_t)-1;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d || h->tok < c->tok || h->tok >= c->tok_end) continue;
        if (!tag_in_purpose(tg, h->tok)) return 0;
        inside = 1;
        if (h->tok < first) first = h->tok;
    }
    if (!inside) return 0;
    size_t from = c->tok; /* the stretch of the first purpose phrase */
    for (size_t k = first; k > c->tok && from == c->tok; k--)
        if (tag_punct_before(tg, k, ",;:")) from = k;
    for (size_t i = 0; i < nh && !other; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index == d || h->weak || h->tok < from || h->tok >= first ||
            tag_in_purpose(tg, h->tok))
            continue;
        for (size_t k = 0; k < r->ndims; k++) other |= r->dims[k].dim == h->index;
    }
    return other;
}

/* Stance per clause and dimension.  A clause's judgement applies to the
 * claim's dimensions cued in that clause, to its main dimensions (weight
 * 1 or more, or the strongest) cued in no other clause, and to those
 * the context alone brings: a table row's label (rowd) reaches every
 * clause of its cell -- in "Easier; clean, readable syntax" (row
 * "Learning curve") the first clause is about learning only, the second
 * about syntax and learning -- and a section heading every clause with
 * no topic of its own: in "X wins most benchmarks, but it is hard"
 * under "Learning curve" only the second clause is about learning.  A
 * clause that reaches no dimension this way speaks of all the main
 * ones.  A subject judged twice on one dimension keeps the sign if the
 * judgements agree, else 0. */
static void tag_stances(tagger *tg, tag_result *r, size_t nh, const stance_clause *so, size_t ns, const int *rowd,
                        size_t nrowd)
{
    double top = 0;
    for (size_t d = 0; d < r->ndims; d++)
        if (r->dims[d].score > top) top = r->dims[d].score;
    int main_d[TAG_MAX];
    for (size_t d = 0; d < r->ndims; d++)
        main_d[d] = !(r->dims[d].score < top - 1e-9 && r->dims[d].score < 0.5 - 1e-9);
    int cause[TAG_MAX], label[TAG_MAX] = {0};
    for (size_t d = 0; d < r->ndims; d++)
        cause[d] = tag_cause_only(tg, nh, r, r->dims[d].dim) || tag_origin_only(tg, nh, r->dims[d].dim);
    /* a leading label ("Community & Support: ...") names what every
     * clause after it judges, and only that: "Strong community: X
     * ranks high, with users writing libraries" judges no libraries */
    size_t nlabel = tag_label_len(tg), nlabel_d = 0;
    for (size_t i = 0; i < nh; i++)
        if (tg->hits[i].kind == TAX_DIMENSION && tg->hits[i].tok_end <= nlabel)
            for (size_t d = 0; d < r->ndims; d++)
                if (r->dims[d].dim == tg->hits[i].index && !label[d]) {
                    label[d] = 1;
                    nlabel_d++;
                }
    for (size_t i = 0; i < ns; i++) {
        int on[TAG_MAX] = {0}, any = 0;
        for (size_t d = 0; d < r->ndims; d++) {
            int dim = r->dims[d].dim;
            int context_only = !tag_cued(tg, nh, &so[i], dim, 2) &&
                               (tag_has(rowd, nrowd, dim) || !tag_span_topic(tg, nh, so[i].tok, so[i].tok_end, 64));
            if (tag_cued(tg, nh, &so[i], dim, 1) || (main_d[d] && !tag_cued(tg, nh, &so[i], dim, 0)) || context_only ||
                label[d])
                on[d] = any = 1;
            if (tag_dependency_only(tg, nh, r, &so[i], dim) || tag_purpose_only(tg, nh, r, &so[i], dim)) on[d] = 0;
            if (nlabel_d && !label[d]) on[d] = 0;
        }
        if (!any)
            for (size_t d = 0; d < r->ndims; d++) on[d] = main_d[d];
        for (size_t d = 0; d < r->ndims; d++) {
            if (!on[d] || cause[d]) continue;
            tag_stance *st = NULL;
            for (size_t k = 0; k < r->nst && !st; k++)
                if (r->st[k].subject == so[i].subject && r->st[k].dim == r->dims[d].dim) st = &r->st[k];
            if (st) {
                if (st->polarity != so[i].polarity) st->polarity = 0;
                if (st->versus < 0) st->versus = so[i].versus;
                continue;
            }
            if (r->nst >= 2 * TAG_MAX) return;
            st = &r->st[r->nst++];
            st->subject = so[i].subject;
            st->dim = r->dims[d].dim;
            st->polarity = so[i].polarity;
            st->versus = so[i].versus;
        }
    }
}

int tag_claim(tagger *tg, const tag_input *in, tag_result *r, char **err)
{
    r->nsubj = r->ndims = r->nqty = r->nst = r->nclauses = 0; /* entries are written before they count */
    int heads[TAG_MAX];
    /* context first (it reuses the token buffer), then the claim */
    int col[TAG_MAX], sec[TAG_MAX];
    size_t ncol = in->col_header ? tag_subjects_in(tg, in->col_header, strlen(in->col_header), col, TAG_MAX) : 0;
    if (!in->section || !tg->sec_key || strcmp(in->section, tg->sec_key) != 0) {
        free(tg->sec_key);
        tg->sec_key = in->section ? kb_strdup(in->section) : NULL;
        tg->nsec_subj = tag_from_section(tg, in->section, tag_heading_subjects, tg->sec_subj, TAG_MAX);
        tg->nsec_dims = tag_from_section(tg, in->section, tag_heading_dims, tg->sec_dims, TAG_MAX);
    }
    size_t nsec = tg->nsec_subj;
    memcpy(sec, tg->sec_subj, nsec * sizeof *sec);
    size_t nrowd = in->row_header ? tag_heading_dims(tg, in->row_header, strlen(in->row_header), heads, TAG_MAX) : 0;
    int cold[TAG_MAX];
    size_t ncold = in->col_header ? tag_heading_dims(tg, in->col_header, strlen(in->col_header), cold, TAG_MAX) : 0;
    int rowd[TAG_MAX];
    memcpy(rowd, heads, nrowd * sizeof *heads);
    int secd[TAG_MAX];
    size_t nsecd = tg->nsec_dims;
    memcpy(secd, tg->sec_dims, nsecd * sizeof *secd);
    /* an evaluative row label ("Best for", "Cons") colours its cells */
    int bias = 0;
    if (in->row_header && tag_tokenize(tg, in->row_header, strlen(in->row_header), 0, err) == KB_OK)
        bias = stance_label(tg->lex, tg->toks, tg->ntok);
    /* "Data analytics -> Python": a recommendation of the subject, so a
     * choice among the subjects compared */
    int choice = 0;
    if (kb_memmem(in->text, in->len, "\xe2\x86\x92", 3) || kb_memmem(in->text, in->len, "->", 2)) {
        choice = 1;
        if (!bias) bias = 1;
    }

    int last_named = tg->last_named;
    tg->last_named = -1;
    if (tag_tokenize(tg, in->text, in->len, 1, err)) return KB_ERR;
    const size_t *map = tg->map;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART) | TAX_MASK(TAX_DIMENSION),
                          tg->toks, tg->ntok, tg->hits, TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    tg->nhits = nh;
    /* A phrase cue for one dimension does not hide the strong cues of
     * others that modify its head: "thousands of simultaneous
     * connections" (scale) also speaks of simultaneity (concurrency);
     * "machine learning" is not about learning. */
    for (size_t i = 0, n0 = nh; i < n0; i++) {
        tax_hit h = tg->hits[i];
        if (h.kind != TAX_DIMENSION || h.tok_end - h.tok < 2) continue;
        for (size_t k = h.tok; k < h.tok_end; k++) {
            tax_hit sub[8];
            size_t ni = tax_match(tg->tax, TAX_MASK(TAX_DIMENSION), tg->toks + k, h.tok_end - k, sub, 8);
            if (ni > 8) ni = 8;
            for (size_t j = 0; j < ni && nh < TAG_MAX_HITS; j++) {
                /* a modifier, not the phrase's head: "machine learning"
                 * is not about learning */
                if (sub[j].index == h.index || sub[j].weak || k + sub[j].tok_end >= h.tok_end) continue;
                sub[j].tok += k;
                sub[j].tok_end += k;
                int dup = 0;
                for (size_t m = 0; m < nh && !dup; m++)
                    dup = tg->hits[m].kind == TAX_DIMENSION && tg->hits[m].index == sub[j].index &&
                          tg->hits[m].tok == sub[j].tok;
                if (!dup) tg->hits[nh++] = sub[j];
            }
        }
    }

    /* subjects */
    stance_mention ment[TAG_MAX_HITS];
    int ment_named[TAG_MAX_HITS];
    size_t nment = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_SUBJECT && h->kind != TAX_PART) continue;
        tag_add_subject(r, h->index, h->kind == TAX_SUBJECT ? TAG_NAMED : TAG_PART);
        ment[nment].subject = h->index;
        ment[nment].tok = h->tok;
        ment_named[nment] = h->kind == TAX_SUBJECT;
        nment++;
    }
    /* A table cell is always about its column's subject, whatever else
     * it names ("Usually requires JavaScript" under "Python"). */
    for (size_t i = 0; i < ncol; i++) tag_add_subject(r, col[i], TAG_COLUMN);
    /* "Because of this, it is slower than Y": a claim that names only
     * the base of its comparison is about the subject it inherits */
    int only_bases = nment > 0;
    for (size_t i = 0; i < nment && only_bases; i++) {
        size_t t = ment[i].tok;
        int base = t > 0 && tag_is_cmp_marker(tg, &tg->toks[t - 1]) && !words_is(tg->w, WR_ONE_SIDED, &tg->toks[t - 1]);
        if (t > 1 && words_is(tg->w, WR_COMPARED, &tg->toks[t - 2])) base = 1;
        if (!base) only_bases = 0;
    }
    int pronoun = words_opens(tg->w, WR_OPENING_PRONOUN, in->text, in->len);
    if (only_bases)
        for (size_t t = 0; t < ment[0].tok && !pronoun; t++) pronoun = words_is(tg->w, WR_SUBJECT_PRONOUN, &tg->toks[t]);
    if (!r->nsubj || (only_bases && !ncol)) {
        if (in->nprev && pronoun)
            tag_add_subject(r, in->prev[0], TAG_CARRIED); /* "It": the previous claim's main subject */
        else if (!r->nsubj && nsec > 1 && in->nprev == 1 && in->prev[0] == last_named && !tag_says_all(tg))
            /* under "X vs Y", a claim naming no one (and not "both" or
             * "all") goes on about the one subject the claim before it
             * named (not one a part brought: "You can use JavaScript") */
            tag_add_subject(r, in->prev[0], TAG_CARRIED);
        else
            for (size_t i = 0; i < nsec; i++) tag_add_subject(r, sec[i], TAG_HEADING);
    }
    {
        int one = -1, n = 0;
        for (size_t i = 0; i < r->nsubj; i++)
            if (r->subj[i].how == TAG_NAMED) {
                one = r->subj[i].subject;
                n++;
            }
        if (n == 1 && r->nsubj == 1) tg->last_named = one;
    }
    /* "Both languages are ...", "All three offer ...": with still no
     * subject, a claim opening on "both"/"all" (not "both X and Y")
     * speaks of the subjects compared -- when the domain compares
     * exactly two, there is no doubt which */
    if (!r->nsubj && tax_subjects(tg->tax) == 2 && tg->ntok > 1 &&
        words_is(tg->w, WR_ALL, &tg->toks[0])) {
        int coord = 0;
        for (size_t t = 1; t < tg->ntok && t <= 3; t++) coord |= words_is(tg->w, WR_AND, &tg->toks[t]);
        if (!coord) {
            tag_add_subject(r, 0, TAG_BOTH);
            tag_add_subject(r, 1, TAG_BOTH);
        }
    }

    /* dimensions */
    double w[64] = {0};
    size_t nd = tax_dimensions(tg->tax);
    if (nd > 64) nd = 64;
    size_t seen[TAG_MAX_HITS];
    size_t nseen = 0;
    size_t nlist = tag_eval_list_len(tg, nh);
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index >= (int)nd) continue;
        /* each distinct cue counts once: the same words twice are not
         * more evidence (compared by their text, not their length) */
        int dup = 0;
        for (size_t k = 0; k < nseen && !dup; k++)
            dup = tag_same_hit(tg, &tg->hits[seen[k]], h);
        if (dup) continue;
        if (nseen < TAG_MAX_HITS) seen[nseen++] = i;
        w[h->index] += h->weak && !tag_opens_item(tg, nlist, h->tok) ? 0.5 : 1.0;
    }
    for (size_t i = 0; i < nrowd; i++)
        if (rowd[i] < (int)nd) w[rowd[i]] += 2.0;
    for (size_t i = 0; i < ncold; i++)
        if (cold[i] < (int)nd) w[cold[i]] += 0.75;
    /* A heading on one dimension lends it to every claim below that
     * has no topic of its own (tag_own_topic) or cues it too; a heading
     * on several ("Performance & Developer Experience") lends each only
     * to claims with some cue of their own for it. */
    int own_topic = tag_own_topic(tg, nh, nd);
    for (size_t i = 0; i < nsecd; i++)
        if (secd[i] < (int)nd && (nsecd == 1 || w[secd[i]] > 0) && (w[secd[i]] > 0 || !own_topic))
            w[secd[i]] += 0.75;
    for (size_t d = 0; d < nd; d++) {
        if (w[d] < 0.75 || r->ndims >= TAG_MAX) continue;
        /* A table row's label says what its cells are about: a cell
         * adds another aspect only with two cues of its own for it
         * ("Easier; clean, readable syntax" in "Learning curve"). */
        if (nrowd && !tag_has(rowd, nrowd, (int)d) && w[d] < 2.0) continue;
        r->dims[r->ndims].dim = (int)d;
        r->dims[r->ndims].score = w[d] / (w[d] + 1.0);
        r->ndims++;
    }

    /* quantities */
    qty qs[TAG_MAX];
    size_t nq = qty_scan(in->text, in->len, qs, TAG_MAX);
    if (nq > TAG_MAX) nq = TAG_MAX;
    for (size_t i = 0; i < nq; i++) {
        /* A number whose measure the taxonomy cannot name ("two
         * languages", "top three") is not recorded: it could not be
         * compared with anything. */
        int measure = tag_measure(tg, &qs[i], tg->toks, tg->ntok);
        /* An elided unit: "X allows 100 connections and Y allows 151"
         * -- a bare count after a counted quantity counts the same. */
        if (measure < 0 && qs[i].kind == QTY_COUNT && !qs[i].unit[0])
            for (size_t k = r->nqty; k-- > 0 && measure < 0;)
                if (r->qty[k].q.kind == QTY_COUNT && r->qty[k].q.unit[0]) {
                    measure = r->qty[k].measure;
                    memcpy(qs[i].unit, r->qty[k].q.unit, sizeof qs[i].unit);
                }
        if (measure < 0 || r->nqty >= TAG_MAX) continue;
        tag_qty *tq = &r->qty[r->nqty++];
        tq->q = qs[i];
        tq->measure = measure;
        /* nearest subject mention before the number, else after */
        int before = -1, after = -1;
        for (size_t k = 0; k < nment; k++) {
            size_t at = map[tg->toks[ment[k].tok].off];
            if (at <= qs[i].start) before = ment[k].subject;
            else if (after < 0) after = ment[k].subject;
        }
        tq->subject = before >= 0 ? before : after >= 0 ? after : r->nsubj == 1 ? r->subj[0].subject : -1;
        /* A year that is not some subject's event ("in 2024", "the 2024
         * survey") dates the statement; it belongs to no subject. */
        if (qs[i].kind == QTY_YEAR && tax_measure_terms(tg->tax, (size_t)measure) == 0) tq->subject = -1;
        /* "Both projects are nearly 30 years old": a figure said of
         * all the subjects, none named, holds for each of them. */
        if (tq->subject < 0 && !nment && r->nsubj > 1 && tag_says_all(tg) &&
            !(qs[i].kind == QTY_YEAR && tax_measure_terms(tg->tax, (size_t)measure) == 0)) {
            tq->subject = r->subj[0].subject;
            for (size_t k = 1; k < r->nsubj && r->nqty < TAG_MAX; k++) {
                r->qty[r->nqty] = *tq;
                r->qty[r->nqty++].subject = r->subj[k].subject;
            }
        }
    }

    /* stance: per clause and subject, then per dimension (tag_stances) */
    /* A claim that names no subject, under a heading on several ("X vs
     * Y"), does not say which one it judges: no stance -- unless it
     * speaks of them all ("Both languages ...", "All of them ...",
     * "Neither database ..."). */
    int unnamed = r->nsubj > 1;
    for (size_t i = 0; i < r->nsubj && unnamed; i++)
        if (r->subj[i].how != TAG_HEADING) unnamed = 0;
    for (size_t t = 0; t < tg->ntok && unnamed; t++)
        if (words_is(tg->w, WR_ALL, &tg->toks[t]) || words_is(tg->w, WR_NEITHER, &tg->toks[t]))
            unnamed = 0;
    if ((r->ndims || tg->want_clauses) && r->nsubj && !unnamed) {
        /* Who a stance is about: the subjects named or inherited.  A
         * part ("requires JavaScript") brings its subject to the claim
         * but is usually an object, not what is judged; it holds a
         * stance only when the claim has no other subject ("V8 is
         * fast"). */
        int fb[TAG_MAX];
        size_t nfb = 0;
        for (size_t i = 0; i < r->nsubj; i++)
            if (r->subj[i].how != TAG_PART) fb[nfb++] = r->subj[i].subject;
        if (nfb) {
            size_t k = 0;
            for (size_t i = 0; i < nment; i++)
                if (ment_named[i]) ment[k++] = ment[i];
            nment = k;
        } else {
            for (size_t i = 0; i < r->nsubj; i++) fb[nfb++] = r->subj[i].subject;
        }
        /* the subjects under comparison: all of a two-subject domain,
         * else the claim's own */
        int cmp[TAG_MAX];
        size_t ncmp = 0;
        if (tax_subjects(tg->tax) == 2) {
            cmp[0] = 0;
            cmp[1] = 1;
            ncmp = 2;
        } else {
            for (size_t i = 0; i < r->nsubj; i++) cmp[ncmp++] = r->subj[i].subject;
        }
        stance_clause *so = r->clauses;
        stance_input si = {tg->toks, tg->ntok, ment, nment, fb, nfb, cmp, ncmp, bias, choice};
        size_t ns = stance_judge_clauses(tg->lex, &si, so, 2 * TAG_MAX);
        if (ns > 2 * TAG_MAX) ns = 2 * TAG_MAX;
        r->nclauses = ns;
        if (!r->ndims) return KB_OK;
        int ctxd[2 * TAG_MAX];
        size_t nctxd = 0;
        for (size_t i = 0; i < nrowd; i++) ctxd[nctxd++] = rowd[i];
        for (size_t i = 0; i < ncold; i++) ctxd[nctxd++] = cold[i];
        tag_stances(tg, r, nh, so, ns, ctxd, nctxd);
    }
    return KB_OK;
}
