/*
 * export.h - writes a report (report.h) for readers and for programs:
 * Markdown, one self-contained HTML page, JSON, CSV, and the source
 * list as CSL-JSON.  Writers only print; they never fail except on a
 * write error (export_write reports it).
 *
 * Citations everywhere are a source number and the quoted claim's byte
 * range in that source's stored text, written "[2: 5640–5791]" (an en
 * dash) in Markdown and HTML, each a link to the source list entry
 * (anchor "src-2").  Text from the articles (claims, titles, sites,
 * authors, URLs, paths) is always escaped for the format; a URL is a
 * link only when it starts with http:// or https://.  Output is a
 * function of the report alone: no clock, no locale.
 *
 * export.c dispatches to the writers: export_md.c, export_html.c and
 * export_data.c (JSON, CSV, CSL-JSON).  They escape article text with
 * export_escape.h and share their wording through export_words.h.
 */
#ifndef KB_EXPORT_H
#define KB_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "report.h"

typedef enum export_format {
    EXPORT_MD,
    EXPORT_HTML,
    EXPORT_JSON,
    EXPORT_CSV,
    EXPORT_CSL_JSON,   /* the source list only */
} export_format;

/* "md" (or "markdown"), "html", "json", "csv", "csl-json": KB_OK, else
 * KB_BADARG. */
int export_parse_format(const char *name, export_format *out);

/* Write r to f in fmt and flush.  KB_ERR (with *err) when writing
 * failed (a full disk, a closed pipe). */
int export_write(const report *r, export_format fmt, FILE *f, char **err);

void export_md(const report *r, FILE *f);
void export_html(const report *r, FILE *f);
void export_json(const report *r, FILE *f);
/* One row per cited claim, RFC 4180 (CRLF, quoted where needed), with a
 * header row: section, dimension, subject, statement, side, verdict,
 * source, path, title, date, start, end, text.  Every text field goes
 * through export_csv_field (export_escape.h), so may start with an
 * apostrophe. */
void export_csv(const report *r, FILE *f);
void export_csl_json(const report *r, FILE *f);

#endif
