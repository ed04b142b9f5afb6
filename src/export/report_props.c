/*
 * report_props.c - the propositions two or more sources share and none
 * disputes (the finder's agreements, disagree.h) as the report's
 * agreements: a statement in words, and one quote per source.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

/* The finder's agreements as propositions: what two or more sources say
 * of one aspect, each source quoted once (report.h). */
void rep_propositions(rep_build *b, const dis_set *ds, const int *num)
{
    size_t total = b->r->nsources;
    for (size_t i = 0; i < ds->nagreements; i++) {
        const dis_agreement *ag = &ds->agreements[i];
        size_t si = rep_section(b, ag->dimension);
        report_agreement *a = rep_agreement_add(&b->r->sections[si]);
        a->kind = REPORT_PROPOSITION;
        a->subject = kb_strdup(ag->subject);
        a->aspect = kb_strdup(ag->aspect);
        a->polarity = ag->polarity;
        a->nsources = ag->nsources;
        a->nclaims = ag->nclaims;
        rep_subject_note(b, ag->subject);
        buf st = BUF_INIT;
        /* "All 5 sources say yes to “Is X easy to learn?”: “...”.", or
         * where the aspect has no question, "All 5 sources agree on X's
         * event loop: “...”." */
        if (ag->nsources >= total && total == 2) buf_adds(&st, "Both sources");
        else if (ag->nsources >= total) buf_printf(&st, "All %zu sources", ag->nsources);
        else buf_printf(&st, "%zu of %zu sources", ag->nsources, total);
        if (ag->question)
            buf_printf(&st, " say %s to \xe2\x80\x9c%s\xe2\x80\x9d", ag->polarity < 0 ? "no" : "yes", ag->question);
        else
            buf_printf(&st, " agree on %s's %s", ag->subject, ag->aspect);
        buf_printf(&st, ": \xe2\x80\x9c%s\xe2\x80\x9d.", ag->lead);
        a->statement = buf_detach(&st, NULL);
        a->quotes = kb_calloc(ag->nsources ? ag->nsources : 1, sizeof *a->quotes);
        /* the claims come by source: the most telling of each */
        for (size_t k = 0; k < ag->nclaims;) {
            size_t j = k, best = k;
            for (; j < ag->nclaims && ag->claims[j].source == ag->claims[k].source; j++) {
                const char *tj = ag->claims[j].text, *tb = ag->claims[best].text;
                if (rep_better_quote(tj, strlen(tj), tb, strlen(tb), ag->subject)) best = j;
                rep_note_use(b, si, ag->claims[j].id);
            }
            const dis_claim *c = &ag->claims[best];
            report_cite *q = &a->quotes[a->nquotes++];
            q->source = num[c->source];
            q->claim_id = c->id;
            q->start = c->start;
            q->end = c->end;
            q->text = kb_strdup(c->text);
            q->text_len = strlen(c->text);
            k = j;
        }
    }
}
