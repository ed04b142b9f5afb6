/*
 * cmd_remove.c - `kb remove SOURCE...`: take sources and everything
 * derived from them out, each in its own transaction.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_source.h"
#include "cmd.h"
#include "term.h"

static const char remove_usage[] =
    "usage: kb remove [--db FILE] SOURCE...\n"
    "\n"
    "SOURCE is a path as listed by `kb sources`, a source id, or the end of\n"
    "a path (a file name) that matches one source.\n";

int cmd_remove(cli *c, int argc, char **argv)
{
    int rc = cli_source_opts(c, "remove", remove_usage, argc, argv, NULL, NULL);
    if (rc >= 0) return rc;
    if (optind >= argc) return cli_usage_error("remove", "no SOURCE given");
    store *st = NULL;
    if (cli_open(c, STORE_WRITE, &st)) return CLI_FAIL;
    rc = CLI_OK;
    for (int i = optind; i < argc; i++) {
        char *err = NULL;
        long long id = 0;
        store_source s;
        memset(&s, 0, sizeof s);
        /* each source in its own transaction: one bad name spoils nothing */
        if (store_source_resolve(st, argv[i], &id, &err) || store_source_get(st, id, &s, &err) ||
            store_begin(st, &err) || store_source_delete(st, id, &err) || store_commit(st, &err)) {
            store_rollback(st);
            cli_error("remove: %s", err);
            rc = CLI_FAIL;
        } else {
            fputs("removed ", stdout);
            term_puts(stdout, s.path, TERM_NAME);
            printf(" (%lld units)\n", s.units);
        }
        store_source_clear(st, &s);
        free(err);
    }
    store_close(st);
    return rc;
}
