/*
 * cmd_sources.c - `kb sources`: the stored sources, one line each (id,
 * date, size, units, when ingested, path, title) or as JSON.
 */
#include <getopt.h>
#include <stdlib.h>

#include "buf.h"
#include "cli.h"
#include "cli_source.h"
#include "cmd.h"
#include "json.h"
#include "term.h"

static const char sources_usage[] =
    "usage: kb sources [--db FILE] [--json]\n"
    "\n"
    "List each source: id, date, size in bytes, units, when ingested, path\n"
    "and title.\n";

static int sources_print(void *ctx, const store_source *s)
{
    json *j = ctx;
    if (j) {
        json_object(j);
        cli_source_json(j, s);
        json_end(j);
        return 0;
    }
    /* text from the articles: no control character reaches a terminal */
    buf date = BUF_INIT, path = BUF_INIT, title = BUF_INIT;
    char dup[64];
    if (s->duplicate_of) snprintf(dup, sizeof dup, "(the same bytes as source %lld)", s->duplicate_of);
    printf("%-4lld %-10s %8lld %6lld  %-20s  %-32s  %s\n", s->id, term_str(&date, s->date ? s->date : "-", TERM_NAME),
           s->size, s->units, s->ingested_at, term_str(&path, s->path, TERM_NAME),
           s->duplicate_of ? dup : term_str(&title, s->title ? s->title : "(untitled)", TERM_NAME));
    buf_free(&date);
    buf_free(&path);
    buf_free(&title);
    return 0;
}

int cmd_sources(cli *c, int argc, char **argv)
{
    int as_json = 0;
    int rc = cli_source_opts(c, "sources", sources_usage, argc, argv, &as_json, NULL);
    if (rc >= 0) return rc;
    if (optind < argc) return cli_usage_error("sources", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    json j;
    char *err = NULL;
    cli_held held = {NULL, NULL, 0};
    if (as_json) {
        if (cli_hold(&held, "sources")) {
            store_close(st);
            return CLI_FAIL;
        }
        json_init(&j, held.f);
        json_object(&j);
        json_key(&j, "sources");
        json_array(&j);
    } else {
        printf("%-4s %-10s %8s %6s  %-20s  %-32s  %s\n", "ID", "DATE", "BYTES", "UNITS", "INGESTED",
               "PATH", "TITLE");
    }
    rc = store_sources(st, sources_print, as_json ? &j : NULL, &err) ? CLI_FAIL : CLI_OK;
    if (as_json) {
        json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("%s", err);
    rc = cli_release(&held, "sources", rc);
    free(err);
    store_close(st);
    return rc;
}
