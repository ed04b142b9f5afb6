/*
 * json.h - a streaming JSON writer: the one place kb's machine output
 * is formatted, so escaping is done once and done right.
 *
 * The writer tracks nesting and commas itself: callers say what comes
 * next (object, key, value) and never print punctuation.  Output is
 * indented two spaces a level.  Strings must be UTF-8 (kb validates all
 * text on the way in); any invalid byte is written as U+FFFD.
 */
#ifndef KB_JSON_H
#define KB_JSON_H

#include <stddef.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32   /* kb's own documents nest a few levels */

typedef struct json {
    FILE *f;
    int depth;
    int count[JSON_MAX_DEPTH]; /* values written at each level */
    char close[JSON_MAX_DEPTH]; /* the bracket that closes each level */
    int after_key;
} json;

void json_init(json *j, FILE *f);
void json_object(json *j);   /* { */
void json_array(json *j);    /* [ */
void json_end(json *j);      /* closes the innermost } or ]; at depth 0 adds "\n" */
void json_key(json *j, const char *key);
void json_str(json *j, const char *s);             /* NULL writes null */
void json_strn(json *j, const char *s, size_t n);
void json_int(json *j, long long v);
void json_num(json *j, double v);                  /* non-finite writes null */
void json_bool(json *j, int v);
void json_null(json *j);
/* A value that is already JSON text (from SQLite's JSON functions),
 * written as is; the caller vouches for its validity. */
void json_raw(json *j, const char *text);

/* Escape s[0..n) as the inside of a JSON string into f. */
void json_escape(FILE *f, const char *s, size_t n);

#endif
