/*
 * main.c - kb's front end: global options, then dispatch to a command
 * from the table.  Each command parses its own options and holds its
 * own usage text (cmd_*.c); main.c alone looks commands up.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"

#define KB_VERSION "0.1.0"

/* The command table: name, handler, the line `kb --help` gives it.
 * Each command's usage text is in its own file. */
typedef struct main_command {
    const char *name;
    int (*run)(cli *c, int argc, char **argv);
    const char *summary;
} main_command;

static const main_command main_commands[] = {
    {"init", cmd_init, "create or upgrade the database; set its alias list or taxonomy"},
    {"ingest", cmd_ingest, "add files and folders of articles"},
    {"remove", cmd_remove, "take sources and all derived from them out"},
    {"sources", cmd_sources, "list the stored sources"},
    {"show", cmd_show, "print a source's stored text or its units"},
    {"search", cmd_search, "search the units by keyword, best first"},
    {"claims", cmd_claims, "list claims with their subjects, dimensions, quantities, stances"},
    {"stats", cmd_stats, "count sources, units, claims, subjects, dimensions, measures"},
    {"taxonomy", cmd_taxonomy, "print the taxonomy claims are tagged with"},
    {"disagreements", cmd_disagreements, "where the sources disagree, grouped, with a verdict"},
    {"export", cmd_export, "write a cited summary: agreements, disputes, figures, sources"},
    {NULL, NULL, NULL},
};

static const main_command *main_find(const char *name)
{
    for (const main_command *c = main_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

/* Run cmd with argv (argv[0] its name); getopt starts afresh. */
static int main_run(const main_command *cmd, cli *c, int argc, char **argv)
{
    optind = 0;
    return cli_finish(cmd->run(c, argc, argv));
}

static void main_usage(FILE *f)
{
    fputs("usage: kb [--db FILE] COMMAND [ARGS]\n"
          "\n"
          "kb turns a folder of articles into a knowledge base you can question.\n"
          "\n"
          "Commands:\n", f);
    for (const main_command *c = main_commands; c->name; c++)
        fprintf(f, "  %-14s %s\n", c->name, c->summary);
    fputs("\n"
          "Options:\n"
          "  --db FILE   the database (default $KB_DB, else kb.db here)\n"
          "  --help      this text; `kb COMMAND --help` for a command\n"
          "  --version   print the version\n", f);
}

int main(int argc, char **argv)
{
    /* A closed pipe (kb search ... | head) ends output quietly. */
    signal(SIGPIPE, SIG_DFL);
    cli c;
    c.db_path = getenv("KB_DB");
    if (!c.db_path || !*c.db_path) c.db_path = "kb.db";

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            main_usage(stdout);
            return cli_finish(CLI_OK);
        } else if (strcmp(a, "--version") == 0) {
            printf("kb %s\n", KB_VERSION);
            return cli_finish(CLI_OK);
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            c.db_path = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            c.db_path = a + 5;
        } else {
            fprintf(stderr, "kb: unknown option '%s'\n", a);
            main_usage(stderr);
            return CLI_USAGE;
        }
    }
    if (i >= argc) {
        main_usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[i];
    if (strcmp(name, "help") == 0) {
        /* `kb help CMD` is `kb CMD --help`: the usage text is the command's */
        const main_command *cmd = i + 1 < argc ? main_find(argv[i + 1]) : NULL;
        if (cmd) {
            char help[] = "--help";
            char *args[] = {argv[i + 1], help, NULL};
            return main_run(cmd, &c, 2, args);
        }
        main_usage(stdout);
        return cli_finish(CLI_OK);
    }
    const main_command *cmd = main_find(name);
    if (!cmd) {
        fprintf(stderr, "kb: '%s' is not a command\n", name);
        main_usage(stderr);
        return CLI_USAGE;
    }
    return main_run(cmd, &c, argc - i, argv + i);
}
