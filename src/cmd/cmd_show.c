/*
 * cmd_show.c - `kb show SOURCE`: the text kb stored for a source, byte
 * for byte (search offsets point into it), or its units, or both with
 * its metadata as JSON.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_source.h"
#include "cmd.h"
#include "json.h"
#include "term.h"

static const char show_usage[] =
    "usage: kb show [--db FILE] [--units] [--json] SOURCE\n"
    "\n"
    "Print the text kb stored for SOURCE: the file itself for text and\n"
    "Markdown, the extracted article text for HTML.  Search offsets are\n"
    "byte offsets into this text.  --units lists the units instead\n"
    "(offsets, kind, section, text); --json gives metadata and units.\n";

typedef struct show_ctx {
    json *j;
} show_ctx;

static int show_unit(void *ctx, const store_unit *u)
{
    show_ctx *sc = ctx;
    if (sc->j) {
        json *j = sc->j;
        json_object(j);
        json_key(j, "id"); json_int(j, u->id);
        json_key(j, "seq"); json_int(j, u->seq);
        json_key(j, "kind"); json_str(j, u->kind);
        json_key(j, "level"); json_int(j, u->level);
        json_key(j, "start"); json_int(j, u->start);
        json_key(j, "end"); json_int(j, u->end);
        json_key(j, "section"); json_str(j, u->section);
        json_key(j, "text"); json_strn(j, u->text, u->text_len);
        json_end(j);
    } else {
        printf("%lld-%lld\t", u->start, u->end);
        term_puts(stdout, u->kind, TERM_NAME);
        putchar('\t');
        term_puts(stdout, u->section, TERM_NAME);
        putchar('\t');
        /* one line per unit: fold the newlines of multi-line paragraphs */
        term_put(stdout, u->text, u->text_len, TERM_FOLD);
        putchar('\n');
    }
    return 0;
}

int cmd_show(cli *c, int argc, char **argv)
{
    int as_json = 0, units = 0;
    int rc = cli_source_opts(c, "show", show_usage, argc, argv, &as_json, &units);
    if (rc >= 0) return rc;
    if (optind + 1 != argc) return cli_usage_error("show", "give one SOURCE");
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *err = NULL, *body = NULL;
    size_t len = 0;
    long long id;
    store_source s;
    memset(&s, 0, sizeof s);
    rc = CLI_FAIL;
    if (store_source_resolve(st, argv[optind], &id, &err)) goto done;
    if (as_json) {
        json j;
        show_ctx sc = {&j};
        if (store_source_get(st, id, &s, &err)) goto done;
        cli_held held;
        if (cli_hold(&held, "show")) goto done;   /* printed */
        json_init(&j, held.f);
        json_object(&j);
        cli_source_json(&j, &s);
        json_key(&j, "units");
        json_array(&j);
        int r = store_units(st, id, show_unit, &sc, &err);
        json_end(&j);
        json_end(&j);
        if (cli_release(&held, "show", r ? CLI_FAIL : CLI_OK) != CLI_OK) goto done;   /* printed if not r */
    } else if (units) {
        show_ctx sc = {NULL};
        if (store_units(st, id, show_unit, &sc, &err)) goto done;
    } else {
        if (store_text_get(st, id, &body, &len, &err)) goto done;
        /* the stored text byte for byte (search offsets point into it),
         * but a terminal gets no control character from it */
        if (isatty(STDOUT_FILENO)) term_put(stdout, body, len, TERM_LINES);
        else fwrite(body, 1, len, stdout);
    }
    rc = CLI_OK;
done:
    if (rc && err) cli_error("show: %s", err);
    store_source_clear(st, &s);
    free(body);
    free(err);
    store_close(st);
    return rc;
}
