/*
 * cmd_claims.c - the commands about claims: `kb claims` (list them with
 * their tags), `kb stats` (counts) and `kb taxonomy` (the taxonomy in
 * force).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "taxonomy.h"
#include "util.h"

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

typedef struct claims_ui {
    json *j;
} claims_ui;

static void claims_raw_field(json *j, const char *key, const char *raw)
{
    json_key(j, key);
    json_raw(j, raw ? raw : "[]");
}

static int claims_row_out(void *ctx, const store_claim_row *r)
{
    claims_ui *ui = ctx;
    if (ui->j) {
        json *j = ui->j;
        json_object(j);
        json_key(j, "id"); json_int(j, r->id);
        json_key(j, "source"); json_str(j, r->source);
        json_key(j, "kind"); json_str(j, r->kind);
        json_key(j, "text"); json_strn(j, r->text, r->text_len);
        json_key(j, "start"); json_int(j, r->start);
        json_key(j, "end"); json_int(j, r->end);
        json_key(j, "section"); json_str(j, r->section);
        claims_raw_field(j, "subjects", r->subjects_json);
        claims_raw_field(j, "dimensions", r->dims_json);
        claims_raw_field(j, "quantities", r->qty_json);
        claims_raw_field(j, "stances", r->stance_json);
        json_end(j);
        return 0;
    }
    printf("%s:%lld-%lld  [%s]\n    ", r->source, r->start, r->end, r->kind);
    for (size_t i = 0; i < r->text_len; i++) putchar(r->text[i] == '\n' ? ' ' : r->text[i]);
    putchar('\n');
    if (r->subjects_txt) printf("    subjects: %s\n", r->subjects_txt);
    if (r->dims_txt) printf("    dimensions: %s\n", r->dims_txt);
    if (r->qty_txt) printf("    quantities: %s\n", r->qty_txt);
    if (r->stance_txt) printf("    stances: %s\n", r->stance_txt);
    return 0;
}

int cmd_claims(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"subject", required_argument, NULL, 's'}, {"dimension", required_argument, NULL, 'd'},
        {"source", required_argument, NULL, 'f'},  {"json", no_argument, NULL, 'j'},
        CLI_COMMON_LONGOPTS,                       {NULL, 0, NULL, 0}};
    const char *subject = NULL, *dimension = NULL, *source = NULL;
    int as_json = 0, opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, "claims", opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        switch (opt) {
        case 's': subject = optarg; break;
        case 'd': dimension = optarg; break;
        case 'f': source = optarg; break;
        case 'j': as_json = 1; break;
        default: return cli_usage_error("claims", "unknown option");
        }
    }
    if (optind < argc) return cli_usage_error("claims", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, 0, &st)) return CLI_FAIL;
    char *subj = NULL, *dim = NULL, *err = NULL;
    long long source_id = 0;
    int rc = cli_resolve_tags("claims", st, subject, dimension, &subj, &dim);
    if (rc) goto done;
    if (source && store_source_resolve(st, source, &source_id, &err)) {
        cli_error("claims: %s", err);
        rc = CLI_FAIL;
        goto done;
    }
    json j;
    claims_ui ui = {NULL};
    if (as_json) {
        ui.j = &j;
        json_init(&j, stdout);
        json_object(&j);
        json_key(&j, "claims");
        json_array(&j);
    }
    rc = store_claims(st, subj, dim, source_id, claims_row_out, &ui, &err) ? CLI_FAIL : CLI_OK;
    if (as_json) {
        json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("claims: %s", err);
done:
    free(subj);
    free(dim);
    free(err);
    store_close(st);
    return rc;
}

typedef struct stats_ui {
    json *j;
    char group[16];   /* a copy: the row's text is gone at the next row */
} stats_ui;

static int stats_row(void *ctx, const char *group, const char *name, long long n, long long extra)
{
    stats_ui *ui = ctx;
    int new_group = strcmp(ui->group, group) != 0;
    if (ui->j) {
        json *j = ui->j;
        if (new_group) {
            if (ui->group[0]) json_end(j);
            json_key(j, strcmp(group, "total") == 0 ? "totals" : group);
            json_object(j);
        }
        json_key(j, name);
        if (strcmp(group, "source") == 0 || (strcmp(group, "total") == 0 && strcmp(name, "units") == 0)) {
            json_object(j);
            json_key(j, strcmp(group, "source") == 0 ? "claims" : "units");
            json_int(j, n);
            json_key(j, "furniture");
            json_int(j, extra);
            json_end(j);
        } else {
            json_int(j, n);
        }
    } else {
        if (new_group) printf("%s%s:\n", ui->group[0] ? "\n" : "", strcmp(group, "total") == 0 ? "totals" : group);
        printf("  %-40s %6lld", name, n);
        if (strcmp(group, "source") == 0) printf(" claims, %lld furniture units", extra);
        else if (strcmp(group, "total") == 0 && strcmp(name, "units") == 0) printf(" (%lld furniture)", extra);
        putchar('\n');
    }
    snprintf(ui->group, sizeof ui->group, "%s", group);
    return 0;
}

int cmd_stats(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {{"json", no_argument, NULL, 'j'}, CLI_COMMON_LONGOPTS,
                                             {NULL, 0, NULL, 0}};
    int as_json = 0, opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, "stats", opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        if (opt == 'j') as_json = 1;
        else return cli_usage_error("stats", "unknown option");
    }
    if (optind < argc) return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, 0, &st)) return CLI_FAIL;
    json j;
    stats_ui ui = {NULL, ""};
    char *err = NULL;
    if (as_json) {
        ui.j = &j;
        json_init(&j, stdout);
        json_object(&j);
    }
    int rc = store_stats(st, stats_row, &ui, &err) ? CLI_FAIL : CLI_OK;
    if (as_json) {
        if (ui.group[0]) json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("stats: %s", err);
    free(err);
    store_close(st);
    return rc;
}

int cmd_taxonomy(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, "taxonomy", opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        return cli_usage_error("taxonomy", "unknown option");
    }
    if (optind < argc) return cli_usage_error("taxonomy", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, 0, &st)) return CLI_FAIL;
    char *tsv = cli_taxonomy_text(st);
    fputs(tsv, stdout);
    free(tsv);
    store_close(st);
    return CLI_OK;
}
