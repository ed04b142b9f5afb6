/*
 * check_prop_table.c - what a comparison table says (prop_table.c), over
 * tables with columns Kestrel and Wren (tuprop.h): a cell answers its
 * row (the row label's words are its aspects; a cell of marks, or an
 * icon's class, answers as "Yes" or "No"; "Partial", "Via plugin" and
 * "Planned" answer too), and a row whose cells grade
 * the two on one scale (levels, ratings, stars) ranks them; rows that
 * rank nothing.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "prop.h"
#include "taxonomy.h"
#include "testutil.h"
#include "tuprop.h"

START_TEST(test_table_cells)
{
    /* a cell answers its row: the row label's words are its aspects */
    char *a = props_of_cell("Yes (since 2.1)", NULL, "Kestrel", "[Hot reload](https://kestrel.example/docs/reload)");
    ck_assert_msg(strstr(a, "ST Kestrel pol=1 plain") && strstr(a, "hot*") && strstr(a, "reload*"), "%s", a);
    ck_assert_msg(!strstr(a, "docs") && !strstr(a, "exampl") && !strstr(a, "http"), "%s", a);
    char *b = props_of_cell("No", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(b, "ST Wren pol=-1 absolute") && strstr(b, "reload*"), "%s", b);
    /* "yes" is an answer only where a cell opens with it */
    char *c = props_of("Yes, Wren ships a debugger.", NULL, NULL);
    char *d = props_of_cell("Supported", NULL, "Wren", "Plugin API");
    ck_assert_msg(strstr(d, "ST Wren pol=1") && strstr(d, "#integrations*") && strstr(d, "api*"), "%s", d);
    char *f = props_of("Wren ships a debugger.", NULL, NULL);
    ck_assert_str_eq(c, f);
    /* a cell of marks, which are no words, answers as "Yes" or "No" */
    char *h = props_of_cell("\xe2\x9c\x85", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(h, "ST Kestrel pol=1 plain") && strstr(h, "reload*"), "%s", h);
    char *i = props_of_cell(" **\xe2\x9d\x8c** ", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(i, "ST Wren pol=-1 absolute") && strstr(i, "reload*"), "%s", i);
    char *j = props_of_cell("None", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(j, "ST Wren pol=-1 absolute") && strstr(j, "reload*"), "%s", j);
    /* ... also before words, and only where a cell opens with one */
    char *k = props_of_cell("\xe2\x9c\x85 with the kpm plugin", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(k, "ST Kestrel pol=1") && strstr(k, "reload*"), "%s", k);
    char *l = props_of("Wren ships a debugger \xe2\x9c\x85.", NULL, NULL);
    ck_assert_str_eq(l, f);
    char *o = props_of_cell("Wren", NULL, "Kestrel", "Unsupported on");
    ck_assert_msg(!strstr(o, "pol=-1"), "%s", o);
    /* an icon's class answers as a mark does, past a library prefix */
    char *ic = props_of_cell("<i class=\"fa-solid fa-square-check green\"></i>", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(ic, "ST Kestrel pol=1") && strstr(ic, "reload*"), "%s", ic);
    char *ix = props_of_cell("<span class='bi bi-x-circle'></span>", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(ix, "ST Wren pol=-1") && strstr(ix, "reload*"), "%s", ix);
    char *iy = props_of_cell("<i class=\"fa-solid fa-flask\"></i>", NULL, "Wren", "Hot reload");
    ck_assert_msg(!strstr(iy, "pol=1") && !strstr(iy, "pol=-1"), "%s", iy);
    char *iz = props_of_cell("<i class=\"checkbox-large\"></i>", NULL, "Wren", "Hot reload");
    ck_assert_msg(!strstr(iz, "pol=1") && !strstr(iz, "pol=-1"), "%s", iz);
    /* a kind in a row label is what the row asks about */
    char *kc = props_of_cell("\xe2\x9c\x85", NULL, "Kestrel", "Compiler");
    ck_assert_msg(strstr(kc, "ST Kestrel pol=1") && strstr(kc, "compil"), "%s", kc);
    free(kc);
    /* so does an emoji shortcode, whose name is no aspect */
    char *sy = props_of_cell(":white_check_mark:", NULL, "Kestrel", "Hot reload");
    ck_assert_msg(strstr(sy, "ST Kestrel pol=1") && strstr(sy, "reload*") && !strstr(sy, "check"), "%s", sy);
    char *sn = props_of_cell(" :x: ", NULL, "Wren", "Hot reload");
    ck_assert_msg(strstr(sn, "ST Wren pol=-1") && strstr(sn, "reload*"), "%s", sn);
    char *so = props_of_cell(":rocket:", NULL, "Wren", "Hot reload");
    ck_assert_msg(!strstr(so, "pol=1") && !strstr(so, "pol=-1") && !strstr(so, "rocket"), "%s", so);
    free(sy);
    free(sn);
    free(so);
    free(ic);
    free(ix);
    free(iy);
    free(iz);
    /* a cell opening with a partial word or a means answers yes,
     * qualified; one saying "Planned" no */
    char *pa = props_of_cell("Partial", NULL, "Wren", "Safari support");
    ck_assert_msg(strstr(pa, "ST Wren pol=1 qualified") && strstr(pa, "safari*"), "%s", pa);
    char *pb = props_of_cell("Via plugin", NULL, "Wren", "Safari support");
    ck_assert_msg(strstr(pb, "ST Wren pol=1 qualified"), "%s", pb);
    char *pc = props_of_cell("Planned", NULL, "Wren", "Safari support");
    ck_assert_msg(strstr(pc, "ST Wren pol=-1"), "%s", pc);
    /* a denial under an evaluative label denies it: not the label's praise */
    char *pe = props_of_cell("None", NULL, "Wren", "Safari support");
    ck_assert_msg(strstr(pe, "ST Wren pol=-1"), "%s", pe);
    free(pe);
    char *pd = props_of("Wren has planned a debugger.", NULL, NULL);
    ck_assert_msg(!strstr(pd, "pol=-1"), "%s", pd);
    free(pa);
    free(pb);
    free(pc);
    free(pd);
    /* "none of" is still said of every case */
    char *q = props_of("None of Wren's plugins are fast.", NULL, NULL);
    ck_assert_msg(strstr(q, "absolute"), "%s", q);
    free(q);
    free(h);
    free(i);
    free(j);
    free(k);
    free(l);
    free(o);
    /* a claim's links are no part of what it says */
    char *g = props_of("Wren lacks a [package manager](https://wren.example/docs/kestrel-pkg).", NULL, NULL);
    ck_assert_msg(strstr(g, "$packag manag") && !strstr(g, "docs") && !strstr(g, "Kestrel"), "%s", g);
    free(a);
    free(b);
    free(c);
    free(d);
    free(f);
    free(g);
}
END_TEST

/* The row "label | a | b" of a table with columns Kestrel and Wren (a
 * third cell c, when not NULL, is Kestrel's again): every cell's
 * propositions after the row is read, a line each (props_str). */
static char *row_of(const char *label, const char *a, const char *b, const char *c)
{
    const char *text[3] = {a, b, c}, *col[3] = {"Kestrel", "Wren", "Kestrel"};
    prop ps[3][32];
    prop_cell cells[3];
    size_t n = c ? 3 : 2;
    for (size_t i = 0; i < n; i++) {
        size_t np = extract(text[i], NULL, col[i], label, ps[i]);
        cells[i] = (prop_cell){text[i], strlen(text[i]), tax_find_subject(e.tax, col[i]), ps[i], np};
    }
    prop_ctx ctx = {e.lex, e.tax, e.slex, e.words, NULL, e.keys};
    prop_table_row(&ctx, label, cells, n);
    buf out = BUF_INIT;
    for (size_t i = 0; i < n; i++) props_str(&out, cells[i].props, cells[i].nprops, cells[i].len);
    return buf_detach(&out, NULL);
}

START_TEST(test_table_rows)
{
    static const struct {
        const char *label, *a, *b, *c;
        const char *want; /* substrings, "|"-separated; "" ranks nothing */
    } rows[] = {
        /* levels, "very" a step further */
        {"Performance", "High", "Very High", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#speed"},
        /* less is better: the row names a cost */
        {"Memory usage", "High", "Low", NULL, "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel"},
        /* ... or judges badly */
        {"Complexity", "Low", "High", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel"},
        /* a middle level is a judgement's zero */
        {"Learning curve", "Moderate", "Easy", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#learning"},
        {"Tooling", "Very good", "Good", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel"},
        /* a low or high level next to a judgement is one, as the row
         * reads; a grade's reason in brackets is left out */
        {"Learning curve", "Low (YAML-based, Kestrel-native)", "Steep", NULL,
         "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel"},
        /* ratings and stars */
        {"Community", "4/5", "3 / 5", NULL, "ST Kestrel pol=1 plain ranks=Wren|ST Wren pol=-1 plain ranks=Kestrel|ranked=#community"},
        {"Community", "7.5/10", "**8/10**", NULL, "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel"},
        {"Docs", "\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86\xe2\x98\x86\xe2\x98\x86",
         "\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x86", NULL,
         "ST Kestrel pol=-1 plain ranks=Wren|ST Wren pol=1 plain ranks=Kestrel|ranked=#documentation"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = row_of(rows[i].label, rows[i].a, rows[i].b, rows[i].c);
        char want[256];
        snprintf(want, sizeof want, "%s", rows[i].want);
        for (char *w = strtok(want, "|"); w; w = strtok(NULL, "|"))
            ck_assert_msg(strstr(got, w), "%s | %s | %s: no \"%s\" in\n%s", rows[i].label, rows[i].a, rows[i].b, w, got);
        free(got);
    }
    /* rows that rank nothing: equal grades (a level and a judgement of
     * one sign too), a cell longer than a grade, a rating out of range,
     * three columns */
    static const char *const none[][4] = {
        {"Speed", "Fast", "Fast", NULL},
        {"Speed", "High", "Good", NULL},
        {"Speed", "High", "High under light load with the wren vm", NULL},
        {"Community", "7/5", "3/5", NULL},
        {"Community", "2024/05", "3/5", NULL},
        {"Released", "10/12", "03/10", NULL},
        {"Performance", "High", "Low", "Moderate"},
        {"Hot reload", "Built-in", "None", NULL},
        {"Hot reload", "Yes", "No", NULL},
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        char *got = row_of(none[i][0], none[i][1], none[i][2], none[i][3]);
        ck_assert_msg(!strstr(got, "ranks="), "%s | %s | %s ranks:\n%s", none[i][0], none[i][1],
                      none[i][2], got);
        free(got);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("prop_table");
    TCase *tc = tcase_create("prop_table");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_table_cells);
    tcase_add_test(tc, test_table_rows);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
