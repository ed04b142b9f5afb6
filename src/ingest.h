/*
 * ingest.h - from paths on disk to stored sources.
 *
 * For each path: a folder is walked (recursively, entries sorted, hidden
 * entries skipped, symlink loops reported); a file is read, its format
 * taken from the extension (or sniffed when the extension says nothing),
 * hashed, extracted (text.h, html.h), given the metadata of a sidecar
 * file (sidecar.h) and stored with its units in matching form (norm.h).
 *
 * Atomicity: sources are written in batch transactions, each source in
 * its own savepoint, so a bad file leaves nothing behind and a crash
 * loses at most the current batch, never part of a source.  A file whose
 * hash is unchanged is skipped; a changed one replaces its old rows.
 * Whether a file is new, changed or unchanged is decided again under the
 * write lock, so two runs at once over the same files both succeed.
 *
 * Memory: a file over max_size is refused from its size, unread, and an
 * HTML page over INGEST_MAX_HTML after it is read; a block
 * over 64 KiB is stored as several units (cut after a sentence where it
 * can be), which bounds what building its claims holds.
 *
 * Per-file problems are reported through the fail callback and counted;
 * they do not stop the run.  ingest_run itself fails only when the store
 * does (a commit that cannot be made).
 */
#ifndef KB_INGEST_H
#define KB_INGEST_H

#include <stddef.h>

#include "claims.h"
#include "store.h"

typedef struct ingest_opts {
    const char *stdin_name;  /* the name a "-" path is stored under */
    int force;               /* re-extract files whose hash is unchanged */
    int format;              /* a doc_format, or -1 to detect */
    size_t max_size;         /* larger files are refused; 0 = default */
    claims *claims;          /* builds each source's claims; NULL: none */
} ingest_opts;

#define INGEST_DEFAULT_MAX_SIZE ((size_t)256 << 20)
/* HTML pages over this are refused whatever max_size: parsing one holds
 * up to ~50 bytes per byte of markup. */
#define INGEST_MAX_HTML ((size_t)16 << 20)

typedef struct ingest_stats {
    size_t added, replaced, unchanged, failed, skipped;
    size_t units;
    size_t claims;
} ingest_stats;

typedef struct ingest_events {
    /* a file (or folder) could not be ingested: msg says why */
    void (*fail)(void *ctx, const char *path, const char *msg);
    /* after each file, for progress display; may be NULL */
    void (*progress)(void *ctx, const char *path, const ingest_stats *s);
    void *ctx;
} ingest_events;

int ingest_run(store *st, char *const *paths, size_t npaths, const ingest_opts *opts,
               const ingest_events *ev, ingest_stats *stats, char **err);

/* Tidy a path as given so that one file is stored under one name:
 * "./a//b/" -> "a/b".  Returns a malloc'd string. */
char *ingest_clean_path(const char *path);

#endif
