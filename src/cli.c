/*
 * cli.c - helpers shared by the command files: messages, usage, the
 * common options, opening the store.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "util.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("kb: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_print_usage(const char *name, FILE *f)
{
    const cli_command *cmd = cli_find(name);
    if (cmd) fputs(cmd->usage, f);
}

int cli_usage_error(const char *name, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "kb %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'kb %s --help'.\n", name);
    return CLI_USAGE;
}

int cli_common_opt(cli *c, const char *name, int opt, const char *arg, int *exit_now)
{
    if (opt == CLI_OPT_DB) {
        c->db_path = arg;
        return 1;
    }
    if (opt == CLI_OPT_HELP) {
        cli_print_usage(name, stdout);
        *exit_now = 1;
        return 1;
    }
    return 0;
}

int cli_open(cli *c, int create, store **st)
{
    char *err = NULL;
    if (store_open(c->db_path, create, st, &err)) {
        cli_error("%s", err);
        free(err);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_aliases(store *st, alias_set **out)
{
    char *err = NULL, *tsv = NULL;
    *out = NULL;
    if (store_meta_get(st, "aliases", &tsv, &err)) goto fail;
    const char *src = tsv ? tsv : embed_aliases;
    if (alias_load(src, strlen(src), out, &err)) goto fail;
    free(tsv);
    return CLI_OK;
fail:
    cli_error("aliases: %s", err);
    free(err);
    free(tsv);
    return CLI_FAIL;
}

char *cli_taxonomy_text(store *st)
{
    char *tsv = NULL, *err = NULL;
    if (store_meta_get(st, "taxonomy", &tsv, &err) || !tsv) {
        free(err);
        return kb_strdup(embed_taxonomy);
    }
    return tsv;
}

int cli_claims(store *st, claims **out)
{
    char *err = NULL, *tsv = cli_taxonomy_text(st);
    int rc = claims_new(tsv, NULL, NULL, out, &err);
    free(tsv);
    if (rc) {
        cli_error("%s", err);
        free(err);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE) cli_error("cannot write output: %s", strerror(errno));
        return rc ? rc : CLI_FAIL;
    }
    return rc;
}
