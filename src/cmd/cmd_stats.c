/*
 * cmd_stats.c - `kb stats`: counts of sources, units, claims, subjects,
 * dimensions and measures, as text or JSON.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "json.h"
#include "term.h"

static const char stats_usage[] =
    "usage: kb stats [--db FILE] [--json]\n";

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
        if (cli_common_opt(c, stats_usage, opt, optarg, &exit_now)) {
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
