/*
 * export_data.c - the report for programs: JSON (the same report as
 * the Markdown, as one object), CSV (one row per cited claim) and the
 * source list as CSL-JSON (for Zotero, pandoc --citeproc; a URL that is
 * not http(s) is left out there, since citation styles make it a link).  JSON goes
 * through json.h, so escaping is done in one place.
 *
 * JSON shape:
 *   {"title", "overview", "filter": {subject, dimension},
 *    "counts": {sources, claims_total, claims, agreements, disputes, figures},
 *    "sections": [{dimension (null: none), name, claims,
 *      "agreements": [{id, kind, subject, aspect, polarity (a proposition's;
 *                      null for a numeric one), measure, value (a numeric
 *                      one's; null for a proposition), statement, sources,
 *                      claims, dispute, quotes: [CITE]}],
 *      "disputes": [{id, kind, verdict, subject, measure, explanation,
 *                    claims: [CITE + side, polarity | raw + value]}],
 *      "figures": [{id, subject, measure, raw, kind, unit, version, value,
 *                   interval, CITE}]}],
 *    "sources": [{n, id, path, format, title, site, author, date, url}]}
 * where CITE is {source (the number), claim, start, end, text} and a
 * value is {low, high (null: unbounded), low_open, high_open, approx}.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_escape.h"
#include "export_words.h"
#include "json.h"

/* Numbers with 15 significant digits (json_num keeps only 6). */
static void export_json_num(json *j, double v)
{
    if (!isfinite(v)) {
        json_null(j);
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v);
    json_raw(j, tmp);
}

static void export_json_value(json *j, const report_interval *v)
{
    json_object(j);
    json_key(j, "low");
    if (v->has_low) export_json_num(j, v->low);
    else json_null(j);
    json_key(j, "high");
    if (v->has_high) export_json_num(j, v->high);
    else json_null(j);
    json_key(j, "low_open"); json_bool(j, v->low_open);
    json_key(j, "high_open"); json_bool(j, v->high_open);
    json_key(j, "approx"); json_bool(j, v->approx);
    json_end(j);
}

static void export_json_cite_fields(json *j, const report_cite *c)
{
    json_key(j, "source"); json_int(j, c->source);
    json_key(j, "claim"); json_int(j, c->claim_id);
    json_key(j, "start"); json_int(j, c->start);
    json_key(j, "end"); json_int(j, c->end);
    json_key(j, "text"); json_strn(j, c->text, c->text_len);
}

static void export_json_agreement(json *j, const report_agreement *a)
{
    json_object(j);
    json_key(j, "id"); json_int(j, a->id);
    json_key(j, "kind"); json_str(j, report_agreement_kind_name(a->kind));
    json_key(j, "subject"); json_str(j, a->subject);
    int prop = a->kind == REPORT_PROPOSITION;
    json_key(j, "aspect"); json_str(j, prop ? a->aspect : NULL);
    json_key(j, "polarity");
    if (prop) json_int(j, a->polarity);
    else json_null(j);
    json_key(j, "measure"); json_str(j, a->measure);
    json_key(j, "value"); export_json_value(j, &a->value);
    json_key(j, "statement"); json_str(j, a->statement);
    json_key(j, "sources"); json_int(j, (long long)a->nsources);
    json_key(j, "claims"); json_int(j, (long long)a->nclaims);
    json_key(j, "dispute");
    if (a->dispute) json_int(j, a->dispute);
    else json_null(j);
    json_key(j, "quotes");
    json_array(j);
    for (size_t k = 0; k < a->nquotes; k++) {
        json_object(j);
        export_json_cite_fields(j, &a->quotes[k]);
        json_end(j);
    }
    json_end(j);
    json_end(j);
}

static void export_json_dispute(json *j, const report_dispute *d)
{
    json_object(j);
    json_key(j, "id"); json_int(j, d->id);
    json_key(j, "kind"); json_str(j, dis_kind_name(d->kind));
    json_key(j, "verdict"); json_str(j, dis_verdict_name(d->verdict));
    json_key(j, "subject"); json_str(j, d->subject);
    json_key(j, "measure"); json_str(j, d->measure);
    json_key(j, "explanation"); json_str(j, d->explanation);
    json_key(j, "claims");
    json_array(j);
    for (size_t k = 0; k < d->nclaims; k++) {
        const report_dispute_claim *c = &d->claims[k];
        char side[2] = {c->side, '\0'};
        json_object(j);
        json_key(j, "side"); json_str(j, side);
        if (c->raw) {
            json_key(j, "raw"); json_str(j, c->raw);
            json_key(j, "value"); export_json_value(j, &c->value);
        } else {
            json_key(j, "polarity"); json_int(j, c->polarity);
        }
        export_json_cite_fields(j, &c->cite);
        json_end(j);
    }
    json_end(j);
    json_end(j);
}

static void export_json_figure(json *j, const report_figure *g)
{
    buf iv = BUF_INIT;
    report_interval_text(&g->value, &iv);
    json_object(j);
    json_key(j, "id"); json_int(j, g->id);
    json_key(j, "subject"); json_str(j, g->subject);
    json_key(j, "measure"); json_str(j, g->measure);
    json_key(j, "raw"); json_str(j, g->raw);
    json_key(j, "kind"); json_str(j, qty_kind_name(g->kind));
    json_key(j, "unit"); json_str(j, g->unit);
    json_key(j, "version"); json_str(j, g->version);
    json_key(j, "value"); export_json_value(j, &g->value);
    json_key(j, "interval"); json_str(j, buf_cstr(&iv));
    export_json_cite_fields(j, &g->cite);
    json_end(j);
    buf_free(&iv);
}

void export_json(const report *r, FILE *f)
{
    json j;
    buf b = BUF_INIT;
    json_init(&j, f);
    json_object(&j);
    export_title(r, &b);
    json_key(&j, "title"); json_str(&j, buf_cstr(&b));
    buf_reset(&b);
    export_overview(r, &b);
    json_key(&j, "overview"); json_str(&j, buf_cstr(&b));
    json_key(&j, "filter");
    json_object(&j);
    json_key(&j, "subject"); json_str(&j, r->subject);
    json_key(&j, "dimension"); json_str(&j, r->dimension);
    json_end(&j);
    json_key(&j, "counts");
    json_object(&j);
    json_key(&j, "sources"); json_int(&j, (long long)r->nsources);
    json_key(&j, "claims_total"); json_int(&j, r->total_claims);
    json_key(&j, "claims"); json_int(&j, (long long)r->nclaims);
    json_key(&j, "agreements"); json_int(&j, (long long)r->nagreements);
    json_key(&j, "disputes"); json_int(&j, (long long)r->ndisputes);
    json_key(&j, "figures"); json_int(&j, (long long)r->nfigures);
    json_end(&j);
    json_key(&j, "sections");
    json_array(&j);
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        buf_reset(&b);
        export_section_name(s, &b);
        json_object(&j);
        json_key(&j, "dimension"); json_str(&j, s->dimension);
        json_key(&j, "name"); json_str(&j, buf_cstr(&b));
        json_key(&j, "claims"); json_int(&j, (long long)s->nclaims);
        json_key(&j, "agreements");
        json_array(&j);
        for (size_t k = 0; k < s->nagreements; k++) export_json_agreement(&j, &s->agreements[k]);
        json_end(&j);
        json_key(&j, "disputes");
        json_array(&j);
        for (size_t k = 0; k < s->ndisputes; k++) export_json_dispute(&j, &s->disputes[k]);
        json_end(&j);
        json_key(&j, "figures");
        json_array(&j);
        for (size_t k = 0; k < s->nfigures; k++) export_json_figure(&j, &s->figures[k]);
        json_end(&j);
        json_end(&j);
    }
    json_end(&j);
    json_key(&j, "sources");
    json_array(&j);
    for (size_t i = 0; i < r->nsources; i++) {
        const report_source *s = &r->sources[i];
        json_object(&j);
        json_key(&j, "n"); json_int(&j, s->n);
        json_key(&j, "id"); json_int(&j, s->id);
        json_key(&j, "path"); json_str(&j, s->path);
        json_key(&j, "format"); json_str(&j, s->format);
        json_key(&j, "title"); json_str(&j, s->title);
        json_key(&j, "site"); json_str(&j, s->site);
        json_key(&j, "author"); json_str(&j, s->author);
        json_key(&j, "date"); json_str(&j, s->date);
        json_key(&j, "url"); json_str(&j, s->url);
        json_end(&j);
    }
    json_end(&j);
    json_end(&j);
    buf_free(&b);
}

/* ---- CSV ---- */

static void export_csv_str(FILE *f, const char *s)
{
    if (s) export_csv_field(f, s, strlen(s));
}

/* One row: the fields before the citation, then the cited claim. */
static void export_csv_row(const report *r, FILE *f, const char *section, const char *dimension,
                           const char *subject, const char *statement, char side, const char *verdict,
                           const report_cite *c)
{
    const report_source *s = report_source_n(r, c->source);
    export_csv_str(f, section);
    fputc(',', f);
    export_csv_str(f, dimension);
    fputc(',', f);
    export_csv_str(f, subject);
    fputc(',', f);
    export_csv_str(f, statement);
    fputc(',', f);
    if (side) fputc(side, f);
    fputc(',', f);
    export_csv_str(f, verdict);
    fprintf(f, ",%d,", c->source);
    export_csv_str(f, s ? s->path : NULL);
    fputc(',', f);
    export_csv_str(f, s ? s->title : NULL);
    fputc(',', f);
    export_csv_str(f, s ? s->date : NULL);
    fprintf(f, ",%lld,%lld,", c->start, c->end);
    export_csv_field(f, c->text, c->text_len);
    fputs("\r\n", f);
}

void export_csv(const report *r, FILE *f)
{
    fputs("section,dimension,subject,statement,side,verdict,source,path,title,date,start,end,text\r\n", f);
    buf b = BUF_INIT;
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        for (size_t k = 0; k < s->nagreements; k++) {
            const report_agreement *a = &s->agreements[k];
            for (size_t q = 0; q < a->nquotes; q++)
                export_csv_row(r, f, "agreement", s->dimension, a->subject, a->statement, 0, NULL, &a->quotes[q]);
        }
        for (size_t k = 0; k < s->ndisputes; k++) {
            const report_dispute *d = &s->disputes[k];
            buf_reset(&b);
            buf_printf(&b, "D%d", d->id);
            for (size_t q = 0; q < d->nclaims; q++)
                export_csv_row(r, f, "dispute", s->dimension, d->subject, buf_cstr(&b), d->claims[q].side,
                               dis_verdict_name(d->verdict), &d->claims[q].cite);
        }
        for (size_t k = 0; k < s->nfigures; k++) {
            const report_figure *g = &s->figures[k];
            buf_reset(&b);
            buf_printf(&b, "%s = ", g->measure);
            report_interval_text(&g->value, &b);
            export_csv_row(r, f, "figure", s->dimension, g->subject, buf_cstr(&b), 0, NULL, &g->cite);
        }
    }
    buf_free(&b);
}

/* ---- CSL-JSON ---- */

/* "2026-05-08" -> [2026, 5, 8]; "2019" -> [2019].  0 when not a date. */
static size_t export_date_parts(const char *date, int parts[3])
{
    size_t n = 0;
    const char *p = date;
    while (n < 3 && *p >= '0' && *p <= '9') {
        char *end;
        long v = strtol(p, &end, 10);
        if (v <= 0 || v > 9999) break;
        parts[n++] = (int)v;
        if (*end != '-') break;
        p = end + 1;
    }
    return n;
}

void export_csl_json(const report *r, FILE *f)
{
    json j;
    json_init(&j, f);
    json_array(&j);
    for (size_t i = 0; i < r->nsources; i++) {
        const report_source *s = &r->sources[i];
        char id[32];
        snprintf(id, sizeof id, "src-%d", s->n);
        json_object(&j);
        json_key(&j, "id"); json_str(&j, id);
        /* on the web (a URL or a site): a web page; else an article */
        json_key(&j, "type"); json_str(&j, s->url || s->site ? "webpage" : "article");
        json_key(&j, "title"); json_str(&j, s->title ? s->title : s->path);
        if (s->author) {
            json_key(&j, "author");
            json_array(&j);
            json_object(&j);
            json_key(&j, "literal"); json_str(&j, s->author);
            json_end(&j);
            json_end(&j);
        }
        int parts[3];
        size_t np = s->date ? export_date_parts(s->date, parts) : 0;
        if (np) {
            json_key(&j, "issued");
            json_object(&j);
            json_key(&j, "date-parts");
            json_array(&j);
            json_array(&j);
            for (size_t k = 0; k < np; k++) json_int(&j, parts[k]);
            json_end(&j);
            json_end(&j);
            json_end(&j);
        }
        /* citation styles make URL a link: only a web address is one */
        if (export_url_is_web(s->url)) {
            json_key(&j, "URL"); json_str(&j, s->url);
        }
        if (s->site) {
            json_key(&j, "container-title"); json_str(&j, s->site);
        }
        json_key(&j, "note"); json_str(&j, s->path);
        json_end(&j);
    }
    json_end(&j);
}
