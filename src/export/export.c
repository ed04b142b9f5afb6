/*
 * export.c - the export formats by name, and the dispatch to their
 * writers: Markdown (export_md.c), HTML (export_html.c), JSON, CSV and
 * CSL-JSON (export_data.c).  See export.h.
 */
#include "export.h"

#include <errno.h>
#include <string.h>

#include "util.h"

int export_parse_format(const char *name, export_format *out)
{
    static const struct {
        const char *name;
        export_format fmt;
    } names[] = {{"md", EXPORT_MD},     {"markdown", EXPORT_MD}, {"html", EXPORT_HTML},
                 {"json", EXPORT_JSON}, {"csv", EXPORT_CSV},     {"csl-json", EXPORT_CSL_JSON}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].fmt;
            return KB_OK;
        }
    return KB_BADARG;
}

int export_write(const report *r, export_format fmt, FILE *f, char **err)
{
    switch (fmt) {
    case EXPORT_MD: export_md(r, f); break;
    case EXPORT_HTML: export_html(r, f); break;
    case EXPORT_JSON: export_json(r, f); break;
    case EXPORT_CSV: export_csv(r, f); break;
    case EXPORT_CSL_JSON: export_csl_json(r, f); break;
    }
    if (fflush(f) != 0 || ferror(f)) return kb_seterr(err, "cannot write the export: %s", strerror(errno));
    return KB_OK;
}
