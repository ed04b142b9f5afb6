/*
 * prop_lex.c - the reconcile lexicon (schema/reconcile.tsv) and the
 * table of interned aspect keys; see prop.h.
 *
 * The lexicon is matched with the taxonomy matcher, as stance.c does:
 * each line becomes a "dimension" of a small taxonomy, so phrases,
 * prefixes and plurals behave as everywhere else.  Softeners are looked
 * up only right after a negation, so they get a matcher of their own
 * (a word such as "only" is universal elsewhere).
 */
#include "prop_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "strmap.h"
#include "util.h"

static const char *const prop_class_names[PL_COUNT] = {
    "function", "hedge",  "capability", "possession", "choice", "universal", "negation", "softener", "condition", "change", "current",
    "concept",  "pole",   "kind",      "scope",    "age",      "question", "answer", "answer_no", "feature", "default",
    "sized", "partial", "icon", "icon_no", "universal_no", "immature", "matured", "attribute"};

static int prop_lex_any_tok(void *ctx, const char *s, size_t n, size_t off)
{
    (void)ctx, (void)s, (void)n, (void)off;
    return 1;
}

/* Names of the entries of one class: "threads", "execution/compiled". */
static void prop_names_add(prop_names *v, const char *s, size_t n)
{
    v->name = kb_realloc(v->name, (v->n + 1) * sizeof *v->name);
    v->name[v->n++] = kb_strndup(s, n);
}

static void prop_names_free(prop_names *v)
{
    for (size_t i = 0; i < v->n; i++) free(v->name[i]);
    free(v->name);
}

void prop_lex_free(prop_lex *l)
{
    if (!l) return;
    tax_free(l->t);
    tax_free(l->soft);
    free(l->cls);
    free(l->entry);
    prop_names_free(&l->concepts);
    prop_names_free(&l->poles);
    prop_names_free(&l->kinds);
    prop_names_free(&l->attributes);
    prop_names_free(&l->scopes);
    prop_names_free(&l->scope_shown);
    prop_names_free(&l->questions);
    prop_names_free(&l->features);
    prop_names_free(&l->sized);
    prop_names_free(&l->icons_yes);
    prop_names_free(&l->icons_no);
    free(l->feature);
    prop_names_free(&l->defaults);
    free(l->scope_default);
    free(l->scope_parent);
    prop_names_free(&l->marks_yes);
    prop_names_free(&l->marks_no);
    free(l);
}

static prop_names *prop_names_of(prop_lex *l, int cls)
{
    return cls == PL_CONCEPT ? &l->concepts
           : cls == PL_POLE  ? &l->poles
           : cls == PL_KIND  ? &l->kinds
           : cls == PL_SCOPE ? &l->scopes
           : cls == PL_ATTRIBUTE ? &l->attributes
                             : NULL;
}

/* Does term t[0..n) hold no word (no letter or digit: a check mark)? */
static int prop_lex_symbols(const char *t, size_t n)
{
    buf nb = BUF_INIT;
    int none = 0;
    if (norm_text(t, n, &nb, NULL, NULL) == KB_OK) none = !norm_tokens(buf_cstr(&nb), nb.len, prop_lex_any_tok, NULL);
    buf_free(&nb);
    return none;
}

/* Is term t[0..n) an emoji shortcode (":x:"), markup to the matcher? */
static int prop_lex_shortcode(const char *t, size_t n)
{
    return n > 2 && t[0] == ':' && t[n - 1] == ':' && !memchr(t, ' ', n);
}

/* Split an answer line's terms t..e: those of symbols alone and
 * shortcodes go to marks (the matcher reads words only), the others to
 * words. */
static void prop_lex_marks(prop_names *marks, const char *t, const char *e, buf *words)
{
    while (t < e) {
        const char *comma = memchr(t, ',', (size_t)(e - t));
        size_t n = (size_t)((comma ? comma : e) - t);
        const char *term = kb_trim(t, &n);
        if (n && (prop_lex_symbols(term, n) || prop_lex_shortcode(term, n))) prop_names_add(marks, term, n);
        else if (n) buf_printf(words, "%s%.*s", words->len ? ", " : "", (int)n, term);
        t = comma ? comma + 1 : e;
    }
}

/* Add the comma-separated names t..e to v. */
static void prop_lex_split(prop_names *v, const char *t, const char *e)
{
    while (t < e) {
        const char *comma = memchr(t, ',', (size_t)(e - t));
        size_t n = (size_t)((comma ? comma : e) - t);
        const char *name = kb_trim(t, &n);
        if (n) prop_names_add(v, name, n);
        t = comma ? comma + 1 : e;
    }
}

/* Mark in l->feature the concepts the lines of one class (names, its
 * class name cls, flag) name. */
static int prop_lex_mark_concepts(prop_lex *l, const prop_names *names, const char *cls, unsigned char flag, char **err)
{
    for (size_t i = 0; i < names->n; i++) {
        size_t k = 0;
        while (k < l->concepts.n && strcmp(l->concepts.name[k], names->name[i]) != 0) k++;
        if (k == l->concepts.n) return kb_seterr(err, "reconcile lexicon: %s \"%s\" is no concept", cls, names->name[i]);
        l->feature[k] |= flag;
    }
    return KB_OK;
}

/* Mark the concepts the feature and sized lines name and the scopes
 * the default lines name; a name that is none is an error (a misspelt
 * one would silently do nothing). */
static int prop_lex_resolve(prop_lex *l, char **err)
{
    l->feature = kb_calloc(l->concepts.n + 1, 1);
    if (prop_lex_mark_concepts(l, &l->features, "feature", PROP_CONCEPT_FEATURE, err) != KB_OK ||
        prop_lex_mark_concepts(l, &l->sized, "sized", PROP_CONCEPT_SIZED, err) != KB_OK)
        return KB_ERR;
    /* "size/large/load" refines "size/large", which must exist */
    l->scope_parent = kb_calloc(l->scopes.n + 1, sizeof *l->scope_parent);
    for (size_t k = 0; k < l->scopes.n; k++) {
        const char *name = l->scopes.name[k], *s1 = strchr(name, '/'), *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
        l->scope_parent[k] = -1;
        if (!s2) continue;
        for (size_t j = 0; j < l->scopes.n && l->scope_parent[k] < 0; j++)
            if (strlen(l->scopes.name[j]) == (size_t)(s2 - name) && strncmp(l->scopes.name[j], name, (size_t)(s2 - name)) == 0)
                l->scope_parent[k] = (int)j;
        if (l->scope_parent[k] < 0)
            return kb_seterr(err, "reconcile lexicon: scope \"%s\" refines \"%.*s\", which is no scope", name,
                             (int)(s2 - name), name);
    }
    l->scope_default = kb_calloc(l->scopes.n + 1, sizeof *l->scope_default);
    for (size_t k = 0; k < l->scopes.n; k++) l->scope_default[k] = -1;
    for (size_t i = 0; i < l->defaults.n; i++) {
        size_t d = 0;
        while (d < l->scopes.n && strcmp(l->scopes.name[d], l->defaults.name[i]) != 0) d++;
        if (d == l->scopes.n)
            return kb_seterr(err, "reconcile lexicon: default \"%s\" is no scope", l->defaults.name[i]);
        for (size_t k = 0; k < l->scopes.n; k++)
            if (prop_lex_same_axis(l, k, d)) l->scope_default[k] = (int)d;
    }
    return KB_OK;
}

/* Is a line of class cls (-1: none known) with name t1[1..nl] well
 * formed?  names: the class's name list, NULL for a class without. */
static int prop_lex_line_ok(int cls, const prop_names *names, const char *t1, size_t nl, size_t lineno, char **err)
{
    if (cls < 0 || (names && (!nl || (nl == 1 && t1[1] == '-'))))
        return kb_seterr(err, "reconcile lexicon line %zu: expected CLASS<TAB>NAME<TAB>TERMS, CLASS one of "
                              "function, hedge, partial, capability, possession, choice, universal, universal_no, negation, softener, condition, "
                              "change, current, "
                              "age, answer, answer_no, icon, icon_no, feature, default, sized, concept, pole, kind, scope, attribute, "
                              "question (the last six with a name)",
                         lineno);
    if (names && nl > PROP_NAME_MAX)
        return kb_seterr(err, "reconcile lexicon line %zu: a name longer than %d bytes", lineno, PROP_NAME_MAX);
    if (cls == PL_POLE && !memchr(t1 + 1, '/', nl))
        return kb_seterr(err, "reconcile lexicon line %zu: a pole is named ASPECT/VALUE", lineno);
    return KB_OK;
}

/* A line of class cls that the main matcher does not read (t1, t2: its
 * tabs, e: its end): a question template kept whole, feature or default
 * names (checked once all are read), icon names (read from a cell's
 * markup), softeners for their own matcher.
 * Returns 1 when the line was such a one (main and soft have their
 * line), else 0. */
static int prop_lex_aside(prop_lex *l, int cls, const char *t1, const char *t2, const char *e, buf *main, buf *soft)
{
    if (cls == PL_QUESTION) /* "#aspect<TAB>template" */
        prop_names_add(&l->questions, t1 + 1, (size_t)(e - t1 - 1));
    else if (cls == PL_FEATURE || cls == PL_DEFAULT || cls == PL_SIZED)
        prop_lex_split(cls == PL_FEATURE ? &l->features : cls == PL_SIZED ? &l->sized : &l->defaults, t2 + 1, e);
    else if (cls == PL_ICON || cls == PL_ICON_NO)
        prop_lex_split(cls == PL_ICON ? &l->icons_yes : &l->icons_no, t2 + 1, e);
    else if (cls == PL_SOFTENER)
        buf_printf(soft, "dimension\tsoft\t%.*s", (int)(e - t2 - 1), t2 + 1);
    else
        return 0;
    buf_addc(main, '\n');
    buf_addc(soft, '\n');
    return 1;
}

int prop_lex_load(const char *tsv, size_t len, prop_lex **out, char **err)
{
    *out = NULL;
    prop_lex *l = kb_calloc(1, sizeof *l);
    buf main = BUF_INIT, soft = BUF_INIT;
    buf_adds(&main, "subject\tlexicon\t\n"); /* a taxonomy needs one subject */
    buf_adds(&soft, "subject\tlexicon\t\n");
    const char *p = tsv, *end = tsv + len, *line;
    size_t ll, lineno = 0, ndim = 0;
    int rc = KB_OK;
    strmap *seen = strmap_new();
    while (kb_next_line(&p, end, &line, &ll)) {
        lineno++;
        if (kb_line_skip(line, ll)) {
            buf_addc(&main, '\n');
            buf_addc(&soft, '\n');
            continue;
        }
        const char *t1 = memchr(line, '\t', ll);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(line + ll - t1 - 1)) : NULL;
        int cls = -1;
        for (int c = 0; c < PL_COUNT && t2; c++)
            if (kb_ascii_ieq(line, (size_t)(t1 - line), prop_class_names[c])) cls = c;
        size_t nl = t2 ? (size_t)(t2 - t1 - 1) : 0;
        prop_names *names = cls >= 0 ? prop_names_of(l, cls) : NULL;
        if ((rc = prop_lex_line_ok(cls, names, t1, nl, lineno, err))) goto done;
        if (prop_lex_aside(l, cls, t1, t2, line + ll, &main, &soft)) continue;
        /* a word on two lines takes whichever the matcher picks */
        const char *dup;
        size_t duplen, first;
        if (kb_terms_once(seen, t2 + 1, line + ll, lineno, &dup, &duplen, &first)) {
            rc = kb_seterr(err, "reconcile lexicon line %zu: \"%.*s\" is also on line %zu (a word belongs to one line)",
                           lineno, (int)duplen, dup, first);
            goto done;
        }
        buf terms = BUF_INIT;
        if (cls == PL_ANSWER || cls == PL_ANSWER_NO)
            prop_lex_marks(cls == PL_ANSWER ? &l->marks_yes : &l->marks_no, t2 + 1, line + ll, &terms);
        else
            buf_add(&terms, t2 + 1, (size_t)(line + ll - t2 - 1));
        if (!terms.len) { /* marks alone: nothing for the matcher */
            buf_free(&terms);
            buf_addc(&main, '\n');
            buf_addc(&soft, '\n');
            continue;
        }
        buf_printf(&main, "dimension\td%zu\t%s\n", ndim, buf_cstr(&terms));
        buf_free(&terms);
        buf_addc(&soft, '\n');
        l->cls = kb_realloc(l->cls, (ndim + 1) * sizeof *l->cls);
        l->entry = kb_realloc(l->entry, (ndim + 1) * sizeof *l->entry);
        l->cls[ndim] = cls;
        l->entry[ndim] = names ? (int)names->n : -1;
        if (names) prop_names_add(names, t1 + 1, nl);
        if (cls == PL_SCOPE) {
            const char *t = t2 + 1, *e = line + ll, *comma = memchr(t, ',', (size_t)(e - t));
            size_t tl = (size_t)((comma ? comma : e) - t);
            t = kb_trim(t, &tl);
            while (tl && t[tl - 1] == '*') tl--;
            prop_names_add(&l->scope_shown, t, tl);
        }
        ndim++;
    }
    if ((rc = prop_lex_resolve(l, err))) goto done;
    if (l->scopes.n > 32) {
        rc = kb_seterr(err, "reconcile lexicon: %zu scopes, at most 32", l->scopes.n);
        goto done;
    }
    char *e = NULL;
    if (tax_load(buf_cstr(&main), main.len, &l->t, &e) || tax_load(buf_cstr(&soft), soft.len, &l->soft, &e)) {
        rc = kb_seterr(err, "reconcile lexicon %s", e);
        free(e);
        goto done;
    }
done:
    strmap_free(seen);
    buf_free(&main);
    buf_free(&soft);
    if (rc) {
        prop_lex_free(l);
        return rc;
    }
    *out = l;
    return KB_OK;
}

const char *prop_lex_scope(const prop_lex *l, size_t i)
{
    return i < l->scopes.n ? l->scopes.name[i] : NULL;
}

const char *prop_lex_scope_shown(const prop_lex *l, size_t i)
{
    return i < l->scope_shown.n ? l->scope_shown.name[i] : NULL;
}

int prop_lex_same_axis(const prop_lex *l, size_t a, size_t b)
{
    const char *x = prop_lex_scope(l, a), *y = prop_lex_scope(l, b);
    const char *sx = x ? strchr(x, '/') : NULL, *sy = y ? strchr(y, '/') : NULL;
    return sx && sy && sx - x == sy - y && strncmp(x, y, (size_t)(sx - x)) == 0;
}

const char *prop_lex_question(const prop_lex *l, const char *aspect)
{
    size_t n = strlen(aspect);
    for (size_t i = 0; i < l->questions.n; i++) {
        const char *q = l->questions.name[i];
        if (strncmp(q, aspect, n) == 0 && q[n] == '\t') return q + n + 1;
    }
    return NULL;
}

const char *prop_lex_choice(const prop_lex *l, size_t i)
{
    const char *scope = prop_lex_scope(l, i);
    if (!scope) return NULL;
    size_t n = strlen(scope);
    for (size_t k = 0; k < l->questions.n; k++) {
        const char *q = l->questions.name[k];
        if (q[0] == '?' && strncmp(q + 1, scope, n) == 0 && q[n + 1] == '\t') return q + n + 2;
    }
    return NULL;
}

const char *prop_lex_kind(const prop_lex *l, size_t i)
{
    return i < l->kinds.n ? l->kinds.name[i] : NULL;
}

const char *prop_lex_attribute(const prop_lex *l, size_t i)
{
    return i < l->attributes.n ? l->attributes.name[i] : NULL;
}

const char *prop_lex_pole(const prop_lex *l, size_t i)
{
    return i < l->poles.n ? l->poles.name[i] : NULL;
}

int prop_lex_is_axis(const prop_lex *l, const char *aspect)
{
    size_t n = strlen(aspect);
    for (size_t i = 0; i < l->poles.n; i++)
        if (strncmp(l->poles.name[i], aspect, n) == 0 && l->poles.name[i][n] == '/') return 1;
    return 0;
}

int prop_lex_is_concept(const prop_lex *l, const char *name)
{
    for (size_t i = 0; i < l->concepts.n; i++)
        if (strcmp(l->concepts.name[i], name) == 0) return 1;
    return 0;
}

int prop_lex_scope_parent(const prop_lex *l, size_t i)
{
    return i < l->scopes.n ? l->scope_parent[i] : -1;
}

int prop_lex_scope_default(const prop_lex *l, size_t i)
{
    return i < l->scopes.n ? l->scope_default[i] : -1;
}

int prop_lex_is_feature(const prop_lex *l, size_t i)
{
    return i < l->concepts.n && (l->feature[i] & PROP_CONCEPT_FEATURE);
}

int prop_lex_is_sized(const prop_lex *l, const char *concept)
{
    for (size_t i = 0; i < l->concepts.n; i++)
        if (strcmp(l->concepts.name[i], concept) == 0) return (l->feature[i] & PROP_CONCEPT_SIZED) != 0;
    return 0;
}

const char *prop_lex_concept(const prop_lex *l, size_t i)
{
    return i < l->concepts.n ? l->concepts.name[i] : NULL;
}

/* Does text[0..len) hold a word of lexicon class cls? */
static int prop_lex_class_in(const prop_lex *l, int cls, const char *text, size_t len)
{
    buf nb = BUF_INIT;
    int found = 0;
    prop_toks *pt = kb_malloc(sizeof *pt);
    if (prop_tokenize(text, len, &nb, NULL, pt) == KB_OK) {
        tax_hit h[64];
        size_t nh = tax_match(l->t, TAX_MASK(TAX_DIMENSION), pt->t, pt->n, h, 64);
        for (size_t i = 0; i < nh && i < 64 && !found; i++) found = l->cls[h[i].index] == cls;
    }
    free(pt);
    buf_free(&nb);
    return found;
}

int prop_lex_age(const prop_lex *l, const char *text, size_t len)
{
    return prop_lex_class_in(l, PL_AGE, text, len);
}

int prop_lex_now(const prop_lex *l, const char *text, size_t len)
{
    return prop_lex_class_in(l, PL_CURRENT, text, len);
}

/* ---- interned keys: a strmap from a key's text to its id ---- */

struct prop_keys {
    strmap *ids;
    char **str, **shown;
    size_t n, cap;
};

prop_keys *prop_keys_new(void)
{
    prop_keys *k = kb_calloc(1, sizeof *k);
    k->ids = strmap_new();
    return k;
}

void prop_keys_free(prop_keys *k)
{
    if (!k) return;
    for (size_t i = 0; i < k->n; i++) {
        free(k->str[i]);
        free(k->shown[i]);
    }
    free(k->str);
    free(k->shown);
    strmap_free(k->ids);
    free(k);
}

/* The words of a key as a reader sees them: text as written, with a
 * run of white space (a line break inside a phrase) as one space. */
static char *prop_shown_dup(const char *s, size_t n)
{
    char *out = kb_malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int ws = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (ws && (o == 0 || out[o - 1] == ' ')) continue;
        out[o++] = ws ? ' ' : s[i];
    }
    while (o && out[o - 1] == ' ') o--;
    out[o] = 0;
    return out;
}

uint32_t prop_key(prop_keys *k, const char *s, size_t n, const char *shown, size_t shown_len)
{
    size_t id;
    if (strmap_get(k->ids, s, n, &id)) return (uint32_t)id;
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 64;
        k->str = kb_realloc(k->str, k->cap * sizeof *k->str);
        k->shown = kb_realloc(k->shown, k->cap * sizeof *k->shown);
    }
    k->str[k->n] = kb_strndup(s, n);
    k->shown[k->n] = shown ? prop_shown_dup(shown, shown_len) : kb_strndup(s, n);
    strmap_add(k->ids, s, n, k->n, NULL);
    return (uint32_t)k->n++;
}

const char *prop_key_str(const prop_keys *k, uint32_t id)
{
    return id < k->n ? k->str[id] : NULL;
}

const char *prop_key_shown(const prop_keys *k, uint32_t id)
{
    return id < k->n ? k->shown[id] : NULL;
}

size_t prop_key_count(const prop_keys *k)
{
    return k->n;
}
