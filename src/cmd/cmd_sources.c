/*
 * cmd_sources.c - the commands about whole sources: `kb sources`,
 * `kb show` and `kb remove`.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "term.h"
#include "util.h"

/* Parse only the common options plus the flags named in `flags`
 * (--json -> 'j', --units -> 'u'); returns -1 to continue, else an exit
 * code. */
static int sources_opts(cli *c, const char *name, int argc, char **argv, int *as_json, int *units)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'}, {"units", no_argument, NULL, 'u'},
        CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    int opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_opt(c, name, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        if (opt == 'j' && as_json) *as_json = 1;
        else if (opt == 'u' && units) *units = 1;
        else return cli_usage_error(name, "unknown option");
    }
    return -1;
}

static void sources_json_fields(json *j, const store_source *s)
{
    json_key(j, "id"); json_int(j, s->id);
    json_key(j, "source"); json_str(j, s->path);
    json_key(j, "format"); json_str(j, s->format);
    json_key(j, "title"); json_str(j, s->title);
    json_key(j, "site"); json_str(j, s->site);
    json_key(j, "author"); json_str(j, s->author);
    json_key(j, "date"); json_str(j, s->date);
    json_key(j, "date_basis"); json_str(j, s->date_basis);
    json_key(j, "url"); json_str(j, s->url);
    json_key(j, "size"); json_int(j, s->size);
    json_key(j, "units"); json_int(j, s->units);
    json_key(j, "hash"); json_str(j, s->hash);
    json_key(j, "ingested_at"); json_str(j, s->ingested_at);
    json_key(j, "duplicate_of");
    if (s->duplicate_of) json_int(j, s->duplicate_of);
    else json_null(j);
}

static int sources_print(void *ctx, const store_source *s)
{
    json *j = ctx;
    if (j) {
        json_object(j);
        sources_json_fields(j, s);
        json_end(j);
        return 0;
    }
    /* text from the articles: no control character reaches a terminal */
    buf date = BUF_INIT, path = BUF_INIT, title = BUF_INIT;
    char dup[64];
    if (s->duplicate_of) snprintf(dup, sizeof dup, "(the same bytes as source %lld)", s->duplicate_of);
    printf("%-4lld %-10s %8lld %6lld  %-20s  %-32s  %s\n", s->id, term_str(&date, s->date ? s->date : "-", TERM_NAME),
           s->size, s->units, s->ingested_at, term_str(&path, s->path, TERM_NAME),
           s->duplicate_of ? dup : term_str(&title, s->title ? s->title : "(untitled)", TERM_NAME));
    buf_free(&date);
    buf_free(&path);
    buf_free(&title);
    return 0;
}

int cmd_sources(cli *c, int argc, char **argv)
{
    int as_json = 0;
    int rc = sources_opts(c, "sources", argc, argv, &as_json, NULL);
    if (rc >= 0) return rc;
    if (optind < argc) return cli_usage_error("sources", "unexpected argument '%s'", argv[optind]);
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    json j;
    char *err = NULL;
    cli_held held = {NULL, NULL, 0};
    if (as_json) {
        if (cli_hold(&held, "sources")) {
            store_close(st);
            return CLI_FAIL;
        }
        json_init(&j, held.f);
        json_object(&j);
        json_key(&j, "sources");
        json_array(&j);
    } else {
        printf("%-4s %-10s %8s %6s  %-20s  %-32s  %s\n", "ID", "DATE", "BYTES", "UNITS", "INGESTED",
               "PATH", "TITLE");
    }
    rc = store_sources(st, sources_print, as_json ? &j : NULL, &err) ? CLI_FAIL : CLI_OK;
    if (as_json) {
        json_end(&j);
        json_end(&j);
    }
    if (rc) cli_error("%s", err);
    rc = cli_release(&held, "sources", rc);
    free(err);
    store_close(st);
    return rc;
}

typedef struct show_ctx {
    json *j;
} show_ctx;

static int show_unit(void *ctx, const store_unit *u)
{
    show_ctx *sc = ctx;
    if (sc->j) {
        json *j = sc->j;
        json_object(j);
        json_key(j, "id"); json_int(j, u->id);
        json_key(j, "seq"); json_int(j, u->seq);
        json_key(j, "kind"); json_str(j, u->kind);
        json_key(j, "level"); json_int(j, u->level);
        json_key(j, "start"); json_int(j, u->start);
        json_key(j, "end"); json_int(j, u->end);
        json_key(j, "section"); json_str(j, u->section);
        json_key(j, "text"); json_strn(j, u->text, u->text_len);
        json_end(j);
    } else {
        printf("%lld-%lld\t", u->start, u->end);
        term_puts(stdout, u->kind, TERM_NAME);
        putchar('\t');
        term_puts(stdout, u->section, TERM_NAME);
        putchar('\t');
        /* one line per unit: fold the newlines of multi-line paragraphs */
        term_put(stdout, u->text, u->text_len, TERM_FOLD);
        putchar('\n');
    }
    return 0;
}

int cmd_show(cli *c, int argc, char **argv)
{
    int as_json = 0, units = 0;
    int rc = sources_opts(c, "show", argc, argv, &as_json, &units);
    if (rc >= 0) return rc;
    if (optind + 1 != argc) return cli_usage_error("show", "give one SOURCE");
    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *err = NULL, *body = NULL;
    size_t len = 0;
    long long id;
    store_source s;
    memset(&s, 0, sizeof s);
    rc = CLI_FAIL;
    if (store_source_resolve(st, argv[optind], &id, &err)) goto done;
    if (as_json) {
        json j;
        show_ctx sc = {&j};
        if (store_source_get(st, id, &s, &err)) goto done;
        cli_held held;
        if (cli_hold(&held, "show")) goto done;   /* printed */
        json_init(&j, held.f);
        json_object(&j);
        sources_json_fields(&j, &s);
        json_key(&j, "units");
        json_array(&j);
        int r = store_units(st, id, show_unit, &sc, &err);
        json_end(&j);
        json_end(&j);
        if (cli_release(&held, "show", r ? CLI_FAIL : CLI_OK) != CLI_OK) goto done;   /* printed if not r */
    } else if (units) {
        show_ctx sc = {NULL};
        if (store_units(st, id, show_unit, &sc, &err)) goto done;
    } else {
        if (store_text_get(st, id, &body, &len, &err)) goto done;
        /* the stored text byte for byte (search offsets point into it),
         * but a terminal gets no control character from it */
        if (isatty(STDOUT_FILENO)) term_put(stdout, body, len, TERM_LINES);
        else fwrite(body, 1, len, stdout);
    }
    rc = CLI_OK;
done:
    if (rc && err) cli_error("show: %s", err);
    store_source_clear(st, &s);
    free(body);
    free(err);
    store_close(st);
    return rc;
}

int cmd_remove(cli *c, int argc, char **argv)
{
    int rc = sources_opts(c, "remove", argc, argv, NULL, NULL);
    if (rc >= 0) return rc;
    if (optind >= argc) return cli_usage_error("remove", "no SOURCE given");
    store *st = NULL;
    if (cli_open(c, STORE_WRITE, &st)) return CLI_FAIL;
    rc = CLI_OK;
    for (int i = optind; i < argc; i++) {
        char *err = NULL;
        long long id = 0;
        store_source s;
        memset(&s, 0, sizeof s);
        /* each source in its own transaction: one bad name spoils nothing */
        if (store_source_resolve(st, argv[i], &id, &err) || store_source_get(st, id, &s, &err) ||
            store_begin(st, &err) || store_source_delete(st, id, &err) || store_commit(st, &err)) {
            store_rollback(st);
            cli_error("remove: %s", err);
            rc = CLI_FAIL;
        } else {
            fputs("removed ", stdout);
            term_puts(stdout, s.path, TERM_NAME);
            printf(" (%lld units)\n", s.units);
        }
        store_source_clear(st, &s);
        free(err);
    }
    store_close(st);
    return rc;
}
