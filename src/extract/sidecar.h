/*
 * sidecar.h - metadata for articles kept beside them, in a file named
 * kb-sources.tsv in the same folder.
 *
 * It is a TSV file a person edits: a header line names the columns
 * (file is required; title, site, author, date, url are optional and
 * may come in any order; unknown columns are ignored), then one line
 * per article, "file" being the article's file name within the folder.
 * Lines starting with '#' and blank lines are ignored, and so is a
 * leading UTF-8 byte order mark.  Dates are anything date.h understands
 * and are stored as YYYY-MM-DD.  What the sidecar says wins over what kb
 * finds in the file itself.
 *
 * A bad row costs only its own file's metadata: a row with a date that
 * is not one, no file name, a file value that is not a plain name in
 * the folder (".", "..", or holding '/'), more values than the header
 * has columns, invalid UTF-8 or a NUL byte, or a file an earlier row
 * already described (the first row wins), is reported to the warn
 * callback and left out; the other rows are kept.  Only a sidecar that
 * cannot be read (not a regular file, over SIDECAR_MAX_SIZE, unreadable,
 * UTF-16) or has no usable header is refused whole (KB_ERR).
 *
 * Messages, warnings and *err alike, do not name the file: the caller
 * has its path and reports "PATH: MSG" (the warn callback is given it).
 * A row's message starts "line N: " and ends "; the row is ignored"; an
 * error ends "; the sidecar is ignored".
 */
#ifndef KB_SIDECAR_H
#define KB_SIDECAR_H

#include <stddef.h>

#define SIDECAR_NAME "kb-sources.tsv"

/* A sidecar larger than this is refused unread.  It is a table a person
 * writes, a line of some 200 bytes per article: 4 MiB is some 20,000
 * articles in one folder, more than a corpus of thousands of pages puts
 * there, while a file that is not a sidecar at all (a log, a dump, a
 * link to /dev/zero) is never read into memory whole. */
#define SIDECAR_MAX_SIZE ((size_t)4 << 20)

typedef struct sidecar_entry {
    char *file;
    char *title, *site, *author, *date, *url; /* NULL when empty */
    size_t line;                              /* where it was read */
} sidecar_entry;

/* Build with sidecar_parse or sidecar_load; the fields are read-only. */
typedef struct sidecar {
    sidecar_entry *v;
    size_t n;
    size_t *slots;  /* hash table over v[].file: index + 1, 0 empty */
    size_t nslots;  /* a power of two, or 0 */
} sidecar;

/* Called once per bad row: path is the name given to sidecar_parse (or
 * sidecar_load), msg "line N: why; the row is ignored".  Both strings
 * are valid only during the call. */
typedef void (*sidecar_warn_fn)(void *ctx, const char *path, const char *msg);

/* Parse tsv[0..len) into *out.  Bad rows go to warn (NULL: dropped
 * silently) with name as their path.  Returns KB_ERR, with the sidecar
 * left empty (sidecar_free is safe) and *err set, only when the whole
 * file is unusable. */
int sidecar_parse(const char *tsv, size_t len, const char *name, sidecar_warn_fn warn, void *ctx,
                  sidecar *out, char **err);

/* Read the sidecar at path and parse it as above.  No file at path is
 * not an error: *out is left empty.  The path is followed to a regular
 * file of at most SIDECAR_MAX_SIZE bytes; anything else (a named pipe,
 * a device, a folder, a broken link) is refused without blocking and
 * without reading it. */
int sidecar_load(const char *path, sidecar_warn_fn warn, void *ctx, sidecar *out, char **err);

void sidecar_free(sidecar *s);

/* The entry for a file name, or NULL. */
const sidecar_entry *sidecar_find(const sidecar *s, const char *file);

#endif
