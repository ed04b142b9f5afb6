/*
 * tag_dims.c - the dimensions of a claim (tag.h has the rules): its cue
 * words, each distinct cue once (a weak one at half weight, unless it
 * opens an item of an evaluative list), its table row and column
 * headers, and the nearest section heading naming a dimension, lent to
 * claims with no topic of their own.  As many dimensions as the
 * taxonomy has.
 */
#include "tag_int.h"

#include <string.h>

size_t tag_heading_dims(tagger *tg, const char *text, size_t len, int *out, size_t max)
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

int tag_span_topic(const tagger *tg, size_t nh, size_t start, size_t end)
{
    double *cw = tg->spanw; /* scratch, one weight per dimension */
    size_t nd = tg->ndims;
    memset(cw, 0, nd * sizeof *cw);
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index < 0 || (size_t)h->index >= nd || h->tok < start || h->tok >= end)
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
static int tag_own_topic(const tagger *tg, size_t nh)
{
    size_t start = 0;
    int any = 0, opened = tg->ntok && tag_is_contrast(tg, &tg->toks[0]); /* the clause opens on one */
    for (size_t end = 1; end <= tg->ntok; end++) {
        int boundary = end == tg->ntok, contrast = !boundary && tag_is_contrast(tg, &tg->toks[end]);
        if (!boundary)
            boundary = tag_punct_before(tg, end, ";") || contrast || (opened && tag_punct_before(tg, end, ",:"));
        if (!boundary) continue;
        if (!tag_span_topic(tg, nh, start, end)) return 0;
        any = 1;
        start = end;
        opened = contrast;
    }
    return any;
}


size_t tag_label_len(const tagger *tg)
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

/* The weight of each dimension the claim's own cues give (w: one per
 * dimension).  Each distinct cue counts once: the same words twice are
 * not more evidence (compared by their text, not their length). */
static void tag_cue_weights(const tag_ctx *c, double *w)
{
    const tagger *tg = c->tg;
    size_t seen[TAG_MAX_HITS];
    size_t nseen = 0;
    size_t nlist = tag_eval_list_len(tg, c->nh);
    for (size_t i = 0; i < c->nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index >= (int)tg->ndims) continue;
        int dup = 0;
        for (size_t k = 0; k < nseen && !dup; k++) dup = tag_same_hit(tg, &tg->hits[seen[k]], h);
        if (dup) continue;
        if (nseen < TAG_MAX_HITS) seen[nseen++] = i;
        w[h->index] += h->weak && !tag_opens_item(tg, nlist, h->tok) ? 0.5 : 1.0;
    }
}

/* What the context adds: the row header 2, the column header 0.75, and
 * the section heading 0.75.  A heading on one dimension lends it to
 * every claim below that has no topic of its own (tag_own_topic) or
 * cues it too; a heading on several ("Performance & Developer
 * Experience") lends each only to claims with some cue of their own for
 * it. */
static void tag_context_weights(const tag_ctx *c, double *w)
{
    int nd = (int)c->tg->ndims;
    for (size_t i = 0; i < c->nrowd; i++)
        if (c->rowd[i] < nd) w[c->rowd[i]] += 2.0;
    for (size_t i = 0; i < c->ncold; i++)
        if (c->cold[i] < nd) w[c->cold[i]] += 0.75;
    int own_topic = tag_own_topic(c->tg, c->nh);
    for (size_t i = 0; i < c->nsecd; i++) {
        int d = c->secd[i];
        if (d < nd && (c->nsecd == 1 || w[d] > 0) && (w[d] > 0 || !own_topic)) w[d] += 0.75;
    }
}

void tag_dimensions(tag_ctx *c)
{
    tag_result *r = c->r;
    size_t nd = c->tg->ndims;
    double *w = c->tg->dimw;
    memset(w, 0, nd * sizeof *w);
    tag_cue_weights(c, w);
    tag_context_weights(c, w);
    for (size_t d = 0; d < nd; d++) {
        if (w[d] < 0.75 || r->ndims >= TAG_MAX) continue;
        /* A table row's label says what its cells are about: a cell
         * adds another aspect only with two cues of its own for it
         * ("Easier; clean, readable syntax" in "Learning curve"). */
        if (c->nrowd && !tag_has(c->rowd, c->nrowd, (int)d) && w[d] < 2.0) continue;
        r->dims[r->ndims].dim = (int)d;
        r->dims[r->ndims].score = w[d] / (w[d] + 1.0);
        r->ndims++;
    }
}
