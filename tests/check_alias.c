/*
 * check_alias.c - alias groups (src/alias.c): loading the TSV, matching
 * token sequences, variants in matching form, errors with line numbers.
 */
#include "alias.h"
#include "norm.h"
#include "testutil.h"
#include "util.h"

/* Blank lines, comments, CRLF, a one-variant line, empty fields, spaces
 * around fields, duplicates after normalization. */
static const char tsv[] =
    "# a comment\r\n"
    "\r\n"
    "Node.js\tnodejs\tnode js\tNODE.JS\tnode\r\n"
    "   # an indented comment\n"
    "npm\tnode package manager\n"
    "\t\n"
    "MySQL\n"
    "Caf\xc3\xa9 Society\t\tcafe society \t  CAFE\xe2\x80\x91SOCIETY\n"
    "Python\tpython 3\tpython 3 docs\tpy\n"
    "JS\tjs\n"
    "last line without newline\tlast";

static alias_set *load_ok(const char *text, size_t len)
{
    alias_set *a = NULL;
    char *err = NULL;
    int rc = alias_load(text, len, &a, &err);
    ck_assert_msg(rc == KB_OK, "alias_load: %s", err ? err : "?");
    ck_assert_ptr_nonnull(a);
    return a;
}

/* ---- groups and variants -------------------------------------------- */

static const struct {
    const char *canonical, *variants;   /* variants joined by '|' */
} group_cases[] = {
    {"Node.js", "node js|nodejs|node"},
    {"npm", "npm|node package manager"},
    {"MySQL", "mysql"},
    {"Caf\xc3\xa9 Society", "cafe society"},
    {"Python", "python|python 3|python 3 docs|py"},
    {"JS", "js"},
    {"last line without newline", "last line without newline|last"},
};

START_TEST(test_groups)
{
    alias_set *a = load_ok(tsv, sizeof tsv - 1);
    ck_assert_uint_eq(alias_groups(a), sizeof group_cases / sizeof *group_cases);
    size_t g = (size_t)_i;
    ck_assert_str_eq(alias_canonical(a, g), group_cases[_i].canonical);
    buf got = BUF_INIT;
    for (size_t v = 0; v < alias_variant_count(a, g); v++) {
        if (v) buf_addc(&got, '|');
        buf_adds(&got, alias_variant(a, g, v));
    }
    ck_assert_str_eq(buf_cstr(&got), group_cases[_i].variants);
    buf_free(&got);
    alias_free(a);
}
END_TEST

START_TEST(test_out_of_range)
{
    alias_set *a = load_ok(tsv, sizeof tsv - 1);
    ck_assert_ptr_null(alias_canonical(a, 99));
    ck_assert_uint_eq(alias_variant_count(a, 99), 0);
    ck_assert_ptr_null(alias_variant(a, 0, 99));
    alias_free(a);
    alias_free(NULL);
    ck_assert_uint_eq(alias_groups(NULL), 0);
}
END_TEST

START_TEST(test_empty_file)
{
    alias_set *a = load_ok("", 0);
    ck_assert_uint_eq(alias_groups(a), 0);
    alias_free(a);
    const char *bom = "\xef\xbb\xbf# only a BOM and a comment\n";
    a = load_ok(bom, strlen(bom));
    ck_assert_uint_eq(alias_groups(a), 0);
    alias_free(a);
}
END_TEST

/* ---- matching -------------------------------------------------------- */

typedef struct toks {
    buf text;
    const char *tok[32];
    size_t len[32];
    size_t n;
} toks;

static int add_tok(void *ctx, const char *t, size_t n, size_t off)
{
    toks *k = ctx;
    ck_assert_uint_lt(k->n, 32);
    k->tok[k->n] = t;
    k->len[k->n++] = n;
    return 0;
}

/* Tokens of s in matching form, as the query side produces them. */
static void tokenize(toks *k, const char *s)
{
    buf_init(&k->text);
    k->n = 0;
    ck_assert_int_eq(norm_text(s, strlen(s), &k->text, NULL, NULL), KB_OK);
    norm_tokens(buf_cstr(&k->text), k->text.len, add_tok, k);
}

static const struct {
    const char *input;
    size_t matched;
    const char *canonical;   /* NULL when nothing matches */
} match_cases[] = {
    {"Node.js", 2, "Node.js"},
    {"nodejs", 1, "Node.js"},
    {"node js", 2, "Node.js"},
    {"NODE JS rocks", 2, "Node.js"},
    {"node", 1, "Node.js"},
    {"node package manager", 3, "npm"},        /* longest wins */
    {"node package", 1, "Node.js"},
    {"python 3 docs now", 3, "Python"},
    {"python 3", 2, "Python"},
    {"python 2", 1, "Python"},
    {"pythons", 0, NULL},                       /* whole tokens only */
    {"caf\xc3\xa9 society", 2, "Caf\xc3\xa9 Society"},
    {"the node", 0, NULL},                      /* only at the start */
    {"", 0, NULL},
};

START_TEST(test_match)
{
    alias_set *a = load_ok(tsv, sizeof tsv - 1);
    toks k;
    tokenize(&k, match_cases[_i].input);
    size_t g = 999;
    size_t m = alias_match(a, k.tok, k.len, k.n, &g);
    ck_assert_uint_eq(m, match_cases[_i].matched);
    if (match_cases[_i].canonical)
        ck_assert_str_eq(alias_canonical(a, g), match_cases[_i].canonical);
    /* Limiting n to fewer tokens than the longest variant shortens it. */
    if (m > 1) {
        size_t m2 = alias_match(a, k.tok, k.len, m - 1, &g);
        ck_assert_uint_lt(m2, m);
    }
    buf_free(&k.text);
    alias_free(a);
}
END_TEST

START_TEST(test_match_null_set)
{
    toks k;
    tokenize(&k, "node js");
    size_t g = 7;
    ck_assert_uint_eq(alias_match(NULL, k.tok, k.len, k.n, &g), 0);
    ck_assert_uint_eq(g, 7);
    buf_free(&k.text);
}
END_TEST

/* ---- errors ---------------------------------------------------------- */

static const struct {
    const char *tsv, *msg;
} bad_cases[] = {
    {"ok\tfine\n# c\nbad\xff\tx\n", "line 3: invalid UTF-8"},
    {"ok\r\n---\tdash\r\n", "line 2: \"---\" has no letters or digits"},
    {"a\n\nb\t(*)\n", "line 3: \"(*)\" has no letters or digits"},
    {"x\t\xc3", "line 1: invalid UTF-8"},
};

START_TEST(test_errors)
{
    alias_set *a = (alias_set *)bad_cases;   /* must be reset to NULL */
    char *err = NULL;
    ck_assert_int_eq(alias_load(bad_cases[_i].tsv, strlen(bad_cases[_i].tsv), &a, &err),
                     KB_ERR);
    ck_assert_ptr_null(a);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, bad_cases[_i].msg);
    free(err);
}
END_TEST

/* ---- size ------------------------------------------------------------ */

/* One group of ALIAS_MAX_VARIANTS names, each written 400 times (100,000
 * fields): repeats are dropped as they come, in one pass, and the group
 * keeps each name once, in file order; one name more is an error that
 * names the line and the limit. */
START_TEST(test_big_group)
{
    buf t = BUF_INIT;
    buf_adds(&t, "# one big group\n");
    for (int r = 0; r < 400; r++)
        for (int v = 0; v < ALIAS_MAX_VARIANTS; v++) buf_printf(&t, "%sName %d", r || v ? "\t" : "", v);
    buf_addc(&t, '\n');
    alias_set *a = load_ok(t.data, t.len);
    ck_assert_uint_eq(alias_groups(a), 1);
    ck_assert_uint_eq(alias_variant_count(a, 0), ALIAS_MAX_VARIANTS);
    ck_assert_str_eq(alias_variant(a, 0, 0), "name 0");
    ck_assert_str_eq(alias_variant(a, 0, ALIAS_MAX_VARIANTS - 1), "name 255");
    alias_free(a);
    buf_truncate(&t, t.len - 1);
    buf_adds(&t, "\tName 256\n");
    char *err = NULL;
    ck_assert_int_eq(alias_load(t.data, t.len, &a, &err), KB_ERR);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(err, "line 2: more than 256 different names in one group");
    free(err);
    buf_free(&t);
}
END_TEST

/* 60,000 groups: each name is found in its own group, and a name listed
 * in two groups goes to the first. */
START_TEST(test_many_groups)
{
    buf t = BUF_INIT;
    for (int g = 0; g < 60000; g++) buf_printf(&t, "Group %d\tg%d alias\n", g, g);
    buf_adds(&t, "Late\tg17 alias\tlate\n");
    alias_set *a = load_ok(t.data, t.len);
    ck_assert_uint_eq(alias_groups(a), 60001);
    const char *names[] = {"g0 alias", "group 59999", "g59999 alias", "g17 alias", "late"};
    size_t want[] = {0, 59999, 59999, 17, 60000};
    for (size_t i = 0; i < 5; i++) {
        toks k;
        tokenize(&k, names[i]);
        size_t g = 0;
        ck_assert_uint_eq(alias_match(a, k.tok, k.len, k.n, &g), k.n);
        ck_assert_uint_eq(g, want[i]);
        buf_free(&k.text);
    }
    ck_assert_uint_eq(alias_variant_count(a, 60000), 2);   /* "late" and, again, "g17 alias" */
    alias_free(a);
    buf_free(&t);
}
END_TEST

/* ---- the shipped file ------------------------------------------------ */

START_TEST(test_default_file)
{
    size_t len;
    char *text = tu_read_file("schema/aliases.tsv", &len);
    alias_set *a = load_ok(text, len);
    ck_assert_uint_ge(alias_groups(a), 10);
    ck_assert_str_eq(alias_canonical(a, 0), "Node.js");
    toks k;
    const char *same[] = {"Node.js", "nodejs", "node js"};
    for (size_t i = 0; i < 3; i++) {
        size_t g = 99;
        tokenize(&k, same[i]);
        ck_assert_uint_eq(alias_match(a, k.tok, k.len, k.n, &g), k.n);
        ck_assert_uint_eq(g, 0);
        buf_free(&k.text);
    }
    /* Every variant is non-empty, distinct within its group, and in
     * matching form already. */
    for (size_t g = 0; g < alias_groups(a); g++) {
        ck_assert_uint_ge(alias_variant_count(a, g), 1);
        for (size_t v = 0; v < alias_variant_count(a, g); v++) {
            const char *s = alias_variant(a, g, v);
            buf n = BUF_INIT;
            ck_assert_int_eq(norm_text(s, strlen(s), &n, NULL, NULL), KB_OK);
            ck_assert_str_eq(buf_cstr(&n), s);
            buf_free(&n);
            for (size_t u = 0; u < v; u++)
                ck_assert_str_ne(alias_variant(a, g, u), s);
        }
    }
    alias_free(a);
    free(text);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *alias_suite(void)
{
    Suite *s = suite_create("alias");
    TCase *tc = tcase_create("load");
    tcase_add_loop_test(tc, test_groups, 0, N(group_cases));
    tcase_add_test(tc, test_out_of_range);
    tcase_add_test(tc, test_empty_file);
    tcase_add_loop_test(tc, test_errors, 0, N(bad_cases));
    tcase_add_test(tc, test_default_file);
    tcase_add_test(tc, test_big_group);
    tcase_add_test(tc, test_many_groups);
    suite_add_tcase(s, tc);
    tc = tcase_create("match");
    tcase_add_loop_test(tc, test_match, 0, N(match_cases));
    tcase_add_test(tc, test_match_null_set);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(alias_suite());
}
