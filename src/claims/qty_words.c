/*
 * qty_words.c - the word tables of the quantity scanner (qty_int.h):
 * bound phrases, function words, number words, time and other units.
 * Each table is a list, so adding a bound word or a unit spelling is
 * adding an entry; the two that every word of the text meets (number
 * words, time units) are found through a hash index built from them
 * once.
 */
#include "qty_int.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

#define QTY_LEN(a) (sizeof(a) / sizeof *(a))
#define QTY_IN(tab, w) (qty_find((tab), QTY_LEN(tab), (w)) >= 0)
#define QTY_MAP(tab, w) qty_map((tab), QTY_LEN(tab), (w))

/* Phrases before a number that bound it; longer phrases come first so
 * "just under" wins over "under" and "no more than" over "more than". */
static const qty_bound_word qty_bounds[] = {
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

int qty_listed(int list, const char *w)
{
    switch (list) {
    case QL_STOP: return QTY_IN(qty_stop, w);
    case QL_YEARCTX: return QTY_IN(qty_yearctx, w);
    case QL_VERCTX: return QTY_IN(qty_verctx, w);
    case QL_DETS: return QTY_IN(qty_dets, w);
    case QL_ORMORE: return QTY_IN(qty_ormore, w);
    case QL_ORLESS: return QTY_IN(qty_orless, w);
    }
    return 0;
}

const qty_bound_word *qty_bound_words(size_t *n)
{
    *n = QTY_LEN(qty_bounds);
    return qty_bounds;
}

const char *qty_glued_unit(const char *w) { return QTY_MAP(qty_glued, w); }
const char *qty_alias_unit(const char *w) { return QTY_MAP(qty_alias, w); }
double qty_num_value(int i) { return qty_nums[i].v; }
int qty_num_op(int i) { return qty_nums[i].op; }

double qty_seconds(const char *unit)
{
    double s = 0;
    for (size_t k = 0; k < QTY_LEN(qty_secs); k++)
        if (!strcmp(qty_secs[k].u, unit)) s = qty_secs[k].s;
    return s;
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
int qty_numop(const char *w, int lo, int hi)
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
const char *qty_dur(const char *w)
{
    char b[QTY_NW];
    size_t l = strlen(w);
    const char *d = qty_durmap(w);
    if (d || l < 3 || w[l - 1] != 's') return d;
    memcpy(b, w, l - 1);
    b[l - 1] = '\0';
    return qty_durmap(b);
}

const char *qty_rate_time(const char *abbr)
{
    for (size_t i = 0; i < sizeof qty_rates / sizeof *qty_rates; i++)
        if (strcmp(abbr, qty_rates[i][1]) == 0) return qty_rates[i][0];
    return NULL;
}

/* The time of a rate ("/sec", "per hour") as written in a unit, or NULL. */
const char *qty_rate(const char *w)
{
    const char *d = qty_dur(w), *r = d ? QTY_MAP(qty_rates, d) : NULL;
    return r ? r : d;
}

int qty_size_word(const char *w, size_t n)
{
    static const char *const ends[] = {"byte", "bytes", "bit", "bits"};
    static const char *const units[] = {"kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "kbps", "mbps", "gbps"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t l = strlen(ends[i]);
        if (n >= l && strncasecmp(w + n - l, ends[i], l) == 0) return 1;
    }
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (n == strlen(units[i]) && strncasecmp(w, units[i], n) == 0) return 1;
    return 0;
}

int qty_numword(const char *w) { return qty_numop(w, 0, 2); }
