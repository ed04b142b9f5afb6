/*
 * tutag.h - what the claim tagger's suites share (check_tag.c,
 * check_tag_qty.c): a tagger on a taxonomy given as text, with the
 * default function words and stance lexicon.
 */
#ifndef KB_TUTAG_H
#define KB_TUTAG_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "stance.h"
#include "tag.h"
#include "taxonomy.h"
#include "testutil.h"
#include "util.h"

typedef struct env {
    taxonomy *tax;
    words_lex *words;
    stance_lex *lex;
    tagger *tg;
} env;

static inline env env_open(const char *tsv)
{
    env e;
    char *err = NULL;
    ck_assert_msg(tax_load(tsv, strlen(tsv), &e.tax, &err) == KB_OK, "%s", err ? err : "");
    ck_assert_msg(words_load(NULL, 0, &e.words, &err) == KB_OK, "%s", err ? err : "");
    ck_assert_msg(stance_load(embed_stance, strlen(embed_stance), e.words, &e.lex, &err) == KB_OK, "%s",
                  err ? err : "");
    e.tg = tag_new(e.tax, e.lex, e.words);
    return e;
}

static inline void env_close(env *e)
{
    tag_free(e->tg);
    stance_free(e->lex);
    words_free(e->words);
    tax_free(e->tax);
}

#endif
