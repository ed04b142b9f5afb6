/*
 * eval.c - precision and recall of kb's claim tags against the gold set
 * labelled by hand (tests/gold/corpus.tsv; format in tests/gold/README.md).
 *
 * usage: eval DB GOLD.tsv CORPUS_DIR
 *
 * Each gold row names a claim by a quote from its source file.  The kb
 * claim that overlaps the quote most is its match; a gold claim with no
 * overlapping kb claim loses all its labels (they count as misses).
 * Labels are compared as sets per claim:
 *   subjects    canonical names
 *   dimensions  names
 *   quantities  measure, interval (ends, open/closed, approximate) and
 *               subject: all must agree
 *   stances     subject, dimension, polarity (versus is reported apart)
 * Furniture rows must have no overlapping kb claim.
 * This is a measuring tool, not a test: it prints figures and the
 * disagreements, and exits 0 unless its inputs are unreadable.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXL 64

typedef struct set {
    char *v[MAXL];
    int n;
} set;

typedef struct tally {
    const char *name;
    long tp, fp, fn;
} tally;

static void set_add(set *s, const char *v)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0) return;
    if (s->n < MAXL) s->v[s->n++] = strdup(v);
}

static void set_free(set *s)
{
    for (int i = 0; i < s->n; i++) free(s->v[i]);
    s->n = 0;
}

static int set_has(const set *s, const char *v)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0) return 1;
    return 0;
}

/* Split a gold field ("a, b" or "x; y") into a set; "-" or "" is empty. */
static void set_parse(set *s, const char *f, char sep)
{
    s->n = 0;
    if (!f || !*f || strcmp(f, "-") == 0) return;
    const char *p = f;
    while (*p) {
        const char *e = strchr(p, sep);
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && (*p == ' ')) { p++; n--; }
        while (n && p[n - 1] == ' ') n--;
        if (n) {
            char *v = strndup(p, n);
            set_add(s, v);
            free(v);
        }
        if (!e) break;
        p = e + 1;
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    if (fread(d, 1, (size_t)n, f) != (size_t)n) n = 0;
    d[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return d;
}

/* A number as the gold set writes it: integers plain, else up to 6 digits. */
static void fmt_num(char *out, size_t n, double v)
{
    if (fabs(v - llround(v)) < 1e-9) snprintf(out, n, "%lld", (long long)llround(v));
    else snprintf(out, n, "%.6g", v);
}

/* The canonical text of a kb quantity, in the gold notation:
 * measure=~[low,high)@subject */
static void qty_key(char *out, size_t n, const char *measure, int has_low, double low, int has_high, double high,
                    int lo, int ho, int approx, const char *subject)
{
    char l[32] = "", h[32] = "";
    if (has_low) fmt_num(l, sizeof l, low);
    if (has_high) fmt_num(h, sizeof h, high);
    snprintf(out, n, "%s=%s%c%s,%s%c@%s", measure ? measure : "?", approx ? "~" : "",
             has_low && !lo ? '[' : '(', l, h, has_high && !ho ? ']' : ')', subject ? subject : "-");
}

/* Gold intervals may write "[0,30)" for a count's lower end: kb writes
 * counts the same way, so keys compare as text after normalizing numbers. */
static void gold_qty_norm(char *out, size_t n, const char *g)
{
    /* re-print numbers so "2000000.0" and "2000000" agree */
    char buf[256];
    size_t k = 0;
    for (const char *p = g; *p && k + 32 < sizeof buf;) {
        if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9')) {
            char *e;
            double v = strtod(p, &e);
            char num[32];
            fmt_num(num, sizeof num, v);
            k += (size_t)snprintf(buf + k, sizeof buf - k, "%s", num);
            p = e;
        } else {
            buf[k++] = *p++;
        }
    }
    buf[k] = '\0';
    snprintf(out, n, "%s", buf);
}

static void score(tally *t, const set *gold, const set *got, const char *src, const char *quote, int verbose)
{
    for (int i = 0; i < got->n; i++) {
        if (set_has(gold, got->v[i])) t->tp++;
        else {
            t->fp++;
            if (verbose) printf("  FP %-10s %s  %s  \"%.50s\"\n", t->name, got->v[i], src, quote);
        }
    }
    for (int i = 0; i < gold->n; i++)
        if (!set_has(got, gold->v[i])) {
            t->fn++;
            if (verbose) printf("  FN %-10s %s  %s  \"%.50s\"\n", t->name, gold->v[i], src, quote);
        }
}

static int q_exec(sqlite3 *db, const char *sql, long long cid, set *out, int kind)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "eval: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_bind_int64(s, 1, cid);
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (kind == 0) {
            set_add(out, (const char *)sqlite3_column_text(s, 0));
        } else {
            char key[256];
            qty_key(key, sizeof key, (const char *)sqlite3_column_text(s, 0), sqlite3_column_type(s, 1) != SQLITE_NULL,
                    sqlite3_column_double(s, 1), sqlite3_column_type(s, 2) != SQLITE_NULL,
                    sqlite3_column_double(s, 2), sqlite3_column_int(s, 3), sqlite3_column_int(s, 4),
                    sqlite3_column_int(s, 5), (const char *)sqlite3_column_text(s, 6));
            set_add(out, key);
        }
    }
    sqlite3_finalize(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: eval DB GOLD.tsv CORPUS_DIR [-v]\n");
        return 2;
    }
    int verbose = argc > 4 && strcmp(argv[4], "-v") == 0;
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "eval: %s: %s\n", argv[1], sqlite3_errmsg(db));
        return 2;
    }
    size_t glen;
    char *gold = read_file(argv[2], &glen);
    if (!gold) {
        fprintf(stderr, "eval: cannot read %s\n", argv[2]);
        return 2;
    }
    tally t[4] = {{"subjects", 0, 0, 0}, {"dimensions", 0, 0, 0}, {"quantities", 0, 0, 0}, {"stances", 0, 0, 0}};
    long claims = 0, matched = 0, furn = 0, furn_ok = 0, furn_qty = 0, versus_ok = 0, versus_n = 0;
    sqlite3_stmt *find;
    sqlite3_prepare_v2(db,
                       "SELECT c.id, min(c.byte_end, ?3) - max(c.byte_start, ?2) AS ov FROM claim c JOIN source s ON "
                       "s.id = c.source_id WHERE (s.path = ?1 OR s.path LIKE '%/' || ?1) AND c.byte_start < ?3 AND "
                       "c.byte_end > ?2 ORDER BY ov DESC LIMIT 1",
                       -1, &find, NULL);
    char *line = gold, *save = NULL;
    int first = 1;
    for (line = strtok_r(gold, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (first) { first = 0; continue; } /* header */
        if (!*line || line[0] == '#') continue;
        char *f[7] = {0};
        int nf = 0;
        for (char *p = line; nf < 7;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < 3) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", argv[3], f[0]);
        size_t flen;
        char *file = read_file(path, &flen);
        char *at = file ? strstr(file, f[1]) : NULL;
        if (!at) {
            fprintf(stderr, "eval: quote not found in %s: %s\n", f[0], f[1]);
            free(file);
            continue;
        }
        long long qs = at - file, qe = qs + (long long)strlen(f[1]);
        free(file);
        sqlite3_reset(find);
        sqlite3_bind_text(find, 1, f[0], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(find, 2, qs);
        sqlite3_bind_int64(find, 3, qe);
        long long cid = 0;
        if (sqlite3_step(find) == SQLITE_ROW) cid = sqlite3_column_int64(find, 0);
        if (strcmp(f[2], "furniture") == 0) {
            furn++;
            if (!cid) furn_ok++;
            else {
                set q = {0};
                q_exec(db, "SELECT measure, low, high, low_open, high_open, approx, subject FROM claim_quantity WHERE claim_id = ?1", cid, &q, 1);
                furn_qty += q.n;
                set_free(&q);
                if (verbose) printf("  FURNITURE kept as claim: %s \"%.60s\"\n", f[0], f[1]);
            }
            continue;
        }
        claims++;
        if (cid) matched++;
        else if (verbose) printf("  MISSING claim: %s \"%.60s\"\n", f[0], f[1]);
        set gs = {0}, gd = {0}, gq = {0}, gst = {0}, ks = {0}, kd = {0}, kq = {0}, kst = {0};
        set_parse(&gs, nf > 3 ? f[3] : NULL, ',');
        set_parse(&gd, nf > 4 ? f[4] : NULL, ',');
        set graw = {0};
        set_parse(&graw, nf > 5 ? f[5] : NULL, ';');
        for (int i = 0; i < graw.n; i++) {
            char k[256];
            gold_qty_norm(k, sizeof k, graw.v[i]);
            set_add(&gq, k);
        }
        set_free(&graw);
        set sraw = {0};
        set_parse(&sraw, nf > 6 ? f[6] : NULL, ';');
        set gvs = {0};
        for (int i = 0; i < sraw.n; i++) {
            /* subject:dimension:polarity[:versus] -> key without versus */
            char k[256];
            snprintf(k, sizeof k, "%s", sraw.v[i]);
            char *c1 = strchr(k, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL, *c3 = c2 ? strchr(c2 + 1, ':') : NULL;
            if (c3) {
                set_add(&gvs, k);
                *c3 = '\0';
            }
            set_add(&gst, k);
        }
        set_free(&sraw);
        if (cid) {
            q_exec(db, "SELECT subject FROM claim_subject WHERE claim_id = ?1", cid, &ks, 0);
            q_exec(db, "SELECT dimension FROM claim_dimension WHERE claim_id = ?1", cid, &kd, 0);
            q_exec(db, "SELECT measure, low, high, low_open, high_open, approx, subject FROM claim_quantity WHERE claim_id = ?1", cid, &kq, 1);
            q_exec(db, "SELECT subject || ':' || dimension || ':' || (CASE polarity WHEN 1 THEN '+' WHEN -1 THEN '-' ELSE '0' END) FROM claim_stance WHERE claim_id = ?1", cid, &kst, 0);
            set kvs = {0};
            q_exec(db, "SELECT subject || ':' || dimension || ':' || (CASE polarity WHEN 1 THEN '+' WHEN -1 THEN '-' ELSE '0' END) || ':' || versus FROM claim_stance WHERE claim_id = ?1 AND versus IS NOT NULL", cid, &kvs, 0);
            for (int i = 0; i < gvs.n; i++) {
                versus_n++;
                versus_ok += set_has(&kvs, gvs.v[i]);
            }
            set_free(&kvs);
        }
        score(&t[0], &gs, &ks, f[0], f[1], verbose);
        score(&t[1], &gd, &kd, f[0], f[1], verbose);
        score(&t[2], &gq, &kq, f[0], f[1], verbose);
        score(&t[3], &gst, &kst, f[0], f[1], verbose);
        set *all[] = {&gs, &gd, &gq, &gst, &ks, &kd, &kq, &kst, &gvs};
        for (size_t i = 0; i < sizeof all / sizeof *all; i++) set_free(all[i]);
    }
    sqlite3_finalize(find);
    printf("gold claims: %ld, matched to a kb claim: %ld (%.1f%%)\n", claims, matched,
           claims ? 100.0 * matched / claims : 0.0);
    printf("%-11s %9s %9s %9s %6s %6s %6s\n", "tag", "precision", "recall", "F1", "TP", "FP", "FN");
    for (int i = 0; i < 4; i++) {
        double p = t[i].tp + t[i].fp ? (double)t[i].tp / (double)(t[i].tp + t[i].fp) : 1.0;
        double r = t[i].tp + t[i].fn ? (double)t[i].tp / (double)(t[i].tp + t[i].fn) : 1.0;
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        printf("%-11s %9.3f %9.3f %9.3f %6ld %6ld %6ld\n", t[i].name, p, r, f1, t[i].tp, t[i].fp, t[i].fn);
    }
    printf("stance versus agreement: %ld of %ld\n", versus_ok, versus_n);
    printf("furniture rows: %ld, kept out of claims: %ld, quantities from furniture: %ld\n", furn, furn_ok, furn_qty);
    free(gold);
    sqlite3_close(db);
    return 0;
}
