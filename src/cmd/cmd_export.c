/*
 * cmd_export.c - `kb export`: the cited summary (report.h) written as
 * Markdown, HTML, JSON or CSV (export.h), or the source list as
 * CSL-JSON, to stdout or to a file.
 *
 * The whole export is rendered in memory first, so a failure never
 * leaves half a file.  -o never silently replaces anything: the file is
 * created with O_EXCL (mode 0666 & ~umask); an existing one is an error
 * unless --force, and even then a symbolic link is never followed
 * (O_NOFOLLOW) and only a regular file that is not the database is
 * truncated.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "export.h"
#include "report.h"
#include "util.h"

static const char export_usage[] =
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
    "2 usage error.\n";

/* Open path for writing as described above (never the database
 * itself); prints the error. */
static int export_open_output(const char *path, int force, const char *db_path, int *fd_out, int *created)
{
    *created = 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) {
        *created = 1;
        *fd_out = fd;
        return CLI_OK;
    }
    if (errno != EEXIST) {
        cli_error("export: cannot create %s: %s", path, strerror(errno));
        return CLI_FAIL;
    }
    struct stat sb;
    int is_link = lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode);
    if (is_link) {
        cli_error("export: %s is a symbolic link; kb does not write through links%s", path,
                  force ? ", even with --force" : "");
        return CLI_FAIL;
    }
    if (!force) {
        cli_error("export: %s exists (use --force to replace it)", path);
        return CLI_FAIL;
    }
    /* O_NONBLOCK: a FIFO without a reader fails instead of hanging */
    fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ELOOP) cli_error("export: %s is a symbolic link; kb does not write through links, even with --force", path);
        else cli_error("export: cannot open %s: %s", path, strerror(errno));
        return CLI_FAIL;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        cli_error("export: %s is not a regular file; not replacing it", path);
        close(fd);
        return CLI_FAIL;
    }
    struct stat db;
    if (stat(db_path, &db) == 0 && db.st_dev == sb.st_dev && db.st_ino == sb.st_ino) {
        cli_error("export: %s is the database; not replacing it", path);
        close(fd);
        return CLI_FAIL;
    }
    if (ftruncate(fd, 0) != 0) {
        cli_error("export: cannot truncate %s: %s", path, strerror(errno));
        close(fd);
        return CLI_FAIL;
    }
    *fd_out = fd;
    return CLI_OK;
}

static int export_write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Write the rendered export to path (or stdout for NULL / "-"). */
static int export_emit(const char *path, int force, const char *db_path, const char *data, size_t len)
{
    if (!path || strcmp(path, "-") == 0) {
        fwrite(data, 1, len, stdout);
        return CLI_OK;   /* cli_finish checks the flush */
    }
    int fd, created;
    if (export_open_output(path, force, db_path, &fd, &created)) return CLI_FAIL;
    int bad = export_write_all(fd, data, len) != 0;
    int saved = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        cli_error("export: cannot write %s: %s", path, strerror(saved));
        if (created) unlink(path);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cmd_export(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'F'},  {"sources", required_argument, NULL, 'S'},
        {"subject", required_argument, NULL, 's'}, {"dimension", required_argument, NULL, 'd'},
        {"output", required_argument, NULL, 'o'},  {"force", no_argument, NULL, 'f'},
        CLI_COMMON_LONGOPTS,                       {NULL, 0, NULL, 0}};
    const char *format = NULL, *sources = NULL, *subject = NULL, *dimension = NULL, *output = NULL;
    int force = 0, opt, exit_now = 0;
    while ((opt = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        if (cli_common_opt(c, export_usage, opt, optarg, &exit_now)) {
            if (exit_now) return CLI_OK;
            continue;
        }
        switch (opt) {
        case 'F': format = optarg; break;
        case 'S': sources = optarg; break;
        case 's': subject = optarg; break;
        case 'd': dimension = optarg; break;
        case 'o': output = optarg; break;
        case 'f': force = 1; break;
        default: return cli_usage_error("export", "unknown option");
        }
    }
    if (optind < argc) return cli_usage_error("export", "unexpected argument '%s'", argv[optind]);
    export_format fmt = EXPORT_MD;
    if (sources) {
        if (format) return cli_usage_error("export", "--sources and --format do not go together");
        if (strcmp(sources, "csl-json") != 0)
            return cli_usage_error("export", "unknown source list format '%s' (csl-json)", sources);
        fmt = EXPORT_CSL_JSON;
    } else if (format && export_parse_format(format, &fmt)) {
        return cli_usage_error("export", "unknown format '%s' (md, html, json, csv)", format);
    } else if (fmt == EXPORT_CSL_JSON) {
        return cli_usage_error("export", "the source list is written with --sources csl-json");
    }
    if (output && !*output) return cli_usage_error("export", "-o needs a file name");

    store *st = NULL;
    if (cli_open(c, STORE_READ, &st)) return CLI_FAIL;
    char *subj = NULL, *dim = NULL, *err = NULL, *data = NULL;
    size_t len = 0;
    report *r = NULL;
    int rc = cli_resolve_tags("export", st, subject, dimension, &subj, &dim);
    if (rc) goto done;
    report_filter filter = {subj, dim};
    if (report_build(st, &filter, &r, &err)) {
        cli_error("export: %s", err);
        rc = CLI_FAIL;
        goto done;
    }
    FILE *mem = open_memstream(&data, &len);
    if (!mem) {
        cli_error("export: %s", strerror(errno));
        rc = CLI_FAIL;
        goto done;
    }
    int wrc = export_write(r, fmt, mem, &err);
    if (fclose(mem) != 0 || wrc) {
        cli_error("export: %s", err ? err : "cannot render the export");
        rc = CLI_FAIL;
        goto done;
    }
    rc = export_emit(output, force, c->db_path, data, len);
done:
    free(data);
    report_free(r);
    free(subj);
    free(dim);
    free(err);
    store_close(st);
    return rc;
}
