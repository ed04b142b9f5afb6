/*
 * sidecar.h - metadata for articles kept beside them, in a file named
 * kb-sources.tsv in the same folder.
 *
 * It is a TSV file a person edits: a header line names the columns
 * (file is required; title, site, author, date, url are optional and
 * may come in any order; unknown columns are ignored), then one line
 * per article, "file" being the article's file name within the folder.
 * Lines starting with '#' and blank lines are ignored.  Dates are
 * anything date.h understands and are stored as YYYY-MM-DD.
 * What the sidecar says wins over what kb finds in the file itself.
 */
#ifndef KB_SIDECAR_H
#define KB_SIDECAR_H

#include <stddef.h>

#define SIDECAR_NAME "kb-sources.tsv"

typedef struct sidecar_entry {
    char *file;
    char *title, *site, *author, *date, *url; /* NULL when empty */
} sidecar_entry;

typedef struct sidecar {
    sidecar_entry *v;
    size_t n;
} sidecar;

/* Parse tsv[0..len).  name is used in messages ("kb-sources.tsv line 4:
 * ...").  On error the sidecar is left empty (sidecar_free is safe). */
int sidecar_parse(const char *tsv, size_t len, const char *name, sidecar *out, char **err);
void sidecar_free(sidecar *s);
/* The entry for a file name, or NULL. */
const sidecar_entry *sidecar_find(const sidecar *s, const char *file);

#endif
