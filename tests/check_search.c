/*
 * check_search.c - ranked search (src/search.c over store_search): the
 * order of hits, what --limit keeps when scores tie, that a filter does
 * not change the order, and that each hit's highlights are its own.
 *
 * The sources are written here: files whose units score alike (equal
 * bm25) or in a known order, so the expected lists are known without
 * looking at SQLite's numbers.
 */
#include <strings.h>

#include "search.h"
#include "tustore.h"

#define MAXHITS 64

typedef struct got {
    int n;
    long long id[MAXHITS];
    double rank[MAXHITS];
    int marked_ok[MAXHITS];   /* every highlight range is the word searched */
} got;

static const char *want_word;   /* what the highlights must cover, any case */

static int collect(void *ctx, const search_hit *hit)
{
    got *g = ctx;
    ck_assert_int_lt(g->n, MAXHITS);
    const store_unit *u = &hit->h->unit;
    g->id[g->n] = u->id;
    g->rank[g->n] = hit->h->rank;
    int ok = hit->nranges > 0;
    for (size_t i = 0; i < hit->nranges; i++) {
        size_t s = hit->ranges[2 * i] - (size_t)u->start, e = hit->ranges[2 * i + 1] - (size_t)u->start;
        ok = ok && e <= u->text_len && e - s == strlen(want_word) && strncasecmp(u->text + s, want_word, e - s) == 0;
    }
    g->marked_ok[g->n] = ok;
    g->n++;
    return 0;
}

static got run(store *st, const char *query, int limit, const char *subject)
{
    search_opts o;
    memset(&o, 0, sizeof o);
    o.query = query;
    o.limit = limit;
    o.subject = subject;
    got g;
    memset(&g, 0, sizeof g);
    char *err = NULL;
    ck_assert_msg(search_run(st, NULL, &o, collect, &g, NULL, &err) == KB_OK, "%s", err ? err : "");
    return g;
}

static char *dir;
static store *st;

/* dir/src/NAME.txt with text, for each of n names "s00".."s(n-1)". */
static void write_sources(int n, const char *(*text)(int i))
{
    char path[600];
    snprintf(path, sizeof path, "%s/src", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/src/s%02d.txt", dir, i);
        /* a paragraph of its own makes each file's bytes its own (files
         * with the same bytes are one source), and scores nothing */
        char t[256];
        snprintf(t, sizeof t, "%s\nFile %02d.\n", text(i), i);
        tu_write_file(path, t, strlen(t));
    }
    snprintf(path, sizeof path, "%s/src", dir);
    tu_ingest(st, path, NULL);
}

static void setup(void)
{
    tu_store_setup();
    dir = tu_dir;
    st = tu_st;
}

static void teardown(void)
{
    tu_store_teardown();
}

/* Every hit better than or as good as the next, equal scores by id. */
static void assert_ordered(const got *g)
{
    for (int i = 1; i < g->n; i++) {
        ck_assert(g->rank[i - 1] <= g->rank[i]);
        if (g->rank[i - 1] == g->rank[i]) ck_assert_int_lt(g->id[i - 1], g->id[i]);
    }
}

/* ---- equal scores ------------------------------------------------------ */

static const char *same_text(int i)
{
    (void)i;
    return "Python is fast when the work is in C.\n";
}

/* Twelve units that score alike: every limit keeps the lowest ids, in
 * order, so the first k hits never depend on how the engine sorts. */
START_TEST(test_ties_keep_lowest_ids)
{
    write_sources(12, same_text);
    want_word = "fast";
    got all = run(st, "fast", 50, NULL);
    ck_assert_int_eq(all.n, 12);
    assert_ordered(&all);
    for (int i = 1; i < all.n; i++) ck_assert(all.rank[i] == all.rank[0]);
    for (int k = 1; k <= 12; k++) {
        got g = run(st, "fast", k, NULL);
        ck_assert_int_eq(g.n, k);
        for (int i = 0; i < k; i++) {
            ck_assert_int_eq(g.id[i], all.id[i]);
            ck_assert(g.rank[i] == all.rank[i]);
            ck_assert(g.marked_ok[i]);
        }
    }
}
END_TEST

/* ---- distinct scores --------------------------------------------------- */

/* Source i says "fast" (i % 4) + 1 times among the same number of
 * words, so scores come in four tied groups. */
static const char *graded_text(int i)
{
    static const char *const t[] = {
        "Python is fast; the rest of this line is filler words only here.\n",
        "Python is fast, fast; the rest of this line is filler words only.\n",
        "Python is fast, fast, fast; the rest of this line is filler words.\n",
        "Python is fast, fast, fast, fast; the rest of this line is filler.\n",
    };
    return t[i % 4];
}

START_TEST(test_order_and_limit)
{
    write_sources(10, graded_text);
    want_word = "fast";
    got all = run(st, "fast", 50, NULL);
    ck_assert_int_eq(all.n, 10);
    assert_ordered(&all);
    ck_assert(all.rank[0] < all.rank[9]);
    for (int k = 1; k <= 10; k++) {
        got g = run(st, "fast", k, NULL);
        ck_assert_int_eq(g.n, k);
        for (int i = 0; i < k; i++) {
            ck_assert_int_eq(g.id[i], all.id[i]);
            ck_assert(g.marked_ok[i]);
        }
    }
}
END_TEST

/* A filter every unit passes (all are about Python) gives the same hits
 * in the same order as no filter, at every limit. */
START_TEST(test_filter_same_order)
{
    write_sources(10, graded_text);
    want_word = "fast";
    for (int k = 1; k <= 10; k++) {
        got a = run(st, "fast", k, NULL);
        got b = run(st, "fast", k, "Python");
        ck_assert_int_eq(a.n, k);
        ck_assert_int_eq(b.n, a.n);
        for (int i = 0; i < k; i++) {
            ck_assert_int_eq(b.id[i], a.id[i]);
            ck_assert(b.rank[i] == a.rank[i]);
            ck_assert(b.marked_ok[i]);
        }
    }
}
END_TEST

static Suite *search_suite(void)
{
    Suite *s = suite_create("search");
    TCase *tc = tcase_create("rank");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_ties_keep_lowest_ids);
    tcase_add_test(tc, test_order_and_limit);
    tcase_add_test(tc, test_filter_same_order);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(search_suite());
}
