/*
 * util.c - allocation, string copies and the error-message helper
 * described in util.h.
 */
#include "util.h"
#include "strmap.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

static void kb_oom(void)
{
    fputs("kb: out of memory\n", stderr);
    abort();
}

void *kb_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) kb_oom();
    return p;
}

void *kb_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) kb_oom();
    return p;
}

void *kb_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) kb_oom();
    return q;
}

char *kb_strdup(const char *s)
{
    return s ? kb_strndup(s, strlen(s)) : NULL;
}

char *kb_strndup(const char *s, size_t n)
{
    char *p = kb_malloc(n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int kb_seterr(char **err, const char *fmt, ...)
{
    if (!err || *err) return KB_ERR;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *m = kb_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(m, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *err = m;
    return KB_ERR;
}

const char *kb_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    *len = n;
    return s;
}

const char *kb_memmem(const char *hay, size_t len, const char *needle, size_t n)
{
    if (n == 0) return hay;
    for (size_t i = 0; i + n <= len; i++) {
        const char *p = memchr(hay + i, needle[0], len - i - n + 1);
        if (!p) return NULL;
        i = (size_t)(p - hay);
        if (memcmp(p, needle, n) == 0) return p;
    }
    return NULL;
}

int kb_html_tag_at(const char *s, size_t n, size_t i, const char *name)
{
    if (i >= n || s[i] != '<') return 0;
    int close = i + 1 < n && s[i + 1] == '/';
    size_t a = i + 1 + (size_t)close, k = strlen(name);
    if (n - a <= k || !kb_ascii_ieq(s + a, k, name)) return 0;
    char after = s[a + k];
    if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' && after != '\r') return 0;
    return close ? 2 : 1;
}

int kb_next_line(const char **p, const char *end, const char **line, size_t *len)
{
    if (*p >= end) return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *line = *p;
    *len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    *p = nl ? nl + 1 : end;
    if (*len && (*line)[*len - 1] == '\r') (*len)--;
    return 1;
}

int kb_line_skip(const char *line, size_t len)
{
    const char *t = kb_trim(line, &len);
    return !len || t[0] == '#';
}

int kb_terms_once(struct strmap *seen, const char *t, const char *e, size_t lineno, const char **term,
                  size_t *termlen, size_t *first)
{
    while (t < e) {
        const char *comma = memchr(t, ',', (size_t)(e - t));
        size_t tl = (size_t)((comma ? comma : e) - t);
        const char *w = kb_trim(t, &tl);
        char low[128];
        if (tl && tl < sizeof low) {
            for (size_t i = 0; i < tl; i++) low[i] = (char)tolower((unsigned char)w[i]);
            if (!strmap_add(seen, low, tl, lineno, first) && *first != lineno) {
                *term = w;
                *termlen = tl;
                return 1;
            }
        }
        t = comma ? comma + 1 : e;
    }
    return 0;
}

size_t kb_bom_len(const char *s, size_t len)
{
    return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void kb_thread_nice(int incr)
{
#ifdef __linux__
    /* Linux applies PRIO_PROCESS to one thread when given its id */
    id_t tid = (id_t)syscall(SYS_gettid);
    errno = 0;
    int cur = getpriority(PRIO_PROCESS, tid);
    if (cur == -1 && errno != 0) return;
    int want = cur + incr > 19 ? 19 : cur + incr;
    if (setpriority(PRIO_PROCESS, tid, want) != 0) return; /* as it was */
#else
    (void)incr;
#endif
}
