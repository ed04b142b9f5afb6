/*
 * check_segment.c - seg_sentences, seg_cells, seg_comments and the
 * abbreviation list: tables of inputs and the pieces each should give.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "segment.h"
#include "testutil.h"
#include "util.h"

#define MAXS 8

typedef struct sent_case {
    const char *in;
    const char *want[MAXS];   /* expected sentences, NULL-terminated */
} sent_case;

static const sent_case sent_cases[] = {
    /* dotted names, abbreviations, numbers */
    {"Node.js is fast. Python is easy.", {"Node.js is fast.", "Python is easy."}},
    {"Use Next.js, Express.js or D3.js. ASP.NET is another option.",
     {"Use Next.js, Express.js or D3.js.", "ASP.NET is another option."}},
    {"Frameworks, e.g. Django and Flask, help. They save time.",
     {"Frameworks, e.g. Django and Flask, help.", "They save time."}},
    {"Some tools (i.e. linters) run first. Others run later.",
     {"Some tools (i.e. linters) run first.", "Others run later."}},
    /* ... inside a bracket Markdown escapes */
    {"Costs vary \\(e.g. disks are slow\\), etc. Tune it.",
     {"Costs vary \\(e.g. disks are slow\\), etc.", "Tune it."}},
    {"It compares Node.js vs. Python in depth. Read on.",
     {"It compares Node.js vs. Python in depth.", "Read on."}},
    {"The latest version is Python 3.8, released in 2019. It is fast.",
     {"The latest version is Python 3.8, released in 2019.", "It is fast."}},
    {"The latest version – NodeJS 12.6.0 – was released in 2019. Good.",
     {"The latest version – NodeJS 12.6.0 – was released in 2019.", "Good."}},
    {"Most users are in the U.S. and Europe. Growth is steady.",
     {"Most users are in the U.S. and Europe.", "Growth is steady."}},
    {"Sales grew in the U.S. The rest fell.", {"Sales grew in the U.S.", "The rest fell."}},
    {"Dr. Smith and J. R. Jones wrote it. Prof. Lee agreed.",
     {"Dr. Smith and J. R. Jones wrote it.", "Prof. Lee agreed."}},
    {"See Fig. 3 for details. No. It is not.", {"See Fig. 3 for details.", "No.", "It is not."}},
    {"Apple Inc. is big. Acme Inc. Makes tools.",
     {"Apple Inc. is big.", "Acme Inc.", "Makes tools."}},
    /* "etc." before a capital ends the sentence (class "end" in the list) */
    {"It handles files, sockets, etc. Then it stops.",
     {"It handles files, sockets, etc.", "Then it stops."}},
    {"It handles files, sockets, etc. and more.", {"It handles files, sockets, etc. and more."}},
    /* ellipses */
    {"Wait... then it works. Good.", {"Wait... then it works.", "Good."}},
    {"Wait... Then it works.", {"Wait...", "Then it works."}},
    {"Wait… then it works.", {"Wait… then it works."}},
    {"Wait… Then it works.", {"Wait…", "Then it works."}},
    /* closing quotes and brackets stay with the sentence */
    {"He said \"no.\" Then he left.", {"He said \"no.\"", "Then he left."}},
    {"It is fast (very fast.) Really.", {"It is fast (very fast.)", "Really."}},
    {"They call it “the best.” Others disagree.",
     {"They call it “the best.”", "Others disagree."}},
    {"He asked ‘why?’ Nobody knew.", {"He asked ‘why?’", "Nobody knew."}},
    {"\"It works.\" he said. Then he left.", {"\"It works.\" he said.", "Then he left."}},
    {"Python is slower than I. It is fine.", {"Python is slower than I.", "It is fine."}},
    {"J.R.R. Tolkien wrote it. Plan B. is vague.", {"J.R.R. Tolkien wrote it.", "Plan B. is vague."}},
    /* question and exclamation marks */
    {"Is it fast? Yes! It is.", {"Is it fast?", "Yes!", "It is."}},
    {"Really?! No way.", {"Really?!", "No way."}},
    {"Yahoo! is a portal.", {"Yahoo! is a portal."}},
    /* no final period; white space */
    {"A heading without a period", {"A heading without a period"}},
    {"First one.   Second one.\n\nThird one", {"First one.", "Second one.", "Third one"}},
    {"  Padded.  \n", {"Padded."}},
    {"", {NULL}},
    {"   \n ", {NULL}},
    /* non-ASCII text */
    {"Café culture is “big”. Élan matters.", {"Café culture is “big”.", "Élan matters."}},
    {"Ça marche. Très bien.", {"Ça marche.", "Très bien."}},
    {"Python is slow. éclair is a word.", {"Python is slow.", "éclair is a word."}},
    /* numbers at the end */
    {"Use version 3.8.", {"Use version 3.8."}},
    {"Use version 3.8. Then upgrade.", {"Use version 3.8.", "Then upgrade."}},
    {"It costs $5. 12 people paid.", {"It costs $5.", "12 people paid."}},
    /* URLs and file names */
    {"Visit example.com/path.html for more. It helps.",
     {"Visit example.com/path.html for more.", "It helps."}},
    {"Open https://example.com/a.b?c=d. Then click.",
     {"Open https://example.com/a.b?c=d.", "Then click."}},
    {"Edit config.yaml and main.py first.", {"Edit config.yaml and main.py first."}},
    /* lower-case sentence starts after a plain word */
    {"Tooling is simple. pip installs packages.", {"Tooling is simple.", "pip installs packages."}},
    /* colons, lists and semicolons */
    {"The criteria are: 1. Architecture 2. Speed 3. Syntax",
     {"The criteria are: 1. Architecture 2. Speed 3. Syntax"}},
    {"1. Flexible Microservice Development", {"1. Flexible Microservice Development"}},
    {"It is fast; it is small. Done.", {"It is fast; it is small.", "Done."}},
    {"It was released in 2009. 12 years later it won.",
     {"It was released in 2009.", "12 years later it won."}},
    /* a merged list item: "- " starts a sentence */
    {"Easy to build. - Full-stack JavaScript.", {"Easy to build.", "- Full-stack JavaScript."}},
};

typedef struct collect {
    const char *text;
    char *got[MAXS + 4];
    size_t n;
    size_t last_end;
} collect;

/* The compiled-in abbreviation list, built for each test. */
static seg_abbrevs *dflt;

static void setup(void)
{
    char *err = NULL;
    ck_assert_msg(seg_abbrevs_new(NULL, 0, &dflt, &err) == KB_OK, "%s", err ? err : "");
}

static void teardown(void)
{
    seg_abbrevs_free(dflt);
    dflt = NULL;
}

static int collect_fn(void *ctx, size_t start, size_t end)
{
    collect *c = ctx;
    ck_assert_uint_le(start, end);
    ck_assert_uint_ge(start, c->last_end);   /* in order, not overlapping */
    c->last_end = end;
    if (c->n < MAXS + 4) c->got[c->n] = strndup(c->text + start, end - start);
    c->n++;
    return 0;
}

START_TEST(test_sentences)
{
    const sent_case *c = &sent_cases[_i];
    collect col;
    memset(&col, 0, sizeof col);
    col.text = c->in;
    ck_assert_int_eq(seg_sentences(dflt, c->in, strlen(c->in), collect_fn, &col), 0);
    size_t want = 0;
    while (want < MAXS && c->want[want]) want++;
    for (size_t k = 0; k < col.n && k < want; k++)
        ck_assert_msg(!strcmp(col.got[k], c->want[k]), "\"%s\": sentence %zu is \"%s\", want \"%s\"",
                      c->in, k, col.got[k], c->want[k]);
    ck_assert_msg(col.n == want, "\"%s\": %zu sentences, want %zu", c->in, col.n, want);
    for (size_t k = 0; k < col.n && k < MAXS + 4; k++) free(col.got[k]);
}
END_TEST

static int stop_fn(void *ctx, size_t start, size_t end)
{
    int *calls = ctx;
    (*calls)++;
    return 7;
}

START_TEST(test_sentences_stop)
{
    int calls = 0;
    const char *t = "One. Two. Three.";
    ck_assert_int_eq(seg_sentences(dflt, t, strlen(t), stop_fn, &calls), 7);
    ck_assert_int_eq(calls, 1);
}
END_TEST

/* Ranges hold into the text given, not a NUL-terminated copy: a length
 * shorter than the string cuts the last sentence. */
START_TEST(test_sentences_len)
{
    collect col;
    memset(&col, 0, sizeof col);
    col.text = "Alpha one. Beta two. Gamma";
    ck_assert_int_eq(seg_sentences(dflt, col.text, 15, collect_fn, &col), 0);
    ck_assert_uint_eq(col.n, 2);
    ck_assert_str_eq(col.got[0], "Alpha one.");
    ck_assert_str_eq(col.got[1], "Beta");
    free(col.got[0]);
    free(col.got[1]);
}
END_TEST

/* A long paragraph of many sentences: linear, every sentence found. */
START_TEST(test_sentences_long)
{
    size_t reps = 20000;
    const char *unit = "Node.js is fast, e.g. for I/O. ";
    size_t ul = strlen(unit);
    char *t = malloc(reps * ul + 1);
    for (size_t k = 0; k < reps; k++) memcpy(t + k * ul, unit, ul);
    t[reps * ul] = '\0';
    int calls = 0;
    ck_assert_int_eq(seg_sentences(dflt, t, reps * ul, stop_fn, &calls), 7);
    collect col;
    memset(&col, 0, sizeof col);
    col.text = t;
    ck_assert_int_eq(seg_sentences(dflt, t, reps * ul, collect_fn, &col), 0);
    ck_assert_uint_eq(col.n, reps);
    for (size_t k = 0; k < MAXS + 4; k++) free(col.got[k]);
    free(t);
}
END_TEST

/* seg_cells: the row and its trimmed cells ("" for an empty cell). */
typedef struct cell_case {
    const char *row;
    size_t n;
    const char *want[6];
} cell_case;

static const cell_case cell_cases[] = {
    {"Feature | Node.js | Python |", 3, {"Feature", "Node.js", "Python"}},
    {"| a | b |", 2, {"a", "b"}},
    {"a | | c", 3, {"a", "", "c"}},
    {"Type | JavaScript runtime | General-purpose language",
     3, {"Type", "JavaScript runtime", "General-purpose language"}},
    {"| Validate ideas → Node.js | Data → Python |", 2, {"Validate ideas → Node.js", "Data → Python"}},
    {"no pipes here", 1, {"no pipes here"}},
    {"  padded  ", 1, {"padded"}},
    {"a \\| b | c", 2, {"a \\| b", "c"}},
    {"|||", 2, {"", ""}},
    {"", 0, {NULL}},
    {"   ", 0, {NULL}},
    {"a|b|c|d|e|f|g", 7, {"a", "b", "c", "d", "e", "f"}},   /* more than max */
    /* an HTML row written into Markdown */
    {"<tr>\n  <th>Feature</th>\n  <TH class=\"x\">Kestrel </th>\n</tr>", 2, {"Feature", "Kestrel"}},
    {"<tr><td>Speed</td><td>< 500 ms</td><td><a href=\"u\">fast</a></td></tr>", 3,
     {"Speed", "< 500 ms", "<a href=\"u\">fast</a>"}},
    {"<tr><td>a<td>b</tr>", 2, {"a", "b"}},
    {"<tr><td></td><td>x</td></tr>", 2, {"", "x"}},
    {"<trail> | x", 2, {"<trail>", "x"}},
};

START_TEST(test_cells)
{
    const cell_case *c = &cell_cases[_i];
    size_t starts[6], ends[6];
    size_t len = strlen(c->row);
    size_t n = seg_cells(c->row, len, starts, ends, 6);
    ck_assert_msg(n == c->n, "\"%s\": %zu cells, want %zu", c->row, n, c->n);
    for (size_t k = 0; k < n && k < 6; k++) {
        ck_assert_uint_le(starts[k], ends[k]);
        ck_assert_uint_le(ends[k], len);
        size_t wl = strlen(c->want[k]);
        ck_assert_msg(ends[k] - starts[k] == wl && !memcmp(c->row + starts[k], c->want[k], wl),
                      "\"%s\": cell %zu is \"%.*s\", want \"%s\"", c->row, k,
                      (int)(ends[k] - starts[k]), c->row + starts[k], c->want[k]);
    }
}
END_TEST

/* The prose comments of code, one a line, the marker left out; code,
 * trailing comments, commands, addresses and calls are none (a
 * cell_case: the code, how many, the comments). */
static const cell_case comment_cases[] = {
    {"// Kestrel runs this on one thread\nx = 1;", 1, {"Kestrel runs this on one thread"}},
    {"   # Wren needs no lock here  \r\n", 1, {"Wren needs no lock here"}},
    {"-- Kestrel checks this at commit\n/* Wren skips the check */\n * Both log the call", 3,
     {"Kestrel checks this at commit", "Wren skips the check", "Both log the call"}},
    {"x = f(); // Kestrel caches this result", 0, {NULL}},
    {"# npx kestrel run --fast\n# see https://example.org for more", 0, {NULL}},
    {"// call setup() before the run\n// a = b for all\n// $HOME is used", 0, {NULL}},
    {"// I/O waits on the event loop", 1, {"I/O waits on the event loop"}},
    {"//no space here at all\n#!/bin/sh\n// 3 words only\n// two words", 0, {NULL}},
};

START_TEST(test_comments)
{
    const cell_case *c = &comment_cases[_i];
    size_t starts[6], ends[6], len = strlen(c->row);
    size_t n = seg_comments(c->row, len, starts, ends, 6);
    ck_assert_msg(n == c->n, "\"%s\": %zu comments, want %zu", c->row, n, c->n);
    ck_assert_uint_eq(seg_comments(c->row, len, NULL, NULL, 0), n);
    for (size_t k = 0; k < n && k < 6; k++) {
        size_t wl = strlen(c->want[k]);
        ck_assert_msg(ends[k] - starts[k] == wl && !memcmp(c->row + starts[k], c->want[k], wl),
                      "\"%s\": comment %zu is \"%.*s\", want \"%s\"", c->row, k, (int)(ends[k] - starts[k]),
                      c->row + starts[k], c->want[k]);
    }
}
END_TEST

/* Another list changes the splitting, the compiled-in one is left as
 * it was, and a bad list names the line and builds nothing. */
START_TEST(test_abbreviations)
{
    const char *t = "Ask Dr. Who today. Then go.";
    collect col;
    char *err = NULL;
    seg_abbrevs *only = NULL;

    ck_assert_int_eq(seg_abbrevs_new("# only this\ntoday.\n", 19, &only, &err), KB_OK);
    memset(&col, 0, sizeof col);
    col.text = t;
    seg_sentences(only, t, strlen(t), collect_fn, &col);
    ck_assert_uint_eq(col.n, 2);   /* "Dr." ends one now, "today." no longer does */
    ck_assert_str_eq(col.got[0], "Ask Dr.");
    ck_assert_str_eq(col.got[1], "Who today. Then go.");
    for (size_t k = 0; k < col.n; k++) free(col.got[k]);
    seg_abbrevs_free(only);

    static const char *const bad[] = {"e.g.\nvs\n", "e.g.\netc. maybe\n", "\n\n."};
    static const char *const where[] = {"line 2", "line 2", "line 3"};
    for (size_t k = 0; k < 3; k++) {
        err = NULL;
        only = (seg_abbrevs *)1;
        ck_assert_int_eq(seg_abbrevs_new(bad[k], strlen(bad[k]), &only, &err), KB_ERR);
        ck_assert_ptr_null(only);
        ck_assert_ptr_nonnull(err);
        ck_assert_msg(strstr(err, where[k]) != NULL, "error \"%s\" does not say %s", err, where[k]);
        free(err);
    }

    memset(&col, 0, sizeof col);
    col.text = t;
    seg_sentences(dflt, t, strlen(t), collect_fn, &col);
    ck_assert_uint_eq(col.n, 2);
    ck_assert_str_eq(col.got[0], "Ask Dr. Who today.");
    for (size_t k = 0; k < col.n; k++) free(col.got[k]);

    /* no list at all: every single period before a capital ends one */
    memset(&col, 0, sizeof col);
    col.text = t;
    seg_sentences(NULL, t, strlen(t), collect_fn, &col);
    ck_assert_uint_eq(col.n, 3);
    ck_assert_str_eq(col.got[0], "Ask Dr.");
    for (size_t k = 0; k < col.n; k++) free(col.got[k]);
}
END_TEST

/* A list longer than any fixed table: every entry is kept. */
START_TEST(test_abbreviations_many)
{
    buf list = BUF_INIT;
    for (int k = 0; k < 3000; k++) buf_printf(&list, "ab%d.\n", k);
    seg_abbrevs *many = NULL;
    char *err = NULL;
    ck_assert_int_eq(seg_abbrevs_new(list.data, list.len, &many, &err), KB_OK);
    const char *t = "See ab2999. Then go.";
    collect col;
    memset(&col, 0, sizeof col);
    col.text = t;
    seg_sentences(many, t, strlen(t), collect_fn, &col);
    ck_assert_uint_eq(col.n, 1);
    free(col.got[0]);
    seg_abbrevs_free(many);
    buf_free(&list);
}
END_TEST

/* The compiled-in list parses (claims_new would fail without it). */
START_TEST(test_default_list_parses)
{
    char *err = NULL;
    seg_abbrevs *a = NULL;
    ck_assert_int_eq(seg_abbrevs_new(embed_abbreviations, strlen(embed_abbreviations), &a, &err), KB_OK);
    ck_assert_ptr_null(err);
    ck_assert_ptr_nonnull(a);
    seg_abbrevs_free(a);
}
END_TEST

static Suite *segment_suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("sentences");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_sentences, 0, (int)(sizeof sent_cases / sizeof *sent_cases));
    tcase_add_test(tc, test_sentences_stop);
    tcase_add_test(tc, test_sentences_len);
    tcase_add_test(tc, test_sentences_long);
    tcase_add_test(tc, test_abbreviations);
    tcase_add_test(tc, test_abbreviations_many);
    tcase_add_test(tc, test_default_list_parses);
    suite_add_tcase(s, tc);
    TCase *tcc = tcase_create("cells");
    tcase_add_loop_test(tcc, test_cells, 0, (int)(sizeof cell_cases / sizeof *cell_cases));
    tcase_add_loop_test(tcc, test_comments, 0, (int)(sizeof comment_cases / sizeof *comment_cases));
    suite_add_tcase(s, tcc);
    return s;
}

int main(void)
{
    return tu_run(segment_suite());
}
