/*
 * check_report.c - the model of a cited summary (report.c): sources
 * numbered in path order, stance and numeric agreements with one quote
 * per source (and which quote), filters, the order of sections, every
 * citation pointing at the claim's own bytes, the interval notation
 * and a percent's value, an empty database, a quantity kind the store
 * does not name, and the same report twice.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "export.h"
#include "ingest.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static void ingest(const char *path)
{
    tu_ingest(tu_st, path, NULL);
}

static report *build(const char *subject, const char *dimension)
{
    report_filter f = {subject, dimension};
    report *r = NULL;
    char *err = NULL;
    ck_assert_msg(report_build(tu_st, &f, &r, &err) == KB_OK, "%s", err ? err : "");
    ck_assert_ptr_nonnull(r);
    return r;
}

static const report_section *section(const report *r, const char *dimension)
{
    for (size_t i = 0; i < r->nsections; i++)
        if (r->sections[i].dimension && strcmp(r->sections[i].dimension, dimension) == 0) return &r->sections[i];
    return NULL;
}

/* The cited text is the source's stored text at [start, end). */
static void check_cite(const report *r, const report_cite *c)
{
    const report_source *s = report_source_n(r, c->source);
    ck_assert_ptr_nonnull(s);
    char *body = NULL, *err = NULL;
    size_t len = 0;
    ck_assert_int_eq(store_text_get(tu_st, s->id, &body, &len, &err), KB_OK);
    ck_assert(c->start >= 0 && c->start <= c->end && (size_t)c->end <= len);
    ck_assert_uint_eq((size_t)(c->end - c->start), c->text_len);
    ck_assert_msg(memcmp(body + c->start, c->text, c->text_len) == 0, "citation [%d: %lld-%lld] is not its text",
                  c->source, c->start, c->end);
    free(body);
}

START_TEST(test_sources_numbered_by_path)
{
    ingest("tests/fixtures/export");
    report *r = build(NULL, NULL);
    ck_assert_uint_eq(r->nsources, 2);
    ck_assert_str_eq(report_source_n(r, 1)->path, "tests/fixtures/export/hostile.md");
    ck_assert_str_eq(report_source_n(r, 2)->path, "tests/fixtures/export/plain.md");
    ck_assert_int_eq(r->sources[1].n, 2);
    ck_assert_ptr_null(report_source_n(r, 0));
    ck_assert_ptr_null(report_source_n(r, 3));
    ck_assert_str_eq(report_source_n(r, 1)->url, "javascript:alert(1)");
    ck_assert_str_eq(report_source_n(r, 2)->date, "2023-05-06");
    ck_assert_uint_eq(r->nsubjects, 1);
    ck_assert_str_eq(r->subjects[0], "Python");
    ck_assert_int_eq(r->total_claims, 6);
    report_free(r);
}
END_TEST

START_TEST(test_agreements)
{
    ingest("tests/fixtures/export");
    report *r = build(NULL, NULL);
    /* both articles call Python easy to learn: an agreement, stated as
     * what they say, not as a judgement */
    const report_section *s = section(r, "learning curve");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->nagreements, 1);
    const report_agreement *a = &s->agreements[0];
    ck_assert_int_eq(a->kind, REPORT_PROPOSITION);
    ck_assert_str_eq(report_agreement_kind_name(a->kind), "proposition");
    ck_assert_str_eq(a->subject, "Python");
    ck_assert_str_eq(a->aspect, "learning");
    ck_assert_int_eq(a->polarity, 1);
    ck_assert_ptr_nonnull(strstr(a->statement, "Both sources say yes to \xe2\x80\x9cIs Python easy to learn?\xe2\x80\x9d: "
                                               "\xe2\x80\x9cPython is easy"));
    ck_assert_ptr_null(strstr(a->statement, "favourabl"));
    ck_assert_uint_eq(a->nsources, 2);
    ck_assert_uint_eq(a->nquotes, 2);
    ck_assert_int_eq(a->quotes[0].source, 1);
    ck_assert_int_eq(a->quotes[1].source, 2);
    for (size_t i = 0; i < a->nquotes; i++) check_cite(r, &a->quotes[i]);
    ck_assert_int_eq(a->dispute, 0);
    /* both date Python to 1991: a numeric agreement, and two figures */
    s = section(r, "history");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->nagreements, 1);
    a = &s->agreements[0];
    ck_assert_int_eq(a->kind, REPORT_NUMERIC);
    ck_assert_str_eq(report_agreement_kind_name(a->kind), "numeric");
    ck_assert_str_eq(a->measure, "release_year");
    ck_assert_str_eq(a->statement, "2 sources agree that the release year of Python is 1991.");
    ck_assert_uint_eq(a->nquotes, 2);
    ck_assert_uint_eq(s->nfigures, 2);
    ck_assert_str_eq(s->figures[0].raw, "1991");
    ck_assert_int_eq(s->figures[0].cite.source, 1);
    /* excellent vs poor performance: no agreement, a dispute */
    s = section(r, "performance");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->nagreements, 0);
    ck_assert_uint_ge(s->ndisputes, 1);
    ck_assert_uint_eq(s->disputes[0].nclaims, 2);
    ck_assert_int_ne(s->disputes[0].claims[0].cite.source, s->disputes[0].claims[1].cite.source);
    for (size_t i = 0; i < s->disputes[0].nclaims; i++) check_cite(r, &s->disputes[0].claims[i].cite);
    /* syntax: one source only, no section */
    ck_assert_ptr_null(section(r, "syntax"));
    ck_assert_uint_eq(r->nagreements, 2);
    ck_assert_uint_eq(r->nfigures, 2);
    report_free(r);
}
END_TEST

START_TEST(test_quote_rule)
{
    char a[600], b[600];
    snprintf(a, sizeof a, "%s/a.md", tu_dir);
    snprintf(b, sizeof b, "%s/b.md", tu_dir);
    /* a fragment, a short sentence and a long one, all naming Python:
     * the sentence ending in a period that is shortest wins */
    const char *ta = "- Python is easy to learn, with a gentle learning curve for beginners\n\n"
                     "Python is easy to learn for beginners who have never written a program before.\n\n"
                     "Python is easy to learn.\n";
    const char *tb = "Python is easy to learn for beginners.\n";
    tu_write_file(a, ta, strlen(ta));
    tu_write_file(b, tb, strlen(tb));
    ingest(tu_dir);
    report *r = build(NULL, NULL);
    const report_section *s = section(r, "learning curve");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->nagreements, 1);
    const report_agreement *g = &s->agreements[0];
    ck_assert_uint_eq(g->nquotes, 2);
    ck_assert_uint_eq(g->nclaims, 4);
    ck_assert_str_eq(g->quotes[0].text, "Python is easy to learn.");
    ck_assert_str_eq(g->quotes[1].text, "Python is easy to learn for beginners.");
    report_free(r);
}
END_TEST

START_TEST(test_filters)
{
    ingest("tests/fixtures/export");
    report *r = build("Node.js", NULL);
    ck_assert_uint_eq(r->nsections, 0);
    ck_assert_uint_eq(r->nclaims, 0);
    ck_assert_uint_eq(r->nsources, 2);   /* the list is always whole */
    report_free(r);
    r = build("Python", "performance");
    ck_assert_uint_eq(r->nsections, 1);
    ck_assert_str_eq(r->sections[0].dimension, "performance");
    ck_assert_str_eq(r->dimension, "performance");
    ck_assert_uint_eq(r->nagreements, 0);
    ck_assert_uint_ge(r->ndisputes, 1);
    report_free(r);
    r = build(NULL, "history");
    ck_assert_uint_eq(r->nsections, 1);
    ck_assert_uint_eq(r->sections[0].nfigures, 2);
    report_free(r);
}
END_TEST

/* Over the corpus: the invariants every report keeps. */
START_TEST(test_corpus_invariants)
{
    ingest("corpus");
    report *r = build(NULL, NULL);
    ck_assert_uint_eq(r->nsources, 5);
    ck_assert_uint_gt(r->nagreements, 5);
    ck_assert_uint_gt(r->ndisputes, 0);
    ck_assert_uint_gt(r->nfigures, 5);
    int next_a = 1, next_f = 1;
    size_t na = 0, nd = 0, nf = 0;
    for (size_t i = 0; i < r->nsections; i++) {
        const report_section *s = &r->sections[i];
        ck_assert(s->nagreements || s->ndisputes || s->nfigures);
        if (i + 1 < r->nsections) {
            const report_section *t = &r->sections[i + 1];
            ck_assert_ptr_nonnull(s->dimension);   /* the section without one is last */
            if (t->dimension)
                ck_assert(s->nclaims > t->nclaims ||
                          (s->nclaims == t->nclaims && strcmp(s->dimension, t->dimension) < 0));
        }
        for (size_t k = 0; k < s->nagreements; k++) {
            const report_agreement *a = &s->agreements[k];
            ck_assert_int_eq(a->id, next_a++);
            ck_assert_uint_ge(a->nsources, 2);
            ck_assert_uint_eq(a->nquotes, a->nsources);
            ck_assert_uint_ge(a->nclaims, a->nquotes);
            ck_assert_ptr_nonnull(strstr(a->statement, a->subject));
            if (k) ck_assert_uint_le(a->nsources, s->agreements[k - 1].nsources);
            /* an agreement is no point in dispute: no dispute of its
             * subject is on its aspect; and none says "judge" */
            ck_assert_ptr_null(strstr(a->statement, " judge "));
            for (size_t j = 0; j < r->nsections && a->kind == REPORT_PROPOSITION; j++)
                for (size_t m = 0; m < r->sections[j].ndisputes; m++) {
                    const report_dispute *d = &r->sections[j].disputes[m];
                    ck_assert_msg(!d->aspect || strcmp(d->subject, a->subject) != 0 || strcmp(d->aspect, a->aspect) != 0 ||
                                      a->dispute == d->id,
                                  "A%d (%s) beside D%d", a->id, a->statement, d->id);
                }
            for (size_t q = 0; q < a->nquotes; q++) {
                if (q) ck_assert_int_lt(a->quotes[q - 1].source, a->quotes[q].source);
                check_cite(r, &a->quotes[q]);
            }
        }
        for (size_t k = 0; k < s->ndisputes; k++) {
            const report_dispute *d = &s->disputes[k];
            ck_assert_uint_ge(d->nclaims, 2);
            for (size_t q = 0; q < d->nclaims; q++) {
                if (q) ck_assert(d->claims[q - 1].side <= d->claims[q].side);
                check_cite(r, &d->claims[q].cite);
                /* exactly one lead per source and side */
                size_t leads = 0;
                for (size_t o = 0; o < d->nclaims; o++)
                    leads += d->claims[o].side == d->claims[q].side &&
                             d->claims[o].cite.source == d->claims[q].cite.source && d->claims[o].lead;
                ck_assert_uint_eq(leads, 1);
            }
        }
        for (size_t k = 0; k < s->nfigures; k++) {
            ck_assert_int_eq(s->figures[k].id, next_f++);
            check_cite(r, &s->figures[k].cite);
        }
        na += s->nagreements;
        nd += s->ndisputes;
        nf += s->nfigures;
    }
    ck_assert_uint_eq(na, r->nagreements);
    ck_assert_uint_eq(nd, r->ndisputes);
    ck_assert_uint_eq(nf, r->nfigures);
    /* Node.js and Python release years: three sources each */
    const report_agreement *found = NULL;
    for (size_t i = 0; i < r->nsections; i++)
        for (size_t k = 0; k < r->sections[i].nagreements; k++) {
            const report_agreement *a = &r->sections[i].agreements[k];
            if (a->kind == REPORT_NUMERIC && strcmp(a->subject, "Node.js") == 0 &&
                strcmp(a->measure, "release_year") == 0)
                found = a;
        }
    ck_assert_ptr_nonnull(found);
    ck_assert_str_eq(found->statement, "3 sources agree that the release year of Node.js is 2009.");
    ck_assert_uint_ge(found->nsources, 3);
    report_free(r);
}
END_TEST

/* A quantity kind the store does not name is refused, naming it. */
START_TEST(test_unknown_kind)
{
    ingest("tests/fixtures/export");
    ck_assert_int_eq(sqlite3_exec(store_db(tu_st), "UPDATE claim_quantity SET kind = 'furlong'", NULL, NULL, NULL),
                     SQLITE_OK);
    report_filter f = {NULL, NULL};
    report *r = (report *)1;
    char *err = NULL;
    ck_assert_int_eq(report_build(tu_st, &f, &r, &err), KB_ERR);
    ck_assert_ptr_null(r);
    ck_assert_msg(err && strstr(err, "furlong"), "%s", err ? err : "");
    free(err);
}
END_TEST

static char *render(const report *r)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    export_json(r, f);
    ck_assert_int_eq(fclose(f), 0);
    return data;
}

START_TEST(test_same_report_twice)
{
    ingest("corpus");
    report *a = build(NULL, NULL), *b = build(NULL, NULL);
    char *x = render(a), *y = render(b);
    ck_assert_str_eq(x, y);
    free(x);
    free(y);
    report_free(a);
    report_free(b);
}
END_TEST

START_TEST(test_empty_database)
{
    report *r = build(NULL, NULL);
    ck_assert_uint_eq(r->nsources, 0);
    ck_assert_uint_eq(r->nsections, 0);
    char *x = render(r);
    ck_assert_ptr_nonnull(strstr(x, "\"sections\": []"));
    free(x);
    report_free(r);
    report_free(NULL);
}
END_TEST

START_TEST(test_interval_text)
{
    static const struct {
        report_interval v;
        const char *want;
    } cases[] = {
        {{2009, 2009, 1, 1, 0, 0, 0}, "2009"},
        {{800000, 0, 1, 0, 0, 0, 0}, "[800000, \xe2\x88\x9e)"},
        {{2000000, 0, 1, 0, 1, 0, 0}, "(2000000, \xe2\x88\x9e)"},
        {{0, 30, 1, 1, 0, 1, 1}, "\xe2\x89\x88 [0, 30)"},
        {{0, 10, 0, 1, 0, 0, 0}, "(\xe2\x88\x92\xe2\x88\x9e, 10]"},
        {{12.6, 12.6, 1, 1, 0, 0, 0}, "12.6"},
        {{70, 80, 1, 1, 0, 0, 0}, "[70, 80]"},
        {{1000, 0, 1, 0, 0, 0, 1}, "\xe2\x89\x88 [1000, \xe2\x88\x9e)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        buf b = BUF_INIT;
        report_interval_text(&cases[i].v, &b);
        ck_assert_str_eq(buf_cstr(&b), cases[i].want);
        buf_free(&b);
    }
    /* a percent's value says "%" (the kind read as an enum) */
    report_interval pct = {87, 87, 1, 1, 0, 0, 0}, range = {70, 80, 1, 1, 0, 0, 1};
    buf b = BUF_INIT;
    report_value_phrase(&pct, QTY_PERCENT, &b);
    buf_addc(&b, '|');
    report_value_phrase(&range, QTY_PERCENT, &b);
    buf_addc(&b, '|');
    report_value_phrase(&pct, QTY_COUNT, &b);
    ck_assert_str_eq(buf_cstr(&b), "is 87%|is about between 70% and 80%|is 87");
    buf_free(&b);
    ck_assert_str_eq(report_polarity_word(1), "strong");
    ck_assert_str_eq(report_polarity_word(-1), "weak");
    ck_assert_str_eq(report_polarity_word(0), "mixed");
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, tu_store_setup, tu_store_teardown);
    tcase_add_test(tc, test_sources_numbered_by_path);
    tcase_add_test(tc, test_agreements);
    tcase_add_test(tc, test_quote_rule);
    tcase_add_test(tc, test_filters);
    tcase_add_test(tc, test_corpus_invariants);
    tcase_add_test(tc, test_same_report_twice);
    tcase_add_test(tc, test_empty_database);
    tcase_add_test(tc, test_interval_text);
    tcase_add_test(tc, test_unknown_kind);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(report_suite());
}
