/*
 * ingest_int.h - what the files of the ingest share: the run's context,
 * the jobs in flight and the pool of worker threads.  Not for use
 * outside src/ingest/.
 *
 * The files, along the data flow, each calling only those listed after
 * it:
 *   ingest.c         ingest_run: the run's context, first path to last commit
 *   ingest_walk.c    the paths and folders named: which files, queued in order
 *   ingest_write.c   the writer: each job in turn, what to do with it, and
 *                    storing it in its own savepoint
 *   ingest_batch.c   the open batch: its units to index, its sources,
 *                    its commit, and its loss
 *   ingest_inputs.c  what a source was built from (its name, bytes,
 *                    taxonomy and sidecar row) and whether it still is
 *   ingest_pool.c    the worker threads and the jobs in flight
 *   ingest_build.c   one job built without the store: read, hash,
 *                    extract, units, claims
 */
#ifndef KB_INGEST_INT_H
#define KB_INGEST_INT_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "claims.h"
#include "doc.h"
#include "ingest.h"
#include "sidecar.h"
#include "store.h"

/* Folders nested deeper than this under a path given are reported, not
 * read (the walk recurses once per level). */
#define INGEST_MAX_DEPTH 64

/* What a job is. */
enum { JOB_FILE, JOB_STDIN, JOB_FAIL };
/* Where a job is: queued, taken by a thread, done. */
enum { JS_QUEUED, JS_RUNNING, JS_DONE };
/* What building it gave: a failure to report before the stored hash is
 * looked at, one to report after it (an unchanged file is not a failure),
 * one to report after the write transaction has begun (the order of the
 * sequential ingest), the same hash as the one stored when the job was
 * queued (nothing was extracted), a source ready to write, or a file
 * kb export wrote (skipped). */
enum { OUT_FAIL_EARLY, OUT_FAIL_LATE, OUT_FAIL_STORE, OUT_SAME, OUT_READY, OUT_KB_EXPORT };

/* One file (or stdin, or a failure of the walk) on its way to the store.
 * The walker fills the first part, a worker (or the writer itself) the
 * rest; the writer writes jobs in the order they were queued. */
typedef struct ingest_job {
    struct ingest_job *next;
    int kind;
    char *name;          /* the path as given (tidied): for messages, and the name of a new source */
    char *file;          /* its canonical absolute path: what identifies it; NULL for stdin */
    char *stored;        /* the name its source has, when it has one */
    char *dir;           /* the folder whose sidecar applies; NULL: none */
    char *old_hash;      /* the stored hash when queued (a hint), or NULL */
    size_t weight;       /* bytes counted against the pool's byte limit */
    int state;           /* JS_*, under the pool's lock */
    /* built */
    int loaded;          /* data holds the input */
    buf data;
    int outcome;         /* OUT_* */
    int progress;        /* report progress after a failure */
    char *msg;           /* the failure */
    size_t len;
    char hash[65];
    doc d;
    store_unit *units;
    size_t nunits;
    buf norms;           /* the units' matching forms, one after another */
    claims_set *cs;
    int gen;             /* the taxonomy generation cs was tagged with */
} ingest_job;

/* The worker threads and the jobs in flight (ingest_pool.c). */
typedef struct ingest_pool {
    pthread_mutex_t mu;
    pthread_cond_t work;  /* a job was queued, or stop */
    pthread_cond_t done;  /* a job was built */
    ingest_job *head, *tail;  /* in input order */
    ingest_job *next;     /* the first job no thread has taken */
    size_t njobs, bytes, flight;
    int stop;
    size_t nthreads;
    pthread_t th[INGEST_MAX_JOBS];
    claims *cl[INGEST_MAX_JOBS];
    const ingest_opts *opts;
    /* a taxonomy change: each worker swaps its builder for fresh[i]
     * when its generation is behind gen */
    int gen;
    claims *fresh[INGEST_MAX_JOBS];
} ingest_pool;

/* A source written in the open batch: what to report and take back
 * from the counts should the batch be lost. */
typedef struct ingest_written {
    char *name;
    int kind;            /* WRITTEN_* */
    size_t units, claims;
} ingest_written;
enum { WRITTEN_ADDED, WRITTEN_REPLACED, WRITTEN_DUPLICATE };

typedef struct ingest_dirid {
    dev_t dev;
    ino_t ino;
} ingest_dirid;

/* The run: its arguments, and the state of each part (the file that
 * keeps it in brackets). */
typedef struct ingest {
    store *st;
    const ingest_opts *opts;
    const ingest_events *ev;
    ingest_stats *stats;
    char *fatal; /* a store failure that ends the run (no transaction) */
    ingest_pool pool;
    /* the open batch (ingest_batch.c) */
    int in_batch;
    size_t batch_files, batch_bytes;
    ingest_written *written;  /* the batch's sources so far */
    size_t nwritten, capwritten;
    /* units written in this batch and not yet indexed: id ranges */
    long long (*pending)[2];
    size_t npending, cappending;
    /* the sidecar of the folder last seen (ingest_inputs.c) */
    char *sc_dir;
    sidecar sc;
    /* folders whose sidecar had problems, reported once: a folder is
     * met again after each of its subfolders, and read again */
    char **sc_reported;
    size_t nsc_reported;
    /* the taxonomy in force when the batch began: its builder (opts'
     * until it changes), generation and hash (ingest_inputs.c) */
    claims *cl;
    int own_cl, gen;
    char tax_stamp[65];
    /* the walk (ingest_walk.c) */
    char *root;  /* the folder named on the command line being read (canonical), or NULL */
    ingest_dirid chain[INGEST_MAX_DEPTH];  /* folders on the current path, to detect symlink loops */
    int depth;
} ingest;

/* A file (or folder) could not be ingested: count it and tell. */
static inline void ingest_fail(ingest *in, const char *path, const char *msg)
{
    in->stats->failed++;
    if (in->ev && in->ev->fail) in->ev->fail(in->ev->ctx, path, msg);
}

/* ingest_walk.c */
/* Queue what path names (a file, a folder's files, or "-": standard
 * input), reporting what cannot be read in its place. */
void ingest_walk(ingest *in, const char *path);

/* ingest_write.c */
/* Queue job j (taking it), first writing the oldest jobs while too many
 * files or bytes are in flight. */
void ingest_queue(ingest *in, ingest_job *j);
/* Write every job still in flight. */
void ingest_write_all(ingest *in);

/* ingest_batch.c */
/* Index the units written in this batch so far (outside any savepoint).
 * A failure loses the batch (the caller's to report). */
int ingest_index_pending(ingest *in, char **err);
/* Note units first..last (a source's, just released) for indexing. */
void ingest_pend(ingest *in, long long first, long long last);
/* Record w (taking its name), a source of bytes bytes of input just
 * written, in its counts and the batch, and commit the batch when full. */
void ingest_batch_add(ingest *in, const ingest_written *w, size_t bytes);
/* Index the batch and commit it; KB_ERR: the batch was lost. */
int ingest_commit(ingest *in);
/* The open batch is gone (see ingest_batch.c): report its sources. */
void ingest_batch_lost(ingest *in, const char *why);
/* After a failed store call in the batch: report it lost if SQLite
 * rolled it back. */
void ingest_check_batch(ingest *in, const char *why);
void ingest_batch_free(ingest *in);

/* ingest_inputs.c */
/* Apply the sidecar entry for the file `base` in `dir`, if any. */
void ingest_apply_sidecar(ingest *in, const char *dir, const char *base, doc *d);
/* The hash of the sidecar row that applies to file name in dir, into
 * out; 0 when none does. */
int ingest_sidecar_stamp(ingest *in, const char *dir, const char *name, char out[65]);
/* Is j's file stored and unchanged?  1: yes; 0: it must be stored (*id:
 * its source, 0 if none yet); -1: a store error (in *err). */
int ingest_lookup(ingest *in, ingest_job *j, long long *id, char **err);
/* The stored hash of a file when the rest of what it was built from is
 * as now, else NULL (malloc'd). */
char *ingest_hint(ingest *in, const char *name, const char *file, const char *dir);
/* The name j's source goes by, being source id (0: a new one). */
int ingest_name(ingest *in, const ingest_job *j, long long id, const char **name, char **err);
/* At the start of a batch: follow a switch of the taxonomy in force. */
int ingest_taxonomy_check(ingest *in, char **err);
void ingest_inputs_free(ingest *in);

/* ingest_pool.c */
/* Start opts->jobs threads (see ingest_opts), each with a clone of cl
 * (NULL: no claims); with none, the writer builds every job itself. */
void ingest_pool_start(ingest_pool *p, const ingest_opts *opts, const claims *cl);
/* Would a job of weight bytes be one too many in flight? */
int ingest_pool_full(ingest_pool *p, size_t weight);
/* Queue j (taken) for a worker. */
void ingest_pool_push(ingest_pool *p, ingest_job *j);
/* The oldest job, built: by a worker, or here with builder cl (tagging
 * generation gen) if none has taken it.  The caller owns it (free with
 * ingest_job_free); NULL when there is none. */
ingest_job *ingest_pool_take(ingest_pool *p, claims *cl, int gen);
/* From now on the workers tag with a clone of cl, generation gen. */
void ingest_pool_retag(ingest_pool *p, const claims *cl, int gen);
/* Stop the threads (every job taken) and free the pool. */
void ingest_pool_stop(ingest_pool *p);

/* ingest_build.c */
/* The file size limit of o. */
size_t ingest_max_size(const ingest_opts *o);
/* The format a path's extension names, or -1. */
int ingest_format_of(const char *path);
/* Read a whole file, refusing more than max bytes. */
int ingest_read(int fd, size_t max, buf *out, char **err);
/* Everything about j that needs no store (see ingest_build.c). */
void ingest_build(ingest_job *j, const ingest_opts *o, claims *cl);
void ingest_job_free(ingest_job *j);  /* accepts NULL */

#endif
