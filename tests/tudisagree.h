/*
 * tudisagree.h - what the suites of disagreements share
 * (check_disagree.c, check_dis_*.c, check_reconcile_choice.c): a fresh
 * store in a write transaction (a Check checked fixture) and the rows
 * found in it; scenarios of small invented articles on an invented
 * comparison (two runtimes, Kestrel and Wren, with a taxonomy of their
 * own), ingested for real with dates in a sidecar, and a row's question,
 * sides and positions.
 */
#ifndef KB_TUDISAGREE_H
#define KB_TUDISAGREE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static char *dir;
static store *st;
static long long seq;

static inline void setup(void)
{
    tu_store_setup();
    dir = tu_dir;
    st = tu_st;
    char *err = NULL;
    ck_assert_int_eq(store_begin(st, &err), KB_OK);
    seq = 0;
}

static inline void teardown(void)
{
    tu_store_teardown();
}

static inline void find(dis_set *s, const char *subject)
{
    char *err = NULL;
    ck_assert_int_eq(store_commit(st, &err), KB_OK);
    dis_filter f = {subject, NULL, 0};
    ck_assert_msg(dis_find(st, &f, s, &err) == KB_OK, "%s", err ? err : "");
}

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
    "dimension\tqueries\twindow functions, query planner\n"
    "measure\trelease_year\treleased, first released, created, @year\n"
    "measure\tduration\t@duration\n";

static char *sidecar;

/* Start a scenario: a fresh folder with its sidecar. */
static inline void scenario(void)
{
    free(sidecar);
    sidecar = strdup("file\ttitle\tdate\n");
}

/* Write article name (dated, or "" for none) into the scenario folder. */
static inline void article(const char *name, const char *date, const char *text)
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
static inline void run(dis_set *s, const dis_filter *f)
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
static inline const dis_item *row(const dis_set *s, const char *q)
{
    for (size_t i = 0; i < s->nitems; i++)
        if (s->items[i].question && strstr(s->items[i].question, q)) return &s->items[i];
    return NULL;
}

/* The side of the claim whose text contains t in row it ('\0': none). */
static inline char side_of(const dis_item *it, const char *t)
{
    for (size_t i = 0; i < it->nclaims; i++)
        if (strstr(it->claims[i].text, t)) return it->claims[i].side;
    return '\0';
}

/* Run the scenario into s: its row on q, which must be there. */
static inline const dis_item *found(dis_set *s, const char *q)
{
    run(s, NULL);
    const dis_item *it = row(s, q);
    ck_assert_ptr_nonnull(it);
    return it;
}

/* The row on q after two dated articles, one claim each, into s. */
static inline const dis_item *two(dis_set *s, const char *a, const char *b, const char *q)
{
    scenario();
    article("a.md", "2024-01-01", a);
    article("b.md", "2024-02-01", b);
    return found(s, q);
}

/* The row on q after three dated articles, one claim each, into s. */
static inline const dis_item *three(dis_set *s, const char *a, const char *b, const char *c, const char *q)
{
    scenario();
    article("a.md", "2024-01-01", a);
    article("b.md", "2024-02-01", b);
    article("c.md", "2024-03-01", c);
    return found(s, q);
}

/* The row on q after two articles seven years apart, old (2018) and
 * new (2025), one claim each, into s. */
static inline const dis_item *apart(dis_set *s, const char *old, const char *new, const char *q)
{
    scenario();
    article("a.md", "2018-01-01", old);
    article("b.md", "2025-01-01", new);
    return found(s, q);
}

/* Four dated articles, one claim each, their questions into s. */
static inline void four(dis_set *s, const char *a, const char *b, const char *c, const char *d)
{
    scenario();
    article("a.md", "2024-01-01", a);
    article("b.md", "2024-02-01", b);
    article("c.md", "2024-03-01", c);
    article("d.md", "2024-04-01", d);
    run(s, NULL);
}

static inline const char *position_of(const dis_item *it, char side)
{
    return (size_t)(side - 'a') < it->nsides ? it->positions[side - 'a'] : "";
}

#endif
