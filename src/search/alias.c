/*
 * alias.c - groups of names that mean one thing; see alias.h.
 *
 * Each variant is stored once per group, in matching form with its
 * tokens joined by single spaces ("node js"): that string is both what
 * alias_variant returns and what a match looks up, since a token never
 * contains a space.  The variants of all groups sit in one flat array
 * in file order, each knowing its group.  A hash map from each distinct
 * form to the first variant with it serves both the de-duplication at
 * load time and the match, so neither grows with the square of the
 * list: a scan of the group for each new variant made a group of
 * 60,000 variants cost 6 s to load, at every search.
 */
#include "alias.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "strmap.h"
#include "util.h"

typedef struct alias_var {
    char *form;       /* tokens joined by single spaces */
    size_t group;
} alias_var;

typedef struct alias_group {
    char *canon;      /* as written, trimmed */
    size_t first, count; /* its variants: var[first .. first+count) */
} alias_group;

struct alias_set {
    alias_group *group;
    size_t ngroup, group_cap;
    alias_var *var;
    size_t nvar, var_cap;
    strmap *forms;        /* each distinct form -> its form id */
    size_t *form_var;     /* form id -> the first variant with it */
    size_t *form_group;   /* form id -> the last group that lists it */
    size_t form_cap;
    size_t max_tok;       /* the most tokens in a variant */
    size_t max_len;       /* the longest form, in bytes */
};

void alias_free(alias_set *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->ngroup; i++) free(a->group[i].canon);
    for (size_t i = 0; i < a->nvar; i++) free(a->var[i].form);
    free(a->group);
    free(a->var);
    strmap_free(a->forms);
    free(a->form_var);
    free(a->form_group);
    free(a);
}

typedef struct alias_form {
    buf b;
    size_t ntok;
} alias_form;

static int alias_add_token(void *ctx, const char *tok, size_t n, size_t off)
{
    alias_form *f = ctx;
    if (f->ntok++) buf_addc(&f->b, ' ');
    buf_add(&f->b, tok, n);
    return 0;
}

/* Note form f as a variant of the last group: 1 when it is new to the
 * group, 0 when the group already has it. */
static int alias_note_form(alias_set *a, const buf *f)
{
    size_t g = a->ngroup - 1, id = strmap_count(a->forms), old;
    if (!strmap_add(a->forms, f->data, f->len, id, &old)) {
        if (a->form_group[old] == g) return 0;
        a->form_group[old] = g;   /* a later group lists it too; matches keep the first */
        return 1;
    }
    if (id == a->form_cap) {
        a->form_cap = a->form_cap ? 2 * a->form_cap : 32;
        a->form_var = kb_realloc(a->form_var, a->form_cap * sizeof *a->form_var);
        a->form_group = kb_realloc(a->form_group, a->form_cap * sizeof *a->form_group);
    }
    a->form_var[id] = a->nvar;
    a->form_group[id] = g;
    return 1;
}

/* Add variant s[0..n) (valid UTF-8) to the last group unless that group
 * already has it. */
static int alias_add_variant(alias_set *a, const char *s, size_t n,
                             size_t line, char **err)
{
    alias_form f = {BUF_INIT, 0};
    buf normed = BUF_INIT;
    int rc = norm_text(s, n, &normed, NULL, err);
    if (rc == KB_OK)
        norm_tokens(buf_cstr(&normed), normed.len, alias_add_token, &f);
    buf_free(&normed);
    if (rc != KB_OK) goto done;
    if (f.ntok == 0) {
        rc = kb_seterr(err, "line %zu: \"%.*s\" has no letters or digits",
                       line, (int)n, s);
        goto done;
    }
    alias_group *g = &a->group[a->ngroup - 1];
    if (!alias_note_form(a, &f.b)) goto done;
    if (g->count == ALIAS_MAX_VARIANTS) {
        rc = kb_seterr(err, "line %zu: more than %d different names in one group",
                       line, ALIAS_MAX_VARIANTS);
        goto done;
    }
    if (a->nvar == a->var_cap) {
        a->var_cap = a->var_cap ? 2 * a->var_cap : 32;
        a->var = kb_realloc(a->var, a->var_cap * sizeof *a->var);
    }
    if (f.ntok > a->max_tok) a->max_tok = f.ntok;
    if (f.b.len > a->max_len) a->max_len = f.b.len;
    a->var[a->nvar].form = buf_detach(&f.b, NULL);
    a->var[a->nvar].group = a->ngroup - 1;
    a->nvar++;
    g->count++;
done:
    buf_free(&f.b);
    return rc;
}

/* One line without its terminator: tab-separated fields. */
static int alias_parse_line(alias_set *a, const char *s, size_t n,
                            size_t line, char **err)
{
    if (!norm_valid_utf8(s, n, NULL))
        return kb_seterr(err, "line %zu: invalid UTF-8", line);
    int started = 0;
    const char *end = s + n;
    while (s <= end) {
        const char *tab = memchr(s, '\t', (size_t)(end - s));
        size_t flen = (size_t)((tab ? tab : end) - s);
        const char *field = kb_trim(s, &flen);
        if (flen > 0) {
            if (!started) {
                if (a->ngroup == a->group_cap) {
                    a->group_cap = a->group_cap ? 2 * a->group_cap : 16;
                    a->group = kb_realloc(a->group,
                                          a->group_cap * sizeof *a->group);
                }
                alias_group *g = &a->group[a->ngroup++];
                g->canon = kb_strndup(field, flen);
                g->first = a->nvar;
                g->count = 0;
                started = 1;
            }
            if (alias_add_variant(a, field, flen, line, err) != KB_OK)
                return KB_ERR;
        }
        if (!tab) break;
        s = tab + 1;
    }
    return KB_OK;
}

int alias_load(const char *tsv, size_t len, alias_set **out, char **err)
{
    alias_set *a = kb_calloc(1, sizeof *a);
    a->forms = strmap_new();
    const char *p = tsv, *end = tsv + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;  /* BOM */
    size_t line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        size_t n = (size_t)(eol - p);
        if (n > 0 && p[n - 1] == '\r') n--;
        line++;
        size_t tn = n;
        const char *t = kb_trim(p, &tn);
        if (tn > 0 && t[0] != '#' &&
            alias_parse_line(a, p, n, line, err) != KB_OK) {
            alias_free(a);
            *out = NULL;
            return KB_ERR;
        }
        p = nl ? nl + 1 : end;
    }
    *out = a;
    return KB_OK;
}

size_t alias_groups(const alias_set *a)
{
    return a ? a->ngroup : 0;
}

const char *alias_canonical(const alias_set *a, size_t g)
{
    return a && g < a->ngroup ? a->group[g].canon : NULL;
}

size_t alias_variant_count(const alias_set *a, size_t g)
{
    return a && g < a->ngroup ? a->group[g].count : 0;
}

const char *alias_variant(const alias_set *a, size_t g, size_t i)
{
    if (!a || g >= a->ngroup || i >= a->group[g].count) return NULL;
    return a->var[a->group[g].first + i].form;
}

size_t alias_match(const alias_set *a, const char *const *toks,
                   const size_t *lens, size_t n, size_t *group)
{
    if (!a || n == 0 || a->nvar == 0) return 0;
    /* Join the tokens a variant could span, hashing each prefix on the
     * way; then look the prefixes up, longest first. */
    size_t lim = n < a->max_tok ? n : a->max_tok;
    size_t *end = kb_malloc(lim * sizeof *end), *hash = kb_malloc(lim * sizeof *hash);
    buf key = BUF_INIT;
    size_t h = STRMAP_HASH0, k = 0, best = 0;
    for (; k < lim && key.len + (k > 0) + lens[k] <= a->max_len; k++) {
        if (k > 0) {
            buf_addc(&key, ' ');
            h = strmap_hash(h, " ", 1);
        }
        buf_add(&key, toks[k], lens[k]);
        h = strmap_hash(h, toks[k], lens[k]);
        end[k] = key.len;
        hash[k] = h;
    }
    while (k > 0) {
        size_t id;
        if (strmap_get_hashed(a->forms, key.data, end[k - 1], hash[k - 1], &id)) {
            best = k;
            if (group) *group = a->var[a->form_var[id]].group;
            break;
        }
        k--;
    }
    buf_free(&key);
    free(end);
    free(hash);
    return best;
}
