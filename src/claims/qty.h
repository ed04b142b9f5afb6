/*
 * qty.h - finding the quantities a sentence states and normalizing each
 * to an interval.
 *
 * Every number becomes an interval [low, high] whose ends may be open
 * or missing (infinite), with an approximate flag:
 *   "2+ million packages"        [2000000, inf)     low closed
 *   "800,000+"                   [800000, inf)
 *   "15,000–20,000 requests/sec" [15000, 20000]
 *   "500–2,000"                  [500, 2000]
 *   "2.5M+"                      [2500000, inf)
 *   "over 75%"                   (75, 100]          percent: at most 100
 *   "87%"                        [87, 87]
 *   "nearly 30 years"            [0, 30) approx     "just under 30"
 *                                 (counts, percents, durations: low 0)
 *   "about 40", "around 40"      [40, 40] approx
 *   "at least 5", "5 or more"    [5, inf)
 *   "up to 10", "at most 10"     [0, 10]     (a count: low 0 closed)
 *   "more than 2 million"        (2000000, inf)
 *   "less than 1%"               [0, 1)
 *   "thousands of"               [1000, inf) approx (no digits needed)
 *   "millions of"                [1000000, inf) approx
 *   "70–80%"                     [70, 80]
 *   "1991", "in 2009"            a year: [1991, 1991], kind QTY_YEAR
 *   "3.8", "12.6.0", "v20"       a version: kind QTY_VERSION, text kept
 *                                 in `version`, low = high = major.minor
 *                                 as a number (12.6)
 * Scales: thousand/k/K, million/M/m (after a number: "2.5M"),
 * billion/B/bn.  Separators: "," thousands, "." decimal; en dash, em
 * dash, hyphen, "to" and "and" (after "between") for ranges.
 *
 * The unit is the word or words right after the number, lower-cased and
 * singular where obvious ("packages" -> "package", "requests/sec",
 * "req/s" -> "request/s", "%" -> "percent", "years" -> "year"; a rate
 * that names no thing counted, "100k/sec" or "100k per second", has
 * unit "/s", and a "+"
 * right after it, "100k/sec+", makes it a lower bound); the
 * caller (tag.c) maps units to measures with the taxonomy.  Years
 * (1900-2100 standing alone, or after in/since/from/by/of/released) and
 * versions (a dotted number, or a number after "version"/"v") are told
 * from counts by their shape and context; numbers in dates ("May 08,
 * 2026"), ordinals ("20th"), list markers, times and section numbers
 * are skipped.
 *
 * Rules for what the examples leave open (general, not per article; each
 * has invented test sentences in tests/check_qty.c):
 * - The span includes a bound phrase, "~", a currency sign and, for a
 *   range, "between": "over 75%", "between 10 and 20".  Not the unit.
 * - Counts, percents and durations are never negative: "under X", "up to
 *   X", "nearly X" have low 0 closed.  "nearly", "almost", "just under",
 *   "close to", "approaching" mean a little below: [0, X) approx.
 * - A percent with no upper end stops at 100 closed ("over 75%" = (75,
 *   100]) unless it starts at 100 or more ("over 200%").
 * - "dozens/hundreds/thousands/millions/billions of" = [24/100/1e3/1e6/
 *   1e9, inf) approx; chains multiply ("tens of thousands of" = 1e4).
 *   Two joined by "to" or "or", the second larger, are a range up to the
 *   next order of the second: "thousands to tens of thousands of" =
 *   [1e3, 1e5) approx.
 * - Two numbers joined by a dash or "to" are a range only if the second
 *   is larger.  So a score "2 – 1" gives two plain counts (and "1 – 2" a
 *   range: nothing in the text tells them apart), "from 20 to 10" two
 *   counts.  Three or more dash-joined groups are a phone number: skipped.
 * - Years: four digits 1900-2100 without separator.  After year context
 *   ("in", "since", "by", a month, "in the", "(" or "[") a year; after a
 *   bound ("over 2000") a count; otherwise a year unless a lower-case
 *   word follows ("2024 packages").  "the 1990s" is the year [1990, 1999].
 * - Versions: 3-4 dotted parts; a dotted number after a name (a token
 *   with a capital: "Python 3.8", "Web 2.0", "macOS 14.1") unless a time
 *   or size unit or "times" follows, or before "release"/"version" ("the
 *   1.0 release"); any number after "version", "v", "release"; "v20"
 *   (lower-case: "V8" is a name); a whole number of up to three digits
 *   after a name when only punctuation, a function word or a past tense
 *   follows ("Python 3 – is", "Windows 10.", "Node 20 followed").  "Top
 *   40 questions" stays a count.  "Node 18+", "Python 3.8+" (that
 *   version or later) have no upper end.
 * - A number after an all-caps word ("PEP 8", "ES 6") names something and
 *   is skipped, as are digits glued to letters.
 * - Durations keep the unit written ("six months" = [6, 6] month; see
 *   unit_seconds to convert).  "for decades", "for (many) years" = [2,
 *   inf) approx of that unit.
 * - The word "one" alone is a quantity only before a time unit ("one
 *   year"); elsewhere it is a pronoun ("one of these").  "a million" is
 *   1e6, "half a million" 5e5.  "two-way", "one-time" are adjectives.
 * - A percent's unit is "percent"; what it is a percentage of ("87% of
 *   data scientists") goes to q->of, singular.  "$", "€", "£" make the
 *   unit "dollar", "euro", "pound"; "3x" has unit "time", like "3 times".
 */
#ifndef KB_QTY_H
#define KB_QTY_H

#include <stddef.h>

typedef enum qty_kind {
    QTY_COUNT = 0,   /* a plain amount (packages, developers, requests/s) */
    QTY_PERCENT,
    QTY_YEAR,
    QTY_VERSION,
    QTY_DURATION,    /* years, months, hours ... of time ("30 years") */
    QTY_KIND_COUNT
} qty_kind;

/* A kind's name as the store keeps it: "count", "percent", "year",
 * "version", "duration" ("count" for a value out of range). */
const char *qty_kind_name(qty_kind k);
/* The kind qty_kind_name gives name (exactly) as, or -1 when none does
 * (or name is NULL). */
int qty_kind_of(const char *name);
/* The time a rate's unit writes after its "/" ("s" of "request/s"), in
 * full ("second"), or NULL when it is none. */
const char *qty_rate_time(const char *abbr);
/* Is w[0..n) a unit of data size ("MB", "gigabytes", "bits"): what a
 * bare rate ("100k/sec") does not count? */
int qty_size_word(const char *w, size_t n);

typedef struct qty {
    size_t start, end;      /* the raw span in the text, e.g. "2+ million" */
    qty_kind kind;
    double low, high;       /* valid when has_low / has_high */
    int has_low, has_high;  /* 0: unbounded on that side */
    int low_open, high_open;
    int approx;
    char unit[48];          /* normalized unit words, "" if none */
    size_t unit_start, unit_end; /* the unit's span in the text (0,0 if none) */
    char version[24];       /* QTY_VERSION: the dotted text, "12.6.0" */
    char of[48];            /* QTY_PERCENT: what it is a percentage of,
                             * lower-case, head noun singular: "87% of data
                             * scientists" -> "data scientist"; "" if unsaid */
    double unit_seconds;    /* QTY_DURATION: seconds in one unit (year:
                             * 31557600, month: 2629800, minute: 60), to
                             * compare durations: low * unit_seconds /
                             * 31557600 is in years; 0 for other kinds */
} qty;

/* Find the quantities in text[0..len), in order.  Writes at most max
 * into out and returns how many were found (which may exceed max; out
 * may be NULL when max is 0).  Only len bytes are read: text need not
 * be NUL-terminated.  Linear in len, allocates nothing, keeps no state. */
size_t qty_scan(const char *text, size_t len, qty *out, size_t max);

#endif
