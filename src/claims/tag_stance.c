/*
 * tag_stance.c - the stances of a claim (tag.h has the rules): the
 * stance judge (stance.h) judges each clause's subjects, and each
 * clause's judgement goes to the dimensions that clause speaks of.
 */
#include "tag_int.h"

#include <string.h>

#include "words.h"

/* Does the claim cue dimension d inside the clause (in = 1), outside
 * it (in = 0), or anywhere (in = 2)? */
static int tag_cued(const tagger *tg, size_t nh, const stance_clause *c, int d, int in)
{
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        int inside = h->tok >= c->tok && h->tok < c->tok_end;
        if (in == 2 || inside == in) return 1;
    }
    return 0;
}

/* Is token k inside a cause phrase: "because of its ...", "due to
 * their ...", "benefits from its ..." -- from the possessive to the
 * next comma, semicolon or contrast word? */
static int tag_in_cause(const tagger *tg, size_t k)
{
    for (size_t j = k; j-- > 0;) {
        if (tag_punct_before(tg, j + 1, ",;") || tag_is_contrast(tg, &tg->toks[j + 1])) return 0;
        if (!words_is(tg->w, WR_POSSESSIVE, &tg->toks[j])) continue;
        if (words_ends(tg->w, WR_CAUSE, tg->toks, 0, j)) return 1;
    }
    return 0;
}

/* A dimension cued only inside cause phrases ("X scalability is strong
 * because of its event loop") is the cause of the verdict, not what it
 * judges, when the claim names another of its dimensions as the
 * subject's own aspect, outside them: a strong cue right after a
 * subject or "its"/"their" ("X scalability", "its error handling").
 * The stance goes to that aspect only.  ("Tasks perform poorly due to
 * its single thread" names no aspect so: both are judged.) */
static int tag_cause_only(const tagger *tg, size_t nh, const tag_result *r, int d)
{
    int inside = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        if (!tag_in_cause(tg, h->tok)) return 0;
        inside = 1;
    }
    if (!inside) return 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index == d || h->weak || tag_in_cause(tg, h->tok) || h->tok == 0) continue;
        int owned = words_is(tg->w, WR_POSSESSIVE, &tg->toks[h->tok - 1]);
        for (size_t k = 0; k < nh && !owned; k++)
            owned = tg->hits[k].kind == TAX_SUBJECT && tg->hits[k].tok_end == h->tok;
        if (!owned) continue;
        for (size_t k = 0; k < r->ndims; k++)
            if (r->dims[k].dim == h->index) return 1;
    }
    return 0;
}

/* Is the cue hit h a fact of origin: a participle of origin
 * ("created by X in 1991", "introduced in 1991", "tools have been
 * created"), an origin noun after "its"/"their" ("after its release",
 * "throughout its history"), an age ("ten years after", "two decades
 * old") or a lineage ("evolved from")? */
static int tag_origin_fact(const tagger *tg, const tax_hit *h)
{
    const words_lex *w = tg->w;
    for (size_t k = h->tok; k < h->tok_end; k++) {
        const tax_tok *t = &tg->toks[k];
        /* an age: "ten years after its release", "two decades old" */
        if (words_is(w, WR_AGE_SPAN, t) && k + 1 < tg->ntok && words_is(w, WR_AGE_RELATION, t + 1)) return 1;
        /* a lineage: "evolved from a scripting language" */
        if (words_at(w, WR_LINEAGE, tg->toks, tg->ntok, k)) return 1;
        if (words_is(w, WR_ORIGIN_PARTICIPLE, t)) return 1;
        if (words_is(w, WR_ORIGIN_NOUN, t) && k > 0 && words_is(w, WR_POSSESSIVE, t - 1)) return 1;
    }
    return 0;
}

/* A dimension cued only by facts of origin ("X, created by Y in 2009,
 * lets you ...", "introduced in 1991, and throughout its history ...")
 * is dated, not judged: the verdict in the claim is on something else. */
static int tag_origin_only(const tagger *tg, size_t nh, int d)
{
    int any = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d) continue;
        if (!tag_origin_fact(tg, h)) return 0;
        any = 1;
    }
    return any;
}

/* In clause c, is dimension d cued only after "depends (mostly) on"
 * or a means ("using", "through", "via") while another of the claim's
 * dimensions is cued before it?  "Speed depends on the framework and
 * the setup" and "X is faster at math using native libraries" judge
 * speed: what it depends on, or is reached by, is not judged. */
static int tag_dependency_only(const tagger *tg, size_t nh, const tag_result *r, const stance_clause *c, int d)
{
    size_t dep = (size_t)-1;
    int relative = 0;
    for (size_t k = c->tok; k + 1 < c->tok_end && dep == (size_t)-1; k++) {
        const tax_tok *t = &tg->toks[k];
        /* the means: "using X", "through X", "via X" -- of the verdict,
         * not of a relative clause ("workloads that run through X") */
        relative |= words_is(tg->w, WR_RELATIVE, t);
        if (k > c->tok && !relative && words_is(tg->w, WR_MEANS, t)) {
            dep = k;
            break;
        }
        if (!words_is(tg->w, WR_DEPEND, t)) continue;
        for (size_t j = k + 1; j < c->tok_end && j <= k + 3; j++)
            if (words_is(tg->w, WR_DEPEND_ON, &tg->toks[j])) {
                dep = k;
                break;
            }
    }
    if (dep == (size_t)-1) return 0;
    int after = 0, other = 0;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->tok < c->tok || h->tok >= c->tok_end) continue;
        if (h->index == d) {
            if (h->tok < dep) return 0;
            after = 1;
            continue;
        }
        for (size_t k = 0; k < r->ndims && h->tok < dep; k++) other |= r->dims[k].dim == h->index;
    }
    return after && other;
}

/* Is token k inside a purpose phrase: after "for" (not one opening the
 * claim, nor one right after an evaluative word), up to the next
 * punctuation mark, contrast word or relative word? */
static int tag_in_purpose(const tagger *tg, size_t k)
{
    for (size_t j = k; j-- > 1;) {
        if (tag_punct_before(tg, j + 1, ",;:") || tag_is_contrast(tg, &tg->toks[j + 1])) return 0;
        if (words_is(tg->w, WR_PURPOSE_STOP, &tg->toks[j + 1])) return 0;
        /* "popular for web apps", "a good fit for X": where the
         * verdict holds is a use the verdict is about; "the most
         * popular tools for web apps" names the category compared */
        if (words_is(tg->w, WR_PURPOSE, &tg->toks[j])) {
            /* ... past an adverb: "easy even for beginners" */
            size_t a = j - 1;
            if (a > 0 && words_is(tg->w, WR_PURPOSE_ADVERB, &tg->toks[a])) a--;
            return stance_label(tg->lex, &tg->toks[a], 1) == 0;
        }
    }
    return 0;
}

/* In clause c, is dimension d cued only inside purpose phrases ("the
 * most popular tools for web development", "the most mature ecosystem
 * for data work") while another of the claim's dimensions has a strong
 * cue before them, in the same stretch between commas?  The verdict is on that one; the purpose is the
 * task it is given for.  (A weak cue, "suitable for large projects",
 * leaves the purpose judged.) */
static int tag_purpose_only(const tagger *tg, size_t nh, const tag_result *r, const stance_clause *c, int d)
{
    int inside = 0, other = 0;
    size_t first = (size_t)-1;
    for (size_t i = 0; i < nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index != d || h->tok < c->tok || h->tok >= c->tok_end) continue;
        if (!tag_in_purpose(tg, h->tok)) return 0;
        inside = 1;
        if (h->tok < first) first = h->tok;
    }
    if (!inside) return 0;
    size_t from = c->tok; /* the stretch of the first purpose phrase */
    for (size_t k = first; k > c->tok && from == c->tok; k--)
        if (tag_punct_before(tg, k, ",;:")) from = k;
    for (size_t i = 0; i < nh && !other; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_DIMENSION || h->index == d || h->weak || h->tok < from || h->tok >= first ||
            tag_in_purpose(tg, h->tok))
            continue;
        for (size_t k = 0; k < r->ndims; k++) other |= r->dims[k].dim == h->index;
    }
    return other;
}

/* What each of the claim's dimensions is to its stances. */
typedef struct tag_dim_roles {
    int main_d[TAG_MAX];   /* a main one: weight 1 or more, or the strongest */
    int cause[TAG_MAX];    /* cued only as a cause or a fact of origin: not judged */
    int label[TAG_MAX];    /* named by a leading label */
    size_t nlabel;         /* how many the label names */
} tag_dim_roles;

static void tag_dim_roles_of(const tag_ctx *c, tag_dim_roles *dr)
{
    const tagger *tg = c->tg;
    const tag_result *r = c->r;
    double top = 0;
    for (size_t d = 0; d < r->ndims; d++)
        if (r->dims[d].score > top) top = r->dims[d].score;
    for (size_t d = 0; d < r->ndims; d++) {
        dr->main_d[d] = !(r->dims[d].score < top - 1e-9 && r->dims[d].score < 0.5 - 1e-9);
        dr->cause[d] = tag_cause_only(tg, c->nh, r, r->dims[d].dim) || tag_origin_only(tg, c->nh, r->dims[d].dim);
        dr->label[d] = 0;
    }
    /* a leading label ("Community & Support: ...") names what every
     * clause after it judges, and only that: "Strong community: X
     * ranks high, with users writing libraries" judges no libraries */
    size_t nlabel = tag_label_len(tg);
    dr->nlabel = 0;
    for (size_t i = 0; i < c->nh; i++)
        if (tg->hits[i].kind == TAX_DIMENSION && tg->hits[i].tok_end <= nlabel)
            for (size_t d = 0; d < r->ndims; d++)
                if (r->dims[d].dim == tg->hits[i].index && !dr->label[d]) {
                    dr->label[d] = 1;
                    dr->nlabel++;
                }
}

/* Which of the claim's dimensions clause so judges (on[d]); ctxd: the
 * dimensions the table row and column headers bring. */
static void tag_clause_dims(const tag_ctx *c, const tag_dim_roles *dr, const stance_clause *so, const int *ctxd,
                            size_t nctxd, int *on)
{
    const tagger *tg = c->tg;
    const tag_result *r = c->r;
    size_t nh = c->nh;
    int any = 0;
    for (size_t d = 0; d < r->ndims; d++) {
        int dim = r->dims[d].dim;
        on[d] = 0;
        int context_only = !tag_cued(tg, nh, so, dim, 2) &&
                           (tag_has(ctxd, nctxd, dim) || !tag_span_topic(tg, nh, so->tok, so->tok_end));
        if (tag_cued(tg, nh, so, dim, 1) || (dr->main_d[d] && !tag_cued(tg, nh, so, dim, 0)) || context_only ||
            dr->label[d])
            on[d] = any = 1;
        if (tag_dependency_only(tg, nh, r, so, dim) || tag_purpose_only(tg, nh, r, so, dim)) on[d] = 0;
        if (dr->nlabel && !dr->label[d]) on[d] = 0;
    }
    if (!any)
        for (size_t d = 0; d < r->ndims; d++) on[d] = dr->main_d[d];
}

/* Add clause so's judgement on dimension dim: a subject judged twice on
 * one dimension keeps the sign if the judgements agree, else 0.
 * Returns 0 when the result has no more room. */
static int tag_add_stance(tag_result *r, const stance_clause *so, int dim)
{
    for (size_t k = 0; k < r->nst; k++) {
        tag_stance *st = &r->st[k];
        if (st->subject != so->subject || st->dim != dim) continue;
        if (st->polarity != so->polarity) st->polarity = 0;
        if (st->versus < 0) st->versus = so->versus;
        return 1;
    }
    if (r->nst >= 2 * TAG_MAX) return 0;
    tag_stance *st = &r->st[r->nst++];
    st->subject = so->subject;
    st->dim = dim;
    st->polarity = so->polarity;
    st->versus = so->versus;
    return 1;
}

/* Stance per clause and dimension.  A clause's judgement applies to the
 * claim's dimensions cued in that clause, to its main dimensions (weight
 * 1 or more, or the strongest) cued in no other clause, and to those
 * the context alone brings: a table row's label reaches every clause of
 * its cell -- in "Easier; clean, readable syntax" (row "Learning
 * curve") the first clause is about learning only, the second about
 * syntax and learning -- and a section heading every clause with no
 * topic of its own: in "X wins most benchmarks, but it is hard" under
 * "Learning curve" only the second clause is about learning.  A clause
 * that reaches no dimension this way speaks of all the main ones. */
static void tag_stances(const tag_ctx *c, const stance_clause *so, size_t ns)
{
    tag_result *r = c->r;
    int ctxd[2 * TAG_MAX];
    size_t nctxd = 0;
    for (size_t i = 0; i < c->nrowd; i++) ctxd[nctxd++] = c->rowd[i];
    for (size_t i = 0; i < c->ncold; i++) ctxd[nctxd++] = c->cold[i];
    tag_dim_roles dr;
    tag_dim_roles_of(c, &dr);
    for (size_t i = 0; i < ns; i++) {
        int on[TAG_MAX];
        tag_clause_dims(c, &dr, &so[i], ctxd, nctxd, on);
        for (size_t d = 0; d < r->ndims; d++)
            if (on[d] && !dr.cause[d] && !tag_add_stance(r, &so[i], r->dims[d].dim)) return;
    }
}

/* A claim whose only subjects are several inherited from a heading ("X
 * vs Y") does not say which one it judges -- unless it speaks of them
 * all ("Both languages ...", "All of them ...", "Neither database
 * ..."). */
static int tag_unnamed(const tag_ctx *c)
{
    const tagger *tg = c->tg;
    const tag_result *r = c->r;
    if (r->nsubj <= 1) return 0;
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how != TAG_HEADING) return 0;
    for (size_t t = 0; t < tg->ntok; t++)
        if (words_is(tg->w, WR_ALL, &tg->toks[t]) || words_is(tg->w, WR_NEITHER, &tg->toks[t])) return 0;
    return 1;
}

void tag_judge(tag_ctx *c)
{
    tagger *tg = c->tg;
    tag_result *r = c->r;
    if (!(r->ndims || tg->want_clauses) || !r->nsubj || r->asks || tag_unnamed(c)) return;
    /* Who a stance is about: the subjects named or inherited.  A part
     * ("requires JavaScript") brings its subject to the claim but is
     * usually an object, not what is judged; it holds a stance only
     * when the claim has no other subject ("V8 is fast"). */
    int fb[TAG_MAX];
    size_t nfb = 0, nment = c->nment;
    stance_mention ment[TAG_MAX_HITS];
    memcpy(ment, c->ment, nment * sizeof *ment);
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how != TAG_PART) fb[nfb++] = r->subj[i].subject;
    if (nfb) {
        size_t k = 0;
        for (size_t i = 0; i < nment; i++)
            if (c->ment_named[i]) ment[k++] = ment[i];
        nment = k;
    } else {
        for (size_t i = 0; i < r->nsubj; i++) fb[nfb++] = r->subj[i].subject;
    }
    /* the subjects under comparison: all of a two-subject domain, else
     * the claim's own */
    int cmp[TAG_MAX];
    size_t ncmp = 0;
    if (tax_subjects(tg->tax) == 2) {
        cmp[0] = 0;
        cmp[1] = 1;
        ncmp = 2;
    } else {
        for (size_t i = 0; i < r->nsubj; i++) cmp[ncmp++] = r->subj[i].subject;
    }
    stance_input si = {tg->toks, tg->ntok, ment, nment, fb, nfb, cmp, ncmp, c->bias, c->choice};
    size_t ns = stance_judge_clauses(tg->lex, &si, r->clauses, 2 * TAG_MAX);
    if (ns > 2 * TAG_MAX) ns = 2 * TAG_MAX;
    r->nclauses = ns;
    if (r->ndims) tag_stances(c, r->clauses, ns);
}
