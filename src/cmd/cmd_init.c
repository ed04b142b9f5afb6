/*
 * cmd_init.c - `kb init`: create or upgrade the database, and set the
 * alias list it searches with.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "claims.h"
#include "cli.h"
#include "cmd.h"
#include "taxonomy.h"
#include "util.h"

static const char init_usage[] =
    "usage: kb init [--db FILE] [--aliases FILE] [--taxonomy FILE]\n"
    "\n"
    "Create the database (or upgrade it to this kb's schema) and report its\n"
    "state.  With --aliases, replace the search alias list with FILE (a TSV\n"
    "file: one group of equivalent names per line, at most 256 names in a\n"
    "group; see schema/aliases.tsv).\n"
    "With --taxonomy, replace the taxonomy claims are tagged with (subjects,\n"
    "their parts, dimensions, measures; see schema/taxonomy.tsv) and tag\n"
    "every stored source again.\n";

/* Read a small data file whole into b. */
static int init_read(const char *path, buf *b, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return kb_seterr(err, "%s: %s", path, strerror(errno));
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) return kb_seterr(err, "%s: read error", path);
    return KB_OK;
}

/* Replace the taxonomy and tag every source again, all in one
 * transaction: a taxonomy that fails to load changes nothing. */
static int init_taxonomy(store *st, const char *path, char **err)
{
    buf data = BUF_INIT;
    claims *cl = NULL;
    long long *ids = NULL;
    size_t n = 0, total = 0;
    int rc = KB_ERR;
    char *e = NULL;
    if (init_read(path, &data, err)) goto done;
    if (claims_new(buf_cstr(&data), NULL, NULL, &cl, &e)) {
        kb_seterr(err, "%s: %s", path, e);
        goto done;
    }
    if (store_begin(st, err)) goto done;
    if (store_meta_set(st, "taxonomy", buf_cstr(&data), err) || store_source_ids(st, &ids, &n, err)) {
        store_rollback(st);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        if (claims_source(cl, st, ids[i], &k, err)) {
            store_rollback(st);
            goto done;
        }
        total += k;
    }
    if (store_commit(st, err)) goto done;
    fprintf(stderr, "kb: taxonomy replaced from %s (%zu subjects, %zu dimensions); %zu sources tagged again, %zu claims\n",
            path, tax_subjects(claims_taxonomy(cl)), tax_dimensions(claims_taxonomy(cl)), n, total);
    rc = KB_OK;
done:
    free(e);
    free(ids);
    claims_free(cl);
    buf_free(&data);
    return rc;
}

int cmd_init(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"aliases", required_argument, NULL, 'a'}, {"taxonomy", required_argument, NULL, 't'},
        CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    const char *aliases = NULL, *tax_path = NULL;
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, init_usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        if (opt == 'a') aliases = optarg;
        else if (opt == 't') tax_path = optarg;
        else return cli_usage_error("init", "unknown option");
    }
    if (optind < argc) return cli_usage_error("init", "unexpected argument '%s'", argv[optind]);

    store *st = NULL;
    if (cli_open(c, STORE_CREATE, &st)) return CLI_FAIL;
    int rc = CLI_OK;
    char *err = NULL;
    buf data = BUF_INIT;
    alias_set *set = NULL;
    if (aliases) {
        /* Check the file parses before storing it. */
        if (init_read(aliases, &data, &err) ||
            alias_load(buf_cstr(&data), data.len, &set, &err)) {
            cli_error("%s%s%s", strstr(err, aliases) ? "" : aliases, strstr(err, aliases) ? "" : ": ", err);
            rc = CLI_FAIL;
            goto done;
        }
        if (store_meta_set(st, "aliases", buf_cstr(&data), &err)) {
            cli_error("%s", err);
            rc = CLI_FAIL;
            goto done;
        }
        fprintf(stderr, "kb: %s: alias list replaced (%zu groups)\n", c->db_path, alias_groups(set));
    }
    if (tax_path && init_taxonomy(st, tax_path, &err)) {
        cli_error("%s", err);
        rc = CLI_FAIL;
        goto done;
    }
    long long ns = 0, nu = 0;
    if (store_counts(st, &ns, &nu, &err)) {
        cli_error("%s", err);
        rc = CLI_FAIL;
        goto done;
    }
    fprintf(stderr, "kb: %s: ready (%lld sources, %lld units)\n", c->db_path, ns, nu);
done:
    alias_free(set);
    buf_free(&data);
    free(err);
    store_close(st);
    return rc;
}
