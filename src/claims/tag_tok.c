/*
 * tag_tok.c - a claim's text in matching form, cut into tokens: what
 * every step of tagging reads (tag_int.h).
 */
#include "tag_int.h"

#include "buf.h"
#include "norm.h"
#include "util.h"

static int tag_tok(void *ctx, const char *s, size_t n, size_t off)
{
    tagger *tg = ctx;
    if (tg->ntok == TAG_MAX_TOKS) return 1; /* long claims: the rest is not tagged */
    tg->toks[tg->ntok].s = s;
    tg->toks[tg->ntok].n = n;
    tg->toks[tg->ntok].off = off;
    tg->toks[tg->ntok].lower = 0;
    tg->ntok++;
    return 0;
}

int tag_tokenize(tagger *tg, const char *text, size_t len, int with_map, char **err)
{
    buf_reset(&tg->norm);
    tg->ntok = 0;
    if (with_map ? norm_text_keep(text, len, &tg->norm, &tg->map, &tg->map_cap, err)
                 : norm_text(text, len, &tg->norm, NULL, err))
        return KB_ERR;
    if (tg->norm.len) norm_blank_markup(tg->norm.data, tg->norm.len);
    norm_tokens(buf_cstr(&tg->norm), tg->norm.len, tag_tok, tg);
    tax_toks_mark_case(tg->toks, tg->ntok, text, len, with_map ? tg->map : NULL);
    return KB_OK;
}
