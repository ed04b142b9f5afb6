/*
 * check_html_class.c - class and id names judged as furniture or content,
 * and the same judgement whatever was judged before (the per-thread
 * memory of recent values must never answer for another value).
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "html_class.h"
#include "testutil.h"

static const struct {
    const char *value;
    int furn, content;
} cases[] = {
    {"share-buttons", 1, 0},
    {"SideBar", 1, 0},                    /* case does not matter */
    {"site__navigation", 1, 0},           /* BEM parts */
    {"tag-social-media", 0, 0},           /* a taxonomy label, not a widget */
    {"has-comments", 0, 0},               /* a state */
    {"entry-content has-sidebar", 0, 1},
    {"entry-content sidebar", 1, 1},      /* both said; html_blocks.c weighs them */
    {"related-content", 1, 0},            /* a furniture word wins its token */
    {"highlight-python notranslate", 0, 0},
    {"n", 0, 0},
    {"", 0, 0},
    {"a-very-long-class-name-beyond-the-memory ads", 1, 0},
};

static void judge(const char *v, int *f, int *c)
{
    *f = *c = 0;
    html_class_judge(v, f, c);
}

START_TEST(test_cases)
{
    int f, c;
    judge(cases[_i].value, &f, &c);
    ck_assert_msg(f == cases[_i].furn && c == cases[_i].content, "%s: furn %d content %d",
                  cases[_i].value, f, c);
}
END_TEST

/* Many distinct values (more than the memory holds, so slots are taken
 * over), judged forwards then backwards, answer the same. */
START_TEST(test_memory_never_answers_for_another_value)
{
    enum { N = 400 };
    static const char *const parts[] = {"nav", "content", "x", "tag", "promo", "main", "k", "ad"};
    char v[N][32];
    int f1[N], c1[N];
    for (int i = 0; i < N; i++) {
        snprintf(v[i], sizeof v[i], "%s-%d %s", parts[i % 8], i, parts[(i / 8) % 8]);
        judge(v[i], &f1[i], &c1[i]);
    }
    for (int i = N - 1; i >= 0; i--) {
        int f, c;
        judge(v[i], &f, &c);
        ck_assert_msg(f == f1[i] && c == c1[i], "%s changed its answer", v[i]);
    }
    /* and the answers vary, so the check above can fail */
    int nf = 0;
    for (int i = 0; i < N; i++) nf += f1[i];
    ck_assert_int_gt(nf, 0);
    ck_assert_int_lt(nf, N);
}
END_TEST

START_TEST(test_word_in)
{
    static const char *const list[] = {"menu", "modal", NULL};
    ck_assert(html_class_word_in("MENU", 4, list));
    ck_assert(html_class_word_in("modal-x", 5, list));
    ck_assert(!html_class_word_in("men", 3, list));
    ck_assert(!html_class_word_in("menus", 5, list));
    ck_assert(!html_class_word_in("", 0, list));
}
END_TEST

static Suite *html_class_suite(void)
{
    Suite *s = suite_create("html_class");
    TCase *tc = tcase_create("judge");
    tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_memory_never_answers_for_another_value);
    tcase_add_test(tc, test_word_in);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(html_class_suite());
}
