/*
 * check_ingest_build.c - one file built for the store (ingest_build.c):
 * its format from its name or its bytes, the size limits (the general
 * one, and an HTML page's own), a block longer than a unit cut in
 * pieces, headings too long to copy into every block below them, and a
 * page the HTML parser cannot read to its end.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "ingest.h"
#include "testutil.h"
#include "tuingest.h"

START_TEST(test_formats_and_limits)
{
    char html[600], noext[600], other[600], big[600];
    path_in(html, sizeof html, "page.htm");
    path_in(noext, sizeof noext, "saved-page");
    path_in(other, sizeof other, "data.csv");
    path_in(big, sizeof big, "big.txt");
    const char *page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello "
                       "world.</p></body></html>";
    tu_write_file(html, page, strlen(page));
    tu_write_file(noext, page, strlen(page) - 1); /* other bytes: not a duplicate */
    tu_write_file(other, "a,b\n", 4);
    /* a folder walk skips unknown formats; a named file is sniffed */
    const char *p[] = {dir};
    ingest_stats s = run(p, 1, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_uint_eq(s.skipped, 2);
    const char *q[] = {noext};
    s = run(q, 1, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE format = 'html'"), 2);
    /* the size limit */
    tu_write_file(big, "0123456789", 10);
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    o.max_size = 5;
    ingest_events ev = {on_fail, NULL, NULL, NULL};
    char *err = NULL;
    const char *r[] = {big};
    ck_assert_int_eq(ingest_run(st, (char *const *)r, 1, &o, &ev, &s, &err), KB_OK);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_msg(strstr(fails, "too large"), "%s", fails);
}
END_TEST

static void write_repeated(const char *path, const char *head, const char *pattern, size_t n, const char *tail);

/* An HTML page has a limit of its own (its parse tree is ~50x the
 * page), under the general one: refused, the rest of the batch stored. */
START_TEST(test_html_size_limit)
{
    char page[600], ok[600];
    path_in(page, sizeof page, "huge.html");
    path_in(ok, sizeof ok, "ok.txt");
    write_repeated(page, "<html><body>", "<p>x</p>", INGEST_MAX_HTML + 1, "</body></html>");
    tu_write_file(ok, "A good article about the GIL.\n", 30);
    const char *p[] = {page, ok};
    ingest_stats s = run(p, 2, 0);
    ck_assert_uint_eq(s.failed, 1);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_msg(strstr(fails, "huge.html: HTML page is too large (") && strstr(fails, "up to 16 MiB)"), "%s",
                  fails);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%huge.html'"), 0);
}
END_TEST

/* Write n bytes made of pattern repeated (cut at the end) to path. */
static void write_repeated(const char *path, const char *head, const char *pattern, size_t n, const char *tail)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(head, f);
    size_t pl = strlen(pattern);
    for (size_t i = 0; i < n; i += pl) fwrite(pattern, 1, n - i < pl ? n - i : pl, f);
    fputs(tail, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* A block longer than 64 KiB (a file that is one line) is stored as
 * several units, each at most 64 KiB, cut after a sentence when there is
 * one, else between characters; together they cover the block. */
START_TEST(test_long_block_split)
{
    char p1[600], p2[600];
    path_in(p1, sizeof p1, "one-line.txt");
    path_in(p2, sizeof p2, "one-word.txt");
    write_repeated(p1, "", "Python is fast. ", 200000, "\n");
    write_repeated(p2, "", "\xc3\xa9", 150000, "\n");   /* é without a space */
    const char *p[] = {p1, p2};
    ingest_stats s = run(p, 2, 0);
    ck_assert_msg(fails[0] == '\0', "%s", fails);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_int_eq(q_int("SELECT max(byte_end - byte_start) <= 65536 FROM unit"), 1);
    ck_assert_int_ge(q_int("SELECT count(*) FROM unit u JOIN source s ON s.id = u.source_id "
                           "WHERE s.path LIKE '%one-line.txt'"), 4);
    /* in order, each unit exactly its bytes of the file */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit u JOIN source_text t ON t.source_id = u.source_id "
                           "WHERE CAST(substr(CAST(t.body AS BLOB), u.byte_start + 1, u.byte_end - u.byte_start) AS TEXT) != u.text"),
                     0);
    /* sentences are not cut: each piece of the line ends a sentence and
     * the next starts after the one space */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit a JOIN unit b ON b.source_id = a.source_id AND b.seq = a.seq + 1 "
                           "JOIN source s ON s.id = a.source_id WHERE s.path LIKE '%one-line.txt' "
                           "AND (b.byte_start != a.byte_end + 1 OR substr(a.text, -1) != '.')"),
                     0);
    /* without a space, cut between characters: the pieces join up */
    ck_assert_int_eq(q_int("SELECT sum(byte_end - byte_start) = 150000 AND min(byte_start) = 0 "
                           "AND sum(length(text)) = 75000 FROM unit u JOIN source s ON s.id = u.source_id "
                           "WHERE s.path LIKE '%one-word.txt'"), 1);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit a JOIN unit b ON b.source_id = a.source_id AND b.seq = a.seq + 1 "
                           "WHERE b.byte_start != a.byte_end AND a.text NOT LIKE '%.'"), 0);
    ck_assert_uint_eq(s.units, (size_t)q_int("SELECT count(*) FROM unit"));
    /* the index covers every piece */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit_fts WHERE unit_fts MATCH 'python'"),
                     q_int("SELECT count(*) FROM unit u JOIN source s ON s.id = u.source_id WHERE s.path LIKE '%one-line.txt'"));
}
END_TEST

/* Every block below a heading carries a copy of the heading path, in
 * memory and in the database.  A "heading" over 256 bytes is read as a
 * paragraph, and a file whose paths would take over 8 times its size is
 * refused: before, 115 KB (one 100 KB heading above 5,000 lines) made a
 * 1 GB database. */
START_TEST(test_long_headings)
{
    char md[600], html[600], many_md[600], many_html[600];
    path_in(md, sizeof md, "long-heading.md");
    path_in(html, sizeof html, "long-heading.html");
    path_in(many_md, sizeof many_md, "many.md");
    path_in(many_html, sizeof many_html, "many.html");
    buf head = BUF_INIT;
    buf_adds(&head, "# ");
    for (int i = 0; i < 100000; i++) buf_addc(&head, 'a');
    buf_adds(&head, "\n\n");
    write_repeated(md, head.data, "Python.\n\n", 5000 * 9, "");
    buf_reset(&head);
    buf_adds(&head, "<html><body><h1>");
    for (int i = 0; i < 100000; i++) buf_addc(&head, 'a');
    buf_adds(&head, "</h1>");
    write_repeated(html, head.data, "<p>Python.</p>", 5000 * 14, "</body></html>");
    /* six headings under the cap, above 200,000 one-word blocks */
    buf_reset(&head);
    for (int level = 1; level <= 6; level++) {
        for (int i = 0; i < level; i++) buf_addc(&head, '#');
        buf_addc(&head, ' ');
        for (int i = 0; i < 250; i++) buf_addc(&head, 'h');
        buf_adds(&head, "\n\n");
    }
    write_repeated(many_md, head.data, "x\n\n", 200000 * 3, "");
    buf_reset(&head);
    buf_adds(&head, "<html><body>");
    for (int level = 1; level <= 6; level++) {
        buf_printf(&head, "<h%d>", level);
        for (int i = 0; i < 250; i++) buf_addc(&head, 'h');
        buf_printf(&head, "</h%d>", level);
    }
    write_repeated(many_html, head.data, "<p>x</p>", 200000 * 8, "</body></html>");
    buf_free(&head);

    const char *p[] = {md, html, many_md, many_html};
    ingest_stats s = run(p, 4, 0);
    ck_assert_uint_eq(s.added, 2);
    ck_assert_uint_eq(s.failed, 2);
    ck_assert_msg(strstr(fails, "many.md: too many blocks under long headings (their section paths would take "
                                "over 8 times the size of the file)\n"), "%s", fails);
    ck_assert_msg(strstr(fails, "many.html: too many blocks under long headings"), "%s", fails);
    /* the long headings are paragraphs and name no section */
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit WHERE kind = 'heading' OR section IS NOT NULL"), 0);
    ck_assert_int_eq(q_int("SELECT count(*) FROM unit WHERE seq = 0 AND kind = 'paragraph' "
                           "AND text GLOB 'aaaa*'"), 2);
    ck_assert_int_eq(q_int("SELECT sum(length(text)) FROM unit WHERE text GLOB 'aaaa*'"), 200000);
    ck_assert_int_lt(q_int("PRAGMA page_count") * q_int("PRAGMA page_size"), 8 << 20);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source WHERE path LIKE '%many%'"), 0);
}
END_TEST

/* libxml2 stops reading a page nested deeper than 256 levels, or with
 * over 10,000,000 bytes of text in one node; ingest refuses such a page
 * rather than store the part before, and says why. */
START_TEST(test_html_cut_short)
{
    char deep[600], big[600], ok[600];
    path_in(deep, sizeof deep, "deep.html");
    path_in(big, sizeof big, "big-text.html");
    path_in(ok, sizeof ok, "ok.html");
    buf b = BUF_INIT;
    buf_adds(&b, "<html><body><p>Python first.</p>");
    for (int i = 0; i < 300; i++) buf_adds(&b, "<b>");
    buf_adds(&b, "inner</body></html>");
    tu_write_file(deep, b.data, b.len);
    buf_free(&b);
    write_repeated(big, "<html><body><p>", "Python is a language. ", 10000001, "</p></body></html>");
    const char *page = "<html><body><h1>Fine</h1><p>Node.js is fine.</p></body></html>";
    tu_write_file(ok, page, strlen(page));
    const char *p[] = {deep, big, ok};
    ingest_stats s = run(p, 3, 0);
    ck_assert_uint_eq(s.added, 1);
    ck_assert_uint_eq(s.failed, 2);
    ck_assert_msg(strstr(fails, "deep.html: elements nested deeper than 256 levels (line 1); the HTML parser "
                                "cannot read past that\n"), "%s", fails);
    ck_assert_msg(strstr(fails, "big-text.html: over 10000000 bytes of text without markup (line 1); the HTML "
                                "parser cannot read past that\n"), "%s", fails);
    ck_assert_int_eq(q_int("SELECT count(*) FROM source"), 1);
}
END_TEST

static Suite *ingest_build_suite(void)
{
    Suite *s = suite_create("ingest_build");
    TCase *tc = tcase_create("ingest_build");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_formats_and_limits);
    tcase_add_test(tc, test_html_size_limit);
    tcase_add_test(tc, test_long_block_split);
    tcase_add_test(tc, test_long_headings);
    tcase_add_test(tc, test_html_cut_short);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(ingest_build_suite());
}
