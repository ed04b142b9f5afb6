/*
 * claims_int.h - what claims.c (building a source's claims) and
 * claims_write.c (storing them) share; not part of the API (claims.h).
 */
#ifndef KB_CLAIMS_INT_H
#define KB_CLAIMS_INT_H

#include <stdint.h>

#include "buf.h"
#include "claims.h"
#include "furniture.h"
#include "segment.h"
#include "stance.h"
#include "tag.h"
#include "words.h"

struct claims {
    taxonomy *tax;
    words_lex *words;
    stance_lex *lex;
    furn *furn;
    seg_abbrevs *abbr;
    tagger *tg;
    prop_ctx props;             /* props.lex NULL: no propositions */
    /* the texts it was built from (NULL: built in), for claims_clone */
    char *tax_tsv, *stance_tsv, *furn_tsv;
};

/* The kinds of claim (claims_item.kind); claims_kind_name names them
 * at the edges (the store, claims_view). */
enum { CLAIM_SENTENCE, CLAIM_ITEM, CLAIM_CELL, CLAIM_COMMENT };
const char *claims_kind_name(int kind);

/* One claim of a set: a million of them for 50 MB of prose, so kept
 * small (48 bytes): offsets within a unit (at most 64 KiB), first
 * indexes into the set's arrays, and counts bounded by TAG_MAX. */
typedef struct claims_item {
    uint32_t unit;              /* index into the units built from */
    uint32_t start, end;        /* within the unit's text */
    uint32_t row_header, col_header;
    uint32_t subj, dims, qty, st, prop;
    uint8_t nsubj, ndims, nqty, nst, nprop;
    uint8_t kind;               /* CLAIM_* */
} claims_item;

struct claims_set {
    claims_item *items;
    size_t n, cap;
    tag_subject *subj;
    size_t nsubj, capsubj;
    tag_dim *dims;
    size_t ndims, capdims;
    tag_qty *qty;
    size_t nqty, capqty;
    tag_stance *st;
    size_t nst, capst;
    prop *props;
    size_t nprops, capprops;
    size_t *furniture;          /* per unit: arena offset + 1 of the rule, or 0 */
    size_t nunits;
    buf arena;
};

/* A furniture unit whose rule has no name. */
#define CLAIMS_NO_RULE SIZE_MAX

static inline const char *claims_str(const claims_set *s, size_t off)
{
    return off && off != CLAIMS_NO_RULE ? s->arena.data + off - 1 : NULL;
}

#endif
