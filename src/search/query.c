/*
 * query.c - what a user types, turned into a safe FTS5 MATCH expression;
 * see query.h.
 *
 * The whole query is normalized first (norm.h), which also folds
 * typographic quotes to '"', so parsing sees one quote character.  It
 * is then split into words (white space) and quoted phrases, and every
 * word or phrase into tokens (norm_tokens, the split FTS5's unicode61
 * makes).  Only tokens reach the output, each term inside an FTS5
 * string, so nothing the user types can act as FTS5 syntax.
 *
 * Aliases are looked for in runs of consecutive bare words, greedily
 * from the left, and a match must start and end on word boundaries:
 * "python 3.8" is [python] [3 8], so the variant "python 3" does not
 * match but "python" does, and "python's" is one word [python s] that
 * no variant covers.  A quoted phrase is taken literally.
 *
 * FTS5 allows implicit AND only between phrases, so a parenthesized OR
 * group is joined to its neighbours with an explicit AND:
 *   "event loop" "fast" AND ("node js" OR "nodejs" OR "node")
 * A term already written (the same phrase, the same alias group) is
 * not written again, so the expression holds each term once.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "norm.h"
#include "strmap.h"
#include "util.h"

typedef struct query_word {
    size_t t0, t1;      /* its tokens: tok[t0 .. t1) */
    size_t run_end;     /* bare word: t1 of the last bare word in its run */
    int quoted;
} query_word;

typedef struct query_parse {
    const char **tok;   /* into the normalized query */
    size_t *len;
    size_t ntok, tok_cap;
    query_word *word;
    size_t nword, word_cap;
} query_parse;

static int query_add_token(void *ctx, const char *t, size_t n, size_t off)
{
    query_parse *p = ctx;
    if (p->ntok == p->tok_cap) {
        p->tok_cap = p->tok_cap ? 2 * p->tok_cap : 32;
        p->tok = kb_realloc(p->tok, p->tok_cap * sizeof *p->tok);
        p->len = kb_realloc(p->len, p->tok_cap * sizeof *p->len);
    }
    p->tok[p->ntok] = t;
    p->len[p->ntok] = n;
    p->ntok++;
    return 0;
}

/* Tokenize s[0..n) as one word or phrase; a word without tokens
 * ("-", "*", "(") is dropped. */
static void query_add_word(query_parse *p, const char *s, size_t n,
                           int quoted)
{
    size_t t0 = p->ntok;
    norm_tokens(s, n, query_add_token, p);
    if (p->ntok == t0) return;
    if (p->nword == p->word_cap) {
        p->word_cap = p->word_cap ? 2 * p->word_cap : 16;
        p->word = kb_realloc(p->word, p->word_cap * sizeof *p->word);
    }
    query_word *w = &p->word[p->nword++];
    w->t0 = t0;
    w->t1 = p->ntok;
    w->run_end = w->t1;
    w->quoted = quoted;
}

/* Byte length of the white space character at q[i], or 0 if none. */
static size_t query_space(const char *q, size_t n, size_t i)
{
    unsigned char c = (unsigned char)q[i];
    if (c < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)q + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
            cat == UTF8PROC_CATEGORY_ZP || cp == 0x85) ? (size_t)k : 0;
}

/* Split normalized q[0..n) into words and phrases.  An unbalanced quote
 * runs to the end. */
static void query_split(query_parse *p, const char *q, size_t n)
{
    size_t i = 0, sp;
    while (i < n) {
        if (q[i] == '"') {
            const char *close = memchr(q + i + 1, '"', n - i - 1);
            size_t end = close ? (size_t)(close - q) : n;
            query_add_word(p, q + i + 1, end - i - 1, 1);
            i = close ? end + 1 : n;
        } else if ((sp = query_space(q, n, i)) > 0) {
            i += sp;
        } else {
            size_t j = i;
            while (j < n && q[j] != '"' && query_space(q, n, j) == 0) j++;
            query_add_word(p, q + i, j - i, 0);
            i = j;
        }
    }
    /* Alias matches may span a run of bare words, not a phrase. */
    for (size_t w = p->nword; w-- > 1;)
        if (!p->word[w].quoted && !p->word[w - 1].quoted)
            p->word[w - 1].run_end = p->word[w].run_end;
}

/* Append s[0..n) inside an FTS5 string, doubling any '"'. */
static void query_add_string_body(buf *out, const char *s, size_t n)
{
    for (const char *q; n > 0 && (q = memchr(s, '"', n)) != NULL;) {
        buf_add(out, s, (size_t)(q - s) + 1);
        buf_addc(out, '"');
        n -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    buf_add(out, s, n);
}

static void query_add_phrase(buf *out, const query_parse *p, size_t t0,
                             size_t t1)
{
    buf_addc(out, '"');
    for (size_t t = t0; t < t1; t++) {
        if (t > t0) buf_addc(out, ' ');
        query_add_string_body(out, p->tok[t], p->len[t]);
    }
    buf_addc(out, '"');
}

/* The longest alias match at word w that ends on a word boundary: the
 * number of words it spans (0 if none) and its group. */
static size_t query_alias_at(const query_parse *p, size_t w,
                             const alias_set *a, size_t *group)
{
    size_t t0 = p->word[w].t0, lim = p->word[w].run_end - t0;
    while (lim > 0) {
        size_t m = alias_match(a, p->tok + t0, p->len + t0, lim, group);
        if (m == 0) return 0;
        size_t j = w;
        while (p->word[j].t1 < t0 + m) j++;
        if (p->word[j].t1 == t0 + m) return j - w + 1;
        lim = p->word[j].t0 - t0;  /* ends inside word j: stop before it */
    }
    return 0;
}

/* The terms written so far, to drop a repeat: FTS5 would rank and
 * highlight each copy against every other (see query.h), and a repeated
 * term asks nothing more. */
typedef struct query_out {
    buf *out;
    strmap *seen;     /* a phrase's text, or "\x01" and a group's number */
    buf key, term;
    size_t nterms;    /* phrases written, each name of a group counted */
    int prev_group;
} query_out;

/* The names of alias group g (nv of them): one FTS5 string, or an OR
 * of them in parentheses. */
static void query_add_group(buf *out, const alias_set *aliases, size_t g, size_t nv)
{
    if (nv > 1) buf_addc(out, '(');
    for (size_t v = 0; v < nv; v++) {
        const char *form = alias_variant(aliases, g, v);
        if (v > 0) buf_adds(out, " OR ");
        buf_addc(out, '"');
        query_add_string_body(out, form, strlen(form));
        buf_addc(out, '"');
    }
    if (nv > 1) buf_addc(out, ')');
}

/* Append the term at word w (a phrase, or the alias group g of nv names
 * when nv > 0) unless it was written before.  KB_ERR past the limit. */
static int query_emit(query_out *o, const query_parse *p, size_t w,
                      const alias_set *aliases, size_t g, size_t nv, char **err)
{
    int group = nv > 1;
    buf_reset(&o->term);
    buf_reset(&o->key);
    if (group) {
        buf_printf(&o->key, "\x01%zu", g);   /* not its text: that can be long */
    } else {
        if (nv == 1) query_add_group(&o->term, aliases, g, nv);
        else query_add_phrase(&o->term, p, p->word[w].t0, p->word[w].t1);
        buf_add(&o->key, o->term.data, o->term.len);
    }
    if (!strmap_add(o->seen, o->key.data, o->key.len, 0, NULL)) return KB_OK;
    o->nterms += group ? nv : 1;
    if (o->nterms > QUERY_MAX_TERMS)
        return kb_seterr(err, "query has too many terms: more than %d different words and phrases "
                              "(each name of an alias counts)", QUERY_MAX_TERMS);
    if (group) query_add_group(&o->term, aliases, g, nv);
    if (strmap_count(o->seen) > 1) buf_adds(o->out, group || o->prev_group ? " AND " : " ");
    o->prev_group = group;
    buf_add(o->out, o->term.data, o->term.len);
    return KB_OK;
}

/* Is q[0..len) within QUERY_MAX_BYTES?  Checked before anything else
 * reads it. */
static int query_check_size(size_t len, char **err)
{
    if (len <= QUERY_MAX_BYTES) return KB_OK;
    return kb_seterr(err, "query is too long: %zu bytes (at most %d)", len, QUERY_MAX_BYTES);
}

int query_translate(const char *q, size_t len, const alias_set *aliases,
                    buf *out, char **err)
{
    if (query_check_size(len, err)) return KB_ERR;
    if (!norm_valid_utf8(q, len, NULL))
        return kb_seterr(err, "query is not valid UTF-8");
    buf nq = BUF_INIT;
    query_parse p = {NULL, NULL, 0, 0, NULL, 0, 0};
    query_out o = {out, strmap_new(), BUF_INIT, BUF_INIT, 0, 0};
    size_t out_len = out->len;
    int rc = norm_text(q, len, &nq, NULL, err);
    if (rc != KB_OK) goto done;
    query_split(&p, buf_cstr(&nq), nq.len);
    if (p.nword == 0) {
        rc = kb_seterr(err, "query has no words to search for");
        goto done;
    }
    for (size_t w = 0; w < p.nword && rc == KB_OK;) {
        size_t g = 0, span = 0, nv = 0;
        if (aliases && !p.word[w].quoted) {
            span = query_alias_at(&p, w, aliases, &g);
            if (span) nv = alias_variant_count(aliases, g);
            if (nv == 0) span = 0;
        }
        rc = query_emit(&o, &p, w, aliases, g, nv, err);
        w += span ? span : 1;
    }
    if (rc != KB_OK) buf_truncate(out, out_len);
done:
    strmap_free(o.seen);
    buf_free(&o.key);
    buf_free(&o.term);
    buf_free(&nq);
    free(p.tok);
    free(p.len);
    free(p.word);
    return rc;
}

static int query_count_word(void *ctx, const char *t, size_t n, size_t off)
{
    size_t *count = ctx;
    return ++*count > QUERY_MAX_FTS_TERMS;
}

int query_check_raw(const char *q, size_t len, char **err)
{
    if (query_check_size(len, err)) return KB_ERR;
    if (!norm_valid_utf8(q, len, NULL))
        return kb_seterr(err, "query is not valid UTF-8");
    if (len == 0) return kb_seterr(err, "query has no words to search for");
    size_t count = 0;
    if (norm_tokens(q, len, query_count_word, &count))
        return kb_seterr(err, "FTS5 query has too many terms: more than %d words", QUERY_MAX_FTS_TERMS);
    return KB_OK;
}
