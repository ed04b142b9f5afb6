/*
 * eval_dis.c - how well `kb disagreements` finds what careful readers
 * found: kb's rows against a gold list (tests/gold/disagreements.tsv;
 * format in tests/gold/README.md).
 *
 * usage: eval_dis [-v] DB GOLD.tsv DIR [DB GOLD.tsv DIR ...]
 *
 * Each triple is one comparison (a database ingested from DIR's
 * articles, and DIR's gold list); the figures are printed per triple
 * and, for several, summed over them.  The rows are dis_find's, the
 * same that `kb disagreements --json` prints.
 *
 * A gold quote stands for the kb claim of its source whose byte range
 * covers most of it (at least half).  A gold question is FOUND when one
 * row holds two claims on different sides of the row whose quotes stand
 * on different gold sides of the question (side "*" takes no side).
 *   recall        found questions / gold questions
 *   precision     rows that find at least one gold question / rows
 *   purity        on the rows that find questions: the claims that
 *                 carry a gold side of a question the row finds and sit
 *                 on a row side whose claims mostly carry that same gold
 *                 side, over all the row's claims but those on side "*"
 *                 of such a question: a claim that takes no gold side of
 *                 what the row disputes is impure (the gold lists every
 *                 quote that takes a side).  "lenient" leaves those out
 *                 and judges only the claims the gold labels
 *   verdicts      found questions whose first finding row's verdict is
 *                 the gold verdict (or, "with alternatives", one of
 *                 those the gold list accepts) / found questions
 *   claims/row    median and largest number of claims in a row
 * A measuring tool, not a test: exits 0 unless an input is unreadable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disagree.h"
#include "store.h"
#include "util.h"

typedef struct gquote {
    char *file, *text;
    long long start, end;
    int q;     /* question index */
    char side; /* 'a'.., or '*' */
} gquote;

typedef struct gquestion {
    char *id, *question, *verdicts;
    int found;          /* index+1 of the first row that finds it */
} gquestion;

typedef struct gold {
    gquestion *q;
    size_t nq;
    gquote *s;
    size_t ns;
} gold;

typedef struct totals {
    long questions, found, rows, real_rows, pure, impure, unlabelled, verdict_ok, verdict_alt, unmatched_quotes;
    size_t *sizes;
    size_t nsizes;
} totals;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 >= cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    b[n] = '\0';
    if (len) *len = n;
    return b;
}

/* Split line at tabs into at most max fields (in place). */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; n < max;) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int gold_load(gold *g, const char *path, const char *dir)
{
    char *text = slurp(path, NULL);
    if (!text) {
        fprintf(stderr, "eval_dis: cannot read %s\n", path);
        return -1;
    }
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (!*line || line[0] == '#') continue;
        char *f[8];
        int nf = split_tabs(line, f, 8);
        if (f[0][0] == 'Q' && nf >= 7) {
            g->q = realloc(g->q, (g->nq + 1) * sizeof *g->q);
            g->q[g->nq++] = (gquestion){strdup(f[1]), strdup(f[5]), strdup(f[4]), 0};
        } else if (f[0][0] == 'S' && nf >= 5) {
            int q = -1;
            for (size_t i = 0; i < g->nq; i++)
                if (strcmp(g->q[i].id, f[1]) == 0) q = (int)i;
            char fp[2048];
            snprintf(fp, sizeof fp, "%s/%s", dir, f[3]);
            char *file = slurp(fp, NULL);
            char *at = file ? strstr(file, f[4]) : NULL;
            if (q < 0 || !at) {
                fprintf(stderr, "eval_dis: %s: %s: quote not found in %s: %s\n", path, f[1], f[3], f[4]);
                free(file);
                continue;
            }
            g->s = realloc(g->s, (g->ns + 1) * sizeof *g->s);
            g->s[g->ns++] = (gquote){strdup(f[3]), strdup(f[4]), at - file, at - file + (long long)strlen(f[4]), q, f[2][0]};
            free(file);
        }
    }
    free(text);
    return 0;
}

static void gold_free(gold *g)
{
    for (size_t i = 0; i < g->nq; i++) {
        free(g->q[i].id);
        free(g->q[i].question);
        free(g->q[i].verdicts);
    }
    for (size_t i = 0; i < g->ns; i++) {
        free(g->s[i].file);
        free(g->s[i].text);
    }
    free(g->q);
    free(g->s);
}

/* The length of s's first 70 bytes or fewer that ends on a character's
 * boundary: a quote cut inside a UTF-8 sequence is no text. */
static int clip70(const char *s)
{
    size_t n = strlen(s);
    if (n <= 70) return (int)n;
    n = 70;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return (int)n;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Does kb claim c (of source path) stand for gold quote q: it holds
 * half the quote at least, or the quote holds all of it (a table row
 * quoted whole, "| Multi-tab | Limited | Full |", stands for its
 * cells)? */
static int covers(const dis_claim *c, const char *path, const gquote *q)
{
    if (strcmp(base_name(path), q->file) != 0) return 0;
    long long lo = c->start > q->start ? c->start : q->start, hi = c->end < q->end ? c->end : q->end;
    return hi > lo && (2 * (hi - lo) >= q->end - q->start || (c->start >= q->start && c->end <= q->end));
}

typedef struct qcover {
    const gold *g;
    char *hit;
} qcover;

static int on_claim(void *ctx, const store_claim_row *r)
{
    qcover *qc = ctx;
    dis_claim c;
    memset(&c, 0, sizeof c);
    c.start = r->start;
    c.end = r->end;
    for (size_t i = 0; i < qc->g->ns; i++)
        if (!qc->hit[i] && covers(&c, r->source, &qc->g->s[i])) qc->hit[i] = 1;
    return 0;
}

static int verdict_in(const char *v, const char *list, int first_only)
{
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, '|');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && strncmp(p, v, n) == 0) return 1;
        if (first_only || !e) break;
        p = e + 1;
    }
    return 0;
}

/* The gold side each of row r's claims takes on question q ('\0': none). */
static void row_sides(const dis_set *s, const dis_item *r, const gold *g, size_t q, char *out)
{
    for (size_t k = 0; k < r->nclaims; k++) {
        out[k] = '\0';
        for (size_t i = 0; i < g->ns; i++)
            if ((size_t)g->s[i].q == q && covers(&r->claims[k], s->sources[r->claims[k].source].path, &g->s[i]))
                out[k] = g->s[i].side;
    }
}

static int row_finds(const dis_item *r, const char *gs)
{
    for (size_t a = 0; a < r->nclaims; a++)
        for (size_t b = 0; b < r->nclaims; b++)
            if (gs[a] && gs[b] && gs[a] != '*' && gs[b] != '*' && gs[a] != gs[b] &&
                r->claims[a].side != r->claims[b].side)
                return 1;
    return 0;
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static void print_figures(const char *name, const totals *t)
{
    double rec = t->questions ? (double)t->found / (double)t->questions : 0;
    double prec = t->rows ? (double)t->real_rows / (double)t->rows : 0;
    long judged = t->pure + t->impure;
    double pur = judged ? (double)t->pure / (double)judged : 0;
    double spur = judged + t->unlabelled ? (double)t->pure / (double)(judged + t->unlabelled) : 0;
    double ver = t->found ? (double)t->verdict_ok / (double)t->found : 0;
    double alt = t->found ? (double)t->verdict_alt / (double)t->found : 0;
    size_t *v = malloc((t->nsizes ? t->nsizes : 1) * sizeof *v);
    memcpy(v, t->sizes, t->nsizes * sizeof *v);
    qsort(v, t->nsizes, sizeof *v, size_cmp);
    double med = !t->nsizes ? 0 : t->nsizes % 2 ? (double)v[t->nsizes / 2]
                                                : (double)(v[t->nsizes / 2 - 1] + v[t->nsizes / 2]) / 2;
    size_t mx = t->nsizes ? v[t->nsizes - 1] : 0;
    free(v);
    printf("%s: %ld gold questions, %ld rows\n", name, t->questions, t->rows);
    printf("  recall             %.3f  (%ld of %ld found)\n", rec, t->found, t->questions);
    printf("  row precision      %.3f  (%ld of %ld rows find a gold question)\n", prec, t->real_rows, t->rows);
    printf("  side purity        %.3f  (%ld of %ld claims; lenient %.3f, leaving out %ld that take no gold side)\n",
           spur, t->pure, judged + t->unlabelled, pur, t->unlabelled);
    printf("  verdict accuracy   %.3f  (%ld of %ld; %.3f with the accepted alternatives)\n", ver, t->verdict_ok,
           t->found, alt);
    printf("  claims per row     median %.1f, largest %zu\n", med, mx);
    if (t->unmatched_quotes) printf("  gold quotes in no kb claim: %ld\n", t->unmatched_quotes);
}

static int eval_one(const char *dbpath, const char *goldpath, const char *dir, int verbose, totals *t)
{
    gold g = {0};
    if (gold_load(&g, goldpath, dir)) return -1;
    store *st = NULL;
    char *err = NULL;
    dis_set s;
    memset(&s, 0, sizeof s);
    dis_filter f = {NULL, NULL, 0};
    if (store_open(dbpath, 0, &st, &err) || dis_find(st, &f, &s, &err)) {
        fprintf(stderr, "eval_dis: %s\n", err ? err : dbpath);
        free(err);
        store_close(st);
        gold_free(&g);
        return -1;
    }
    totals one = {0};
    one.questions = (long)g.nq;
    one.rows = (long)s.nitems;
    one.sizes = malloc((s.nitems ? s.nitems : 1) * sizeof *one.sizes);
    /* gold quotes that no kb claim stands for (segmentation, or a claim
     * kb never made) */
    qcover qc = {&g, calloc(g.ns + 1, 1)};
    if (store_claims(st, NULL, NULL, 0, on_claim, &qc, &err) == 0)
        for (size_t i = 0; i < g.ns; i++) {
            one.unmatched_quotes += !qc.hit[i];
            if (!qc.hit[i] && verbose)
                printf("  NO CLAIM for %s quote in %s: \"%s\"\n", g.q[g.s[i].q].id, g.s[i].file, g.s[i].text);
        }
    free(qc.hit);
    for (size_t r = 0; r < s.nitems; r++) {
        const dis_item *it = &s.items[r];
        one.sizes[one.nsizes++] = it->nclaims;
        char *gs = malloc(it->nclaims + 1);
        int *labelled = calloc(it->nclaims + 1, sizeof *labelled);
        int real = 0;
        for (size_t q = 0; q < g.nq; q++) {
            row_sides(&s, it, &g, q, gs);
            if (!row_finds(it, gs)) continue;
            real = 1;
            if (!g.q[q].found) {
                g.q[q].found = (int)r + 1;
                one.found++;
                one.verdict_ok += verdict_in(dis_verdict_name(it->verdict), g.q[q].verdicts, 1);
                one.verdict_alt += verdict_in(dis_verdict_name(it->verdict), g.q[q].verdicts, 0);
            }
            /* purity: each row side's majority gold side */
            for (size_t k = 0; k < it->nclaims; k++) {
                if (!gs[k]) continue;
                labelled[k] = 1;
                if (gs[k] == '*') continue;
                int votes[26] = {0};
                for (size_t j = 0; j < it->nclaims; j++)
                    if (it->claims[j].side == it->claims[k].side && gs[j] >= 'a' && gs[j] <= 'z') votes[gs[j] - 'a']++;
                int best = 0;
                for (int v = 1; v < 26; v++)
                    if (votes[v] > votes[best]) best = v;
                if (gs[k] - 'a' == best && (size_t)votes[best] * 2 > 0) one.pure++;
                else {
                    one.impure++;
                    if (verbose)
                        printf("  IMPURE row %d side %c: %s takes gold side %c (row side mostly %c): \"%.*s\"\n",
                               it->id, it->claims[k].side, g.q[q].id, gs[k], 'a' + best, clip70(it->claims[k].text),
                               it->claims[k].text);
                }
            }
        }
        if (real) {
            one.real_rows++;
            for (size_t k = 0; k < it->nclaims; k++) {
                one.unlabelled += !labelled[k];
                if (!labelled[k] && verbose)
                    printf("  NO GOLD SIDE row %d side %c: \"%.*s\"\n", it->id, it->claims[k].side,
                           clip70(it->claims[k].text), it->claims[k].text);
            }
        } else if (verbose) {
            printf("  UNMATCHED row %d  %s  (%s / %s)  [%s, %s]\n", it->id, it->question ? it->question : "",
                   it->subject, it->measure ? it->measure : it->dimension ? it->dimension : "-",
                   dis_kind_name(it->kind), dis_verdict_name(it->verdict));
        }
        free(gs);
        free(labelled);
    }
    if (verbose)
        for (size_t q = 0; q < g.nq; q++) {
            if (!g.q[q].found) printf("  MISSED %s  %s\n", g.q[q].id, g.q[q].question);
            else if (!verdict_in(dis_verdict_name(s.items[g.q[q].found - 1].verdict), g.q[q].verdicts, 1))
                printf("  VERDICT%s %s row %d: %s, gold %s\n",
                       verdict_in(dis_verdict_name(s.items[g.q[q].found - 1].verdict), g.q[q].verdicts, 0)
                           ? " (accepted)" : "",
                       g.q[q].id, g.q[q].found, dis_verdict_name(s.items[g.q[q].found - 1].verdict), g.q[q].verdicts);
        }
    print_figures(goldpath, &one);
    t->questions += one.questions;
    t->found += one.found;
    t->rows += one.rows;
    t->real_rows += one.real_rows;
    t->pure += one.pure;
    t->impure += one.impure;
    t->unlabelled += one.unlabelled;
    t->verdict_ok += one.verdict_ok;
    t->verdict_alt += one.verdict_alt;
    t->sizes = realloc(t->sizes, (t->nsizes + one.nsizes + 1) * sizeof *t->sizes);
    memcpy(t->sizes + t->nsizes, one.sizes, one.nsizes * sizeof *one.sizes);
    t->nsizes += one.nsizes;
    free(one.sizes);
    dis_free(&s);
    store_close(st);
    gold_free(&g);
    return 0;
}

int main(int argc, char **argv)
{
    int verbose = 0, a = 1;
    if (a < argc && strcmp(argv[a], "-v") == 0) {
        verbose = 1;
        a++;
    }
    if (argc - a < 3 || (argc - a) % 3) {
        fprintf(stderr, "usage: eval_dis [-v] DB GOLD.tsv DIR [DB GOLD.tsv DIR ...]\n");
        return 2;
    }
    totals t = {0};
    int n = 0;
    for (; a + 2 < argc; a += 3, n++)
        if (eval_one(argv[a], argv[a + 1], argv[a + 2], verbose, &t)) return 2;
    if (n > 1) print_figures("all of them", &t);
    free(t.sizes);
    return 0;
}
