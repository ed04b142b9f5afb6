/*
 * furniture.c - telling page furniture from article content
 * (furniture.h): the detector.
 *
 * Each unit is put in matching form once (norm_text, with the map back
 * to the original so capitals can still be seen) and cut into words
 * (norm_tokens, plus a cut at camelCase joins such as
 * "counsellingTalk", which HTML-to-text conversion leaves where two
 * elements met).  Then, first match wins:
 *   1. rules that need no lexicon: no words at all ("/"), a date or a
 *      dateline, a breadcrumb trail (short parts between ">", "»", " / "
 *      or a crumb word), a byline ("by" + 1-4 capitalized names), a lone
 *      name right after a date or separator ("May 8 / Alma / 10 min");
 *   2. the lexicon (schema/furniture.tsv): whole-line, prefix, suffix and
 *      contains patterns with * and # wildcards, word-count limits
 *      keeping the looser kinds to short units.  Each pattern has an
 *      anchor word (its first word for the kinds that start the unit),
 *      and the patterns are chained by it at load time, so a unit meets
 *      the few that could match it, still in file order, rather than
 *      the whole lexicon.
 * State across units: a "section" line (related posts, comments, an
 * author box, a call to action) makes what follows furniture; a
 * heading ends it unless it is furniture itself (a comment's date) or
 * the section so far looks like a list of post teasers (its entries had
 * their own furniture: dates, bylines, "read more"; or the heading comes
 * right after the opener), because sites print each teaser's title as a
 * heading.  A "toc" line (table of contents, share buttons) makes the
 * short lines after it furniture, up to a heading or a sentence.
 * Everything is linear in the unit except wildcard backtracking, which
 * FURN_MAX_STARS and the word limits keep small.  The rules of step 1
 * are in furniture_rules.c, the loading of the lexicon in
 * furniture_lex.c.
 */
#include "furniture_int.h"

#include <stdint.h>
#include <string.h>

#include "norm.h"
#include "util.h"

static void furn_push_tok(furn *f, size_t off, size_t n)
{
    if (f->ntoks == f->tcap) {
        f->tcap = f->tcap ? 2 * f->tcap : 64;
        f->toks = kb_realloc(f->toks, f->tcap * sizeof *f->toks);
    }
    f->toks[f->ntoks].off = off;
    f->toks[f->ntoks].len = n;
    f->toks[f->ntoks].ooff = f->map[off];
    f->ntoks++;
    size_t b = furn_word_bit(f->norm.data + off, n);
    f->seen[b >> 3] |= (unsigned char)(1u << (b & 7));
}

static int furn_add_tok(void *ctx, const char *tok, size_t n, size_t off)
{
    furn *f = ctx;
    size_t start = off;
    /* cut at a camelCase join: a capital right after a small letter */
    for (size_t k = off + 1; k < off + n; k++) {
        size_t b = f->map[k], a;
        if (f->text[b] < 'A' || f->text[b] > 'Z') continue;   /* most bytes: not a capital */
        a = f->map[k - 1];
        if (b == a + 1 && f->text[a] >= 'a' && f->text[a] <= 'z') {
            furn_push_tok(f, start, k - start);
            start = k;
        }
    }
    furn_push_tok(f, start, off + n - start);
    return 0;
}

/* Put text in matching form and cut it into words.  KB_ERR on invalid
 * UTF-8 (the unit is then judged as content). */
static int furn_words(furn *f, const char *text, size_t len)
{
    buf_reset(&f->norm);
    f->ntoks = 0;
    memset(f->seen, 0, sizeof f->seen);
    f->text = text;
    f->len = len;
    if (norm_text_keep(text, len, &f->norm, &f->map, &f->map_cap, NULL) != KB_OK) return KB_ERR;
    norm_tokens(f->norm.data ? f->norm.data : "", f->norm.len, furn_add_tok, f);
    if (f->ntoks) {
        const furn_tok *a = &f->toks[0], *z = &f->toks[f->ntoks - 1];
        f->key_first = furn_word_bit(f->norm.data + a->off, a->len);
        f->key_last = furn_word_bit(f->norm.data + z->off, z->len);
    }
    return KB_OK;
}

/* Can item it stand for the unit's word ti?  A wildcard can; a word
 * must be that word. */
static int furn_item_fits(const furn *f, const furn_item *it, size_t ti)
{
    return it->type != FI_WORD ||
           (f->toks[ti].len == it->len &&
            memcmp(f->norm.data + f->toks[ti].off, f->words.data + it->off, it->len) == 0);
}

/* Does p surely not match the unit?  Asked of every pattern for every
 * unit, so only integers are compared: every item takes a word at least,
 * and the anchor word's bit must be where the pattern puts it. */
static inline int furn_pat_refused(const furn *f, const furn_pat *p)
{
    if (f->ntoks < p->n) return 1;
    switch (p->anchor) {
    case FA_FIRST: return p->key != f->key_first;
    case FA_LAST: return p->key != f->key_last;
    case FA_SEEN: return !(f->seen[p->key >> 3] & (1u << (p->key & 7)));
    default: return 0;
    }
}

static int furn_pat_matches(const furn *f, const furn_pat *p)
{
    const furn_item *it = f->items + p->first, *last = it + p->n - 1;
    size_t n = f->ntoks;
    /* Quick refusals before furn_match: as furn_pat_refused, and a
     * pattern without wildcards that must use all words takes exactly
     * its own number; a pattern anchored at the start (the end) has its
     * first (last) item on the first (last) word. */
    if (furn_pat_refused(f, p)) return 0;
    switch (p->kind) {
    case FK_LINE: case FK_SECTION: case FK_TOC:
        if (n > FURN_LINE_MAXW || (!p->stars && n != p->n) || !furn_item_fits(f, it, 0) ||
            !furn_item_fits(f, last, n - 1))
            return 0;
        return furn_match(f, it, p->n, 0, 1);
    case FK_PREFIX: case FK_SUFFIX: case FK_CONTAINS:
        if (p->maxw && n > p->maxw) return 0;
        /* a suffix describes a label ("share image icon"); a sentence
         * that happens to end the same way is content */
        if (p->kind == FK_SUFFIX && f->len && memchr(".!?", f->text[f->len - 1], 3)) return 0;
        if (p->kind == FK_SUFFIX && !furn_item_fits(f, last, n - 1)) return 0;
        if (p->kind == FK_PREFIX) return furn_item_fits(f, it, 0) && furn_match(f, it, p->n, 0, 0);
        for (size_t i = 0; i < n; i++)
            if (furn_match(f, it, p->n, i, p->kind == FK_SUFFIX)) return 1;
        return 0;
    default:
        return 0;
    }
}

/* The first pattern of group g (FG_OPEN or FG_PLAIN), in file order,
 * that matches the unit, or NULL.  Only two sequences are walked, each
 * in file order and merged: the chain of patterns anchored on the
 * unit's first word, and the patterns anchored otherwise. */
static const furn_pat *furn_first_match(const furn *f, int g)
{
    size_t a = f->head[g][f->key_first], r = f->rest_at[g], re = f->rest_at[g + 1];
    for (;;) {
        size_t pa = a ? a - 1 : SIZE_MAX, pr = r < re ? f->rest[r] : SIZE_MAX, pos;
        if (pa < pr) pos = pa, a = f->next[pa];
        else if (pr != SIZE_MAX) pos = pr, r++;
        else return NULL;
        const furn_pat *p = &f->pats[f->grp[pos]];
        if (!furn_pat_refused(f, p) && furn_pat_matches(f, p)) return p;
    }
}

/* The unit's own verdict, apart from any section: a why or NULL.  An
 * opener sets *opens (FS_SECTION, FS_TOC); *meta says the unit is a
 * date or a separator (a lone name may follow). */
static const char *furn_own(furn *f, doc_kind kind, int *opens, int *meta)
{
    *opens = FS_NONE;
    *meta = 0;
    if (f->ntoks == 0) {
        *meta = 1;
        return "no words";
    }
    if (f->ntoks <= FURN_BYLINE_MAXW && furn_is_date(f->text, f->len)) {
        *meta = 1;
        return "date";
    }
    if (kind == DOC_ROW) return NULL;   /* a table row's cells are data */
    const furn_pat *p = furn_first_match(f, FG_OPEN);
    if (p) {
        *opens = p->kind == FK_SECTION ? FS_SECTION : FS_TOC;
        return p->why;
    }
    if (furn_breadcrumb(f)) return "breadcrumb";
    if (furn_byline(f)) {
        *meta = 1;
        return "byline";
    }
    /* the openers have failed above; bylines and crumbs never match here */
    if ((p = furn_first_match(f, FG_PLAIN)) != NULL) return p->why;
    /* "May 8, 2026 / Alma / 10 min read": a name among the meta lines */
    if (f->st.prev_meta && kind == DOC_PARAGRAPH && furn_lone_name(f))
        return "byline";
    return NULL;
}

static int furn_sentence_end(const char *s, size_t len)
{
    char c = s[len - 1];
    return c == '.' || c == '!' || c == ':';
}

int furn_check(furn *f, doc_kind kind, const char *text, size_t len, const char **why)
{
    const char *w = NULL;
    size_t tl = len;
    text = kb_trim(text, &tl);
    int heading = kind == DOC_HEADING;
    int opens = FS_NONE, meta = 0;
    if (furn_words(f, text, tl) == KB_OK) w = furn_own(f, kind, &opens, &meta);
    f->st.prev_meta = meta;

    if (f->st.mode == FS_TOC) {
        /* entries of the table, even those that name a section */
        if (!heading && tl && f->ntoks <= FURN_TOC_MAXW && !furn_sentence_end(text, tl)) {
            if (why) *why = w && !opens ? w : f->st.mode_why;
            return 1;
        }
        f->st.mode = FS_NONE;
    }
    if (f->st.mode == FS_SECTION && !opens) {
        if (!heading || w || f->st.group_evidence || f->st.group_units == 0) {
            if (heading) {
                f->st.group_units = 0;   /* a teaser's title starts a new entry */
                f->st.group_evidence = 0;
            } else {
                f->st.group_units++;
                if (w) f->st.group_evidence = 1;
            }
            if (why) *why = w ? w : f->st.mode_why;
            return 1;
        }
        f->st.mode = FS_NONE;   /* a content heading: the article resumes */
    }
    if (opens) {
        f->st.mode = opens;
        f->st.mode_why = w;
        f->st.group_units = 0;
        f->st.group_evidence = 0;
    }
    if (why) *why = w;
    return w != NULL;
}

void furn_reset(furn *f)
{
    memset(&f->st, 0, sizeof f->st);   /* FS_NONE is 0 */
}

