/*
 * ingest.h - from paths on disk to stored sources.
 *
 * For each path: a folder is walked (recursively, entries sorted, hidden
 * entries skipped, symlink loops and folders nested over 64 deep
 * reported); a file is read, its format
 * taken from the extension (or sniffed when the extension says nothing),
 * hashed, extracted (text.h, html.h), given the metadata of a sidecar
 * file (sidecar.h) and stored with its units in matching form (norm.h).
 *
 * Pipeline: the calling thread walks the paths and is the only one that
 * touches the store; worker threads (opts.jobs) read, hash, extract,
 * split into units and build the claims of each file in memory, and the
 * calling thread writes the results in the order of the paths, so the
 * rows, their ids and every message are those of a one-thread run.
 *
 * Atomicity: sources are written in batch transactions, each source in
 * its own savepoint, so a bad file leaves nothing behind and a crash
 * loses at most the current batch, never part of a source.  The batch's
 * units are added to the FTS index in one statement just before its
 * COMMIT, inside the transaction.  A file whose hash is unchanged is
 * skipped (a worker compares it with the hash stored when the file was
 * queued and extracts nothing); a changed one replaces its old rows.
 * Whether a file is new, changed or unchanged is decided by the writer
 * when the file's turn comes, and again under the write lock, so two
 * runs at once over the same files both succeed.
 *
 * Memory: a file over max_size is refused from its size, unread, and an
 * HTML page over INGEST_MAX_HTML after it is read; a block over 64 KiB
 * is stored as several units (cut after a sentence where it can be),
 * which bounds what building its claims holds.  Files in flight
 * (queued, being built, or built and not yet written) are at most 12
 * per worker thread plus 2, and hold at most INGEST_MAX_HTML bytes of
 * input together unless one file alone is larger, so the peak is about
 * that of the largest file, not of the corpus.
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
    int jobs;                /* threads that read, extract and build claims:
                              * 0 = one per online CPU; 1 = none, the
                              * calling thread does all; never more than
                              * INGEST_MAX_JOBS */
} ingest_opts;

/* At most this many worker threads, whatever the CPU count or jobs:
 * each holds files in flight and a claims builder of its own. */
#define INGEST_MAX_JOBS 4

#define INGEST_DEFAULT_MAX_SIZE ((size_t)256 << 20)
/* Commit a batch after this many files or bytes of input: big enough
 * that transaction overhead does not dominate, small enough that a
 * concurrent writer never waits long and a crash or a write error loses
 * little. */
#define INGEST_BATCH_FILES 64
#define INGEST_BATCH_BYTES ((size_t)32 << 20)

/* HTML pages over this are refused whatever max_size: libxml2's tree
 * of a page takes tens of times its size. */
#define INGEST_MAX_HTML ((size_t)16 << 20)

typedef struct ingest_stats {
    size_t added, replaced, unchanged, failed, skipped;
    size_t duplicates;   /* files repeating another source's bytes: names only */
    size_t units;
    size_t claims;
} ingest_stats;

typedef struct ingest_events {
    /* a file (or folder) could not be ingested: msg says why */
    void (*fail)(void *ctx, const char *path, const char *msg);
    /* after each file, for progress display; may be NULL */
    void (*progress)(void *ctx, const char *path, const ingest_stats *s);
    void *ctx;
    /* a notice about a file that is no failure (a duplicate); may be NULL */
    void (*note)(void *ctx, const char *path, const char *msg);
} ingest_events;

int ingest_run(store *st, char *const *paths, size_t npaths, const ingest_opts *opts,
               const ingest_events *ev, ingest_stats *stats, char **err);

/* Tidy a path as given so that one file is stored under one name:
 * "./a//b/" -> "a/b".  Returns a malloc'd string. */
char *ingest_clean_path(const char *path);

#endif
