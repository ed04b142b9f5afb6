/*
 * cli_source.c - the option parser and JSON fields that `kb sources`,
 * `kb show` and `kb remove` share; see cli_source.h.
 */
#include "cli_source.h"

#include <getopt.h>

int cli_source_opts(cli *c, const char *name, const char *usage, int argc, char **argv, int *as_json,
                    int *units)
{
    /* one table for the three commands: an option one of them lacks is
     * still recognized, and refused here in one message */
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'}, {"units", no_argument, NULL, 'u'},
        CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        if (opt == 'j' && as_json) *as_json = 1;
        else if (opt == 'u' && units) *units = 1;
        else return cli_usage_error(name, "unknown option");
    }
    return -1;
}

void cli_source_json(json *j, const store_source *s)
{
    json_key(j, "id"); json_int(j, s->id);
    json_key(j, "source"); json_str(j, s->path);
    json_key(j, "format"); json_str(j, s->format);
    json_key(j, "title"); json_str(j, s->title);
    json_key(j, "site"); json_str(j, s->site);
    json_key(j, "author"); json_str(j, s->author);
    json_key(j, "date"); json_str(j, s->date);
    json_key(j, "date_basis"); json_str(j, s->date_basis);
    json_key(j, "url"); json_str(j, s->url);
    json_key(j, "size"); json_int(j, s->size);
    json_key(j, "units"); json_int(j, s->units);
    json_key(j, "hash"); json_str(j, s->hash);
    json_key(j, "ingested_at"); json_str(j, s->ingested_at);
    json_key(j, "duplicate_of");
    if (s->duplicate_of) json_int(j, s->duplicate_of);
    else json_null(j);
}
