/*
 * json.c - streaming JSON writer; see json.h.
 */
#include "json.h"

#include <math.h>
#include <string.h>

#include <utf8proc.h>

void json_init(json *j, FILE *f)
{
    j->f = f;
    j->depth = 0;
    j->count[0] = 0;
    j->after_key = 0;
}

static void json_indent(json *j)
{
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++) fputs("  ", j->f);
}

/* Punctuation before a value: a comma between siblings, a newline and
 * indentation inside containers, nothing right after a key. */
static void json_pre(json *j)
{
    if (j->after_key) {
        j->after_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (j->count[j->depth]++) fputc(',', j->f);
        json_indent(j);
    }
}

static void json_open(json *j, int c)
{
    json_pre(j);
    fputc(c, j->f);
    if (j->depth < JSON_MAX_DEPTH - 1) j->depth++;
    j->count[j->depth] = 0;
    j->close[j->depth] = c == '{' ? '}' : ']';
}

void json_object(json *j) { json_open(j, '{'); }
void json_array(json *j) { json_open(j, '['); }

void json_end(json *j)
{
    if (j->depth == 0) return;
    int had = j->count[j->depth];
    char c = j->close[j->depth];
    j->depth--;
    if (had) json_indent(j);
    fputc(c, j->f);
    if (j->depth == 0) fputc('\n', j->f);
}

void json_escape(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)(n - i), &cp);
            if (k < 0) {
                fputs("\\ufffd", f);
                i++;
            } else {
                fwrite(s + i, 1, (size_t)k, f);
                i += (size_t)k;
            }
            continue;
        }
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                fputs("\\u00", f);
                fputc(hex[c >> 4], f);
                fputc(hex[c & 15], f);
            } else {
                fputc(c, f);
            }
        }
        i++;
    }
}

void json_key(json *j, const char *key)
{
    json_pre(j);
    fputc('"', j->f);
    json_escape(j->f, key, strlen(key));
    fputs("\": ", j->f);
    j->after_key = 1;
}

void json_strn(json *j, const char *s, size_t n)
{
    if (!s) {
        json_null(j);
        return;
    }
    json_pre(j);
    fputc('"', j->f);
    json_escape(j->f, s, n);
    fputc('"', j->f);
}

void json_str(json *j, const char *s)
{
    json_strn(j, s, s ? strlen(s) : 0);
}

void json_int(json *j, long long v)
{
    json_pre(j);
    fprintf(j->f, "%lld", v);
}

void json_num(json *j, double v)
{
    if (!isfinite(v)) {
        json_null(j);
        return;
    }
    json_pre(j);
    fprintf(j->f, "%.6g", v);
}

void json_bool(json *j, int v)
{
    json_pre(j);
    fputs(v ? "true" : "false", j->f);
}

void json_null(json *j)
{
    json_pre(j);
    fputs("null", j->f);
}

void json_raw(json *j, const char *text)
{
    json_pre(j);
    fputs(text, j->f);
}
