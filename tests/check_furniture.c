/*
 * check_furniture.c - the furniture detector: single units (a table of
 * kind, text, verdict), sequences that exercise the state carried
 * between units, custom lexicons and their errors, and general
 * properties over the bundled corpus.
 */
#include <check.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc.h"
#include "embed.h"
#include "furniture.h"
#include "testutil.h"
#include "text.h"
#include "util.h"

typedef struct furn_case {
    const char *kind;
    const char *text;
    int want;   /* 1: furniture */
} furn_case;

/* Each case is judged on its own, right after furn_reset. */
static const furn_case unit_cases[] = {
    /* reading time, dates, labels */
    {"heading", "10 min Read", 1},
    {"paragraph", "Read Time", 1},
    {"paragraph", "9 Mins", 1},
    {"paragraph", "Read time: 5 minutes", 1},
    {"paragraph", "7 minute read", 1},
    {"paragraph", "19 Feb 2024", 1},
    {"paragraph", "May 08, 2026", 1},
    {"paragraph", "Last updated: 20th Jun, 2023", 1},
    {"paragraph", "Last updated:", 1},
    {"paragraph", "Published on 2024-02-19", 1},
    /* no words */
    {"paragraph", "/", 1},
    {"paragraph", "•", 1},
    {"paragraph", "* * *", 1},
    {"paragraph", "\xf0\x9f\x98\x83", 1},                  /* an emoji alone */
    {"paragraph", "\xf0\x9f\x94\x92 Security matters to Wren.", 0},
    /* widgets and navigation */
    {"paragraph", "share image icon", 1},
    {"paragraph", "footer sticky close icon", 1},
    {"paragraph", "Share this article", 1},
    {"paragraph", "Share on LinkedIn", 1},
    {"paragraph", "Read More", 1},
    {"paragraph", "Read more »", 1},
    {"paragraph", "Continue reading", 1},
    {"paragraph", "View All", 1},
    {"paragraph", "Back to top", 1},
    {"paragraph", "Next post: How to deploy a Flask app", 1},
    {"paragraph", "Also read: How to install Python on Windows", 1},
    /* breadcrumbs */
    {"heading", "Home > Blog > Python > Node.js vs Python", 1},
    {"paragraph", "Home » Tutorials » Web Development", 1},
    {"paragraph", "Home / Blog / Backend", 1},
    {"paragraph", "Home arrow iconBlog arrow iconPython Guides", 1},
    {"paragraph", "Use <b>bold</b> and <i>italic</i> tags", 0},
    {"paragraph", "if a > b and b > c then a > c", 0},
    /* bylines */
    {"paragraph", "by Jane Doe", 1},
    {"paragraph", "By John Smith | May 3, 2024", 1},
    {"paragraph", "Written by María López", 1},
    {"paragraph", "by devTeam", 1},
    {"paragraph", "Author: Jane Doe", 1},
    {"heading", "Posted on January 5, 2024 by Admin", 1},
    {"heading", "January 6, 2024 at 10:12 am", 1},
    {"paragraph", "May 3, 2024 · 14:05 UTC", 1},
    /* ads, promotions, calls to action */
    {"paragraph", "Advertisement", 1},
    {"paragraph", "Sponsored", 1},
    {"heading", "Ads of Example blog", 1},
    {"paragraph", "Check out our free courses to get an edge over the competition", 1},
    {"paragraph", "Check out Acme’s Advanced Certification in Cloud Computing", 1},
    {"paragraph", "Explore Free Courses", 1},
    {"paragraph", "Explore our Popular Data Science Courses", 1},
    {"paragraph", "Schedule 1:1 free counsellingTalk to Career Expert", 1},
    {"paragraph", "Talk to our experts", 1},
    {"paragraph", "Sign up for free", 1},
    {"paragraph", "Subscribe to our newsletter", 1},
    {"paragraph", "Book a free consultation today", 1},
    {"paragraph", "Join our community of 10,000 developers", 1},
    {"paragraph", "We use cookies to improve your experience on our site.", 1},
    {"paragraph", "© 2024 Example Media. All rights reserved.", 1},
    {"paragraph", "This article was originally published on Medium.", 1},
    {"paragraph", "If you enjoyed this article, share it with a friend.", 1},
    {"paragraph", "A free webinar for backend developers", 1},
    /* openers (flagged themselves) */
    {"paragraph", "Suggested Blogs", 1},
    {"heading", "Related Posts", 1},
    {"heading", "You may also like", 1},
    {"heading", "Table of Contents", 1},
    {"paragraph", "In this article", 1},
    {"heading", "About the Author", 1},
    {"heading", "Leave a Reply", 1},
    {"heading", "12 Comments", 1},
    {"heading", "Was this article helpful?", 1},
    {"heading", "3 thoughts on “PostgreSQL vs MySQL”", 1},
    /* content */
    {"paragraph", "Read the docs before you start.", 0},
    {"paragraph", "Python is easy to learn.", 0},
    {"paragraph", "Start with Python if you are new to programming.", 0},
    {"heading", "Conclusion", 0},
    {"heading", "Pros & Cons", 0},
    {"heading", "Key Features That Define Python", 0},
    {"heading", "NodeJS vs Python: 0 – 0", 0},
    {"heading", "What is Node.js?", 0},
    {"heading", "Learning curve", 0},
    {"paragraph", "Python", 0},
    {"paragraph", "Node.js Features", 0},
    {"paragraph", "Frequently Asked Questions (FAQs)", 0},
    {"paragraph", "By contrast, Python is not designed that way.", 0},
    {"paragraph", "By 2026, most teams will use both.", 0},
    {"paragraph", "By default, Node.js runs on a single thread.", 0},
    {"paragraph", "Python 3.8 was released in October 2019.", 0},
    {"paragraph", "Share of developers using Python grew to 49%.", 0},
    {"paragraph", "The app shows a warning icon.", 0},
    {"paragraph", "Check the official documentation for details.", 0},
    {"paragraph", "If x > 5 and y > 3 then both hold", 0},
    {"paragraph", "Use Node.js for I/O and Python for data / ML work.", 0},
    {"paragraph", "Node.js is a JavaScript runtime that lets developers run JavaScript on the server.",
     0},
    {"paragraph", "Frameworks like Django give teams a structured way to build larger applications.",
     0},
    {"paragraph", "The event loop handles I/O; a thread pool handles CPU work.", 0},
    {"paragraph", "Subscriptions are billed monthly.", 0},
    {"paragraph", "Related work on asyncio shows similar results.", 0},
    {"paragraph", "Comments in Python start with a hash sign.", 0},
    {"heading", "Comments", 0},
    {"heading", "Get Started with Django", 0},
    {"heading", "print()", 0},
    {"heading", "Login", 0},
    {"heading", "AWS Certification in 2024: Is It Worth It?", 0},
    {"paragraph", "Heroku no longer offers a free trial.", 0},
    {"paragraph", "Coursera offers free courses in Python.", 0},
    {"paragraph", "Subscribe to events with addEventListener.", 0},
    {"paragraph", "Schedule a cron job to run every night.", 0},
    {"paragraph", "The GDPR requires a privacy policy.", 0},
    {"paragraph", "Version 2.0 was released on May 3, 2024 at 10:00.", 0},
    {"item", "Real-time apps like chat, live dashboards, or collaborative tools", 0},
    {"item", "Learning curve", 0},
    {"row", "Feature | Node.js | Python |", 0},
    {"row", "Free trial | 14 days | 30 days |", 0},
    {"quote", "Simple is better than complex.", 0},
    {"paragraph", "", 1},   /* nothing to claim */
};

/* The tables name unit kinds as the store does. */
static doc_kind kind_named(const char *name)
{
    for (int k = 0; k < DOC_KIND_COUNT; k++)
        if (strcmp(doc_kind_name((doc_kind)k), name) == 0) return (doc_kind)k;
    ck_abort_msg("no unit kind \"%s\"", name);
    return DOC_PARAGRAPH;
}

static furn *new_default(void)
{
    furn *f = NULL;
    char *err = NULL;
    ck_assert_int_eq(furn_new(NULL, 0, &f, &err), KB_OK);
    ck_assert_ptr_null(err);
    ck_assert_ptr_nonnull(f);
    return f;
}

START_TEST(test_units)
{
    const furn_case *c = &unit_cases[_i];
    furn *f = new_default();
    const char *why = NULL;
    int got = furn_check(f, kind_named(c->kind), c->text, strlen(c->text), &why);
    ck_assert_msg(got == c->want, "%s \"%s\": got %d (%s), want %d", c->kind, c->text, got,
                  why ? why : "-", c->want);
    if (got) ck_assert_msg(why && *why, "\"%s\": flagged without a reason", c->text);
    else ck_assert_ptr_null(why);
    furn_free(f);
}
END_TEST

/* Sequences: units of one source in order; NULL kind = furn_reset. */
static const furn_case seq_cases[] = {
    /* a related-posts list whose teaser titles are headings */
    {"paragraph", "Node.js is fast and popular for APIs.", 0},
    {"paragraph", "Suggested Blogs", 1},
    {"heading", "10 Python Project Ideas for Beginners", 1},
    {"paragraph", "A project is a great way to learn a language and to show employers your skills.", 1},
    {"paragraph", "Read More", 1},
    {"paragraph", "by Jane Doe", 1},
    {"paragraph", "19 Feb 2024", 1},
    {"heading", "How to Learn Java in 2024", 1},
    {"paragraph", "Java remains one of the most used languages in large companies.", 1},
    {"paragraph", "Read More", 1},
    {NULL, NULL, 0},
    /* a list of links, then the article goes on under a content heading */
    {"heading", "Related Posts", 1},
    {"item", "How to install Node.js", 1},
    {"item", "Python vs Java", 1},
    {"heading", "Conclusion", 0},
    {"paragraph", "Both are good choices for most teams.", 0},
    {NULL, NULL, 0},
    /* an author box ends at the next heading */
    {"heading", "About the Author", 1},
    {"paragraph", "Jane writes about backend systems and has ten years of experience.", 1},
    {"heading", "Frequently Asked Questions", 0},
    {"paragraph", "Python is easy.", 0},
    {NULL, NULL, 0},
    /* a call to action heading and its pitch */
    {"heading", "Start Your Project Today", 1},
    {"paragraph", "Leverage the strengths of Python to build scalable applications.", 1},
    {"heading", "Appendix", 0},
    {"paragraph", "The benchmark used Node.js 20.", 0},
    {NULL, NULL, 0},
    /* a table of contents: short entries until a sentence */
    {"heading", "Table of Contents", 1},
    {"item", "Overview", 1},
    {"item", "Performance & Speed", 1},
    {"item", "Start Your Project Today", 1},   /* an entry, not a new section */
    {"item", "Conclusion", 1},
    {"paragraph", "Choosing a backend is hard. This guide compares the two.", 0},
    {"paragraph", "Overview", 0},
    {NULL, NULL, 0},
    /* ... or until a heading */
    {"paragraph", "In this article", 1},
    {"paragraph", "Chevron in toc", 1},
    {"paragraph", "View All", 1},
    {"heading", "What is Node.js?", 0},
    {"paragraph", "Node.js is a runtime.", 0},
    {NULL, NULL, 0},
    /* the meta lines under a title: a lone name among them is a byline */
    {"heading", "Node.js vs Python", 0},
    {"paragraph", "May 08, 2026", 1},
    {"paragraph", "/", 1},
    {"paragraph", "Jane", 1},
    {"paragraph", "/", 1},
    {"heading", "10 min Read", 1},
    {"paragraph", "The main differences come down to performance and concurrency.", 0},
    {"paragraph", "Python", 0},
    {NULL, NULL, 0},
    /* comments: a comment's date heading does not end the section */
    {"heading", "3 thoughts on “PostgreSQL vs MySQL”", 1},
    {"paragraph", "Tom", 1},
    {"heading", "January 6, 2024 at 10:12 am", 1},
    {"paragraph", "Great comparison, thanks! I switched to Postgres last year.", 1},
    {"paragraph", "Reply", 1},
    {NULL, NULL, 0},
    /* share buttons are a list of links */
    {"paragraph", "Share this:", 1},
    {"paragraph", "Twitter", 1},
    {"paragraph", "Facebook", 1},
    {"paragraph", "Python is easy to learn and widely used.", 0},
    {NULL, NULL, 0},
    /* furn_reset ends a section */
    {"paragraph", "Suggested Blogs", 1},
    {NULL, NULL, 0},
    {"paragraph", "Python is easy.", 0},
};

START_TEST(test_sequences)
{
    furn *f = new_default();
    size_t n = sizeof seq_cases / sizeof *seq_cases;
    for (size_t k = 0; k < n; k++) {
        const furn_case *c = &seq_cases[k];
        if (!c->kind) {
            furn_reset(f);
            continue;
        }
        const char *why = NULL;
        int got = furn_check(f, kind_named(c->kind), c->text, strlen(c->text), &why);
        ck_assert_msg(got == c->want, "step %zu, %s \"%s\": got %d (%s), want %d", k, c->kind,
                      c->text, got, why ? why : "-", c->want);
    }
    furn_free(f);
}
END_TEST

START_TEST(test_custom_lexicon)
{
    static const char lex[] =
        "# a shop's furniture\n"
        "\n"
        "line\tfoo bar\tcustom\n"
        "prefix\tbuy # now\tshop\t5\r\n"
        "contains\tlimited offer\tshop\n"
        "suffix\tcredits\n"
        "section\tsee also\tsee also\n";
    static const struct {
        const char *text;
        int want;
        const char *why;
    } cases[] = {
        {"Foo Bar", 1, "custom"},
        {"FOO BAR!", 1, "custom"},
        {"foo bar baz", 0, NULL},
        {"Buy 3 now and save", 1, "shop"},
        {"Buy 3 now and save big today please", 0, NULL},   /* over 5 words */
        {"Buy now", 0, NULL},                                /* # needs a number */
        {"A limited offer for you", 1, "shop"},
        {"Photo credits", 1, "suffix"},                      /* WHY defaults to the kind */
        {"Read More", 0, NULL},                              /* not in this lexicon */
        {"19 Feb 2024", 1, "date"},                          /* rules in code stay */
        {"Python is easy.", 0, NULL},
    };
    furn *f = NULL;
    char *err = NULL;
    ck_assert_int_eq(furn_new(lex, sizeof lex - 1, &f, &err), KB_OK);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        furn_reset(f);
        const char *why = NULL;
        int got = furn_check(f, DOC_PARAGRAPH, cases[k].text, strlen(cases[k].text), &why);
        ck_assert_msg(got == cases[k].want, "\"%s\": got %d", cases[k].text, got);
        if (cases[k].why) ck_assert_str_eq(why, cases[k].why);
    }
    furn_reset(f);
    ck_assert_int_eq(furn_check(f, DOC_HEADING, "See also", 8, NULL), 1);
    ck_assert_int_eq(furn_check(f, DOC_PARAGRAPH, "Some linked post", 16, NULL), 1);
    furn_free(f);

    /* an empty lexicon argument means the built-in one */
    ck_assert_int_eq(furn_new("", 0, &f, &err), KB_OK);
    ck_assert_int_eq(furn_check(f, DOC_PARAGRAPH, "Read More", 9, NULL), 1);
    furn_free(f);
    furn_free(NULL);
}
END_TEST

/* The lexicon's patterns are tried through an index by anchor word;
 * whatever the index, the first pattern in file order that matches
 * wins.  Each rotation of these five lines, all matching the unit, is
 * won by its first line. */
START_TEST(test_lexicon_order)
{
    static const char *const lines[] = {
        "contains\tbig sale\tfirst\n", "line\tbig sale today\tsecond\n", "prefix\tbig\tthird\n",
        "suffix\ttoday\tfourth\n", "line\t* sale today\tfifth\n",
    };
    static const char *const whys[] = {"first", "second", "third", "fourth", "fifth"};
    size_t n = sizeof lines / sizeof *lines;
    for (size_t r = 0; r < n; r++) {
        char lex[512] = "";
        for (size_t k = 0; k < n; k++) strcat(lex, lines[(r + k) % n]);
        furn *f = NULL;
        char *err = NULL;
        ck_assert_int_eq(furn_new(lex, strlen(lex), &f, &err), KB_OK);
        const char *why = NULL;
        ck_assert_int_eq(furn_check(f, DOC_PARAGRAPH, "Big sale today", 14, &why), 1);
        ck_assert_str_eq(why, whys[r]);
        /* only the contains and prefix patterns match a longer unit */
        furn_reset(f);
        ck_assert_int_eq(furn_check(f, DOC_PARAGRAPH, "big sale for you", 16, &why), 1);
        ck_assert_str_eq(why, r == 0 || r > 2 ? "first" : "third");
        furn_free(f);
    }
}
END_TEST

static const struct {
    const char *lex;
    const char *where;
} bad_cases[] = {
    {"line\tok\nbogus\tpattern\n", "line 2"},
    {"line\n", "line 1"},
    {"# c\n\nprefix\t* #\n", "line 3"},
    {"contains\tfoo\twhy\tabc\n", "line 1"},
    {"crumb\ttwo words\n", "line 1"},
    {"byline\tby *\n", "line 1"},
    {"line\ta * b * c * d * e * f\n", "line 1"},
    {"line\tfoo\twhy\t3\textra\n", "line 1"},
    {"line\tok\nline\t\n", "line 2"},
    {"line\tok\nline\tb\xff\n", "line 2"},
};

START_TEST(test_lexicon_errors)
{
    furn *f = (furn *)&f;   /* must come back NULL */
    char *err = NULL;
    const char *lex = bad_cases[_i].lex;
    ck_assert_int_eq(furn_new(lex, strlen(lex), &f, &err), KB_ERR);
    ck_assert_ptr_null(f);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, bad_cases[_i].where) != NULL, "\"%s\" does not name %s", err,
                  bad_cases[_i].where);
    free(err);
}
END_TEST

/* The whys the default lexicon gives its section and toc openers: the
 * only reasons a long unit may be furniture. */
static int is_section_why(const char *why)
{
    const char *s = embed_furniture;
    while (*s) {
        const char *e = strchr(s, '\n');
        if (!e) e = s + strlen(s);
        if (!strncmp(s, "section\t", 8) || !strncmp(s, "toc\t", 4)) {
            const char *t = memchr(s, '\t', (size_t)(e - s));
            t = t ? memchr(t + 1, '\t', (size_t)(e - t - 1)) : NULL;
            if (t) {
                const char *w = t + 1, *we = memchr(w, '\t', (size_t)(e - w));
                if (!we) we = e;
                if ((size_t)(we - w) == strlen(why) && !strncmp(w, why, (size_t)(we - w)))
                    return 1;
            }
        }
        s = *e ? e + 1 : e;
    }
    return 0;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
    return w;
}

START_TEST(test_corpus)
{
    glob_t g;
    ck_assert_int_eq(glob("corpus/*.txt", 0, NULL, &g), 0);
    ck_assert_uint_ge(g.gl_pathc, 5);
    furn *f = new_default();
    size_t units = 0, flagged = 0;
    for (size_t p = 0; p < g.gl_pathc; p++) {
        size_t len;
        char *data = tu_read_file(g.gl_pathv[p], &len);
        doc d;
        doc_init(&d, DOC_TEXT);
        char *err = NULL;
        ck_assert_int_eq(text_extract(data, len, 0, &d, &err), KB_OK);
        furn_reset(f);
        for (size_t b = 0; b < d.nblocks; b++) {
            const doc_block *bl = &d.blocks[b];
            const char *t = d.text + bl->start, *why = NULL;
            size_t n = bl->end - bl->start;
            int got = furn_check(f, bl->kind, t, n, &why);
            units++;
            flagged += got;
            char date[11];
            if (date_parse(t, n, date))
                ck_assert_msg(got, "%s: date \"%.*s\" not flagged", g.gl_pathv[p], (int)n, t);
            if (kb_ascii_ieq(t, n, "read more"))
                ck_assert_msg(got, "%s: \"Read More\" not flagged", g.gl_pathv[p]);
            if (got && count_words(t, n) > 30)
                ck_assert_msg(is_section_why(why), "%s: long unit flagged as %s: \"%.60s...\"",
                              g.gl_pathv[p], why, t);
            if (bl->kind == DOC_ROW) ck_assert_msg(!got, "%s: table row flagged", g.gl_pathv[p]);
        }
        doc_free(&d);
        free(data);
    }
    /* furniture is found, and it is a small part of the articles */
    ck_assert_uint_gt(flagged, 0);
    ck_assert_uint_lt(flagged * 4, units);
    furn_free(f);
    globfree(&g);
}
END_TEST

static Suite *furniture_suite(void)
{
    Suite *s = suite_create("furniture");
    TCase *tc = tcase_create("units");
    tcase_add_loop_test(tc, test_units, 0, (int)(sizeof unit_cases / sizeof *unit_cases));
    tcase_add_test(tc, test_sequences);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("lexicon");
    tcase_add_test(tl, test_custom_lexicon);
    tcase_add_test(tl, test_lexicon_order);
    tcase_add_loop_test(tl, test_lexicon_errors, 0, (int)(sizeof bad_cases / sizeof *bad_cases));
    suite_add_tcase(s, tl);
    TCase *tcor = tcase_create("corpus");
    tcase_set_timeout(tcor, 30);
    tcase_add_test(tcor, test_corpus);
    suite_add_tcase(s, tcor);
    return s;
}

int main(void)
{
    return tu_run(furniture_suite());
}
