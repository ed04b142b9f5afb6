/*
 * export_escape.h - article text made safe for each export format.
 * Every piece of text from an article (claims, titles, sites, authors,
 * URLs, paths) goes through one of these before a writer prints it.
 */
#ifndef KB_EXPORT_ESCAPE_H
#define KB_EXPORT_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

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
/* 1 when s holds a control character (term.h's list: C0, DEL, C1). */
int export_has_control(const char *s);
/* 1 when url may be a link: it starts with http:// or https:// (any
 * case) and holds no space or control character (C1 included). */
int export_url_is_web(const char *url);

#endif
