/*
 * furniture_lex.c - loading the furniture lexicon (schema/furniture.tsv,
 * or one in its format): each line a pattern of words and wildcards,
 * compiled into items, grouped by the step of the detector that tries
 * it and, in the openers and plain kinds, chained by its anchor word
 * (see furniture.c).
 */
#include "furniture_int.h"

#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "norm.h"
#include "util.h"

static const char *const furn_kinds[] = {"line", "prefix", "suffix", "contains",
                                         "section", "toc", "byline", "crumb"};

static void furn_push_item(furn *f, int type, size_t off, size_t len)
{
    if (f->nitems == f->icap) {
        f->icap = f->icap ? 2 * f->icap : 256;
        f->items = kb_realloc(f->items, f->icap * sizeof *f->items);
    }
    f->items[f->nitems].type = type;
    f->items[f->nitems].off = off;
    f->items[f->nitems].len = len;
    f->nitems++;
}

static int furn_add_word(void *ctx, const char *tok, size_t n, size_t off)
{
    furn *f = ctx;
    furn_push_item(f, FI_WORD, f->words.len, n);
    buf_add(&f->words, tok, n);
    return 0;
}

/* Choose p's anchor: the word a unit it matches must have, and where.
 * Line kinds and prefixes start with their first word, suffixes (and
 * line kinds that start with a wildcard) end with their last; a contains
 * pattern's first word must be somewhere. */
static void furn_anchor(furn *f, furn_pat *p)
{
    const furn_item *a = f->items + p->first, *z = a + p->n - 1;
    int line = p->kind == FK_LINE || p->kind == FK_SECTION || p->kind == FK_TOC;
    p->anchor = FA_NONE;
    if (!p->n) return;
    if ((line || p->kind == FK_PREFIX) && a->type == FI_WORD) p->anchor = FA_FIRST;
    else if ((line || p->kind == FK_SUFFIX) && z->type == FI_WORD) p->anchor = FA_LAST, a = z;
    else if (p->kind == FK_CONTAINS && a->type == FI_WORD) p->anchor = FA_SEEN;
    if (p->anchor != FA_NONE) p->key = furn_word_bit(f->words.data + a->off, a->len);
}

/* Compile one pattern; its items go at the end of f->items. */
static int furn_compile(furn *f, furn_pat *p, const char *s, size_t len, size_t line,
                        char **err)
{
    buf nb = BUF_INIT;
    size_t i = 0, stars = 0, words = 0;
    p->first = f->nitems;
    int rc = KB_OK;
    while (i < len && rc == KB_OK) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t e = i;
        while (e < len && s[e] != ' ' && s[e] != '\t') e++;
        if (e == i) break;
        if (e - i == 1 && (s[i] == '*' || s[i] == '#')) {
            furn_push_item(f, s[i] == '*' ? FI_STAR : FI_NUM, 0, 0);
            stars++;
        } else {
            buf_reset(&nb);
            size_t before = f->nitems;
            if (norm_text(s + i, e - i, &nb, NULL, NULL) != KB_OK)
                rc = kb_seterr(err, "furniture lexicon line %zu: invalid UTF-8", line);
            else
                norm_tokens(nb.data ? nb.data : "", nb.len, furn_add_word, f);
            words += f->nitems - before;
        }
        i = e;
    }
    buf_free(&nb);
    p->n = f->nitems - p->first;
    p->stars = stars;
    furn_anchor(f, p);
    if (rc != KB_OK) return rc;
    if (words == 0)
        return kb_seterr(err, "furniture lexicon line %zu: the pattern has no word", line);
    if (stars > FURN_MAX_STARS)
        return kb_seterr(err, "furniture lexicon line %zu: more than %d wildcards", line,
                         FURN_MAX_STARS);
    if ((p->kind == FK_BYLINE || p->kind == FK_CRUMB) && stars)
        return kb_seterr(err, "furniture lexicon line %zu: %s patterns take no wildcards",
                         line, furn_kinds[p->kind]);
    if (p->kind == FK_CRUMB && p->n != 1)
        return kb_seterr(err, "furniture lexicon line %zu: a crumb is one word", line);
    return KB_OK;
}

/* Parse one non-comment line: KIND TAB PATTERN [TAB WHY [TAB MAX-WORDS]]. */
static int furn_parse_line(furn *f, const char *s, size_t len, size_t line, char **err)
{
    const char *field[4] = {NULL, NULL, NULL, NULL};
    size_t flen[4] = {0, 0, 0, 0}, nf = 0, i = 0;
    for (;;) {
        if (nf == 4)
            return kb_seterr(err, "furniture lexicon line %zu: more than 4 fields", line);
        size_t e = i;
        while (e < len && s[e] != '\t') e++;
        flen[nf] = e - i;
        field[nf] = kb_trim(s + i, &flen[nf]);
        nf++;
        if (e >= len) break;
        i = e + 1;
    }
    if (nf < 2 || flen[1] == 0)
        return kb_seterr(err, "furniture lexicon line %zu: want KIND<TAB>PATTERN", line);
    int kind = -1;
    for (int k = 0; k < (int)(sizeof furn_kinds / sizeof *furn_kinds); k++)
        if (kb_ascii_ieq(field[0], flen[0], furn_kinds[k])) kind = k;
    if (kind < 0)
        return kb_seterr(err, "furniture lexicon line %zu: unknown kind \"%.*s\"", line,
                         (int)flen[0], field[0]);
    size_t maxw = nf == 4 && flen[3] ? 0 : FURN_DEFAULT_MAXW;
    for (size_t k = 0; nf == 4 && k < flen[3]; k++) {
        if (field[3][k] < '0' || field[3][k] > '9' || maxw > 100000)
            return kb_seterr(err, "furniture lexicon line %zu: bad word limit \"%.*s\"", line,
                             (int)flen[3], field[3]);
        maxw = 10 * maxw + (size_t)(field[3][k] - '0');
    }
    f->pats = kb_realloc(f->pats, (f->npats + 1) * sizeof *f->pats);
    furn_pat *p = &f->pats[f->npats];
    p->kind = kind;
    p->maxw = maxw;
    p->why = nf >= 3 && flen[2] ? kb_strndup(field[2], flen[2]) : kb_strdup(furn_kinds[kind]);
    f->npats++;
    return furn_compile(f, p, field[1], flen[1], line, err);
}

static int furn_group_of(int kind)
{
    switch (kind) {
    case FK_SECTION: case FK_TOC: return FG_OPEN;
    case FK_BYLINE: return FG_BYLINE;
    case FK_CRUMB: return FG_CRUMB;
    default: return FG_PLAIN;
    }
}

/* Fill f->grp: the patterns of each group in file order. */
static void furn_group(furn *f)
{
    size_t fill[FG_COUNT];
    memset(f->grp_at, 0, sizeof f->grp_at);
    for (size_t k = 0; k < f->npats; k++) f->grp_at[furn_group_of(f->pats[k].kind) + 1]++;
    for (int g = 0; g < FG_COUNT; g++) f->grp_at[g + 1] += f->grp_at[g];
    memcpy(fill, f->grp_at, sizeof fill);
    f->grp = kb_calloc(f->npats ? f->npats : 1, sizeof *f->grp);
    for (size_t k = 0; k < f->npats; k++) f->grp[fill[furn_group_of(f->pats[k].kind)]++] = k;
    /* the chains, built backwards so each runs in file order */
    f->next = kb_calloc(f->npats ? f->npats : 1, sizeof *f->next);
    f->rest = kb_calloc(f->npats ? f->npats : 1, sizeof *f->rest);
    size_t nrest = 0;
    for (int g = FG_OPEN; g <= FG_PLAIN; g++) {
        memset(f->head[g], 0, sizeof f->head[g]);
        f->rest_at[g] = nrest;
        for (size_t pos = f->grp_at[g]; pos < f->grp_at[g + 1]; pos++)
            if (f->pats[f->grp[pos]].anchor != FA_FIRST) f->rest[nrest++] = pos;
        for (size_t pos = f->grp_at[g + 1]; pos-- > f->grp_at[g];) {
            const furn_pat *p = &f->pats[f->grp[pos]];
            if (p->anchor != FA_FIRST) continue;
            f->next[pos] = f->head[g][p->key];
            f->head[g][p->key] = pos + 1;
        }
    }
    f->rest_at[FG_PLAIN + 1] = nrest;
}

int furn_new(const char *lexicon, size_t len, furn **out, char **err)
{
    *out = NULL;
    if (!lexicon || len == 0) {
        lexicon = embed_furniture;
        len = strlen(embed_furniture);
    }
    furn *f = kb_calloc(1, sizeof *f);
    size_t i = 0, line = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && lexicon[e] != '\n') e++;
        line++;
        size_t l = e - i;
        const char *s = lexicon + i;
        if (l && s[l - 1] == '\r') l--;
        size_t tl = l;
        const char *t = kb_trim(s, &tl);
        i = e + 1;
        if (tl == 0 || t[0] == '#') continue;
        if (furn_parse_line(f, s, l, line, err) != KB_OK) {
            furn_free(f);
            return KB_ERR;
        }
    }
    furn_group(f);
    furn_reset(f);
    *out = f;
    return KB_OK;
}

void furn_free(furn *f)
{
    if (!f) return;
    for (size_t k = 0; k < f->npats; k++) free(f->pats[k].why);
    free(f->pats);
    free(f->grp);
    free(f->next);
    free(f->rest);
    free(f->items);
    buf_free(&f->words);
    buf_free(&f->norm);
    free(f->map);
    free(f->toks);
    free(f);
}

