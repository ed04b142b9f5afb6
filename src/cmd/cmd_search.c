/*
 * cmd_search.c - `kb search`: options, and the hits as text (matched
 * words highlighted, a citation line; control characters escaped,
 * term.h) or JSON.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "json.h"
#include "search.h"
#include "term.h"
#include "util.h"

static const char search_usage[] =
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
    "each of them (100 words with --fts); a repeated word counts once.\n";

/* Text output shows at most this many bytes of a long unit, in a window
 * around the first match; JSON always carries the whole unit. */
#define SEARCH_WINDOW 480

typedef struct search_ui {
    json *j;
    int color;
    int n;
    buf scratch;
} search_ui;

/* Step back/forward to the start of a UTF-8 character. */
static size_t ui_char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i;
}

static void ui_print_text(const search_ui *ui, const search_hit *hit)
{
    const store_unit *u = &hit->h->unit;
    size_t base = (size_t)u->start, len = u->text_len;
    size_t from = 0, to = len;
    if (len > SEARCH_WINDOW) {
        size_t first = hit->nranges ? hit->ranges[0] - base : 0;
        from = first > SEARCH_WINDOW / 3 ? first - SEARCH_WINDOW / 3 : 0;
        to = from + SEARCH_WINDOW < len ? from + SEARCH_WINDOW : len;
        from = ui_char_start(u->text, from);
        to = to < len ? ui_char_start(u->text, to) : len;
    }
    const char *on = ui->color ? "\033[1;31m" : "**", *off = ui->color ? "\033[0m" : "**";
    fputs("    ", stdout);
    if (from > 0) fputs("…", stdout);
    /* the window's text, each matched range marked (cut to the window) */
    size_t i = from;
    for (size_t r = 0; r < hit->nranges && i < to; r++) {
        size_t s = hit->ranges[2 * r] - base, e = hit->ranges[2 * r + 1] - base;
        if (e <= i) continue;
        if (s >= to) break;
        if (s > i) {
            term_put(stdout, u->text + i, s - i, TERM_FOLD);
            i = s;
        }
        if (e > to) e = to;
        fputs(on, stdout);
        term_put(stdout, u->text + i, e - i, TERM_FOLD);
        fputs(off, stdout);
        i = e;
    }
    if (i < to) term_put(stdout, u->text + i, to - i, TERM_FOLD);
    if (to < len) fputs("…", stdout);
    putchar('\n');
}

static int ui_hit(void *ctx, const search_hit *hit)
{
    search_ui *ui = ctx;
    const store_hit *h = hit->h;
    ui->n++;
    if (ui->j) {
        json *j = ui->j;
        json_object(j);
        json_key(j, "id"); json_int(j, h->unit.id);
        json_key(j, "source"); json_str(j, h->path);
        json_key(j, "title"); json_str(j, h->title);
        json_key(j, "date"); json_str(j, h->date);
        json_key(j, "text"); json_strn(j, h->unit.text, h->unit.text_len);
        json_key(j, "start"); json_int(j, h->unit.start);
        json_key(j, "end"); json_int(j, h->unit.end);
        json_key(j, "rank"); json_num(j, h->rank);
        json_key(j, "kind"); json_str(j, h->unit.kind);
        json_key(j, "section"); json_str(j, h->unit.section);
        json_key(j, "highlights");
        json_array(j);
        for (size_t i = 0; i < hit->nranges; i++) {
            json_array(j);
            json_int(j, (long long)hit->ranges[2 * i]);
            json_int(j, (long long)hit->ranges[2 * i + 1]);
            json_end(j);
        }
        json_end(j);
        json_end(j);
        return 0;
    }
    /* text from the article: no control character reaches a terminal */
    printf("%d. ", ui->n);
    term_puts(stdout, h->title ? h->title : h->path, TERM_NAME);
    if (h->date) printf(" (%s)", term_str(&ui->scratch, h->date, TERM_NAME));
    fputs("\n    ", stdout);
    term_puts(stdout, h->path, TERM_NAME);
    printf(":%lld-%lld", h->unit.start, h->unit.end);
    if (h->unit.section) printf("  § %s", term_str(&ui->scratch, h->unit.section, TERM_NAME));
    putchar('\n');
    ui_print_text(ui, hit);
    return 0;
}

/* What the command line asks for. */
typedef struct search_args {
    search_opts o;           /* o.query points into query */
    const char *source, *subject, *dimension;   /* as typed, NULL when not given */
    int as_json, explain, color;                 /* color: -1 auto */
    buf query;               /* the words, joined by spaces */
} search_args;

/* Parse the options and join the query words.  Returns -1 to go on,
 * else the exit code (printed). */
static int search_parse(cli *c, int argc, char **argv, search_args *a)
{
    static const struct option longopts[] = {
        {"fts", no_argument, NULL, 'r'},          {"source", required_argument, NULL, 's'},
        {"limit", required_argument, NULL, 'n'},  {"json", no_argument, NULL, 'j'},
        {"color", required_argument, NULL, 'c'},  {"explain", no_argument, NULL, 'e'},
        {"subject", required_argument, NULL, 'S'}, {"dimension", required_argument, NULL, 'D'},
        CLI_COMMON_LONGOPTS,                      {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->o.limit = 10;
    a->color = -1;
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "hn:", longopts, NULL)) != -1) {
        if (cli_common_opt(c, search_usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        switch (opt) {
        case 'r': a->o.raw = 1; break;
        case 's': a->source = optarg; break;
        case 'n': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 100000)
                return cli_usage_error("search", "--limit takes a number from 1 to 100000");
            a->o.limit = (int)v;
            break;
        }
        case 'j': a->as_json = 1; break;
        case 'e': a->explain = 1; break;
        case 'S': a->subject = optarg; break;
        case 'D': a->dimension = optarg; break;
        case 'c':
            if (strcmp(optarg, "always") == 0) a->color = 1;
            else if (strcmp(optarg, "never") == 0) a->color = 0;
            else if (strcmp(optarg, "auto") == 0) a->color = -1;
            else return cli_usage_error("search", "--color takes auto, always or never");
            break;
        default: return cli_usage_error("search", "unknown option");
        }
    }
    if (optind >= argc) return cli_usage_error("search", "no QUERY given");
    for (int i = optind; i < argc; i++) {
        if (i > optind) buf_addc(&a->query, ' ');
        buf_adds(&a->query, argv[i]);
    }
    a->o.query = buf_cstr(&a->query);
    return -1;
}

/* Run the search (its filters resolved in a->o) and print the hits,
 * text or a JSON document held until the end.  Returns the exit code
 * (the error printed). */
static int search_print(store *st, const alias_set *aliases, const search_args *a)
{
    char *err = NULL, *match = NULL;
    int rc = CLI_FAIL;
    json j;
    search_ui ui = {NULL, a->color < 0 ? isatty(STDOUT_FILENO) : a->color, 0, BUF_INIT};
    cli_held held = {NULL, NULL, 0};
    if (a->as_json) {
        if (cli_hold(&held, "search")) return CLI_FAIL;
        ui.j = &j;
        json_init(&j, held.f);
        json_object(&j);
        json_key(&j, "query");
        json_str(&j, a->o.query);
        json_key(&j, "results");
        json_array(&j);
    }
    int r = search_run(st, aliases, &a->o, ui_hit, &ui, &match, &err);
    if (a->as_json) {
        json_end(&j);
        if (match) {
            json_key(&j, "fts");
            json_str(&j, match);
        }
        json_end(&j);
    }
    if (a->explain && match) fprintf(stderr, "kb: search: FTS5 query: %s\n", match);
    if (r == KB_BADARG) {
        fflush(stdout);
        fprintf(stderr, "kb search: %s\n", err);
        rc = CLI_USAGE;
    } else if (r) {
        cli_error("search: %s", err);
    } else {
        if (!a->as_json && ui.n == 0) fprintf(stderr, "kb: search: no matches\n");
        rc = CLI_OK;
    }
    rc = cli_release(&held, "search", rc);
    buf_free(&ui.scratch);
    free(match);
    free(err);
    return rc;
}

int cmd_search(cli *c, int argc, char **argv)
{
    search_args a;
    int rc = search_parse(c, argc, argv, &a);
    if (rc >= 0) {
        buf_free(&a.query);
        return rc;
    }
    store *st = NULL;
    alias_set *aliases = NULL;
    char *err = NULL, *subj = NULL, *dim = NULL;
    rc = CLI_FAIL;
    if (cli_open(c, STORE_READ, &st) || cli_aliases(st, &aliases)) goto done;
    if ((rc = cli_resolve_tags("search", st, a.subject, a.dimension, &subj, &dim)) != CLI_OK) goto done;
    rc = CLI_FAIL;
    a.o.subject = subj;
    a.o.dimension = dim;
    if (a.source && store_source_resolve(st, a.source, &a.o.source_id, &err)) {
        cli_error("search: %s", err);
        goto done;
    }
    rc = search_print(st, aliases, &a);
done:
    free(subj);
    free(dim);
    free(err);
    alias_free(aliases);
    store_close(st);
    buf_free(&a.query);
    return rc;
}
