/*
 * main.c - kb's front end: global options, then dispatch to a command
 * from the table.  Each command parses its own options (cmd_*.c).
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define KB_VERSION "0.1.0"

const cli_command cli_commands[] = {
    {"init", cmd_init, "create or upgrade the database; set its alias list or taxonomy",
     "usage: kb init [--db FILE] [--aliases FILE] [--taxonomy FILE]\n"
     "\n"
     "Create the database (or upgrade it to this kb's schema) and report its\n"
     "state.  With --aliases, replace the search alias list with FILE (a TSV\n"
     "file: one group of equivalent names per line, at most 256 names in a\n"
     "group; see schema/aliases.tsv).\n"
     "With --taxonomy, replace the taxonomy claims are tagged with (subjects,\n"
     "their parts, dimensions, measures; see schema/taxonomy.tsv) and tag\n"
     "every stored source again.\n"},
    {"ingest", cmd_ingest, "add files and folders of articles",
     "usage: kb ingest [options] PATH...\n"
     "\n"
     "Add .txt, .md and .html articles; folders are read recursively.  A\n"
     "file whose content is unchanged is skipped; a changed one replaces its\n"
     "old version.  Metadata comes from the file (HTML meta tags, front\n"
     "matter, a dateline) and from a kb-sources.tsv file beside it.\n"
     "PATH '-' reads standard input (give it a name with --name).\n"
     "\n"
     "  --name NAME       the name to store standard input under\n"
     "  --format FMT      text, markdown or html (default: from the name)\n"
     "  --force           re-read files even when unchanged\n"
     "  --max-size MIB    refuse files larger than this (default 256)\n"
     "  --quiet           no summary line\n"
     "  --json            print the counts as JSON on stdout\n"
     "  --db FILE         the database (default $KB_DB or kb.db)\n"
     "\n"
     "Exit status: 0 all stored, 1 some input failed, 2 usage error.\n"},
    {"remove", cmd_remove, "take sources and all derived from them out",
     "usage: kb remove [--db FILE] SOURCE...\n"
     "\n"
     "SOURCE is a path as listed by `kb sources`, a source id, or the end of\n"
     "a path (a file name) that matches one source.\n"},
    {"sources", cmd_sources, "list the stored sources",
     "usage: kb sources [--db FILE] [--json]\n"
     "\n"
     "List each source: id, date, size in bytes, units, when ingested, path\n"
     "and title.\n"},
    {"show", cmd_show, "print a source's stored text or its units",
     "usage: kb show [--db FILE] [--units] [--json] SOURCE\n"
     "\n"
     "Print the text kb stored for SOURCE: the file itself for text and\n"
     "Markdown, the extracted article text for HTML.  Search offsets are\n"
     "byte offsets into this text.  --units lists the units instead\n"
     "(offsets, kind, section, text); --json gives metadata and units.\n"},
    {"search", cmd_search, "search the units by keyword, best first",
     "usage: kb search [options] QUERY...\n"
     "\n"
     "Words and \"quoted phrases\", all required; case, accents, quotes and\n"
     "word endings do not matter, and names in the alias list find each\n"
     "other (nodejs finds Node.js).  Hits are ranked by bm25.\n"
     "\n"
     "  --fts             QUERY is raw FTS5 syntax (AND, OR, NOT, NEAR, *)\n"
     "  --source SOURCE   only this source (path, id or file name)\n"
     "  --subject S       only text with a claim about subject S\n"
     "  --dimension D     only text with a claim on dimension D\n"
     "  --limit N         at most N hits (default 10)\n"
     "  --json            JSON on stdout\n"
     "  --color WHEN      highlight with ANSI bold: auto, always, never\n"
     "  --explain         print the FTS5 expression run, on stderr\n"
     "  --db FILE         the database (default $KB_DB or kb.db)\n"
     "\n"
     "Without color, matched words are marked **like this**.  Control\n"
     "characters in the text are shown as \\xNN.  A query has at most 16384\n"
     "bytes and 1000 different words and phrases, a name with aliases counting\n"
     "each of them (100 words with --fts); a repeated word counts once.\n"},
    {"claims", cmd_claims, "list claims with their subjects, dimensions, quantities, stances",
     "usage: kb claims [--db FILE] [--subject S] [--dimension D] [--source SOURCE] [--json]\n"
     "\n"
     "List the claims kb split the sources into (sentences, list items,\n"
     "table cells; page furniture is left out), each with its citation\n"
     "(path:start-end) and tags.  S and D are names from `kb taxonomy`\n"
     "(aliases work: --subject nodejs).\n"},
    {"stats", cmd_stats, "count sources, units, claims, subjects, dimensions, measures",
     "usage: kb stats [--db FILE] [--json]\n"},
    {"taxonomy", cmd_taxonomy, "print the taxonomy claims are tagged with",
     "usage: kb taxonomy [--db FILE]\n"
     "\n"
     "Print the taxonomy in force, in the format `kb init --taxonomy` reads.\n"},
    {"disagreements", cmd_disagreements, "where the sources disagree, grouped, with a verdict",
     "usage: kb disagreements [--db FILE] [--subject S] [--dimension D] [--source SOURCE] [--json]\n"
     "\n"
     "Compare the claims of different sources on the same subject and\n"
     "dimension: figures that cannot both hold or bounds that differ,\n"
     "opposite judgements, comparisons pointing opposite ways.  Each\n"
     "disagreement lists every claim on each side (a, b, ...) with its\n"
     "citation, and a verdict: compatible (both can hold), outdated (the\n"
     "source dates explain it), majority, or unresolved, with the reason.\n"
     "Undated sources are dated by the latest year they state (inferred).\n"},
    {"export", cmd_export, "write a cited summary: agreements, disputes, figures, sources",
     "usage: kb export [--db FILE] [--format md|html|json|csv] [--subject S] [--dimension D]\n"
     "                 [-o FILE] [--force]\n"
     "       kb export [--db FILE] --sources csl-json [-o FILE] [--force]\n"
     "\n"
     "Write what the sources agree on, what they dispute (with a verdict and\n"
     "its reason) and the figures they give, per dimension, then the numbered\n"
     "source list.  Every quote is cited as [N: START-END]: source N in the\n"
     "list, byte offsets of the claim in its text.  HTML is one self-contained\n"
     "page; CSV has one row per cited claim, and a cell that starts with\n"
     "= + - @ (and is not a number) gets an apostrophe in front, so that a\n"
     "spreadsheet does not run it.  --sources csl-json writes only the source\n"
     "list, for Zotero or pandoc.  Same database, same bytes.\n"
     "\n"
     "  --format FMT      md (default), html, json or csv\n"
     "  --sources csl-json  the source list as CSL-JSON\n"
     "  --subject S       only subject S (a name from `kb taxonomy`)\n"
     "  --dimension D     only dimension D\n"
     "  -o, --output FILE write to FILE (default: stdout); an existing file\n"
     "                    is an error unless --force; a symbolic link never\n"
     "                    written through\n"
     "  --force           replace an existing regular file\n"
     "  --db FILE         the database (default $KB_DB or kb.db)\n"
     "\n"
     "Exit status: 0 written, 1 the database or the output file failed,\n"
     "2 usage error.\n"},
    {NULL, NULL, NULL, NULL},
};

const cli_command *cli_find(const char *name)
{
    for (const cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

static void main_usage(FILE *f)
{
    fputs("usage: kb [--db FILE] COMMAND [ARGS]\n"
          "\n"
          "kb turns a folder of articles into a knowledge base you can question.\n"
          "\n"
          "Commands:\n", f);
    for (const cli_command *c = cli_commands; c->name; c++)
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
        if (i + 1 < argc && cli_find(argv[i + 1])) cli_print_usage(argv[i + 1], stdout);
        else main_usage(stdout);
        return cli_finish(CLI_OK);
    }
    const cli_command *cmd = cli_find(name);
    if (!cmd) {
        fprintf(stderr, "kb: '%s' is not a command\n", name);
        main_usage(stderr);
        return CLI_USAGE;
    }
    /* The command sees its name as argv[0]; getopt starts afresh. */
    optind = 0;
    return cli_finish(cmd->run(&c, argc - i, argv + i));
}
