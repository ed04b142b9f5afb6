/*
 * claims.c - from units to tagged claims, built in memory (claims_build);
 * see claims.h.  claims_write.c stores them.
 */
#include "claims_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "embed.h"
#include "furniture.h"
#include "hash.h"
#include "norm.h"
#include "qty.h"
#include "segment.h"
#include "stance.h"
#include "tag.h"
#include "util.h"
#include "words.h"

/* State while one source is walked. */
typedef struct claims_walk {
    claims *c;
    claims_set *set;
    size_t unit_index;
    int prev[TAG_MAX];          /* subjects of the previous claim */
    size_t nprev;
    /* the table being read: its header cells (owned) */
    int in_table;
    char **head;
    size_t nhead;
    /* the cells of the row being read, as many as it has */
    size_t *cell_s, *cell_e;
    size_t capcells;
    int row_labels;             /* the first column holds row labels */
    const store_unit *unit;     /* the unit being split */
    const char *row_header;     /* borrowed for the current row */
    const char *col_header;
    uint8_t kind;               /* CLAIM_* */
    int heading;                /* the unit is a heading: a claim only if it states one */
    /* after a line that is only a subject's name ("Python", "Node.js:"),
     * the section path with that name appended, as a heading would
     * add it (owned), and the section it was read under (borrowed) */
    char *label_section;
    const char *label_under;
    char *err;
} claims_walk;

int claims_new(const char *taxonomy_tsv, const char *stance_tsv, const char *furniture_tsv, claims **out,
               char **err)
{
    *out = NULL;
    claims *c = kb_calloc(1, sizeof *c);
    char *e = NULL;
    const char *tx = taxonomy_tsv ? taxonomy_tsv : embed_taxonomy;
    const char *sx = stance_tsv ? stance_tsv : embed_stance;
    if (taxonomy_tsv) c->tax_tsv = kb_strdup(taxonomy_tsv);
    if (stance_tsv) c->stance_tsv = kb_strdup(stance_tsv);
    if (furniture_tsv) c->furn_tsv = kb_strdup(furniture_tsv);
    if (tax_load(tx, strlen(tx), &c->tax, &e)) {
        kb_seterr(err, "taxonomy: %s", e);
        goto fail;
    }
    if (words_load(NULL, 0, &c->words, &e)) {
        kb_seterr(err, "%s", e);
        goto fail;
    }
    if (stance_load(sx, strlen(sx), c->words, &c->lex, &e)) {
        kb_seterr(err, "%s", e);
        goto fail;
    }
    if (furn_new(furniture_tsv, furniture_tsv ? strlen(furniture_tsv) : 0, &c->furn, &e)) {
        kb_seterr(err, "furniture lexicon: %s", e);
        goto fail;
    }
    if (seg_abbrevs_new(NULL, 0, &c->abbr, &e)) {
        kb_seterr(err, "%s", e);
        goto fail;
    }
    c->tg = tag_new(c->tax, c->lex, c->words);
    *out = c;
    return KB_OK;
fail:
    free(e);
    claims_free(c);
    return KB_ERR;
}

void claims_stamp(const claims *c, char out[65])
{
    const char *tx = c->tax_tsv ? c->tax_tsv : embed_taxonomy;
    hash_sha256_hex(tx, strlen(tx), out);
}

int claims_clone(const claims *c, claims **out, char **err)
{
    return claims_new(c->tax_tsv, c->stance_tsv, c->furn_tsv, out, err);
}

void claims_free(claims *c)
{
    if (!c) return;
    tag_free(c->tg);
    furn_free(c->furn);
    seg_abbrevs_free(c->abbr);
    stance_free(c->lex);
    words_free(c->words);
    tax_free(c->tax);
    free(c->tax_tsv);
    free(c->stance_tsv);
    free(c->furn_tsv);
    free(c);
}

const taxonomy *claims_taxonomy(const claims *c)
{
    return c->tax;
}

void claims_props(claims *c, const prop_lex *lex, const alias_set *aliases, prop_keys *keys)
{
    c->props.lex = lex;
    c->props.tax = c->tax;
    c->props.stance = c->lex;
    c->props.words = c->words;
    c->props.aliases = aliases;
    c->props.keys = keys;
    tag_want_clauses(c->tg, lex != NULL);
}


void claims_set_free(claims_set *s)
{
    if (!s) return;
    free(s->items);
    free(s->subj);
    free(s->dims);
    free(s->qty);
    free(s->st);
    free(s->props);
    free(s->furniture);
    buf_free(&s->arena);
    free(s);
}

size_t claims_set_count(const claims_set *s)
{
    return s ? s->n : 0;
}

const char *claims_set_furniture(const claims_set *s, size_t i)
{
    return s && i < s->nunits ? claims_str(s, s->furniture[i]) : NULL;
}

void claims_set_view(const claims_set *s, size_t i, claims_view *v)
{
    const claims_item *it = &s->items[i];
    v->unit = it->unit;
    v->kind = claims_kind_name(it->kind);
    v->start = it->start;
    v->end = it->end;
    v->row_header = claims_str(s, it->row_header);
    v->col_header = claims_str(s, it->col_header);
    /* (an empty array of the set is NULL: no offset from it) */
    v->subj = it->nsubj ? s->subj + it->subj : NULL;
    v->nsubj = it->nsubj;
    v->dims = it->ndims ? s->dims + it->dims : NULL;
    v->ndims = it->ndims;
    v->qty = it->nqty ? s->qty + it->qty : NULL;
    v->nqty = it->nqty;
    v->props = it->nprop ? s->props + it->prop : NULL;
    v->nprops = it->nprop;
}

const char *claims_kind_name(int kind)
{
    static const char *const names[] = {"sentence", "item", "cell", "comment"};
    return kind >= CLAIM_SENTENCE && kind <= CLAIM_COMMENT ? names[kind] : "sentence";
}

/* Keep a copy of str in the set's arena: its offset + 1, or 0 for NULL. */
static size_t claims_keep(claims_set *s, const char *str)
{
    if (!str) return 0;
    size_t off = s->arena.len + 1;
    buf_add(&s->arena, str, strlen(str) + 1);
    return off;
}

/* Room for one more element in a growable array. */
#define CLAIMS_GROW(arr, n, cap)                                       \
    do {                                                               \
        if ((n) == (cap)) {                                            \
            (cap) = (cap) ? (cap) * 2 : 16;                            \
            (arr) = kb_realloc((arr), (cap) * sizeof *(arr));          \
        }                                                              \
    } while (0)

/* In a claim that states a version ("The latest version, 12.6.0, was
 * released in July 2019") a year dates that version, not the subject's
 * first release: the year keeps its measure but records the version it
 * dates, so that only years of the same version are compared. */
static void claims_version_years(tag_result *r)
{
    const char *version = NULL;
    for (size_t i = 0; i < r->nqty; i++)
        if (r->qty[i].q.kind == QTY_VERSION && !version) version = r->qty[i].q.version;
    if (!version) return;
    for (size_t i = 0; i < r->nqty; i++)
        if (r->qty[i].q.kind == QTY_YEAR)
            snprintf(r->qty[i].q.version, sizeof r->qty[i].q.version, "%s", version);
}

/* Does a heading just tagged (r) state a claim, as a sentence would
 * ("Deno's std library is awesome", "Deno uses twice as much memory as
 * Node")?  It names a subject, judges one, and has a verb of being or
 * having; a label ("Advantages of Node.js", "Where Python Excels",
 * "Playwright (Full Support)") has none, and a question ("Is Python
 * slow?") asks. */
static int claims_heading_states(const claims *c, const tag_result *r)
{
    int named = 0, judged = 0;
    for (size_t i = 0; i < r->nsubj; i++) named |= r->subj[i].how == TAG_NAMED;
    for (size_t i = 0; i < r->nst; i++) judged |= r->st[i].polarity != 0;
    if (!named || !judged) return 0;
    size_t n;
    const tax_tok *t = tag_tokens(c->tg, &n, NULL, NULL);
    if (n && t[n - 1].s[t[n - 1].n] == '?') return 0;
    for (size_t k = 0; k < n; k++)
        if (words_is(c->words, WR_COPULA, &t[k]) || words_is(c->words, WR_COPULA_NEGATED, &t[k]) ||
            words_is(c->words, WR_POSSESS_VERB, &t[k]))
            return 1;
    return 0;
}

/* Does the claim name a subject itself (not by a part, the context or
 * the claim before)?  A comment in code is a claim only then: the
 * others describe the code's steps ("Store a simple value"). */
static int claims_names_subject(const tag_result *r)
{
    for (size_t i = 0; i < r->nsubj; i++)
        if (r->subj[i].how == TAG_NAMED) return 1;
    return 0;
}

/* Tag one claim, text[start, end) of the current unit, and add it to
 * the set (a heading only if it states one, a comment only if it names
 * a subject). */
static int claims_emit(claims_walk *w, size_t start, size_t end)
{
    const store_unit *u = w->unit;
    claims_set *set = w->set;
    if (end <= start) return 0;
    /* an emoji or an image alone says nothing; a cell's "-" or a check
     * mark does, in its row */
    if (w->kind != CLAIM_CELL && !norm_has_words(u->text + start, end - start)) return 0;
    tag_input in;
    memset(&in, 0, sizeof in);
    in.text = u->text + start;
    in.len = end - start;
    in.section = w->label_section ? w->label_section : u->section;
    in.row_header = w->row_header;
    in.col_header = w->col_header;
    in.prev = w->prev;
    in.nprev = w->nprev;
    tag_result r;
    if (tag_claim(w->c->tg, &in, &r, &w->err)) return 1;
    if (w->heading && !claims_heading_states(w->c, &r)) return 0;
    if (w->kind == CLAIM_COMMENT && !claims_names_subject(&r)) return 0;
    claims_version_years(&r);

    CLAIMS_GROW(set->items, set->n, set->cap);
    claims_item *it = &set->items[set->n++];
    memset(it, 0, sizeof *it);
    it->unit = (uint32_t)w->unit_index;
    it->kind = w->kind;
    it->start = (uint32_t)start;
    it->end = (uint32_t)end;
    it->row_header = (uint32_t)claims_keep(set, w->row_header);
    it->col_header = (uint32_t)claims_keep(set, w->col_header);
    it->subj = (uint32_t)set->nsubj;
    it->nsubj = (uint8_t)r.nsubj;
    for (size_t i = 0; i < r.nsubj; i++) {
        CLAIMS_GROW(set->subj, set->nsubj, set->capsubj);
        set->subj[set->nsubj++] = r.subj[i];
    }
    it->dims = (uint32_t)set->ndims;
    it->ndims = (uint8_t)r.ndims;
    for (size_t i = 0; i < r.ndims; i++) {
        CLAIMS_GROW(set->dims, set->ndims, set->capdims);
        set->dims[set->ndims++] = r.dims[i];
    }
    it->qty = (uint32_t)set->nqty;
    it->nqty = (uint8_t)r.nqty;
    for (size_t i = 0; i < r.nqty; i++) {
        CLAIMS_GROW(set->qty, set->nqty, set->capqty);
        set->qty[set->nqty++] = r.qty[i];
    }
    it->st = (uint32_t)set->nst;
    it->nst = (uint8_t)r.nst;
    for (size_t i = 0; i < r.nst; i++) {
        CLAIMS_GROW(set->st, set->nst, set->capst);
        set->st[set->nst++] = r.st[i];
    }
    it->prop = (uint32_t)set->nprops;
    if (w->c->props.lex) {
        prop ps[4 * TAG_MAX];
        prop_claim pc = {in.text, in.len, &r, in.prev, in.nprev, w->row_header};
        size_t np = prop_extract(&w->c->props, w->c->tg, &pc, ps, 4 * TAG_MAX);
        if (np > 4 * TAG_MAX) np = 4 * TAG_MAX;
        for (size_t i = 0; i < np; i++) {
            CLAIMS_GROW(set->props, set->nprops, set->capprops);
            set->props[set->nprops++] = ps[i];
        }
        it->nprop = (uint8_t)np;
    }
    w->nprev = 0;
    for (size_t i = 0; i < r.nsubj && i < TAG_MAX; i++) w->prev[w->nprev++] = r.subj[i].subject;
    return 0;
}

static int claims_sentence(void *ctx, size_t start, size_t end)
{
    return claims_emit(ctx, start, end);
}

static void claims_end_table(claims_walk *w)
{
    for (size_t i = 0; i < w->nhead; i++) free(w->head[i]);
    w->nhead = 0;
    w->in_table = 0;
}

/* The cells of the row just read (items first.. of the set) grade
 * their subjects against each other (prop_table_row): a cell's
 * subject is its column's, the one subject it has. */
static void claims_rank_row(claims_walk *w, size_t first, const char *label)
{
    claims_set *set = w->set;
    size_t n = set->n - first;
    if (n < 2) return;
    prop_cell *cells = kb_malloc(n * sizeof *cells);
    for (size_t i = 0; i < n; i++) {
        const claims_item *it = &set->items[first + i];
        cells[i] = (prop_cell){w->unit->text + it->start, it->end - it->start,
                               it->nsubj == 1 && set->subj[it->subj].how == TAG_COLUMN ? set->subj[it->subj].subject : -1,
                               set->props + it->prop, it->nprop};
    }
    prop_table_row(&w->c->props, label, cells, n);
    free(cells);
}

static int claims_row(claims_walk *w, const store_unit *u)
{
    size_t n = seg_cells(u->text, u->text_len, w->cell_s, w->cell_e, w->capcells);
    if (n > w->capcells) {
        w->capcells = n;
        w->cell_s = kb_realloc(w->cell_s, n * sizeof *w->cell_s);
        w->cell_e = kb_realloc(w->cell_e, n * sizeof *w->cell_e);
        n = seg_cells(u->text, u->text_len, w->cell_s, w->cell_e, w->capcells);
    }
    const size_t *s = w->cell_s, *e = w->cell_e;
    if (!w->in_table) {
        /* the header row: column labels */
        w->in_table = 1;
        w->head = kb_realloc(w->head, (n ? n : 1) * sizeof *w->head);
        for (size_t i = 0; i < n; i++) w->head[i] = kb_strndup(u->text + s[i], e[i] - s[i]);
        w->nhead = n;
        /* The first column holds row labels when its header names no
         * subject while another header does ("Feature | Node.js | Python"). */
        int first = 0, others = 0, tmp[2];
        if (n) first = tag_subjects_in(w->c->tg, w->head[0], strlen(w->head[0]), tmp, 2) > 0;
        for (size_t i = 1; i < n; i++) others += tag_subjects_in(w->c->tg, w->head[i], strlen(w->head[i]), tmp, 2) > 0;
        w->row_labels = !first && others > 0;
        return 0;
    }
    char *label = w->row_labels && n ? kb_strndup(u->text + s[0], e[0] - s[0]) : NULL;
    w->row_header = label;
    w->kind = CLAIM_CELL;
    int rc = 0;
    size_t first = w->set->n;
    for (size_t i = w->row_labels ? 1 : 0; i < n && !rc; i++) {
        w->col_header = i < w->nhead ? w->head[i] : NULL;
        rc = claims_emit(w, s[i], e[i]);
    }
    if (!rc && label && w->c->props.lex) claims_rank_row(w, first, label);
    w->row_header = w->col_header = NULL;
    free(label);
    return rc;
}

/* The label of "Label: text" when it is short (at most four words,
 * before the first colon within 48 bytes; the colon may stand inside
 * Markdown emphasis, "**Label:** text") and names a subject; NULL
 * otherwise.  Malloc'd. */
static char *claims_subject_label(claims_walk *w, const char *text, size_t len)
{
    size_t n = len < 48 ? len : 48, words = 1;
    const char *colon = memchr(text, ':', n);
    if (!colon || colon == text) return NULL;
    size_t after = (size_t)(colon - text) + 1;
    while (after < len && (text[after] == '*' || text[after] == '_')) after++;
    if (after >= len || text[after] != ' ') return NULL;
    for (const char *p = text; p < colon; p++) words += *p == ' ';
    if (words > 4) return NULL;
    int subj[2];
    if (tag_subjects_in(w->c->tg, text, (size_t)(colon - text), subj, 2) == 0) return NULL;
    return kb_strndup(text, (size_t)(colon - text));
}

/* A line that is nothing but a subject's name (at most four words,
 * no sentence after it: "Python", "Node.js:") labels what follows it
 * the way a heading would: "Python / Pros: readable code ... / Cons:
 * slower execution / Node.js / Pros: ...", a layout plain text and
 * list-style comparisons use without heading marks.  Until the next
 * heading or label, a claim that names no subject is about it. */
static void claims_label_line(claims_walk *w, const store_unit *u)
{
    const char *t = u->text;
    size_t len = u->text_len, words = 1;
    while (len && (t[len - 1] == ':' || t[len - 1] == ' ')) len--;
    if (!len || len > 48 || t[len - 1] == '.') return;
    for (size_t i = 0; i < len; i++) {
        if (strchr(",;!?", t[i])) return;
        words += t[i] == ' ';
    }
    int subj[2];
    if (words > 4 || tag_subjects_in(w->c->tg, t, len, subj, 2) != 1) return;
    buf b = BUF_INIT;
    if (u->section) buf_printf(&b, "%s > ", u->section);
    buf_add(&b, t, len);
    free(w->label_section);
    w->label_section = buf_detach(&b, NULL);
    w->label_under = u->section;
}

static void claims_label_end(claims_walk *w)
{
    free(w->label_section);
    w->label_section = NULL;
    w->label_under = NULL;
}

static int claims_same_section(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* A code block: its comments that are prose, each a claim. */
static int claims_code(claims_walk *w, const store_unit *u)
{
    size_t n = seg_comments(u->text, u->text_len, NULL, NULL, 0);
    if (!n) return 0;
    size_t *b = kb_malloc(2 * n * sizeof *b), *e = b + n;
    seg_comments(u->text, u->text_len, b, e, n);
    w->unit = u;
    w->kind = CLAIM_COMMENT;
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) rc = claims_emit(w, b[i], e[i]);
    free(b);
    return rc;
}

/* A stored unit's kind (doc.h names them); one kb does not know is
 * read as a paragraph. */
static doc_kind claims_unit_kind(const char *name)
{
    for (int k = 0; k < DOC_KIND_COUNT; k++)
        if (strcmp(doc_kind_name((doc_kind)k), name) == 0) return (doc_kind)k;
    return DOC_PARAGRAPH;
}

static int claims_unit(claims_walk *w, const store_unit *u)
{
    const char *why = NULL;
    doc_kind kind = claims_unit_kind(u->kind);
    if (furn_check(w->c->furn, kind, u->text, u->text_len, &why)) {
        claims_end_table(w);
        w->set->furniture[w->unit_index] = why ? claims_keep(w->set, why) : CLAIMS_NO_RULE;
        return 0;
    }
    if (kind == DOC_ROW) {
        w->unit = u;
        return claims_row(w, u);
    }
    claims_end_table(w);
    if (kind == DOC_HEADING) {
        claims_label_end(w);
        w->unit = u;
        w->kind = CLAIM_SENTENCE;
        w->heading = 1;
        int rc = claims_emit(w, 0, u->text_len);
        w->heading = 0;
        w->nprev = 0; /* It/Its do not reach across a heading */
        return rc;
    }
    if (w->label_section && !claims_same_section(w->label_under, u->section)) claims_label_end(w);
    if (kind == DOC_CODE) return claims_code(w, u);
    w->unit = u;
    w->kind = kind == DOC_ITEM ? CLAIM_ITEM : CLAIM_SENTENCE;
    /* "Node.js: Excels in ... Handles thousands of ...": a short label
     * before a colon that names a subject is the topic of every sentence
     * of the unit, as a column header is of its cells. */
    char *label = claims_subject_label(w, u->text, u->text_len);
    w->col_header = label;
    int rc = seg_sentences(w->c->abbr, u->text, u->text_len, claims_sentence, w);
    w->col_header = NULL;
    free(label);
    if (!rc) claims_label_line(w, u);
    return rc;
}

int claims_build(claims *c, const store_unit *units, size_t n, claims_set **out, char **err)
{
    claims_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.set = kb_calloc(1, sizeof *w.set);
    w.set->furniture = kb_calloc(n ? n : 1, sizeof *w.set->furniture);
    w.set->nunits = n;
    furn_reset(c->furn);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        w.unit_index = i;
        rc = claims_unit(&w, &units[i]);
    }
    claims_end_table(&w);
    claims_label_end(&w);
    free(w.head);
    free(w.cell_s);
    free(w.cell_e);
    if (rc) {
        kb_seterr(err, "%s", w.err ? w.err : "building claims failed");
        free(w.err);
        claims_set_free(w.set);
        *out = NULL;
        return KB_ERR;
    }
    *out = w.set;
    return KB_OK;
}

