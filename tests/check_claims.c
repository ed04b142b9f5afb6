/*
 * check_claims.c - from ingested sources to tagged claims, on the
 * corpus and on a second domain: table cells inherit their column's
 * subject and row's dimension, the GIL statements of every article
 * that makes one are found, furniture yields no claim and no quantity,
 * and `kb init --taxonomy` re-tags with no code change.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "embed.h"
#include "ingest.h"
#include "tag.h"
#include "store.h"
#include "testutil.h"
#include "tustore.h"
#include "util.h"

static void ingest(const char *path, const char *taxonomy_tsv)
{
    ck_assert_uint_gt(tu_ingest(tu_st, path, taxonomy_tsv).claims, 0);
}

/* Write md to NAME in the test folder and ingest it. */
static void ingest_md(const char *name, const char *md, const char *taxonomy_tsv)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", tu_dir, name);
    tu_write_file(path, md, strlen(md));
    ingest(path, taxonomy_tsv);
}

static long long q_int(const char *sql)
{
    return tu_q_int(tu_st, sql);
}

START_TEST(test_table_cells)
{
    ingest("corpus", NULL);
    /* 000's comparison table: 8 data rows x 2 columns, one claim a cell */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id "
                           "WHERE s.path LIKE '%000_8ce771bb35dfdba8.txt' AND c.kind = 'cell'"),
                     16);
    /* every cell has its column's subject */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id "
                           "WHERE s.path LIKE '%000_%' AND c.kind = 'cell' AND NOT EXISTS "
                           "(SELECT 1 FROM claim_subject x WHERE x.claim_id = c.id AND x.subject = c.col_header)"),
                     0);
    /* and each row that names a dimension gives it to both its cells */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id "
                           "WHERE s.path LIKE '%000_%' AND c.kind = 'cell' AND c.row_header != 'Type' "
                           "AND NOT EXISTS (SELECT 1 FROM claim_dimension x WHERE x.claim_id = c.id AND "
                           "lower(c.row_header) LIKE x.dimension || '%')"),
                     2 /* "Best for" and "Full-stack potential" rows name no dimension word */ * 2);
    /* the ecosystem row's figures: [2000000, inf) for Node.js, [800000, inf) for Python */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim_quantity WHERE measure = 'package_count' "
                           "AND subject = 'Node.js' AND low = 2000000 AND high IS NULL AND low_open = 0"),
                     1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim_quantity WHERE measure = 'package_count' "
                           "AND subject = 'Python' AND low = 800000 AND high IS NULL"),
                     1);
}
END_TEST

START_TEST(test_gil_statements)
{
    ingest("corpus", NULL);
    /* Every article that mentions the GIL has a Python/concurrency claim
     * that does (000, 001, 002, 004). */
    ck_assert_int_eq(q_int("SELECT count(DISTINCT c.source_id) FROM claim c "
                           "JOIN claim_subject cs ON cs.claim_id = c.id AND cs.subject = 'Python' "
                           "JOIN claim_dimension cd ON cd.claim_id = c.id AND cd.dimension = 'concurrency' "
                           "WHERE c.text LIKE '%GIL%' OR c.text LIKE '%Global Interpreter Lock%'"),
                     q_int("SELECT count(DISTINCT source_id) FROM unit WHERE text LIKE '%GIL%' "
                           "OR text LIKE '%Global Interpreter Lock%'"));
    ck_assert_int_ge(q_int("SELECT count(DISTINCT source_id) FROM unit WHERE text LIKE '%GIL%'"), 3);
}
END_TEST

START_TEST(test_furniture_is_not_a_claim)
{
    ingest("corpus", NULL);
    ck_assert_int_gt(q_int("SELECT count(*) FROM unit WHERE furniture IS NOT NULL"), 20);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN unit u ON u.id = c.unit_id WHERE u.furniture IS NOT NULL"), 0);
    /* read-time lines and "Suggested Blogs" dates are furniture */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit WHERE furniture IS NULL AND "
                           "(text LIKE '% min Read' OR text = 'Read More' OR text GLOB '[0-9][0-9] [A-Z][a-z][a-z] 20[0-9][0-9]')"),
                     0);
    /* a furniture unit's text is still searchable */
    ck_assert_int_gt(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'suggested'"), 0);
}
END_TEST

/* Claims of text sources whose text is not exactly their bytes of the
 * file (none should be). */
static long long claims_not_their_bytes(void)
{
    return q_int("SELECT count(*) FROM claim c JOIN source_text t ON t.source_id = c.source_id "
                 "WHERE CAST(substr(CAST(t.body AS BLOB), c.byte_start + 1, c.byte_end - c.byte_start) AS TEXT) "
                 "!= c.text");
}

START_TEST(test_claim_offsets)
{
    ingest("corpus", NULL);
    /* for text sources a claim's text is exactly its bytes of the file */
    ck_assert_int_eq(claims_not_their_bytes(), 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim_quantity q JOIN claim c ON c.id = q.claim_id "
                           "WHERE q.byte_start < c.byte_start OR q.byte_end > c.byte_end"),
                     0);
}
END_TEST

/* "Python: ... . Handles ...": a leading label names the subject of
 * every sentence of its paragraph, "**Python:** ..." too; a long
 * lead-in does not. */
START_TEST(test_subject_label)
{
    const char *md = "# Notes\n\n"
                     "Python: Widely used for data work. Handles large datasets with ease.\n\n"
                     "Many teams that first tried Python: Some liked it. Others left quickly.\n\n"
                     "**Python:** Popular in research. Rarely the fastest option.\n";
    ingest_md("label.md", md, NULL);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN claim_subject s ON s.claim_id = c.id "
                           "WHERE c.text LIKE 'Handles large datasets%' AND s.subject = 'Python'"),
                     1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN claim_subject s ON s.claim_id = c.id "
                           "WHERE c.text = 'Others left quickly.'"),
                     0);
    /* ... so does one in Markdown emphasis, colon and all */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim c JOIN claim_subject s ON s.claim_id = c.id "
                           "WHERE c.text = 'Rarely the fastest option.' AND s.subject = 'Python'"),
                     1);
    /* the claim exists: the zero above is about its subjects */
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim WHERE text = 'Others left quickly.'"), 1);
}
END_TEST

/* A comment in a code block that is prose and names a subject is a
 * claim of kind "comment", its bytes the comment's without the marker;
 * code, commented-out commands and comments on the code's own steps
 * are none. */
START_TEST(test_code_comments)
{
    const char *md = "# Notes\n\nPython runs scripts.\n\n```python\n"
                     "x = load()  # Python caches this lookup\n"
                     "# Python: no explicit locks needed here\n"
                     "    // Node.js runs this callback on the event loop\n"
                     "-- npx node --inspect app.js\n"
                     "# Store a simple value\n"
                     "/* Python releases the GIL during I/O */\n"
                     "```\n";
    ingest_md("code.md", md, NULL);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim WHERE kind = 'comment'"), 3);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim WHERE kind = 'comment' AND text IN ("
                           "'Python: no explicit locks needed here', "
                           "'Node.js runs this callback on the event loop', "
                           "'Python releases the GIL during I/O')"),
                     3);
    ck_assert_int_eq(claims_not_their_bytes(), 0);
}
END_TEST

/* A sentence with no word outside its markup (an emoji, an image) is
 * no claim; the sentence beside it is one. */
START_TEST(test_no_word_no_claim)
{
    const char *md = "# Notes\n\nPython made me happy. \xf0\x9f\x98\x83\n\n![](https://example.org/a.png)\n\n"
                     "![Python's logo](/p.svg){.wide}\n";
    ingest_md("emoji.md", md, NULL);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim WHERE kind = 'sentence' AND text <> 'Notes'"), 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim WHERE text = 'Python made me happy.'"), 1);
}
END_TEST

/* A line that is only a subject's name labels what follows it until
 * the next heading or label; a sentence naming it, or a line naming
 * two subjects, labels nothing. */
START_TEST(test_subject_line_labels_what_follows)
{
    size_t len;
    char *tax = tu_read_file("tests/fixtures/dbms/taxonomy.tsv", &len);
    const char *md = "# Trade-offs\n\n"
                     "PostgreSQL\n\n"
                     "Pros: rich types and strict standards\n\n"
                     "Cons: heavier to tune\n\n"
                     "MySQL:\n\n"
                     "Pros: simple replication\n\n"
                     "PostgreSQL vs MySQL\n\n"
                     "Cons: fewer extensions\n\n"
                     "# Costs\n\n"
                     "Hosting bills grow with storage.\n\n"
                     "PostgreSQL is older.\n\n"
                     "Backups take an hour.\n";
    ingest_md("lines.md", md, tax);
    free(tax);
    static const struct {
        const char *text, *subject;
    } want[] = {
        {"Pros: rich types and strict standards", "PostgreSQL"},
        {"Cons: heavier to tune", "PostgreSQL"},
        {"Pros: simple replication", "MySQL"},
        {"Cons: fewer extensions", "MySQL"},  /* two names are no label */
        {"Hosting bills grow with storage.", NULL},  /* a heading ends it */
        {"Backups take an hour.", NULL},  /* a sentence is no label */
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        char sql[300];
        snprintf(sql, sizeof sql,
                 "SELECT coalesce(group_concat(s.subject), '') FROM claim c LEFT JOIN claim_subject s "
                 "ON s.claim_id = c.id WHERE c.text = '%s'",
                 want[i].text);
        char *got = tu_q_text(tu_st, sql);
        ck_assert_msg(strcmp(got, want[i].subject ? want[i].subject : "") == 0, "%s: got '%s'", want[i].text,
                      got);
        free(got);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM claim WHERE text = '%s'", want[i].text);
        ck_assert_int_eq(q_int(sql), 1);
    }
}
END_TEST

/* Another domain, another taxonomy, no code change. */
START_TEST(test_second_domain)
{
    size_t len;
    char *tax = tu_read_file("tests/fixtures/dbms/taxonomy.tsv", &len);
    ingest("tests/fixtures/dbms/postgres-vs-mysql.md", tax);
    ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject WHERE subject = 'PostgreSQL'"), 5);
    ck_assert_int_gt(q_int("SELECT count(*) FROM claim_subject WHERE subject = 'MySQL'"), 5);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim_subject WHERE subject IN ('Node.js', 'Python')"), 0);
    ck_assert_int_gt(q_int("SELECT count(DISTINCT dimension) FROM claim_dimension"), 5);
    ck_assert_int_gt(q_int("SELECT count(*) FROM claim_quantity WHERE measure = 'version'"), 0);
    free(tax);
}
END_TEST

/* Every claim with its tags, ids left out, one line each. */
static char *claims_digest(void)
{
    sqlite3_stmt *s;
    const char *sql =
        "SELECT c.source_id, c.unit_id, c.seq, c.kind, c.byte_start, c.byte_end, c.section, c.row_header, "
        "c.col_header, c.text, u.furniture, "
        "(SELECT group_concat(subject || how, ',') FROM claim_subject WHERE claim_id = c.id), "
        "(SELECT group_concat(dimension || score, ',') FROM claim_dimension WHERE claim_id = c.id), "
        "(SELECT group_concat(raw || kind || coalesce(measure, '') || coalesce(low, '') || coalesce(high, ''), ',') "
        " FROM claim_quantity WHERE claim_id = c.id), "
        "(SELECT group_concat(subject || dimension || polarity, ',') FROM claim_stance WHERE claim_id = c.id) "
        "FROM claim c JOIN unit u ON u.id = c.unit_id ORDER BY c.source_id, c.seq";
    ck_assert_int_eq(sqlite3_prepare_v2(store_db(tu_st), sql, -1, &s, NULL), SQLITE_OK);
    buf b = BUF_INIT;
    while (sqlite3_step(s) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(s); i++) {
            const unsigned char *v = sqlite3_column_text(s, i);
            buf_adds(&b, v ? (const char *)v : "NULL");
            buf_addc(&b, '|');
        }
        buf_addc(&b, '\n');
    }
    sqlite3_finalize(s);
    return buf_detach(&b, NULL);
}

/* Claims built in memory by a worker's builder (a clone) while the file
 * is ingested, and built again from the stored units (claims_source, as
 * `kb init --taxonomy` does), are the same claims with the same tags. */
START_TEST(test_build_from_store_is_the_same)
{
    ingest("corpus", NULL);
    char *before = claims_digest();
    ck_assert_uint_gt(strlen(before), 1000);
    claims *cl = NULL, *copy = NULL;
    char *err = NULL;
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, &cl, &err), KB_OK);
    ck_assert_int_eq(claims_clone(cl, &copy, &err), KB_OK);
    long long *ids = NULL;
    size_t n = 0, total = 0;
    ck_assert_int_eq(store_begin(tu_st, &err), KB_OK);
    ck_assert_int_eq(store_source_ids(tu_st, &ids, &n, &err), KB_OK);
    ck_assert_uint_eq(n, 5);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        ck_assert_int_eq(claims_source(copy, tu_st, ids[i], &k, &err), KB_OK);
        total += k;
    }
    ck_assert_int_eq(store_commit(tu_st, &err), KB_OK);
    ck_assert_int_eq(q_int("SELECT count(*) FROM claim"), (long long)total);
    char *after = claims_digest();
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
    free(ids);
    claims_free(copy);
    claims_free(cl);
}
END_TEST

/* Units of one kind over static texts (u has room for n). */
static void units_of(store_unit *u, const char *kind, const char *const *texts, size_t n)
{
    memset(u, 0, n * sizeof *u);
    for (size_t i = 0; i < n; i++) {
        u[i].kind = kind;
        u[i].text = texts[i];
        u[i].text_len = strlen(texts[i]);
    }
}

/* The claims of units u[0..n) under the default taxonomy; *cl is the
 * builder (both freed by the caller). */
static claims_set *built(claims **cl, const store_unit *u, size_t n)
{
    claims_set *set = NULL;
    char *err = NULL;
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, cl, &err), KB_OK);
    ck_assert_int_eq(claims_build(*cl, u, n, &set, &err), KB_OK);
    return set;
}

/* A table wider than any fixed row: every cell is a claim, and the last
 * has its column's header and subject. */
START_TEST(test_wide_table)
{
    buf head = BUF_INIT, row = BUF_INIT;
    buf_adds(&head, "Feature");
    buf_adds(&row, "Speed");
    for (int k = 1; k < 40; k++) {
        buf_printf(&head, " | c%d", k);
        buf_printf(&row, " | x%d", k);
    }
    buf_adds(&head, " | Python");
    buf_adds(&row, " | fast");
    store_unit u[2];
    memset(u, 0, sizeof u);
    u[0].kind = u[1].kind = "row";
    u[0].text = head.data;
    u[0].text_len = head.len;
    u[1].text = row.data;
    u[1].text_len = row.len;
    claims *cl = NULL;
    claims_set *set = built(&cl, u, 2);
    ck_assert_uint_eq(claims_set_count(set), 40);
    claims_view v;
    claims_set_view(set, 39, &v);
    ck_assert_str_eq(v.col_header, "Python");
    ck_assert_str_eq(v.row_header, "Speed");
    ck_assert_uint_ge(v.nsubj, 1);
    ck_assert_str_eq(tax_subject(claims_taxonomy(cl), (size_t)v.subj[0].subject), "Python");
    ck_assert_int_eq(v.subj[0].how, TAG_COLUMN);
    claims_set_free(set);
    claims_free(cl);
    buf_free(&head);
    buf_free(&row);
}
END_TEST

/* An HTML table in Markdown: its cells are claims with their column's
 * header and subject and their row's label, as a pipe table's are. */
START_TEST(test_html_table_cells)
{
    static const char *const rows[] = {"<tr>\n <th>Feature</th>\n <th>Python</th>\n <th>Node.js</th>\n</tr>",
                                       "<tr><td>Startup time</td><td>slow</td><td><b>fast</b></td></tr>"};
    store_unit u[2];
    units_of(u, "row", rows, 2);
    claims *cl = NULL;
    claims_set *set = built(&cl, u, 2);
    ck_assert_uint_eq(claims_set_count(set), 2);
    const char *col[] = {"Python", "Node.js"}, *text[] = {"slow", "<b>fast</b>"};
    for (size_t i = 0; i < 2; i++) {
        claims_view v;
        claims_set_view(set, i, &v);
        ck_assert_str_eq(v.col_header, col[i]);
        ck_assert_str_eq(v.row_header, "Startup time");
        ck_assert_uint_eq(v.end - v.start, strlen(text[i]));
        ck_assert(memcmp(rows[1] + v.start, text[i], strlen(text[i])) == 0);
        ck_assert_uint_ge(v.nsubj, 1);
        ck_assert_str_eq(tax_subject(claims_taxonomy(cl), (size_t)v.subj[0].subject), col[i]);
    }
    claims_set_free(set);
    claims_free(cl);
}
END_TEST

/* A section row ("| **Runtime** |||") inside a table keeps its header:
 * the cells after it still have their columns' headers and subjects. */
START_TEST(test_table_section_row)
{
    static const char *const rows[] = {"| Feature | Python | Node.js |", "| **Runtime** |||",
                                       "| Startup | slow | fast |"};
    store_unit u[3];
    units_of(u, "row", rows, 3);
    claims *cl = NULL;
    claims_set *set = built(&cl, u, 3);
    ck_assert_uint_eq(claims_set_count(set), 2);
    claims_view v;
    claims_set_view(set, 1, &v);
    ck_assert_str_eq(v.col_header, "Node.js");
    ck_assert_str_eq(v.row_header, "Startup");
    claims_set_free(set);
    claims_free(cl);
}
END_TEST

/* A heading that states a claim is one ("Python's tooling is
 * excellent"); a label, a question or a heading that judges nothing is
 * not. */
START_TEST(test_heading_claims)
{
    static const struct {
        const char *text;
        int claim;
    } h[] = {
        {"Python's tooling is excellent", 1},
        {"Node.js has a steep learning curve", 1},
        {"Advantages of Node.js", 0},
        {"Where Python Excels", 0},
        {"Is Python slow?", 0},
        {"Python is a language", 0},
        {"Node.js (Full Support)", 0},
    };
    size_t n = sizeof h / sizeof *h;
    const char *texts[8];
    for (size_t i = 0; i < n; i++) texts[i] = h[i].text;
    store_unit u[8];
    units_of(u, "heading", texts, n);
    claims *cl = NULL;
    claims_set *set = built(&cl, u, n);
    size_t want = 0;
    for (size_t i = 0; i < n; i++) want += (size_t)h[i].claim;
    ck_assert_uint_eq(claims_set_count(set), want);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!h[i].claim) continue;
        claims_view v;
        claims_set_view(set, k++, &v);
        ck_assert_uint_eq(v.unit, i);
        ck_assert_uint_eq(v.end - v.start, strlen(h[i].text));
    }
    claims_set_free(set);
    claims_free(cl);
}
END_TEST

/* A row whose cells grade the two columns' subjects ranks them: the
 * cells' propositions compare each with the other. */
START_TEST(test_table_row_ranks)
{
    static const char *const rows[] = {"| Feature | Python | Node.js |", "| Learning curve | Easy | Moderate |",
                                       "| Hosting | Cheap | Cheap |"};
    store_unit u[3];
    units_of(u, "row", rows, 3);
    claims *cl = NULL;
    claims_set *set = NULL;
    prop_lex *lex = NULL;
    char *err = NULL;
    ck_assert_int_eq(claims_new(NULL, NULL, NULL, &cl, &err), KB_OK);
    ck_assert_int_eq(prop_lex_load(embed_reconcile, strlen(embed_reconcile), &lex, &err), KB_OK);
    prop_keys *keys = prop_keys_new();
    claims_props(cl, lex, NULL, keys);
    ck_assert_int_eq(claims_build(cl, u, 3, &set, &err), KB_OK);
    ck_assert_uint_eq(claims_set_count(set), 4);
    const taxonomy *tax = claims_taxonomy(cl);
    int python = tax_find_subject(tax, "Python"), node = tax_find_subject(tax, "Node.js");
    for (size_t i = 0; i < 4; i++) {
        claims_view v;
        claims_set_view(set, i, &v);
        ck_assert_uint_ge(v.nprops, 1);
        const prop *p = &v.props[0];
        if (i < 2) { /* Easy above Moderate */
            ck_assert_int_eq(p->subject, i == 0 ? python : node);
            ck_assert_int_eq(p->ranks, i == 0 ? node : python);
            ck_assert_int_eq(p->polarity, i == 0 ? 1 : -1);
        } else { /* equal grades rank nothing */
            ck_assert_int_eq(p->ranks, -1);
        }
    }
    claims_set_free(set);
    claims_free(cl);
    prop_keys_free(keys);
    prop_lex_free(lex);
}
END_TEST

static Suite *claims_suite(void)
{
    Suite *s = suite_create("claims");
    TCase *tc = tcase_create("claims");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, tu_store_setup, tu_store_teardown);
    tcase_add_test(tc, test_table_cells);
    tcase_add_test(tc, test_build_from_store_is_the_same);
    tcase_add_test(tc, test_gil_statements);
    tcase_add_test(tc, test_furniture_is_not_a_claim);
    tcase_add_test(tc, test_claim_offsets);
    tcase_add_test(tc, test_code_comments);
    tcase_add_test(tc, test_no_word_no_claim);
    tcase_add_test(tc, test_subject_label);
    tcase_add_test(tc, test_subject_line_labels_what_follows);
    tcase_add_test(tc, test_second_domain);
    tcase_add_test(tc, test_wide_table);
    tcase_add_test(tc, test_html_table_cells);
    tcase_add_test(tc, test_heading_claims);
    tcase_add_test(tc, test_table_section_row);
    tcase_add_test(tc, test_table_row_ranks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(claims_suite());
}
