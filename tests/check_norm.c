/*
 * check_norm.c - the matching form of text (src/norm.c): folding by
 * table, the offset map's invariants, errors, and tokenization.
 */
#include <stdint.h>
#include <utf8proc.h>

#include "norm.h"
#include "testutil.h"
#include "util.h"

/* ---- norm_text: input -> matching form ------------------------------ */

static const struct {
    const char *in, *want;
} fold_cases[] = {
    {"Python\u2019s", "python's"},
    {"NODE.JS", "node.js"},
    {"Caf\u00e9", "cafe"},
    {"Cafe\u0301", "cafe"},                 /* decomposed accent */
    {"na\u00efve", "naive"},
    {"\ufb01le", "file"},                   /* ligature fi */
    {"\uff26\uff55\uff4c\uff4c", "full"},   /* fullwidth */
    {"x\u00b2", "x2"},
    {"co\u00adop", "coop"},                 /* soft hyphen */
    {"a\u200bb", "ab"},                     /* zero-width space */
    {"\u201cquoted\u201d", "\"quoted\""},
    {"\u201equoted\u201f", "\"quoted\""},
    {"6\u2033", "6\""},                     /* double prime */
    {"it\u02bcs \uff07x\uff07", "it's 'x'"},
    {"15,000\u201320,000", "15,000-20,000"},
    {"a\u2014b\u2010c\u2212d", "a-b-c-d"},
    {"a\u2011b", "a-b"},                    /* non-breaking hyphen */
    {"a\ufe58b", "a-b"},                    /* NFKC gives an em dash */
    {"a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"},
    {"\u0391\u0398\u0397\u039d\u0391", "\u03b1\u03b8\u03b7\u03bd\u03b1"},
    {"\u03a9\u03bc\u03ad\u03b3\u03b1", "\u03c9\u03bc\u03b5\u03b3\u03b1"},
    {"\u041c\u041e\u0421\u041a\u0412\u0410", "\u043c\u043e\u0441\u043a\u0432\u0430"},
    {"Stra\u00dfe", "strasse"},
    {"\u1e9e", "ss"},                       /* capital sharp s */
    {"\u6771\u4eac", "\u6771\u4eac"},       /* CJK unchanged */
    {"\ud55c\uad6d\uc5b4", "\ud55c\uad6d\uc5b4"},
    {"\u1112\u1161\u11ab", "\ud55c"},       /* conjoining jamo compose */
    {"\uff76\uff9e \u30ac", "\u30ab \u30ab"},   /* the voiced mark is a mark */
    {"\u2460 \u216b \u3392", "1 xii mhz"},
    {"\u212b \u212a", "a k"},               /* angstrom, kelvin */
    {"", ""},
    {"Tab\tNew\nLine\r\n", "tab\tnew\nline\r\n"},
};

START_TEST(test_fold)
{
    const char *in = fold_cases[_i].in;
    buf out = BUF_INIT, again = BUF_INIT;
    char *err = NULL;
    ck_assert_int_eq(norm_text(in, strlen(in), &out, NULL, &err), KB_OK);
    ck_assert_ptr_null(err);
    ck_assert_str_eq(buf_cstr(&out), fold_cases[_i].want);
    /* The matching form is a fixed point. */
    ck_assert_int_eq(norm_text(out.data ? out.data : "", out.len, &again,
                               NULL, &err), KB_OK);
    ck_assert_str_eq(buf_cstr(&again), buf_cstr(&out));
    buf_free(&out);
    buf_free(&again);
}
END_TEST

/* ---- errors ---------------------------------------------------------- */

static const struct {
    const char *in;
    size_t len;
    const char *msg;
} bad_cases[] = {
    {"ab\xff" "cd", 5, "invalid UTF-8 at byte 2"},
    {"abc\xc3", 4, "invalid UTF-8 at byte 3"},           /* truncated */
    {"\xc0\xaf", 2, "invalid UTF-8 at byte 0"},          /* overlong */
    {"x\xed\xa0\x80", 4, "invalid UTF-8 at byte 1"},     /* surrogate */
    {"caf\xc3\xa9\xe2\x80", 7, "invalid UTF-8 at byte 5"},
    {"\xc3\xa9\xcc", 3, "invalid UTF-8 at byte 2"},      /* cut-off mark */
};

START_TEST(test_invalid)
{
    buf out = BUF_INIT;
    buf_adds(&out, "keep");
    size_t *map = (size_t *)&out;   /* must be reset to NULL */
    char *err = NULL;
    ck_assert_int_eq(norm_text(bad_cases[_i].in, bad_cases[_i].len, &out,
                               &map, &err), KB_ERR);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, bad_cases[_i].msg);
    ck_assert_ptr_null(map);
    ck_assert_str_eq(buf_cstr(&out), "keep");   /* output rolled back */
    free(err);
    buf_free(&out);
}
END_TEST

/* ---- the offset map -------------------------------------------------- */

static const char *const map_cases[] = {
    "Python\u2019s syntax is clean",
    "Cafe\u0301 na\u00efve \ufb01le",
    "\u201cQuoted\u201d 15,000\u201320,000 x\u00b2",
    "Stra\u00dfe \u1112\u1161\u11ab \u6771\u4eac co\u00adop",
    "\u0301leading mark, \u200b\u200b and trailing \u00e9",
    "\U0001F600\u200d\U0001F600 emoji \U0001F1EB\U0001F1F7",
    "\ufdfa\u3392",
    "plain ASCII only",
};

/* Check the map's invariants for s; returns the normalized copy. */
static char *check_map(const char *s, size_t len, const char *prefix)
{
    buf out = BUF_INIT, plain = BUF_INIT;
    size_t *map = NULL;
    char *err = NULL;
    buf_adds(&out, prefix);
    size_t base = out.len;
    ck_assert_int_eq(norm_text(s, len, &out, &map, &err), KB_OK);
    ck_assert_ptr_nonnull(map);
    size_t n = out.len - base;
    for (size_t k = 0; k < n; k++) {
        ck_assert_uint_lt(map[k], len);
        /* points at the first byte of a character */
        ck_assert_int_ne((unsigned char)s[map[k]] & 0xC0, 0x80);
        if (k) ck_assert_uint_le(map[k - 1], map[k]);
        /* ASCII input maps one to one onto its lower-cased byte */
        unsigned char c = (unsigned char)s[map[k]];
        if (c < 0x80) {
            ck_assert_int_eq(out.data[base + k],
                             c >= 'A' && c <= 'Z' ? c + 32 : c);
            if (k) ck_assert_uint_lt(map[k - 1], map[k]);
        }
    }
    ck_assert_uint_eq(map[n], len);
    /* The map does not change the text. */
    ck_assert_int_eq(norm_text(s, len, &plain, NULL, &err), KB_OK);
    ck_assert_uint_eq(plain.len, n);
    ck_assert_int_eq(memcmp(plain.data, out.data + base, n), 0);
    ck_assert_int_eq(memcmp(out.data, prefix, base), 0);
    free(map);
    buf_free(&out);
    return buf_detach(&plain, NULL);
}

START_TEST(test_map_invariants)
{
    const char *s = map_cases[_i];
    free(check_map(s, strlen(s), ""));
    free(check_map(s, strlen(s), "prefix "));
}
END_TEST

START_TEST(test_map_ascii_identity)
{
    const char *s = "Hello, World! 12.6.0 I/O (GIL) \"x\" NODE.JS";
    size_t len = strlen(s), *map = NULL;
    buf out = BUF_INIT;
    buf_adds(&out, "xyz");
    ck_assert_int_eq(norm_text(s, len, &out, &map, NULL), KB_OK);
    ck_assert_uint_eq(out.len, 3 + len);
    for (size_t i = 0; i <= len; i++) ck_assert_uint_eq(map[i], i);
    free(map);
    buf_free(&out);
}
END_TEST

/* Exact offsets: each output byte maps to the start of its cluster. */
START_TEST(test_map_exact)
{
    const char *s = "Caf\u00e9 \u201cx\u201d \ufb01 e\u0301!";
    /* C a f é ␠ “ x ” ␠ ﬁ ␠ e ◌́ ! */
    const size_t want[] = {0, 1, 2, 3, 5, 6, 9, 10, 13, 14, 14, 17, 18, 21, 22};
    size_t len = strlen(s), *map = NULL;
    buf out = BUF_INIT;
    ck_assert_int_eq(norm_text(s, len, &out, &map, NULL), KB_OK);
    ck_assert_str_eq(out.data, "cafe \"x\" fi e!");
    ck_assert_uint_eq(out.len + 1, sizeof want / sizeof want[0]);
    for (size_t k = 0; k <= out.len; k++) ck_assert_uint_eq(map[k], want[k]);
    free(map);
    buf_free(&out);
}
END_TEST

/* Clusters longer than the stack buffer (64 code points): a Hangul
 * initial followed by 100 vowels is one cluster; 1000 marks after a
 * letter vanish.  An emoji joiner chain is one cluster per pictograph. */
START_TEST(test_long_cluster)
{
    buf in = BUF_INIT, want = BUF_INIT, out = BUF_INIT;
    buf_adds(&in, "\u1100");
    buf_adds(&want, "\uac00");
    for (int k = 0; k < 100; k++) {
        buf_adds(&in, "\u1161");
        if (k) buf_adds(&want, "\u1161");
    }
    size_t emoji = in.len;
    for (int k = 0; k < 10; k++) {
        if (k) buf_adds(&in, "\u200d");
        buf_adds(&in, "\U0001F600");
        buf_adds(&want, "\U0001F600");
    }
    buf_adds(&in, "a");
    buf_adds(&want, "a");
    for (int k = 0; k < 1000; k++) buf_adds(&in, "\u0301");
    buf_adds(&in, "\u00c9");
    buf_adds(&want, "e");
    size_t *map = NULL;
    ck_assert_int_eq(norm_text(in.data, in.len, &out, &map, NULL), KB_OK);
    ck_assert_str_eq(out.data, want.data);
    size_t hangul = 3 + 99 * 3;
    for (size_t k = 0; k < hangul; k++) ck_assert_uint_eq(map[k], 0);
    for (size_t k = 0; k < 40; k++)
        ck_assert_uint_eq(map[hangul + k], emoji + k / 4 * 7);
    ck_assert_uint_eq(map[out.len - 1], in.len - 2);
    free(map);
    free(check_map(in.data, in.len, "p"));
    buf_free(&in);
    buf_free(&want);
    buf_free(&out);
}
END_TEST

/* The reference: utf8proc_map over the whole string with the same
 * options, the folds applied as its custom mapping. */
static utf8proc_int32_t ref_fold(utf8proc_int32_t cp, void *data)
{
    switch (cp) {
    case 0x2019: return '\'';
    case 0x201C: case 0x2033: return '"';
    case 0x3000: return ' ';
    }
    return cp;
}

static char *ref_norm(const char *s, size_t len)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map_custom(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
        UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_COMPAT |
            UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
        ref_fold, NULL);
    ck_assert_int_ge(n, 0);
    return (char *)dst;
}

/* Random valid text built from awkward pieces keeps the map invariants,
 * agrees with the reference, and is a fixed point. */
START_TEST(test_map_random)
{
    static const char *const piece[] = {
        "a", "Z", " ", ".", "\u00e9", "e\u0301", "\u2019", "\u201c", "\u00df",
        "\ufb01", "\u0301", "\u200d", "\U0001F600", "\u1112", "\u1161",
        "\u11ab", "\uac00", "\u00ad", "\u2033", "\u3000", "\u0391", "\u2460",
        "\ufdfa", "\u0130", "\r\n", "\u3131", "\u314f", "\uffc2", "\u3260",
        "\u0345", "\u1e9e", "\U0001d400",
    };
    uint32_t seed = 12345;
    for (int round = 0; round < 2000; round++) {
        buf in = BUF_INIT, again = BUF_INIT;
        int n = 1 + (int)(seed % 24);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            buf_adds(&in, piece[(seed >> 16) % (sizeof piece / sizeof *piece)]);
        }
        char *norm = check_map(in.data, in.len, "");
        char *ref = ref_norm(in.data, in.len);
        ck_assert_str_eq(norm, ref);
        ck_assert_int_eq(norm_text(norm, strlen(norm), &again, NULL, NULL),
                         KB_OK);
        ck_assert_str_eq(buf_cstr(&again), norm);
        free(ref);
        free(norm);
        buf_free(&in);
        buf_free(&again);
    }
}
END_TEST

/* ---- norm_tokens ----------------------------------------------------- */

static int collect(void *ctx, const char *tok, size_t n, size_t off)
{
    buf *b = ctx;
    if (b->len) buf_addc(b, '|');
    buf_printf(b, "%.*s@%zu", (int)n, tok, off);
    return 0;
}

static const struct {
    const char *in, *want;
} tok_cases[] = {
    {"node.js 12.6.0 i/o python's",
     "node@0|js@5|12@8|6@11|0@13|i@15|o@17|python@19|s@26"},
    {"", ""},
    {" -- * ( ) ", ""},
    {"cafe\u0301x", "cafe@0|x@6"},              /* a mark separates */
    {"na\u00efve \u6771\u4eac", "na\u00efve@0|\u6771\u4eac@7"},
    {"\u03b1\u03b2-\u0433\u0434", "\u03b1\u03b2@0|\u0433\u0434@5"},
    {"x\u00b2 \u2460", "x\u00b2@0|\u2460@4"},     /* No counts */
    {"a\ue000b", "a\ue000b@0"},                  /* private use */
    {"a\u00a0b\u2019c", "a@0|b@3|c@7"},
    {"_x_", "x@1"},
};

START_TEST(test_tokens)
{
    buf got = BUF_INIT;
    const char *in = tok_cases[_i].in;
    ck_assert_int_eq(norm_tokens(in, strlen(in), collect, &got), 0);
    ck_assert_str_eq(buf_cstr(&got), tok_cases[_i].want);
    buf_free(&got);
}
END_TEST

static int stop_at_second(void *ctx, const char *tok, size_t n, size_t off)
{
    int *count = ctx;
    return ++*count == 2 ? 42 : 0;
}

START_TEST(test_tokens_stop)
{
    int count = 0;
    ck_assert_int_eq(norm_tokens("a b c", 5, stop_at_second, &count), 42);
    ck_assert_int_eq(count, 2);
}
END_TEST

START_TEST(test_valid_utf8)
{
    size_t bad = 99;
    ck_assert_int_eq(norm_valid_utf8("ok \u00e9", 5, &bad), 1);
    ck_assert_int_eq(norm_valid_utf8("ok\x80", 3, &bad), 0);
    ck_assert_uint_eq(bad, 2);
    ck_assert_int_eq(norm_valid_utf8("\xf4\x90\x80\x80", 4, NULL), 0);
}
END_TEST

/* ---- the eight-bytes-at-a-time paths --------------------------------- */

/* Every ASCII byte at every position of runs long enough for the word
 * paths and their byte-by-byte tails: lower-cased one for one, and a
 * non-ASCII byte found where it is. */
START_TEST(test_ascii_words)
{
    char in[40], want[40];
    for (int c = 1; c < 128; c++)
        for (size_t len = 1; len <= sizeof in; len++)
            for (size_t at = 0; at < len; at++) {
                for (size_t k = 0; k < len; k++) in[k] = (char)('A' + (k * 7 + (size_t)c) % 58);
                in[at] = (char)c;
                for (size_t k = 0; k < len; k++)
                    want[k] = in[k] >= 'A' && in[k] <= 'Z' ? (char)(in[k] + 32) : in[k];
                buf out = BUF_INIT;
                ck_assert_int_eq(norm_text(in, len, &out, NULL, NULL), KB_OK);
                ck_assert_uint_eq(out.len, len);
                ck_assert_int_eq(memcmp(out.data, want, len), 0);
                buf_free(&out);
                size_t bad = 99;
                ck_assert_int_eq(norm_valid_utf8(in, len, &bad), 1);
                in[at] = (char)0x80;
                ck_assert_int_eq(norm_valid_utf8(in, len, &bad), 0);
                ck_assert_uint_eq(bad, at);
            }
}
END_TEST

/* norm_text_keep gives what norm_text gives, text after text in one
 * kept buffer, errors included. */
START_TEST(test_keep)
{
    size_t *kept = NULL, cap = 0;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof map_cases / sizeof *map_cases + sizeof bad_cases / sizeof *bad_cases; i++) {
            int bad = i >= sizeof map_cases / sizeof *map_cases;
            const char *s = bad ? bad_cases[i - sizeof map_cases / sizeof *map_cases].in : map_cases[i];
            size_t len = bad ? bad_cases[i - sizeof map_cases / sizeof *map_cases].len : strlen(s);
            buf a = BUF_INIT, b = BUF_INIT;
            size_t *map = NULL;
            char *ea = NULL, *eb = NULL;
            buf_adds(&b, "keep");
            int ra = norm_text(s, len, &a, &map, &ea);
            int rb = norm_text_keep(s, len, &b, &kept, &cap, &eb);
            ck_assert_int_eq(ra, rb);
            if (ra == KB_OK) {
                ck_assert_uint_eq(a.len + 4, b.len);
                ck_assert_int_eq(memcmp(a.data, b.data + 4, a.len), 0);
                ck_assert_int_eq(memcmp(map, kept, (a.len + 1) * sizeof *map), 0);
                ck_assert_uint_ge(cap, a.len + 1);
            } else {
                ck_assert_str_eq(ea, eb);
                ck_assert_str_eq(buf_cstr(&b), "keep");
            }
            free(map);
            free(ea);
            free(eb);
            buf_free(&a);
            buf_free(&b);
        }
    free(kept);
}
END_TEST

/* markup blanked in place: same length, prose kept */
static const struct {
    const char *in, *out;
} markup_cases[] = {
    {"see [the docs](https://ex.org/docs) now", "see [the docs]                      now"},
    {"[CTE](/pg/cte)", "[CTE]         "},
    {"[CTE](/pg/cte){.wide} x", "[CTE]                 x"},
    {"a ![Fast vs slow](/i/a.png){width=50%} b", "a                                      b"},
    {"[a] and ![b](c)", "[a] and        "},
    {"see [doku]({{src:p/d.html}}) or {{ x }}!", "see [doku]                   or        !"},
    {"a {% raw %}b{% endraw %}", "a          b            "},
    {"at https://ex.org/a/b.", "at                   ."},
    {"(see http://ex.org/a)", "(see                )"},
    {"visit www.ex.org, then", "visit           , then"},
    {"a <a href=\"x.html\" class=\"blue\">link</a> b", "a                               link     b"},
    {"<https://ex.org>", "                "},
    {"| :white_check_mark: | :x: |", "|                    |     |"},
    {"ship it :thumbsup:!", "ship it           !"},
    /* not markup: a comparison, an unclosed link, "www" inside a word, a ratio */
    {"a < b and c<3", "a < b and c<3"},
    {"[x](no end", "[x](no end"},
    {"[x](y) {not attributes}", "[x]    {not attributes}"},
    {"a {{ b and {% c", "a {{ b and {% c"},
    {"awww.no and 3:1, 9://x", "awww.no and 3:1, 9://x"},
    {"clone git://ex.org/r.git", "clone                   "},
    /* nor a time, a label, a name with a capital or a space */
    {"at 10:30:45 or a:b:c", "at 10:30:45 or a:b:c"},
    {"Note: see :Foo: and :a b:", "Note: see :Foo: and :a b:"},
};

START_TEST(test_blank_markup)
{
    char s[128];
    snprintf(s, sizeof s, "%s", markup_cases[_i].in);
    norm_blank_markup(s, strlen(s));
    ck_assert_str_eq(s, markup_cases[_i].out);
}
END_TEST

/* Words outside markup: not an emoji alone, an image alone or a rule;
 * a number, a word in any script, a link's text are words.  A text
 * longer than the stack copy takes the heap. */
START_TEST(test_has_words)
{
    ck_assert(!norm_has_words("\xf0\x9f\x98\x83", 4));
    ck_assert(!norm_has_words("![](https://example.org/a.png)", 30));
    ck_assert(!norm_has_words("![alt text](/x.png){.wide}  \xe2\x80\x94 ", 32));
    ck_assert(!norm_has_words("* * *", 5));
    ck_assert(norm_has_words("42", 2));
    ck_assert(norm_has_words("\xd0\x94\xd0\xb0", 4));
    ck_assert(norm_has_words("[Kestrel docs](https://example.org)", 35));
    ck_assert(norm_has_words("\xf0\x9f\x94\x92 Security matters.", 22));
    char big[2000];
    memset(big, ' ', sizeof big);
    ck_assert(!norm_has_words(big, sizeof big));
    big[1500] = 'x';
    ck_assert(norm_has_words(big, sizeof big));
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *norm_suite(void)
{
    Suite *s = suite_create("norm");
    TCase *tc = tcase_create("text");
    tcase_add_loop_test(tc, test_fold, 0, N(fold_cases));
    tcase_add_loop_test(tc, test_invalid, 0, N(bad_cases));
    tcase_add_test(tc, test_valid_utf8);
    tcase_add_test(tc, test_ascii_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("map");
    tcase_add_loop_test(tc, test_map_invariants, 0, N(map_cases));
    tcase_add_test(tc, test_map_ascii_identity);
    tcase_add_test(tc, test_map_exact);
    tcase_add_test(tc, test_long_cluster);
    tcase_add_test(tc, test_map_random);
    tcase_add_test(tc, test_keep);
    suite_add_tcase(s, tc);
    tc = tcase_create("tokens");
    tcase_add_loop_test(tc, test_tokens, 0, N(tok_cases));
    tcase_add_test(tc, test_tokens_stop);
    tcase_add_loop_test(tc, test_blank_markup, 0, N(markup_cases));
    tcase_add_test(tc, test_has_words);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(norm_suite());
}
