/*
 * dis_label.c - a question (reconcile.h) in words: the label a reader
 * reads as the disputed point, and the position each side takes in a
 * few words.
 */
#include <string.h>
#include <strings.h>

#include "dis_int.h"
#include "util.h"

static const char *dis_word_pol(int p)
{
    return p > 0 ? "yes" : p < 0 ? "no" : "mixed";
}

/* The position of side s of a stance row, in a few words: yes or no,
 * or, between two subjects, the one it favours. */
static void dis_stance_position(const dis_run *r, const rc_question *q, const dis_side *s, buf *b)
{
    if (q->versus >= 0)
        buf_adds(b, s->polarity ? tax_subject(r->tax, (size_t)(s->polarity > 0 ? q->subject : q->versus))
                                : "neither");
    else
        buf_adds(b, dis_word_pol(s->polarity));
    if (q->absolute && s->nimm == s->nclaims) buf_adds(b, ", experimental");
    else if (q->absolute && s->nabs == s->nclaims) buf_adds(b, ", without qualification");
    else if (q->absolute && s->npart == s->nclaims) buf_adds(b, ", in some cases");
    else if (q->absolute && s->nqual) buf_adds(b, ", with qualifications");
    int first = 1;
    for (size_t k = 0; k < DIS_SCOPES; k++)
        if (s->scope[k] && prop_lex_scope_shown(r->lex, k)) {
            buf_printf(b, "%s%s", first ? " (" : ", ", prop_lex_scope_shown(r->lex, k));
            first = 0;
        }
    if (!first) buf_addc(b, ')');
}

/* "a"/"an" before a word. */
static const char *dis_article(const char *w)
{
    return strchr("aeiouAEIOU", w[0]) ? "an" : "a";
}

/* The article the row's claims put before shown ("a package manager":
 * "a "), or "" where none does ("window functions", "log aggregation"). */
static const char *dis_article_of(const dis_item *it, const char *shown)
{
    static const char *const arts[] = {"a ", "an "};
    size_t sl = strlen(shown);
    for (size_t i = 0; i < it->nclaims; i++) {
        const char *t = it->claims[i].text;
        for (size_t k = 0; t[k]; k++)
            for (size_t a = 0; a < 2; a++) {
                size_t al = strlen(arts[a]);
                if ((k == 0 || t[k - 1] == ' ') && strncasecmp(t + k, arts[a], al) == 0 &&
                    strncasecmp(t + k + al, shown, sl) == 0)
                    return arts[a];
            }
    }
    return "";
}

void dis_position(const dis_run *r, const rc_question *q, const dis_side *s, buf *b)
{
    if (q->kind == RC_STANCE) {
        dis_stance_position(r, q, s, b);
    } else if (q->kind == RC_CHOICE || q->kind == RC_USE) {
        buf_adds(b, tax_subject(r->tax, (size_t)s->value));
    } else if (q->kind == RC_SUITS) {
        buf_adds(b, prop_lex_scope_shown(r->lex, (size_t)s->value));
    } else if (q->kind == RC_RANK) {
        /* value: +1 the first subject ahead, -1 the second, 0 alike */
        if (s->value) buf_printf(b, "%s ahead", tax_subject(r->tax, (size_t)(s->value > 0 ? q->subject : q->versus)));
        else if (s->polarity) buf_printf(b, "alike: both %s", s->polarity > 0 ? "good" : "weak");
        else buf_adds(b, "alike");
    } else if (q->kind == RC_CATEGORY) {
        const char *name = prop_lex_kind(r->lex, (size_t)s->value);
        buf_printf(b, "%s%s %s", s->negated ? "not " : "", dis_article(name), name);
    } else if (q->kind == RC_VALUE) {
        /* "Java and Scala": the values as the text writes them */
        const prop *p = &r->props[q->props[s->lead]].p;
        for (size_t i = 0; i < p->nkeys; i++)
            buf_printf(b, "%s%s", i ? (i + 1 == p->nkeys ? " and " : ", ") : "", prop_key_shown(r->keys, p->keys[i]));
    } else {
        const char *pn = s->value >= 0 ? prop_lex_pole(r->lex, (size_t)s->value) : NULL;
        const char *slash = pn ? strchr(pn, '/') : NULL;
        buf_adds(b, slash ? slash + 1 : "unstated");
    }
}

void dis_template(buf *b, const char *tmpl, const char *subject)
{
    const char *at = strstr(tmpl, "{s}");
    if (at) buf_printf(b, "%.*s%s%s", (int)(at - tmpl), tmpl, subject, at + 3);
    else buf_adds(b, tmpl);
}

/* Does a stance row set a feature had in full against one still
 * "experimental": every side says yes, one side only with features not
 * there in full yet, another with none? */
static int dis_immature_row(const rc_question *q, const dis_side *sides, size_t ns)
{
    int immature = 0, full = 0;
    for (size_t k = 0; k < ns; k++) {
        if (sides[k].polarity <= 0) return 0;
        immature |= sides[k].nimm == sides[k].nclaims;
        full |= !sides[k].nimm;
    }
    return q->kind == RC_STANCE && q->versus < 0 && immature && full;
}

/* "What is X: a K1, a K2 or a K3?", or for a kind and its denial "Is X
 * a K?" */
static void dis_category_label(const dis_run *r, const char *subj, const dis_side *sides, size_t ns, buf *b)
{
    size_t nkinds = 0, one = 0;
    for (size_t k = 0; k < ns; k++)
        if (!sides[k].negated) nkinds++, one = k;
    if (nkinds == 1) {
        const char *name = prop_lex_kind(r->lex, (size_t)sides[one].value);
        buf_printf(b, "Is %s %s %s?", subj, dis_article(name), name);
        return;
    }
    buf_printf(b, "What is %s:", subj);
    size_t shownk = 0;
    for (size_t k = 0; k < ns; k++) {
        if (sides[k].negated) continue;
        const char *name = prop_lex_kind(r->lex, (size_t)sides[k].value);
        buf_printf(b, "%s %s %s", shownk ? (shownk + 1 == nkinds ? " or" : ",") : "", dis_article(name), name);
        shownk++;
    }
    buf_addc(b, '?');
}

/* A question on values with no template of its own: "What is X's
 * delivery: exactly-once or at-least-once?", its sides' positions. */
static void dis_values_label(const dis_item *it, const char *subj, const char *shown, size_t ns, buf *b)
{
    buf_printf(b, "What is %s's %s:", subj, shown);
    for (size_t k = 0; k < ns; k++) buf_printf(b, "%s %s", k ? (k + 1 == ns ? " or" : ",") : "", it->positions[k]);
    buf_addc(b, '?');
}

void dis_label(dis_run *r, dis_item *it, const rc_question *q, const dis_side *sides, size_t ns)
{
    buf b = BUF_INIT;
    const char *subj = it->subject;
    int keyed = q->kind != RC_CATEGORY && q->kind != RC_CHOICE && q->kind != RC_SUITS && q->kind != RC_VALUE;
    const char *kstr = keyed ? prop_key_str(r->keys, q->key) : NULL;
    const char *shown = q->kind == RC_CATEGORY ? "kind"
                        : q->kind == RC_VALUE  ? prop_lex_attribute(r->lex, q->key)
                        : q->kind == RC_CHOICE ? prop_lex_scope_shown(r->lex, q->key)
                        : q->kind == RC_SUITS  ? "" 
                                               : prop_key_shown(r->keys, q->key);
    const char *tmpl = kstr ? prop_lex_question(r->lex, kstr) : NULL;
    /* the values' own wording ("=typing": "Is X statically or
     * dynamically typed?") for a pole row; a judgement row keeps the
     * aspect's ("#typing": "Is X's typing an advantage?") */
    if (kstr && q->kind == RC_POLE && kstr[0] == '#') {
        buf vk = BUF_INIT;
        buf_printf(&vk, "=%s", kstr + 1);
        const char *vt = prop_lex_question(r->lex, buf_cstr(&vk));
        if (vt) tmpl = vt;
        buf_free(&vk);
    }
    if (q->kind == RC_CATEGORY) {
        dis_category_label(r, subj, sides, ns, &b);
    } else if (q->kind == RC_VALUE) {
        /* the attribute's template ("@language": "What is {s} written
         * in?"), else "What is X's language: A or B?" */
        buf vk = BUF_INIT;
        buf_printf(&vk, "@%s", shown);
        const char *vt = prop_lex_question(r->lex, buf_cstr(&vk));
        buf_free(&vk);
        if (vt) dis_template(&b, vt, subj);
        else dis_values_label(it, subj, shown, ns, &b);
    } else if (q->kind == RC_CHOICE) {
        const char *t = prop_lex_choice(r->lex, q->key), *at = strstr(t, "{s}");
        if (at) buf_printf(&b, "%.*s%s or %s%s", (int)(at - t), t, tax_subject(r->tax, (size_t)q->subject),
                           tax_subject(r->tax, (size_t)q->versus), at + 3);
        else buf_adds(&b, t);
    } else if (q->kind == RC_USE) {
        buf_printf(&b, "Which suits %s: %s or %s?", shown, tax_subject(r->tax, (size_t)q->subject),
                   tax_subject(r->tax, (size_t)q->versus));
    } else if (q->kind == RC_SUITS) {
        const char *t = rc_axis_question(r->lex, (int)q->key);
        if (t) dis_template(&b, t, subj);
    } else if (q->kind == RC_RANK) {
        /* the subject most sources rank ahead first */
        size_t lead = ns;
        for (size_t k = 0; k < ns; k++)
            if (sides[k].value && (lead == ns || sides[k].nsrc > sides[lead].nsrc)) lead = k;
        int first = lead < ns && sides[lead].value < 0 ? q->versus : q->subject, alike = 0;
        for (size_t k = 0; k < ns; k++) alike |= !sides[k].value;
        const char *x = tax_subject(r->tax, (size_t)first),
                   *y = tax_subject(r->tax, (size_t)(first == q->subject ? q->versus : q->subject));
        if (alike) buf_printf(&b, "Is %s ahead of %s on %s, or are they alike?", x, y, shown);
        else buf_printf(&b, "Which is ahead on %s: %s or %s?", shown, x, y);
    } else if (q->versus >= 0) {
        buf_printf(&b, "Which is better on %s: %s or %s?", shown, tax_subject(r->tax, (size_t)q->subject),
                   tax_subject(r->tax, (size_t)q->versus));
    } else if (dis_immature_row(q, sides, ns)) {
        buf_printf(&b, "Is %s's %s stable or still experimental?", subj, shown);
    } else if (tmpl) {
        dis_template(&b, tmpl, subj);
    } else if (q->kind == RC_POLE) {
        dis_values_label(it, subj, shown, ns, &b);
    } else {
        /* the claims' own verb: "support", "suited to", "have" where
         * every claim says the subject has or lacks it, else "good" */
        int support = 0, suit = 0;
        size_t feat = 0, all = 0;
        for (size_t i = 0; i < it->nclaims; i++) {
            support |= kb_memmem(it->claims[i].text, strlen(it->claims[i].text), "support", 7) != NULL;
            suit |= kb_memmem(it->claims[i].text, strlen(it->claims[i].text), "suit", 4) != NULL;
        }
        for (size_t k = 0; k < ns; k++) feat += sides[k].nfeat, all += sides[k].nclaims;
        if (support) buf_printf(&b, "Does %s support %s?", subj, shown);
        else if (suit) buf_printf(&b, "Is %s suited to %s?", subj, shown);
        else if (all && feat == all) buf_printf(&b, "Does %s have %s%s?", subj, dis_article_of(it, shown), shown);
        else buf_printf(&b, "Is %s good when it comes to %s?", subj, shown);
    }
    it->question = buf_detach(&b, NULL);
    if (q->kind == RC_SUITS) {
        /* the axis: "size" of "size/small" */
        const char *sc = prop_lex_scope(r->lex, q->key), *sl = strchr(sc, '/');
        it->aspect = kb_strndup(sc, sl ? (size_t)(sl - sc) : strlen(sc));
    } else {
        it->aspect = kb_strdup(shown);
    }
}
