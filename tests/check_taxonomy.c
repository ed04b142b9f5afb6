/*
 * check_taxonomy.c - loading a taxonomy and matching its terms: aliases
 * across punctuation, parts, prefixes, plurals, weak cues, longest
 * match, shapes of measures, and errors that name the line.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embed.h"
#include "norm.h"
#include "qty.h"
#include "taxonomy.h"
#include "testutil.h"
#include "util.h"

/* A small domain of its own: the rules must not depend on the default. */
static const char *const go_rust =
    "# a test taxonomy\n"
    "subject\tGo\tgolang, go lang\n"
    "subject\tRust\trust-lang, rustc\n"
    "part\tGo\tgoroutine, gofmt\n"
    "part\tRust\tcargo, crates.io, borrow checker\n"
    "dimension\tperformance\tfast, speed, ~quick*, zero-cost abstractions\n"
    "dimension\tconcurrency\tconcurren*, goroutine, threads\n"
    "dimension\tfit\tsuit, batch\n"
    "heading\tperformance\tperformance, benchmarks\n"
    "measure\tpackage_count\tcrate, package\n"
    "measure\trelease_year\t@year, released\n"
    "measure\tyear\t@year\n"
    "measure\tversion\t@version\n";

static taxonomy *load(const char *tsv)
{
    taxonomy *t = NULL;
    char *err = NULL;
    ck_assert_msg(tax_load(tsv, strlen(tsv), &t, &err) == KB_OK, "%s", err ? err : "");
    return t;
}

typedef struct toks {
    buf norm;
    tax_tok v[64];
    size_t n;
} toks;

static int add_tok(void *ctx, const char *s, size_t n, size_t off)
{
    toks *t = ctx;
    if (t->n < 64) {
        t->v[t->n].s = s;
        t->v[t->n].n = n;
        t->v[t->n].off = off;
        t->v[t->n].lower = 0;
        t->n++;
    }
    return 0;
}

/* Tokens of text, each marked lower when the text writes it so (as the
 * tagger marks them). */
static void tokenize(toks *t, const char *text)
{
    size_t *map = NULL, len = strlen(text);
    buf_init(&t->norm);
    t->n = 0;
    ck_assert_int_eq(norm_text(text, len, &t->norm, &map, NULL), KB_OK);
    norm_tokens(buf_cstr(&t->norm), t->norm.len, add_tok, t);
    tax_toks_mark_case(t->v, t->n, text, len, map);
    free(map);
}

/* "kind:name" of every hit, joined by spaces. */
static void hits_of(const taxonomy *t, unsigned mask, const char *text, char *out, size_t n)
{
    toks tk;
    tokenize(&tk, text);
    tax_hit h[32];
    size_t nh = tax_match(t, mask, tk.v, tk.n, h, 32);
    out[0] = '\0';
    static const char *const kinds[] = {"S", "P", "D", "H", "M"};
    for (size_t i = 0; i < nh && i < 32; i++) {
        const char *name = h[i].kind <= TAX_PART      ? tax_subject(t, (size_t)h[i].index)
                           : h[i].kind == TAX_MEASURE ? tax_measure(t, (size_t)h[i].index)
                                                      : tax_dimension(t, (size_t)h[i].index);
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s%s:%s", l ? " " : "", h[i].weak ? "~" : "", kinds[h[i].kind], name);
    }
    buf_free(&tk.norm);
}

static const struct {
    const char *text;
    const char *want;
} cases[] = {
    {"Golang is fast", "S:Go D:performance"},
    {"GO LANG vs Rust", "S:Go S:Rust"},
    {"a goroutine per request", "P:Go D:concurrency"},
    /* "crates" is also a unit word of package_count */
    {"Cargo and crates.io", "P:Rust P:Rust M:package_count"},
    /* a part inside a longer subject alias is not a second mention */
    {"rust-lang's cargo", "S:Rust P:Rust"},
    {"the borrow checker", "P:Rust"},
    {"concurrency and concurrent code", "D:concurrency D:concurrency"},
    {"quickly built", "~D:performance"},
    {"zero-cost abstractions", "D:performance"},
    {"thousands of crates", "M:package_count"},
    {"packages", "M:package_count"},
    {"threads", "D:concurrency"},
    /* a plural in "es" only of a word that takes one: "suites" is no
     * "suit" */
    {"it suits us", "D:fit"},
    {"in batches", "D:fit"},
    {"test suites", ""},
    {"gopher", ""},
    {"rusty", ""},
    /* a name of two letters written with a capital is only that word
     * capitalized: "go" is a verb */
    {"Go is fast", "S:Go D:performance"},
    {"let's go with rustc", "S:Rust"},
    {"GO and Rust", "S:Go S:Rust"},
    {"golang", "S:Go"},
};

START_TEST(test_match)
{
    taxonomy *t = load(go_rust);
    char got[512];
    hits_of(t, 0x1f, cases[_i].text, got, sizeof got);
    ck_assert_msg(strcmp(got, cases[_i].want) == 0, "'%s': got '%s', want '%s'", cases[_i].text, got,
                  cases[_i].want);
    tax_free(t);
}
END_TEST

/* Prefix terms are tried by their first byte; which one wins a token
 * stays as when every token met them all: a whole word before any
 * prefix, then the prefix terms from the last in the file. */
START_TEST(test_prefix_order)
{
    taxonomy *t = load("subject\tX\tx\n"
                       "dimension\talpha\tsca*, fast, b*\n"
                       "dimension\tbeta\tscal*, fa*, s*\n");
    static const struct {
        const char *text, *want;
    } c[] = {
        {"scaling", "D:beta"}, {"fast", "D:alpha"}, {"fastest", "D:beta"},
        {"big", "D:alpha"},    {"sc", "D:beta"},    {"x", "S:X"},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        char got[128];
        hits_of(t, 0x1f, c[i].text, got, sizeof got);
        ck_assert_msg(strcmp(got, c[i].want) == 0, "'%s': got '%s', want '%s'", c[i].text, got, c[i].want);
    }
    tax_free(t);
}
END_TEST

START_TEST(test_names_and_shapes)
{
    taxonomy *t = load(go_rust);
    ck_assert_uint_eq(tax_subjects(t), 2);
    ck_assert_uint_eq(tax_dimensions(t), 3);
    ck_assert_int_eq(tax_find_subject(t, "golang"), 0);
    ck_assert_int_eq(tax_find_subject(t, "Rust"), 1);
    ck_assert_int_eq(tax_find_subject(t, "python"), -1);
    ck_assert_int_eq(tax_find_dimension(t, "Performance"), 0);
    ck_assert_int_eq(tax_find_dimension(t, "nope"), -1);
    int ry = -1, y = -1;
    for (size_t i = 0; i < tax_measures(t); i++) {
        if (strcmp(tax_measure(t, i), "release_year") == 0) ry = (int)i;
        if (strcmp(tax_measure(t, i), "year") == 0) y = (int)i;
    }
    ck_assert_int_eq(tax_measure_shape(t, (size_t)ry), QTY_YEAR);
    ck_assert_uint_eq(tax_measure_terms(t, (size_t)ry), 1);
    ck_assert_uint_eq(tax_measure_terms(t, (size_t)y), 0);
    ck_assert_int_eq(tax_measure_shape(t, 0), 0);
    tax_free(t);
}
END_TEST

/* a rate that names no thing counted ("100k/sec") is the one measure
 * of things per that time; data sizes per second do not count, two
 * such measures leave it unsaid */
START_TEST(test_measure_per)
{
    const char *head = "subject\tWren\twren\n";
    char tsv[512];
    snprintf(tsv, sizeof tsv, "%s%s", head,
             "measure\tevents_per_second\tevents per second, events/s\n"
             "measure\tmegabytes_per_second\tmegabytes per second, MB per second\n"
             "measure\tevents\tevents\n");
    taxonomy *t = load(tsv);
    ck_assert_int_eq(tax_measure_per(t, "second", qty_size_word), 0);
    ck_assert_int_eq(tax_measure_per(t, "minute", qty_size_word), -1);
    ck_assert_int_eq(tax_measure_per(t, "second", NULL), -1);  /* megabytes too */
    tax_free(t);
    snprintf(tsv, sizeof tsv, "%s%s", head,
             "measure\tevents_per_second\tevents per second\nmeasure\tqueries_per_second\tqueries per second\n");
    t = load(tsv);
    ck_assert_int_eq(tax_measure_per(t, "second", qty_size_word), -1);
    tax_free(t);
}
END_TEST

static const struct {
    const char *tsv;
    const char *needle;
} bad[] = {
    {"subject\tA\ta\nfoo\tB\tb\n", "line 2: unknown kind"},
    {"subject\tA\n", "line 1: expected KIND<TAB>NAME<TAB>TERMS"},
    {"part\tA\tx\n", "line 1: 'A' is not a subject"},
    {"subject\tA\ta\nheading\tspeed\tfast\n", "line 2: 'speed' is not a dimension"},
    {"subject\tA\ta, ---\n", "line 1: term '---' has no letters"},
    {"subject\tA\ta\nmeasure\tm\t@weight\n", "line 2: unknown shape"},
    {"dimension\td\tx\n", "no subject"},
    {"subject\tA\t\xff\n", "invalid UTF-8"},
    /* the offset is the file's, byte order mark included */
    {"\xEF\xBB\xBFsubject\tA\t\xff\n", "invalid UTF-8 at byte 13"},
    {"subject\tA\ta\nsubject\tB\tb\nsubject\tA\tc\n", "line 3: subject 'A' is already declared on line 1"},
    {"subject\tGo\tgolang\n\nsubject\tgo\tgo lang\n", "line 3: subject 'go' is already declared on line 1"},
    {"subject\tA\ta\tb\n", "line 1: a fourth column ('b'): terms are separated by commas, not tabs"},
    {"subject\tA\ta\ndimension\td\tfast\t\tquick \n", "line 2: a fourth column ('quick')"},
    {"subject\tA\ta\nmeasure\tm\t@year\tyear\n", "line 2: a fourth column"},
    /* a byte order mark later in the file is not skipped */
    {"subject\tA\ta\n\xEF\xBB\xBFsubject\tB\tb\n", "line 2: unknown kind"},
};

START_TEST(test_errors)
{
    taxonomy *t = NULL;
    char *err = NULL;
    ck_assert_int_eq(tax_load(bad[_i].tsv, strlen(bad[_i].tsv), &t, &err), KB_ERR);
    ck_assert_ptr_null(t);
    ck_assert_msg(strstr(err, bad[_i].needle) != NULL, "got: %s", err);
    free(err);
}
END_TEST

/* What loads: a byte order mark, white space after the terms, and a
 * name repeated where lines add to it (parts, headings, dimensions). */
START_TEST(test_accepted_forms)
{
    taxonomy *t = load("\xEF\xBB\xBFsubject\tA\ta1\n"
                       "subject\tB\tb1, b2\t \t\n"
                       "part\tA\tpa\n"
                       "part\tA\tpb\n"
                       "dimension\td\tfast\n"
                       "dimension\td\tquick\n"
                       "heading\td\tspeed\n"
                       "heading\td\tperformance\n");
    ck_assert_uint_eq(tax_subjects(t), 2);
    ck_assert_uint_eq(tax_dimensions(t), 1);
    ck_assert_int_eq(tax_find_subject(t, "A"), 0);
    char got[256];
    hits_of(t, 0x1f, "a1 b2 pa pb fast quick", got, sizeof got);
    ck_assert_str_eq(got, "S:A S:B P:A P:A D:d D:d");
    hits_of(t, TAX_MASK(TAX_HEADING), "speed and performance", got, sizeof got);
    ck_assert_str_eq(got, "H:d H:d");
    tax_free(t);
}
END_TEST

START_TEST(test_default_taxonomy_loads)
{
    taxonomy *t = load(embed_taxonomy);
    ck_assert_int_ge(tax_find_subject(t, "nodejs"), 0);
    ck_assert_int_ge(tax_find_subject(t, "CPython"), 0);
    const char *dims[] = {"performance", "concurrency", "scalability", "ecosystem", "learning curve",
                          "syntax", "community", "use cases", "deployment", "typing",
                          "error handling", "tooling", "history", "cost"};
    for (size_t i = 0; i < sizeof dims / sizeof *dims; i++)
        ck_assert_msg(tax_find_dimension(t, dims[i]) >= 0, "missing dimension %s", dims[i]);
    char got[512];
    hits_of(t, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART), "PyPI and npm; Node.js, node js and NodeJS", got,
            sizeof got);
    ck_assert_str_eq(got, "P:Python P:Node.js S:Node.js S:Node.js S:Node.js");
    tax_free(t);
}
END_TEST

static Suite *taxonomy_suite(void)
{
    Suite *s = suite_create("taxonomy");
    TCase *tc = tcase_create("taxonomy");
    tcase_add_loop_test(tc, test_match, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_names_and_shapes);
    tcase_add_test(tc, test_measure_per);
    tcase_add_test(tc, test_prefix_order);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof bad / sizeof *bad));
    tcase_add_test(tc, test_accepted_forms);
    tcase_add_test(tc, test_default_taxonomy_loads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(taxonomy_suite());
}
