/*
 * cmd_taxonomy.c - `kb taxonomy`: the taxonomy in force, in the format
 * `kb init --taxonomy` reads.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd.h"

static const char taxonomy_usage[] =
    "usage: kb taxonomy [--db FILE]\n"
    "\n"
    "Print the taxonomy in force, in the format `kb init --taxonomy` reads.\n";

int cmd_taxonomy(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, taxonomy_usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        return cli_usage_error("taxonomy", "unknown option");
    }
    if (optind < argc) return cli_usage_error("taxonomy", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *tsv = cli_taxonomy_text(st);
    fputs(tsv, stdout);
    free(tsv);
    store_close(st);
    return CLI_OK;
}
