/*
 * words.c - loading the function words (schema/words.tsv) and asking
 * whether tokens are one of a role's terms; see words.h.
 *
 * A role's terms are few (one to twenty), so they are kept as a plain
 * list per role and compared length first: cheaper than a hash for the
 * handful of comparisons each question costs.
 */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "norm.h"
#include "util.h"

/* Role names as the file writes them, in words_role order. */
static const char *const words_role_names[WR_COUNT] = {
    "than", "base_after_comparative", "compared_to", "unlike", "equative", "one_sided", "comparison_lead",
    "cmp_marker", "compared", "versus", "between",
    "negated_action", "neither", "neither_of", "negated_copula", "copula_not_negating", "affix_negator",
    "size_negator",
    "date_since", "adopters", "adopters_named", "majority", "minority", "adopt", "instead", "favour_verb", "favour_noun",
    "favour_in", "favour_of", "size_more", "size_less", "both", "and", "task_prep",
    "clause_contrast", "contrast_runs_on", "pronoun", "pronoun_plural", "subject_pronoun", "opening_pronoun",
    "all",
    "copula", "copula_negated", "copula_adverb", "kind_not", "copula_as", "np_degree", "determiner", "kind_contrast", "kind_rather", "subject_join",
    "copula_pronoun", "copula_pronoun_plural", "base_marker", "recommend_for",
    "participle_ending", "statement_ending", "gerund_ending",
    "possessive", "of", "cause", "origin_participle", "origin_noun", "age_span", "age_relation", "lineage",
    "relative", "means", "depend", "depend_on", "purpose", "purpose_adverb", "purpose_stop",
    "level_high", "level_low", "need", "person", "relative_head", "relative_copula", "need_situation", "needer", "needer_owner",
    "level_mid", "intensifier", "do_verb", "adverb_ending", "making", "difficulty", "becoming", "wanting",
    "turn", "only", "having", "size_up", "size_down", "hostile", "situation", "condition", "condition_lead", "concession", "desire", "recommend", "unready", "possess_verb", "substitute", "substitute_prep",
    "auxiliary", "elided_lead", "elided_tail", "need_less", "task_verb", "former", "former_not", "alike", "difference", "solver", "count_of", "ref_first", "ref_last",
    "event_gap", "event_passive", "event_owner", "amount_less", "lacking", "elided_like",
    "instance", "instance_not", "goal", "attribute_lead", "multiplier", "none", "amount_more", "as_kind", "kind_nor",
    "degree", "degree_not", "causing", "amount_less_than", "approximate", "consume", "resource", "resource_end"};

typedef struct words_tok {
    size_t off, n;   /* in w->text */
    int prefix;      /* written "word*" */
} words_tok;

typedef struct words_term {
    int role;
    size_t first, ntok;   /* w->toks[first .. first + ntok) */
    size_t raw;           /* the term as written, NUL-terminated in w->text */
    size_t rawlen;
} words_term;

struct words_lex {
    words_term *terms;    /* grouped by role, each group in file order */
    size_t nterms;
    size_t at[WR_COUNT + 1];   /* role r: terms[at[r] .. at[r + 1]) */
    words_tok *toks;
    size_t ntoks;
    buf text;
};

static int words_add_tok(void *ctx, const char *s, size_t n, size_t off)
{
    (void)off;
    words_lex *w = ctx;
    w->toks = kb_realloc(w->toks, (w->ntoks + 1) * sizeof *w->toks);
    w->toks[w->ntoks].off = w->text.len;
    w->toks[w->ntoks].n = n;
    w->toks[w->ntoks].prefix = 0;
    w->ntoks++;
    buf_add(&w->text, s, n);
    return 0;
}

/* Add the tokens of one word as written ("don't", "evolv*"). */
static int words_add_word(words_lex *w, const char *s, size_t n, size_t lineno, char **err)
{
    int prefix = n && s[n - 1] == '*';
    if (prefix) n--;
    buf nb = BUF_INIT;
    if (norm_text(s, n, &nb, NULL, NULL) != KB_OK) {
        buf_free(&nb);
        return kb_seterr(err, "words line %zu: invalid UTF-8", lineno);
    }
    size_t before = w->ntoks;
    norm_tokens(buf_cstr(&nb), nb.len, words_add_tok, w);
    buf_free(&nb);
    if (prefix && w->ntoks > before) w->toks[w->ntoks - 1].prefix = 1;
    return KB_OK;
}

/* Add one term of role r: its words, and the term as written. */
static int words_add_term(words_lex *w, int r, const char *s, size_t n, size_t lineno, char **err)
{
    size_t first = w->ntoks;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        size_t e = i;
        while (e < n && s[e] != ' ') e++;
        if (e > i && words_add_word(w, s + i, e - i, lineno, err)) return KB_ERR;
        i = e;
    }
    if (w->ntoks == first)
        return kb_seterr(err, "words line %zu: term '%.*s' has no letters or digits", lineno, (int)n, s);
    w->terms = kb_realloc(w->terms, (w->nterms + 1) * sizeof *w->terms);
    words_term *t = &w->terms[w->nterms++];
    t->role = r;
    t->first = first;
    t->ntok = w->ntoks - first;
    t->raw = w->text.len;
    t->rawlen = n;
    buf_add(&w->text, s, n);
    buf_addc(&w->text, '\0');
    return KB_OK;
}

/* One line that is not blank or a comment: ROLE<TAB>TERMS. */
static int words_line(words_lex *w, const char *line, size_t ll, size_t lineno, char **err)
{
    const char *tab = memchr(line, '\t', ll);
    if (!tab) return kb_seterr(err, "words line %zu: expected ROLE<TAB>TERMS", lineno);
    size_t rl = (size_t)(tab - line);
    const char *role = kb_trim(line, &rl);
    int r = -1;
    for (int k = 0; k < WR_COUNT && r < 0; k++)
        if (kb_ascii_ieq(role, rl, words_role_names[k])) r = k;
    if (r < 0) return kb_seterr(err, "words line %zu: unknown role '%.*s'", lineno, (int)rl, role);
    const char *q = tab + 1, *qe = line + ll;
    while (q < qe) {
        const char *comma = memchr(q, ',', (size_t)(qe - q));
        const char *te = comma ? comma : qe;
        size_t n = (size_t)(te - q);
        const char *term = kb_trim(q, &n);
        if (words_add_term(w, r, term, n, lineno, err)) return KB_ERR;
        q = comma ? comma + 1 : qe;
    }
    return KB_OK;
}

/* Group the terms by role, each group in file order (a stable counting
 * sort), and refuse a role with none. */
static int words_group(words_lex *w, char **err)
{
    memset(w->at, 0, sizeof w->at);
    for (size_t i = 0; i < w->nterms; i++) w->at[w->terms[i].role + 1]++;
    for (int r = 0; r < WR_COUNT; r++) {
        if (!w->at[r + 1]) return kb_seterr(err, "words: role '%s' has no terms", words_role_names[r]);
        w->at[r + 1] += w->at[r];
    }
    size_t fill[WR_COUNT];
    memcpy(fill, w->at, sizeof fill);
    words_term *sorted = kb_calloc(w->nterms, sizeof *sorted);
    for (size_t i = 0; i < w->nterms; i++) sorted[fill[w->terms[i].role]++] = w->terms[i];
    free(w->terms);
    w->terms = sorted;
    return KB_OK;
}

int words_load(const char *tsv, size_t len, words_lex **out, char **err)
{
    *out = NULL;
    if (!tsv) {
        tsv = embed_words;
        len = strlen(embed_words);
    }
    words_lex *w = kb_calloc(1, sizeof *w);
    size_t lineno = 0, ll;
    const char *p = tsv + kb_bom_len(tsv, len), *end = tsv + len, *line;
    while (kb_next_line(&p, end, &line, &ll)) {
        lineno++;
        if (!kb_line_skip(line, ll) && words_line(w, line, ll, lineno, err)) goto fail;
    }
    if (words_group(w, err)) goto fail;
    *out = w;
    return KB_OK;
fail:
    words_free(w);
    return KB_ERR;
}

void words_free(words_lex *w)
{
    if (!w) return;
    free(w->terms);
    free(w->toks);
    buf_free(&w->text);
    free(w);
}

static int words_tok_eq(const words_lex *w, const words_tok *wt, const tax_tok *t)
{
    if (wt->prefix ? t->n < wt->n : t->n != wt->n) return 0;
    return memcmp(t->s, w->text.data + wt->off, wt->n) == 0;
}

/* Does term tm match the tokens from toks[k] on? */
static int words_term_at(const words_lex *w, const words_term *tm, const tax_tok *toks, size_t k)
{
    for (size_t i = 0; i < tm->ntok; i++)
        if (!words_tok_eq(w, &w->toks[tm->first + i], &toks[k + i])) return 0;
    return 1;
}

int words_is(const words_lex *w, words_role r, const tax_tok *t)
{
    for (size_t i = w->at[r]; i < w->at[r + 1]; i++)
        if (w->terms[i].ntok == 1 && words_tok_eq(w, &w->toks[w->terms[i].first], t)) return 1;
    return 0;
}

size_t words_at(const words_lex *w, words_role r, const tax_tok *toks, size_t end, size_t k)
{
    for (size_t i = w->at[r]; i < w->at[r + 1]; i++) {
        const words_term *tm = &w->terms[i];
        if (k < end && tm->ntok <= end - k && words_term_at(w, tm, toks, k)) return tm->ntok;
    }
    return 0;
}

int words_ends(const words_lex *w, words_role r, const tax_tok *toks, size_t from, size_t k)
{
    for (size_t i = w->at[r]; i < w->at[r + 1]; i++) {
        const words_term *tm = &w->terms[i];
        if (tm->ntok <= k && k - tm->ntok >= from && words_term_at(w, tm, toks, k - tm->ntok)) return 1;
    }
    return 0;
}

int words_opens(const words_lex *w, words_role r, const char *text, size_t len)
{
    for (size_t i = w->at[r]; i < w->at[r + 1]; i++) {
        const words_term *tm = &w->terms[i];
        if (len > tm->rawlen + 1 && kb_ascii_ieq(text, tm->rawlen, w->text.data + tm->raw) &&
            text[tm->rawlen] == ' ')
            return 1;
    }
    return 0;
}

int words_has_ending(const words_lex *w, words_role r, const tax_tok *t)
{
    for (size_t i = w->at[r]; i < w->at[r + 1]; i++) {
        if (w->terms[i].ntok != 1) continue;
        const words_tok *e = &w->toks[w->terms[i].first];
        if (t->n > e->n && memcmp(t->s + t->n - e->n, w->text.data + e->off, e->n) == 0) return 1;
    }
    return 0;
}

int words_object_relative(const words_lex *w, const tax_tok *toks, size_t from, size_t k)
{
    if (k <= from) return 0;
    size_t p = k - 1;
    if (p > from && words_is(w, WR_RELATIVE_COPULA, &toks[p])) p--;
    if (!words_is(w, WR_PERSON, &toks[p]) || p <= from || tax_tok_punct_before(toks, p, ",")) return 0;
    const tax_tok *q = &toks[p - 1];
    if (words_is(w, WR_RELATIVE, q) || words_is(w, WR_RELATIVE_HEAD, q)) return 1;
    /* a noun phrase: a determiner within three words before the
     * pronoun, no comma between ("the tools they need") */
    for (size_t j = p - 1, n = 0; n < 3; j--, n++) {
        if (tax_tok_punct_before(toks, j + 1, ",")) return 0;
        if (j < p - 1 && words_is(w, WR_DETERMINER, &toks[j])) return 1;
        if (j == from) break;
    }
    return 0;
}

int words_is_base(const words_lex *w, const tax_tok *toks, size_t t)
{
    for (size_t k = t > 3 ? t - 3 : 0; k < t; k++)
        if (words_is(w, WR_BASE_MARKER, &toks[k]) || words_is(w, WR_CMP_MARKER, &toks[k]) ||
            k + words_at(w, WR_COMPARED_TO, toks, t, k) == t)
            return 1;
    /* "an alternative to Y" */
    return t >= 2 && words_is(w, WR_SUBSTITUTE, &toks[t - 2]) && words_is(w, WR_SUBSTITUTE_PREP, &toks[t - 1]);
}
