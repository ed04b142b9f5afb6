/*
 * dis_verdict.c - a question (reconcile.h) as a row: its claims on
 * their sides, the position each side takes, the question put in
 * words, and the verdict with its reason (disagree.h gives the rules).
 *
 * A side is summed up once (dis_side, dis_sides.c); the verdict reads
 * only these summaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dis_int.h"
#include "util.h"

/* A quote of at most max bytes of text[0..n), cut at a word. */
static void dis_quote_n(buf *b, const char *text, size_t n, size_t max)
{
    while (n && (text[n - 1] == ' ' || text[n - 1] == ',')) n--;
    if (n <= max) {
        buf_printf(b, "\"%.*s\"", (int)n, text);
        return;
    }
    size_t cut = max;
    while (cut > max / 2 && text[cut] != ' ') cut--;
    buf_printf(b, "\"%.*s ...\"", (int)cut, text);
}

static void dis_quote(buf *b, const char *text, size_t max)
{
    dis_quote_n(b, text, strlen(text), max);
}

static void dis_sources_of(buf *b, const dis_run *r, const dis_side *s)
{
    for (size_t i = 0; i < s->nsrc; i++) {
        if (i) buf_adds(b, i + 1 == s->nsrc ? " and " : ", ");
        dis_cite_source(b, &r->set->sources[s->src[i]]);
    }
}

/* A proposition on the row's aspect, by a source newer than every
 * source of side x, that says something changed ("free-threaded builds
 * are now available"), though it takes no side; NULL when there is
 * none. */
static const rc_prop *dis_change_prop(const dis_run *r, const rc_question *q, const dis_side *x)
{
    for (size_t n = 0; n < r->nnotable; n++) {
        const rc_prop *rp = &r->props[r->notable[n]];
        if (!rp->p.change || rp->p.subject != q->subject || r->set->sources[rp->source].year <= x->latest) continue;
        /* on the aspect as what it judges, not a word it only
         * names beside what it judges */
        for (size_t k = 0; k < rp->p.nkeys; k++)
            if (rp->p.keys[k] == q->key && ((rp->p.judged >> k) & 1)) return rp;
    }
    return NULL;
}

/* "X states it without qualification: "...". Y qualifies the point:
 * "..." (scope: ...)." */
static void dis_absolute_text(const dis_run *r, const dis_item *it, const dis_side *x, const dis_side *qs, buf *b)
{
    dis_sources_of(b, r, x);
    buf_printf(b, " state%s it without qualification: ", x->nsrc == 1 ? "s" : "");
    dis_quote(b, it->claims[x->lead].text, 160);
    buf_adds(b, ". ");
    dis_sources_of(b, r, qs);
    buf_printf(b, " qualif%s the point: ", qs->nsrc == 1 ? "ies" : "y");
    dis_quote(b, it->claims[qs->lead].text, 160);
    int first = 1;
    for (size_t k = 0; k < DIS_SCOPES; k++)
        if (qs->scope[k] && prop_lex_scope_shown(r->lex, k)) {
            buf_printf(b, "%s%s", first ? " (scope: " : ", ", prop_lex_scope_shown(r->lex, k));
            first = 0;
        }
    buf_adds(b, first ? "." : ").");
}

/* Absolute against qualified: a side X whose every claim is absolute
 * against a side with qualified claims (Q, the newest such) makes the
 * row overstated, or outdated too when X is two years older than the
 * newest other side (citing what the newer text says changed).
 * Returns 0 when the row is not of that kind. */
static int dis_verdict_absolute(dis_run *r, dis_item *it, const rc_question *q, const dis_side *sides, size_t ns,
                                buf *b)
{
    size_t X = (size_t)-1;
    for (size_t k = 0; k < ns && q->absolute; k++)
        if (sides[k].nabs == sides[k].nclaims && sides[k].nclaims && sides[k].polarity) X = k;
    if (X == (size_t)-1) return 0;
    size_t Q = (size_t)-1;
    int newest = 0;
    for (size_t k = 0; k < ns; k++)
        if (k != X && sides[k].nqual && (Q == (size_t)-1 || sides[k].latest > sides[Q].latest)) Q = k;
    for (size_t k = 0; k < ns; k++)
        if (k != X && sides[k].latest > newest) newest = sides[k].latest;
    if (Q == (size_t)-1) return 0;
    const dis_side *x = &sides[X];
    dis_absolute_text(r, it, x, &sides[Q], b);
    size_t ch = 0;
    for (size_t k = 0; k < ns && !ch; k++)
        if (k != X && sides[k].change) ch = sides[k].change;
    const rc_prop *chp = ch ? NULL : dis_change_prop(r, q, x);
    if (x->latest && newest && x->latest + 2 <= newest) {
        it->verdict = DIS_OUTDATED;
        buf_printf(b, " The absolute claim is the older (%d, against %d)", x->latest, newest);
        if (ch || chp) {
            buf_adds(b, ", and the newer text says what changed: ");
            if (ch) dis_quote(b, it->claims[ch - 1].text, 160);
            else dis_quote_n(b, r->claims[chp->claim].text + chp->p.start, chp->p.end - chp->p.start, 160);
        }
        buf_adds(b, ": it is overstated and outdated; the qualified claim is the more precise.");
    } else {
        it->verdict = DIS_OVERSTATED;
        buf_adds(b, " The absolute claim is overstated: the qualified one is the more precise.");
    }
    return 1;
}

/* Sides a and o that speak of different scopes: compatible.  Returns 0
 * when they do not. */
static int dis_verdict_scopes(dis_run *r, dis_item *it, const dis_side *a, const dis_side *o, buf *b)
{
    int sa, sb;
    if (!dis_scopes_differ(r->lex, a, o, &sa, &sb)) return 0;
    it->verdict = DIS_COMPATIBLE;
    buf_adds(b, "The sides speak of different scopes, so both can hold: ");
    dis_sources_of(b, r, a);
    buf_printf(b, " (%s)", sa >= 0 ? prop_lex_scope_shown(r->lex, (size_t)sa) : "in general");
    buf_adds(b, " against ");
    dis_sources_of(b, r, o);
    buf_printf(b, " (%s).", sb >= 0 ? prop_lex_scope_shown(r->lex, (size_t)sb) : "in general");
    buf_adds(b, " Read each claim with its qualifier.");
    return 1;
}

/* Is every source of one of sides a and o two years older than every
 * source of the other? */
static int dis_dates_apart(const dis_side *a, const dis_side *o)
{
    return a->latest && o->latest && (a->latest + 2 <= o->earliest || o->latest + 2 <= a->earliest);
}

/* Sides A and B dated apart (dis_dates_apart): outdated.  Returns 0
 * when not so. */
static int dis_verdict_dates(dis_run *r, dis_item *it, const dis_side *sides, size_t A, size_t B, buf *b)
{
    const dis_side *a = &sides[A], *o = &sides[B];
    if (!dis_dates_apart(a, o)) return 0;
    const dis_side *old = a->latest + 2 <= o->earliest ? a : o, *nw = old == a ? o : a;
    it->verdict = DIS_OUTDATED;
    buf_adds(b, "Every source saying ");
    buf_printf(b, "\"%s\" (", it->positions[old - sides]);
    dis_sources_of(b, r, old);
    buf_printf(b, ", latest %d) is older than every source saying \"%s\" (", old->latest, it->positions[nw - sides]);
    dis_sources_of(b, r, nw);
    buf_printf(b, ", from %d on): the older claims are likely outdated.", nw->earliest);
    return 1;
}

/* The count of sources: side A clearly outnumbering B (two or more,
 * three times as many) is the majority; B's sources all on A as well,
 * compatible; else unresolved. */
static void dis_verdict_count(dis_run *r, dis_item *it, const dis_side *sides, size_t A, size_t B, buf *b)
{
    const dis_side *a = &sides[A], *o = &sides[B];
    size_t both;
    if (a->nsrc >= 2 && a->nsrc >= 3 * o->nsrc) {
        it->verdict = DIS_MAJORITY;
        buf_printf(b, "%zu sources against %zu (a count, not proof): ", a->nsrc, o->nsrc);
        dis_sources_of(b, r, a);
        buf_printf(b, " say \"%s\"; ", it->positions[A]);
        dis_sources_of(b, r, o);
        buf_printf(b, " say%s \"%s\".", o->nsrc == 1 ? "s" : "", it->positions[B]);
        return;
    }
    /* no source says the lesser position without saying the other: the
     * sources qualify one point, none contradicts another */
    if (dis_side_within(o, a)) {
        it->verdict = DIS_COMPATIBLE;
        dis_sources_of(b, r, a);
        buf_printf(b, " say%s \"%s\"; ", a->nsrc == 1 ? "s" : "", it->positions[A]);
        buf_adds(b, "of them, ");
        dis_sources_of(b, r, o);
        buf_printf(b, " also say%s \"%s\". No source says \"%s\" without also saying \"%s\": they are cases or "
                      "degrees of one point, not sources contradicting each other; read each claim with its context.",
                   o->nsrc == 1 ? "s" : "", it->positions[B], it->positions[B], it->positions[A]);
        return;
    }
    it->verdict = DIS_UNRESOLVED;
    dis_sources_of(b, r, a);
    buf_printf(b, " say%s \"%s\"; ", a->nsrc == 1 ? "s" : "", it->positions[A]);
    dis_sources_of(b, r, o);
    buf_printf(b, " say%s \"%s\". ", o->nsrc == 1 ? "s" : "", it->positions[B]);
    if (dis_source_on_both(a, o, &both)) {
        dis_cite_source(b, &r->set->sources[both]);
        buf_adds(b, " says both. ");
    }
    buf_adds(b, "Neither dates, scopes nor the number of sources settle it: compare the claims themselves.");
}

/* Does the newer of sides A and B say something changed (a claim of
 * it, or a proposition on the aspect by a newer source)? */
static int dis_newer_change(const dis_run *r, const rc_question *q, const dis_side *sides, size_t A, size_t B)
{
    const dis_side *a = &sides[A], *o = &sides[B];
    const dis_side *old = a->latest <= o->latest ? a : o, *nw = old == a ? o : a;
    return nw->change || dis_change_prop(r, q, old) != NULL;
}

/* Judgements (and rankings) both ways, dated apart: a judgement does
 * not age by itself, so the older side is outdated only where the
 * newer says what changed, or where every claim of both says the
 * subject has or lacks a thing (a feature comes and goes); else the
 * reason says the dates and returns 0 for the count to decide. */
static int dis_verdict_changed(dis_run *r, dis_item *it, const rc_question *q, const dis_side *sides, size_t A,
                               size_t B, buf *b)
{
    if (dis_newer_change(r, q, sides, A, B)) {
        if (!dis_verdict_dates(r, it, sides, A, B, b)) return 0;
        /* name the change the verdict rests on */
        const dis_side *old = sides[A].latest <= sides[B].latest ? &sides[A] : &sides[B];
        const dis_side *nw = old == &sides[A] ? &sides[B] : &sides[A];
        const rc_prop *chp = nw->change ? NULL : dis_change_prop(r, q, old);
        buf_adds(b, " The newer text says what changed: ");
        if (nw->change) dis_quote(b, it->claims[nw->change - 1].text, 160);
        else dis_quote_n(b, r->claims[chp->claim].text + chp->p.start, chp->p.end - chp->p.start, 160);
        buf_adds(b, ".");
        return 1;
    }
    /* ... but a feature had or lacked can be added or dropped: dates
     * alone settle it */
    if (sides[A].nfeat == sides[A].nclaims && sides[B].nfeat == sides[B].nclaims &&
        dis_verdict_dates(r, it, sides, A, B, b)) {
        buf_adds(b, " What a subject has or lacks can change between versions; no newer text says when.");
        return 1;
    }
    if (dis_dates_apart(&sides[A], &sides[B])) {
        const dis_side *old = sides[A].latest < sides[B].latest ? &sides[A] : &sides[B];
        const dis_side *nw = old == &sides[A] ? &sides[B] : &sides[A];
        buf_printf(b, "The sources saying \"%s\" are older (latest %d) than those saying \"%s\" (from %d on), but no "
                      "newer text says what changed. ",
                   it->positions[old - sides], old->latest, it->positions[nw - sides], nw->earliest);
    }
    return 0;
}

/* Sides a and o where one only ranks the subject against the other
 * ("has a steeper learning curve") and the other only judges it
 * ("is easy to learn"): compatible, a thing can be easy and still less
 * so than another.  Returns 0 when they are not. */
static int dis_verdict_ranking(dis_run *r, dis_item *it, const dis_side *a, const dis_side *o, buf *b)
{
    if ((a->nrank != a->nclaims || o->nrank) && (o->nrank != o->nclaims || a->nrank)) return 0;
    const dis_side *rk = a->nrank ? a : o, *pl = rk == a ? o : a;
    it->verdict = DIS_COMPATIBLE;
    buf_adds(b, "One side only ranks the subject against the other (");
    dis_sources_of(b, r, rk);
    buf_adds(b, ": ");
    dis_quote(b, it->claims[rk->lead].text, 120);
    buf_adds(b, "), the other judges it on its own (");
    dis_sources_of(b, r, pl);
    buf_adds(b, ": ");
    dis_quote(b, it->claims[pl->lead].text, 120);
    buf_adds(b, "): a ranking does not deny a plain judgement, so both can hold.");
    return 1;
}

/* The verdict of a stance row: absolute against qualified first, then
 * scopes, a ranking against plain judgements, dates, numbers, each
 * between the largest side and the largest opposing it. */
static void dis_stance_verdict(dis_run *r, dis_item *it, const rc_question *q, dis_side *sides, size_t ns, buf *b)
{
    size_t A, B;
    dis_main_sides(sides, ns, &A, &B);
    if (dis_verdict_absolute(r, it, q, sides, ns, b)) return;
    if (dis_verdict_scopes(r, it, &sides[A], &sides[B], b)) return;
    if (dis_verdict_ranking(r, it, &sides[A], &sides[B], b)) return;
    if (dis_verdict_changed(r, it, q, sides, A, B, b)) return;
    dis_verdict_count(r, it, sides, A, B, b);
}

/* Category, pole and choice rows: the values said; a source that gives
 * two counts for the one it denies, or shows the values are not
 * exclusive. */
/* Are the value sets of a value row's sides nested: of any two, one
 * holds all the other's values ("Scala" within "Java and Scala")? */
static int dis_values_nested(const dis_run *r, const rc_question *q, const dis_side *sides, size_t ns)
{
    for (size_t x = 0; x < ns; x++)
        for (size_t y = x + 1; y < ns; y++) {
            const prop *a = &r->props[q->props[sides[x].lead]].p, *b = &r->props[q->props[sides[y].lead]].p;
            if (!prop_keys_within(a, b) && !prop_keys_within(b, a)) return 0;
        }
    return 1;
}

static void dis_value_verdict(dis_run *r, dis_item *it, const rc_question *q, dis_side *sides, size_t ns, buf *b)
{
    /* a source both asserting and denying a kind counts for the denial:
     * count each side's sources that no denial of its kind comes from */
    size_t cnt[RC_MAX_SIDES] = {0}, A = 0;
    for (size_t k = 0; k < ns; k++) {
        for (size_t i = 0; i < sides[k].nsrc; i++) {
            int denied = 0;
            /* any denial of this kind by this source, in whatever claim
             * ("not a language but a runtime" stands on the runtime side) */
            for (size_t n = 0; n < r->nnotable && q->kind == RC_CATEGORY && !sides[k].negated && !denied; n++) {
                const rc_prop *rp = &r->props[r->notable[n]];
                const prop *pp = &rp->p;
                denied = pp->kind == PROP_CATEGORY && pp->negated && pp->subject == q->subject &&
                         pp->category == sides[k].value && rp->source == sides[k].src[i];
            }
            cnt[k] += !denied;
        }
        if (cnt[k] > cnt[A]) A = k;
    }
    size_t rest = 0, both;
    for (size_t k = 0; k < ns; k++)
        if (k != A && cnt[k] > rest) rest = cnt[k];
    for (size_t k = 0; k < ns; k++) {
        buf_adds(b, k ? "; " : "");
        dis_sources_of(b, r, &sides[k]);
        buf_printf(b, ": %s", it->positions[k]);
    }
    buf_adds(b, ". ");
    /* "written in Scala" against "in Java and Scala": one names part of
     * what the other names */
    if (q->kind == RC_VALUE && dis_values_nested(r, q, sides, ns)) {
        it->verdict = DIS_COMPATIBLE;
        buf_adds(b, "Each shorter list names part of a longer one, and none gives a value another contradicts: both "
                    "can hold, the longer the more complete.");
        return;
    }
    if ((q->kind == RC_POLE || q->kind == RC_CHOICE || q->kind == RC_USE || q->kind == RC_SUITS) && ns >= 2 &&
        dis_source_on_both(&sides[0], &sides[1], &both)) {
        it->verdict = DIS_COMPATIBLE;
        dis_cite_source(b, &r->set->sources[both]);
        buf_adds(b, " itself gives both, so for it they are not exclusive: both can hold at once.");
        return;
    }
    /* a choice whose sides speak of different scopes: "high-traffic
     * web apps -> X" against "large-scale enterprise systems" for Y */
    if ((q->kind == RC_CHOICE || q->kind == RC_USE) && ns >= 2) {
        size_t X, Y;
        dis_main_sides(sides, ns, &X, &Y);
        buf t = BUF_INIT;
        int differ = X != Y && dis_verdict_scopes(r, it, &sides[X], &sides[Y], &t);
        if (differ) buf_adds(b, buf_cstr(&t));
        buf_free(&t);
        if (differ) return;
    }
    /* values of one aspect where one side only hedges ("optional
     * static typing", "can be compiled") and the other mostly states
     * plainly: the one in general, the other as an option or in some
     * cases */
    for (size_t k = 0; q->kind == RC_POLE && ns == 2 && k < 2; k++) {
        const dis_side *h = &sides[k], *p = &sides[1 - k];
        if (h->nqual != h->nclaims || 2 * p->nqual >= p->nclaims) continue;
        it->verdict = DIS_COMPATIBLE;
        buf_printf(b, "Every claim for \"%s\" is qualified (", it->positions[k]);
        dis_quote(b, it->claims[h->lead].text, 120);
        buf_printf(b, "), most for \"%s\" plain: %s in general, %s as an option or in some cases; both can hold.",
                   it->positions[1 - k], it->positions[1 - k], it->positions[k]);
        return;
    }
    /* a value can change (a rewrite in another language too): a newer
     * one against an older one */
    if ((q->kind == RC_POLE || q->kind == RC_VALUE) && ns >= 2) {
        size_t X, Y;
        dis_main_sides(sides, ns, &X, &Y);
        buf t = BUF_INIT;
        if (X != Y && dis_verdict_dates(r, it, sides, X, Y, &t)) {
            buf_adds(b, buf_cstr(&t));
            buf_free(&t);
            return;
        }
        buf_free(&t);
    }
    if (cnt[A] >= 2 && cnt[A] >= 3 * rest) {
        it->verdict = DIS_MAJORITY;
        buf_printf(b, "%zu sources consistently say \"%s\" against at most %zu for another (a count, not proof)",
                   cnt[A], it->positions[A], rest);
        buf_adds(b, q->kind == RC_CATEGORY ? "; a source that also denies a kind it elsewhere gives is counted for the "
                                             "denial."
                                           : ".");
        return;
    }
    it->verdict = DIS_UNRESOLVED;
    buf_adds(b, "No side clearly outnumbers the others, and the texts do not settle it.");
}

/* A ranking row: a ranking against "alike" is compatible (both can
 * hold, the ranking the more precise); rankings both ways are weighed
 * as a stance row's sides are, by dates, then by count. */
static void dis_rank_verdict(dis_run *r, dis_item *it, const rc_question *q, const dis_side *sides, size_t ns,
                             buf *b)
{
    size_t up = (size_t)-1, down = (size_t)-1, alike = (size_t)-1;
    for (size_t k = 0; k < ns; k++) {
        size_t *at = sides[k].value > 0 ? &up : sides[k].value < 0 ? &down : &alike;
        if (*at == (size_t)-1) *at = k;
    }
    if (up != (size_t)-1 && down != (size_t)-1) {
        size_t A = sides[up].nsrc >= sides[down].nsrc ? up : down, B = A == up ? down : up;
        if (!dis_verdict_changed(r, it, q, sides, A, B, b)) dis_verdict_count(r, it, sides, A, B, b);
        return;
    }
    size_t rk = up != (size_t)-1 ? up : down;
    if (rk == (size_t)-1 || alike == (size_t)-1) {   /* rc_ranks makes no such row */
        it->verdict = DIS_UNRESOLVED;
        buf_adds(b, "The sources do not rank the two.");
        return;
    }
    it->verdict = DIS_COMPATIBLE;
    dis_sources_of(b, r, &sides[rk]);
    buf_printf(b, " rank%s them: ", sides[rk].nsrc == 1 ? "s" : "");
    dis_quote(b, it->claims[sides[rk].lead].text, 160);
    buf_adds(b, ". ");
    dis_sources_of(b, r, &sides[alike]);
    buf_printf(b, " judge%s both alike without ranking them: ", sides[alike].nsrc == 1 ? "s" : "");
    dis_quote(b, it->claims[sides[alike].lead].text, 160);
    buf_adds(b, ". Both can hold; the ranking is the more precise claim.");
}

void dis_question_item(dis_run *r, const rc_question *q)
{
    const char *subj = tax_subject(r->tax, (size_t)q->subject);
    const char *vs = q->versus >= 0 ? tax_subject(r->tax, (size_t)q->versus) : NULL;
    if (r->f->subject && strcmp(r->f->subject, subj) != 0 && !(vs && strcmp(r->f->subject, vs) == 0)) return;
    dis_side sides[RC_MAX_SIDES];
    size_t ns = dis_sides(r, q, sides);
    if (dis_off_scope(r, q, sides, ns)) {
        dis_sides_free(sides);
        return;
    }
    int best = dis_question_dimension(r, q);
    const char *dim = best >= 0 ? tax_dimension(r->tax, (size_t)best) : NULL;
    if (r->f->dimension && (!dim || strcmp(r->f->dimension, dim) != 0)) {
        dis_sides_free(sides);
        return;
    }
    buf b = BUF_INIT;
    if (vs) buf_printf(&b, "%s, %s", subj, vs);
    dis_kind kind = q->kind == RC_STANCE || q->kind == RC_CHOICE || q->kind == RC_USE || q->kind == RC_SUITS ||
                            q->kind == RC_RANK
                        ? DIS_STANCE
                        : DIS_CATEGORY;
    dis_item *it = dis_new_item(r, kind, vs ? buf_cstr(&b) : subj);
    it->dimension = kb_strdup(dim);
    for (size_t i = 0; i < q->n; i++) {
        const rc_prop *rp = &r->props[q->props[i]];
        const dis_cl *cl = &r->claims[rp->claim];
        dis_claim d;
        memset(&d, 0, sizeof d);
        d.id = cl->id;
        d.source = cl->source;
        d.text = cl->text;
        d.start = cl->start;
        d.end = cl->end;
        d.polarity = rc_polarity(&rp->p);
        d.modality = rp->p.modality == PROP_ABSOLUTE    ? DIS_MOD_ABSOLUTE
                     : rp->p.modality == PROP_QUALIFIED ? DIS_MOD_QUALIFIED
                                                        : DIS_MOD_NONE;
        d.comparative = rp->p.versus >= 0;
        dis_add_claim(it, &d, q->side[i]);
    }
    for (size_t k = 0; k < ns; k++) {
        buf_reset(&b);
        dis_position(r, q, &sides[k], &b);
        dis_set_position(it, k, buf_cstr(&b));
    }
    dis_label(r, it, q, sides, ns);
    buf_reset(&b);
    if (q->kind == RC_STANCE) dis_stance_verdict(r, it, q, sides, ns, &b);
    else if (q->kind == RC_RANK) dis_rank_verdict(r, it, q, sides, ns, &b);
    else dis_value_verdict(r, it, q, sides, ns, &b);
    it->explanation = buf_detach(&b, NULL);
    dis_sides_free(sides);
}
