/*
 * cmd.h - the commands main.c dispatches to, one file each
 * (cmd_NAME.c).  A command sees its name as argv[0], parses its own
 * options, prints its own usage text for --help and returns the exit
 * status (CLI_OK, CLI_FAIL, CLI_USAGE: cli.h).
 */
#ifndef KB_CMD_H
#define KB_CMD_H

#include "cli.h"

int cmd_init(cli *c, int argc, char **argv);
int cmd_ingest(cli *c, int argc, char **argv);
int cmd_remove(cli *c, int argc, char **argv);
int cmd_sources(cli *c, int argc, char **argv);
int cmd_show(cli *c, int argc, char **argv);
int cmd_search(cli *c, int argc, char **argv);
int cmd_claims(cli *c, int argc, char **argv);
int cmd_stats(cli *c, int argc, char **argv);
int cmd_taxonomy(cli *c, int argc, char **argv);
int cmd_disagreements(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);

#endif
