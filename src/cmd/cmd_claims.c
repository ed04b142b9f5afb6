/*
 * cmd_claims.c - `kb claims`: the claims kb split the sources into, each
 * with its citation and tags, as text or JSON.
 */
#include <stdlib.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "json.h"
#include "term.h"

static const char claims_usage[] =
    "usage: kb claims [--db FILE] [--subject S] [--dimension D] [--source SOURCE] [--json]\n"
    "\n"
    "List the claims kb split the sources into (sentences, list items,\n"
    "table cells, comments in code that name a subject; page furniture is\n"
    "left out), each with its citation (path:start-end) and tags.  S and\n"
    "D are names from `kb taxonomy` (aliases work: --subject nodejs).\n";

typedef struct claims_ui {
    json *j;
    buf scratch;
} claims_ui;

static void claims_raw_field(json *j, const char *key, const char *raw)
{
    json_key(j, key);
    json_raw(j, raw ? raw : "[]");
}

static int claims_row_out(void *ctx, const store_claim_row *r)
{
    claims_ui *ui = ctx;
    if (ui->j) {
        json *j = ui->j;
        json_object(j);
        json_key(j, "id"); json_int(j, r->id);
        json_key(j, "source"); json_str(j, r->source);
        json_key(j, "kind"); json_str(j, r->kind);
        json_key(j, "text"); json_strn(j, r->text, r->text_len);
        json_key(j, "start"); json_int(j, r->start);
        json_key(j, "end"); json_int(j, r->end);
        json_key(j, "section"); json_str(j, r->section);
        claims_raw_field(j, "subjects", r->subjects_json);
        claims_raw_field(j, "dimensions", r->dims_json);
        claims_raw_field(j, "quantities", r->qty_json);
        claims_raw_field(j, "stances", r->stance_json);
        json_end(j);
        return 0;
    }
    /* text from the article: no control character reaches a terminal */
    term_puts(stdout, r->source, TERM_NAME);
    printf(":%lld-%lld  [%s]\n    ", r->start, r->end, term_str(&ui->scratch, r->kind, TERM_NAME));
    term_put(stdout, r->text, r->text_len, TERM_FOLD);
    putchar('\n');
    static const char *const label[] = {"subjects", "dimensions", "quantities", "stances"};
    const char *tags[] = {r->subjects_txt, r->dims_txt, r->qty_txt, r->stance_txt};
    for (size_t i = 0; i < 4; i++)
        if (tags[i]) printf("    %s: %s\n", label[i], term_str(&ui->scratch, tags[i], TERM_NAME));
    return 0;
}

int cmd_claims(cli *c, int argc, char **argv)
{
    cli_filter flt;
    int rc = cli_filter_parse(c, "claims", claims_usage, argc, argv, &flt);
    if (rc >= 0) return rc;
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *err = NULL;
    if ((rc = cli_filter_resolve("claims", st, &flt)) != CLI_OK) goto done;
    json j;
    claims_ui ui = {NULL, BUF_INIT};
    cli_held held = {NULL, NULL, 0};
    if (flt.json) {
        if ((rc = cli_hold(&held, "claims")) != CLI_OK) goto done;
        ui.j = &j;
        json_init(&j, held.f);
        json_object(&j);
        json_key(&j, "claims");
        json_array(&j);
    }
    rc = store_claims(st, flt.subject, flt.dimension, flt.source_id, claims_row_out, &ui, &err) ? CLI_FAIL : CLI_OK;
    if (flt.json) {
        json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("claims: %s", err);
    rc = cli_release(&held, "claims", rc);
    buf_free(&ui.scratch);
done:
    cli_filter_free(&flt);
    free(err);
    store_close(st);
    return rc;
}
