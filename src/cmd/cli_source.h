/*
 * cli_source.h - what the commands on whole sources (sources, show,
 * remove) share: one option table, and a source's fields in JSON.
 */
#ifndef KB_CLI_SOURCE_H
#define KB_CLI_SOURCE_H

#include "cli.h"
#include "json.h"
#include "store.h"

/* Parse the common options plus --json and --units, each accepted only
 * when its out-pointer is given (a command that takes neither passes
 * NULL: the option is then a usage error).  name and usage: the
 * command's.  Returns -1 to go on, else the exit code (printed). */
int cli_source_opts(cli *c, const char *name, const char *usage, int argc, char **argv, int *as_json,
                    int *units);

/* The fields of s as JSON object members (the object is the caller's). */
void cli_source_json(json *j, const store_source *s);

#endif
