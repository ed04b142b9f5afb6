/*
 * prop_table.c - what a comparison table says that its cells' words
 * alone do not (prop.h): a cell of marks answers its row ("✅", "❌"),
 * and a row whose cells grade two subjects on one scale ranks them
 * ("Performance | High | Very High", "Community | 5/5 | 3/5",
 * "Learning curve | Moderate | Easy").
 *
 * An icon's class answers as a mark does ("fa-square-check").
 * A row ranks only when each of its two subject cells is a short grade
 * of the same kind: a rating ("4/5", "★★★☆☆"), a level of the words
 * lexicon (low, moderate, high, each a step further after "very"), or
 * a judgement (the cell's own polarity, "very" taking it further); a
 * middle level ("Moderate") sits at a judgement's zero.  A level reads
 * the other way on a row whose label names a thing where less is
 * better ("Memory usage", "Latency": the stance lexicon's class cost)
 * or judges badly ("Complexity"), and a level next to a judgement is
 * one ("Learning curve | Low | Steep"); a grade's reason in brackets
 * is left out ("Low (YAML-based)").  Equal grades, longer cells,
 * answers ("Yes", "None": whether each has the feature, no grade) and
 * rows of three subjects or more rank nothing.
 */
#include "prop_int.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

#define PT_CELL_WORDS 4   /* a grade is a word or two ("Very High") */

/* The start of a cell's text past white space and emphasis marks. */
static const char *pt_skip(const char *s, const char *e)
{
    while (s < e && strchr(" \t*_`", *s)) s++;
    return s;
}

static int pt_has_prefix(const prop_names *v, const char *s, const char *e)
{
    for (size_t i = 0; i < v->n; i++) {
        size_t n = strlen(v->name[i]);
        if ((size_t)(e - s) >= n && memcmp(s, v->name[i], n) == 0) return 1;
    }
    return 0;
}

static int pt_is_name(const prop_names *v, const char *s, size_t n)
{
    for (size_t i = 0; i < v->n; i++)
        if (strlen(v->name[i]) == n && memcmp(v->name[i], s, n) == 0) return 1;
    return 0;
}

/* A cell that opens with an icon's tag ("<i class="fa-solid
 * fa-square-check green"></i>", "<span class='bi bi-x-circle'>"): the
 * mark its class names give, each read whole and past a short library
 * prefix ("fa-", "bi-"), the lexicon's icon and icon_no; else 0. */
static int pt_icon(const prop_lex *l, const char *s, const char *e)
{
    const char *gt = s < e && *s == '<' ? memchr(s, '>', (size_t)(e - s)) : NULL;
    const char *a = gt ? kb_memmem(s, (size_t)(gt - s), "class=", 6) : NULL;
    if (!a || a + 7 > gt || (a[6] != '"' && a[6] != '\'')) return 0;
    const char *v = a + 7, *ve = memchr(v, a[6], (size_t)(gt - v));
    if (!ve) return 0;
    while (v < ve) {
        while (v < ve && *v == ' ') v++;
        const char *w = v;
        while (v < ve && *v != ' ') v++;
        const char *dash = memchr(w, '-', (size_t)(v - w));
        for (int pass = 0; pass < 2 && w < v; pass++) {
            if (pt_is_name(&l->icons_yes, w, (size_t)(v - w))) return 1;
            if (pt_is_name(&l->icons_no, w, (size_t)(v - w))) return -1;
            if (!dash || dash - w > 4) break;
            w = dash + 1;
        }
    }
    return 0;
}

int prop_cell_mark(const prop_lex *l, const char *text, size_t len)
{
    const char *e = text + len, *s = pt_skip(text, e);
    if (pt_has_prefix(&l->marks_yes, s, e)) return 1;
    if (pt_has_prefix(&l->marks_no, s, e)) return -1;
    return pt_icon(l, s, e);
}

/* The number written at s (digits, a decimal part), before e: its end,
 * or NULL when there is none or it opens with a 0 before another digit
 * ("03/10" is a date). */
static const char *pt_number(const char *s, const char *e, double *v)
{
    const char *p = s;
    double x = 0, scale = 1;
    while (p < e && *p >= '0' && *p <= '9') x = 10 * x + (*p++ - '0');
    if (p == s || (p - s > 1 && *s == '0')) return NULL;
    if (p + 1 < e && *p == '.' && p[1] >= '0' && p[1] <= '9')
        for (p++; p < e && *p >= '0' && *p <= '9'; p++) x += (*p - '0') * (scale /= 10);
    *v = x;
    return p;
}

/* A rating in the cell's bytes: "4/5", "8.5 / 10" (of 3, 4, 5, 10 or
 * 100: "10/12" is a date), "★★★☆☆" (filled of all the stars), "⭐⭐⭐"
 * (of five). */
static int pt_rating(const char *s, const char *e, double *score)
{
    s = pt_skip(s, e);
    double num, den;
    const char *p = pt_number(s, e, &num);
    if (p) {
        while (p < e && *p == ' ') p++;
        if (p >= e || *p != '/') return 0;
        for (p++; p < e && *p == ' '; p++) {}
        p = pt_number(p, e, &den);
        if (!p || (den != 3 && den != 4 && den != 5 && den != 10 && den != 100) || num > den) return 0;
        for (; p < e; p++)
            if (!strchr(" *_`", *p)) return 0;
        *score = num / den;
        return 1;
    }
    static const char full[] = "\xe2\x98\x85", empty[] = "\xe2\x98\x86", emoji[] = "\xe2\xad\x90";
    int nf = 0, ne = 0, nemoji = 0;
    while (s < e) {
        if ((size_t)(e - s) >= 3 && memcmp(s, full, 3) == 0) nf++, s += 3;
        else if ((size_t)(e - s) >= 3 && memcmp(s, empty, 3) == 0) ne++, s += 3;
        else if ((size_t)(e - s) >= 3 && memcmp(s, emoji, 3) == 0) nemoji++, s += 3;
        else if ((size_t)(e - s) >= 3 && memcmp(s, "\xef\xb8\x8f", 3) == 0) s += 3; /* emoji presentation */
        else if (strchr(" *_`", *s)) s++;
        else return 0;
    }
    if (nf + ne > 0 && !nemoji) *score = (double)nf / (nf + ne);
    else if (nemoji && nemoji <= 5 && !nf && !ne) *score = nemoji / 5.0;
    else return 0;
    return 1;
}

size_t prop_cell_answer(const prop_ctx *c, const prop_claim *in, prop *out, size_t n, size_t max)
{
    int mark = prop_cell_mark(c->lex, in->text, in->len);
    double stars;
    /* a cell of stars has no word either, yet grades its row */
    if (!mark && (n || !pt_rating(in->text, in->text + in->len, &stars))) return n;
    size_t had = n;
    for (size_t i = 0; i < in->tags->nsubj && !had; i++) {
        prop p;
        memset(&p, 0, sizeof p);
        p.kind = PROP_NEUTRAL;
        p.subject = in->tags->subj[i].subject;
        p.versus = p.ranks = p.category = -1;
        p.end = in->len;
        if (n < max) out[n] = p;
        n++;
    }
    /* a mark before words ("✅ via plugin") answers as "Yes" would */
    for (size_t i = 0; i < n && i < max && mark; i++) {
        prop *p = &out[i];
        if (PROP_IS_FACT(p) || p->capable || p->denied || (p->kind == PROP_STANCE && p->polarity)) continue;
        p->kind = PROP_STANCE;
        p->polarity = mark;
        p->capable = mark > 0;
        p->denied = mark < 0;
        p->feature = 1;
        if (mark < 0) p->modality = PROP_ABSOLUTE;
    }
    return n;
}

/* The kinds of grade a cell can be. */
typedef enum pt_scale { PT_NONE, PT_RATING, PT_LEVEL, PT_POLAR } pt_scale;

typedef struct pt_grade {
    pt_scale scale;
    double score;
    int middle;              /* a middle level: also a judgement's zero */
} pt_grade;

/* The grade of one cell, its claim's text[0..len) and propositions,
 * on a row whose label reads backwards (reverse: less is better). */
static pt_grade pt_grade_of(const prop_ctx *c, const prop_cell *cell, int reverse)
{
    pt_grade g = {PT_NONE, 0, 0};
    if (pt_rating(cell->text, cell->text + cell->len, &g.score)) {
        g.scale = PT_RATING;
        return g;
    }
    buf nb = BUF_INIT;
    prop_toks pt;
    /* "Low (YAML-based, Docker-native)": the grade, then why */
    const char *paren = memchr(cell->text, '(', cell->len);
    size_t len = paren && paren > cell->text ? (size_t)(paren - cell->text) : cell->len;
    if (prop_tokenize(cell->text, len, &nb, NULL, &pt) != KB_OK || !pt.n || pt.n > PT_CELL_WORDS) goto done;
    size_t k = 0;
    int more = 0;
    while (k < pt.n && words_is(c->words, WR_INTENSIFIER, &pt.t[k])) k++, more = 1;
    if (k < pt.n) {
        int level = words_is(c->words, WR_LEVEL_LOW, &pt.t[k])    ? 1
                    : words_is(c->words, WR_LEVEL_MID, &pt.t[k])  ? 2
                    : words_is(c->words, WR_LEVEL_HIGH, &pt.t[k]) ? 3
                                                                  : 0;
        if (level) {
            g.scale = PT_LEVEL;
            g.middle = level == 2;
            g.score = level + (more && level != 2 ? (level == 3 ? 0.5 : -0.5) : 0);
            if (reverse) g.score = 4 - g.score;
            goto done;
        }
    }
    for (size_t i = 0; i < cell->nprops; i++) {
        const prop *p = &cell->props[i];
        /* "Built-in | None" answers whether each has it: no grade */
        if (p->subject != cell->subject || p->kind != PROP_STANCE || !p->polarity || p->capable || p->denied) continue;
        g.scale = PT_POLAR;
        g.score = p->polarity * (more ? 1.5 : 1.0);
        break;
    }
done:
    buf_free(&nb);
    return g;
}

/* Does the row label name a thing where less is better, or judge
 * badly ("Complexity")? */
static int pt_reverse(const prop_ctx *c, const char *label)
{
    buf nb = BUF_INIT;
    int rev = 0;
    prop_toks *pt = kb_malloc(sizeof *pt);
    if (prop_tokenize(label, strlen(label), &nb, NULL, pt) == KB_OK)
        rev = stance_is_cost(c->stance, pt->t, pt->n) || stance_label(c->stance, pt->t, pt->n) < 0;
    free(pt);
    buf_free(&nb);
    return rev;
}

/* Set cell's propositions on its subject to rank it against other:
 * ahead (+1) or behind (-1), on the row label's aspects. */
static void pt_rank(const prop_ctx *c, const char *label, prop_cell *cell, int other, int dir)
{
    for (size_t i = 0; i < cell->nprops; i++) {
        prop *p = &cell->props[i];
        if (p->subject != cell->subject || PROP_IS_FACT(p)) continue;
        p->kind = PROP_STANCE;
        p->polarity = dir;
        p->ranks = other;
        prop_row_label(c, label, p, 1, PROP_NEAR_EVAL | PROP_NEAR_RANK);
    }
}

void prop_table_row(const prop_ctx *c, const char *label, prop_cell *cells, size_t n)
{
    prop_cell *two[2];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (cells[i].subject < 0) continue;
        if (m == 2) return; /* three subjects or more: no pair */
        two[m++] = &cells[i];
    }
    if (m != 2 || two[0]->subject == two[1]->subject) return;
    int reverse = pt_reverse(c, label);
    pt_grade a = pt_grade_of(c, two[0], reverse), b = pt_grade_of(c, two[1], reverse);
    /* a level next to a judgement is one too: a middle level its zero,
     * a low or high one good or bad as the row reads ("Learning curve |
     * Low | Steep") */
    if (a.scale == PT_LEVEL && b.scale == PT_POLAR) a = (pt_grade){PT_POLAR, a.middle ? 0 : a.score > 2 ? 1 : -1, 0};
    if (b.scale == PT_LEVEL && a.scale == PT_POLAR) b = (pt_grade){PT_POLAR, b.middle ? 0 : b.score > 2 ? 1 : -1, 0};
    if (a.scale == PT_NONE || a.scale != b.scale || a.score == b.score) return;
    int dir = a.score > b.score ? 1 : -1;
    pt_rank(c, label, two[0], two[1]->subject, dir);
    pt_rank(c, label, two[1], two[0]->subject, -dir);
}
