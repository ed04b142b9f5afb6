/*
 * qty.c - the quantities a sentence states, each as an interval; qty.h
 * is the contract: the examples that must hold and the rules for the
 * cases they leave open.
 *
 * One left-to-right pass.  At the start of each token that may be a
 * numeral (digits, number words, "thousands of") the scanner
 *   1. rejects what is not an amount: a number in a date (the span is
 *      handed to date_parse), an ordinal ("20th"), a time, ratio or
 *      fraction ("10:30", "1:1", "24/7"), a list marker or section number
 *      first on its line ("1.", "2)", "3.2 Setup"), digits glued to
 *      letters ("ES6", "V8", "3D") or joined to a name ("COVID-19",
 *      "HTTP/2"), a number after an acronym ("PEP 8"), a phone number;
 *   2. reads the numeral with what is glued to it: thousands separators,
 *      a scale ("2.5M", "2 million"), "+", a percent, and a second end
 *      after a dash, "to", or "and" (after "between");
 *   3. reads the tokens before it (bound phrases, year context, a name
 *      such as "Python") and the word after it to choose kind and interval;
 *   4. reads the unit: up to three words, ending at the first plural
 *      (the head of an English noun phrase: "Stack Overflow questions"),
 *      before a function word, or at punctuation.
 * Context is read only within QTY_WIN bytes of the numeral and the
 * cursor never goes back before what it consumed, so the scan is linear;
 * nothing is allocated.  Word lists are tables, so adding a bound word or
 * a unit spelling is adding a line; the two that every word of the text
 * meets (number words, time units) are found through a hash index built
 * from them on first use.
 */
#include "qty.h"

#include <pthread.h>
#include <string.h>

#include "date.h"

#define QTY_WIN 64   /* bytes of context read around a numeral */
#define QTY_NW 24    /* longest word compared with the tables, plus 1 */

#define QC(k) qty_c(t, n, (k))
#define QTY_LEN(a) (sizeof(a) / sizeof *(a))
#define QTY_IN(tab, w) (qty_find((tab), QTY_LEN(tab), (w)) >= 0)
#define QTY_MAP(tab, w) qty_map((tab), QTY_LEN(tab), (w))

enum { QB_NONE, QB_GT, QB_GE, QB_LT, QB_LE, QB_NEAR, QB_ABOUT };

/* Phrases before a number that bound it; longer phrases come first so
 * "just under" wins over "under" and "no more than" over "more than". */
static const struct { const char *w; int b, approx; } qty_bounds[] = {
    {"in excess of", QB_GT, 0}, {"no more than", QB_LE, 0}, {"no fewer than", QB_GE, 0},
    {"no less than", QB_GE, 0}, {"a minimum of", QB_GE, 0}, {"a maximum of", QB_LE, 0},
    {"more than", QB_GT, 0}, {"greater than", QB_GT, 0}, {"upwards of", QB_GT, 0},
    {"well over", QB_GT, 0}, {"just over", QB_GT, 1}, {"just above", QB_GT, 1}, {"at least", QB_GE, 0},
    {"just under", QB_NEAR, 1}, {"just below", QB_NEAR, 1}, {"close to", QB_NEAR, 1},
    {"up to", QB_LE, 0}, {"at most", QB_LE, 0}, {"less than", QB_LT, 0}, {"fewer than", QB_LT, 0},
    {"an estimated", QB_ABOUT, 1}, {"over", QB_GT, 0}, {"above", QB_GT, 0}, {"beyond", QB_GT, 0}, {"exceeding", QB_GT, 0},
    {"nearly", QB_NEAR, 1}, {"almost", QB_NEAR, 1}, {"approaching", QB_NEAR, 1}, {"about", QB_ABOUT, 1},
    {"around", QB_ABOUT, 1}, {"approximately", QB_ABOUT, 1}, {"roughly", QB_ABOUT, 1},
    {"circa", QB_ABOUT, 1}, {"estimated", QB_ABOUT, 1}, {"under", QB_LT, 0}, {"below", QB_LT, 0}};

/* Function words: they end a unit and are never a product name. */
static const char *const qty_stop[] = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "nor", "as", "than", "per", "via", "vs", "versus", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "may", "might",
    "shall", "should", "must", "that", "which", "who", "whose", "this", "these", "those", "it", "its",
    "they", "their", "them", "we", "our", "you", "your", "he", "his", "she", "her", "there", "here",
    "then", "into", "onto", "over", "under", "about", "more", "less", "fewer", "most", "least", "while",
    "when", "where", "whether", "if", "so", "not", "no", "also", "only", "each", "every", "all", "both",
    "either", "such", "very", "just", "like", "since", "until", "after", "before", "during", "among",
    "between", "across", "against", "within", "without", "through", "ago", "what", "how", "why", "top",
    "out", "up", "other", "another", "some", "any", "many", "much", "few", "first", "last", "next",
    "exactly"};

/* Words after which a four-digit number is a year ("in 2009"). */
static const char *const qty_yearctx[] = {
    "in", "since", "from", "by", "of", "released", "launched", "introduced", "founded", "created",
    "year", "until", "till", "before", "after", "during", "circa", "early", "late", "mid", "spring",
    "summer", "autumn", "fall", "winter", "through"};

static const char *const qty_verctx[] = {"version", "versions", "v", "ver", "release"};
/* Determiners skipped between a percent's "of" and its population. */
static const char *const qty_dets[] = {"the", "all", "its", "their", "these", "those", "our", "your"};
static const char *const qty_ormore[] = {"more", "above", "higher", "greater", "over"};
static const char *const qty_orless[] = {"less", "fewer", "below", "under", "lower"};

/* Number words: op 0 adds, 1 multiplies the group so far ("two
 * hundred"), 2 closes a group with a scale ("two million").  Op 3: a
 * vague plural, a lower bound before "of" ("thousands of"); op 4: a
 * letter glued to digits that scales them ("2.5M", "10k", "3bn"). */
static const struct { const char *w; double v; int op; } qty_nums[] = {
    {"zero", 0, 0}, {"one", 1, 0}, {"two", 2, 0}, {"three", 3, 0}, {"four", 4, 0}, {"five", 5, 0},
    {"six", 6, 0}, {"seven", 7, 0}, {"eight", 8, 0}, {"nine", 9, 0}, {"ten", 10, 0}, {"eleven", 11, 0},
    {"twelve", 12, 0}, {"thirteen", 13, 0}, {"fourteen", 14, 0}, {"fifteen", 15, 0}, {"sixteen", 16, 0},
    {"seventeen", 17, 0}, {"eighteen", 18, 0}, {"nineteen", 19, 0}, {"twenty", 20, 0},
    {"thirty", 30, 0}, {"forty", 40, 0}, {"fifty", 50, 0}, {"sixty", 60, 0}, {"seventy", 70, 0},
    {"eighty", 80, 0}, {"ninety", 90, 0}, {"hundred", 100, 1}, {"dozen", 12, 1}, {"thousand", 1e3, 2},
    {"million", 1e6, 2}, {"billion", 1e9, 2}, {"trillion", 1e12, 2},
    {"tens", 10, 3}, {"dozens", 24, 3}, {"hundreds", 100, 3}, {"thousands", 1e3, 3}, {"millions", 1e6, 3},
    {"billions", 1e9, 3}, {"k", 1e3, 4}, {"m", 1e6, 4}, {"mn", 1e6, 4}, {"b", 1e9, 4}, {"bn", 1e9, 4}};

/* Time units: after a number they make a duration ("30 years"); plurals
 * are found by dropping the "s" (qty_dur). */
static const char *const qty_durs[][2] = {
    {"year", "year"}, {"yr", "year"}, {"decade", "decade"}, {"month", "month"},
    {"week", "week"}, {"day", "day"}, {"hour", "hour"}, {"hr", "hour"}, {"h", "hour"},
    {"minute", "minute"}, {"min", "minute"}, {"second", "second"}, {"sec", "second"},
    {"s", "second"}, {"millisecond", "millisecond"}, {"ms", "millisecond"},
    {"msec", "millisecond"}, {"microsecond", "microsecond"}, {"nanosecond", "nanosecond"},
    {"ns", "nanosecond"}, {"mo", "month"}};

/* Seconds in each time unit (a year of 365.25 days), for q->unit_seconds. */
static const struct { const char *u; double s; } qty_secs[] = {
    {"year", 31557600}, {"decade", 315576000}, {"month", 2629800}, {"week", 604800}, {"day", 86400},
    {"hour", 3600}, {"minute", 60}, {"second", 1}, {"millisecond", 1e-3}, {"microsecond", 1e-6},
    {"nanosecond", 1e-9}};

/* Other units that may be glued to digits ("4GB", "3x") or that keep a
 * dotted number after a name from being a version ("Python 2.5 times"). */
static const char *const qty_glued[][2] = {
    {"kb", "kb"}, {"mb", "mb"}, {"gb", "gb"}, {"tb", "tb"}, {"pb", "pb"}, {"kib", "kib"},
    {"mib", "mib"}, {"gib", "gib"}, {"mbps", "mbps"}, {"gbps", "gbps"}, {"ghz", "ghz"}, {"mhz", "mhz"},
    {"fps", "fps"}, {"px", "px"}, {"x", "time"}, {"times", "time"}};

/* How a rate writes its time unit: "requests/sec" = "request/s". */
static const char *const qty_rates[][2] = {{"second", "s"}, {"minute", "min"}, {"hour", "h"}};

/* Unit words with one spelling; they end the unit, as a plural does. */
static const char *const qty_alias[][2] = {
    {"req", "request"}, {"reqs", "request"}, {"rps", "request/s"}, {"qps", "query/s"},
    {"tps", "transaction/s"}, {"times", "time"}, {"people", "person"}, {"children", "child"},
    {"men", "man"}, {"women", "woman"}};

/* A numeral as read, before context decides what it is. */
typedef struct qty_num {
    size_t s, e;     /* the numeral with scale, "+" and percent */
    size_t ve;       /* end of the digits or words (version text: s..ve) */
    size_t ps, pe;   /* the percent sign or word */
    size_t gs, ge;   /* a unit glued to the digits */
    double v, mult;  /* value, and the scale it carries (1 if none) */
    int ndig, sep, parts, scaled, plus, pct, word, lone, vflag, decade, skip;
    const char *gunit;
    int gdur;        /* gunit is a time unit */
} qty_num;

/* A token (run of non-blanks) before the numeral. */
typedef struct qty_tok {
    size_t s, e;
    char w[QTY_NW];  /* lower-cased, "" if too long */
    int word, name, acro;
} qty_tok;

typedef struct qty_w { size_t s, e; char w[QTY_NW]; int cap; } qty_w;

/* What was learnt about one numeral, passed between the steps. */
typedef struct qty_ctx {
    qty_num a, b;       /* the numeral, and a range's second end */
    qty_tok tk[3];
    int nt, bound, approx, range, ormore, orless;
    size_t st, p, cs;   /* span start and end, currency sign */
    const char *cur;
} qty_ctx;

static int qty_c(const char *t, size_t n, size_t i) { return i < n ? (unsigned char)t[i] : -1; }
static int qty_dig(int c) { return c >= '0' && c <= '9'; }
static int qty_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int qty_alpha(int c) { return (c >= 'a' && c <= 'z') || qty_upper(c); }
static int qty_alnum(int c) { return qty_dig(c) || qty_alpha(c); }
static char qty_lower(int c) { return (char)(qty_upper(c) ? c + 32 : c); }

/* Table look-ups compare the first byte inline: most words differ there,
 * and every word near a number meets several tables. */
static int qty_eq(const char *a, const char *b) { return a[0] == b[0] && !strcmp(a, b); }

static int qty_find(const char *const *tab, size_t ntab, const char *w)
{
    for (size_t i = 0; i < ntab; i++)
        if (qty_eq(tab[i], w)) return (int)i;
    return -1;
}

static const char *qty_map(const char *const (*tab)[2], size_t ntab, const char *w)
{
    for (size_t i = 0; i < ntab; i++)
        if (qty_eq(tab[i][0], w)) return tab[i][1];
    return NULL;
}

/* Every word of the text is looked up in qty_nums (is it a numeral?),
 * and many in qty_durs, so these two tables are indexed by a hash of
 * their words, built once on first use: open addressing, entry index +
 * 1 per slot, entries inserted in table order so that a probe meets
 * equal words in that order, as a scan of the table would. */
#define QTY_SLOTS 128
_Static_assert(QTY_LEN(qty_nums) * 2 <= QTY_SLOTS && QTY_LEN(qty_durs) * 2 <= QTY_SLOTS,
               "a word table outgrew its index");
static unsigned char qty_num_slot[QTY_SLOTS], qty_dur_slot[QTY_SLOTS];
static pthread_once_t qty_index_once = PTHREAD_ONCE_INIT;

static size_t qty_hash(const char *w)
{
    size_t h = 2166136261u;
    for (; *w; w++) h = (h ^ (unsigned char)*w) * 16777619u;
    return h & (QTY_SLOTS - 1);
}

static void qty_slot_put(unsigned char *slot, const char *w, size_t i)
{
    size_t h = qty_hash(w);
    while (slot[h]) h = (h + 1) & (QTY_SLOTS - 1);
    slot[h] = (unsigned char)(i + 1);
}

static void qty_index(void)
{
    for (size_t i = 0; i < QTY_LEN(qty_nums); i++) qty_slot_put(qty_num_slot, qty_nums[i].w, i);
    for (size_t i = 0; i < QTY_LEN(qty_durs); i++) qty_slot_put(qty_dur_slot, qty_durs[i][0], i);
}

/* The index in qty_nums of w with an op from lo to hi, or -1. */
static int qty_numop(const char *w, int lo, int hi)
{
    pthread_once(&qty_index_once, qty_index);
    for (size_t h = qty_hash(w); qty_num_slot[h]; h = (h + 1) & (QTY_SLOTS - 1)) {
        int i = qty_num_slot[h] - 1;
        if (qty_nums[i].op >= lo && qty_nums[i].op <= hi && qty_eq(qty_nums[i].w, w)) return i;
    }
    return -1;
}

/* QTY_MAP(qty_durs, w) through the index. */
static const char *qty_durmap(const char *w)
{
    pthread_once(&qty_index_once, qty_index);
    for (size_t h = qty_hash(w); qty_dur_slot[h]; h = (h + 1) & (QTY_SLOTS - 1))
        if (qty_eq(qty_durs[qty_dur_slot[h] - 1][0], w)) return qty_durs[qty_dur_slot[h] - 1][1];
    return NULL;
}

/* The time unit a word names ("mins" -> "minute"), or NULL. */
static const char *qty_dur(const char *w)
{
    char b[QTY_NW];
    size_t l = strlen(w);
    const char *d = qty_durmap(w);
    if (d || l < 3 || w[l - 1] != 's') return d;
    memcpy(b, w, l - 1);
    b[l - 1] = '\0';
    return qty_durmap(b);
}

/* The time of a rate ("/sec", "per hour") as written in a unit, or NULL. */
static const char *qty_rate(const char *w)
{
    const char *d = qty_dur(w), *r = d ? QTY_MAP(qty_rates, d) : NULL;
    return r ? r : d;
}

static int qty_numword(const char *w) { return qty_numop(w, 0, 2); }

/* Length of the blank at i: space, tab, no-break, thin or narrow space.
 * Line ends are not blanks: a quantity never spans lines. */
static size_t qty_blank(const char *t, size_t n, size_t i)
{
    int c = QC(i);
    if (c == ' ' || c == '\t') return 1;
    if (c == 0xC2 && QC(i + 1) == 0xA0) return 2;
    if (c == 0xE2 && QC(i + 1) == 0x80 && (QC(i + 2) == 0x89 || QC(i + 2) == 0x8A || QC(i + 2) == 0xAF))
        return 3;
    return 0;
}

static size_t qty_skip(const char *t, size_t n, size_t i)
{
    size_t lim = i + QTY_WIN, b;
    while (i < lim && (b = qty_blank(t, n, i))) i += b;
    return i;
}

/* Length of a dash at i: hyphen, en dash, em dash, minus sign. */
static size_t qty_dash(const char *t, size_t n, size_t i)
{
    if (QC(i) == '-') return 1;
    if (QC(i) == 0xE2 && ((QC(i + 1) == 0x80 && (QC(i + 2) == 0x93 || QC(i + 2) == 0x94)) ||
                          (QC(i + 1) == 0x88 && QC(i + 2) == 0x92)))
        return 3;
    return 0;
}

/* The word of letters starting at i (with inner hyphens if hyph:
 * "full-stack"), lower-cased.  0 if none, or too long for any table. */
static int qty_word(const char *t, size_t n, size_t i, qty_w *w, int hyph)
{
    size_t j = i, k = 0;
    if (!qty_alpha(QC(i))) return 0;
    while (qty_alpha(QC(j)) || (hyph && QC(j) == '-' && qty_alpha(QC(j + 1)))) {
        if (k + 1 >= QTY_NW) return 0;
        w->w[k++] = qty_lower(QC(j));
        j++;
    }
    w->w[k] = '\0';
    w->s = i, w->e = j, w->cap = qty_upper(QC(i));
    return 1;
}

/* The word after the blanks at i is lit. */
static int qty_next_is(const char *t, size_t n, size_t i, qty_w *w, const char *lit)
{
    return qty_word(t, n, qty_skip(t, n, i), w, 0) && !strcmp(w->w, lit);
}

/* A capitalized month name as date_parse reads it ("May", "Sept."):
 * asked of date_parse itself so the two never disagree. */
static int qty_month(const char *s, size_t len)
{
    static const char first3[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    char b[24], out[11], p[4] = {0};
    if (len < 3 || len > 10 || !qty_upper((unsigned char)s[0])) return 0;
    for (int i = 0; i < 3; i++) p[i] = qty_lower((unsigned char)s[i]);
    const char *m = strstr(first3, p);
    if (!m || (m - first3) % 3) return 0;  /* most words: no date_parse call */
    memcpy(b, s, len);
    memcpy(b + len, " 1, 2000", 8);
    return date_parse(b, len + 8, out);
}

/* Up to three tokens before i on the same line, nearest first, each
 * separated from the next by blanks only. */
static int qty_back(const char *t, size_t n, size_t i, qty_tok *tk)
{
    size_t lo = i > QTY_WIN ? i - QTY_WIN : 0;
    int k = 0;
    while (k < 3) {
        size_t e = i, s;
        while (e > lo && (t[e - 1] == ' ' || t[e - 1] == '\t')) e--;
        if (e == lo || t[e - 1] == '\n' || t[e - 1] == '\r') break;
        for (s = e; s > lo && !strchr(" \t\r\n", t[s - 1] ? t[s - 1] : '\n'); s--) {}
        if (s == lo && lo > 0) break;  /* may go on past the window */
        i = s;
        /* "(PEP 8)", "(over 75%)": opening marks are not part of the word */
        while (s < e && strchr("([{\"'", t[s])) s++;
        if (s + 3 <= e && QC(s) == 0xE2 && QC(s + 1) == 0x80 && (QC(s + 2) == 0x98 || QC(s + 2) == 0x9C)) s += 3;
        if (s == e) s = i;
        qty_tok *q = &tk[k++];
        size_t len = e - s, up = 0, al = 0, ok = 1;
        q->s = s, q->e = e;
        for (size_t j = s; j < e; j++) {
            int c = QC(j);
            al += qty_alpha(c);
            up += qty_upper(c);
            ok &= qty_alnum(c) || ((c == '.' || c == '-') && j > s);
        }
        q->word = al == len && len < QTY_NW;
        q->acro = q->word && len >= 2 && up == len;
        q->name = ok && up && qty_alnum(QC(e - 1));  /* Python, NodeJS, macOS */
        q->w[0] = '\0';
        for (size_t j = 0; len < QTY_NW && j <= len; j++) q->w[j] = j < len ? qty_lower(QC(s + j)) : '\0';
    }
    return k;
}

/* If the number at i belongs to a date, the end of the date; a day with
 * a month but no year ("May 8", "8 May") ends after the month.  0 if not. */
static size_t qty_date(const char *t, size_t n, size_t i, const qty_tok *prev)
{
    char out[11];
    size_t j = i, d, k, e, y, from;
    qty_w w;
    while (qty_dig(QC(j)) && j - i < 5) j++;
    if (j - i == 4 && (QC(j) == '-' || QC(j) == '/') && qty_dig(QC(j + 1))) {
        for (e = j; e < n && e - i < 40 && !qty_blank(t, n, e) && t[e] != '\n'; e++) {}
        while (e > j && t[e - 1] && strchr(".,;)]", t[e - 1])) e--;
        if (date_parse(t + i, e - i, out)) return e;
        return e - i > 10 && date_parse(t + i, 10, out) ? i + 10 : 0;
    }
    if (j - i > 2) return 0;
    d = j;
    if (qty_alpha(QC(j)) && qty_alpha(QC(j + 1)) && !qty_alpha(QC(j + 2))) d = j + 2;  /* 20th */
    if (prev && qty_month(t + prev->s, prev->e - prev->s)) {
        from = prev->s, e = d;  /* Month D[,] YYYY */
    } else if ((k = qty_skip(t, n, d)) > d && qty_word(t, n, k, &w, 0) &&
               qty_month(t + k, w.e + (QC(w.e) == '.') - k)) {
        from = i, d = e = w.e + (QC(w.e) == '.');  /* D Month[,] YYYY */
    } else {
        return 0;
    }
    e = qty_skip(t, n, e + (QC(e) == ','));
    for (y = e; qty_dig(QC(y)) && y - e < 5; y++) {}
    if (y - e == 4 && !qty_alnum(QC(y)) && date_parse(t + from, y - from, out)) return y;
    return d;
}

/* A list marker or section number first on its line ("1.", "2)", "3.2
 * Setup"): its end, else 0. */
static size_t qty_listmark(const char *t, size_t n, size_t i)
{
    size_t k = i, j = i, lo = i > QTY_WIN ? i - QTY_WIN : 0;
    while (k > lo && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
    if (k > 0 && t[k - 1] != '\n' && t[k - 1] != '\r') return 0;
    while (qty_dig(QC(j))) j++;
    if (j - i <= 3 && (QC(j) == '.' || QC(j) == ')') &&
        (j + 1 >= n || qty_blank(t, n, j + 1) || qty_alpha(QC(j + 1)) || QC(j + 1) == '\n'))
        return j + 1;
    if (QC(j) != '.' || !qty_dig(QC(j + 1))) return 0;
    while (QC(j) == '.' && qty_dig(QC(j + 1)))
        for (j++; qty_dig(QC(j)); j++) {}
    j += QC(j) == '.';
    k = qty_skip(t, n, j);
    return k > j && qty_upper(QC(k)) ? j : 0;
}

/* After the digits or words: "+", a scale word, "+", a percent, "+". */
static void qty_tail(const char *t, size_t n, size_t j, qty_num *a)
{
    qty_w w;
    size_t k, pe;
    int x;
    if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    if (!a->scaled && !a->word && (k = qty_skip(t, n, j)) > j && qty_word(t, n, k, &w, 0) &&
        (x = qty_numword(w.w)) >= 0 && qty_nums[x].op > 0)
        a->v *= a->mult = qty_nums[x].v, a->scaled = 1, j = w.e;  /* "2 million" */
    if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    pe = QC(k = qty_skip(t, n, j)) == '%' ? k + 1 : 0;
    if (!pe && qty_word(t, n, k, &w, 0)) {
        if (!strcmp(w.w, "percent") || !strcmp(w.w, "pct")) pe = w.e;
        else if (!strcmp(w.w, "per") && qty_next_is(t, n, w.e, &w, "cent")) pe = w.e;
    }
    if (pe) {
        a->pct = 1, a->ps = k, j = a->pe = pe;
        if (QC(j) == '+' && !qty_dig(QC(j + 1))) a->plus = 1, j++;
    }
    a->e = j;
}

/* Digits: "800,000", "2.5", "12.6.0", with what is glued after them. */
static void qty_digits(const char *t, size_t n, size_t i, qty_num *a)
{
    size_t j = i, k;
    double v = 0, f = 0.1;
    a->s = i, a->mult = 1, a->parts = 1;
    for (; qty_dig(QC(j)); j++) v = v * 10 + (t[j] - '0');
    a->ndig = (int)(j - i);
    while (a->ndig <= 3 && QC(j) == ',' && qty_dig(QC(j + 1)) && qty_dig(QC(j + 2)) &&
           qty_dig(QC(j + 3)) && !qty_dig(QC(j + 4)))
        v = v * 1000 + (t[j + 1] - '0') * 100 + (t[j + 2] - '0') * 10 + (t[j + 3] - '0'), a->sep = 1, j += 4;
    while (QC(j) == '.' && qty_dig(QC(j + 1)))
        for (j++, a->parts++; qty_dig(QC(j)); j++, f /= 10)
            if (a->parts == 2) v += (t[j] - '0') * f;
    a->v = v;
    a->ve = a->e = j;
    if (a->ndig > 15 || a->parts > 4) goto skip;
    if ((QC(j) == ':' || QC(j) == '/') && qty_dig(QC(j + 1))) goto skip;  /* 10:30, 1:1, 24/7 */
    if (QC(j) == 0xC3 && QC(j + 1) == 0x97 && !qty_alnum(QC(j + 2)))      /* "10×" */
        a->gunit = "time", a->gs = j, j = a->ge = j + 2;
    if (qty_alpha(QC(j))) {
        char s[QTY_NW];
        const char *u;
        int x;
        for (k = j; qty_alpha(QC(k)) && k - j + 1 < QTY_NW; k++) s[k - j] = qty_lower(QC(k));
        s[k - j] = '\0';
        if (qty_alnum(QC(k))) goto skip;
        if (k - j == 2 && (!strcmp(s, "st") || !strcmp(s, "nd") || !strcmp(s, "rd") || !strcmp(s, "th")))
            goto skip;  /* an ordinal */
        x = qty_numop(s, 2, 4);  /* "2.5M", "2million" */
        if (!strcmp(s, "s") && a->ndig == 4 && a->parts == 1 && !a->sep && (long)v % 10 == 0)
            a->decade = 1;  /* the 1990s */
        else if (x >= 0)
            a->v *= a->mult = qty_nums[x].v, a->scaled = 1;
        else if (strcmp(s, "s") && (u = qty_dur(s)))
            a->gunit = u, a->gdur = 1;
        else if ((u = QTY_MAP(qty_glued, s)))
            a->gunit = u;
        else
            goto skip;  /* 3D, 2FA, 5G: names */
        if (!a->decade && !a->scaled) a->gs = j, a->ge = k;
        j = k;
    }
    qty_tail(t, n, j, a);
    return;
skip:
    for (k = a->e; qty_alnum(QC(k)) || (QC(k) > 0 && strchr(".,:/-", t[k]) && qty_alnum(QC(k + 1))); k++) {}
    a->skip = 1, a->e = k;
}

/* Number words: "two", "twenty-five", "two hundred", "(half) a million". */
static int qty_words(const char *t, size_t n, size_t i, qty_num *a)
{
    qty_w w;
    double total = 0, cur = 0;
    size_t j = i;
    int nw = 0, x;
    a->s = i, a->mult = 1, a->parts = 1, a->word = 1;
    if (qty_word(t, n, i, &w, 0) && !strcmp(w.w, "half")) {
        if (!qty_next_is(t, n, w.e, &w, "a") && strcmp(w.w, "an")) return 0;
        cur = 0.5, j = w.s;
    }
    if (qty_word(t, n, j, &w, 0) && (!strcmp(w.w, "a") || !strcmp(w.w, "an"))) {
        if (!qty_word(t, n, j = qty_skip(t, n, w.e), &w, 0) || (x = qty_numword(w.w)) < 0 ||
            !qty_nums[x].op)
            return 0;  /* "a" only before a multiplier: "a million" */
        cur = cur ? cur : 1;
    }
    while (qty_word(t, n, j, &w, 0) && (x = qty_numword(w.w)) >= 0) {
        if (qty_nums[x].op == 0)
            cur += qty_nums[x].v, a->mult = 1;
        else if (qty_nums[x].op == 1)
            cur = (cur ? cur : 1) * qty_nums[x].v;
        else
            total += (cur ? cur : 1) * (a->mult = qty_nums[x].v), cur = 0, a->scaled = 1;
        a->lone = !nw++ && !strcmp(w.w, "one");
        a->ve = w.e;
        j = QC(w.e) == '-' && qty_alpha(QC(w.e + 1)) ? w.e + 1 : qty_skip(t, n, w.e);
    }
    if (!nw) return 0;
    /* "two-way", "one-time": an adjective, unless of time ("five-year") */
    if (QC(a->ve) == '-' && qty_word(t, n, a->ve + 1, &w, 0) && !qty_dur(w.w)) return 0;
    a->v = total + cur;
    qty_tail(t, n, a->ve, a);
    return 1;
}

/* Singular of an English plural, in place: libraries, boxes, packages. */
static void qty_singular(char *w)
{
    size_t l = strlen(w);
    if (l > 4 && !strcmp(w + l - 3, "ies")) strcpy(w + l - 3, "y");
    else if (l > 4 && (!strcmp(w + l - 4, "sses") || !strcmp(w + l - 4, "ches") ||
                       !strcmp(w + l - 4, "shes") || !strcmp(w + l - 3, "xes")))
        w[l - 2] = '\0';
    else
        w[l - 1] = '\0';
}

/* Up to maxw words naming what is counted, into out[48] (lower case,
 * head noun singular, rates as "request/s").  Sets the span if any. */
static void qty_phrase(const char *t, size_t n, size_t k, int maxw, char *out, size_t *us, size_t *ue)
{
    qty_w w, r;
    size_t len = 0;
    for (int nw = 0; nw < maxw && qty_word(t, n, k, &w, 1); nw++) {
        const char *al = QTY_MAP(qty_alias, w.w), *rate = NULL;
        size_t l = strlen(w.w), head = len + (len > 0);
        /* a plural ends the noun phrase: "data scientists use" */
        int plural = !al && l >= 4 && t[w.e - 1] == 's' && strcmp(w.w + l - 2, "ss") &&
                     strcmp(w.w + l - 2, "us") && strcmp(w.w + l - 2, "is");
        if (QTY_IN(qty_stop, w.w) || qty_numop(w.w, 0, 3) >= 0) break;
        if (len + strlen(al ? al : w.w) + 8 >= 48) break;
        if (len) out[len++] = ' ';
        else *us = w.s;
        strcpy(out + len, al ? al : w.w);
        if (plural) qty_singular(out + head);
        len = strlen(out);
        *ue = k = w.e;
        if (QC(k) == '/' && qty_word(t, n, k + 1, &r, 0))  /* requests/sec */
            rate = qty_rate(r.w);
        else if (qty_next_is(t, n, k, &r, "per") && qty_word(t, n, qty_skip(t, n, r.e), &r, 0))
            rate = qty_rate(r.w);                            /* requests per second */
        if (rate) {
            out[len++] = '/';
            strcpy(out + len, rate);
            *ue = r.e;
        }
        if (plural || al || rate) break;
        k = qty_skip(t, n, k);
    }
}

/* The unit after a count at j.  Returns 1 if it is a time unit. */
static int qty_unit(const char *t, size_t n, size_t j, qty *q)
{
    qty_w w;
    const char *d;
    size_t k = qty_skip(t, n, j);
    int glued = k == j && QC(j) == '-' && qty_alpha(QC(j + 1));
    if (glued) k = j + 1;  /* 5-year, 64-bit: one word, an adjective */
    if (qty_word(t, n, k, &w, 0) && (d = qty_dur(w.w))) {
        strcpy(q->unit, d);
        q->unit_start = w.s, q->unit_end = w.e;
        return 1;
    }
    qty_phrase(t, n, k, glued ? 1 : 3, q->unit, &q->unit_start, &q->unit_end);
    return 0;
}

/* What a percentage is of: "of (the) data scientists". */
static void qty_of(const char *t, size_t n, size_t j, qty *q)
{
    qty_w w;
    size_t k, s, e;
    if (!qty_next_is(t, n, j, &w, "of")) return;
    k = qty_skip(t, n, w.e);
    if (qty_word(t, n, k, &w, 0) && QTY_IN(qty_dets, w.w)) k = qty_skip(t, n, w.e);
    qty_phrase(t, n, k, 3, q->of, &s, &e);
}

static int qty_yearshape(const qty_num *a)
{
    return !a->word && a->ndig == 4 && !a->sep && a->parts == 1 && !a->scaled && !a->pct &&
           !a->gunit && !a->plus && a->v >= 1900 && a->v <= 2100;
}

/* Matches the bound phrases against the tokens before the number. */
static void qty_bound(qty_ctx *c)
{
    if (!c->nt || !c->tk[0].word) return;
    for (size_t b = 0; b < QTY_LEN(qty_bounds); b++) {
        const char *w = qty_bounds[b].w, *last = strrchr(w, ' ');
        int nw = 1, ok = 1;
        if (!qty_eq(last ? last + 1 : w, c->tk[0].w)) continue;  /* the cheap test first */
        for (const char *p = w; *p; p++) nw += *p == ' ';
        if (nw > c->nt) continue;
        for (int k = nw - 1; k >= 0 && ok; k--) {
            size_t l = strlen(c->tk[k].w);
            ok = c->tk[k].word && !strncmp(w, c->tk[k].w, l) && (w[l] == ' ' || w[l] == '\0');
            if (ok) w += l + (w[l] == ' ');
        }
        if (ok) {
            c->bound = qty_bounds[b].b, c->approx = qty_bounds[b].approx, c->st = c->tk[nw - 1].s;
            /* "beyond roughly 500", "over about 2 million": a one-word
             * bound before a hedge keeps its direction, hedged */
            if (c->bound == QB_ABOUT && nw < c->nt && c->tk[nw].word)
                for (size_t o = 0; o < QTY_LEN(qty_bounds); o++)
                    if (!strchr(qty_bounds[o].w, ' ') && qty_bounds[o].b != QB_ABOUT &&
                        qty_eq(qty_bounds[o].w, c->tk[nw].w)) {
                        c->bound = qty_bounds[o].b, c->approx = 1, c->st = c->tk[nw].s;
                        break;
                    }
            return;
        }
    }
}

/* What stands before the numeral: a currency sign, "~", a bound phrase. */
static void qty_before(const char *t, size_t n, qty_ctx *c)
{
    size_t st = c->a.s, k;
    if (QC(st - 1) == '$') c->cur = "dollar", st -= 1;
    else if (st >= 3 && QC(st - 3) == 0xE2 && QC(st - 2) == 0x82 && QC(st - 1) == 0xAC) c->cur = "euro", st -= 3;
    else if (st >= 2 && QC(st - 2) == 0xC2 && QC(st - 1) == 0xA3) c->cur = "pound", st -= 2;
    c->cs = k = c->st = st;
    while (k > 0 && k + QTY_WIN > st && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
    if (k > 0 && t[k - 1] == '~') c->bound = QB_ABOUT, c->approx = 1, c->st = k - 1;
    c->nt = qty_back(t, n, c->st, c->tk);
    if (!c->bound) qty_bound(c);
}

/* A second end after a dash, "to" or ("between" ...) "and"; "or more".
 * Returns 0, or where to resume after a phone number. */
static size_t qty_range(const char *t, size_t n, qty_ctx *c, int between)
{
    qty_num *a = &c->a, *b = &c->b;
    qty_w w;
    size_t k = qty_skip(t, n, c->p), d;
    int ok = 0;
    if (a->parts < 3 && !a->vflag && !a->decade) {
        if ((d = qty_dash(t, n, k)) && !(d == 1 && qty_alpha(QC(k + 1))))
            ok = qty_dig(QC(k = qty_skip(t, n, k + d)));
        else if (qty_word(t, n, k, &w, 0) && (!strcmp(w.w, "to") || (between && !strcmp(w.w, "and"))))
            ok = (k = qty_skip(t, n, w.e)) > w.e;
        if (ok && qty_dig(QC(k))) qty_digits(t, n, k, b);
        else if (ok) ok = qty_words(t, n, k, b);
    }
    if (ok && !b->skip && b->parts < 3 && !b->decade) {
        double lo = a->v;
        if (QC(a->e) == '-' && QC(b->e) == '-' && qty_dig(QC(b->e + 1))) {
            for (k = b->e; (QC(k) == '-' && qty_dig(QC(k + 1))) || qty_dig(QC(k)); k++) {}
            return k;  /* 555-123-4567: a phone number */
        }
        if (b->scaled && !a->scaled && lo < b->v / b->mult) lo *= b->mult;  /* 1–2 million */
        if (lo < b->v) {
            a->v = lo, c->range = 1, c->p = b->e;
            if (between) c->st = c->tk[0].s;
        }
    }
    if (!c->range) memset(b, 0, sizeof *b);
    if (qty_next_is(t, n, c->p, &w, "or") && qty_word(t, n, qty_skip(t, n, w.e), &w, 0)) {
        if (QTY_IN(qty_ormore, w.w)) c->ormore = 1, c->p = w.e;
        else if (QTY_IN(qty_orless, w.w)) c->orless = 1, c->p = w.e;
    }
    return 0;
}

/* The interval and unit of a count, percent or duration. */
static void qty_fill(const char *t, size_t n, qty_ctx *c, qty *q)
{
    const qty_num *a = &c->a, *b = &c->b, *g = b->gunit ? b : a;
    q->low = a->v, q->high = c->range ? b->v : a->v;
    switch (c->bound) {
    case QB_GT: q->low_open = 1; /* fall through */
    case QB_GE: q->has_high = 0; break;
    case QB_LT: case QB_NEAR: q->high_open = 1; /* fall through */
    case QB_LE: q->low = 0; break;  /* counts are never negative */
    }
    if (a->plus || b->plus || c->ormore) q->has_high = 0, q->high_open = 0;
    if (c->orless) q->low = 0, q->low_open = 0;
    /* "nearly $0", "under 0%": below nothing is about nothing, [0, 0]
     * approx, not the empty [0, 0) no value could ever match. */
    if (q->high_open && q->high <= q->low) q->high_open = 0, q->approx = 1;
    if (q->kind == QTY_PERCENT) {
        strcpy(q->unit, "percent");
        q->unit_start = b->pct ? b->ps : a->ps, q->unit_end = b->pct ? b->pe : a->pe;
        if (!q->has_high && q->low < 100) q->has_high = 1, q->high = 100;
        qty_of(t, n, c->p, q);
    } else if (c->cur) {
        strcpy(q->unit, c->cur);
        q->unit_start = c->cs, q->unit_end = a->s;
    } else if (g->gunit) {
        strcpy(q->unit, g->gunit);
        q->unit_start = g->gs, q->unit_end = g->ge;
        if (g->gdur) q->kind = QTY_DURATION;
    } else if (qty_unit(t, n, c->p, q)) {
        q->kind = QTY_DURATION;
    }
}

/* A numeral read into c->a: its context decides the kind, interval and
 * unit.  Returns where the scan resumes; *got says if *q was filled. */
static size_t qty_finish(const char *t, size_t n, qty_ctx *c, qty *q, int *got)
{
    qty_num *a = &c->a;
    qty_tok *tk = c->tk;
    qty_w nw;
    size_t r;
    qty_before(t, n, c);
    const char *w0 = c->nt && tk[0].word ? tk[0].w : "";
    int yctx = qty_yearshape(a) &&
               ((a->s > 0 && (t[a->s - 1] == '(' || t[a->s - 1] == '[')) || QTY_IN(qty_yearctx, w0) ||
                (c->nt && qty_month(t + tk[0].s, tk[0].e - tk[0].s)) ||
                (!strcmp(w0, "the") && c->nt > 1 && QTY_IN(qty_yearctx, tk[1].w)));
    int vctx = QTY_IN(qty_verctx, w0);
    int name = c->nt && tk[0].name && !c->bound && !yctx && !vctx && !QTY_IN(qty_stop, w0);
    c->p = a->e;
    if ((r = qty_range(t, n, c, !strcmp(w0, "between")))) return r;
    int nword = qty_word(t, n, qty_skip(t, n, c->p), &nw, 0);
    size_t nl = nword ? strlen(nw.w) : 0;
    int noun = nword && !nw.cap && !QTY_IN(qty_stop, nw.w) && qty_numword(nw.w) < 0;
    int unitish = nword && (qty_dur(nw.w) || QTY_MAP(qty_glued, nw.w));
    /* after a name, only a function word or a past tense ("Node 20
     * followed") leaves a whole number to be a version */
    int bare = !nword || QTY_IN(qty_stop, nw.w) || (nl > 3 && !strcmp(nw.w + nl - 2, "ed"));
    int plain = !a->word && !a->sep && !a->scaled && !a->gunit && !a->pct;
    if (a->lone && !c->range && !(nword && qty_dur(nw.w))) return a->e;  /* "one of" */

    memset(q, 0, sizeof *q);
    q->kind = QTY_COUNT;
    if (a->pct || c->b.pct) {
        q->kind = QTY_PERCENT;
    } else if (a->decade) {
        q->kind = QTY_YEAR;
    } else if (plain && (a->vflag || a->parts >= 3 || vctx || (a->parts == 2 && name && !unitish) ||
                         (a->parts == 2 && nword && QTY_IN(qty_verctx, nw.w)))) {
        q->kind = QTY_VERSION;
    } else if (plain && a->parts == 1 && a->ndig <= 3 && name && !c->range && !c->ormore) {
        if (tk[0].acro) return a->e;  /* PEP 8: part of a name */
        if (bare) q->kind = QTY_VERSION;
    } else if (qty_yearshape(a) && (!c->range || qty_yearshape(&c->b)) && !c->ormore &&
               (c->bound == QB_NONE || c->bound == QB_ABOUT) && (yctx || !noun)) {
        q->kind = QTY_YEAR;
    }
    *got = 1;
    q->has_low = q->has_high = 1;
    if (q->kind == QTY_VERSION) {
        size_t l = a->ve - a->s - (size_t)a->vflag;
        if (l >= sizeof q->version) l = sizeof q->version - 1;
        memcpy(q->version, t + a->s + a->vflag, l);
        q->start = a->s, q->end = a->plus ? a->e : a->ve;
        q->low = q->high = a->v;
        q->has_high = !a->plus;  /* "Node 18+": that version or later */
        return q->end;
    }
    q->start = c->st, q->end = c->p, q->approx = c->approx;
    if (q->kind == QTY_YEAR)
        q->low = a->v, q->high = a->decade ? a->v + 9 : c->range ? c->b.v : a->v;
    else
        qty_fill(t, n, c, q);
    return c->p;
}

/* "for decades", "for many years": at least two of the unit, approximately
 * (as "dozens of" is 24).  Returns 0 if the plural time unit w at i is
 * not after "for". */
static size_t qty_fortime(const char *t, size_t n, size_t i, const qty_w *w, qty *q, int *got)
{
    qty_tok tk[3];
    int nt = qty_back(t, n, i, tk), k = nt > 1 && (!strcmp(tk[0].w, "many") || !strcmp(tk[0].w, "several"));
    if (nt <= k || strcmp(tk[k].w, "for")) return 0;
    memset(q, 0, sizeof *q);
    strcpy(q->unit, qty_dur(w->w));
    q->kind = QTY_DURATION;
    q->start = q->unit_start = i, q->end = q->unit_end = w->e;
    q->low = 2, q->has_low = q->approx = 1;
    *got = 1;
    return w->e;
}

/* "thousands of", "tens of thousands of": a lower bound, approximate. */
static size_t qty_vaguely(const char *t, size_t n, size_t i, qty *q, int *got)
{
    qty_w w, of;
    double v = 1;
    size_t k = i, end = 0;
    int x;
    while (qty_word(t, n, k, &w, 0) && (x = qty_numop(w.w, 3, 3)) >= 0 && qty_next_is(t, n, w.e, &of, "of"))
        v *= qty_nums[x].v, end = of.e, k = qty_skip(t, n, of.e);
    if (!end) return i + 1;
    memset(q, 0, sizeof *q);
    q->start = i, q->end = end, q->low = v, q->has_low = q->approx = 1;
    if (qty_unit(t, n, end, q)) q->kind = QTY_DURATION;
    *got = 1;
    return end;
}

/* One token that starts at i: a numeral, or a word to step over. */
static size_t qty_token(const char *t, size_t n, size_t i, qty *q, int *got)
{
    qty_ctx c;
    size_t r = i, e;
    if (qty_dig(QC(i))) {
        memset(&c, 0, sizeof c);
        int p = i ? QC(i - 1) : -1, pp = i > 1 ? QC(i - 2) : -1;
        if (((p == '-' || p == '/' || p == '.' || p == '_') && qty_alnum(pp)) || p == '#') {
            while (qty_alnum(QC(r)) || (QC(r) > 0 && strchr(".-/_", t[r]) && qty_alnum(QC(r + 1)))) r++;
            return r;  /* COVID-19, HTTP/2, issue #12 */
        }
        if (p == '+' && !qty_alnum(pp)) {  /* +1 555 0100: a phone number */
            while (qty_dig(QC(r)) || (QC(r) > 0 && strchr(" -().", t[r]) && (qty_dig(QC(r + 1)) || QC(r + 1) == '(')))
                r++;
            return r;
        }
        /* only a day (one or two digits) can follow a month name */
        int day = !qty_dig(QC(i + 1)) || !qty_dig(QC(i + 2));
        if ((e = qty_date(t, n, i, day && qty_back(t, n, i, c.tk) ? &c.tk[0] : NULL)) ||
            (e = qty_listmark(t, n, i)))
            return e;
        qty_digits(t, n, i, &c.a);
    } else {
        int dig = 0, x;
        qty_w w;
        for (; qty_alnum(QC(r)); r++) dig |= qty_dig(QC(r));
        if (dig) {
            if (t[i] != 'v' || !qty_dig(QC(i + 1))) return r;  /* ES6, V8, Web2Py */
            memset(&c, 0, sizeof c);
            qty_digits(t, n, i + 1, &c.a);
            c.a.s = i, c.a.vflag = 1;
        } else if (!qty_word(t, n, i, &w, 0)) {
            return r;  /* too long to be in any table */
        } else if ((x = qty_numop(w.w, 0, 3)) >= 0 && qty_nums[x].op == 3) {
            return qty_vaguely(t, n, i, q, got);
        } else if (w.e - w.s >= 4 && t[w.e - 1] == 's' && qty_dur(w.w) && (e = qty_fortime(t, n, i, &w, q, got))) {
            return e;
        } else if (x < 0 && strcmp(w.w, "half") && strcmp(w.w, "a") && strcmp(w.w, "an")) {
            return r;  /* most words: qty_words opens only on these */
        } else {
            memset(&c, 0, sizeof c);
            if (!qty_words(t, n, i, &c.a)) return r;
        }
    }
    if (c.a.skip) return c.a.e > i ? c.a.e : i + 1;
    return qty_finish(t, n, &c, q, got);
}

size_t qty_scan(const char *text, size_t len, qty *out, size_t max)
{
    size_t i = 0, found = 0;
    if (!text) return 0;
    while (i < len) {
        int c = (unsigned char)text[i];
        if (!qty_alnum(c) || (i > 0 && qty_alnum((unsigned char)text[i - 1]))) {
            i++;
            continue;
        }
        qty q;
        int got = 0;
        size_t next = qty_token(text, len, i, &q, &got);
        if (got && q.kind == QTY_DURATION)
            for (size_t k = 0; k < QTY_LEN(qty_secs); k++)
                if (!strcmp(qty_secs[k].u, q.unit)) q.unit_seconds = qty_secs[k].s;
        if (got && found++ < max) out[found - 1] = q;
        i = next > i ? next : i + 1;
    }
    return found;
}
