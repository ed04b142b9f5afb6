/*
 * check_date.c - date_parse and date_find_dateline: a table of inputs
 * and the date each should give (NULL: no date).
 */
#include <check.h>
#include <string.h>

#include "date.h"
#include "testutil.h"

typedef struct date_case {
    const char *in;
    const char *want;  /* "YYYY-MM-DD", or NULL for no date */
} date_case;

/* date_parse: the whole string is one date. */
static const date_case parse_cases[] = {
    {"May 08, 2026", "2026-05-08"},
    {"May 8 2026", "2026-05-08"},
    {"20th Jun, 2023", "2023-06-20"},
    {"1st March 2024", "2024-03-01"},
    {"2026-05-08T10:00:00Z", "2026-05-08"},
    {"2026-05-08T10:00:00+02:00", "2026-05-08"},
    {"2026-05-08 10:00:00 +0000", "2026-05-08"},
    {"2026-05-08 10:00 UTC", "2026-05-08"},
    {"2026-05-08T10:00:00.123Z", "2026-05-08"},
    {"2026-05-08", "2026-05-08"},
    {"  2026-05-08  ", "2026-05-08"},
    {"19 Feb 2024", "2024-02-19"},
    {"Sept. 3, 2024", "2024-09-03"},
    {"Sep 3, 2024", "2024-09-03"},
    {"september 3, 2024", "2024-09-03"},
    {"2024/02/19", "2024-02-19"},
    {"Feb 29, 2024", "2024-02-29"},   /* leap year */
    {"Feb 29, 2023", NULL},
    {"Feb 30, 2024", NULL},
    {"31 April 2024", NULL},
    {"2024-13-01", NULL},
    {"2024-02-19 and more words", NULL},
    {"2024-02-19Tuesday", NULL},
    {"2024-02-19, later", NULL},
    {"2024-02-19 10", NULL},
    {"2024-02-19T10:00 Paris", NULL},
    {"July 2019", NULL},
    {"Python 3.8", NULL},
    {"Python 3.8 (2019)", NULL},
    {"May 8, 2026 by John", NULL},
    {"Mayday 8, 2026", NULL},
    {"May 8, 1850", NULL},           /* out of range */
    {"12 34 5678", NULL},
    {"", NULL},
    {"2024", NULL},
};

/* date_find_dateline: a date alone or after a label. */
static const date_case line_cases[] = {
    {"Last updated: 20th Jun, 2023", "2023-06-20"},
    {"Published on May 8, 2026", "2026-05-08"},
    {"Updated 2026-01-02", "2026-01-02"},
    {"Posted on 19 Feb 2024", "2024-02-19"},
    {"Date: 2024/02/19", "2024-02-19"},
    {"May 08, 2026", "2026-05-08"},
    {"Last updated:", NULL},
    {"Updates 2026-01-02", NULL},
    {"Published on May 8, 2026 by John", NULL},
    {"Node.js vs. Python: Key differences", NULL},
    {"10 min Read", NULL},
    {"Python 3.8 was released in 2019", NULL},
};

static void check_case(const date_case *c, int line)
{
    char out[11];
    int got = line ? date_find_dateline(c->in, strlen(c->in), out)
                   : date_parse(c->in, strlen(c->in), out);
    if (c->want) {
        ck_assert_msg(got, "\"%s\": no date, want %s", c->in, c->want);
        ck_assert_msg(!strcmp(out, c->want), "\"%s\": got %s, want %s", c->in, out, c->want);
    } else {
        ck_assert_msg(!got, "\"%s\": got %s, want no date", c->in, got ? out : "");
    }
}

START_TEST(test_parse)
{
    check_case(&parse_cases[_i], 0);
}
END_TEST

START_TEST(test_dateline)
{
    check_case(&line_cases[_i], 1);
}
END_TEST

/* Only len bytes are read: a date followed by more text in the buffer. */
START_TEST(test_parse_len)
{
    char out[11];
    const char *s = "May 8, 2026 and then some";
    ck_assert(date_parse(s, 11, out));
    ck_assert_str_eq(out, "2026-05-08");
    ck_assert(!date_parse(s, strlen(s), out));
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_parse, 0, (int)(sizeof parse_cases / sizeof *parse_cases));
    tcase_add_loop_test(tc, test_dateline, 0, (int)(sizeof line_cases / sizeof *line_cases));
    tcase_add_test(tc, test_parse_len);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(date_suite());
}
