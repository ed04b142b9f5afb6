/*
 * tag_subj.c - the subjects of a claim (tag.h has the rules): named or
 * brought by a part, a table cell's column, and, when the claim names
 * none or only the base of a comparison, carried from the claim before
 * or inherited from its section heading.
 */
#include "tag_int.h"

#include <string.h>

#include "words.h"

const char *tag_how_name(tag_how h)
{
    static const char *const names[TAG_HOW_COUNT] = {"named", "part", "carried", "column", "heading", "both"};
    return (unsigned)h < TAG_HOW_COUNT ? names[h] : "named";
}

static void tag_add_subject(tag_result *r, int s, tag_how how)
{
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].subject == s) return;
    if (r->nsubj < TAG_MAX) {
        r->subj[r->nsubj].subject = s;
        r->subj[r->nsubj].how = how;
        r->nsubj++;
    }
}

/* A token that makes what follows the base of a comparison: "X over
 * Y", "X compared to Y", "X than Y", "X unlike Y". */
static int tag_is_cmp_marker(const tagger *tg, const tax_tok *t)
{
    return words_is(tg->w, WR_CMP_MARKER, t);
}

/* The subjects and parts a text names, in order; with at_marker, only
 * those before a comparison marker that follows the first one. */
static size_t tag_subjects_upto(tagger *tg, const char *text, size_t len, int *out, size_t max, int at_marker)
{
    if (!text || tag_tokenize(tg, text, len, 0, NULL)) return 0;
    size_t nh = tax_match(tg->tax, TAX_MASK(TAX_SUBJECT) | TAX_MASK(TAX_PART), tg->toks, tg->ntok, tg->hits,
                          TAG_MAX_HITS);
    if (nh > TAG_MAX_HITS) nh = TAG_MAX_HITS;
    size_t n = 0;
    int marked = 0;
    size_t at = 0;
    for (size_t i = 0; i < nh; i++) {
        for (; at_marker && at < tg->hits[i].tok; at++)
            if (n && tag_is_cmp_marker(tg, &tg->toks[at])) marked = 1;
        if (marked) break;
        if (!tag_has(out, n, tg->hits[i].index) && n < max) out[n++] = tg->hits[i].index;
    }
    return n;
}

size_t tag_subjects_in(tagger *tg, const char *text, size_t len, int *out, size_t max)
{
    return tag_subjects_upto(tg, text, len, out, max, 0);
}

size_t tag_heading_subjects(tagger *tg, const char *text, size_t len, int *out, size_t max)
{
    return tag_subjects_upto(tg, text, len, out, max, 1);
}

int tag_says_all(const tagger *tg)
{
    for (size_t t = 0; t < tg->ntok; t++)
        if (words_is(tg->w, WR_ALL, &tg->toks[t])) return 1;
    return 0;
}

/* Is hit i inside a longer dimension cue ("node" in the cue
 * "node_modules", "Node.js" in "Node.js compatibility")?  The longer
 * term is what the text names. */
static int tag_inside_cue(const tag_ctx *c, size_t i)
{
    const tax_hit *h = &c->tg->hits[i];
    for (size_t k = 0; k < c->nh; k++) {
        const tax_hit *d = &c->tg->hits[k];
        if (d->kind == TAX_DIMENSION && d->tok <= h->tok && d->tok_end >= h->tok_end &&
            d->tok_end - d->tok > h->tok_end - h->tok)
            return 1;
    }
    return 0;
}

/* The subjects named before token t (in the claim, else in the claim
 * before it): the first into *first, the last into *last; how many
 * names, a repeated one counted once (the claim before's: its
 * subjects). */
static size_t tag_named_before(const tag_ctx *c, size_t t, int *first, int *last)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nment && c->ment[i].tok < t; i++) {
        if (c->ment_named[i] != TAG_NAMED_ALIAS) continue; /* not a part, nor "the former" */
        if (!n) *first = c->ment[i].subject;
        n += !n || c->ment[i].subject != *last;
        *last = c->ment[i].subject;
    }
    if (n >= 2 || c->in->nprev < 2) return n;
    *first = c->in->prev[0];
    *last = c->in->prev[c->in->nprev - 1];
    return c->in->nprev;
}

/* "the former", "the latter": a mention of the first or the last of
 * the subjects named before it, kept in token order. */
static void tag_former_latter(tag_ctx *c)
{
    const tagger *tg = c->tg;
    for (size_t t = 1; t < tg->ntok && c->nment < TAG_MAX_HITS; t++) {
        int first = words_is(tg->w, WR_REF_FIRST, &tg->toks[t]);
        if ((!first && !words_is(tg->w, WR_REF_LAST, &tg->toks[t])) || words_at(tg->w, WR_DETERMINER, tg->toks, t, t - 1) != 1)
            continue;
        int a = -1, b = -1;
        if (tag_named_before(c, t, &a, &b) < 2 || a == b) continue;
        size_t k = c->nment;
        while (k > 0 && c->ment[k - 1].tok >= t) {
            c->ment[k] = c->ment[k - 1];
            c->ment_named[k] = c->ment_named[k - 1];
            k--;
        }
        c->ment[k] = (stance_mention){first ? a : b, t - 1, t + 1};
        c->ment_named[k] = TAG_NAMED_REF;
        c->nment++;
        tag_add_subject(c->r, first ? a : b, TAG_CARRIED);
    }
}

/* The subjects and parts the claim names, in order, and a table cell's
 * column, which it is always about, whatever else it names ("Usually
 * requires JavaScript" under "Python"). */
static void tag_named(tag_ctx *c)
{
    const tagger *tg = c->tg;
    for (size_t i = 0; i < c->nh; i++) {
        const tax_hit *h = &tg->hits[i];
        if (h->kind != TAX_SUBJECT && h->kind != TAX_PART) continue;
        if (tag_inside_cue(c, i)) continue;
        tag_add_subject(c->r, h->index, h->kind == TAX_SUBJECT ? TAG_NAMED : TAG_PART);
        c->ment[c->nment].subject = h->index;
        c->ment[c->nment].tok = h->tok;
        c->ment[c->nment].tok_end = h->tok_end;
        c->ment_named[c->nment] = h->kind == TAX_SUBJECT ? TAG_NAMED_ALIAS : TAG_NAMED_PART;
        c->nment++;
    }
    tag_former_latter(c);
    for (size_t i = 0; i < c->ncol; i++) tag_add_subject(c->r, c->col[i], TAG_COLUMN);
}

/* Is the mention [t, te) the owner of what a want before it names ("it
 * lacks the maturity of Y", "it lacks Y's maturity"): "of" right before
 * it or "'s" right after, a word of lacking within eight words before,
 * with no comma between? */
static int tag_lacking_owner(const tagger *tg, size_t t, size_t te)
{
    if (!(t > 0 && words_is(tg->w, WR_OF, &tg->toks[t - 1])) && !(te < tg->ntok && tax_tok_possessive(tg->toks, te)))
        return 0;
    for (size_t k = t; k > 0 && k + 8 > t; k--) {
        if (tax_tok_punct_before(tg->toks, k, ",")) return 0;
        if (words_is(tg->w, WR_LACKING, &tg->toks[k - 1])) return 1;
    }
    return 0;
}

/* Does the claim name subjects only as the base of its comparison
 * ("Because of this, it is slower than Y")? */
static int tag_only_bases(const tag_ctx *c)
{
    const tagger *tg = c->tg;
    if (!c->nment) return 0;
    for (size_t i = 0; i < c->nment; i++) {
        size_t t = c->ment[i].tok;
        int base = t > 0 && tag_is_cmp_marker(tg, &tg->toks[t - 1]) && !words_is(tg->w, WR_ONE_SIDED, &tg->toks[t - 1]);
        if (t > 1 && words_is(tg->w, WR_COMPARED, &tg->toks[t - 2])) base = 1;
        if (tag_lacking_owner(tg, t, c->ment[i].tok_end)) base = 1;
        if (!base) return 0;
    }
    return 1;
}

/* Does the section heading name subject s? */
static int tag_in_section(const tag_ctx *c, int s)
{
    for (size_t i = 0; i < c->nsec; i++)
        if (c->sec[i] == s) return 1;
    return 0;
}

/* A claim that names no subject, or only the base of its comparison,
 * inherits one: "It ..." carries the previous claim's main subject;
 * under "X vs Y", a claim naming no one (and not "both" or "all") goes
 * on about the one subject the claim before it named (not one a part
 * brought: "You can use JavaScript"); else the section heading's. */
static void tag_inherit(tag_ctx *c)
{
    const tagger *tg = c->tg;
    const tag_input *in = c->in;
    tag_result *r = c->r;
    int only_bases = tag_only_bases(c);
    if (r->nsubj && !(only_bases && !c->ncol)) return;
    int pronoun = words_opens(tg->w, WR_OPENING_PRONOUN, in->text, in->len);
    /* "They are extremely fast" after a claim about one subject: a
     * plural pronoun stands for a plural noun of it ("its libraries"),
     * not for the subject, nor for the section's */
    if (pronoun && in->nprev == 1 && !only_bases && words_opens(tg->w, WR_PRONOUN_PLURAL, in->text, in->len)) return;
    if (only_bases)
        for (size_t t = 0; t < c->ment[0].tok && !pronoun; t++)
            pronoun = words_is(tg->w, WR_SUBJECT_PRONOUN, &tg->toks[t]);
    if (in->nprev && pronoun)
        tag_add_subject(r, in->prev[0], TAG_CARRIED);
    else if (!r->nsubj && c->nsec > 1 && in->nprev == 1 && in->prev[0] == c->last_named && !tag_says_all(tg))
        tag_add_subject(r, in->prev[0], TAG_CARRIED);
    /* ... and so does one after claims that named no one either: "For
     * X projects, the host ... / Every push triggers a redeployment. /
     * The service includes a CDN ..." */
    else if (!r->nsubj && c->nsec > 1 && tg->topic >= 0 && tag_in_section(c, tg->topic) && !tag_says_all(tg))
        tag_add_subject(r, tg->topic, TAG_CARRIED);
    else
        for (size_t i = 0; i < c->nsec; i++) tag_add_subject(r, c->sec[i], TAG_HEADING);
}

/* "Both languages are ...", "However, all three offer ...": with no
 * subject but its section's, a claim opening on "both"/"all" (past a
 * connective and its comma; not "both X and Y") speaks of the subjects
 * compared -- when the domain compares exactly two, there is no doubt
 * which. */
static void tag_both(tag_ctx *c)
{
    const tagger *tg = c->tg;
    for (size_t i = 0; i < c->r->nsubj; i++)
        if (c->r->subj[i].how != TAG_HEADING) return;
    if (tax_subjects(tg->tax) != 2 || tg->ntok <= 2) return;
    size_t a = tax_tok_punct_before(tg->toks, 1, ",") ? 1 : 0;
    if (!words_is(tg->w, WR_ALL, &tg->toks[a])) return;
    for (size_t t = a + 1; t < tg->ntok && t <= a + 3; t++)
        if (words_is(tg->w, WR_AND, &tg->toks[t])) return;
    tag_add_subject(c->r, 0, TAG_BOTH);
    tag_add_subject(c->r, 1, TAG_BOTH);
}

void tag_subjects(tag_ctx *c)
{
    tag_result *r = c->r;
    tag_named(c);
    tag_inherit(c);
    /* the one subject this claim names, for the claim after it */
    int one = -1, n = 0;
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how == TAG_NAMED) {
            one = r->subj[i].subject;
            n++;
        }
    if (n == 1 && r->nsubj == 1) c->tg->last_named = one;
    /* the section's topic: the one subject a claim names; a claim that
     * names or brings by a part another as well, or a part alone ("You
     * can use JavaScript"), leaves it open, one bringing a part of the
     * topic keeps it */
    int named = -1, other = 0;
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how == TAG_NAMED) named = r->subj[i].subject;
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how == TAG_NAMED || r->subj[i].how == TAG_PART)
            other |= r->subj[i].subject != (named >= 0 ? named : c->tg->topic);
    if (other) c->tg->topic = -1;
    else if (named >= 0) c->tg->topic = named;
    tag_both(c);
}
