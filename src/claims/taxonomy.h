/*
 * taxonomy.h - the domain kb tags claims with, loaded from a TSV file
 * (schema/taxonomy.tsv by default; see its header for the format):
 * subjects and their aliases, parts that belong to a subject, dimensions
 * with cue words and heading words, and measures with unit words.
 *
 * Terms are kept in matching form (norm.h) as token sequences and found
 * in token arrays with tax_match; a term ending in '*' matches any token
 * starting with its last token, and a term's last token also matches
 * that token plus "s"/"es" (plurals come free).  A term written "~term"
 * is weak: its hits carry `weak`, and the tagger counts them at half
 * weight (an ambiguous cue such as "version" or "faster").
 */
#ifndef KB_TAXONOMY_H
#define KB_TAXONOMY_H

#include <stddef.h>

typedef struct taxonomy taxonomy;

typedef enum tax_kind {
    TAX_SUBJECT = 0,   /* an alias of a subject */
    TAX_PART,          /* a thing belonging to a subject */
    TAX_DIMENSION,     /* a dimension cue */
    TAX_HEADING,       /* a dimension's heading word */
    TAX_MEASURE,       /* a measure's unit word */
    TAX_KIND_COUNT
} tax_kind;

#define TAX_MASK(k) (1u << (k))

/* A token of normalized text: its bytes and its byte offset; lower: 1
 * when the source is known to write it in lower case ("go", not "Go"),
 * which a subject or part term of one or two letters written with a
 * capital ("Go", "R") does not match. */
typedef struct tax_tok {
    const char *s;
    size_t n;
    size_t off;
    int lower;
} tax_tok;

/* Mark toks[0..n), tokens of the normalized form of text[0..len) whose
 * map (norm.h) is map, lower where the text writes them in lower case.
 * map NULL: the case is not known, and nothing is marked. */
void tax_toks_mark_case(tax_tok *toks, size_t n, const char *text, size_t len, const size_t *map);

/* Is token t the word w?  Compared byte by byte, without measuring w:
 * the taggers ask it of every token against their word lists. */
static inline int tax_tok_is(const tax_tok *t, const char *w)
{
    size_t k = 0;
    while (k < t->n && w[k] && w[k] == t->s[k]) k++;
    return k == t->n && !w[k];
}

/* Is there a mark from set (",", ",:") between tokens k-1 and k (k >= 1)
 * of one normalized text?  Inline, and strchr by hand: the tagger asks
 * it between every two tokens. */
static inline int tax_tok_punct_before(const tax_tok *toks, size_t k, const char *set)
{
    const char *a = toks[k - 1].s + toks[k - 1].n, *b = toks[k].s;
    for (; a < b; a++)
        for (const char *c = set;; c++) {
            if (*c == *a) return 1;
            if (!*c) break;
        }
    return 0;
}

/* Is token k (k >= 1) the "s" of a possessive glued to the token before
 * it by one mark ("Rust's", "Node.js's")? */
static inline int tax_tok_possessive(const tax_tok *toks, size_t k)
{
    return toks[k].n == 1 && toks[k].s[0] == 's' && toks[k].s - (toks[k - 1].s + toks[k - 1].n) == 1 &&
           toks[k].s[-1] != ' ';
}

/* A match: kind, the subject/dimension/measure index it names, and the
 * token range [tok, tok_end). */
typedef struct tax_hit {
    tax_kind kind;
    int index;
    size_t tok, tok_end;
    int weak;        /* the term was written "~term": weak evidence */
} tax_hit;

/* Parse tsv[0..len) (a leading UTF-8 byte order mark is skipped).
 * Errors name the line ("line 12: unknown kind"); a fourth column and a
 * subject declared twice are errors, while part, heading and dimension
 * lines may repeat a name (their terms add up). */
int tax_load(const char *tsv, size_t len, taxonomy **out, char **err);
void tax_free(taxonomy *t);   /* accepts NULL */

size_t tax_subjects(const taxonomy *t);
size_t tax_dimensions(const taxonomy *t);
size_t tax_measures(const taxonomy *t);
const char *tax_subject(const taxonomy *t, size_t i);
const char *tax_dimension(const taxonomy *t, size_t i);
const char *tax_measure(const taxonomy *t, size_t i);
/* A measure's shape: 0 for a count, else the qty_kind it takes
 * (@percent, @year, @version, @duration). */
int tax_measure_shape(const taxonomy *t, size_t i);
/* How many terms (unit or context words) measure i has. */
size_t tax_measure_terms(const taxonomy *t, size_t i);
/* The measure taking quantities of shape k (a qty_kind), or -1. */
int tax_measure_for_shape(const taxonomy *t, int k);
/* What a rate naming no thing counted ("100k/sec") measures: the one
 * measure with a term "<words> per <time>" ("messages per second")
 * none of whose words refuse (may be NULL) refuses, or -1 when there is
 * none or more than one. */
int tax_measure_per(const taxonomy *t, const char *time, int (*refuse)(const char *w, size_t n));

/* Index of the subject / dimension named (case and punctuation
 * insensitive, aliases accepted for subjects), or -1. */
int tax_find_subject(const taxonomy *t, const char *name);
int tax_find_dimension(const taxonomy *t, const char *name);

/* All matches of the kinds in mask over toks[0..n), in token order;
 * within one kind the longest match at a position wins and matching
 * resumes after it.  Writes at most max hits; returns the count found. */
size_t tax_match(const taxonomy *t, unsigned mask, const tax_tok *toks, size_t n,
                 tax_hit *out, size_t max);

#endif
