/*
 * claims_code.c - the comments of a code block that are prose: a
 * writer's "// Parallel execution requires Cypress Cloud (paid)" or
 * "-- PostgreSQL checks this constraint at commit" states a claim as a
 * sentence does, while the code around it and a commented-out command
 * ("# npx cypress run --browser chrome") state none.
 *
 * A comment is a whole line opening with "//", "#", "--", a block
 * comment's opening or a star (its inner line), the marker followed by
 * a space; it is prose when it has at least three words, opens with a
 * letter and holds none of the marks code is made of (= ; { } < > ` $
 * | \), no option ("--browser"), address or call ("f()").  claims.c
 * keeps one as a claim only when it names a subject itself.
 */
#include "claims_int.h"

#include <string.h>

#define CODE_MIN_WORDS 3

static int code_is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* The length of the comment marker at s[0..n) and the space after it,
 * or 0 when the line is no comment. */
static size_t code_marker(const char *s, size_t n)
{
    static const char *const marks[] = {"//", "/*", "--", "#", "*"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i]);
        if (n > m && memcmp(s, marks[i], m) == 0 && code_is_space(s[m])) return m + 1;
    }
    return 0;
}

/* Is s[0..n) prose: words, not code? */
static int code_prose(const char *s, size_t n)
{
    size_t words = 0;
    if (!n || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (strchr("=;{}<>`$|\\", ch)) return 0;
        /* an option ("--shard", "-v") or an address ("https://...");
         * a slash alone is prose's too ("I/O", "and/or") */
        if (ch == '-' && (i == 0 || code_is_space(s[i - 1]))) return 0;
        if (ch == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') return 0;
        /* a call: "should()", "run(args)" */
        if (ch == '(' && i > 0 && !code_is_space(s[i - 1])) return 0;
        words += !code_is_space(ch) && (i == 0 || code_is_space(s[i - 1]));
    }
    return words >= CODE_MIN_WORDS;
}

size_t claims_code_comments(const char *text, size_t len, size_t *b, size_t *e, size_t cap)
{
    size_t n = 0;
    for (size_t ls = 0; ls < len;) {
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len, s = ls, t = le;
        ls = le + 1;
        while (s < t && code_is_space(text[s])) s++;
        size_t m = code_marker(text + s, t - s);
        if (!m) continue;
        s += m;
        while (s < t && code_is_space(text[s])) s++;
        while (t > s && (code_is_space(text[t - 1]) || text[t - 1] == '\r')) t--;
        /* a block comment closed on its own line */
        if (t >= s + 2 && text[t - 2] == '*' && text[t - 1] == '/') {
            t -= 2;
            while (t > s && code_is_space(text[t - 1])) t--;
        }
        if (!code_prose(text + s, t - s)) continue;
        if (n < cap) b[n] = s, e[n] = t;
        n++;
    }
    return n;
}
