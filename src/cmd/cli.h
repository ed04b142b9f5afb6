/*
 * cli.h - what the command files share: the global options and the few
 * helpers that print (only the CLI prints).  A command hands the
 * helpers its own name (for messages) and usage text (for --help); the
 * helpers know nothing of the command table (main.c).
 *
 * Exit codes: 0 success, 1 some input failed (or the store did),
 * 2 usage error (including a query the user must change).
 */
#ifndef KB_CLI_H
#define KB_CLI_H

#include <stdio.h>

#include "alias.h"
#include "claims.h"
#include "store.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

typedef struct cli {
    const char *db_path;   /* --db, $KB_DB, or "kb.db" */
} cli;

/* "kb: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report a usage error for command name ("kb NAME: message", then
 * "Try 'kb NAME --help'.") and return CLI_USAGE. */
int cli_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Options every command takes (--db, --help).  Returns 1 when opt was
 * one of them (and handled it), 0 otherwise.  For --help, usage (the
 * command's text) is printed on stdout and *exit_now set. */
int cli_common_opt(cli *c, const char *usage, int opt, const char *arg, int *exit_now);
#define CLI_OPT_DB 1000
#define CLI_OPT_HELP 'h'
#define CLI_COMMON_LONGOPTS {"db", required_argument, NULL, CLI_OPT_DB}, \
                            {"help", no_argument, NULL, CLI_OPT_HELP}

/* Open the store; prints the error.  create: make it if missing. */
int cli_open(cli *c, store_mode mode, store **st);
/* The alias set in force (the store's, else the built-in default). */
int cli_aliases(store *st, alias_set **out);
/* The taxonomy text in force (the store's, else the built-in one);
 * malloc'd. */
char *cli_taxonomy_text(store *st);
/* A claim builder for the taxonomy in force; prints the error. */
int cli_claims(store *st, claims **out);
/* Resolve --subject/--dimension names through the taxonomy in force to
 * their canonical names (malloc'd, NULL when not given); an unknown
 * name is a usage error (printed). */
int cli_resolve_tags(const char *cmd, store *st, const char *subject, const char *dimension,
                     char **subj_out, char **dim_out);
/* The options of a listing command: --subject, --dimension, --source,
 * --json (and the common ones).  The names as typed are borrowed from
 * argv; the resolved ones are owned (cli_filter_free). */
typedef struct cli_filter {
    const char *subject_arg, *dimension_arg, *source_arg;
    int json;
    char *subject, *dimension;   /* canonical names, NULL when not given */
    long long source_id;         /* 0 when not given */
} cli_filter;

/* Parse them for command cmd (usage: its text for --help); returns -1
 * to go on, else the exit code (usage printed). */
int cli_filter_parse(cli *c, const char *cmd, const char *usage, int argc, char **argv, cli_filter *f);
/* Resolve names against the store's taxonomy and sources; CLI_OK or an
 * exit code (the error printed). */
int cli_filter_resolve(const char *cmd, store *st, cli_filter *f);
void cli_filter_free(cli_filter *f);

/* Flush stdout and turn a write error (full disk, closed pipe) into a
 * failure, as jq does. */
int cli_finish(int rc);

/* Output held back until the command knows how it ends, so that a
 * --json document is written whole or not at all: a store that fails
 * after the first rows must not leave a cut document on stdout.  It is
 * held in memory (as large as the document). */
typedef struct cli_held {
    FILE *f;      /* write the document here */
    char *data;
    size_t len;
} cli_held;

/* Start holding.  CLI_FAIL (printed) when no memory stream can be made. */
int cli_hold(cli_held *h, const char *cmd);
/* Stop holding: when rc is CLI_OK the document goes to stdout, else it
 * is dropped.  Returns rc, or CLI_FAIL (printed) when writing the held
 * document failed. */
int cli_release(cli_held *h, const char *cmd, int rc);

#endif
