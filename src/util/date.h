/*
 * date.h - recognising the dates articles state about themselves
 * ("May 08, 2026", "20th Jun, 2023", "2026-05-08T10:00:00Z",
 * "8 May 2026", "2024/02/19") and normalizing them to "YYYY-MM-DD".
 */
#ifndef KB_DATE_H
#define KB_DATE_H

#include <stddef.h>

/* Parse s[0..len) as one whole date (surrounding white space and a
 * trailing time or zone after an ISO date are allowed; other trailing
 * words are not).  On success writes "YYYY-MM-DD" and a NUL into out
 * and returns 1; otherwise returns 0 and leaves out unspecified.
 * Years 1900..2199 only; day and month are range-checked (Feb 30 fails).
 * A month-and-year alone ("July 2019") is not a whole date: returns 0. */
int date_parse(const char *s, size_t len, char out[11]);

/* Find a dateline in a short line of text: the whole line is a date, or
 * a label such as "Last updated:", "Updated", "Published", "Posted on",
 * "Date:" followed by a date.  Returns 1 and fills out like date_parse. */
int date_find_dateline(const char *line, size_t len, char out[11]);

#endif
