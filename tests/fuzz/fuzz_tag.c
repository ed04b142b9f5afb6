/*
 * fuzz_tag.c - libFuzzer harness for the claim tagger and the
 * propositions read from its clauses (tag_claim, prop_extract), with
 * the compiled-in taxonomy and lexicons.
 *
 * The input is up to four fields split by form feeds: [section \f
 * [row label \f [column label \f]]] claim text.  Each must be valid
 * UTF-8 without NUL (the extractors give claims.c nothing else).  The
 * claim is tagged twice, the second time with the first's subjects as
 * the previous claim's, so "It ..." and the section rules run too.
 * Every index the tags and propositions give must be in range:
 * subjects, dimensions, clause tokens, byte spans on character
 * boundaries, aspect keys.
 */
#include <string.h>

#include "embed.h"
#include "fuzz.h"
#include "prop.h"
#include "tag.h"
#include "util.h"

typedef struct fuzz_lex {
    words_lex *w;
    taxonomy *t;
    stance_lex *s;
    prop_lex *p;
} fuzz_lex;

static const fuzz_lex *fuzz_lexicons(void)
{
    static fuzz_lex l;
    static int loaded;
    if (loaded) return &l;
    char *err = NULL;
    FUZZ_CHECK(words_load(embed_words, strlen(embed_words), &l.w, &err) == KB_OK);
    FUZZ_CHECK(tax_load(embed_taxonomy, strlen(embed_taxonomy), &l.t, &err) == KB_OK);
    FUZZ_CHECK(stance_load(embed_stance, strlen(embed_stance), l.w, &l.s, &err) == KB_OK);
    FUZZ_CHECK(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &l.p, &err) == KB_OK);
    loaded = 1;
    return &l;
}

static int fuzz_subject_ok(const taxonomy *t, int s, int none_ok)
{
    return (none_ok && s == -1) || (s >= 0 && (size_t)s < tax_subjects(t));
}

static void fuzz_check_tags(const taxonomy *t, const tag_result *r, size_t ntok)
{
    FUZZ_CHECK(r->nsubj <= TAG_MAX && r->ndims <= TAG_MAX && r->nqty <= TAG_MAX);
    FUZZ_CHECK(r->nst <= 2 * TAG_MAX && r->nclauses <= 2 * TAG_MAX);
    for (size_t i = 0; i < r->nsubj; i++) {
        FUZZ_CHECK(fuzz_subject_ok(t, r->subj[i].subject, 0));
        FUZZ_CHECK(r->subj[i].how < TAG_HOW_COUNT);
    }
    for (size_t i = 0; i < r->ndims; i++) {
        FUZZ_CHECK(r->dims[i].dim >= 0 && (size_t)r->dims[i].dim < tax_dimensions(t));
        FUZZ_CHECK(r->dims[i].score > 0 && r->dims[i].score <= 1);
    }
    for (size_t i = 0; i < r->nst; i++) {
        const tag_stance *s = &r->st[i];
        FUZZ_CHECK(fuzz_subject_ok(t, s->subject, 0) && fuzz_subject_ok(t, s->versus, 1));
        FUZZ_CHECK(s->polarity >= -1 && s->polarity <= 1);
    }
    for (size_t i = 0; i < r->nclauses; i++) {
        const stance_clause *c = &r->clauses[i];
        FUZZ_CHECK(fuzz_subject_ok(t, c->subject, 0) && fuzz_subject_ok(t, c->versus, 1));
        FUZZ_CHECK(c->polarity >= -1 && c->polarity <= 1);
        FUZZ_CHECK(c->tok <= c->tok_end && c->tok_end <= ntok);
    }
}

#define FUZZ_PROPS 32

static void fuzz_check_props(const fuzz_lex *l, const prop_keys *keys, const char *text, size_t len,
                             const prop *p, size_t n)
{
    for (size_t i = 0; i < n && i < FUZZ_PROPS; i++) {
        FUZZ_CHECK(fuzz_subject_ok(l->t, p[i].subject, 0));
        FUZZ_CHECK(fuzz_subject_ok(l->t, p[i].versus, 1) && fuzz_subject_ok(l->t, p[i].ranks, 1));
        FUZZ_CHECK(p[i].polarity >= -1 && p[i].polarity <= 1);
        FUZZ_CHECK(p[i].start <= p[i].end && p[i].end <= len);
        FUZZ_CHECK(fuzz_boundary(text, len, p[i].start) && fuzz_boundary(text, len, p[i].end));
        FUZZ_CHECK(p[i].nkeys <= PROP_MAX_KEYS && p[i].npoles <= PROP_MAX_POLES);
        for (size_t k = 0; k < p[i].nkeys; k++) FUZZ_CHECK(prop_key_str(keys, p[i].keys[k]) != NULL);
        for (size_t k = 0; k < p[i].npoles; k++) FUZZ_CHECK(prop_lex_pole(l->p, (size_t)p[i].poles[k]) != NULL);
    }
}

/* Tag text with the fields of in and check what comes out; the
 * subjects found go to prev (at most TAG_MAX). */
static void fuzz_one(const fuzz_lex *l, tagger *tg, prop_keys *keys, tag_input *in, int *prev, size_t *nprev)
{
    tag_result r;
    char *err = NULL;
    FUZZ_CHECK(tag_claim(tg, in, &r, &err) == KB_OK);
    size_t ntok;
    const char *norm;
    const size_t *map;
    tag_tokens(tg, &ntok, &norm, &map);
    fuzz_check_tags(l->t, &r, ntok);
    prop_ctx c = {l->p, l->t, l->s, l->w, NULL, keys};
    prop_claim pc = {in->text, in->len, &r, in->prev, in->nprev, in->row_header};
    prop out[FUZZ_PROPS];
    size_t n = prop_extract(&c, tg, &pc, out, FUZZ_PROPS);
    fuzz_check_props(l, keys, in->text, in->len, out, n);
    *nprev = r.nsubj;
    for (size_t i = 0; i < r.nsubj; i++) prev[i] = r.subj[i].subject;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    if (memchr(in, '\0', size) || !norm_valid_utf8(in, size, NULL)) return 0;
    const fuzz_lex *l = fuzz_lexicons();
    /* the fields, the claim text last */
    char *copy = kb_malloc(size + 1);
    memcpy(copy, in, size);
    copy[size] = '\0';
    char *field[4];
    size_t nf = 0;
    for (char *p = copy; nf < 4;) {
        field[nf++] = p;
        char *ff = strchr(p, '\f');
        if (!ff || nf == 4) break;
        *ff = '\0';
        p = ff + 1;
    }
    const char *text = field[nf - 1];
    tag_input ti = {text, strlen(text), nf > 1 ? field[0] : NULL, nf > 2 ? field[1] : NULL,
                    nf > 3 ? field[2] : NULL, NULL, 0};
    tagger *tg = tag_new(l->t, l->s, l->w);
    tag_want_clauses(tg, 1);
    prop_keys *keys = prop_keys_new();
    int prev[TAG_MAX];
    size_t nprev = 0;
    fuzz_one(l, tg, keys, &ti, prev, &nprev);
    ti.prev = prev;
    ti.nprev = nprev;
    int prev2[TAG_MAX];
    fuzz_one(l, tg, keys, &ti, prev2, &nprev);
    prop_keys_free(keys);
    tag_free(tg);
    free(copy);
    return 0;
}
