/*
 * disagree.c - finding the disagreements (see disagree.h): the run,
 * step by step, and the order of its rows.  dis_int.h lists the files
 * that do each step.
 */
#include "disagree.h"

#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "claims.h"
#include "dis_int.h"
#include "embed.h"
#include "util.h"

static const char *const dis_kind_names[DIS_KIND_COUNT] = {"numeric", "temporal", "stance", "category"};
static const char *const dis_verdict_names[DIS_VERDICT_COUNT] = {"compatible", "outdated", "overstated", "majority",
                                                                 "unresolved"};

const char *dis_kind_name(dis_kind k)
{
    return (unsigned)k < DIS_KIND_COUNT ? dis_kind_names[k] : "unknown";
}

const char *dis_verdict_name(dis_verdict v)
{
    return (unsigned)v < DIS_VERDICT_COUNT ? dis_verdict_names[v] : "unknown";
}

const char *dis_modality_name(dis_modality m)
{
    return m == DIS_MOD_ABSOLUTE ? "absolute" : m == DIS_MOD_QUALIFIED ? "qualified" : NULL;
}

/* Keep only items and agreements involving the source asked for. */
static void dis_keep_source(dis_set *s, long long source_id)
{
    size_t a = 0;
    for (size_t i = 0; i < s->nagreements; i++) {
        int has = 0;
        for (size_t k = 0; k < s->agreements[i].nclaims; k++)
            has |= s->sources[s->agreements[i].claims[k].source].id == source_id;
        if (has) s->agreements[a++] = s->agreements[i];
        else dis_agreement_free(&s->agreements[i]);
    }
    s->nagreements = a;
    size_t w = 0;
    for (size_t i = 0; i < s->nitems; i++) {
        int has = 0;
        for (size_t k = 0; k < s->items[i].nclaims; k++) has |= s->sources[s->items[i].claims[k].source].id == source_id;
        if (has) s->items[w++] = s->items[i];
        else dis_item_free(&s->items[i]);
    }
    s->nitems = w;
}

/* Rows by subject, then kind (what a thing is, when, how much, how
 * good), then the order they were found in. */
static int dis_item_cmp(const void *a, const void *b)
{
    static const int rank[DIS_KIND_COUNT] = {[DIS_CATEGORY] = 0, [DIS_TEMPORAL] = 1, [DIS_NUMERIC] = 2,
                                             [DIS_STANCE] = 3};
    const dis_item *x = a, *y = b;
    int c = strcmp(x->subject, y->subject);
    if (c) return c;
    if (x->kind != y->kind) return rank[x->kind] - rank[y->kind];
    return x->id - y->id;
}

/* Agreements by the number of sources (most first), then subject and
 * aspect. */
static int dis_agreement_cmp(const void *a, const void *b)
{
    const dis_agreement *x = a, *y = b;
    if (x->nsources != y->nsources) return x->nsources > y->nsources ? -1 : 1;
    int c = strcmp(x->subject, y->subject);
    return c ? c : strcmp(x->aspect ? x->aspect : "", y->aspect ? y->aspect : "");
}


/* The lexicons a run reads with: the reconcile lexicon (compiled in)
 * and the alias list in force. */
static int dis_lexicons(store *st, prop_lex **lex, alias_set **aliases, char **err)
{
    char *e = NULL, *tsv = NULL;
    if (prop_lex_load(embed_reconcile, strlen(embed_reconcile), lex, &e) || rc_lex_check(*lex, &e)) {
        /* compiled in: a failure is a build error */
        kb_seterr(err, "reconcile lexicon: %s", e);
        free(e);
        return KB_ERR;
    }
    if (store_meta_get(st, "aliases", &tsv, err)) return KB_ERR;
    const char *src = tsv ? tsv : embed_aliases;
    int rc = alias_load(src, strlen(src), aliases, &e);
    free(tsv);
    if (rc) {
        kb_seterr(err, "aliases: %s", e);
        free(e);
        return KB_ERR;
    }
    return KB_OK;
}

int dis_find(store *st, const dis_filter *f, dis_set *out, char **err)
{
    memset(out, 0, sizeof *out);
    dis_run r;
    memset(&r, 0, sizeof r);
    r.set = out;
    r.f = f;
    r.st = st;
    prop_lex *lex = NULL;
    alias_set *aliases = NULL;
    claims *cb = NULL;
    rc_set qs = {0};
    int rc = KB_ERR;
    if (dis_lexicons(st, &lex, &aliases, err) || claims_open(st, &cb, err)) goto done;
    r.lex = lex;
    r.tax = claims_taxonomy(cb);
    r.keys = prop_keys_new();
    claims_props(cb, lex, aliases, r.keys);
    if (dis_read_sources(&r, err) || dis_read_claims(&r, cb, err)) goto done;
    if (dis_numeric(&r, err)) goto done;
    rc_find(r.props, r.nprops, tax_subjects(r.tax), lex, r.keys, &qs);
    for (size_t i = 0; i < qs.n; i++) dis_question_item(&r, &qs.q[i]);
    for (size_t i = 0; i < qs.nagree; i++) dis_agreement_add(&r, &qs.agree[i]);
    if (out->nagreements) qsort(out->agreements, out->nagreements, sizeof *out->agreements, dis_agreement_cmp);
    if (out->nitems) qsort(out->items, out->nitems, sizeof *out->items, dis_item_cmp);
    if (f->source_id) dis_keep_source(out, f->source_id);
    for (size_t i = 0; i < out->nitems; i++) out->items[i].id = (int)i + 1;
    rc = KB_OK;
done:
    rc_free(&qs);
    for (size_t i = 0; i < r.nclaims; i++) free(r.claims[i].text);
    free(r.claims);
    free(r.props);
    free(r.notable);
    free(r.ids);
    free(r.byid);
    claims_free(cb);
    prop_keys_free(r.keys);
    alias_free(aliases);
    prop_lex_free(lex);
    if (rc) dis_free(out);
    return rc;
}
