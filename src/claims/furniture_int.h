/*
 * furniture_int.h - what the furniture detector's files share (not part
 * of the API: see furniture.h).
 *
 * furniture.c is the detector: a unit's words, the lexicon's patterns
 * tried on them, and the state carried between units;
 * furniture_rules.c holds the matching of a pattern against the words
 * and the rules that need no lexicon (dates, bylines, lone names,
 * breadcrumbs); furniture_lex.c loads the lexicon and chains its
 * patterns by anchor word.  Calls go one way: furniture.c to the other
 * two.
 */
#ifndef KB_FURNITURE_INT_H
#define KB_FURNITURE_INT_H

#include <stddef.h>

#include "buf.h"
#include "furniture.h"

#define FURN_DEFAULT_MAXW 12 /* prefix/suffix/contains: default word limit */
#define FURN_LINE_MAXW 20    /* whole-line kinds: longer units never match */
#define FURN_TOC_MAXW 15     /* a table-of-contents entry is at most this */
#define FURN_CRUMB_MAXW 12   /* words in one breadcrumb part */
#define FURN_BYLINE_MAXW 12  /* a byline with its date */
#define FURN_MAX_STARS 4     /* wildcards per pattern: bounds backtracking */

/* A pattern's kind: the lexicon's first column (furn_kinds names them,
 * furniture_lex.c). */
enum { FK_LINE, FK_PREFIX, FK_SUFFIX, FK_CONTAINS, FK_SECTION, FK_TOC, FK_BYLINE,
       FK_CRUMB };
/* A pattern's item: a word, "*" (any words), "#" (any numbers). */
enum { FI_WORD, FI_STAR, FI_NUM };
/* What an opener makes of the units after it. */
enum { FS_NONE, FS_SECTION, FS_TOC };
/* Patterns by the step of the detector that tries them (furn_own):
 * openers (section, toc), the plain kinds, bylines, crumb words. */
enum { FG_OPEN, FG_PLAIN, FG_BYLINE, FG_CRUMB, FG_COUNT };
/* Where a pattern's anchor word must be in a unit it matches. */
enum { FA_NONE, FA_FIRST, FA_LAST, FA_SEEN };

typedef struct furn_item {
    int type;
    size_t off, len;   /* FI_WORD: the word in f->words */
} furn_item;

typedef struct furn_pat {
    int kind;
    size_t first, n;   /* items[first .. first + n) */
    size_t stars;      /* how many of them are wildcards */
    int anchor;        /* FA_*: where its anchor word must be */
    size_t key;        /* the anchor word's furn_word_bit */
    size_t maxw;       /* 0: no limit */
    char *why;
} furn_pat;

typedef struct furn_tok {
    size_t off, len;   /* in the matching form */
    size_t ooff;       /* offset of its first character in the original */
} furn_tok;

struct furn {
    furn_pat *pats;
    size_t npats;
    /* pattern indices grouped by FG_*, each group in file order, so
     * that every step tries only its own kinds, first match first */
    size_t *grp;
    size_t grp_at[FG_COUNT + 1];
    /* In the openers and the plain kinds (furn_first_match), patterns
     * anchored on the first word are chained by its bit: head[g][bit],
     * then next[], are positions in grp + 1 (0 ends the chain); the
     * others, few, are listed in rest[rest_at[g] .. rest_at[g + 1]). */
    size_t head[2][1024];
    size_t *next, *rest;
    size_t rest_at[3];
    furn_item *items;
    size_t nitems, icap;
    buf words;
    /* the current unit */
    const char *text;
    size_t len;
    buf norm;
    size_t *map, map_cap;   /* kept from unit to unit */
    furn_tok *toks;
    size_t ntoks, tcap;
    /* which (first byte, length) pairs the unit's words have, as bits:
     * a pattern whose first word is not among them cannot match it */
    unsigned char seen[128];
    size_t key_first, key_last;   /* furn_word_bit of the first and last word */
    struct furn_state {   /* carried between units; zero at a new source */
        int mode;
        const char *mode_why;
        size_t group_units;   /* units since the section's last heading */
        int group_evidence;   /* one of them was furniture on its own */
        int prev_meta;        /* the previous unit was a date or a separator */
    } st;
};

/* A word's bit: (first byte, length) hashed to 0..1023, for the quick
 * refusals (furn_pat_refused) and the anchor chains. */
static inline size_t furn_word_bit(const char *w, size_t n)
{
    return ((size_t)(unsigned char)(n ? w[0] : 0) * 31u + n) & 1023u;
}

/* furniture_rules.c: does the pattern p[0..np) match the unit's words
 * from ti on (and, if to_end, use them all)?  Is token t all digits? */
int furn_match(const furn *f, const furn_item *p, size_t np, size_t ti, int to_end);
int furn_tok_is_num(const furn *f, const furn_tok *t);

/* furniture_rules.c: the rules that need no lexicon, asked of the unit
 * in f (furn_is_date of any text). */
int furn_is_date(const char *s, size_t n);
int furn_byline(const furn *f);
int furn_lone_name(const furn *f);
int furn_breadcrumb(const furn *f);

#endif
