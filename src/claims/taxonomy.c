/*
 * taxonomy.c - loading the taxonomy TSV and finding its terms in text.
 *
 * Every term is stored as a sequence of normalized tokens.  Lookup is by
 * the first token through a small open-addressing hash table, so
 * matching costs a hash probe per token of text whatever the taxonomy's
 * size; terms whose first token is a prefix ("scal*") are grouped by
 * their first byte, so a token meets only those that start like it.
 */
#include "taxonomy.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "norm.h"
#include "qty.h"
#include "util.h"

typedef struct tax_term {
    tax_kind kind;
    int index;
    size_t first;   /* index into t->toks of its first token */
    size_t ntok;
    int prefix;     /* the last token matches as a prefix */
    int weak;       /* written "~term" */
    int cased;      /* a name of one or two letters written with a capital
                     * ("Go", "R"): only a capitalized word is it ("go"
                     * is a verb) */
    size_t next;    /* next term with the same first-token hash slot, or -1 */
} tax_term;

typedef struct tax_name {
    char *name;
    int shape;      /* measures: qty_kind or 0 */
    size_t nterms;  /* measures: terms naming it (tax_measure_terms) */
    size_t line;    /* where it was declared */
} tax_name;

struct taxonomy {
    tax_name *names[3];     /* subjects, dimensions, measures */
    size_t nnames[3], capnames[3];
    tax_term *terms;
    size_t nterms, capterms;
    char **toks;            /* token strings, all terms' tokens in order */
    size_t *toklen;
    size_t ntoks, captoks;
    size_t *slots;          /* hash table over first tokens: term index + 1 */
    size_t nslots;
    size_t *prefix_terms;   /* terms whose only token is a prefix, by first byte */
    size_t nprefix;
    size_t prefix_at[257];  /* those starting with byte b: [prefix_at[b], prefix_at[b + 1]) */
};

enum { TN_SUBJECT, TN_DIMENSION, TN_MEASURE };

static size_t tax_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int tax_name_index(taxonomy *t, int which, const char *name, size_t len, int create, size_t lineno)
{
    for (size_t i = 0; i < t->nnames[which]; i++)
        if (strlen(t->names[which][i].name) == len && memcmp(t->names[which][i].name, name, len) == 0)
            return (int)i;
    if (!create) return -1;
    if (t->nnames[which] == t->capnames[which]) {
        t->capnames[which] = t->capnames[which] ? t->capnames[which] * 2 : 16;
        t->names[which] = kb_realloc(t->names[which], t->capnames[which] * sizeof(tax_name));
    }
    tax_name *nm = &t->names[which][t->nnames[which]];
    nm->name = kb_strndup(name, len);
    nm->shape = 0;
    nm->nterms = 0;
    nm->line = lineno;
    return (int)t->nnames[which]++;
}

typedef struct tax_collect {
    taxonomy *t;
} tax_collect;

static int tax_add_tok(void *ctx, const char *tok, size_t n, size_t off)
{
    (void)off;
    taxonomy *t = ((tax_collect *)ctx)->t;
    if (t->ntoks == t->captoks) {
        t->captoks = t->captoks ? t->captoks * 2 : 256;
        t->toks = kb_realloc(t->toks, t->captoks * sizeof *t->toks);
        t->toklen = kb_realloc(t->toklen, t->captoks * sizeof *t->toklen);
    }
    t->toks[t->ntoks] = kb_strndup(tok, n);
    t->toklen[t->ntoks] = n;
    t->ntoks++;
    return 0;
}

/* Add one term (raw text from the file) for kind/index. */
static int tax_add_term(taxonomy *t, tax_kind kind, int index, const char *raw, size_t len,
                        size_t lineno, char **err)
{
    raw = kb_trim(raw, &len);
    int weak = len && raw[0] == '~';
    if (weak) {
        raw++;
        len--;
        raw = kb_trim(raw, &len);
    }
    if (!len) return KB_OK;
    int prefix = raw[len - 1] == '*';
    if (prefix) len--;
    buf nb = BUF_INIT;
    if (norm_text(raw, len, &nb, NULL, err)) {
        buf_free(&nb);
        return KB_ERR;
    }
    size_t first = t->ntoks;
    tax_collect c = {t};
    norm_tokens(buf_cstr(&nb), nb.len, tax_add_tok, &c);
    buf_free(&nb);
    if (t->ntoks == first)
        return kb_seterr(err, "line %zu: term '%.*s' has no letters or digits", lineno, (int)len, raw);
    if (t->nterms == t->capterms) {
        t->capterms = t->capterms ? t->capterms * 2 : 128;
        t->terms = kb_realloc(t->terms, t->capterms * sizeof *t->terms);
    }
    tax_term *tm = &t->terms[t->nterms++];
    tm->kind = kind;
    tm->index = index;
    tm->first = first;
    tm->ntok = t->ntoks - first;
    tm->prefix = prefix;
    tm->weak = weak;
    tm->cased = (kind == TAX_SUBJECT || kind == TAX_PART) && !prefix && tm->ntok == 1 && len <= 2 &&
                raw[0] >= 'A' && raw[0] <= 'Z';
    tm->next = (size_t)-1;
    return KB_OK;
}

static void tax_index(taxonomy *t)
{
    t->nslots = 64;
    while (t->nslots < t->nterms * 2) t->nslots *= 2;
    t->slots = kb_calloc(t->nslots, sizeof *t->slots);
    size_t *prefix = kb_calloc(t->nterms + 1, sizeof *prefix);
    /* insert in reverse so chains keep file order */
    for (size_t k = t->nterms; k-- > 0;) {
        tax_term *tm = &t->terms[k];
        if (tm->kind == TAX_MEASURE) t->names[TN_MEASURE][tm->index].nterms++;
        if (tm->prefix && tm->ntok == 1) {
            prefix[t->nprefix++] = k;
            continue;
        }
        size_t h = tax_hash(t->toks[tm->first], t->toklen[tm->first]) & (t->nslots - 1);
        tm->next = t->slots[h] ? t->slots[h] - 1 : (size_t)-1;
        t->slots[h] = k + 1;
    }
    /* Group the prefix terms by first byte, each group in the order
     * above (a stable counting sort): tax_match tries a token against
     * its own group only, in the order it used to try them all. */
    memset(t->prefix_at, 0, sizeof t->prefix_at);
    for (size_t p = 0; p < t->nprefix; p++)
        t->prefix_at[(unsigned char)t->toks[t->terms[prefix[p]].first][0] + 1]++;
    for (size_t b = 0; b < 256; b++) t->prefix_at[b + 1] += t->prefix_at[b];
    size_t fill[256];
    memcpy(fill, t->prefix_at, sizeof fill);
    t->prefix_terms = kb_calloc(t->nprefix + 1, sizeof *t->prefix_terms);
    for (size_t p = 0; p < t->nprefix; p++)
        t->prefix_terms[fill[(unsigned char)t->toks[t->terms[prefix[p]].first][0]]++] = prefix[p];
    free(prefix);
}

static const struct {
    const char *kw;
    tax_kind kind;
} tax_kinds[] = {
    {"subject", TAX_SUBJECT}, {"part", TAX_PART}, {"dimension", TAX_DIMENSION},
    {"heading", TAX_HEADING}, {"measure", TAX_MEASURE},
};

/* A line's three columns: KIND<TAB>NAME<TAB>TERMS, each trimmed. */
typedef struct tax_cols {
    const char *kind, *name, *terms;
    size_t kl, nl, tl;
} tax_cols;

/* Split line[0..ll) into its columns.  A fourth column is refused: all
 * kinds take three, and a tab inside the terms is a comma forgotten
 * (the words around it would be one term); white space alone after the
 * terms (a trailing tab) is let pass. */
static int tax_columns(const char *line, size_t ll, size_t lineno, tax_cols *c, char **err)
{
    const char *end = line + ll;
    const char *t1 = memchr(line, '\t', ll);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(end - t1 - 1)) : NULL;
    if (!t1 || !t2) return kb_seterr(err, "line %zu: expected KIND<TAB>NAME<TAB>TERMS", lineno);
    const char *t3 = memchr(t2 + 1, '\t', (size_t)(end - t2 - 1));
    if (t3) {
        size_t rl = (size_t)(end - t3);
        const char *rest = kb_trim(t3, &rl);
        if (rl)
            return kb_seterr(err, "line %zu: a fourth column ('%.*s'): terms are separated by commas, not tabs",
                             lineno, rl > 40 ? 40 : (int)rl, rest);
        end = t3;
    }
    c->kl = (size_t)(t1 - line);
    c->kind = kb_trim(line, &c->kl);
    c->nl = (size_t)(t2 - t1 - 1);
    c->name = kb_trim(t1 + 1, &c->nl);
    c->tl = (size_t)(end - t2 - 1);
    c->terms = kb_trim(t2 + 1, &c->tl);
    return KB_OK;
}

/* Add the comma-separated terms of a line for kind/idx; a measure's
 * "@shape" sets its shape instead. */
static int tax_add_terms(taxonomy *t, tax_kind kind, int idx, const tax_cols *c, size_t lineno, char **err)
{
    const char *q = c->terms, *qe = c->terms + c->tl;
    while (q < qe) {
        const char *comma = memchr(q, ',', (size_t)(qe - q));
        const char *te = comma ? comma : qe;
        size_t n = (size_t)(te - q);
        const char *term = kb_trim(q, &n);
        if (kind == TAX_MEASURE && n && term[0] == '@') {
            static const struct { const char *w; int k; } shapes[] = {
                {"@percent", QTY_PERCENT}, {"@year", QTY_YEAR},
                {"@version", QTY_VERSION}, {"@duration", QTY_DURATION}};
            int found = 0;
            for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++)
                if (kb_ascii_ieq(term, n, shapes[s].w)) {
                    t->names[TN_MEASURE][idx].shape = shapes[s].k;
                    found = 1;
                }
            if (!found)
                return kb_seterr(err, "line %zu: unknown shape '%.*s' (@percent, @year, @version, @duration)",
                                 lineno, (int)n, term);
        } else if (tax_add_term(t, kind, idx, term, n, lineno, err)) {
            return KB_ERR;
        }
        q = comma ? comma + 1 : qe;
    }
    return KB_OK;
}

/* One line that is not blank or a comment. */
static int tax_line(taxonomy *t, const char *line, size_t ll, size_t lineno, char **err)
{
    tax_cols c;
    if (tax_columns(line, ll, lineno, &c, err)) return KB_ERR;
    int kind = -1;
    for (size_t k = 0; k < sizeof tax_kinds / sizeof *tax_kinds; k++)
        if (kb_ascii_ieq(c.kind, c.kl, tax_kinds[k].kw)) kind = (int)tax_kinds[k].kind;
    if (kind < 0)
        return kb_seterr(err, "line %zu: unknown kind '%.*s' (subject, part, dimension, heading, measure)",
                         lineno, (int)c.kl, c.kind);
    if (!c.nl) return kb_seterr(err, "line %zu: no name", lineno);
    /* A subject declared twice would be two subjects sharing aliases
     * (which one a mention names then depends on file order), or one
     * whose aliases are spread over the file: refused either way.  Case
     * does not tell subjects apart: "node.js" is "Node.js". */
    if (kind == TAX_SUBJECT)
        for (size_t i = 0; i < t->nnames[TN_SUBJECT]; i++)
            if (kb_ascii_ieq(c.name, c.nl, t->names[TN_SUBJECT][i].name))
                return kb_seterr(err, "line %zu: subject '%.*s' is already declared on line %zu", lineno,
                                 (int)c.nl, c.name, t->names[TN_SUBJECT][i].line);
    int which = kind == TAX_SUBJECT || kind == TAX_PART ? TN_SUBJECT
                : kind == TAX_MEASURE                  ? TN_MEASURE
                                                       : TN_DIMENSION;
    int create = kind == TAX_SUBJECT || kind == TAX_DIMENSION || kind == TAX_MEASURE;
    int idx = tax_name_index(t, which, c.name, c.nl, create, lineno);
    if (idx < 0)
        return kb_seterr(err, "line %zu: '%.*s' is not a %s defined above", lineno, (int)c.nl, c.name,
                         which == TN_SUBJECT ? "subject" : "dimension");
    /* the subject's own name is always one of its aliases */
    if (kind == TAX_SUBJECT && tax_add_term(t, TAX_SUBJECT, idx, c.name, c.nl, lineno, err)) return KB_ERR;
    return tax_add_terms(t, (tax_kind)kind, idx, &c, lineno, err);
}

int tax_load(const char *tsv, size_t len, taxonomy **out, char **err)
{
    *out = NULL;
    taxonomy *t = kb_calloc(1, sizeof *t);
    size_t bad;
    if (!norm_valid_utf8(tsv, len, &bad)) {
        kb_seterr(err, "invalid UTF-8 at byte %zu", bad);
        goto fail;
    }
    size_t lineno = 0, ll;
    const char *p = tsv + kb_bom_len(tsv, len), *end = tsv + len, *line;
    while (kb_next_line(&p, end, &line, &ll)) {
        lineno++;
        if (!kb_line_skip(line, ll) && tax_line(t, line, ll, lineno, err)) goto fail;
    }
    if (!t->nnames[TN_SUBJECT]) {
        kb_seterr(err, "no subject defined");
        goto fail;
    }
    tax_index(t);
    *out = t;
    return KB_OK;
fail:
    tax_free(t);
    return KB_ERR;
}

void tax_free(taxonomy *t)
{
    if (!t) return;
    for (int w = 0; w < 3; w++) {
        for (size_t i = 0; i < t->nnames[w]; i++) free(t->names[w][i].name);
        free(t->names[w]);
    }
    for (size_t i = 0; i < t->ntoks; i++) free(t->toks[i]);
    free(t->toks);
    free(t->toklen);
    free(t->terms);
    free(t->slots);
    free(t->prefix_terms);
    free(t);
}

size_t tax_subjects(const taxonomy *t) { return t->nnames[TN_SUBJECT]; }
size_t tax_dimensions(const taxonomy *t) { return t->nnames[TN_DIMENSION]; }
size_t tax_measures(const taxonomy *t) { return t->nnames[TN_MEASURE]; }
const char *tax_subject(const taxonomy *t, size_t i)
{
    return i < t->nnames[TN_SUBJECT] ? t->names[TN_SUBJECT][i].name : NULL;
}
const char *tax_dimension(const taxonomy *t, size_t i)
{
    return i < t->nnames[TN_DIMENSION] ? t->names[TN_DIMENSION][i].name : NULL;
}
const char *tax_measure(const taxonomy *t, size_t i)
{
    return i < t->nnames[TN_MEASURE] ? t->names[TN_MEASURE][i].name : NULL;
}
int tax_measure_shape(const taxonomy *t, size_t i)
{
    return i < t->nnames[TN_MEASURE] ? t->names[TN_MEASURE][i].shape : 0;
}

size_t tax_measure_terms(const taxonomy *t, size_t i)
{
    return i < t->nnames[TN_MEASURE] ? t->names[TN_MEASURE][i].nterms : 0;
}

int tax_measure_for_shape(const taxonomy *t, int k)
{
    for (size_t i = 0; i < t->nnames[TN_MEASURE]; i++)
        if (t->names[TN_MEASURE][i].shape == k) return (int)i;
    return -1;
}

int tax_measure_per(const taxonomy *t, const char *time, int (*refuse)(const char *w, size_t n))
{
    int found = -1;
    size_t tl = time ? strlen(time) : 0;
    for (size_t i = 0; tl && i < t->nterms; i++) {
        const tax_term *tm = &t->terms[i];
        if (tm->kind != TAX_MEASURE || tm->ntok < 3 || tm->index == found) continue;
        size_t last = tm->first + tm->ntok - 1, ll = t->toklen[last];
        if (t->toklen[last - 1] != 3 || strncasecmp(t->toks[last - 1], "per", 3) ||
            (ll != tl && ll != tl + 1) || strncasecmp(t->toks[last], time, tl))
            continue;
        int refused = 0;
        for (size_t k = tm->first; k + 1 < last && !refused; k++) refused = refuse && refuse(t->toks[k], t->toklen[k]);
        if (refused) continue;
        if (found >= 0) return -1;  /* several: which one is unsaid */
        found = tm->index;
    }
    return found;
}

/* Does w[0..m) take "es" for its plural: a word ending in s, x, z, o,
 * ch or sh ("matches", "processes", "boxes")?  Not "suit": "suites" is
 * another word. */
static int tax_plural_es(const char *w, size_t m)
{
    char last = m ? w[m - 1] : 0;
    return last == 's' || last == 'x' || last == 'z' || last == 'o' ||
           (last == 'h' && m >= 2 && (w[m - 2] == 'c' || w[m - 2] == 's'));
}

/* Does text token (s, n) match term token i?  Equal, a plural of it, or
 * (for a prefix term's last token) anything starting with it. */
static int tax_tok_eq(const taxonomy *t, size_t i, const char *s, size_t n, int prefix)
{
    size_t m = t->toklen[i];
    const char *w = t->toks[i];
    if (prefix) return n >= m && memcmp(s, w, m) == 0;
    if (n == m) return memcmp(s, w, m) == 0;
    if (n == m + 1 && s[m] == 's') return memcmp(s, w, m) == 0;
    if (n == m + 2 && s[m] == 'e' && s[m + 1] == 's') return tax_plural_es(w, m) && memcmp(s, w, m) == 0;
    return 0;
}

static size_t tax_term_len(const taxonomy *t, const tax_term *tm, const tax_tok *toks, size_t n, size_t at)
{
    if (at + tm->ntok > n) return 0;
    for (size_t k = 0; k < tm->ntok; k++) {
        int pre = tm->prefix && k + 1 == tm->ntok;
        /* plural tolerance only on the last token */
        if (k + 1 < tm->ntok && !pre) {
            if (toks[at + k].n != t->toklen[tm->first + k] ||
                memcmp(toks[at + k].s, t->toks[tm->first + k], toks[at + k].n) != 0)
                return 0;
        } else if (!tax_tok_eq(t, tm->first + k, toks[at + k].s, toks[at + k].n, pre)) {
            return 0;
        }
    }
    return tm->ntok;
}

size_t tax_match(const taxonomy *t, unsigned mask, const tax_tok *toks, size_t n, tax_hit *out,
                 size_t max)
{
    size_t found = 0;
    size_t resume[TAX_KIND_COUNT] = {0};
    for (size_t at = 0; at < n; at++) {
        /* the best (longest, then first in file) term of each kind here */
        size_t best_len[TAX_KIND_COUNT] = {0};
        int best_idx[TAX_KIND_COUNT], best_weak[TAX_KIND_COUNT], any = 0;
        /* a plural text token ("packages") must find the term
         * "package": probe the token and its singular forms.  FNV is
         * computed byte by byte, so the hashes of the token less "es"
         * and less "s" are met on the way to the whole token's. */
        const char *ts = toks[at].s;
        size_t tn = toks[at].n;
        size_t hs[3] = {0, 0, 0}, h = 1469598103934665603ull, i = 0;
        for (; i + 2 < tn; i++) h = (h ^ (unsigned char)ts[i]) * 1099511628211ull;
        if (tn >= 2) hs[2] = h, h = (h ^ (unsigned char)ts[i++]) * 1099511628211ull;
        if (tn >= 1) hs[1] = h, h = (h ^ (unsigned char)ts[i++]) * 1099511628211ull;
        hs[0] = h;
        for (int strip = 0; strip <= 2; strip++) {
            if (strip == 1 && !(tn > 1 && ts[tn - 1] == 's')) continue;
            if (strip == 2 && !(tn > 2 && ts[tn - 1] == 's' && ts[tn - 2] == 'e')) continue;
            size_t slot = hs[strip] & (t->nslots - 1);
            for (size_t k = t->slots[slot] ? t->slots[slot] - 1 : (size_t)-1; k != (size_t)-1;
                 k = t->terms[k].next) {
                const tax_term *tm = &t->terms[k];
                if (!(mask & TAX_MASK(tm->kind)) || at < resume[tm->kind] || (tm->cased && toks[at].lower)) continue;
                size_t len = tax_term_len(t, tm, toks, n, at);
                if (len > best_len[tm->kind]) {
                    best_len[tm->kind] = len;
                    best_idx[tm->kind] = tm->index;
                    best_weak[tm->kind] = tm->weak;
                    any = 1;
                }
            }
        }
        /* the prefix terms that start with the token's first byte: one
         * token each, so tax_term_len comes down to "does the token
         * start with it", asked here byte by byte past the first */
        unsigned char b0 = tn ? (unsigned char)ts[0] : 0;
        for (size_t p = tn ? t->prefix_at[b0] : 0, pe = tn ? t->prefix_at[b0 + 1] : 0; p < pe; p++) {
            const tax_term *tm = &t->terms[t->prefix_terms[p]];
            if (!(mask & TAX_MASK(tm->kind)) || at < resume[tm->kind]) continue;
            const char *w = t->toks[tm->first];
            size_t m = t->toklen[tm->first], k = 1;
            if (m > tn) continue;
            while (k < m && w[k] == ts[k]) k++;
            if (k == m && best_len[tm->kind] < 1) {
                best_len[tm->kind] = 1;
                best_idx[tm->kind] = tm->index;
                best_weak[tm->kind] = tm->weak;
                any = 1;
            }
        }
        if (!any) continue;   /* most tokens: nothing starts here */
        /* Subjects and parts name things: they compete for a span, so
         * "js" inside "Node.js" is not a second mention.  The longer
         * wins; on a tie the subject. */
        if (best_len[TAX_SUBJECT] && best_len[TAX_PART]) {
            if (best_len[TAX_PART] > best_len[TAX_SUBJECT]) best_len[TAX_SUBJECT] = 0;
            else best_len[TAX_PART] = 0;
        }
        size_t named = best_len[TAX_SUBJECT] ? best_len[TAX_SUBJECT] : best_len[TAX_PART];
        if (named) {
            if (resume[TAX_SUBJECT] < at + named) resume[TAX_SUBJECT] = at + named;
            if (resume[TAX_PART] < at + named) resume[TAX_PART] = at + named;
        }
        for (int kd = 0; kd < TAX_KIND_COUNT; kd++) {
            if (!best_len[kd]) continue;
            if (found < max) {
                out[found].kind = (tax_kind)kd;
                out[found].index = best_idx[kd];
                out[found].tok = at;
                out[found].tok_end = at + best_len[kd];
                out[found].weak = best_weak[kd];
            }
            found++;
            resume[kd] = at + best_len[kd];
        }
    }
    return found;
}

void tax_toks_mark_case(tax_tok *toks, size_t n, const char *text, size_t len, const size_t *map)
{
    for (size_t i = 0; i < n && map; i++) {
        size_t at = map[toks[i].off];
        toks[i].lower = at < len && text[at] >= 'a' && text[at] <= 'z';
    }
}

typedef struct tax_find_ctx {
    tax_tok toks[16];
    size_t n;
} tax_find_ctx;

static int tax_find_tok(void *ctx, const char *s, size_t n, size_t off)
{
    tax_find_ctx *c = ctx;
    if (c->n == 16) return 1;
    c->toks[c->n].s = s;
    c->toks[c->n].n = n;
    c->toks[c->n].off = off;
    c->toks[c->n].lower = 0;
    c->n++;
    return 0;
}

/* Match a whole name against terms of one kind. */
static int tax_find_kind(const taxonomy *t, const char *name, tax_kind kind)
{
    buf nb = BUF_INIT;
    int r = -1;
    if (norm_text(name, strlen(name), &nb, NULL, NULL) == KB_OK) {
        tax_find_ctx c;
        c.n = 0;
        norm_tokens(buf_cstr(&nb), nb.len, tax_find_tok, &c);
        tax_hit h[4];
        if (c.n && tax_match(t, TAX_MASK(kind), c.toks, c.n, h, 4) == 1 && h[0].tok == 0 &&
            h[0].tok_end == c.n)
            r = h[0].index;
    }
    buf_free(&nb);
    return r;
}

int tax_find_subject(const taxonomy *t, const char *name)
{
    for (size_t i = 0; i < t->nnames[TN_SUBJECT]; i++)
        if (strcmp(t->names[TN_SUBJECT][i].name, name) == 0) return (int)i;
    return tax_find_kind(t, name, TAX_SUBJECT);
}

int tax_find_dimension(const taxonomy *t, const char *name)
{
    for (size_t i = 0; i < t->nnames[TN_DIMENSION]; i++) {
        const char *d = t->names[TN_DIMENSION][i].name;
        if (kb_ascii_ieq(name, strlen(name), d)) return (int)i;
    }
    /* "learning-curve", "learning_curve" */
    buf b = BUF_INIT;
    for (const char *p = name; *p; p++) buf_addc(&b, *p == '-' || *p == '_' ? ' ' : *p);
    int r = -1;
    for (size_t i = 0; i < t->nnames[TN_DIMENSION] && r < 0; i++)
        if (kb_ascii_ieq(buf_cstr(&b), b.len, t->names[TN_DIMENSION][i].name)) r = (int)i;
    buf_free(&b);
    return r;
}
