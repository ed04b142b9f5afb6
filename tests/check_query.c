/*
 * check_query.c - plain queries to FTS5 expressions (src/query.c): the
 * translation by table, and the property that matters: whatever the
 * user types, SQLite's FTS5 either never sees it (an error) or accepts
 * what kb produces.
 */
#include <sqlite3.h>
#include <stdint.h>

#include "alias.h"
#include "norm.h"
#include "query.h"
#include "testutil.h"
#include "util.h"

static alias_set *aliases;   /* schema/aliases.tsv, read from disk */

static void load_aliases(void)
{
    size_t len;
    char *text = tu_read_file("schema/aliases.tsv", &len);
    char *err = NULL;
    ck_assert_msg(alias_load(text, len, &aliases, &err) == KB_OK, "%s", err);
    free(text);
}

static void free_aliases(void)
{
    alias_free(aliases);
    aliases = NULL;
}

/* ---- translation by table -------------------------------------------- */

#define NODE "(\"node js\" OR \"nodejs\" OR \"node\")"
#define PY "(\"python\" OR \"python3\" OR \"python 3\" OR \"cpython\" OR \"py\")"
#define JS "(\"javascript\" OR \"js\" OR \"ecmascript\")"
#define GIL "(\"gil\" OR \"global interpreter lock\")"
#define NOWORDS "query has no words to search for"
#define BADUTF8 "query is not valid UTF-8"

static const struct {
    const char *q;
    int use_aliases;
    const char *want;   /* the expression, or NULL for an error */
    const char *err;
} cases[] = {
    {"GIL", 0, "\"gil\"", NULL},
    {"GIL", 1, GIL, NULL},
    {"global interpreter lock", 1, GIL, NULL},
    {"nodejs", 0, "\"nodejs\"", NULL},
    {"nodejs", 1, NODE, NULL},
    {"Node.js", 1, NODE, NULL},
    {"node js", 1, NODE, NULL},
    {"NODE.JS is fast", 1, NODE " AND \"is\" \"fast\"", NULL},
    {"python's syntax", 1, "\"python s\" \"syntax\"", NULL},
    {"python\u2019s syntax", 1, "\"python s\" \"syntax\"", NULL},
    {"python 3.8", 1, PY " AND \"3 8\"", NULL},    /* not "python 3" */
    {"python 3", 1, PY, NULL},
    {"Python3 GIL", 1, PY " AND " GIL, NULL},
    {"js node js", 1, JS " AND " NODE, NULL},
    {"async/await", 1, "\"async await\"", NULL},   /* one variant */
    {"mysql fast", 1, "\"mysql\" \"fast\"", NULL},
    {"fast asyncio", 1, "\"fast\" AND (\"asyncio\" OR \"async io\")", NULL},
    {"\"node js\"", 1, "\"node js\"", NULL},       /* phrases are literal */
    {"node \"js\"", 1, NODE " AND \"js\"", NULL},
    {"\"event loop\" fast", 0, "\"event loop\" \"fast\"", NULL},
    {"\u201cevent loop\u201d fast", 0, "\"event loop\" \"fast\"", NULL},
    {"\"event loop", 0, "\"event loop\"", NULL},   /* unbalanced */
    {"fast \"event loop", 0, "\"fast\" \"event loop\"", NULL},
    {"a\"b c\"d", 0, "\"a\" \"b c\" \"d\"", NULL},
    {"NEAR(", 0, "\"near\"", NULL},
    {"NEAR(a b, 3)", 0, "\"near a\" \"b\" \"3\"", NULL},
    {"AND OR NOT", 0, "\"and\" \"or\" \"not\"", NULL},
    {"a OR b", 0, "\"a\" \"or\" \"b\"", NULL},
    {"^x", 0, "\"x\"", NULL},
    {"x* -y +z", 0, "\"x\" \"y\" \"z\"", NULL},
    {"title:foo", 0, "\"title foo\"", NULL},
    {"C++ vs. C#", 0, "\"c\" \"vs\"", NULL},        /* a repeat asks nothing more */
    {"python Python PYTHON", 0, "\"python\"", NULL},
    {"python Python PYTHON", 1, PY, NULL},
    {"node nodejs GIL Node.js gil", 1, NODE " AND " GIL, NULL},   /* a group once */
    {"\"event loop\" event loop \"event loop\"", 0, "\"event loop\" \"event\" \"loop\"", NULL},
    {"async/await \"async await\"", 1, "\"async await\"", NULL},   /* one-name group = phrase */
    {"I/O", 0, "\"i o\"", NULL},
    {"Caf\u00e9 NA\u00cfVE", 0, "\"cafe\" \"naive\"", NULL},
    {"15,000\u201320,000", 0, "\"15 000 20 000\"", NULL},
    {"\u6771\u4eac\u3000tower", 0, "\"\u6771\u4eac\" \"tower\"", NULL},
    {"-", 1, NULL, NOWORDS},
    {"*", 1, NULL, NOWORDS},
    {":", 1, NULL, NOWORDS},
    {"((", 1, NULL, NOWORDS},
    {"", 1, NULL, NOWORDS},
    {" \t\r\n", 1, NULL, NOWORDS},
    {"!?.,;-*^()", 1, NULL, NOWORDS},
    {"\"\"", 1, NULL, NOWORDS},
    {"\"", 1, NULL, NOWORDS},
    {"\u00ad\u200b", 1, NULL, NOWORDS},
    {"ok \xff", 1, NULL, BADUTF8},
    {"\xc3", 0, NULL, BADUTF8},
};

START_TEST(test_translate)
{
    const char *q = cases[_i].q;
    buf out = BUF_INIT;
    char *err = NULL;
    buf_adds(&out, "prefix:");
    int rc = query_translate(q, strlen(q), cases[_i].use_aliases ? aliases : NULL,
                             &out, &err);
    if (cases[_i].want) {
        ck_assert_msg(rc == KB_OK, "%s: %s", q, err ? err : "?");
        ck_assert_str_eq(out.data + 7, cases[_i].want);
    } else {
        ck_assert_int_eq(rc, KB_ERR);
        ck_assert_str_eq(err, cases[_i].err);
        ck_assert_str_eq(out.data, "prefix:");   /* nothing appended */
    }
    free(err);
    buf_free(&out);
}
END_TEST

/* ---- FTS5 accepts every expression ----------------------------------- */

static sqlite3 *db;
static sqlite3_stmt *match;

static void open_db(void)
{
    static const char *const rows[] = {
        "Python\u2019s syntax is clean",
        "Node.js is fast",
        "The GIL in CPython 3.8",
        "Caf\u00e9 na\u00efve r\u00e9sum\u00e9, \u201cevent loop\u201d",
    };
    load_aliases();
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
        "CREATE VIRTUAL TABLE t USING fts5(x, "
        "tokenize='porter unicode61 remove_diacritics 2')", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_stmt *ins;
    ck_assert_int_eq(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES(?, ?)",
                                        -1, &ins, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        buf n = BUF_INIT;
        ck_assert_int_eq(norm_text(rows[i], strlen(rows[i]), &n, NULL, NULL),
                         KB_OK);
        sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
        sqlite3_bind_text(ins, 2, n.data, (int)n.len, SQLITE_TRANSIENT);
        ck_assert_int_eq(sqlite3_step(ins), SQLITE_DONE);
        sqlite3_reset(ins);
        buf_free(&n);
    }
    sqlite3_finalize(ins);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
        "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", -1, &match, NULL),
        SQLITE_OK);
}

static void close_db(void)
{
    sqlite3_finalize(match);
    sqlite3_close(db);
    free_aliases();
}

/* Translate q and run it.  Returns -1 if kb rejected the query, else a
 * bit set of the matching rowids; fails the test if SQLite rejects the
 * expression. */
static int run_query(const char *q, size_t len, int use_aliases)
{
    buf expr = BUF_INIT;
    char *err = NULL;
    if (query_translate(q, len, use_aliases ? aliases : NULL, &expr, &err)
        != KB_OK) {
        ck_assert_ptr_nonnull(err);
        free(err);
        return -1;
    }
    ck_assert_uint_gt(expr.len, 0);
    ck_assert_uint_eq(strlen(expr.data), expr.len);
    sqlite3_bind_text(match, 1, expr.data, (int)expr.len, SQLITE_STATIC);
    int rc, hits = 0;
    while ((rc = sqlite3_step(match)) == SQLITE_ROW)
        hits |= 1 << sqlite3_column_int(match, 0);
    ck_assert_msg(rc == SQLITE_DONE, "FTS5 rejected %s: %s", expr.data,
                  sqlite3_errmsg(db));
    sqlite3_reset(match);
    sqlite3_clear_bindings(match);
    buf_free(&expr);
    return hits;
}

static const char *const hostile[] = {
    "\"", "\"\"", "\"\"\"", "\"a\"\"b\"", "(", ")", "()", "((a)", "a)",
    "*", "a*", "*a", "^", "^a", ":", "x:", "x:y", "-", "-a", "a-b", "--",
    "+", "a + b", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "NEAR/3",
    "a AND", "OR b", "NOT NOT", "a NEAR b", "{x y}: z", "x : (y OR z)",
    "\u201c", "\u201d\u201c", "\u2019", "'", "''", "\\", "%", "\xc2\xa0",
    "a\"", "\u00ad", "\U0001F600", "\uff02x\uff02", "col:\"x\" *",
    "\"unbalanced (phrase*", "NEAR(\"a\" \"b\", 5)",
};

START_TEST(test_fts5_hostile)
{
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        run_query(hostile[i], strlen(hostile[i]), 0);
        run_query(hostile[i], strlen(hostile[i]), 1);
    }
}
END_TEST

START_TEST(test_fts5_random)
{
    static const char *const piece[] = {
        "\"", "(", ")", "*", "^", ":", "-", "+", "{", "}", ",", "/", " ",
        " ", "\t", "a", "B", "OR", "AND", "NOT", "NEAR", "node", "js",
        "python", "3", ".", "'", "\u2019", "\u201c", "\u201d", "\u00e9",
        "e\u0301", "\u00df", "\u6771", "\uff02", "\u00ad", "\U0001F600",
        "\xff", "\xc3", "\x80", "\0",
    };
    const size_t npiece = sizeof piece / sizeof *piece;
    uint32_t seed = 20240601;
    int accepted = 0;
    for (int round = 0; round < 2000; round++) {
        buf q = BUF_INIT;
        seed = seed * 1103515245u + 12345u;
        int n = 1 + (int)((seed >> 16) % 16);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = seed >> 16;
            if (r % 8 == 0)
                buf_addc(&q, (int)(r >> 3) & 0xFF);   /* any byte */
            else if (strcmp(piece[r % npiece], "\0") == 0)
                buf_addc(&q, 0);
            else
                buf_adds(&q, piece[r % npiece]);
        }
        if (run_query(buf_cstr(&q), q.len, round & 1) >= 0) accepted++;
        buf_free(&q);
    }
    /* About a third carry invalid UTF-8 or no word; the rest must reach
     * FTS5, or the test would prove nothing. */
    ck_assert_int_gt(accepted, 500);
}
END_TEST

static const struct {
    const char *q;
    int use_aliases;
    int hits;   /* bit set of rowids */
} hit_cases[] = {
    {"python's syntax", 0, 1 << 1},
    {"python\u2019s syntax", 0, 1 << 1},
    {"Python\u2019s", 0, 1 << 1},
    {"nodejs", 1, 1 << 2},
    {"nodejs", 0, 0},
    {"node", 1, 1 << 2},
    {"node.js fast", 1, 1 << 2},
    {"global interpreter lock", 1, 1 << 3},
    {"python 3.8", 1, 1 << 3},           /* "cpython" "3 8" */
    {"python", 1, 1 << 1 | 1 << 3},
    {"python", 0, 1 << 1},
    {"cafe resume", 0, 1 << 4},
    {"CAF\u00c9", 0, 1 << 4},
    {"\"event loop\"", 0, 1 << 4},
    {"\"loop event\"", 0, 0},
};

START_TEST(test_fts5_hits)
{
    int got = run_query(hit_cases[_i].q, strlen(hit_cases[_i].q),
                        hit_cases[_i].use_aliases);
    ck_assert_int_eq(got, hit_cases[_i].hits);
}
END_TEST

/* A 10 kB query goes through (and through FTS5) without trouble. */
START_TEST(test_long_query)
{
    static const char chunk[] = "node js python 3.8 \"event loop\" GIL x*( ";
    buf q = BUF_INIT;
    while (q.len < 10 * 1024) buf_adds(&q, chunk);
    ck_assert_int_eq(run_query(q.data, q.len, 1), 0);
    ck_assert_int_eq(run_query(q.data, q.len, 0), 0);
    buf_free(&q);
}
END_TEST

/* ---- limits ---------------------------------------------------------- */

/* Translate q with the shipped aliases: KB_OK and the expression in
 * *out, or KB_ERR and the message in *err. */
static int translate(const buf *q, buf *out, char **err)
{
    buf_reset(out);
    return query_translate(q->data, q->len, aliases, out, err);
}

/* The same word, 2,340 times (16 KiB), is one term: the expression does
 * not grow with the repeats (it held every copy, and FTS5 took 39 s on
 * 1,000 of them over 125 articles). */
START_TEST(test_repeats_once)
{
    buf q = BUF_INIT, out = BUF_INIT;
    char *err = NULL;
    while (q.len + 7 <= QUERY_MAX_BYTES) buf_adds(&q, "python ");
    ck_assert_int_eq(translate(&q, &out, &err), KB_OK);
    ck_assert_str_eq(out.data, PY);
    buf_reset(&q);
    while (q.len + 20 <= QUERY_MAX_BYTES) buf_adds(&q, "node \"event loop\" x ");
    ck_assert_int_eq(translate(&q, &out, &err), KB_OK);
    ck_assert_str_eq(out.data, NODE " AND \"event loop\" \"x\"");
    buf_free(&q);
    buf_free(&out);
}
END_TEST

/* QUERY_MAX_BYTES bytes go through, one more is refused with the limit
 * named; so are QUERY_MAX_TERMS different terms and one more, where a
 * group counts its names. */
START_TEST(test_limits)
{
    buf q = BUF_INIT, out = BUF_INIT;
    char *err = NULL;
    while (q.len < QUERY_MAX_BYTES) buf_addc(&q, q.len % 2 ? ' ' : 'a');
    ck_assert_int_eq(translate(&q, &out, &err), KB_OK);
    buf_addc(&q, 'b');
    ck_assert_int_eq(translate(&q, &out, &err), KB_ERR);
    ck_assert_str_eq(err, "query is too long: 16385 bytes (at most 16384)");
    ck_assert_uint_eq(out.len, 0);
    free(err);
    err = NULL;

    buf_reset(&q);
    for (int i = 0; i < QUERY_MAX_TERMS; i++) buf_printf(&q, "w%d ", i);
    ck_assert_int_eq(translate(&q, &out, &err), KB_OK);
    buf_adds(&q, "w0 w1 extra");
    ck_assert_int_eq(translate(&q, &out, &err), KB_ERR);
    ck_assert_str_eq(err, "query has too many terms: more than 1000 different words and phrases "
                          "(each name of an alias counts)");
    ck_assert_uint_eq(out.len, 0);
    free(err);
    err = NULL;

    /* 996 words and Python's group of 5 names: 1,001 */
    buf_reset(&q);
    for (int i = 0; i < QUERY_MAX_TERMS - 4; i++) buf_printf(&q, "w%d ", i);
    buf_adds(&q, "cpython");
    ck_assert_int_eq(translate(&q, &out, &err), KB_ERR);
    free(err);
    buf_free(&q);
    buf_free(&out);
}
END_TEST

/* --fts: at most QUERY_MAX_FTS_TERMS words, operators counted, repeats
 * kept (kb does not parse FTS5 syntax). */
START_TEST(test_raw_limits)
{
    buf q = BUF_INIT;
    char *err = NULL;
    ck_assert_int_eq(query_check_raw("a OR b", 6, &err), KB_OK);
    ck_assert_int_eq(query_check_raw("", 0, &err), KB_ERR);
    ck_assert_str_eq(err, NOWORDS);
    free(err);
    err = NULL;
    ck_assert_int_eq(query_check_raw("ok \xff", 4, &err), KB_ERR);
    ck_assert_str_eq(err, BADUTF8);
    free(err);
    err = NULL;
    for (int i = 0; i < QUERY_MAX_FTS_TERMS; i++) buf_adds(&q, i % 2 ? "OR " : "python ");
    ck_assert_int_eq(query_check_raw(q.data, q.len, &err), KB_OK);
    buf_adds(&q, "python");
    ck_assert_int_eq(query_check_raw(q.data, q.len, &err), KB_ERR);
    ck_assert_str_eq(err, "FTS5 query has too many terms: more than 100 words");
    free(err);
    err = NULL;
    buf_reset(&q);
    while (q.len <= QUERY_MAX_BYTES) buf_addc(&q, '(');
    ck_assert_int_eq(query_check_raw(q.data, q.len, &err), KB_ERR);
    ck_assert_str_eq(err, "query is too long: 16385 bytes (at most 16384)");
    free(err);
    buf_free(&q);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *query_suite(void)
{
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("translate");
    tcase_add_unchecked_fixture(tc, load_aliases, free_aliases);
    tcase_add_loop_test(tc, test_translate, 0, N(cases));
    tcase_add_test(tc, test_repeats_once);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_raw_limits);
    suite_add_tcase(s, tc);
    tc = tcase_create("fts5");
    tcase_add_checked_fixture(tc, open_db, close_db);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_fts5_hostile);
    tcase_add_test(tc, test_fts5_random);
    tcase_add_loop_test(tc, test_fts5_hits, 0, N(hit_cases));
    tcase_add_test(tc, test_long_query);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(query_suite());
}
