/*
 * check_dis_numeric.c - numeric and temporal disagreements
 * (dis_numeric.c).  Figures: interval logic (lower bounds, disjoint
 * figures, agreement, figures one source gives apart, a source's own
 * bounds ("40k/sec+" and "40k/sec"), vague bounds,
 * versions only when they say which is current), written straight into
 * a store through its API, so each test states exactly the figures it
 * is about.  Ages against release years, from invented articles
 * (tudisagree.h).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "store.h"
#include "testutil.h"
#include "tudisagree.h"
#include "util.h"

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

/* low/high NAN = unbounded */
static void figure(long long cid, const char *subject, const char *measure, const char *raw, double low, double high,
                int low_open, int approx)
{
    char *err = NULL;
    store_qty q;
    memset(&q, 0, sizeof q);
    q.raw = raw;
    q.raw_len = strlen(raw);
    q.kind = strcmp(measure, "release_year") == 0 ? "year" : strcmp(measure, "version") == 0 ? "version" : "count";
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

START_TEST(test_lower_bounds_compatible)
{
    long long a = src("a.txt", "2026-05-08"), b = src("b.txt", "2024-01-01");
    figure(claim(a, "PyPI, with 800,000+ projects", "Python", "ecosystem"), "Python", "package_count", "800,000+",
        800000, NAN, 0, 0);
    figure(claim(b, "PyPI's 450,000+ packages", "Python", "ecosystem"), "Python", "package_count", "450,000+", 450000,
        NAN, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_int_eq(s.items[0].kind, DIS_NUMERIC);
    ck_assert_int_eq(s.items[0].verdict, DIS_COMPATIBLE);
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
    figure(claim(a, "npm, with 2+ million packages", "Node.js", "ecosystem"), "Node.js", "package_count", "2+ million",
        2e6, NAN, 0, 0);
    /* "over 2 million" is open at 2 million: the same figure at this grain */
    figure(claim(b, "Over 2 million packages", "Node.js", "ecosystem"), "Node.js", "package_count", "Over 2 million",
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
    figure(claim(a, "about 1,000 contributors", "X", "community"), "X", "developers", "1,000", 1000, 1000, 0, 0);
    figure(claim(b, "5,000 contributors", "X", "community"), "X", "developers", "5,000", 5000, 5000, 0, 0);
    /* the same source twice is never a disagreement with itself */
    figure(claim(c, "it has 7 maintainers", "Y", "community"), "Y", "developers", "7", 7, 7, 0, 0);
    figure(claim(c, "it has 9 maintainers", "Y", "community"), "Y", "developers", "9", 9, 9, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].subject, "X");
    ck_assert_int_eq(s.items[0].verdict, DIS_OUTDATED);
    dis_free(&s);
}
END_TEST

/* A source that itself gives figures that cannot both hold ("a 3-node
 * cluster", "8 servers") shows the figure is no single fact: another
 * source's figure does not contradict it. */
START_TEST(test_figures_one_source_gives_apart)
{
    long long a = src("a.txt", "2017-04-26"), b = src("b.txt", "2023-09-19");
    figure(claim(a, "a 3-node cluster survives two failures", "X", "scalability"), "X", "nodes", "3", 3, 3, 0, 0);
    figure(claim(a, "you need about 8 servers", "X", "scalability"), "X", "nodes", "8", 8, 8, 0, 0);
    figure(claim(b, "clusters of thousands of brokers", "X", "scalability"), "X", "nodes", "1,000", 1000, 1000, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_int_eq(s.items[0].verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "a.txt"));
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "itself gives \"3\" and \"8\""));
    dis_free(&s);
}
END_TEST

/* A source that gives a figure once as a lower bound and once bare
 * means the bound both times; another source's larger bound then holds
 * beside it.  Two bare figures of one source that cannot both hold
 * still say the figure depends on what is counted, though one of them
 * is a bound elsewhere. */
START_TEST(test_own_bounds)
{
    long long a = src("a.txt", "2017-04-26"), b = src("b.txt", "2024-03-01");
    figure(claim(a, "peak ingest (40k/sec+) on one box", "X", "performance"), "X", "events_per_second", "40k/sec+",
        40000, NAN, 0, 0);
    figure(claim(a, "40k/sec ingest is why people pick X", "X", "performance"), "X", "events_per_second", "40k", 40000,
        40000, 0, 0);
    figure(claim(b, "X ingests millions of events per second", "X", "performance"), "X", "events_per_second",
        "millions of", 1e6, NAN, 0, 1);
    figure(claim(a, "Y takes 20k+/sec under load", "Y", "performance"), "Y", "events_per_second", "20k+", 20000, NAN,
        0, 0);
    figure(claim(a, "20K events per second through one queue", "Y", "performance"), "Y", "events_per_second", "20K",
        20000, 20000, 0, 0);
    figure(claim(a, "1 million events per second on 30 nodes", "Y", "performance"), "Y", "events_per_second",
        "1 million", 1e6, 1e6, 0, 0);
    figure(claim(b, "Y handles thousands to tens of thousands of events per second", "Y", "performance"), "Y",
        "events_per_second", "thousands to tens of thousands of", 1000, 1e5, 0, 1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 2);
    int xi = strcmp(s.items[0].subject, "X") == 0 ? 0 : 1;
    const dis_item *x = &s.items[xi], *y = &s.items[1 - xi];
    ck_assert_int_eq(x->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(x->explanation, "lower bound"));
    /* the bare mention stands with the bound it means */
    ck_assert_int_eq(x->claims[0].side, x->claims[1].side);
    ck_assert_int_eq(y->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(y->explanation, "itself gives"));
    dis_free(&s);
}
END_TEST

START_TEST(test_vague_bounds)
{
    long long a = src("a.txt", "2026-05-08"), b = src("b.txt", "2024-01-01");
    /* a vague bound near an exact one of another source: both lower
     * bounds, compatible, and a question worth a line */
    figure(claim(a, "tens of thousands of stars", "Wren", "community"), "Wren", "stars", "tens of thousands of", 1e4,
        NAN, 0, 1);
    figure(claim(b, "25,000+ stars", "Wren", "community"), "Wren", "stars", "25,000+", 25000, NAN, 0, 0);
    /* one an exact figure ten times larger implies disputes nothing */
    figure(claim(a, "thousands of plugins", "Kestrel", "ecosystem"), "Kestrel", "plugins", "thousands of", 1e3, NAN,
        0, 1);
    figure(claim(b, "60,000+ plugins", "Kestrel", "ecosystem"), "Kestrel", "plugins", "60,000+", 60000, NAN, 0, 0);
    /* nor do vague bounds alone */
    figure(claim(a, "thousands of users", "Kestrel", "community"), "Kestrel", "users", "thousands of", 1e3, NAN, 0,
        1);
    figure(claim(b, "millions of users", "Kestrel", "community"), "Kestrel", "users", "millions of", 1e6, NAN, 0, 1);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_str_eq(s.items[0].subject, "Wren");
    ck_assert_int_eq(s.items[0].verdict, DIS_COMPATIBLE);
    ck_assert_str_eq(s.items[0].question, "How many stars does Wren have?");
    ck_assert_ptr_nonnull(strstr(s.items[0].explanation, "25,000"));
    dis_free(&s);
}
END_TEST

START_TEST(test_versions_only_when_current)
{
    long long a = src("a.txt", "2022-03-01"), b = src("b.txt", "2026-01-01");
    /* a version that dates a feature says nothing of which is current */
    figure(claim(a, "Kestrel 2.1 added plugins.", "Kestrel", "ecosystem"), "Kestrel", "version", "2.1", 2.1, 2.1, 0, 0);
    figure(claim(b, "Kestrel 3.0 added hot reload.", "Kestrel", "ecosystem"), "Kestrel", "version", "3.0", 3, 3, 0, 0);
    dis_set s;
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
    /* "the latest version" does, and goes out of date */
    char *err = NULL;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    figure(claim(a, "The latest version is Kestrel 2.1.", "Kestrel", "ecosystem"), "Kestrel", "version", "2.1", 2.1, 2.1,
           0, 0);
    figure(claim(b, "Kestrel is currently at 3.0.", "Kestrel", "ecosystem"), "Kestrel", "version", "3.0", 3, 3, 0, 0);
    find(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_int_eq(s.items[0].kind, DIS_TEMPORAL);
    ck_assert_int_eq(s.items[0].verdict, DIS_OUTDATED);
    ck_assert_uint_eq(s.items[0].nclaims, 2);
    dis_free(&s);
}
END_TEST

START_TEST(test_age_against_release_year)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel was first released in 2001.\n");
    article("b.md", "2023-01-01", "Kestrel was created in 2001 by a small team.\n");
    article("c.md", "2026-01-01", "Kestrel has been evolving for nearly 10 years.\n");
    article("d.md", "2026-02-01", "Wren has existed for decades.\n\nWren was first released in 1998.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "How old is Kestrel");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_TEMPORAL);
    ck_assert_int_eq(it->verdict, DIS_MAJORITY);
    ck_assert_ptr_nonnull(strstr(it->explanation, "25 years old in 2026"));
    /* the age as a reader says it, its unit with it */
    ck_assert_ptr_nonnull(strstr(it->explanation, "Kestrel is nearly 10 years old"));
    /* "decades" in 2026 fits 1998, and one source never disputes itself */
    ck_assert_ptr_null(row(&s, "How old is Wren"));
    dis_free(&s);
}
END_TEST

static Suite *dis_numeric_suite(void)
{
    Suite *s = suite_create("dis_numeric");
    TCase *tc = tcase_create("dis_numeric");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lower_bounds_compatible);
    tcase_add_test(tc, test_agreeing_figures_not_listed);
    tcase_add_test(tc, test_disjoint_outdated_and_unresolved);
    tcase_add_test(tc, test_figures_one_source_gives_apart);
    tcase_add_test(tc, test_own_bounds);
    tcase_add_test(tc, test_vague_bounds);
    tcase_add_test(tc, test_versions_only_when_current);
    tcase_add_test(tc, test_age_against_release_year);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(dis_numeric_suite());
    free(sidecar);
    return rc;
}
