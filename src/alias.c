/*
 * alias.c - groups of names that mean one thing; see alias.h.
 *
 * Each variant is stored once, in matching form with its tokens joined
 * by single spaces ("node js"): that string is both what alias_variant
 * returns and what alias_match walks, since a token never contains a
 * space.  The variants of all groups sit in one flat array in file
 * order, each knowing its group; a match is a linear scan of it.  The
 * files hold tens of groups, so nothing cleverer pays for itself.
 */
#include "alias.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "util.h"

typedef struct alias_var {
    char *form;       /* tokens joined by single spaces */
    size_t ntok;
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
};

void alias_free(alias_set *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->ngroup; i++) free(a->group[i].canon);
    for (size_t i = 0; i < a->nvar; i++) free(a->var[i].form);
    free(a->group);
    free(a->var);
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
    for (size_t i = g->first; i < g->first + g->count; i++)
        if (strcmp(a->var[i].form, f.b.data) == 0) goto done;
    if (a->nvar == a->var_cap) {
        a->var_cap = a->var_cap ? 2 * a->var_cap : 32;
        a->var = kb_realloc(a->var, a->var_cap * sizeof *a->var);
    }
    a->var[a->nvar].form = buf_detach(&f.b, NULL);
    a->var[a->nvar].ntok = f.ntok;
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

/* Does variant v equal the first v->ntok tokens of toks? */
static int alias_var_matches(const alias_var *v, const char *const *toks,
                             const size_t *lens)
{
    const char *p = v->form;
    for (size_t k = 0; k < v->ntok; k++) {
        /* strncmp stops at the form's NUL, so a shorter form is safe. */
        if (strncmp(p, toks[k], lens[k]) != 0) return 0;
        p += lens[k];
        if (*p != (k + 1 < v->ntok ? ' ' : '\0')) return 0;
        p++;
    }
    return 1;
}

size_t alias_match(const alias_set *a, const char *const *toks,
                   const size_t *lens, size_t n, size_t *group)
{
    size_t best = 0;
    if (!a) return 0;
    for (size_t i = 0; i < a->nvar; i++) {
        const alias_var *v = &a->var[i];
        /* Strictly longer only: on a tie the earlier group wins. */
        if (v->ntok <= best || v->ntok > n) continue;
        if (alias_var_matches(v, toks, lens)) {
            best = v->ntok;
            if (group) *group = v->group;
        }
    }
    return best;
}
