/*
 * prop_judged.c - what a clause's judgement speaks of: which of its
 * keys are near its evaluative words (Hu & Liu's nearest opinion word),
 * and the words that name where or which kind of the subject rather
 * than what is judged ("Python [backend development] may not match
 * that raw speed", "[open source] Kafka", "faster [to pick up]",
 * "build applications [faster]").  prop.c reads a clause with these;
 * the rules are general, tests/check_prop.c holds invented sentences.
 */
#include "prop_int.h"

/* Does token k count for distance: a word that is neither a function
 * word nor a subject's name? */
static int prop_counts(const prop_marks *m, size_t k)
{
    /* a phrase of the lexicon ("back end") is one word */
    return m->cls[k] != PL_FUNCTION && m->subj[k] < 0 && (size_t)m->hit[k] == k;
}

/* For each token of [a, b), whether it is within PROP_NEAR words (not
 * counting function words and subjects' names) of an evaluative word of
 * the span; all of them when the span has none (a judgement from a
 * negated action, effort, ...: of the whole clause).  And whether it is
 * within PROP_NEAR words of a comparative with no other evaluative word
 * between: "more flexibility ..., which leads to a steep learning
 * curve" ranks on flexibility, not on learning, which "steep" judges. */
void prop_near_eval(const prop_marks *m, size_t a, size_t b, unsigned char *near)
{
    int any = 0;
    size_t d = PROP_NEAR + 1, dc = PROP_NEAR + 1;
    for (size_t k = a; k < b; k++) {
        /* an aside in parentheses is judged apart ("Managed by Pip (Pip
         * installs Python), the packages are extensive") */
        if (k > a && m->paren[k] != m->paren[k - 1]) d = dc = PROP_NEAR + 1;
        if (m->eval[k]) d = 0;
        else if (prop_counts(m, k) && d <= PROP_NEAR) d++;
        if (m->eval[k] == STANCE_MARK_COMPARATIVE) dc = 0;
        else if (m->eval[k]) dc = PROP_NEAR + 1;
        else if (prop_counts(m, k) && dc <= PROP_NEAR) dc++;
        any |= m->eval[k];
        near[k - a] = (d <= PROP_NEAR ? PROP_NEAR_EVAL : 0) | (dc <= PROP_NEAR ? PROP_NEAR_RANK : 0);
    }
    d = dc = PROP_NEAR + 1;
    for (size_t k = b; k-- > a;) {
        if (k + 1 < b && m->paren[k] != m->paren[k + 1]) d = dc = PROP_NEAR + 1;
        if (m->eval[k]) d = 0;
        else if (prop_counts(m, k) && d <= PROP_NEAR) d++;
        if (m->eval[k] == STANCE_MARK_COMPARATIVE) dc = 0;
        else if (m->eval[k]) dc = PROP_NEAR + 1;
        else if (prop_counts(m, k) && dc <= PROP_NEAR) dc++;
        if (d <= PROP_NEAR || !any) near[k - a] |= PROP_NEAR_EVAL;
        if (dc <= PROP_NEAR) near[k - a] |= PROP_NEAR_RANK;
    }
}

/* "the easiest backend language to learn": a comparative whose phrase
 * runs on to an infinitive ranks on what the infinitive names, not on
 * the words between (they say what is ranked: "backend language"). */
void prop_rank_infinitive(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, unsigned char *near)
{
    for (size_t k = a; k + 2 < b; k++) {
        if (m->eval[k] != STANCE_MARK_COMPARATIVE || m->eval[k + 1] == STANCE_MARK_COMPARATIVE) continue;
        size_t words = 0;
        for (size_t j = k + 1; j + 1 < b && words <= PROP_NEAR; j++) {
            if (prop_comma_before(m, j) || m->eval[j] || m->subj[j] >= 0) break;
            if (prop_word(c, m, WR_BASE_AFTER_COMPARATIVE, j)) {
                /* "superior to Y" is a base, "easier to learn" ranks on learn */
                if (j > k + 1 && m->subj[j + 1] < 0)
                    for (size_t i = k + 1; i < j; i++) near[i - a] &= (unsigned char)~PROP_NEAR_RANK;
                break;
            }
            words += prop_counts(m, j);
        }
    }
}

/* The words right after the subject's first name in [a, b) that say
 * which part of it the clause speaks of ("Python [backend development]
 * may not match that raw speed", "X [web frameworks] are slow"): plain
 * words and concepts up to the first other word.  [*pa, *pb), empty
 * when there are none. */
void prop_subject_phrase(const prop_marks *m, int subject, size_t a, size_t b, size_t *pa, size_t *pb)
{
    size_t k = a;
    *pa = *pb = b;
    if (subject < 0) return;
    while (k < b && m->subj[k] != subject) k++;
    while (k < b && m->subj[k] == subject) k++;
    if (k == b) return;
    size_t e = k;
    while (e < b && !m->eval[e] && m->subj[e] < 0 && m->part[e] < 0 && (m->cls[e] < 0 || m->cls[e] == PL_CONCEPT) &&
           !prop_comma_before(m, e))
        e++;
    if (e > k) *pa = k, *pb = e;
}

/* The plain words right before the subject's first name in [a, b)
 * that say which kind of it the clause speaks of ("using [open source]
 * X in production is not free of cost", "[self-hosted] X is costly"),
 * back to a gerund that takes X as its object ("Learning X"), past the
 * other subjects listed before it ("[open source] Y/X", "[managed] Y
 * and X"): [*qa, *qb), empty when there are none. */
void prop_subject_premod(const prop_ctx *c, const prop_marks *m, int subject, size_t a, size_t b, size_t *qa,
                                size_t *qb)
{
    size_t k = a;
    *qa = *qb = b;
    if (subject < 0) return;
    while (k < b && m->subj[k] != subject) k++;
    if (k == b) return;
    while (k > a && !prop_comma_before(m, k) &&
           ((m->subj[k - 1] >= 0 && m->subj[k - 1] != subject) ||
            (k - 1 > a && m->subj[k - 2] >= 0 && prop_word(c, m, WR_SUBJECT_JOIN, k - 1))))
        k--;
    size_t s = k;
    while (s > a && !m->eval[s - 1] && m->subj[s - 1] < 0 && m->part[s - 1] < 0 &&
           (m->cls[s - 1] < 0 || m->cls[s - 1] == PL_CONCEPT || m->cls[s - 1] == PL_POLE) && !prop_comma_before(m, s) &&
           !words_has_ending(c->words, WR_GERUND_ENDING, &m->toks[s - 1]))
        s--;
    if (s < k) *qa = s, *qb = k;
}

/* The phrase keys[np0, np1) say which part of the subject is judged,
 * not what it is judged on, when the clause judges a named aspect
 * besides ("may not match that raw speed": speed, not the back end). */
void prop_phrase_unjudged(const prop_ctx *c, prop *p, size_t np0, size_t np1)
{
    if (np1 <= np0) return;
    uint32_t phrase = (uint32_t)(((1ull << np1) - 1) & ~((1ull << np0) - 1));
    int other = 0;
    for (size_t i = 0; i < p->nkeys && !other; i++) {
        const char *k = prop_key_str(c->keys, p->keys[i]);
        other = !((phrase >> i) & 1) && ((p->judged >> i) & 1) && k && (k[0] == '#' || k[0] == '%');
    }
    if (other) p->judged &= ~phrase;
}

/* "faster to pick up", "slow to compile": an evaluative word of a
 * concept [k, he) whose infinitive follows judges what the infinitive
 * names (learning, building), not the concept of its own word (speed):
 * the concept is no aspect of the clause. */
static int prop_judges_infinitive(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b)
{
    if (!m->eval[k] || he + 1 >= b || !prop_word(c, m, WR_BASE_AFTER_COMPARATIVE, he)) return 0;
    size_t v = he + 1;
    return m->subj[v] < 0 && m->part[v] < 0 && m->cls[v] != PL_FUNCTION && !m->eval[v] &&
           !(m->toks[v].s[0] >= '0' && m->toks[v].s[0] <= '9') && !prop_comma_before(m, v);
}

/* "performs CRUD operations", "performing the calculations": a verb of
 * doing [k, he) with an object right after it (past a determiner) says
 * what the subject does, not how well: its concept (speed) is no
 * aspect.  "performs well", "performs significantly better" and
 * "performs in production" have none. */
static int prop_does_object(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t b)
{
    if (he != k + 1 || !prop_word(c, m, WR_DO_VERB, k)) return 0;
    size_t o = he;
    int det = o < b && m->cls[o] == PL_FUNCTION && prop_word(c, m, WR_DETERMINER, o);
    o += (size_t)det;
    if (o >= b || prop_comma_before(m, o) || m->eval[o]) return 0;
    if (m->cls[o] >= 0 && m->cls[o] != PL_CONCEPT && m->cls[o] != PL_SCOPE) return 0;
    /* after a determiner "-ly" is an adjective ("the nightly builds") */
    return det || !words_has_ending(c->words, WR_ADVERB_ENDING, &m->toks[o]);
}

/* "Developers build applications faster", "growing fast", "faster
 * development": an evaluative word of a concept [k, he) right after a
 * word of making software (at most two plain words between) or before
 * one (evaluative words, "and" and at most two plain words between:
 * "fast, efficient server-side development") judges the making's
 * pace, not the subject's: the concept is no aspect of the clause. */
static int prop_judges_making(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a, size_t b)
{
    if (!m->eval[k]) return 0;
    /* forward past evaluative words, "and" and the words of a
     * compound: "a faster and more efficient development process" */
    for (size_t j = he, plain = 0; j < b && j < he + 6; j++) {
        if (prop_comma_before(m, j) && !m->eval[j]) break;
        if (prop_word(c, m, WR_MAKING, j)) return 1;
        if (m->eval[j] || prop_word(c, m, WR_AND, j)) continue;
        if (m->subj[j] >= 0 || m->cls[j] == PL_FUNCTION || ++plain > 2) break;
    }
    for (size_t j = k, between = 0; j > a && between <= 2; j--) {
        size_t w = j - 1;
        if (prop_comma_before(m, j) || m->subj[w] >= 0 || m->eval[w]) return 0;
        if (prop_word(c, m, WR_MAKING, w)) return 1;
        if (m->cls[w] == PL_FUNCTION) return 0;
        between++;
    }
    return 0;
}

/* The distance in words from [k, he) to the nearest evaluative word of
 * [a, b) on one side (dir -1 before, +1 after), PROP_NEAR + 1 when none
 * is that near; *at its first token. */
static size_t prop_eval_distance(const prop_marks *m, size_t k, size_t he, size_t a, size_t b, int dir, size_t *at)
{
    size_t d = 0;
    for (size_t j = dir < 0 ? k : he; dir < 0 ? j > a : j < b; j = dir < 0 ? j - 1 : j + 1) {
        size_t t = dir < 0 ? j - 1 : j;
        if (m->eval[t]) {
            *at = t;
            return d;
        }
        if (prop_counts(m, t) && ++d > PROP_NEAR) break;
    }
    return PROP_NEAR + 1;
}

/* Is the evaluative phrase around token t (its run of evaluative words)
 * one of difficulty ("more complex", "requires")? */
static int prop_eval_difficulty(const prop_ctx *c, const prop_marks *m, size_t t, size_t a, size_t b)
{
    size_t s = t, e = t + 1;
    while (s > a && m->eval[s - 1]) s--;
    while (e < b && m->eval[e]) e++;
    for (size_t j = s; j < e; j++)
        if (prop_word(c, m, WR_DIFFICULTY, j)) return 1;
    return 0;
}

/* "async complexity", "requires familiarity with asynchronous
 * patterns": is every evaluative word nearest the concept word [k, he)
 * of clause [a, b) one of difficulty?  For a feature a subject has or
 * lacks, such words say how hard it is to use, not whether the subject
 * has it: no judgement of the feature. */
int prop_judged_difficulty(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a, size_t b)
{
    size_t before = 0, after = 0;
    size_t db = prop_eval_distance(m, k, he, a, b, -1, &before), da = prop_eval_distance(m, k, he, a, b, 1, &after);
    if (db > PROP_NEAR && da > PROP_NEAR) return 0;
    if (db <= da && !prop_eval_difficulty(c, m, before, a, b)) return 0;
    if (da <= db && !prop_eval_difficulty(c, m, after, a, b)) return 0;
    return 1;
}

/* "might make Node.js more secure in the future", "makes it faster":
 * is the comparative at k of clause [a, b) what a word of causing
 * makes of its object (one or two tokens between, no evaluative word
 * among them; a subject's name may be one), with no base after it
 * ("than Y")? */
static int prop_made(const prop_ctx *c, const prop_marks *m, size_t a, size_t b, size_t k)
{
    size_t v = k;
    for (size_t back = 1; back <= 3 && k >= a + back; back++) {
        size_t j = k - back;
        if (prop_word(c, m, WR_CAUSING, j)) {
            v = j;
            break;
        }
        if (m->eval[j]) return 0;
    }
    if (v == k || v + 1 == k) return 0;   /* a causing word needs its object */
    for (size_t j = k; j < b; j++)
        if (prop_word(c, m, WR_THAN, j)) return 0;
    return 1;
}

/* "can become harder to trace in larger applications": is every
 * comparative of clause [a, b) right after a word of becoming (one
 * plain word between at most)?  Such a clause compares the subject with
 * itself at another time or scale, ranking it against nothing. */
int prop_self_comparison(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    int any = 0;
    for (size_t k = a; k < b; k++) {
        if (m->eval[k] != STANCE_MARK_COMPARATIVE || (k > a && m->eval[k - 1] == STANCE_MARK_COMPARATIVE)) continue;
        int after = (k > a && prop_word(c, m, WR_BECOMING, k - 1)) ||
                    (k > a + 1 && prop_word(c, m, WR_BECOMING, k - 2) && !m->eval[k - 1] && m->subj[k - 1] < 0) ||
                    prop_made(c, m, a, b, k);
        if (!after) return 0;
        any = 1;
    }
    return any;
}

/* Does the cue at [k, e) name something: a word that is neither
 * evaluative nor a function or modal word of the lexicon?  "better
 * suited", "best choice", "ideal for" are the user's cues for a
 * dimension, but a judgement, not an aspect two claims share. */
int prop_cue_names(const prop_marks *m, size_t k, size_t e)
{
    for (; k < e; k++)
        if (!m->eval[k] && (m->cls[k] < 0 || m->cls[k] == PL_CONCEPT || m->cls[k] == PL_SCOPE ||
                            m->cls[k] == PL_POLE || m->cls[k] == PL_KIND))
            return 1;
    return 0;
}

/* Is the concept word at [k, he), inside clause [a, b), a judgement of
 * something else than its concept: of what its infinitive names, of a
 * making's pace, or a verb of doing with its object?  Then the concept
 * is no aspect of the clause. */
int prop_concept_elsewhere(const prop_ctx *c, const prop_marks *m, size_t k, size_t he, size_t a, size_t b)
{
    return prop_judges_infinitive(c, m, k, he, b) || prop_does_object(c, m, k, he, b) || prop_judges_making(c, m, k, he, a, b);
}

int prop_states_size(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if ((m->toks[k].s[0] >= '0' && m->toks[k].s[0] <= '9') || prop_word(c, m, WR_LEVEL_HIGH, k) ||
            prop_word(c, m, WR_LEVEL_LOW, k) || prop_word(c, m, WR_SIZE_MORE, k) || prop_word(c, m, WR_SIZE_LESS, k))
            return 1;
    return 0;
}

/* Is token j a verb of having or doing that "only" can restrict? */
static int prop_having(const prop_ctx *c, const prop_marks *m, size_t j)
{
    return prop_word(c, m, WR_HAVING, j) || m->cls[j] == PL_POSSESSION || m->cls[j] == PL_CAPABILITY;
}

int prop_scant(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        if (!prop_having(c, m, k)) continue;
        size_t j = m->cls[k] >= 0 && (size_t)m->hit[k] == k ? (size_t)m->hit_end[k] : k + 1;
        if (j < b && words_at(c->words, WR_AMOUNT_LESS, m->toks, b, j)) return 1;
    }
    return 0;
}

int prop_restricted(const prop_ctx *c, const prop_marks *m, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        if (!prop_word(c, m, WR_ONLY, k) || (k > a && m->cls[k - 1] == PL_NEGATION)) continue;
        if ((k + 1 < b && prop_having(c, m, k + 1)) || (k > a && prop_having(c, m, k - 1))) return 1;
    }
    return 0;
}
