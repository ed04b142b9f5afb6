/*
 * cmd_claims.c - the commands about claims: `kb claims` (list them with
 * their tags), `kb stats` (counts) and `kb taxonomy` (the taxonomy in
 * force).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "term.h"
#include "util.h"

typedef struct claims_ui {
    json *j;
    buf scratch;
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
    /* text from the article: no control character reaches a terminal */
    term_puts(stdout, r->source, TERM_NAME);
    printf(":%lld-%lld  [%s]\n    ", r->start, r->end, term_str(&ui->scratch, r->kind, TERM_NAME));
    term_put(stdout, r->text, r->text_len, TERM_FOLD);
    putchar('\n');
    static const char *const label[] = {"subjects", "dimensions", "quantities", "stances"};
    const char *tags[] = {r->subjects_txt, r->dims_txt, r->qty_txt, r->stance_txt};
    for (size_t i = 0; i < 4; i++)
        if (tags[i]) printf("    %s: %s\n", label[i], term_str(&ui->scratch, tags[i], TERM_NAME));
    return 0;
}

int cmd_claims(cli *c, int argc, char **argv)
{
    cli_filter flt;
    int rc = cli_filter_parse(c, "claims", argc, argv, &flt);
    if (rc >= 0) return rc;
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *err = NULL;
    if ((rc = cli_filter_resolve("claims", st, &flt)) != CLI_OK) goto done;
    json j;
    claims_ui ui = {NULL, BUF_INIT};
    cli_held held = {NULL, NULL, 0};
    if (flt.json) {
        if ((rc = cli_hold(&held, "claims")) != CLI_OK) goto done;
        ui.j = &j;
        json_init(&j, held.f);
        json_object(&j);
        json_key(&j, "claims");
        json_array(&j);
    }
    rc = store_claims(st, flt.subject, flt.dimension, flt.source_id, claims_row_out, &ui, &err) ? CLI_FAIL : CLI_OK;
    if (flt.json) {
        json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("claims: %s", err);
    rc = cli_release(&held, "claims", rc);
    buf_free(&ui.scratch);
done:
    cli_filter_free(&flt);
    free(err);
    store_close(st);
    return rc;
}

typedef struct stats_ui {
    json *j;
    char group[16];   /* a copy: the row's text is gone at the next row */
    buf scratch;
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
        printf("  %-40s %6lld", term_str(&ui->scratch, name, TERM_NAME), n);   /* a name may be a path */
        if (strcmp(group, "source") == 0) printf(" claims, %lld furniture units", extra);
        else if (strcmp(group, "total") == 0 && strcmp(name, "units") == 0) printf(" (%lld furniture)", extra);
        else if (strcmp(group, "total") == 0 && strcmp(name, "sources") == 0 && extra)
            printf(" (and %lld duplicate%s: the same bytes, counted once)", extra, extra == 1 ? "" : "s");
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
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    json j;
    stats_ui ui = {NULL, "", BUF_INIT};
    char *err = NULL;
    cli_held held = {NULL, NULL, 0};
    if (as_json) {
        if (cli_hold(&held, "stats")) {
            store_close(st);
            return CLI_FAIL;
        }
        ui.j = &j;
        json_init(&j, held.f);
        json_object(&j);
    }
    int rc = store_stats(st, stats_row, &ui, &err) ? CLI_FAIL : CLI_OK;
    if (as_json) {
        if (ui.group[0]) json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("stats: %s", err);
    rc = cli_release(&held, "stats", rc);
    buf_free(&ui.scratch);
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
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *tsv = cli_taxonomy_text(st);
    fputs(tsv, stdout);
    free(tsv);
    store_close(st);
    return CLI_OK;
}
