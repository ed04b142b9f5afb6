/*
 * cmd_disagree.c - `kb disagreements`: where the sources disagree, each
 * with its verdict, explanation and every claim on each side.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "disagree.h"
#include "json.h"
#include "term.h"
#include "util.h"

static const char dis_usage[] =
    "usage: kb disagreements [--db FILE] [--subject S] [--dimension D] [--source SOURCE] [--json]\n"
    "\n"
    "Compare the claims of different sources on the same subject and\n"
    "dimension: figures that cannot both hold or bounds that differ,\n"
    "opposite judgements, comparisons pointing opposite ways.  Each\n"
    "disagreement lists every claim on each side (a, b, ...) with its\n"
    "citation, and a verdict: compatible (both can hold), outdated (the\n"
    "source dates explain it), majority, or unresolved, with the reason.\n"
    "Undated sources are dated by the latest year they state (inferred).\n";

static const char *dis_position(const dis_item *it, char side)
{
    size_t k = (size_t)(side - 'a');
    return k < it->nsides && it->positions[k] ? it->positions[k] : NULL;
}

/* Text from the articles (and names from the taxonomy) escaped for a
 * terminal (term.h); b is scratch space. */
static const char *dis_str(buf *b, const char *s)
{
    return term_str(b, s, TERM_NAME);
}

static void dis_print_claim(const dis_set *s, const dis_claim *c, buf *b)
{
    const dis_source *src = &s->sources[c->source];
    fputs("       ", stdout);
    term_puts(stdout, src->path, TERM_NAME);
    printf(":%lld-%lld (%s%s)", c->start, c->end, src->date ? dis_str(b, src->date) : "undated",
           src->date_inferred ? ", inferred" : "");
    if (c->raw) printf("  %s", dis_str(b, c->raw));
    if (dis_modality_name(c->modality)) printf("  [%s]", dis_modality_name(c->modality));
    printf("\n         \"");
    term_puts(stdout, c->text, TERM_FOLD);
    printf("\"\n");
}

static void dis_print_text(const dis_set *s)
{
    buf b = BUF_INIT;
    for (size_t i = 0; i < s->nitems; i++) {
        const dis_item *it = &s->items[i];
        printf("#%d  %s  [%s, %s]\n", it->id, dis_str(&b, it->question), dis_kind_name(it->kind),
               dis_verdict_name(it->verdict));
        printf("    %s", dis_str(&b, it->subject));
        printf(" / %s", dis_str(&b, it->measure ? it->measure : it->dimension ? it->dimension : "-"));
        if (it->aspect) printf(" / %s", dis_str(&b, it->aspect));
        printf("\n    %s\n", dis_str(&b, it->explanation));
        char side = 0;
        for (size_t k = 0; k < it->nclaims; k++) {
            const dis_claim *c = &it->claims[k];
            if (c->side != side) {
                side = c->side;
                printf("    %c  %s\n", side, dis_str(&b, dis_position(it, side)));
            }
            dis_print_claim(s, c, &b);
        }
        putchar('\n');
    }
    buf_free(&b);
    if (!s->nitems) fprintf(stderr, "kb: disagreements: none found\n");
}

static void dis_print_json(const dis_set *s)
{
    json j;
    json_init(&j, stdout);
    json_object(&j);
    json_key(&j, "disagreements");
    json_array(&j);
    for (size_t i = 0; i < s->nitems; i++) {
        const dis_item *it = &s->items[i];
        json_object(&j);
        json_key(&j, "id"); json_int(&j, it->id);
        json_key(&j, "question"); json_str(&j, it->question);
        json_key(&j, "subject"); json_str(&j, it->subject);
        json_key(&j, "dimension"); json_str(&j, it->dimension);
        json_key(&j, "measure"); json_str(&j, it->measure);
        json_key(&j, "aspect"); json_str(&j, it->aspect);
        json_key(&j, "kind"); json_str(&j, dis_kind_name(it->kind));
        json_key(&j, "verdict"); json_str(&j, dis_verdict_name(it->verdict));
        json_key(&j, "explanation"); json_str(&j, it->explanation);
        json_key(&j, "sides");
        json_array(&j);
        for (size_t k = 0; k < it->nsides; k++) {
            char side[2] = {(char)('a' + k), '\0'};
            json_object(&j);
            json_key(&j, "side"); json_str(&j, side);
            json_key(&j, "position"); json_str(&j, it->positions[k]);
            json_end(&j);
        }
        json_end(&j);
        json_key(&j, "claims");
        json_array(&j);
        for (size_t k = 0; k < it->nclaims; k++) {
            const dis_claim *c = &it->claims[k];
            const dis_source *src = &s->sources[c->source];
            char side[2] = {c->side, '\0'};
            json_object(&j);
            json_key(&j, "id"); json_int(&j, c->id);
            json_key(&j, "source"); json_str(&j, src->path);
            json_key(&j, "title"); json_str(&j, src->title);
            json_key(&j, "date"); json_str(&j, src->date);
            json_key(&j, "date_inferred"); json_bool(&j, src->date_inferred);
            json_key(&j, "text"); json_str(&j, c->text);
            json_key(&j, "start"); json_int(&j, c->start);
            json_key(&j, "end"); json_int(&j, c->end);
            json_key(&j, "side"); json_str(&j, side);
            json_key(&j, "position"); json_str(&j, dis_position(it, c->side));
            json_key(&j, "modality"); json_str(&j, dis_modality_name(c->modality));
            if (c->raw) {
                json_key(&j, "value"); json_str(&j, c->raw);
            } else {
                json_key(&j, "polarity"); json_int(&j, c->polarity);
            }
            json_end(&j);
        }
        json_end(&j);
        json_end(&j);
    }
    json_end(&j);
    json_end(&j);
}

int cmd_disagreements(cli *c, int argc, char **argv)
{
    cli_filter flt;
    int rc = cli_filter_parse(c, "disagreements", dis_usage, argc, argv, &flt);
    if (rc >= 0) return rc;
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *err = NULL;
    dis_set set;
    memset(&set, 0, sizeof set);
    if ((rc = cli_filter_resolve("disagreements", st, &flt)) != CLI_OK) goto done;
    dis_filter f = {flt.subject, flt.dimension, flt.source_id};
    if (dis_find(st, &f, &set, &err)) {
        cli_error("disagreements: %s", err);
        rc = CLI_FAIL;
        goto done;
    }
    if (flt.json) dis_print_json(&set);
    else dis_print_text(&set);
done:
    dis_free(&set);
    cli_filter_free(&flt);
    free(err);
    store_close(st);
    return rc;
}
