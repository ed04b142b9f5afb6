/*
 * check_disagree.c - finding and reconciling disagreements: interval
 * logic (lower bounds, disjoint figures, agreement), grouping (one row
 * per question, every claim on its side, never one source against
 * itself), verdicts (compatible scopes, outdated by date, majority,
 * unresolved), inferred dates, determinism, and the corpus.
 *
 * Scenarios are written straight into a store through its API, so each
 * test states exactly the claims it is about.
 */
#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "disagree.h"
#include "ingest.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static char *dir;
static store *st;
static long long seq;

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_store_open(dir);
    char *err = NULL;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    seq = 0;
}

static void teardown(void)
{
    store_close(st);
    tu_rmdir(dir);
}

static long long src(const char *path, const char *date)
{
    store_source s;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.format = "text";
    s.title = path;
    s.date = date;
    s.hash = path;
    long long id = 0;
    char *err = NULL;
    ck_assert_int_eq(store_source_put(st, &s, &id, &err), KB_OK);
    return id;
}

/* A claim in source sid, with one subject named and one dimension. */
static long long claim(long long sid, const char *text, const char *subject, const char *dim)
{
    char *err = NULL;
    store_unit u;
    memset(&u, 0, sizeof u);
    u.source_id = sid;
    u.seq = seq;
    u.kind = "paragraph";
    u.start = seq * 100;
    u.end = u.start + (long long)strlen(text);
    u.text = text;
    u.text_len = strlen(text);
    u.norm = text;
    u.norm_len = strlen(text);
    ck_assert_int_eq(store_unit_add(st, &u, &err), KB_OK);
    store_claim c;
    memset(&c, 0, sizeof c);
    c.source_id = sid;
    c.unit_id = store_last_id(st);
    c.seq = seq++;
    c.kind = "sentence";
    c.start = u.start;
    c.end = u.end;
    c.text = text;
    c.text_len = strlen(text);
    long long id;
    ck_assert_int_eq(store_claim_add(st, &c, &id, &err), KB_OK);
    ck_assert_int_eq(store_claim_subject(st, id, subject, "named", &err), KB_OK);
    ck_assert_int_eq(store_claim_dimension(st, id, dim, 0.8, &err), KB_OK);
    return id;
}

static void stance(long long cid, const char *subject, const char *dim, int pol)
{
    char *err = NULL;
    ck_assert_int_eq(store_claim_stance(st, cid, subject, dim, pol, NULL, &err), KB_OK);
}

/* low/high NAN = unbounded */
static void qty(long long cid, const char *subject, const char *measure, const char *raw, double low, double high,
                int low_open, int approx)
{
    char *err = NULL;
    store_qty q;
    memset(&q, 0, sizeof q);
    q.raw = raw;
    q.raw_len = strlen(raw);
    q.kind = strcmp(measure, "release_year") == 0 ? "year" : "count";
    q.measure = measure;
    q.subject = subject;
    q.has_low = !isnan(low);
    q.has_high = !isnan(high);
    q.low = q.has_low ? low : 0;
    q.high = q.has_high ? high : 0;
    q.low_open = low_open;
    q.approx = approx;
    ck_assert_int_eq(store_claim_quantity(st, cid, &q, &err), KB_OK);
}

static void find(dis_set *s, const char *subject)
{
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    dis_filter f = {subject, NULL, 0};
    ck_assert_msg(dis_find(st, &f, s, &err) == KB_OK, "%s", err ? err : "");
}

START_TEST(test_lower_bounds_compatible)
{
    long long a = src("a.txt", "2026-05-08"), b = src("b.txt", "2024-01-01");
    qty(claim(a, "PyPI, with 800,000+ projects", "Python", "ecosystem"), "Python", "package_count", "800,000+",
        800000, NAN, 0, 0);
    qty(claim(b, "PyPI's 450,000+ packages", "Python", "ecosystem"), "Python", "package_count", "450,000+", 450000,
        NAN, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].kind, "numeric");
    ck_assert_str_eq(s.items[0].verdict, "compatible");
    ck_assert_str_eq(s.items[0].measure, "package_count");
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "lower bound"));
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "800,000"));
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "newest"));
    ck_assert_uint_eq(s.items[0].nclaims, 2);
    ck_assert_int_ne(s.items[0].claims[0].side, s.items[0].claims[1].side);
    dis_free(&s);
}
END_TEST

START_TEST(test_agreeing_figures_not_listed)
{
    long long a = src("a.txt", "2026-05-08"), b = src("b.txt", "2024-01-01");
    qty(claim(a, "npm, with 2+ million packages", "Node.js", "ecosystem"), "Node.js", "package_count", "2+ million",
        2e6, NAN, 0, 0);
    /* "over 2 million" is open at 2 million: the same figure at this grain */
    qty(claim(b, "Over 2 million packages", "Node.js", "ecosystem"), "Node.js", "package_count", "Over 2 million",
        2e6, NAN, 1, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
}
END_TEST

START_TEST(test_disjoint_outdated_and_unresolved)
{
    long long a = src("old.txt", "2019-07-01"), b = src("new.txt", "2026-01-01"), c = src("same.txt", "2026-02-01");
    qty(claim(a, "about 1,000 contributors", "X", "community"), "X", "developers", "1,000", 1000, 1000, 0, 0);
    qty(claim(b, "5,000 contributors", "X", "community"), "X", "developers", "5,000", 5000, 5000, 0, 0);
    /* the same source twice is never a disagreement with itself */
    qty(claim(c, "it has 7 maintainers", "Y", "community"), "Y", "developers", "7", 7, 7, 0, 0);
    qty(claim(c, "it has 9 maintainers", "Y", "community"), "Y", "developers", "9", 9, 9, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].subject, "X");
    ck_assert_str_eq(s.items[0].verdict, "outdated");
    dis_free(&s);
}
END_TEST

START_TEST(test_vague_bounds_not_listed)
{
    long long a = src("a.txt", "2026-05-08"), b = src("b.txt", "2024-01-01");
    qty(claim(a, "millions of answered questions", "Node.js", "community"), "Node.js", "questions", "millions of", 1e6,
        NAN, 0, 1);
    qty(claim(b, "1.8M+ questions", "Node.js", "community"), "Node.js", "questions", "1.8M+", 1.8e6, NAN, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
}
END_TEST

START_TEST(test_stance_grouping_and_majority)
{
    long long s1 = src("1.txt", "2026-01-01"), s2 = src("2.txt", "2025-01-01"), s3 = src("3.txt", "2026-03-01"),
              s4 = src("4.txt", "2025-06-01");
    stance(claim(s1, "Python threads are limited by the GIL.", "Python", "concurrency"), "Python", "concurrency", -1);
    stance(claim(s1, "The GIL limits true multitasking.", "Python", "concurrency"), "Python", "concurrency", -1);
    stance(claim(s2, "Python does not support multithreading.", "Python", "concurrency"), "Python", "concurrency", -1);
    stance(claim(s3, "The GIL limits Python's scalability.", "Python", "concurrency"), "Python", "concurrency", -1);
    stance(claim(s4, "Python handles concurrency well with asyncio.", "Python", "concurrency"), "Python", "concurrency",
           1);
    stance(claim(s4, "Python threads are fine for I/O waits.", "Python", "concurrency"), "Python", "concurrency", 1);
    dis_set s;
    find(&s, "Python");
    ck_assert_uint_eq(s.nitems, 1);
    dis_item *it = &s.items[0];
    /* one row for the question, with every claim on its side */
    ck_assert_uint_eq(it->nclaims, 6);
    ck_assert_str_eq(it->dimension, "concurrency");
    ck_assert_str_eq(it->kind, "stance");
    ck_assert_str_eq(it->verdict, "majority");
    int a = 0, b = 0;
    for (size_t i = 0; i < it->nclaims; i++) {
        if (it->claims[i].side == 'a') {
            ck_assert_int_eq(it->claims[i].polarity, -1);
            a++;
        } else if (it->claims[i].side == 'b') {
            ck_assert_int_eq(it->claims[i].polarity, 1);
            b++;
        }
    }
    ck_assert_int_eq(a, 4);
    ck_assert_int_eq(b, 2);
    dis_free(&s);
}
END_TEST

START_TEST(test_stance_scopes_compatible)
{
    long long s1 = src("1.txt", "2026-01-01"), s2 = src("2.txt", "2026-01-01");
    stance(claim(s1, "Python is slow for CPU-bound work in pure code.", "Python", "performance"), "Python",
           "performance", -1);
    stance(claim(s2, "Python is fast enough for I/O-bound web requests.", "Python", "performance"), "Python",
           "performance", 1);
    stance(claim(s2, "Python serves network requests quickly.", "Python", "performance"), "Python", "performance", 1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].verdict, "compatible");
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "scope"));
    dis_free(&s);
}
END_TEST

START_TEST(test_stance_outdated_and_self)
{
    long long old = src("old.txt", "2018-01-01"), n1 = src("n1.txt", "2025-01-01"), mix = src("mix.txt", "2025-01-01");
    stance(claim(old, "Installing X is hard.", "X", "deployment"), "X", "deployment", -1);
    stance(claim(n1, "Installing X is easy now.", "X", "deployment"), "X", "deployment", 1);
    stance(claim(n1, "Setting X up takes a minute.", "X", "deployment"), "X", "deployment", 1);
    /* a source that says both is no disagreement on its own */
    stance(claim(mix, "Y is fast.", "Y", "performance"), "Y", "performance", 1);
    stance(claim(mix, "Y is slow at startup.", "Y", "performance"), "Y", "performance", -1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].subject, "X");
    ck_assert_str_eq(s.items[0].verdict, "outdated");
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "older"));
    dis_free(&s);
}
END_TEST

START_TEST(test_inferred_date)
{
    long long a = src("undated.txt", NULL), b = src("dated.txt", "2026-01-01");
    long long c = claim(a, "The latest version was released in July 2019.", "X", "history");
    store_qty q;
    memset(&q, 0, sizeof q);
    q.raw = "2019";
    q.raw_len = 4;
    q.kind = "year";
    q.has_low = q.has_high = 1;
    q.low = q.high = 2019;
    char *err = NULL;
    ck_assert_int_eq(store_claim_quantity(st, c, &q, &err), KB_OK);
    stance(claim(a, "X is slow.", "X", "performance"), "X", "performance", -1);
    stance(claim(b, "X is fast.", "X", "performance"), "X", "performance", 1);
    stance(claim(b, "X has low latency.", "X", "performance"), "X", "performance", 1);
    dis_set s;
    find(&s, NULL);
    int found = 0;
    for (size_t i = 0; i < s.nsources; i++)
        if (strcmp(s.sources[i].path, "undated.txt") == 0) {
            ck_assert_str_eq(s.sources[i].date, "2019");
            ck_assert_int_eq(s.sources[i].date_inferred, 1);
            found = 1;
        }
    ck_assert(found);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].verdict, "outdated");
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "inferred"));
    dis_free(&s);
}
END_TEST

START_TEST(test_lone_judgement_not_listed)
{
    long long s1 = src("1.txt", "2026-01-01"), s2 = src("2.txt", "2025-01-01"), s3 = src("3.txt", "2024-01-01");
    stance(claim(s1, "Z has a thriving community.", "Z", "community"), "Z", "community", 1);
    stance(claim(s2, "Z's community is large and active.", "Z", "community"), "Z", "community", 1);
    stance(claim(s3, "Z's forums can be quiet.", "Z", "community"), "Z", "community", -1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
}
END_TEST

static void stance_vs(long long cid, const char *subject, const char *dim, int pol, const char *versus)
{
    char *err = NULL;
    ck_assert_int_eq(store_claim_stance(st, cid, subject, dim, pol, versus, &err), KB_OK);
}

START_TEST(test_comparison_is_not_absolute)
{
    /* "smaller than Y's" does not contradict "large and active" */
    long long s1 = src("1.txt", "2026-01-01"), s2 = src("2.txt", "2025-01-01");
    stance(claim(s1, "Z's community is large and active.", "Z", "community"), "Z", "community", 1);
    stance_vs(claim(s2, "Z's community is smaller than Y's.", "Z", "community"), "Z", "community", -1, "Y");
    stance_vs(claim(s2, "Y's community dwarfs Z's.", "Z", "community"), "Z", "community", -1, "Y");
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
    /* ... but a comparison the other way does */
    char *err = NULL;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    long long s3 = src("3.txt", "2024-01-01");
    stance_vs(claim(s3, "Z's community is larger than Y's.", "Z", "community"), "Z", "community", 1, "Y");
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].kind, "factual");
    dis_free(&s);
}
END_TEST

START_TEST(test_reservations_do_not_decide)
{
    /* favourable (4 sources) against unfavourable (2, about CPU-bound
     * work), with a "with reservations" side (3) larger than the
     * unfavourable one: the verdict weighs the favourable side against
     * the unfavourable one, so the scopes (I/O-bound vs CPU-bound) make
     * it compatible */
    long long s1 = src("1.txt", "2026-01-01"), s2 = src("2.txt", "2025-01-01"), s3 = src("3.txt", "2024-01-01"),
              s4 = src("4.txt", "2023-01-01"), s5 = src("5.txt", "2022-01-01");
    const long long pos[] = {s1, s2, s3, s4};
    for (size_t i = 0; i < 4; i++)
        stance(claim(pos[i], "Z is fast for I/O-bound services.", "Z", "performance"), "Z", "performance", 1);
    for (size_t i = 0; i < 3; i++)
        stance(claim(pos[i], "Z performance depends on the workload.", "Z", "performance"), "Z", "performance", 0);
    stance(claim(s4, "Z is slow for CPU-bound loops.", "Z", "performance"), "Z", "performance", -1);
    stance(claim(s5, "Z struggles with CPU-bound math.", "Z", "performance"), "Z", "performance", -1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].verdict, "compatible");
    dis_free(&s);
}
END_TEST

/* ---- the corpus, end to end ---- */

static void ingest_corpus(void)
{
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    tu_ingest(st, "corpus", NULL);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
}

static const dis_item *item_for(const dis_set *s, const char *subject, const char *key)
{
    for (size_t i = 0; i < s->nitems; i++) {
        const dis_item *it = &s->items[i];
        const char *k = it->measure ? it->measure : it->dimension;
        if (strcmp(it->subject, subject) == 0 && k && strcmp(k, key) == 0) return it;
    }
    return NULL;
}

static size_t sources_in(const dis_item *it)
{
    size_t n = 0;
    for (size_t i = 0; i < it->nclaims; i++) {
        int seen = 0;
        for (size_t k = 0; k < i; k++) seen |= it->claims[k].source == it->claims[i].source;
        n += !seen;
    }
    return n;
}

START_TEST(test_corpus)
{
    ingest_corpus();
    dis_set s;
    find(&s, NULL);
    /* PyPI counts: compatible lower bounds */
    const dis_item *pypi = item_for(&s, "Python", "package_count");
    ck_assert_ptr_nonnull(pypi);
    ck_assert_str_eq(pypi->verdict, "compatible");
    /* npm's "over two million" is said alike: not listed */
    ck_assert_ptr_null(item_for(&s, "Node.js", "package_count"));
    /* the GIL / threads question: one row, claims from at least three articles */
    const dis_item *gil = item_for(&s, "Python", "concurrency");
    ck_assert_ptr_nonnull(gil);
    ck_assert_uint_ge(sources_in(gil), 3);
    int has_gil = 0;
    for (size_t i = 0; i < gil->nclaims; i++) has_gil |= strstr(gil->claims[i].text, "GIL") != NULL;
    ck_assert(has_gil);
    /* installation / setup is disputed */
    ck_assert_ptr_nonnull(item_for(&s, "Python", "deployment"));
    /* every row compares different sources, and every claim's source is known */
    for (size_t i = 0; i < s.nitems; i++) {
        ck_assert_uint_ge(sources_in(&s.items[i]), 2);
        ck_assert_ptr_nonnull(s.items[i].explanation);
        ck_assert_uint_gt(strlen(s.items[i].explanation), 40);
    }
    /* 001 states no date: inferred from the latest year it gives (2019) */
    for (size_t i = 0; i < s.nsources; i++)
        if (strstr(s.sources[i].path, "001_")) {
            ck_assert_str_eq(s.sources[i].date, "2019");
            ck_assert_int_eq(s.sources[i].date_inferred, 1);
        }
    /* deterministic: the same database gives the same set */
    dis_set t;
    char *err = NULL;
    dis_filter f = {NULL, NULL, 0};
    ck_assert_int_eq(dis_find(st, &f, &t, &err), KB_OK);
    ck_assert_uint_eq(s.nitems, t.nitems);
    for (size_t i = 0; i < s.nitems; i++) {
        ck_assert_str_eq(s.items[i].explanation, t.items[i].explanation);
        ck_assert_uint_eq(s.items[i].nclaims, t.items[i].nclaims);
    }
    dis_free(&t);
    dis_free(&s);
}
END_TEST

static Suite *disagree_suite(void)
{
    Suite *s = suite_create("disagree");
    TCase *tc = tcase_create("disagree");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lower_bounds_compatible);
    tcase_add_test(tc, test_agreeing_figures_not_listed);
    tcase_add_test(tc, test_disjoint_outdated_and_unresolved);
    tcase_add_test(tc, test_vague_bounds_not_listed);
    tcase_add_test(tc, test_stance_grouping_and_majority);
    tcase_add_test(tc, test_stance_scopes_compatible);
    tcase_add_test(tc, test_stance_outdated_and_self);
    tcase_add_test(tc, test_inferred_date);
    tcase_add_test(tc, test_lone_judgement_not_listed);
    tcase_add_test(tc, test_comparison_is_not_absolute);
    tcase_add_test(tc, test_reservations_do_not_decide);
    tcase_add_test(tc, test_corpus);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(disagree_suite());
}
