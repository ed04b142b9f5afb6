/*
 * check_disagree.c - finding and reconciling disagreements.
 *
 * Figures: interval logic (lower bounds, disjoint figures, agreement),
 * written straight into a store through its API, so each test states
 * exactly the figures it is about.
 *
 * Questions: small invented articles on an invented comparison (two
 * runtimes, Kestrel and Wren, with a taxonomy of their own), ingested
 * for real with dates in a sidecar, and each verdict from them:
 * outdated (an absolute claim, older, against a qualified newer one),
 * overstated, compatible (different scopes; poles one source gives
 * both of), majority, unresolved; category questions, ages against
 * release years, comparisons read under one subject, sides that are
 * pure, the filters, determinism; and the corpus's acceptance points.
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
    tu_store_setup();
    dir = tu_dir;
    st = tu_st;
    char *err = NULL;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    seq = 0;
}

static void teardown(void)
{
    tu_store_teardown();
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

/* ---- questions, from invented articles ---- */

/* A comparison nobody has written about: nothing below may depend on the
 * default taxonomy or on the corpus's wording. */
static const char *const kw_taxonomy =
    "subject\tKestrel\tkestrel\n"
    "subject\tWren\twren\n"
    "part\tKestrel\tkestrel jit, kpm\n"
    "part\tWren\twren vm, wrenpkg\n"
    "dimension\tperformance\tperformance, fast, ~faster, slow, speed, throughput\n"
    "dimension\tconcurrency\tconcurren*, thread*, multithread*, async*, parallel*\n"
    "dimension\tlearning curve\tlearn*, beginner*\n"
    "dimension\tdeployment\tinstall*, setup, deploy*\n"
    "dimension\thistory\treleased, created, ~years\n"
    "dimension\tuse cases\tlog aggregation, event sourcing\n"
    "dimension\tcommunity\tcommunit*, user base, developer pool\n"
    "measure\trelease_year\treleased, first released, created, @year\n"
    "measure\tduration\t@duration\n";

static char *sidecar;

/* Start a scenario: a fresh folder with its sidecar. */
static void scenario(void)
{
    free(sidecar);
    sidecar = strdup("file\ttitle\tdate\n");
}

/* Write article name (dated, or "" for none) into the scenario folder. */
static void article(const char *name, const char *date, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    tu_write_file(path, text, strlen(text));
    size_t n = strlen(sidecar) + strlen(name) * 2 + 32;
    char *more = malloc(n);
    snprintf(more, n, "%s%s\t%s\t%s\n", sidecar, name, name, date);
    free(sidecar);
    sidecar = more;
}

/* Ingest the scenario's articles under the Kestrel/Wren taxonomy and
 * find the questions (filter f, NULL for none). */
static void run(dis_set *s, const dis_filter *f)
{
    char *err = NULL, path[512];
    snprintf(path, sizeof path, "%s/kb-sources.tsv", dir);
    tu_write_file(path, sidecar, strlen(sidecar));
    ck_assert_int_eq(store_meta_set(st, "taxonomy", kw_taxonomy, &err), KB_OK);
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    tu_ingest(st, dir, kw_taxonomy);
    dis_filter none = {NULL, NULL, 0};
    ck_assert_msg(dis_find(st, f ? f : &none, s, &err) == KB_OK, "%s", err ? err : "");
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
}

/* The row whose question contains q, or NULL. */
static const dis_item *row(const dis_set *s, const char *q)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].question && strstr(s->items[i].question, q)) return &s->items[i];
    return NULL;
}

/* The side of the claim whose text contains t in row it ('\0': none). */
static char side_of(const dis_item *it, const char *t)
{
    for (size_t i = 0; i < it->nclaims; i++)
        if (strstr(it->claims[i].text, t)) return it->claims[i].side;
    return '\0';
}

/* The row on q after three dated articles, one claim each, into s. */
static const dis_item *three(dis_set *s, const char *a, const char *b, const char *c, const char *q)
{
    scenario();
    article("a.md", "2024-01-01", a);
    article("b.md", "2024-02-01", b);
    article("c.md", "2024-03-01", c);
    run(s, NULL);
    const dis_item *it = row(s, q);
    ck_assert_ptr_nonnull(it);
    return it;
}

/* Four dated articles, one claim each, their questions into s. */
static void four(dis_set *s, const char *a, const char *b, const char *c, const char *d)
{
    scenario();
    article("a.md", "2024-01-01", a);
    article("b.md", "2024-02-01", b);
    article("c.md", "2024-03-01", c);
    article("d.md", "2024-04-01", d);
    run(s, NULL);
}

static const char *position_of(const dis_item *it, char side)
{
    return (size_t)(side - 'a') < it->nsides ? it->positions[side - 'a'] : "";
}

START_TEST(test_absolute_older_is_outdated)
{
    scenario();
    article("old.md", "2018-03-01",
            "Kestrel does not support multithreading because of its global lock.\n\n"
            "Kestrel runs one job at a time.\n");
    article("new.md", "2025-06-01",
            "The global lock limits how multithreading works in Kestrel for CPU-bound jobs.\n\n"
            "Newer Kestrel builds now ship a free-threaded mode.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "multithreading");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_STANCE);
    ck_assert_str_eq(it->subject, "Kestrel");
    char a = side_of(it, "does not support"), b = side_of(it, "limits how");
    ck_assert(a && b && a != b);
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    /* the reason names the dates and the scope of the qualified claim */
    ck_assert_ptr_nonnull(strstr(it->explanation, "2018"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "2025"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "cpu-bound"));
    ck_assert_ptr_nonnull(strstr(position_of(it, a), "without qualification"));
    for (size_t i = 0; i < it->nclaims; i++)
        if (it->claims[i].side == a) ck_assert_int_eq(it->claims[i].modality, DIS_MOD_ABSOLUTE);
    dis_free(&s);
}
END_TEST

/* Opposite judgements years apart: outdated only where the newer text
 * says what changed; the dates alone are said, not taken for a verdict. */
START_TEST(test_older_judgement_outdated_only_with_change)
{
    scenario();
    article("a.md", "2018-01-01", "Kestrel is slow.\n");
    article("b.md", "2025-01-01", "Kestrel is fast.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "fast");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "no newer text says what changed"));
    dis_free(&s);
}
END_TEST

START_TEST(test_older_judgement_outdated_by_a_change)
{
    scenario();
    article("a.md", "2018-01-01", "Kestrel is slow.\n");
    article("b.md", "2025-01-01", "Kestrel is now fast.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "fast");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "2018"));
    /* the reason names the change it rests on */
    ck_assert_ptr_nonnull(strstr(it->explanation, "says what changed: \"Kestrel is now fast"));
    dis_free(&s);
}
END_TEST

START_TEST(test_absolute_same_time_is_overstated)
{
    scenario();
    article("a.md", "2025-01-01", "Wren does not support multithreading at all.\n");
    article("b.md", "2025-02-01", "The scheduler limits multithreading in Wren for CPU-bound jobs.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "multithreading");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_OVERSTATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "more precise"));
    dis_free(&s);
}
END_TEST

START_TEST(test_different_scopes_are_compatible)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for I/O-bound network services.\n");
    article("b.md", "2024-05-01", "Wren is slow for CPU-bound number crunching services.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    const dis_item *it = &s.items[0];
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "different scopes"));
    ck_assert_int_ne(it->claims[0].side, it->claims[1].side);
    dis_free(&s);
}
END_TEST

START_TEST(test_scope_most_of_a_side_names_is_compatible)
{
    /* two of three favourable claims are about native extensions; one
     * unfavourable claim of four names them in passing */
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for computation with native extensions.\n");
    article("b.md", "2024-02-01", "Wren is strong at computation when using native extensions.\n");
    article("c.md", "2024-03-01", "Wren is fast for computation.\n");
    article("d.md", "2024-04-01", "Wren is slow for computation.\n");
    article("e.md", "2024-05-01", "Wren is weak at computation.\n");
    article("f.md", "2024-06-01", "Wren is poor at computation.\n");
    article("g.md", "2024-07-01", "Wren is slow for computation, even with native extensions.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "CPU-bound");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "different scopes"));
    dis_free(&s);
}
END_TEST

START_TEST(test_general_claims_cover_a_scope_of_use)
{
    /* a claim naming no kind of app speaks of real-time apps too: one
     * side scoped to them is no other case (a build would be) */
    dis_set s;
    const dis_item *it = three(&s, "Debugging Wren code is hard.\n", "Wren errors are difficult to debug.\n",
                               "Wren makes debugging easy in real-time apps.\n", "debug");
    ck_assert_int_ne(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_null(strstr(it->explanation, "different scopes"));
    dis_free(&s);
}
END_TEST

START_TEST(test_side_torn_between_values_takes_the_other)
{
    /* "heavy computation ... slows other requests" names CPU-bound and
     * I/O-bound work: against I/O-bound claims it speaks of CPU-bound */
    scenario();
    article("a.md", "2024-01-01", "Wren is fast for I/O-bound network services.\n");
    article("c.md", "2024-03-01", "Wren is slow: heavy computation blocks the other requests.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "fast");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "(cpu-bound)") && strstr(it->explanation, "(i/o-bound)") && !strstr(it->explanation, "in general"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_community_size_meets_size)
{
    /* a community's size is a point of its own: "mature and supportive"
     * does not answer "small", "huge" does */
    dis_set s;
    const dis_item *it = three(&s, "Wren has a small community.\n", "Wren has a mature and supportive community.\n",
                               "Wren has a huge community.\n", "community");
    ck_assert(side_of(it, "small") && side_of(it, "huge") && side_of(it, "small") != side_of(it, "huge"));
    ck_assert_int_eq(side_of(it, "mature"), '\0');
    dis_free(&s);
    /* so does a ranking by size meet only sizes judged alike */
    it = three(&s, "Wren's developer pool is smaller than Kestrel's.\n",
               "Both Wren and Kestrel have mature communities.\n", "Both Wren and Kestrel have large communities.\n",
               "community");
    ck_assert(side_of(it, "smaller") && side_of(it, "large communities"));
    ck_assert_int_eq(side_of(it, "mature"), '\0');
    dis_free(&s);
}
END_TEST

START_TEST(test_turn_is_the_position)
{
    /* "..., but ..." naming the subject again on the same aspect the
     * other way is the claim's position; a turn that does not name it
     * ("but installing plugins is hard") is not */
    dis_set s;
    const dis_item *it = three(&s, "Wren is easy to install on Linux, but on Windows you need to install Wren yourself.\n",
                               "Installing Wren is easy.\n", "Wren is hard to install.\n", "install");
    ck_assert(side_of(it, "on Windows") && side_of(it, "on Windows") == side_of(it, "hard to install"));
    dis_free(&s);
    it = three(&s, "Wren is easy to install, but installing plugins is hard.\n", "Installing Wren is easy.\n",
               "Wren is hard to install.\n", "install");
    ck_assert(side_of(it, "plugins") && side_of(it, "plugins") == side_of(it, "Installing Wren is easy"));
    dis_free(&s);
}
END_TEST

START_TEST(test_partial_is_a_side_of_its_own)
{
    /* against an absolute claim, "for some jobs" (a hedge of extent) is
     * a side apart from "may" */
    dis_set s;
    const dis_item *it = three(&s, "Wren is never fast.\n", "Wren is slow for some jobs.\n", "Wren may be slow.\n", "fast");
    ck_assert_int_eq(it->verdict, DIS_OVERSTATED);
    char a = side_of(it, "never"), p = side_of(it, "some jobs"), q = side_of(it, "may be");
    ck_assert(a && p && q && a != p && p != q && a != q);
    ck_assert_str_eq(position_of(it, p), "no, in some cases");
    dis_free(&s);
}
END_TEST

START_TEST(test_choice_on_refined_scopes_is_compatible)
{
    /* "Which suits large projects: Kestrel or Wren?" answered with
     * high-traffic systems for one and enterprise projects for the
     * other: different scopes */
    dis_set s;
    four(&s, "Kestrel is the best choice for high-traffic APIs.\n", "Choose Kestrel for high-traffic web apps.\n",
         "Wren is the best choice for large enterprise projects.\n", "Choose Wren for large projects.\n");
    const dis_item *it = row(&s, "large projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "different scopes") && strstr(it->explanation, "high-traffic"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_other_workload_answers_no_scope_question)
{
    /* a claim of CPU-bound work does not say no to "Is Wren suited to
     * I/O-bound work?" */
    dis_set s;
    four(&s, "Wren handles thousands of network connections efficiently.\n", "Wren is ideal for I/O-heavy services.\n",
         "Wren excels at real-time apps.\n", "In Wren, heavy computation blocks the loop and slows down other requests.\n");
    ck_assert_ptr_null(row(&s, "suited to I/O-bound"));
    dis_free(&s);
    /* one of I/O-bound work does */
    four(&s, "Wren handles thousands of network connections efficiently.\n", "Wren is ideal for I/O-heavy services.\n",
         "Wren excels at real-time apps.\n", "Wren is poor at I/O-heavy services and struggles with many connections.\n");
    ck_assert_ptr_nonnull(row(&s, "suited to I/O-bound"));
    dis_free(&s);
}
END_TEST

START_TEST(test_ranking_does_not_deny_a_judgement)
{
    /* "steeper than the other's" does not say "hard": both can hold */
    dis_set s;
    const dis_item *it = three(&s, "Wren is easy to learn.\n", "Wren is simple to learn for most teams.\n",
                               "Wren has a steeper learning curve.\n", "learn");
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_msg(strstr(it->explanation, "only ranks") && strstr(it->explanation, "steeper"), "%s", it->explanation);
    dis_free(&s);
    /* a plain "hard" does deny it */
    it = three(&s, "Wren is easy to learn.\n", "Wren is simple to learn for most teams.\n", "Wren is hard to learn.\n",
               "learn");
    ck_assert_int_ne(it->verdict, DIS_COMPATIBLE);
    dis_free(&s);
}
END_TEST

START_TEST(test_side_quoted_by_its_subject)
{
    /* a side is quoted by a claim that names the subject, not by one
     * on a part of it ("Wrenpkg" is no "Wren") */
    dis_set s;
    const dis_item *it = three(&s, "Wrenpkg is easy to learn.\n", "Wren is simple to learn for most teams.\n",
                               "Wren has a steeper learning curve.\n", "learn");
    ck_assert_msg(strstr(it->explanation, "simple to learn") && !strstr(it->explanation, "Wrenpkg"), "%s",
                  it->explanation);
    dis_free(&s);
}
END_TEST

START_TEST(test_sources_that_say_both_are_compatible)
{
    /* every source that calls installing hard calls it easy as well */
    scenario();
    article("a.md", "2024-01-01", "Installing Wren is simple.\n\nInstalling Wren on old systems is difficult.\n");
    article("b.md", "2024-02-01", "Installing Wren is easy.\n\nInstalling Wren behind a proxy is hard.\n");
    article("c.md", "2024-03-01", "Installing Wren is simple.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *setup = row(&s, "install");
    ck_assert_ptr_nonnull(setup);
    ck_assert_int_eq(setup->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(setup->explanation, "without also saying"));
    dis_free(&s);
}
END_TEST

START_TEST(test_majority_and_unresolved)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn for beginners.\n\nInstalling Wren is simple.\n");
    article("b.md", "2024-02-01", "Learning Wren is easy for beginners.\n");
    article("c.md", "2024-03-01", "Wren is easy to learn, even for beginners.\n");
    article("d.md", "2024-04-01", "Wren is hard to learn for beginners.\n\nInstalling Wren is difficult.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *learn = row(&s, "learn");
    ck_assert_ptr_nonnull(learn);
    ck_assert_int_eq(learn->verdict, DIS_MAJORITY);
    ck_assert_ptr_nonnull(strstr(learn->explanation, "3 sources against 1"));
    const dis_item *setup = row(&s, "install");
    ck_assert_ptr_nonnull(setup);
    ck_assert_int_eq(setup->verdict, DIS_UNRESOLVED);
    dis_free(&s);
}
END_TEST

START_TEST(test_sides_are_pure)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn.\n\nWren is simple to learn.\n");
    article("b.md", "2024-02-01", "Wren is hard to learn.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "learn");
    ck_assert_ptr_nonnull(it);
    /* every claim on a side takes that side's position */
    for (size_t i = 0; i < it->nclaims; i++)
        for (size_t j = 0; j < it->nclaims; j++)
            if (it->claims[i].side == it->claims[j].side)
                ck_assert_int_eq(it->claims[i].polarity, it->claims[j].polarity);
    ck_assert_str_eq(position_of(it, side_of(it, "hard")), "no");
    ck_assert_str_eq(position_of(it, side_of(it, "easy")), "yes");
    dis_free(&s);
}
END_TEST

START_TEST(test_comparison_read_under_the_row_subject)
{
    /* "Wren is easier to install than Kestrel" says Kestrel is harder:
     * in a row on Kestrel it stands with "no", and the side says so */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easy to install.\n\nInstalling Kestrel is simple.\n");
    article("b.md", "2024-02-01", "Installing Kestrel is painful.\n");
    article("c.md", "2024-03-01", "Wren is easier to install than Kestrel.\n");
    article("d.md", "2024-04-01", "Kestrel is easier to install than Wren.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "Kestrel");
    ck_assert_ptr_nonnull(it);
    char no = side_of(it, "painful"), cmp = side_of(it, "Wren is easier");
    ck_assert_int_ne(no, '\0');
    ck_assert_int_eq(cmp, no);
    ck_assert_int_ne(side_of(it, "easy to install"), no);
    ck_assert_str_eq(position_of(it, no), "no");
    for (size_t i = 0; i < it->nclaims; i++)
        if (it->claims[i].side == no) ck_assert_int_lt(it->claims[i].polarity, 0);
    dis_free(&s);
}
END_TEST

START_TEST(test_unrelated_claims_are_not_disputes)
{
    /* opposite judgements of different aspects; one source against
     * itself; a comparison against a plain judgement */
    scenario();
    article("a.md", "2024-01-01",
            "Wren is easy to learn.\n\nInstalling Wren is difficult.\n\nWren is slow for CPU-bound jobs, "
            "but Wren is fast for I/O-bound jobs.\n");
    article("b.md", "2024-02-01", "Wren is harder to learn than Kestrel.\n\nThe Wren VM has good documentation.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 0);
    dis_free(&s);
}
END_TEST

START_TEST(test_opposite_comparisons_meet)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is faster than Wren at startup.\n");
    article("b.md", "2024-02-01", "Wren is faster than Kestrel at startup.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 1);
    const dis_item *it = &s.items[0];
    /* one question between the two, read under the first subject */
    ck_assert_str_eq(it->subject, "Kestrel, Wren");
    ck_assert_ptr_nonnull(strstr(it->question, "Kestrel or Wren"));
    ck_assert_str_eq(position_of(it, side_of(it, "Kestrel is faster")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "Wren is faster")), "Wren");
    /* --subject finds it under either */
    dis_free(&s);
    dis_filter f = {"Wren", NULL, 0};
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    ck_assert_int_eq(dis_find(st, &f, &s, &err), KB_OK);
    ck_assert_uint_eq(s.nitems, 1);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_free(&s);
}
END_TEST

/* One source favours Kestrel for small projects, another Wren, neither
 * the other: which suits them is a question between the two; a source
 * that favours both shows they are not exclusive. */
START_TEST(test_choice_by_scope)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is the best choice for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n");
    /* a scope only one subject is favoured for is no choice */
    article("c.md", "2025-02-01", "Kestrel is great for enterprise systems.\n");
    /* nor is a scope the lexicon does not ask about that way */
    article("f.md", "2025-05-01", "Kestrel works great in its standard build.\n");
    article("g.md", "2025-06-01", "Wren works great in its standard build.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_null(row(&s, "Which suits large"));
    ck_assert_ptr_null(row(&s, "standard"));
    const dis_item *it = row(&s, "Which suits small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Which suits small projects: Kestrel or Wren?");
    ck_assert_int_eq(it->kind, DIS_STANCE);
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "best choice")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "startups")), "Wren");
    dis_free(&s);
    /* a source naming both for small projects: compatible */
    article("e.md", "2025-04-01", "Kestrel suits small projects well.\n\nWren also suits small projects well.\n");
    run(&s, NULL);
    it = row(&s, "Which suits small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "e.md"));
    dis_free(&s);
}
END_TEST

/* A scope row of one subject that is mostly the choice row on that
 * scope, its other claims from sources heard there too, is that row;
 * a source that speaks only to the subject's row keeps it. */
START_TEST(test_choice_holds_the_scope_row)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is great for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n\nKestrel is unsuitable for small projects.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Which suits small projects"));
    ck_assert_ptr_null(row(&s, "Is Kestrel suited to small projects"));
    dis_free(&s);
}
END_TEST

START_TEST(test_scope_row_kept_for_its_own_source)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is great for small projects.\n");
    article("b.md", "2025-01-01", "Wren is ideal for startups and prototypes.\n");
    article("c.md", "2025-02-01", "Kestrel is unsuitable for small projects.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Which suits small projects"));
    const dis_item *it = row(&s, "Is Kestrel suited to small projects");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(side_of(it, "unsuitable"), side_of(it, "great"));
    dis_free(&s);
}
END_TEST

/* One source favours Kestrel for small projects, another for large
 * ones, neither for both: which it suits is a question of one subject,
 * on an axis the lexicon marks as a choice ("!size"); an axis it does
 * not (beginners and experts) is none. */
START_TEST(test_suits_one_value_of_an_axis)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is recommended for small projects.\n");
    article("b.md", "2024-02-01", "Kestrel is a strong fit for enterprise systems.\n");
    article("c.md", "2024-03-01", "Kestrel is great for beginners.\n");
    article("d.md", "2024-04-01", "Kestrel is ideal for experienced developers.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "small projects or");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Kestrel suited to small projects or to large projects?");
    ck_assert_str_eq(it->aspect, "size");
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "recommended")), "small projects");
    ck_assert_str_eq(position_of(it, side_of(it, "enterprise")), "large projects");
    ck_assert_ptr_null(row(&s, "beginners or"));
    ck_assert_ptr_null(row(&s, "experienced developers or"));
    dis_free(&s);
    /* a source favouring it for both: they are not exclusive for it */
    article("e.md", "2024-05-01", "Kestrel suits small projects.\n\nKestrel also suits large projects.\n");
    run(&s, NULL);
    it = row(&s, "small projects or");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "e.md"));
    dis_free(&s);
}
END_TEST

/* A ranking ranks on what its comparative speaks of: the browser named
 * before "perform better" is not what it ranks. */
START_TEST(test_ranking_on_its_comparative)
{
    scenario();
    article("e.md", "2024-01-01", "Kestrel runs smoothly in the browser sandbox, and its background jobs perform better.\n");
    article("f.md", "2024-03-01", "Both Kestrel and Wren run well in the browser.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_null(row(&s, "ahead of"));
    dis_free(&s);
    article("g.md", "2024-04-01", "Both Kestrel and Wren perform well.\n");
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_ptr_nonnull(strstr(it->question, " on speed,"));
    dis_free(&s);
}
END_TEST

/* One source recommends Kestrel for a use the taxonomy names, another
 * Wren: which suits it is a question between the two; a source
 * recommending both shows they are not exclusive. */
START_TEST(test_use_by_cue)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is the best choice for log aggregation.\n");
    article("b.md", "2024-02-01", "For log aggregation, choose Wren.\n");
    /* one subject recommended for a use is no question */
    article("c.md", "2024-03-01", "Kestrel is the best choice for event sourcing.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "Which suits log aggregation");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Which suits log aggregation: Kestrel or Wren?");
    ck_assert_int_eq(it->verdict, DIS_UNRESOLVED);
    ck_assert_str_eq(position_of(it, side_of(it, "best choice")), "Kestrel");
    ck_assert_str_eq(position_of(it, side_of(it, "choose Wren")), "Wren");
    ck_assert_ptr_null(row(&s, "event sourcing"));
    dis_free(&s);
    article("d.md", "2024-04-01", "Choose Kestrel for log aggregation.\n\nChoose Wren for log aggregation too.\n");
    run(&s, NULL);
    it = row(&s, "Which suits log aggregation");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    dis_free(&s);
}
END_TEST

/* An agreement carries its aspect's question where the lexicon has one
 * (the brief states it as the answer the sources give); a part has
 * none. */
START_TEST(test_agreement_questions)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easy to learn.\n\nThe kpm tool is excellent.\n");
    article("b.md", "2024-02-01", "Learning Kestrel is easy.\n\nKestrel ships kpm, an excellent tool.\n");
    dis_set s;
    run(&s, NULL);
    const dis_agreement *learn = NULL, *kpm = NULL;
    for (size_t i = 0; i < s.nagreements; i++) {
        if (strcmp(s.agreements[i].aspect, "learning") == 0) learn = &s.agreements[i];
        if (strcmp(s.agreements[i].aspect, "kpm") == 0) kpm = &s.agreements[i];
    }
    ck_assert_ptr_nonnull(learn);
    ck_assert_str_eq(learn->question, "Is Kestrel easy to learn?");
    ck_assert_int_eq(learn->polarity, 1);
    ck_assert_ptr_nonnull(kpm);
    ck_assert_ptr_null(kpm->question);
    dis_free(&s);
}
END_TEST

/* Values of one aspect: a newer value against an older one is
 * outdated; a value only hedged against one mostly stated plainly is
 * compatible; a pole aspect with no template asks for its values. */
START_TEST(test_pole_verdicts)
{
    scenario();
    article("a.md", "2019-01-01", "Wren delivers each message at least once.\n");
    article("b.md", "2024-01-01", "Wren now offers exactly-once delivery.\n");
    article("c.md", "2025-01-01", "Wren provides exactly-once semantics for every consumer.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Wren's delivery");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "What is Wren's delivery: exactly-once or at-least-once?");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "older"));
    dis_free(&s);
    scenario();
    article("d.md", "2024-01-01", "Kestrel is dynamically typed.\n");
    article("e.md", "2024-02-01", "Kestrel is a dynamically typed language.\n");
    article("f.md", "2024-03-01", "Kestrel can be statically typed with annotations.\n");
    run(&s, NULL);
    it = row(&s, "statically or dynamically");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "as an option"));
    dis_free(&s);
    /* judgements of the same aspect are worded as judgements, its
     * values as values */
    article("g.md", "2024-01-01", "Kestrel's type system is clumsy.\n");
    article("h.md", "2024-02-01", "Kestrel's type system is a real strength.\n");
    run(&s, NULL);
    it = row(&s, "Is Kestrel's typing an advantage?");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_STANCE);
    it = row(&s, "Is Kestrel statically or dynamically typed?");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    dis_free(&s);
}
END_TEST

/* One source ranks Kestrel above Wren, another says both are easy:
 * both can hold, the ranking the more precise; a source ranking the
 * other way makes it a question of dates or counts. */
START_TEST(test_ranking_against_alike)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel is easier to learn than Wren.\n");
    article("b.md", "2024-03-01", "Both Kestrel and Wren are easy to learn.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Kestrel ahead of Wren on learning, or are they alike?");
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_str_eq(position_of(it, side_of(it, "easier to learn")), "Kestrel ahead");
    ck_assert_str_eq(position_of(it, side_of(it, "Both")), "alike: both good");
    ck_assert_ptr_nonnull(strstr(it->explanation, "a.md"));
    ck_assert_ptr_nonnull(strstr(it->explanation, "Both can hold"));
    dis_free(&s);
    /* two newer sources rank Wren ahead, one saying it changed: the
     * label leads with Wren, and the older ranking is outdated */
    article("c.md", "2026-01-01", "Wren is now easier to learn than Kestrel.\n");
    article("d.md", "2026-02-01", "Learning Wren is simpler than learning Kestrel.\n");
    run(&s, NULL);
    it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_str_eq(it->question, "Is Wren ahead of Kestrel on learning, or are they alike?");
    ck_assert_int_eq(it->verdict, DIS_OUTDATED);
    dis_free(&s);
}
END_TEST

/* Rankings both ways years apart, with no newer text saying what
 * changed: the dates alone do not make the older one outdated. */
START_TEST(test_rankings_apart_without_change)
{
    scenario();
    article("a.md", "2019-01-01", "Kestrel is easier to learn than Wren.\n");
    article("b.md", "2019-03-01", "Both Kestrel and Wren are easy to learn.\n");
    article("c.md", "2026-01-01", "Wren is easier to learn than Kestrel.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "ahead of");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_ne(it->verdict, DIS_OUTDATED);
    ck_assert_ptr_nonnull(strstr(it->explanation, "no newer text says what changed"));
    dis_free(&s);
}
END_TEST

START_TEST(test_category_majority)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is a scripting language for games.\n");
    article("b.md", "2024-02-01", "Wren is a small programming language.\n");
    article("c.md", "2024-02-15", "Wren is an embeddable language.\n");
    article("d.md", "2024-03-01", "Wren is a lightweight framework.\n\nWren is cross-platform.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Wren");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    ck_assert_int_eq(it->verdict, DIS_MAJORITY);
    ck_assert_str_eq(position_of(it, side_of(it, "scripting")), "a language");
    ck_assert_str_eq(position_of(it, side_of(it, "framework")), "a framework");
    /* "cross-platform" says nothing of what Wren is */
    ck_assert_int_eq(side_of(it, "cross-platform"), '\0');
    dis_free(&s);
}
END_TEST

START_TEST(test_denial_counts_against)
{
    /* a source that denies a kind it elsewhere gives counts for the
     * denial: two consistent sources against none */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is a runtime environment for scripts.\n");
    article("b.md", "2024-02-01",
            "Kestrel is not a language but rather a runtime environment.\n\nKestrel is a popular language.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "What is Kestrel");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->verdict, DIS_MAJORITY);
    ck_assert_ptr_nonnull(strstr(it->explanation, "denial"));
    ck_assert_int_eq(side_of(it, "rather a runtime"), side_of(it, "runtime environment for scripts"));
    dis_free(&s);
}
END_TEST

START_TEST(test_category_labels)
{
    /* a kind against its denial alone asks about that kind; with a
     * denial among several kinds, "or" still comes before the last kind */
    scenario();
    article("a.md", "2024-01-01", "Kestrel is a language for scripts.\n");
    article("b.md", "2024-02-01", "Kestrel is not a language.\n");
    article("c.md", "2024-01-01", "Wren is a language for games.\n");
    article("d.md", "2024-02-01", "Wren is a lightweight framework.\n");
    article("e.md", "2024-03-01", "Wren is not a runtime.\n");
    dis_set s;
    run(&s, NULL);
    ck_assert_ptr_nonnull(row(&s, "Is Kestrel a language?"));
    ck_assert_ptr_nonnull(row(&s, "What is Wren: a language or a framework?"));
    dis_free(&s);
}
END_TEST

START_TEST(test_poles_one_source_gives_both)
{
    scenario();
    article("a.md", "2024-01-01", "Kestrel code is interpreted by its VM.\n");
    article("b.md", "2024-02-01",
            "The Kestrel JIT compiles hot code to machine code.\n\nKestrel code is interpreted at first.\n");
    dis_set s;
    run(&s, NULL);
    const dis_item *it = row(&s, "interpreted or compiled");
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(it->kind, DIS_CATEGORY);
    ck_assert_int_eq(it->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(it->explanation, "gives both"));
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

START_TEST(test_filters_and_determinism)
{
    scenario();
    article("a.md", "2024-01-01", "Wren is easy to learn.\n\nKestrel is fast for I/O-bound network services.\n");
    article("b.md", "2024-02-01", "Wren is hard to learn.\n\nKestrel is slow for CPU-bound number crunching.\n");
    dis_set s, t;
    run(&s, NULL);
    ck_assert_uint_eq(s.nitems, 2);
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    dis_filter f = {"Wren", NULL, 0};
    ck_assert_int_eq(dis_find(st, &f, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, 1);
    ck_assert_str_eq(t.items[0].subject, "Wren");
    dis_free(&t);
    dis_filter g = {NULL, "performance", 0};
    ck_assert_int_eq(dis_find(st, &g, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, 1);
    ck_assert_str_eq(t.items[0].subject, "Kestrel");
    dis_free(&t);
    dis_filter none = {NULL, NULL, 0};
    ck_assert_int_eq(dis_find(st, &none, &t, &err), KB_OK);
    ck_assert_uint_eq(t.nitems, s.nitems);
    for (size_t i = 0; i < s.nitems; i++) {
        ck_assert_str_eq(s.items[i].question, t.items[i].question);
        ck_assert_str_eq(s.items[i].explanation, t.items[i].explanation);
    }
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_free(&t);
    dis_free(&s);
}
END_TEST

/* ---- the corpus ---- */

static const dis_item *item_for(const dis_set *s, const char *subject, const char *key)
{
    for (size_t i = 0; i < s->nitems; i++) {
        const dis_item *it = &s->items[i];
        const char *k = it->measure ? it->measure : it->aspect;
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
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    tu_ingest(st, "corpus", NULL);
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    dis_set s;
    find(&s, NULL);
    /* PyPI counts: compatible lower bounds, with the reason */
    const dis_item *pypi = item_for(&s, "Python", "package_count");
    ck_assert_ptr_nonnull(pypi);
    ck_assert_int_eq(pypi->verdict, DIS_COMPATIBLE);
    ck_assert_ptr_nonnull(strstr(pypi->explanation, "lower bound"));
    /* npm's "over two million" is said alike: not listed */
    ck_assert_ptr_null(item_for(&s, "Node.js", "package_count"));
    /* Python's multithreading: 001's absolute claim against 000's
     * qualified ones, on opposite sides; outdated, citing the dates and
     * the scope */
    const dis_item *mt = row(&s, "Python support multithreading");
    ck_assert_ptr_nonnull(mt);
    char a = side_of(mt, "Python does not support multithreading"), b = side_of(mt, "GIL affects CPU-bound");
    ck_assert(a && b && a != b);
    ck_assert(mt->verdict == DIS_OUTDATED || mt->verdict == DIS_OVERSTATED);
    ck_assert_ptr_nonnull(strstr(mt->explanation, "2019"));
    ck_assert_ptr_nonnull(strstr(mt->explanation, "2026"));
    ck_assert_ptr_nonnull(strstr(mt->explanation, "cpu-bound"));
    /* what Node.js is: a runtime, not a language (001 and 003 say so) */
    const dis_item *what = row(&s, "What is Node.js");
    ck_assert_ptr_nonnull(what);
    ck_assert_int_eq(what->kind, DIS_CATEGORY);
    ck_assert_int_ne(side_of(what, "JavaScript runtime that lets"), side_of(what, "two popular programming languages"));
    /* Python's age: "nearly 30 years" in 2026 against 1991 */
    const dis_item *age = row(&s, "How old is Python");
    ck_assert_ptr_nonnull(age);
    ck_assert_int_eq(age->kind, DIS_TEMPORAL);
    ck_assert_ptr_nonnull(strstr(age->explanation, "1991"));
    /* every row compares different sources, says why, and has a
     * position for each of its sides */
    for (size_t i = 0; i < s.nitems; i++) {
        const dis_item *it = &s.items[i];
        ck_assert_uint_ge(sources_in(it), 2);
        ck_assert_uint_gt(strlen(it->explanation), 40);
        ck_assert_ptr_nonnull(it->question);
        for (size_t k = 0; k < it->nclaims; k++) {
            ck_assert_uint_lt((size_t)(it->claims[k].side - 'a'), it->nsides);
            ck_assert_ptr_nonnull(it->positions[it->claims[k].side - 'a']);
        }
    }
    /* 001 states no date: inferred from the latest year it gives (2019) */
    for (size_t i = 0; i < s.nsources; i++)
        if (strstr(s.sources[i].path, "001_")) {
            ck_assert_str_eq(s.sources[i].date, "2019");
            ck_assert_int_eq(s.sources[i].date_inferred, 1);
        }
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
    tcase_add_test(tc, test_figures_one_source_gives_apart);
    tcase_add_test(tc, test_vague_bounds);
    tcase_add_test(tc, test_versions_only_when_current);
    tcase_add_test(tc, test_absolute_older_is_outdated);
    tcase_add_test(tc, test_absolute_same_time_is_overstated);
    tcase_add_test(tc, test_older_judgement_outdated_only_with_change);
    tcase_add_test(tc, test_older_judgement_outdated_by_a_change);
    tcase_add_test(tc, test_different_scopes_are_compatible);
    tcase_add_test(tc, test_other_workload_answers_no_scope_question);
    tcase_add_test(tc, test_community_size_meets_size);
    tcase_add_test(tc, test_turn_is_the_position);
    tcase_add_test(tc, test_partial_is_a_side_of_its_own);
    tcase_add_test(tc, test_choice_on_refined_scopes_is_compatible);
    tcase_add_test(tc, test_general_claims_cover_a_scope_of_use);
    tcase_add_test(tc, test_ranking_does_not_deny_a_judgement);
    tcase_add_test(tc, test_side_quoted_by_its_subject);
    tcase_add_test(tc, test_side_torn_between_values_takes_the_other);
    tcase_add_test(tc, test_sources_that_say_both_are_compatible);
    tcase_add_test(tc, test_scope_most_of_a_side_names_is_compatible);
    tcase_add_test(tc, test_majority_and_unresolved);
    tcase_add_test(tc, test_sides_are_pure);
    tcase_add_test(tc, test_comparison_read_under_the_row_subject);
    tcase_add_test(tc, test_unrelated_claims_are_not_disputes);
    tcase_add_test(tc, test_opposite_comparisons_meet);
    tcase_add_test(tc, test_choice_by_scope);
    tcase_add_test(tc, test_choice_holds_the_scope_row);
    tcase_add_test(tc, test_scope_row_kept_for_its_own_source);
    tcase_add_test(tc, test_ranking_against_alike);
    tcase_add_test(tc, test_rankings_apart_without_change);
    tcase_add_test(tc, test_ranking_on_its_comparative);
    tcase_add_test(tc, test_suits_one_value_of_an_axis);
    tcase_add_test(tc, test_pole_verdicts);
    tcase_add_test(tc, test_agreement_questions);
    tcase_add_test(tc, test_use_by_cue);
    tcase_add_test(tc, test_category_majority);
    tcase_add_test(tc, test_denial_counts_against);
    tcase_add_test(tc, test_category_labels);
    tcase_add_test(tc, test_poles_one_source_gives_both);
    tcase_add_test(tc, test_age_against_release_year);
    tcase_add_test(tc, test_filters_and_determinism);
    tcase_add_test(tc, test_corpus);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run(disagree_suite());
    free(sidecar);
    return rc;
}
