/*
 * export_words.c - the wording every export format shares: the title,
 * the overview paragraph, section names, citation labels, and how a
 * dispute's sides and claims are summed up.  See export_words.h.
 */
#include "export_words.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void export_title(const report *r, buf *b)
{
    if (r->subject) {
        buf_adds(b, r->subject);
    } else if (r->nsubjects == 0) {
        buf_adds(b, "The sources");
    } else {
        size_t shown = r->nsubjects > 4 ? 3 : r->nsubjects;
        for (size_t i = 0; i < shown; i++) {
            if (i) buf_adds(b, i + 1 == shown && shown == r->nsubjects ? " and " : ", ");
            buf_adds(b, r->subjects[i]);
        }
        if (shown < r->nsubjects) buf_printf(b, " and %zu more", r->nsubjects - shown);
    }
    buf_printf(b, ": what %zu source%s say%s", r->nsources, r->nsources == 1 ? "" : "s",
               r->nsources == 1 ? "s" : "");
    if (r->dimension) buf_printf(b, " about %s", r->dimension);
}

/* The report's first citation, for the overview's example. */
static const report_cite *export_first_cite(const report *r)
{
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        if (s->nagreements && s->agreements[0].nquotes) return &s->agreements[0].quotes[0];
        if (s->ndisputes && s->disputes[0].nclaims) return &s->disputes[0].claims[0].cite;
        if (s->nfigures) return &s->figures[0].cite;
    }
    return NULL;
}

void export_overview(const report *r, buf *b)
{
    buf_printf(b, "This summary reads %zu source%s (%lld claims in all) and draws on the %zu claim%s that take a stance "
                  "on a subject or give a figure for it",
               r->nsources, r->nsources == 1 ? "" : "s", r->total_claims, r->nclaims, r->nclaims == 1 ? "" : "s");
    if (r->subject || r->dimension) {
        buf_adds(b, " (only");
        if (r->subject) buf_printf(b, " %s", r->subject);
        if (r->dimension) buf_printf(b, "%s %s", r->subject ? ", on" : " on", r->dimension);
        buf_adds(b, ")");
    }
    buf_printf(b, ".  The sources agree on %zu point%s and dispute %zu", r->nagreements,
               r->nagreements == 1 ? "" : "s", r->ndisputes);
    size_t counts[DIS_VERDICT_COUNT] = {0};
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t k = 0; k < r->sections[i].ndisputes; k++) {
            dis_verdict v = r->sections[i].disputes[k].verdict;
            if ((unsigned)v < DIS_VERDICT_COUNT) counts[v]++;
        }
    if (r->ndisputes) {
        buf_adds(b, " (");
        int first = 1;
        for (size_t v = 0; v < DIS_VERDICT_COUNT; v++) {
            if (!counts[v]) continue;
            buf_printf(b, "%s%zu %s", first ? "" : ", ", counts[v], dis_verdict_name((dis_verdict)v));
            first = 0;
        }
        buf_adds(b, ")");
    }
    buf_printf(b, "; %zu figure%s %s listed.", r->nfigures, r->nfigures == 1 ? "" : "s",
               r->nfigures == 1 ? "is" : "are");
    const report_cite *c = export_first_cite(r);
    if (c) {
        buf_adds(b, "  A citation such as ");
        export_cite_label(c, b);
        buf_adds(b, " names a source by its number in the list at the end and gives the byte range of the "
                    "quoted claim in its text (for an HTML source, the text that kb show prints).");
    }
}

void export_section_name(const report_section *s, buf *b)
{
    if (!s->dimension) {
        buf_adds(b, "Other figures and disputes");
        return;
    }
    size_t at = b->len;
    buf_adds(b, s->dimension);
    if (b->data[at] >= 'a' && b->data[at] <= 'z') b->data[at] = (char)(b->data[at] - 'a' + 'A');
}

void export_measure_name(const char *measure, buf *b)
{
    report_measure_words(measure ? measure : "", b);
}

void export_cite_label(const report_cite *c, buf *b)
{
    buf_printf(b, "[%d: %lld\xe2\x80\x93%lld]", c->source, c->start, c->end);
}

/* The position of the side claim c is on ("no, without qualification"). */
static const char *export_position(const report_dispute *d, const report_dispute_claim *c)
{
    size_t k = (size_t)(c->side - 'a');
    return k < d->nsides && d->positions[k] ? d->positions[k] : NULL;
}

void export_claim_gist(const report_dispute *d, const report_dispute_claim *c, buf *b)
{
    if (c->raw) buf_adds(b, c->raw);
    else if (export_position(d, c)) buf_adds(b, export_position(d, c));
}

/* "no, without qualification: 2 sources" for the side claim k is on
 * (its claims are consecutive: d's claims come by side). */
static void export_side_desc(const report_dispute *d, size_t k, buf *b)
{
    char side = d->claims[k].side;
    size_t a = k, e = k, nsrc = 0;
    while (a > 0 && d->claims[a - 1].side == side) a--;
    while (e < d->nclaims && d->claims[e].side == side) e++;
    int top = 0;
    for (size_t i = a; i < e; i++)
        if (d->claims[i].cite.source > top) top = d->claims[i].cite.source;
    unsigned char *seen = kb_calloc((size_t)top + 1, 1);
    for (size_t i = a; i < e; i++)
        if (d->claims[i].cite.source >= 0 && !seen[d->claims[i].cite.source]) {
            seen[d->claims[i].cite.source] = 1;
            nsrc++;
        }
    free(seen);
    const char *pos = export_position(d, &d->claims[k]);
    if (pos) buf_printf(b, "%s: ", pos);
    buf_printf(b, "%zu source%s", nsrc, nsrc == 1 ? "" : "s");
}

void export_side_label(const report_dispute *d, size_t k, buf *b)
{
    buf_printf(b, "Side %c (", d->claims[k].side);
    export_side_desc(d, k, b);
    buf_addc(b, ')');
}

void export_dispute_gist(const report_dispute *d, const char *dimension, buf *b)
{
    (void)dimension;
    buf_printf(b, "%s \xe2\x80\x94 %s (", d->question ? d->question : d->subject ? d->subject : "",
               dis_verdict_name(d->verdict));
    for (size_t k = 0; k < d->nclaims; k++) {
        if (k && d->claims[k].side == d->claims[k - 1].side) continue;
        if (k) buf_adds(b, "; ");
        if (d->measure && !d->nsides) {
            /* the figures of this side, each once */
            int first = 1;
            for (size_t j = k; j < d->nclaims && d->claims[j].side == d->claims[k].side; j++) {
                const char *raw = d->claims[j].raw;
                int seen = !raw;
                for (size_t m = k; m < j && !seen; m++) seen = d->claims[m].raw && strcmp(d->claims[m].raw, raw) == 0;
                if (seen) continue;
                buf_printf(b, "%s%s", first ? "" : ", ", raw);
                first = 0;
            }
        } else {
            export_side_desc(d, k, b);
        }
    }
    buf_addc(b, ')');
}

int export_side_ends(const report_dispute *d, size_t k)
{
    return k + 1 >= d->nclaims || d->claims[k + 1].side != d->claims[k].side;
}

size_t export_side_rest(const report_dispute *d, size_t k)
{
    size_t n = 0;
    for (size_t i = k + 1; i-- > 0 && d->claims[i].side == d->claims[k].side;) n += !d->claims[i].lead;
    for (size_t i = k + 1; i < d->nclaims && d->claims[i].side == d->claims[k].side; i++) n += !d->claims[i].lead;
    return n;
}
