/*
 * dis_agree.c - an agreement (reconcile.h: a subject's aspect two or
 * more sources judge one way and none the other, or an attribute they
 * all give the same values) as the set keeps it:
 * its subject, aspect and dimension, the clause that leads it, and its
 * claims with their sources.
 */
#include <stdlib.h>
#include <string.h>

#include "dis_int.h"
#include "util.h"

void dis_agreement_add(dis_run *r, const rc_question *a)
{
    const char *subj = tax_subject(r->tax, (size_t)a->subject);
    if (r->f->subject && strcmp(r->f->subject, subj) != 0) return;
    int best = dis_question_dimension(r, a);
    const char *dim = best >= 0 ? tax_dimension(r->tax, (size_t)best) : NULL;
    if (r->f->dimension && (!dim || strcmp(r->f->dimension, dim) != 0)) return;
    dis_set *set = r->set;
    set->agreements = kb_realloc(set->agreements, (set->nagreements + 1) * sizeof *set->agreements);
    dis_agreement *ag = &set->agreements[set->nagreements++];
    memset(ag, 0, sizeof *ag);
    ag->subject = kb_strdup(subj);
    /* a value agreement ("written in Rust") is on the attribute, and
     * asks no yes-or-no question: its lead quote says the value */
    int value = a->kind == RC_VALUE;
    ag->aspect = kb_strdup(value ? prop_lex_attribute(r->lex, a->key) : prop_key_shown(r->keys, a->key));
    const char *tmpl = value ? NULL : prop_lex_question(r->lex, prop_key_str(r->keys, a->key));
    if (tmpl) {
        buf q = BUF_INIT;
        dis_template(&q, tmpl, subj);
        ag->question = buf_detach(&q, NULL);
    }
    ag->dimension = kb_strdup(dim);
    ag->polarity = r->props[a->props[0]].p.polarity;
    /* the lead: the first clause that names the subject, else the first */
    const rc_prop *lead = &r->props[a->props[0]];
    for (size_t i = 0; i < a->n; i++) {
        const rc_prop *rp = &r->props[a->props[i]];
        const char *t = r->claims[rp->claim].text + rp->p.start;
        if (dis_names(t, rp->p.end - rp->p.start, subj)) {
            lead = rp;
            break;
        }
    }
    ag->lead = kb_strndup(r->claims[lead->claim].text + lead->p.start, lead->p.end - lead->p.start);
    ag->claims = kb_malloc((a->n ? a->n : 1) * sizeof *ag->claims);
    for (size_t i = 0; i < a->n; i++) {
        const rc_prop *rp = &r->props[a->props[i]];
        const dis_cl *cl = &r->claims[rp->claim];
        dis_claim *d = &ag->claims[ag->nclaims++];
        memset(d, 0, sizeof *d);
        d->id = cl->id;
        d->source = cl->source;
        d->text = kb_strdup(cl->text);
        d->start = cl->start;
        d->end = cl->end;
        d->side = 'a';
        d->polarity = rp->p.polarity;
        /* the claims come in source order (rc_agreement) */
        ag->nsources += ag->nclaims == 1 || ag->claims[ag->nclaims - 2].source != d->source;
    }
}
