/*
 * check_tag_qty.c - whose figure a quantity is (tag_qty.c), table-driven
 * over invented sentences about two invented subjects: an elided unit,
 * a figure said of both, one "for Y", a rate against a count, a
 * percentage of difference, a comparison's base, release years near
 * their words, a subject after "of", a year of what the subject did
 * rather than of the subject, a count that sizes an example's instance;
 * the default taxonomy's words of a release.
 */
#include "tutag.h"

static const char *const db_tax =
    "subject\tAlpha\talpha\n"
    "subject\tBeta\tbeta\n"
    "dimension\tconcurrency\tconnections\n"
    "dimension\thistory\tyears old\n"
    "measure\tconnections\tconnection, connections\n"
    "measure\trequests_per_second\trequests per second\n"
    "measure\trequests\trequest, requests\n"
    "measure\tduration\t@duration\n"
    "measure\trelease_year\treleased, release, created, introduced, launched, since, @year\n"
    "measure\tyear\t@year\n"
    "measure\tpercent\t@percent\n";

typedef struct qty_case {
    const char *text, *section;
    const char *want; /* "measure@subject" joined by ';' in order, "-" for no subject */
} qty_case;

static const qty_case qty_cases[] = {
    /* an elided unit: the bare count after a counted one counts the same */
    {"Alpha allows 100 connections and Beta allows 151.", NULL, "connections@Alpha;connections@Beta"},
    /* a bare number with nothing counted before it is not recorded */
    {"Beta allows 151 and Alpha is fine.", NULL, ""},
    /* a figure said of both subjects, none named, holds for each */
    {"Both projects are now nearly 30 years old.", "Alpha vs Beta", "duration@Alpha;duration@Beta"},
    /* ... but one subject named takes it alone */
    {"Alpha is nearly 30 years old.", "Alpha vs Beta", "duration@Alpha"},
    /* a rate is the measure the taxonomy writes in long hand, not a
     * count of the thing it rates */
    {"Alpha serves 500 requests/sec.", NULL, "requests_per_second@Alpha"},
    {"Beta serves 20K requests per second and logs 300 requests.", NULL,
     "requests_per_second@Beta;requests@Beta"},
    /* a rate naming no thing counted is the taxonomy's one rate of
     * things per that time */
    {"Alpha peaks at 100k/sec+ under load.", NULL, "requests_per_second@Alpha"},
    {"Beta logs 5k/min.", NULL, ""},
    {"Beta peaks at 9k per second.", NULL, "requests_per_second@Beta"},
    /* a comparison's base a comma parts from the figure does not own it */
    {"Alpha is slower than Beta, serving 500 requests/sec.", NULL, "requests_per_second@Alpha"},
    /* ... one right before it does ("than Beta's 900") */
    {"Alpha serves fewer requests/sec than Beta's 900 requests/sec.", NULL, "requests_per_second@Beta"},
    /* a count right after "a" sizes one instance in an example, not
     * the subject; a copula puts it back on the subject */
    {"For example, a 3-connection Alpha pool survives one failure.", NULL, "connections@-"},
    {"A 3 connection Alpha setup needs 5 connections for Beta.", NULL, "connections@-;connections@Beta"},
    {"Alpha is a 500-connection pool.", NULL, "connections@Alpha"},
    {"Alpha allows a million connections.", NULL, "connections@Alpha"},
    /* a figure right before "for Y" is Y's */
    {"Alpha allows 100 connections versus 151 for Beta.", NULL, "connections@Alpha;connections@Beta"},
    {"Alpha allows 100 connections for most workloads.", NULL, "connections@Alpha"},
    /* ... not past another figure */
    {"Alpha is older (created in 2014 vs. 2018 for Beta).", NULL, "release_year@Alpha;release_year@Beta"},
    /* a percentage of difference ("30% faster") is no share */
    {"Alpha is 30% faster than Beta.", NULL, ""},
    {"Over 40% of teams use Alpha.", NULL, "percent@Alpha"},
    /* a year is a release year only near the words that say so */
    {"Alpha was released in 2011.", NULL, "release_year@Alpha"},
    /* a subject after "of" is another phrase's, not past one before */
    {"Beta, created by the author of Alpha, was released in 2019.", NULL, "release_year@Beta"},
    {"Looking back from 2024 at the many versions the team shipped, Alpha was released in 2011.", NULL,
     "year@-;release_year@Alpha"},
    /* a year of something the subject did or has ("introduced X in",
     * "has supported X since") dates that thing, not the subject */
    {"Alpha introduced connection pooling in 2014.", NULL, "release_year@-"},
    {"Alpha has supported connection pooling since 2021.", NULL, "release_year@-"},
    {"Alpha's pooling module was introduced in 2014.", NULL, "release_year@-"},
    {"In 2014, Alpha introduced connection pooling.", NULL, "release_year@-"},
    /* ... while the subject's own event keeps its year */
    {"Alpha has been around since 2009.", NULL, "release_year@Alpha"},
    {"Alpha was first released in May 2009.", NULL, "release_year@Alpha"},
    {"Alpha launched publicly in 2009.", NULL, "release_year@Alpha"},
    {"Alpha, first released in 2009, is still maintained.", NULL, "release_year@Alpha"},
    {"Alpha's first release came in 2009.", NULL, "release_year@Alpha"},
    {"In 2009, Alpha was released.", NULL, "release_year@Alpha"},
    {"The author created Alpha in 2009.", NULL, "release_year@Alpha"},
    {"Alpha, which launched in 2009, is still maintained.", NULL, "release_year@Alpha"},
    {"Alpha is a small database created by one author and released in 2009.", NULL, "release_year@Alpha"},
    {"Alpha has evolved from a scripting tool created in 1991.", NULL, "release_year@Alpha"},
    {"The latest version is Alpha 3.8, and it was released in 2019.", NULL, "release_year@Alpha"},
};

/* The default taxonomy's words of a release ("born", "debuted", "dates
 * back"), on sentences of its own two subjects. */
static const qty_case default_cases[] = {
    {"Node.js was born in 2009.", NULL, "release_year@Node.js"},
    {"Python debuted in 1991.", NULL, "release_year@Python"},
    {"Python dates back to 1991.", NULL, "release_year@Python"},
    {"Python added pattern matching in 2021.", NULL, "year@-"},
};

static void check_case(const char *tax, const qty_case *c)
{
    env e = env_open(tax);
    tag_input in = {0};
    in.text = c->text;
    in.len = strlen(c->text);
    in.section = c->section;
    tag_result r;
    char *err = NULL;
    ck_assert_int_eq(tag_claim(e.tg, &in, &r, &err), KB_OK);
    char got[512] = "";
    for (size_t i = 0; i < r.nqty; i++) {
        size_t l = strlen(got);
        snprintf(got + l, sizeof got - l, "%s%s@%s", i ? ";" : "", tax_measure(e.tax, (size_t)r.qty[i].measure),
                 r.qty[i].subject >= 0 ? tax_subject(e.tax, (size_t)r.qty[i].subject) : "-");
    }
    ck_assert_msg(strcmp(got, c->want) == 0, "\"%s\": quantities [%s], expected [%s]", c->text, got, c->want);
    env_close(&e);
}

START_TEST(test_quantity_subjects)
{
    check_case(db_tax, &qty_cases[_i]);
}
END_TEST

START_TEST(test_default_taxonomy)
{
    check_case(embed_taxonomy, &default_cases[_i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tag_qty");
    TCase *tc = tcase_create("quantities");
    tcase_add_loop_test(tc, test_quantity_subjects, 0, (int)(sizeof qty_cases / sizeof *qty_cases));
    tcase_add_loop_test(tc, test_default_taxonomy, 0, (int)(sizeof default_cases / sizeof *default_cases));
    suite_add_tcase(s, tc);
    return tu_run(s);
}
