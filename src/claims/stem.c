/*
 * stem.c - Porter's suffix stripping (M. F. Porter, "An algorithm for
 * suffix stripping", Program 14(3), 1980), written from the paper's
 * rules; see stem.h.  The rules of steps 2 to 4 are tables of (suffix,
 * replacement, least measure), so that the algorithm reads as the paper
 * states it.
 */
#include "stem.h"

#include <string.h>

typedef struct stem_word {
    char *b;   /* the word, lower case, modified in place */
    size_t n;  /* its length */
} stem_word;

/* Is b[i] a consonant?  "y" is one at the start or after a vowel. */
static int stem_cons(const stem_word *w, size_t i)
{
    switch (w->b[i]) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 0;
    case 'y': return i == 0 ? 1 : !stem_cons(w, i - 1);
    default: return 1;
    }
}

/* The measure m of b[0..k): the number of vowel-consonant sequences,
 * [C](VC){m}[V]. */
static int stem_measure(const stem_word *w, size_t k)
{
    size_t i = 0;
    int m = 0;
    while (i < k && stem_cons(w, i)) i++;
    while (i < k) {
        while (i < k && !stem_cons(w, i)) i++;
        if (i == k) break;
        while (i < k && stem_cons(w, i)) i++;
        m++;
    }
    return m;
}

static int stem_has_vowel(const stem_word *w, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (!stem_cons(w, i)) return 1;
    return 0;
}

/* b[0..k) ends in a double consonant. */
static int stem_double(const stem_word *w, size_t k)
{
    return k >= 2 && w->b[k - 1] == w->b[k - 2] && stem_cons(w, k - 1);
}

/* b[0..k) ends consonant-vowel-consonant, the last not w, x or y. */
static int stem_cvc(const stem_word *w, size_t k)
{
    if (k < 3 || !stem_cons(w, k - 1) || stem_cons(w, k - 2) || !stem_cons(w, k - 3)) return 0;
    char c = w->b[k - 1];
    return c != 'w' && c != 'x' && c != 'y';
}

static int stem_ends(const stem_word *w, const char *s)
{
    size_t l = strlen(s);
    return l <= w->n && memcmp(w->b + w->n - l, s, l) == 0;
}

/* Replace suffix s (which the word ends in) by r. */
static void stem_set(stem_word *w, const char *s, const char *r)
{
    size_t l = strlen(s), rl = strlen(r);
    memcpy(w->b + w->n - l, r, rl);
    w->n = w->n - l + rl;
}

typedef struct stem_rule {
    const char *suffix, *repl;
    int min_m;   /* the measure the stem must exceed */
} stem_rule;

/* Apply the first rule whose suffix the word ends in, if its stem's
 * measure passes; at most one rule fires. */
static void stem_rules(stem_word *w, const stem_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!stem_ends(w, rules[i].suffix)) continue;
        size_t k = w->n - strlen(rules[i].suffix);
        if (stem_measure(w, k) > rules[i].min_m) stem_set(w, rules[i].suffix, rules[i].repl);
        return;
    }
}

static void stem_step1(stem_word *w)
{
    if (stem_ends(w, "sses")) stem_set(w, "sses", "ss");
    else if (stem_ends(w, "ies")) stem_set(w, "ies", "i");
    else if (!stem_ends(w, "ss") && stem_ends(w, "s")) stem_set(w, "s", "");
    int cut = 0;
    if (stem_ends(w, "eed")) {
        if (stem_measure(w, w->n - 3) > 0) stem_set(w, "eed", "ee");
    } else if (stem_ends(w, "ed") && stem_has_vowel(w, w->n - 2)) {
        stem_set(w, "ed", "");
        cut = 1;
    } else if (stem_ends(w, "ing") && stem_has_vowel(w, w->n - 3)) {
        stem_set(w, "ing", "");
        cut = 1;
    }
    if (cut) {
        if (stem_ends(w, "at")) stem_set(w, "at", "ate");
        else if (stem_ends(w, "bl")) stem_set(w, "bl", "ble");
        else if (stem_ends(w, "iz")) stem_set(w, "iz", "ize");
        else if (stem_double(w, w->n) && !strchr("lsz", w->b[w->n - 1])) w->n--;
        else if (stem_measure(w, w->n) == 1 && stem_cvc(w, w->n)) w->b[w->n++] = 'e';
    }
    if (stem_ends(w, "y") && stem_has_vowel(w, w->n - 1)) w->b[w->n - 1] = 'i';
}

static const stem_rule stem_step2[] = {
    {"ational", "ate", 0}, {"tional", "tion", 0}, {"enci", "ence", 0},  {"anci", "ance", 0},
    {"izer", "ize", 0},    {"abli", "able", 0},   {"alli", "al", 0},     {"entli", "ent", 0},
    {"eli", "e", 0},       {"ousli", "ous", 0},   {"ization", "ize", 0}, {"ation", "ate", 0},
    {"ator", "ate", 0},    {"alism", "al", 0},    {"iveness", "ive", 0}, {"fulness", "ful", 0},
    {"ousness", "ous", 0}, {"aliti", "al", 0},    {"iviti", "ive", 0},   {"biliti", "ble", 0},
};

static const stem_rule stem_step3[] = {
    {"icate", "ic", 0}, {"ative", "", 0}, {"alize", "al", 0}, {"iciti", "ic", 0},
    {"ical", "ic", 0},  {"ful", "", 0},   {"ness", "", 0},
};

static const stem_rule stem_step4[] = {
    {"al", "", 1},  {"ance", "", 1}, {"ence", "", 1}, {"er", "", 1},  {"ic", "", 1},  {"able", "", 1},
    {"ible", "", 1}, {"ant", "", 1}, {"ement", "", 1}, {"ment", "", 1}, {"ent", "", 1}, {"ou", "", 1},
    {"ism", "", 1}, {"ate", "", 1},  {"iti", "", 1},  {"ous", "", 1}, {"ive", "", 1}, {"ize", "", 1},
};

/* "ion" goes only after s or t, so it is not in the table. */
static void stem_step4_ion(stem_word *w)
{
    if (stem_ends(w, "ion") && w->n > 3 && strchr("st", w->b[w->n - 4]) && stem_measure(w, w->n - 3) > 1)
        w->n -= 3;
    else
        stem_rules(w, stem_step4, sizeof stem_step4 / sizeof *stem_step4);
}

static void stem_step5(stem_word *w)
{
    if (stem_ends(w, "e")) {
        int m = stem_measure(w, w->n - 1);
        if (m > 1 || (m == 1 && !stem_cvc(w, w->n - 1))) w->n--;
    }
    if (stem_ends(w, "ll") && stem_measure(w, w->n) > 1) w->n--;
}

size_t stem_porter(const char *word, size_t n, char *out, size_t cap)
{
    if (!cap) return 0;
    if (n >= cap) n = cap - 1;
    memcpy(out, word, n);
    out[n] = '\0';
    /* words of one or two letters, and anything not plain lower-case
     * ASCII, are left as they are */
    if (n <= 2) return n;
    for (size_t i = 0; i < n; i++)
        if (out[i] < 'a' || out[i] > 'z') return n;
    stem_word w = {out, n};
    stem_step1(&w);
    stem_rules(&w, stem_step2, sizeof stem_step2 / sizeof *stem_step2);
    stem_rules(&w, stem_step3, sizeof stem_step3 / sizeof *stem_step3);
    stem_step4_ion(&w);
    stem_step5(&w);
    out[w.n] = '\0';
    return w.n;
}
