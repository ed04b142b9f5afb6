/*
 * check_export_md.c - `kb export --format md`, the analyst's brief
 * (export_md.c): every citation of the corpus quotes its file's bytes
 * and links to its source, a dispute's sides are labelled with their
 * positions and sources, and the disputes come at a glance before the
 * sections.
 *
 * Runs the freshly built binary ($KB, set by `make check`).
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tuexport.h"

/* Undo export_md_text: a backslash escapes the next byte. */
static char *md_unescape(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) i++;
        o[k++] = s[i];
    }
    o[k] = '\0';
    return o;
}

START_TEST(test_md_citations_match_files)
{
    ingest("corpus");
    char *md = EXPORT("--format", "md");
    ck_assert_ptr_nonnull(strstr(md, "\n## Sources\n"));
    ck_assert_ptr_nonnull(strstr(md, "### Agreed"));
    ck_assert_ptr_nonnull(strstr(md, "### Disputed"));
    ck_assert_ptr_nonnull(strstr(md, "### Figures"));
    /* the source list: number -> path */
    char *paths[16] = {NULL};
    for (const char *p = strstr(md, "<a id=\"src-"); p; p = strstr(p + 1, "<a id=\"src-")) {
        int n = atoi(p + 11);
        ck_assert(n >= 1 && n < 16);
        const char *f = strstr(p, "File: `");
        ck_assert_ptr_nonnull(f);
        const char *e = strchr(f + 7, '`');
        paths[n] = strndup(f + 7, (size_t)(e - f - 7));
    }
    size_t checked = 0;
    const char *open = "\xe2\x80\x9c", *close = "\xe2\x80\x9d [[";
    for (const char *line = md; *line;) {
        const char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        char *l = strndup(line, len);
        /* a quote line: - [(gist) ]“text” [[n: start–end]](#src-n) */
        char *q = strncmp(l, "- ", 2) == 0 ? strstr(l, open) : NULL;
        char *c = q ? strstr(l, close) : NULL;
        if (q && c) {
            int n;
            long long start, end;
            char dash[4] = {0}, anchor[32];
            ck_assert_msg(sscanf(c + 6, "%d: %lld%3c%lld]](#%31[^)])", &n, &start, dash, &end, anchor) == 5,
                          "bad citation: %s", c);
            ck_assert_str_eq(dash, "\xe2\x80\x93");
            char want_anchor[32];
            snprintf(want_anchor, sizeof want_anchor, "src-%d", n);
            ck_assert_str_eq(anchor, want_anchor);
            ck_assert_ptr_nonnull(paths[n]);
            char *quoted = md_unescape(q + 3, (size_t)(c - q - 3));
            char *bytes = file_bytes(paths[n], start, end);
            for (char *b = bytes; *b; b++)
                if (*b == '\n' || *b == '\r' || *b == '\t') *b = ' ';
            ck_assert_msg(strcmp(quoted, bytes) == 0, "[%d: %lld-%lld]\n quoted: %s\n file:   %s", n, start, end,
                          quoted, bytes);
            free(quoted);
            free(bytes);
            checked++;
        }
        free(l);
        line += len + (eol ? 1 : 0);
    }
    ck_assert_uint_gt(checked, 50);
    for (int i = 0; i < 16; i++) free(paths[i]);
    /* a dispute's side is labelled with its position and sources,
     * quotes one claim per source and counts the rest */
    ck_assert_ptr_nonnull(strstr(md, "Side a (no, without qualification: 1 source)"));
    ck_assert_ptr_nonnull(strstr(md, "more claims on this side (all in `--format json` or `csv`)"));
    /* the disputes at a glance, before the sections, each linked */
    const char *glance = strstr(md, "**Where the sources disagree:**");
    ck_assert_ptr_nonnull(glance);
    ck_assert(glance < strstr(md, "\n## "));
    const char *pypi = strstr(md, "What is Python's package count? \xe2\x80\x94 compatible (800,000+: 1 source; 450,000+: 1 source)");
    ck_assert_ptr_nonnull(pypi);
    ck_assert(pypi < strstr(md, "\n## "));
    free(md);
}
END_TEST

static Suite *export_md_suite(void)
{
    Suite *s = suite_create("export_md");
    TCase *tc = tcase_create("kb export");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_md_citations_match_files);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(export_md_suite());
}
