/*
 * dis_items.c - the set a run builds (disagree.h): its sources, looked
 * up by id and cited, and its rows and agreements, made, filled and
 * released.  The other dis_ files build on these; these call none of
 * them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dis_int.h"
#include "util.h"

typedef struct dis_idx {
    long long id;
    size_t idx;
} dis_idx;

static int dis_idx_cmp(const void *a, const void *b)
{
    long long x = ((const dis_idx *)a)->id, y = ((const dis_idx *)b)->id;
    return (x > y) - (x < y);
}

void dis_index_sources(dis_run *r)
{
    size_t n = r->set->nsources;
    r->byid = kb_malloc((n ? n : 1) * sizeof *r->byid);
    for (size_t i = 0; i < n; i++) r->byid[i] = (dis_idx){r->ids[i], i};
    if (n) qsort(r->byid, n, sizeof *r->byid, dis_idx_cmp);
}

size_t dis_source_index(const dis_run *r, long long id)
{
    dis_idx key = {id, 0};
    const dis_idx *hit = r->byid ? bsearch(&key, r->byid, r->set->nsources, sizeof key, dis_idx_cmp) : NULL;
    return hit ? hit->idx : 0;
}

void dis_cite_source(buf *b, const dis_source *s)
{
    buf_printf(b, "%s (%s%s)", s->title ? s->title : s->path, s->date ? s->date : "undated",
               s->date_inferred ? ", inferred" : "");
}

int dis_question_dimension(const dis_run *r, const rc_question *q)
{
    /* one count per dimension of the taxonomy: linear in the row */
    size_t nd = tax_dimensions(r->tax), *cnt = kb_calloc(nd + 1, sizeof *cnt);
    for (size_t i = 0; i < q->n; i++) {
        int d = r->claims[r->props[q->props[i]].claim].dim;
        if (d >= 0 && (size_t)d < nd) cnt[d]++;
    }
    int best = -1;
    for (size_t d = 0; d < nd; d++)
        if (cnt[d] && (best < 0 || cnt[d] > cnt[best])) best = (int)d;
    free(cnt);
    return best;
}

dis_item *dis_new_item(dis_run *r, dis_kind kind, const char *subject)
{
    dis_set *s = r->set;
    s->items = kb_realloc(s->items, (s->nitems + 1) * sizeof *s->items);
    dis_item *it = &s->items[s->nitems++];
    memset(it, 0, sizeof *it);
    it->id = (int)s->nitems;
    it->kind = kind;
    it->verdict = DIS_UNRESOLVED;
    it->subject = kb_strdup(subject);
    return it;
}

void dis_add_claim(dis_item *it, const dis_claim *f, char side)
{
    /* room doubles (8, 16, 32, ...): a row of thousands of claims is
     * not copied once per claim */
    size_t n = it->nclaims;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
        it->claims = kb_realloc(it->claims, (n ? 2 * n : 8) * sizeof *it->claims);
    dis_claim *d = &it->claims[it->nclaims++];
    *d = *f;
    d->text = kb_strdup(f->text);
    d->raw = kb_strdup(f->raw);
    d->side = side;
}

void dis_set_position(dis_item *it, size_t k, const char *position)
{
    if (k >= it->nsides) {
        it->positions = kb_realloc(it->positions, (k + 1) * sizeof *it->positions);
        for (size_t i = it->nsides; i <= k; i++) it->positions[i] = NULL;
        it->nsides = k + 1;
    }
    free(it->positions[k]);
    it->positions[k] = kb_strdup(position);
}

void dis_item_free(dis_item *it)
{
    for (size_t k = 0; k < it->nclaims; k++) {
        free(it->claims[k].text);
        free(it->claims[k].raw);
    }
    for (size_t k = 0; k < it->nsides; k++) free(it->positions[k]);
    free(it->positions);
    free(it->claims);
    free(it->subject);
    free(it->dimension);
    free(it->measure);
    free(it->question);
    free(it->aspect);
    free(it->explanation);
}

void dis_agreement_free(dis_agreement *a)
{
    for (size_t k = 0; k < a->nclaims; k++) free(a->claims[k].text);
    free(a->claims);
    free(a->subject);
    free(a->aspect);
    free(a->dimension);
    free(a->question);
    free(a->lead);
}

void dis_free(dis_set *s)
{
    for (size_t i = 0; i < s->nitems; i++) dis_item_free(&s->items[i]);
    free(s->items);
    for (size_t i = 0; i < s->nagreements; i++) dis_agreement_free(&s->agreements[i]);
    free(s->agreements);
    for (size_t i = 0; i < s->nsources; i++) {
        dis_source *d = &s->sources[i];
        free(d->path);
        free(d->title);
        free(d->site);
        free(d->author);
        free(d->url);
        free(d->date);
    }
    free(s->sources);
    memset(s, 0, sizeof *s);
}

/* An ASCII letter or digit: what continues a name ("Wrenpkg"); a curly
 * apostrophe ("Python’s") or any other byte ends it. */
static int dis_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int dis_names(const char *text, size_t n, const char *subject)
{
    size_t l = strlen(subject);
    for (size_t i = 0; i + l <= n; i++)
        if (strncasecmp(text + i, subject, l) == 0 && !(i && dis_word_byte(text[i - 1])) &&
            !(i + l < n && dis_word_byte(text[i + l])))
            return 1;
    return 0;
}
