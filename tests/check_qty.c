/*
 * check_qty.c - qty_scan: a table of sentences and the quantities each
 * should give (span, kind, interval, approx, unit, version or "of"),
 * then the edges: a full output array, empty input, a megabyte of
 * digits and punctuation.
 *
 * Every input is copied into a buffer of exactly its length, with no
 * terminating NUL, so a read past the end shows up under ASan/valgrind.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qty.h"
#include "testutil.h"

#define INF 0.0  /* placeholder for an unbounded end: has_* says so */

typedef struct want {
    const char *raw;     /* the span text */
    qty_kind kind;
    int has_low;
    double low;
    int low_open;
    int has_high;
    double high;
    int high_open;
    int approx;
    const char *unit;
    const char *text;    /* version text (QTY_VERSION) or q.of (QTY_PERCENT) */
} want;

/* Shorthand for the common shapes. */
#define PT(r, k, v, u) {r, k, 1, v, 0, 1, v, 0, 0, u, ""}                      /* [v, v] */
#define APX(r, k, v, u) {r, k, 1, v, 0, 1, v, 0, 1, u, ""}                     /* [v, v] ~ */
#define IV(r, k, lo, lop, hi, hop, ap, u) {r, k, 1, lo, lop, 1, hi, hop, ap, u, ""}
#define UP(r, k, lo, lop, ap, u) {r, k, 1, lo, lop, 0, INF, 0, ap, u, ""}      /* lo.. inf */
#define YR(r, y) {r, QTY_YEAR, 1, y, 0, 1, y, 0, 0, "", ""}
#define VER(r, txt, v) {r, QTY_VERSION, 1, v, 0, 1, v, 0, 0, "", txt}
#define PCT(r, lo, lop, hi, hop, ap, of) {r, QTY_PERCENT, 1, lo, lop, 1, hi, hop, ap, "percent", of}
#define NONE {{NULL, QTY_COUNT, 0, 0, 0, 0, 0, 0, 0, NULL, NULL}}  /* no quantity */
#define C QTY_COUNT
#define D QTY_DURATION

#define MAXW 4
typedef struct qcase {
    const char *in;
    want w[MAXW];  /* ends at the first entry with raw == NULL */
} qcase;

static const qcase cases[] = {
    /* The examples in qty.h and the phrasings of the corpus articles. */
    {"Ecosystem | npm, with 2+ million packages | PyPI, with 800,000+ projects |",
     {UP("2+ million", C, 2e6, 0, 0, "package"), UP("800,000+", C, 800000, 0, 0, "project")}},
    {"Node.js excels in I/O-bound tasks (15,000–20,000 requests/sec).",
     {IV("15,000–20,000", C, 15000, 0, 20000, 0, 0, "request/s")}},
    {"Python (CPython) is slower (500–2,000 requests/sec) but can improve",
     {IV("500–2,000", C, 500, 0, 2000, 0, 0, "request/s")}},
    {"Python has 2.5M+ Stack Overflow questions; Node.js has 1.8M+ questions",
     {UP("2.5M+", C, 2.5e6, 0, 0, "stack overflow question"), UP("1.8M+", C, 1.8e6, 0, 0, "question")}},
    {"According to the survey, over 75% of machine learning practitioners use Python.",
     {PCT("over 75%", 75, 1, 100, 0, 0, "machine learning practitioner")}},
    {"Over 87% of data scientists use Python (2024 Kaggle Survey).",
     {PCT("Over 87%", 87, 1, 100, 0, 0, "data scientist"), YR("2024", 2024)}},
    {"reducing repetitive workflow effort by 70–80%.", {PCT("70–80%", 70, 0, 80, 0, 0, "")}},
    {"It has been evolving for nearly 30 years.", {IV("nearly 30", D, 0, 0, 30, 1, 1, "year")}},
    {"It was created by Guido van Rossum in 1991 into one of the most used.", {YR("1991", 1991)}},
    {"It was initially released in 2009 by Ryan Dahl.", {YR("2009", 2009)}},
    {"The latest version – NodeJS 12.6.0 – was released in July 2019.",
     {VER("12.6.0", "12.6.0", 12.6), YR("2019", 2019)}},
    {"The latest version is Python 3.8, and it was released in October 2019.",
     {VER("3.8", "3.8", 3.8), YR("2019", 2019)}},
    {"But Python 3.7 is still more popular.", {VER("3.7", "3.7", 3.7)}},
    {"one of these technologies – NodeJS or Python 3 – is winning", {VER("3", "3", 3)}},
    {"you will see that you have Python 2.0 preinstalled", {VER("2.0", "2.0", 2.0)}},
    {"Mature Ecosystem: PyPI’s 450,000+ packages cover almost every need.",
     {UP("450,000+", C, 450000, 0, 0, "package")}},
    {"NPM Ecosystem: Over 2 million packages make common tasks easy.",
     {UP("Over 2 million", C, 2e6, 1, 0, "package")}},
    {"npm hosts over two million packages", {UP("over two million", C, 2e6, 1, 0, "package")}},
    {"Python: 15M+ developers, supported by PSF.", {UP("15M+", C, 1.5e7, 0, 0, "developer")}},
    {"Node.js: Part of 17M+ JS developers", {UP("17M+", C, 1.7e7, 0, 0, "js developer")}},
    {"LTS every six months ensures stability.", {PT("six", D, 6, "month")}},
    {"10 min Read", {PT("10", D, 10, "minute")}},
    {"9 Mins", {PT("9", D, 9, "minute")}},
    {"Node JS vs Python: Difference Between Node JS and Python [2024]", {YR("2024", 2024)}},
    {"Top 40 MySQL Interview Questions & Answers", {PT("40", C, 40, "mysql interview question")}},
    {"Python is one of the top three languages.", {PT("three", C, 3, "language")}},
    {"NodeJS vs Python: 2 – 1", {PT("2", C, 2, ""), PT("1", C, 1, "")}},
    {"offers 500+ hours of rigorous training, 9+ projects",
     {UP("500+", D, 500, 0, 0, "hour"), UP("9+", C, 9, 0, 0, "project")}},
    {"Here is a simple guide for backend development 2026:", {YR("2026", 2026)}},
    {"strong roles in the 2026 trends", {YR("2026", 2026)}},
    {"Check out all trending concepts in 2024.", {YR("2024", 2024)}},
    {"Stack Overflow has millions of answered questions",
     {UP("millions of", C, 1e6, 0, 1, "answered question")}},
    {"it handles thousands of concurrent connections",
     {UP("thousands of", C, 1000, 0, 1, "concurrent connection")}},

    /* Bound words and suffixes, on invented sentences. */
    {"just under 30 people came", {IV("just under 30", C, 0, 0, 30, 1, 1, "person")}},
    {"about 40 plugins", {APX("about 40", C, 40, "plugin")}},
    {"around 40 plugins", {APX("around 40", C, 40, "plugin")}},
    {"approximately 12 teams", {APX("approximately 12", C, 12, "team")}},
    {"~300 contributors", {APX("~300", C, 300, "contributor")}},
    {"at least 5 servers", {UP("at least 5", C, 5, 0, 0, "server")}},
    {"5 or more servers", {UP("5 or more", C, 5, 0, 0, "server")}},
    {"10 or fewer items", {IV("10 or fewer", C, 0, 0, 10, 0, 0, "item")}},
    {"up to 10 workers", {IV("up to 10", C, 0, 0, 10, 0, 0, "worker")}},
    {"at most 10 workers", {IV("at most 10", C, 0, 0, 10, 0, 0, "worker")}},
    {"no more than 8 threads", {IV("no more than 8", C, 0, 0, 8, 0, 0, "thread")}},
    {"more than 2 million downloads", {UP("more than 2 million", C, 2e6, 1, 0, "download")}},
    {"more than 3,000 contributors", {UP("more than 3,000", C, 3000, 1, 0, "contributor")}},
    /* a one-word bound before a hedge keeps its direction, hedged */
    {"Beyond roughly 500 concurrent connections, it slows", {UP("Beyond roughly 500", C, 500, 1, 1, "concurrent connection")}},
    {"beyond 40 nodes", {UP("beyond 40", C, 40, 1, 0, "node")}},
    {"just over 100 stars", {UP("just over 100", C, 100, 1, 1, "star")}},
    {"fewer than 50 bugs", {IV("fewer than 50", C, 0, 0, 50, 1, 0, "bug")}},
    {"under 100 ms", {IV("under 100", D, 0, 0, 100, 1, 0, "millisecond")}},
    {"close to 2 million users", {IV("close to 2 million", C, 0, 0, 2e6, 1, 1, "user")}},
    {"roughly 1.5 billion users", {APX("roughly 1.5 billion", C, 1.5e9, "user")}},
    {"up to 4 GB of memory", {IV("up to 4", C, 0, 0, 4, 0, 0, "gb")}},
    {"over 2000 packages", {UP("over 2000", C, 2000, 1, 0, "package")}},

    /* Percents. */
    {"less than 1% of", {PCT("less than 1%", 0, 0, 1, 1, 0, "")}},
    {"below 5% overhead", {PCT("below 5%", 0, 0, 5, 1, 0, "")}},
    {"almost 40% of the respondents", {PCT("almost 40%", 0, 0, 40, 1, 1, "respondent")}},
    {"more than 50 percent of companies", {PCT("more than 50 percent", 50, 1, 100, 0, 0, "company")}},
    {"a 12 per cent rise", {PCT("12 per cent", 12, 0, 12, 0, 0, "")}},
    {"at least 99.9% uptime", {PCT("at least 99.9%", 99.9, 0, 100, 0, 0, "")}},
    {"over 200% growth", {{"over 200%", QTY_PERCENT, 1, 200, 1, 0, INF, 0, 0, "percent", ""}}},
    {"In 2023, 45% of developers", {YR("2023", 2023), PCT("45%", 45, 0, 45, 0, 0, "developer")}},

    /* Ranges. */
    {"between 10 and 20 ms", {IV("between 10 and 20", D, 10, 0, 20, 0, 0, "millisecond")}},
    {"1–2 million users", {IV("1–2 million", C, 1e6, 0, 2e6, 0, 0, "user")}},
    {"5 to 10 seconds", {IV("5 to 10", D, 5, 0, 10, 0, 0, "second")}},
    {"two to three weeks", {IV("two to three", D, 2, 0, 3, 0, 0, "week")}},
    {"3-4 years", {IV("3-4", D, 3, 0, 4, 0, 0, "year")}},
    {"a team of 10 — 12 people", {IV("10 — 12", C, 10, 0, 12, 0, 0, "person")}},
    {"Latency fell from 200 to 50 ms.", {PT("200", C, 200, ""), PT("50", D, 50, "millisecond")}},
    {"Between 2019 and 2021, usage doubled.", {IV("Between 2019 and 2021", QTY_YEAR, 2019, 0, 2021, 0, 0, "")}},
    {"from 2019 to 2021", {IV("2019 to 2021", QTY_YEAR, 2019, 0, 2021, 0, 0, "")}},

    /* Scales, number words, units. */
    {"The project has 1.2k stars", {PT("1.2k", C, 1200, "star")}},
    {"10k rps", {PT("10k", C, 10000, "request/s")}},
    {"handles 10,000 requests per second", {PT("10,000", C, 10000, "request/s")}},
    {"It is 3.5 times faster.", {PT("3.5", C, 3.5, "time")}},
    {"Python 2.5 times slower", {PT("2.5", C, 2.5, "time")}},
    {"Go is 3x faster", {PT("3x", C, 3, "time")}},
    {"Responses take 100ms on average", {PT("100ms", D, 100, "millisecond")}},
    {"a 5-year plan", {PT("5", D, 5, "year")}},
    {"a 64-bit build", {PT("64", C, 64, "bit")}},
    {"twenty-five years", {PT("twenty-five", D, 25, "year")}},
    {"two hundred thousand users", {PT("two hundred thousand", C, 200000, "user")}},
    {"a million downloads", {PT("a million", C, 1e6, "download")}},
    {"over half a million jobs", {UP("over half a million", C, 5e5, 1, 0, "job")}},
    {"10× faster", {PT("10×", C, 10, "time")}},
    {"one year later", {PT("one", D, 1, "year")}},
    {"Python has existed for decades", {UP("decades", D, 2, 0, 1, "decade")}},
    {"it ran for many hours; the early days of Node", {UP("hours", D, 2, 0, 1, "hour")}},
    {"tens of thousands of developers", {UP("tens of thousands of", C, 1e4, 0, 1, "developer")}},
    /* a rate that names no thing counted; "+" after it is a lower bound */
    {"it peaks at 100k/sec+ on one node", {UP("100k/sec+", C, 1e5, 0, 0, "/s")}},
    {"about 5k/min at night", {APX("about 5k", C, 5000, "/min")}},
    {"it logs 300 per second", {PT("300", C, 300, "/s")}},
    /* two vague plurals joined: a range up to the next order of the
     * second; a chain before "to" is read whole, not one left open */
    {"it serves hundreds to thousands of tenants",
     {IV("hundreds to thousands of", C, 100, 0, 1e4, 1, 1, "tenant")}},
    {"hundreds of thousands or millions of rows a day",
     {IV("hundreds of thousands or millions of", C, 1e5, 0, 1e7, 1, 1, "row")}},
    {"millions to thousands of files", {UP("thousands of", C, 1000, 0, 1, "file")}},
    {"dozens of libraries and hundreds of plugins",
     {UP("dozens of", C, 24, 0, 1, "library"), UP("hundreds of", C, 100, 0, 1, "plugin")}},
    {"$5 million in funding", {PT("$5 million", C, 5e6, "dollar")}},
    {"a €3 billion market", {PT("€3 billion", C, 3e9, "euro")}},
    {"It ran 12 processes and 3 boxes", {PT("12", C, 12, "process"), PT("3", C, 3, "box")}},

    /* Years and versions. */
    {"Go 1.21 was released in August 2023.", {VER("1.21", "1.21", 1.21), YR("2023", 2023)}},
    {"Languages born in the 1990s dominate.", {IV("1990s", QTY_YEAR, 1990, 0, 1999, 0, 0, "")}},
    {"The survey had 2024 participants.", {PT("2024", C, 2024, "participant")}},
    {"It grew to 2,009 packages.", {PT("2,009", C, 2009, "package")}},
    {"Since 2015 the team has shipped 12 releases.", {YR("2015", 2015), PT("12", C, 12, "release")}},
    {"circa 1995", {IV("circa 1995", QTY_YEAR, 1995, 0, 1995, 0, 1, "")}},
    {"Upgrade to v20 today.", {VER("v20", "20", 20)}},
    {"version 3 of the API", {VER("3", "3", 3)}},
    {"Django 4.2 adds async views", {VER("4.2", "4.2", 4.2)}},
    {"Web 2.0 sites", {VER("2.0", "2.0", 2)}},
    {"Java 8 and Python 3.10.4", {VER("8", "8", 8), VER("3.10.4", "3.10.4", 3.1)}},
    {"Node 20 followed, then macOS 14 shipped", {VER("20", "20", 20), VER("14", "14", 14)}},
    {"The 1.0 release came later", {VER("1.0", "1.0", 1)}},
    {"It needs Python 3.8+ or Node 18+", {{"3.8+", QTY_VERSION, 1, 3.8, 0, 0, INF, 0, 0, "", "3.8"},
                                          {"18+", QTY_VERSION, 1, 18, 0, 0, INF, 0, 0, "", "18"}}},
    {"Build 5 Apps With Python", {PT("5", C, 5, "app")}},
    {"Only 3 are left.", {PT("3", C, 3, "")}},
    /* Found by fuzzing (tests/fuzz/fuzz_qty.c): a bound below zero gave
     * the empty interval [0, 0); it means about nothing. */
    {"nearly $0", {APX("nearly $0", C, 0, "dollar")}},
    {"under 0% of users", {{"under 0%", QTY_PERCENT, 1, 0, 0, 1, 0, 0, 1, "percent", "user"}}},

    /* Not quantities. */
    {"May 08, 2026", NONE},
    {"Published on 19 Feb 2024 by staff", NONE},
    {"20th Jun, 2023", NONE},
    {"Updated 2024-02-19T10:00:00Z.", NONE},
    {"On May 8 the team met", NONE},
    {"ES6 and ES2015 features, the V8 engine, 3D models, H2O, Web2Py, D3.js", NONE},
    {"Schedule 1:1 free counselling at 10:30 am, 24/7 support", NONE},
    {"  1. Architecture", NONE},
    {"1.Learning Curve", NONE},
    {"2) Speed", NONE},
    {"3.2 Installing Python", NONE},
    {"1What is Django?", NONE},
    {"formatting conventions (PEP 8), HTTP/2 and COVID-19", NONE},
    {"the 21st century, ranked #1", NONE},
    {"call 555-123-4567 or +1 555 0100", NONE},
    {"one of these technologies, a two-way channel", NONE},
    {"", NONE},
};

static int near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);
}

static void check_one(const char *in, size_t len, const qty *q, const want *w, size_t k)
{
    size_t rl = strlen(w->raw);
    ck_assert_msg(q->start <= q->end && q->end <= len, "\"%s\" #%zu: bad span", in, k);
    ck_assert_msg(q->end - q->start == rl && !memcmp(in + q->start, w->raw, rl),
                  "\"%s\" #%zu: span \"%.*s\", want \"%s\"", in, k, (int)(q->end - q->start),
                  in + q->start, w->raw);
    ck_assert_msg(q->kind == w->kind, "\"%s\" #%zu: kind %d, want %d", in, k, q->kind, w->kind);
    ck_assert_msg(q->has_low == w->has_low && q->has_high == w->has_high,
                  "\"%s\" #%zu: has_low %d has_high %d", in, k, q->has_low, q->has_high);
    if (w->has_low)
        ck_assert_msg(near(q->low, w->low) && q->low_open == w->low_open,
                      "\"%s\" #%zu: low %g%s, want %g%s", in, k, q->low, q->low_open ? " open" : "",
                      w->low, w->low_open ? " open" : "");
    if (w->has_high)
        ck_assert_msg(near(q->high, w->high) && q->high_open == w->high_open,
                      "\"%s\" #%zu: high %g%s, want %g%s", in, k, q->high, q->high_open ? " open" : "",
                      w->high, w->high_open ? " open" : "");
    ck_assert_msg(q->approx == w->approx, "\"%s\" #%zu: approx %d", in, k, q->approx);
    ck_assert_msg(!strcmp(q->unit, w->unit), "\"%s\" #%zu: unit \"%s\", want \"%s\"", in, k, q->unit,
                  w->unit);
    const char *ver = w->kind == QTY_VERSION ? w->text : "";
    const char *of = w->kind == QTY_PERCENT ? w->text : "";
    ck_assert_msg(!strcmp(q->version, ver), "\"%s\" #%zu: version \"%s\", want \"%s\"", in, k,
                  q->version, ver);
    ck_assert_msg(!strcmp(q->of, of), "\"%s\" #%zu: of \"%s\", want \"%s\"", in, k, q->of, of);
    ck_assert_msg((q->kind == QTY_DURATION) == (q->unit_seconds > 0), "\"%s\" #%zu: unit_seconds %g", in, k,
                  q->unit_seconds);
    /* a unit's span lies in the text, after the number starts */
    if (q->unit[0] && q->unit_end)
        ck_assert_msg(q->unit_start >= q->start && q->unit_start < q->unit_end && q->unit_end <= len,
                      "\"%s\" #%zu: bad unit span", in, k);
}

START_TEST(test_table)
{
    const qcase *c = &cases[_i];
    size_t len = strlen(c->in), nwant = 0;
    /* exactly len bytes, no NUL: the scanner must not read past len */
    char *in = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(in);
    memcpy(in, c->in, len);
    qty q[8];
    while (nwant < MAXW && c->w[nwant].raw) nwant++;
    size_t got = qty_scan(in, len, q, 8);
    if (got != nwant) {
        for (size_t k = 0; k < got && k < 8; k++)
            fprintf(stderr, "  got \"%.*s\" kind %d unit \"%s\"\n", (int)(q[k].end - q[k].start),
                    c->in + q[k].start, q[k].kind, q[k].unit);
    }
    ck_assert_msg(got == nwant, "\"%s\": %zu quantities, want %zu", c->in, got, nwant);
    for (size_t k = 0; k < nwant; k++) check_one(c->in, len, &q[k], &c->w[k], k);
    free(in);
}
END_TEST

/* The unit span points at the words that were read. */
START_TEST(test_unit_span)
{
    static const struct { const char *in, *span; } spans[] = {
        {"npm, with 2+ million packages", "packages"},
        {"(500–2,000 requests/sec)", "requests/sec"},
        {"handles 10,000 requests per second", "requests per second"},
        {"over 75% of users", "%"},
        {"12 per cent", "per cent"},
        {"Python has 2.5M+ Stack Overflow questions", "Stack Overflow questions"},
        {"Responses take 100ms", "ms"},
        {"for nearly 30 years.", "years"},
        {"$5 million", "$"},
    };
    for (size_t i = 0; i < sizeof spans / sizeof *spans; i++) {
        qty q;
        ck_assert_uint_eq(qty_scan(spans[i].in, strlen(spans[i].in), &q, 1), 1);
        ck_assert_msg(q.unit_end - q.unit_start == strlen(spans[i].span) &&
                          !memcmp(spans[i].in + q.unit_start, spans[i].span, strlen(spans[i].span)),
                      "\"%s\": unit span \"%.*s\"", spans[i].in, (int)(q.unit_end - q.unit_start),
                      spans[i].in + q.unit_start);
    }
}
END_TEST

/* Durations keep the unit written; unit_seconds converts them. */
START_TEST(test_seconds)
{
    static const struct { const char *in; double secs; } durs[] = {
        {"every six months", 2629800}, {"for nearly 30 years", 31557600}, {"for decades", 315576000},
        {"10 min Read", 60}, {"in 100ms", 1e-3}, {"3 weeks", 604800}, {"2 days", 86400}, {"5 hrs", 3600},
    };
    for (size_t i = 0; i < sizeof durs / sizeof *durs; i++) {
        qty q;
        ck_assert_uint_eq(qty_scan(durs[i].in, strlen(durs[i].in), &q, 1), 1);
        ck_assert_int_eq(q.kind, QTY_DURATION);
        ck_assert_msg(near(q.unit_seconds, durs[i].secs), "\"%s\": %g", durs[i].in, q.unit_seconds);
    }
    /* six months in years, as a caller comparing durations computes it */
    qty q;
    ck_assert_uint_eq(qty_scan("every six months", 16, &q, 1), 1);
    ck_assert(near(q.low * q.unit_seconds / 31557600, 0.5));
}
END_TEST

/* More quantities than room: the count is complete, only max are written. */
START_TEST(test_max)
{
    const char *s = "1 dog, 2 cats, 3 birds and 4 fish";
    qty q[3];
    memset(&q[1], 0x5a, sizeof q[1]);
    ck_assert_uint_eq(qty_scan(s, strlen(s), q, 1), 4);
    ck_assert(near(q[0].low, 1));
    ck_assert_str_eq(q[0].unit, "dog");
    ck_assert_uint_eq(((unsigned char *)&q[1])[0], 0x5a);
    ck_assert_uint_eq(qty_scan(s, strlen(s), NULL, 0), 4);
    ck_assert_uint_eq(qty_scan(s, strlen(s), q, 3), 4);
    ck_assert(near(q[2].low, 3));
}
END_TEST

START_TEST(test_empty)
{
    qty q;
    ck_assert_uint_eq(qty_scan("", 0, &q, 1), 0);
    ck_assert_uint_eq(qty_scan("2024 packages", 0, &q, 1), 0);
    /* only len bytes are read: "2024" alone is a year */
    ck_assert_uint_eq(qty_scan("2024 packages", 4, &q, 1), 1);
    ck_assert_int_eq(q.kind, QTY_YEAR);
}
END_TEST

/* A megabyte of digits and punctuation, and of repeated patterns that
 * could make a careless scanner go back over what it read: the scan must
 * stay linear (it finishes well inside Check's timeout). */
START_TEST(test_big)
{
    static const char *const pats[] = {
        "1-", "1.", "1,000", "1:", "1/", "12 ", "a1", "2024 ", "1 – ", "1 to ",
        "over ", "between 1 and ", "thousands of ", "May 8, 2024 ", "2+ million "};
    static const char chars[] = "0123456789.,:-/%+ ~$()[]#";
    size_t n = 1 << 20;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        s[i] = chars[(x >> 16) % (sizeof chars - 1)];
    }
    size_t got = qty_scan(s, n, NULL, 0);
    ck_assert_uint_le(got, n);
    for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
        size_t pl = strlen(pats[p]), m = n / 4;
        for (size_t i = 0; i < m; i++) s[i] = pats[p][i % pl];
        got = qty_scan(s, m, NULL, 0);
        ck_assert_uint_le(got, m);
    }
    memset(s, '7', n);  /* one huge numeral */
    ck_assert_uint_eq(qty_scan(s, n, NULL, 0), 0);
    free(s);
}
END_TEST

static Suite *qty_suite(void)
{
    Suite *s = suite_create("qty");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_table, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_unit_span);
    tcase_add_test(tc, test_seconds);
    tcase_add_test(tc, test_max);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_big);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(qty_suite());
}
