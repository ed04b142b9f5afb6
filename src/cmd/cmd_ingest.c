/*
 * cmd_ingest.c - `kb ingest PATH...`: options, per-file error lines,
 * progress on a terminal, and the summary.
 */
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "doc.h"
#include "ingest.h"
#include "json.h"
#include "term.h"
#include "util.h"

static const char ingest_usage[] =
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
    "Exit status: 0 all stored, 1 some input failed, 2 usage error.\n";

typedef struct ingest_ui {
    int progress;      /* stderr is a terminal */
    int line_open;     /* a progress line is on screen */
} ingest_ui;

static void ui_clear(ingest_ui *ui)
{
    if (ui->line_open) {
        fputs("\r\033[K", stderr);
        ui->line_open = 0;
    }
}

static void ui_fail(void *ctx, const char *path, const char *msg)
{
    ingest_ui *ui = ctx;
    ui_clear(ui);
    /* control characters as \n, \t or \xNN (term.h): a file name may
     * hold a newline, and each failure must stay one line that names
     * its file */
    fputs("kb: ", stderr);
    term_puts(stderr, path, TERM_NAME);
    fputs(": ", stderr);
    term_puts(stderr, msg, TERM_NAME);
    fputc('\n', stderr);
}

static void ui_progress(void *ctx, const char *path, const ingest_stats *s)
{
    ingest_ui *ui = ctx;
    size_t done = s->added + s->replaced + s->unchanged + s->failed + s->duplicates;
#ifdef __GLIBC__
    /* Give the arenas' freed memory back now and then: a worker's arena
     * keeps a page's freed tree otherwise, and the peak becomes the
     * largest page plus the garbage the other arenas hold.  Every 32
     * files, not every file: what is given back is faulted in again
     * (docs/benchmarks.md has the figures). */
    if (done % 32 == 0) malloc_trim(0);
#endif
    if (!ui->progress) return;
    buf b = BUF_INIT;
    fprintf(stderr, "\r\033[Kkb: ingest: %zu files: %.60s", done, term_str(&b, path, TERM_NAME));
    buf_free(&b);
    ui->line_open = 1;
}

/* Peak RSS of an ingest should not grow with the corpus.  glibc raises
 * its mmap threshold to the largest block freed so far (and its trim
 * threshold to twice that), so after the first big page every later
 * page's large buffers stay in the arenas once freed.  Fixed thresholds
 * keep blocks of 1 MiB or more in their own mappings, given back when
 * freed, and trim an arena's top once 1 MiB is free (the figures are in
 * docs/benchmarks.md). */
static void ingest_malloc_setup(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}

static int ingest_parse_format(const char *s)
{
    if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0) return DOC_TEXT;
    if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0) return DOC_MARKDOWN;
    if (strcmp(s, "html") == 0) return DOC_HTML;
    return -2;
}

/* The counts: a JSON object on stdout, or one line on stderr (none
 * with --quiet). */
static void ingest_summary(const ingest_stats *s, int as_json, int quiet)
{
    if (as_json) {
        json j;
        json_init(&j, stdout);
        json_object(&j);
        json_key(&j, "added"); json_int(&j, (long long)s->added);
        json_key(&j, "replaced"); json_int(&j, (long long)s->replaced);
        json_key(&j, "unchanged"); json_int(&j, (long long)s->unchanged);
        json_key(&j, "failed"); json_int(&j, (long long)s->failed);
        json_key(&j, "skipped"); json_int(&j, (long long)s->skipped);
        json_key(&j, "duplicates"); json_int(&j, (long long)s->duplicates);
        json_key(&j, "units"); json_int(&j, (long long)s->units);
        json_key(&j, "claims"); json_int(&j, (long long)s->claims);
        json_end(&j);
    } else if (!quiet) {
        fprintf(stderr, "kb: ingest: %zu added, %zu replaced, %zu unchanged, %zu failed",
                s->added, s->replaced, s->unchanged, s->failed);
        if (s->duplicates) fprintf(stderr, ", %zu duplicate%s", s->duplicates, s->duplicates == 1 ? "" : "s");
        if (s->skipped) fprintf(stderr, ", %zu skipped (not articles)", s->skipped);
        fprintf(stderr, "; %zu units, %zu claims\n", s->units, s->claims);
    }
}

int cmd_ingest(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"name", required_argument, NULL, 'n'},  {"format", required_argument, NULL, 'f'},
        {"force", no_argument, NULL, 'F'},       {"max-size", required_argument, NULL, 'm'},
        {"quiet", no_argument, NULL, 'q'},       {"json", no_argument, NULL, 'j'},
        CLI_COMMON_LONGOPTS,                     {NULL, 0, NULL, 0}};
    ingest_opts o;
    memset(&o, 0, sizeof o);
    o.format = -1;
    int quiet = 0, as_json = 0, opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        if (cli_common_opt(c, ingest_usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        switch (opt) {
        case 'n': o.stdin_name = optarg; break;
        case 'f':
            o.format = ingest_parse_format(optarg);
            if (o.format == -2)
                return cli_usage_error("ingest", "--format must be text, markdown or html");
            break;
        case 'F': o.force = 1; break;
        case 'm': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0 || v > 4096)
                return cli_usage_error("ingest", "--max-size takes a number of MiB from 1 to 4096");
            o.max_size = (size_t)v << 20;
            break;
        }
        case 'q': quiet = 1; break;
        case 'j': as_json = 1; break;
        default: return cli_usage_error("ingest", "unknown option");
        }
    }
    if (optind >= argc) return cli_usage_error("ingest", "no PATH given");
    int stdin_uses = 0;
    for (int i = optind; i < argc; i++) stdin_uses += strcmp(argv[i], "-") == 0;
    if (stdin_uses > 1) return cli_usage_error("ingest", "'-' can be given once");
    if (stdin_uses && !o.stdin_name)
        return cli_usage_error("ingest", "reading standard input needs --name NAME");

    /* KB_INGEST_JOBS=1 builds every file in the writing thread (for
     * debugging and timing); unset or 0: one thread per CPU */
    const char *jobs = getenv("KB_INGEST_JOBS");
    if (jobs && *jobs) o.jobs = atoi(jobs);

    ingest_malloc_setup();
    store *st = NULL;
    if (cli_open(c, STORE_CREATE, &st)) return CLI_FAIL;
    if (cli_claims(st, &o.claims)) {
        store_close(st);
        return CLI_FAIL;
    }
    ingest_ui ui = {isatty(STDERR_FILENO) && !quiet, 0};
    ingest_events ev = {ui_fail, ui_progress, &ui, quiet ? NULL : ui_fail};
    ingest_stats s;
    char *err = NULL;
    int rc = ingest_run(st, argv + optind, (size_t)(argc - optind), &o, &ev, &s, &err);
    ui_clear(&ui);
    if (rc) {
        cli_error("%s", err);
        free(err);
    }
    ingest_summary(&s, as_json, quiet);
    claims_free(o.claims);
    store_close(st);
    return rc || s.failed ? CLI_FAIL : CLI_OK;
}
