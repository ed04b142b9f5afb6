/*
 * export_words.h - the wording every export format shares, built into
 * a buf as plain text: the writer escapes it for its format
 * (export_escape.h).
 */
#ifndef KB_EXPORT_WORDS_H
#define KB_EXPORT_WORDS_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

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
