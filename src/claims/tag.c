/*
 * tag.c - subjects, dimensions, quantities and stance of one claim; see
 * tag.h for the rules.  Works on the claim's normalized text with an
 * offset map, so matches found in normalized tokens can be compared
 * with quantity positions in the original text.  This file reads the
 * claim's context and matches and runs the steps (tag_int.h).
 */
#include "tag_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "util.h"
#include "words.h"

tagger *tag_new(const taxonomy *tax, const stance_lex *lex, const words_lex *words)
{
    tagger *tg = kb_calloc(1, sizeof *tg);
    tg->tax = tax;
    tg->lex = lex;
    tg->w = words;
    tg->last_named = tg->topic = -1;
    tg->ndims = tax_dimensions(tax);
    tg->dimw = kb_calloc(tg->ndims + 1, sizeof *tg->dimw);
    tg->spanw = kb_calloc(tg->ndims + 1, sizeof *tg->spanw);
    return tg;
}

void tag_free(tagger *tg)
{
    if (!tg) return;
    buf_free(&tg->norm);
    free(tg->map);
    free(tg->sec_key);
    free(tg->dimw);
    free(tg->spanw);
    free(tg);
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

/* What the claim's context names: its column header's subjects, its
 * section's subjects and dimensions, its row and column headers'
 * dimensions; the polarity an evaluative row label ("Best for",
 * "Cons") or a recommendation gives its cells.  Before the claim is
 * read: it reuses the token buffer. */
static void tag_context(tag_ctx *c, char **err)
{
    tagger *tg = c->tg;
    const tag_input *in = c->in;
    c->ncol = in->col_header ? tag_subjects_in(tg, in->col_header, strlen(in->col_header), c->col, TAG_MAX) : 0;
    if (!in->section || !tg->sec_key || strcmp(in->section, tg->sec_key) != 0) {
        free(tg->sec_key);
        tg->sec_key = in->section ? kb_strdup(in->section) : NULL;
        tg->topic = -1;
        tg->nsec_subj = tag_from_section(tg, in->section, tag_heading_subjects, tg->sec_subj, TAG_MAX);
        tg->nsec_dims = tag_from_section(tg, in->section, tag_heading_dims, tg->sec_dims, TAG_MAX);
    }
    c->sec = tg->sec_subj;
    c->nsec = tg->nsec_subj;
    c->secd = tg->sec_dims;
    c->nsecd = tg->nsec_dims;
    c->nrowd = in->row_header ? tag_heading_dims(tg, in->row_header, strlen(in->row_header), c->rowd, TAG_MAX) : 0;
    c->ncold = in->col_header ? tag_heading_dims(tg, in->col_header, strlen(in->col_header), c->cold, TAG_MAX) : 0;
    c->bias = 0;
    if (in->row_header && tag_tokenize(tg, in->row_header, strlen(in->row_header), 0, err) == KB_OK)
        c->bias = stance_label(tg->lex, tg->toks, tg->ntok);
    /* "Data analytics -> Python": a recommendation of the subject, so a
     * choice among the subjects compared */
    c->choice = 0;
    if (kb_memmem(in->text, in->len, "\xe2\x86\x92", 3) || kb_memmem(in->text, in->len, "->", 2)) {
        c->choice = 1;
        if (!c->bias) c->bias = 1;
    }
}

/* The claim's subject, part and dimension matches, then the strong cues
 * of other dimensions inside its phrase cues: "thousands of
 * simultaneous connections" (scale) also speaks of simultaneity
 * (concurrency); "machine learning" is not about learning.  tag_hits
 * reports the matches alone. */
static void tag_cues(tag_ctx *c)
{
    tagger *tg = c->tg;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART) | TAX_MASK(TAX_DIMENSION),
                          tg->toks, tg->ntok, tg->hits, TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    tg->nhits = nh;
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
    c->nh = nh;
}

/* Does text end on a question mark, past closing quotes, brackets and
 * emphasis? */
static int tag_asks(const char *text, size_t len)
{
    while (len && strchr(" \t\n*_\"')]", text[len - 1])) len--;
    return len && text[len - 1] == '?';
}

int tag_claim(tagger *tg, const tag_input *in, tag_result *r, char **err)
{
    r->nsubj = r->ndims = r->nqty = r->nst = r->nclauses = 0; /* entries are written before they count */
    r->asks = tag_asks(in->text, in->len);
    tag_ctx c; /* its arrays are filled before they are read */
    c.tg = tg;
    c.in = in;
    c.r = r;
    c.nh = c.nment = 0;
    tag_context(&c, err);
    c.last_named = tg->last_named;
    tg->last_named = -1;
    if (tag_tokenize(tg, in->text, in->len, 1, err)) return KB_ERR;
    tag_cues(&c);
    tag_subjects(&c);
    tag_dimensions(&c);
    tag_quantities(&c);
    tag_judge(&c);
    return KB_OK;
}
