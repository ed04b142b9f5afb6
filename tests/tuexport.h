/*
 * tuexport.h - what the suites of `kb export` share (check_cmd_export.c,
 * check_export_*.c): the fixture of tukb.h, KB(args...) to run kb on its
 * database, an ingest, an export that must succeed, the bytes of a file
 * at a range, and an RFC 4180 parser to read CSV back.
 *
 * They run the freshly built binary ($KB, set by `make check`).
 */
#ifndef KB_TUEXPORT_H
#define KB_TUEXPORT_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tukb.h"

#define KB(...) tu_kb(NULL, (char *const[]){"kb", "--db", db, __VA_ARGS__, NULL})

static inline void ingest(const char *path)
{
    tu_out o = KB("ingest", (char *)path);
    ck_assert_msg(o.status == 0, "ingest failed: %s", o.err);
    tu_out_free(&o);
}

/* kb export ARGS... on stdout, which must succeed. */
#define EXPORT(...) export_ok(KB("export", __VA_ARGS__))
static inline char *export_ok(tu_out o)
{
    ck_assert_msg(o.status == 0, "export failed (%d): %s", o.status, o.err);
    free(o.err);
    return o.out;
}

static inline char *file_bytes(const char *path, long long start, long long end)
{
    size_t len;
    char *all = tu_read_file(path, &len);
    ck_assert(start >= 0 && start <= end && (size_t)end <= len);
    char *s = strndup(all + start, (size_t)(end - start));
    free(all);
    return s;
}

/* An RFC 4180 parser for the tests: rows of fields, CRLF (or LF) line
 * ends, quoted fields with doubled quotes.  Returns the number of rows;
 * fields[row][col] are malloc'd. */
#define CSV_MAX_ROWS 4096
#define CSV_MAX_COLS 16
typedef struct csv_doc {
    char *f[CSV_MAX_ROWS][CSV_MAX_COLS];
    int ncols[CSV_MAX_ROWS];
    int nrows;
} csv_doc;

static inline csv_doc *csv_parse(const char *s)
{
    csv_doc *d = calloc(1, sizeof *d);
    ck_assert_ptr_nonnull(d);
    while (*s) {
        ck_assert_int_lt(d->nrows, CSV_MAX_ROWS);
        int r = d->nrows++;
        for (;;) {
            ck_assert_int_lt(d->ncols[r], CSV_MAX_COLS);
            size_t cap = strlen(s) + 1, n = 0;
            char *v = malloc(cap);
            if (*s == '"') {
                s++;
                for (;;) {
                    ck_assert_msg(*s != '\0', "unterminated quoted field");
                    if (*s == '"' && s[1] == '"') {
                        v[n++] = '"';
                        s += 2;
                    } else if (*s == '"') {
                        s++;
                        break;
                    } else {
                        v[n++] = *s++;
                    }
                }
            } else {
                while (*s && *s != ',' && *s != '\r' && *s != '\n') {
                    ck_assert_msg(*s != '"', "a quote in an unquoted field");
                    v[n++] = *s++;
                }
            }
            v[n] = '\0';
            d->f[r][d->ncols[r]++] = v;
            if (*s == ',') {
                s++;
                continue;
            }
            if (*s == '\r') s++;
            ck_assert_msg(*s == '\n' || *s == '\0', "junk after a field");
            if (*s) s++;
            break;
        }
    }
    return d;
}

static inline void csv_free(csv_doc *d)
{
    for (int r = 0; r < d->nrows; r++)
        for (int c = 0; c < d->ncols[r]; c++) free(d->f[r][c]);
    free(d);
}

#endif
