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
#include "taxonomy.h"
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

int cli_common_opt(cli *c, const char *usage, int opt, const char *arg, int *exit_now)
{
    if (opt == CLI_OPT_DB) {
        c->db_path = arg;
        return 1;
    }
    if (opt == CLI_OPT_HELP) {
        fputs(usage, stdout);
        *exit_now = 1;
        return 1;
    }
    return 0;
}

int cli_open(cli *c, store_mode mode, store **st)
{
    char *err = NULL;
    /* KB_BUSY_TIMEOUT: milliseconds to wait for another writer */
    const char *busy = getenv("KB_BUSY_TIMEOUT");
    if (busy && *busy) store_set_busy_timeout(atoi(busy));
    if (store_open(c->db_path, mode, st, &err)) {
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

/* Resolve --subject / --dimension through the taxonomy ("nodejs" ->
 * "Node.js"); a name the taxonomy does not know is a usage error. */
static int claims_resolve(const char *cmd, const taxonomy *t, const char *subject, const char *dimension,
                          const char **subj_out, const char **dim_out)
{
    *subj_out = *dim_out = NULL;
    if (subject) {
        int i = tax_find_subject(t, subject);
        if (i < 0) return cli_usage_error(cmd, "no subject '%s' in the taxonomy (see `kb taxonomy`)", subject);
        *subj_out = tax_subject(t, (size_t)i);
    }
    if (dimension) {
        int i = tax_find_dimension(t, dimension);
        if (i < 0) return cli_usage_error(cmd, "no dimension '%s' in the taxonomy (see `kb taxonomy`)", dimension);
        *dim_out = tax_dimension(t, (size_t)i);
    }
    return CLI_OK;
}

int cli_resolve_tags(const char *cmd, store *st, const char *subject, const char *dimension,
                     char **subj_out, char **dim_out)
{
    *subj_out = *dim_out = NULL;
    if (!subject && !dimension) return CLI_OK;
    claims *cl = NULL;
    if (cli_claims(st, &cl)) return CLI_FAIL;
    const char *s, *d;
    int rc = claims_resolve(cmd, claims_taxonomy(cl), subject, dimension, &s, &d);
    if (!rc) {
        *subj_out = kb_strdup(s);
        *dim_out = kb_strdup(d);
    }
    claims_free(cl);
    return rc;
}

int cli_filter_parse(cli *c, const char *cmd, const char *usage, int argc, char **argv, cli_filter *f)
{
    static const struct option longopts[] = {
        {"subject", required_argument, NULL, 's'}, {"dimension", required_argument, NULL, 'd'},
        {"source", required_argument, NULL, 'f'},  {"json", no_argument, NULL, 'j'},
        CLI_COMMON_LONGOPTS,                       {NULL, 0, NULL, 0}};
    memset(f, 0, sizeof *f);
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        switch (opt) {
        case 's': f->subject_arg = optarg; break;
        case 'd': f->dimension_arg = optarg; break;
        case 'f': f->source_arg = optarg; break;
        case 'j': f->json = 1; break;
        default: return cli_usage_error(cmd, "unknown option");
        }
    }
    if (optind < argc) return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return -1;
}

int cli_filter_resolve(const char *cmd, store *st, cli_filter *f)
{
    int rc = cli_resolve_tags(cmd, st, f->subject_arg, f->dimension_arg, &f->subject, &f->dimension);
    if (rc) return rc;
    char *err = NULL;
    if (f->source_arg && store_source_resolve(st, f->source_arg, &f->source_id, &err)) {
        cli_error("%s: %s", cmd, err);
        free(err);
        return CLI_FAIL;
    }
    return CLI_OK;
}

void cli_filter_free(cli_filter *f)
{
    free(f->subject);
    free(f->dimension);
    f->subject = f->dimension = NULL;
}

int cli_finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE) cli_error("cannot write output: %s", strerror(errno));
        return rc ? rc : CLI_FAIL;
    }
    return rc;
}

int cli_hold(cli_held *h, const char *cmd)
{
    h->data = NULL;
    h->len = 0;
    h->f = open_memstream(&h->data, &h->len);
    if (!h->f) {
        cli_error("%s: %s", cmd, strerror(errno));
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_release(cli_held *h, const char *cmd, int rc)
{
    if (!h->f) return rc;
    int bad = ferror(h->f);
    if (fclose(h->f) != 0) bad = 1;
    h->f = NULL;
    if (bad && rc == CLI_OK) {
        cli_error("%s: cannot hold the output in memory", cmd);
        rc = CLI_FAIL;
    }
    if (rc == CLI_OK) fwrite(h->data, 1, h->len, stdout);   /* cli_finish checks the flush */
    free(h->data);
    h->data = NULL;
    return rc;
}
