/*
 * report.h - the model of a cited summary: what the sources agree on,
 * what they dispute and the figures they give, per dimension, with every
 * statement traced to the claims (source number + byte offsets) that
 * make it.  Built from the store (stances, quantities) and from the
 * disagreement finder (disagree.h); export.h writes it out.  No printing.
 *
 * Sources are numbered 1..n in path order (all sources, whatever the
 * filter, so a number means the same source in every report of one
 * database).  Everything is ordered deterministically: the same database
 * and filter give the same report.
 *
 * Agreements:
 *   proposition  a subject's aspect that two or more sources judge one
 *            way and none the other (disagree.h): stated as what they
 *            say, "All 5 sources agree on Node.js's event loop: “Its
 *            event loop helps it handle many simultaneous connections
 *            efficiently”", with one quote per source (the rule below);
 *   numeric  quantities of one measure of one subject with equal
 *            intervals (bounds and their openness; "about" is ignored)
 *            from two or more sources ("2 sources agree that the package
 *            count of Node.js is more than 2,000,000"); one quote per
 *            source, its first such claim in document order.
 * The quote picked for a source in a stance agreement is its most
 * telling claim: one that names the subject (compared without case,
 * spaces or punctuation, so "NodeJS" names Node.js) before one that
 * carries it; one that ends like a sentence (. ! ? ; ) " ') before a
 * fragment (a table cell, a bare list item, a lead-in ending in ':');
 * a claim of 24 to 300 bytes before a shorter or longer one; then the
 * shortest; then the first in document order.
 *
 * Disputes are the finder's questions (disagree.h), each with its
 * question, sides, positions, verdict and reason.
 *
 * Sections: one per dimension that has an agreement, a dispute or a
 * figure; ordered by the number of distinct claims the section draws on
 * (most first), then name.  A dispute the finder gives no dimension
 * (numeric, temporal) goes where most of its claims' figures are; what
 * has no dimension at all goes to a last section whose dimension is NULL.
 * Within a section: agreements by number of sources (most first), proposition
 * before numeric, subject, polarity (+1, -1, 0) or measure and value;
 * disputes in the finder's order; figures in store order (subject,
 * measure, source path, claim order).  Agreements are numbered 1.. in
 * that output order across sections; disputes keep the finder's ids.
 *
 * Ownership: everything reachable from a report belongs to it;
 * report_free releases it.
 */
#ifndef KB_REPORT_H
#define KB_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "disagree.h"
#include "qty.h"
#include "store.h"

typedef struct report_source {
    int n;                   /* 1.. in path order */
    long long id;
    char *path, *format, *title, *site, *author, *date, *url; /* NULL when not known */
} report_source;

/* A claim the report quotes. */
typedef struct report_cite {
    int source;              /* report_source.n */
    long long claim_id, start, end;  /* offsets into the source's stored text */
    char *text;
    size_t text_len;
} report_cite;

/* A numeric interval as the store keeps it: has_low == 0 is unbounded. */
typedef struct report_interval {
    double low, high;
    int has_low, has_high, low_open, high_open, approx;
} report_interval;

/* What an agreement is about (the rules above); in this order in a
 * section, at equal numbers of sources. */
typedef enum report_agreement_kind {
    REPORT_PROPOSITION,
    REPORT_NUMERIC,
    REPORT_AGREEMENT_KIND_COUNT
} report_agreement_kind;

/* "proposition", "numeric" (as the JSON export writes them). */
const char *report_agreement_kind_name(report_agreement_kind k);

typedef struct report_agreement {
    int id;                  /* 1.. in output order */
    report_agreement_kind kind;
    char *subject;
    char *aspect;            /* proposition: what of the subject */
    int polarity;            /* proposition: +1, -1 */
    char *measure;           /* numeric */
    report_interval value;   /* numeric */
    char *statement;         /* the generated sentence, ending with '.' */
    size_t nsources, nclaims;  /* everything that supports it */
    report_cite *quotes;     /* one per source, by source number */
    size_t nquotes;
    int dispute;             /* a dispute on the same point (same subject and
                              * aspect, or subject and measure), 0: none */
} report_agreement;

typedef struct report_dispute_claim {
    report_cite cite;
    char side;               /* 'a', 'b', ... */
    int polarity;            /* stance claims */
    char *raw;               /* numeric claims: the quantity as written, or NULL */
    report_interval value;
    int lead;                /* 1: its source's most telling claim on its side
                              * (the quote rule above); a brief may quote only
                              * these and count the rest */
} report_dispute_claim;

typedef struct report_dispute {
    int id;                  /* the finder's id */
    dis_kind kind;           /* the finder's (disagree.h): dis_kind_name */
    dis_verdict verdict;     /* dis_verdict_name */
    char *subject, *measure; /* measure: NULL unless numeric/temporal */
    char *question, *aspect;
    char **positions;        /* per side ('a' + i) */
    size_t nsides;
    char *explanation;
    report_dispute_claim *claims;  /* side, then the finder's order */
    size_t nclaims;
} report_dispute;

typedef struct report_figure {
    int id;                  /* 1.. in output order */
    report_cite cite;
    char *subject, *measure, *raw, *unit, *version;
    qty_kind kind;           /* the quantity's kind (its name: qty_kind_name) */
    report_interval value;
} report_figure;

typedef struct report_section {
    char *dimension;         /* NULL: the section of figures and disputes with none */
    size_t nclaims;          /* distinct claims drawn on (the order key) */
    report_agreement *agreements;
    size_t nagreements;
    report_dispute *disputes;
    size_t ndisputes;
    report_figure *figures;
    size_t nfigures;
} report_section;

typedef struct report {
    char *subject, *dimension;   /* the filter, NULL for any */
    char **subjects;             /* the subjects the report speaks of, by name */
    size_t nsubjects;
    report_source *sources;
    size_t nsources;
    report_section *sections;
    size_t nsections;
    long long total_claims;      /* claims in the database */
    size_t nclaims;              /* distinct claims the report draws on */
    size_t nagreements, ndisputes, nfigures;
} report;

typedef struct report_filter {
    const char *subject;     /* canonical names (cli_resolve_tags), NULL: any */
    const char *dimension;
} report_filter;

/* Build the report for f (NULL: everything).  On error *out is NULL and
 * *err says what failed. */
int report_build(store *st, const report_filter *f, report **out, char **err);
void report_free(report *r);         /* accepts NULL */

/* The source numbered n (1..), or NULL. */
const report_source *report_source_n(const report *r, int n);

/* Human words for a stance polarity: "strong", "weak", "mixed". */
const char *report_polarity_word(int polarity);

/* Append a value as a statement says it: "is 2009", "is at least
 * 2,000,000", "is between 70 and 80", "is about 1,000" (a percent adds
 * "%"). */
void report_value_phrase(const report_interval *v, qty_kind kind, buf *o);

/* Append a measure for people: "release_year" -> "release year". */
void report_measure_words(const char *measure, buf *o);

/* Append an interval in normalized notation: "[800000, ∞)", "(0, 30]",
 * a point as the number alone ("2009"), "≈ " before an approximate one.
 * Numbers are plain ("%.15g"). */
void report_interval_text(const report_interval *v, buf *b);

#endif
