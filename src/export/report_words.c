/*
 * report_words.c - the report's figures and kinds in words: the
 * phrases its statements are made of, the interval notation the writers
 * print, and the names of agreement kinds (see report.h).
 */
#include <stdio.h>
#include <string.h>

#include "report.h"

static const char *const rep_agreement_kind_names[REPORT_AGREEMENT_KIND_COUNT] = {"proposition", "numeric"};

const char *report_agreement_kind_name(report_agreement_kind k)
{
    return (unsigned)k < REPORT_AGREEMENT_KIND_COUNT ? rep_agreement_kind_names[k] : "unknown";
}

const char *report_polarity_word(int polarity)
{
    return polarity > 0 ? "strong" : polarity < 0 ? "weak" : "mixed";
}

static void rep_human_number(buf *o, double v)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.15g", v);
    const char *dot = strchr(tmp, '.');
    size_t intlen = dot ? (size_t)(dot - tmp) : strlen(tmp);
    const char *digits = tmp[0] == '-' ? tmp + 1 : tmp;
    size_t ndig = intlen - (size_t)(digits - tmp);
    if ((v < 10000 && v > -10000) || strchr(tmp, 'e')) {
        buf_adds(o, tmp);
        return;
    }
    if (digits != tmp) buf_addc(o, '-');
    for (size_t i = 0; i < ndig; i++) {
        if (i && (ndig - i) % 3 == 0) buf_addc(o, ',');
        buf_addc(o, digits[i]);
    }
    buf_adds(o, tmp + intlen);
}

void report_value_phrase(const report_interval *v, qty_kind kind, buf *o)
{
    const char *pct = kind == QTY_PERCENT ? "%" : "";
    buf_adds(o, "is ");
    if (v->approx) buf_adds(o, "about ");
    if (v->has_low && v->has_high && v->low == v->high) {
        rep_human_number(o, v->low);
        buf_adds(o, pct);
    } else if (v->has_low && v->has_high) {
        buf_adds(o, "between ");
        rep_human_number(o, v->low);
        buf_printf(o, "%s and ", pct);
        rep_human_number(o, v->high);
        buf_adds(o, pct);
    } else if (v->has_low) {
        buf_adds(o, v->low_open ? "more than " : "at least ");
        rep_human_number(o, v->low);
        buf_adds(o, pct);
    } else if (v->has_high) {
        buf_adds(o, v->high_open ? "less than " : "at most ");
        rep_human_number(o, v->high);
        buf_adds(o, pct);
    } else {
        buf_adds(o, "unbounded");
    }
}

static void rep_number(buf *b, double v)
{
    buf_printf(b, "%.15g", v);
}

void report_interval_text(const report_interval *v, buf *b)
{
    if (v->approx) buf_adds(b, "\xe2\x89\x88 ");   /* ≈ */
    if (v->has_low && v->has_high && v->low == v->high && !v->low_open && !v->high_open) {
        rep_number(b, v->low);
        return;
    }
    if (v->has_low) {
        buf_addc(b, v->low_open ? '(' : '[');
        rep_number(b, v->low);
    } else {
        buf_adds(b, "(\xe2\x88\x92\xe2\x88\x9e");   /* (−∞ */
    }
    buf_adds(b, ", ");
    if (v->has_high) {
        rep_number(b, v->high);
        buf_addc(b, v->high_open ? ')' : ']');
    } else {
        buf_adds(b, "\xe2\x88\x9e)");   /* ∞) */
    }
}

void report_measure_words(const char *measure, buf *o)
{
    for (const char *p = measure; *p; p++) buf_addc(o, *p == '_' ? ' ' : *p);
}
