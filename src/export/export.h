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
 * The writers live in export.c (dispatch, escaping, shared wording,
 * Markdown), export_html.c and export_data.c (JSON, CSV, CSL-JSON).
 */
#ifndef KB_EXPORT_H
#define KB_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
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
 * through export_csv_field (so may start with an apostrophe). */
void export_csv(const report *r, FILE *f);
void export_csl_json(const report *r, FILE *f);

/* ---- escaping (shared by the writers; tested on their own) ---- */

/* HTML text and attribute values: & < > " ' as character references;
 * CR as a space; a control character other than LF and TAB (term.h's
 * list) as the text \x1b, since HTML allows none, not even as a
 * reference. */
void export_html_text(FILE *f, const char *s, size_t n);
/* Markdown inline text: \ ` * _ [ ] < > | & ~ $ ^ escaped with a
 * backslash, CR, LF and TAB written as a space (one for one), so the
 * text stays on its line, in its table cell, and means itself; any
 * other control character shown as \x1b (its backslash escaped), so
 * none reaches a terminal the Markdown is printed on. */
void export_md_text(FILE *f, const char *s, size_t n);
/* One CSV field: quoted (quotes doubled) when it holds a comma, a
 * quote, CR or LF; as is otherwise.  A field that starts with = + - @
 * TAB or CR, and is not a plain decimal number such as -3.5, gets an
 * apostrophe in front, so that a spreadsheet shows it as text rather
 * than running it as a formula. */
void export_csv_field(FILE *f, const char *s, size_t n);
/* 1 when url may be a link: it starts with http:// or https:// (any
 * case) and holds no space or control character (C1 included). */
int export_url_is_web(const char *url);

/* ---- wording shared by the writers (plain text: escape it) ---- */

/* "Node.js and Python: what 5 sources say" (the filter included). */
void export_title(const report *r, buf *b);
/* The overview paragraph: counts of sources, claims, agreements,
 * disputes (by verdict) and figures, and how to read a citation. */
void export_overview(const report *r, buf *b);
/* A section's heading: its dimension, capitalized, or "Other figures
 * and disputes" for the section without one. */
void export_section_name(const report_section *s, buf *b);
/* A measure for people: "release_year" -> "release year". */
void export_measure_name(const char *measure, buf *b);
/* "[2: 5640–5791]" */
void export_cite_label(const report_cite *c, buf *b);
/* What a dispute claim says, in short: "strong", "weak", "mixed" for
 * stance and factual claims, the quantity as written for numeric and
 * temporal ones; nothing otherwise. */
void export_claim_gist(const report_dispute *d, const report_dispute_claim *c, buf *b);
/* The heading of the side claim k of d is on: "Side a (favourable, 5
 * sources)"; "Side a (2 sources)" for a numeric dispute. */
void export_side_label(const report_dispute *d, size_t k, buf *b);
/* One line on a dispute for the brief's opening list: "Python's
 * concurrency: majority (unfavourable, 4 sources; with reservations, 2
 * sources)"; "Python's package count: compatible (800,000+; 450,000+)".
 * dimension: its section's, or NULL. */
void export_dispute_gist(const report_dispute *d, const char *dimension, buf *b);
/* Is claim k the last of its side? */
int export_side_ends(const report_dispute *d, size_t k);
/* How many claims of claim k's side a brief leaves unquoted (not leads). */
size_t export_side_rest(const report_dispute *d, size_t k);

#endif
