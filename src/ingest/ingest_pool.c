/*
 * ingest_pool.c - the worker threads and the jobs in flight.
 *
 * Jobs are queued in input order and taken by the workers oldest first;
 * the writer takes them back in the same order, each once it is built,
 * building it itself when no worker has taken it yet (and always when
 * there are no workers).  Each worker has a claims builder of its own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "html_mem.h"
#include "ingest_int.h"
#include "util.h"

/* Files in flight (queued, being built, or built and waiting for the
 * writer): at most INGEST_FLIGHT_PER_JOB per worker thread, plus 2, and
 * together at most INGEST_FLIGHT_BYTES of input unless a single file is
 * larger: then it is alone.  With the HTML limit this keeps the peak of
 * several files at about that of one. */
#define INGEST_FLIGHT_BYTES INGEST_MAX_HTML
#define INGEST_FLIGHT_PER_JOB 12

/* The first job from j on that is waiting to be built (walk failures
 * need no building), or NULL.  Under the pool's lock. */
static ingest_job *ingest_waiting(ingest_job *j)
{
    while (j && j->state != JS_QUEUED) j = j->next;
    return j;
}

/* A worker: build the oldest job no one has taken, until told to stop. */
static void *ingest_worker(void *arg)
{
    ingest_pool *p = ((void **)arg)[0];
    claims *cl = ((void **)arg)[1];
    size_t me = (size_t)(uintptr_t)((void **)arg)[2];
    int gen = 0;
    free(arg);
    /* The writer is the one serial stage and, with every core busy, the
     * one that sets the pace: the workers yield to it. */
    kb_thread_nice(10);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->next && !p->stop) pthread_cond_wait(&p->work, &p->mu);
        if (!p->next) break;
        ingest_job *j = p->next;
        p->next = ingest_waiting(j->next);
        j->state = JS_RUNNING;
        if (gen != p->gen && p->fresh[me]) {
            /* the taxonomy changed (ingest_pool_retag) */
            claims_free(cl);
            cl = p->cl[me] = p->fresh[me];
            p->fresh[me] = NULL;
            gen = p->gen;
        }
        pthread_mutex_unlock(&p->mu);
        ingest_build(j, p->opts, cl);
        j->gen = gen;
        pthread_mutex_lock(&p->mu);
        j->state = JS_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

void ingest_pool_start(ingest_pool *p, const ingest_opts *opts, const claims *cl)
{
    p->opts = opts;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    long want = opts->jobs;
    if (want <= 0) {
        want = sysconf(_SC_NPROCESSORS_ONLN);
        if (want < 1) want = 1;
    }
    if (want > INGEST_MAX_JOBS) want = INGEST_MAX_JOBS;
    if (want > 1) {
        html_mem_init(); /* libxml2's allocator and globals, in this thread */
        for (long i = 0; i < want; i++) {
            claims *wcl = NULL;
            char *e = NULL;
            if (cl && claims_clone(cl, &wcl, &e)) {
                free(e);
                break;
            }
            void **arg = kb_malloc(3 * sizeof *arg);
            arg[0] = p;
            arg[1] = wcl;
            arg[2] = (void *)(uintptr_t)p->nthreads;
            if (pthread_create(&p->th[p->nthreads], NULL, ingest_worker, arg) != 0) {
                free(arg);
                claims_free(wcl);
                break;
            }
            p->cl[p->nthreads++] = wcl;
        }
    }
    /* A slow file (a large page takes a worker a good part of a second)
     * must not leave the other workers idle and then the writer waiting,
     * so each worker may have several files queued; the byte limit
     * bounds their memory whatever the count. */
    p->flight = p->nthreads ? INGEST_FLIGHT_PER_JOB * p->nthreads + 2 : 1;
}

int ingest_pool_full(ingest_pool *p, size_t weight)
{
    pthread_mutex_lock(&p->mu);
    int full = p->njobs >= p->flight || (p->njobs && p->bytes + weight > INGEST_FLIGHT_BYTES);
    pthread_mutex_unlock(&p->mu);
    return full;
}

void ingest_pool_push(ingest_pool *p, ingest_job *j)
{
    pthread_mutex_lock(&p->mu);
    j->state = j->kind == JOB_FAIL ? JS_DONE : JS_QUEUED;
    if (p->tail) p->tail->next = j;
    else p->head = j;
    p->tail = j;
    if (j->state == JS_QUEUED && !p->next) p->next = j;
    p->njobs++;
    p->bytes += j->weight;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
}

ingest_job *ingest_pool_take(ingest_pool *p, claims *cl, int gen)
{
    pthread_mutex_lock(&p->mu);
    ingest_job *j = p->head;
    while (j && j->state != JS_DONE) {
        if (j->state == JS_QUEUED) {
            /* the oldest job is the first one not taken */
            p->next = ingest_waiting(j->next);
            j->state = JS_RUNNING;
            pthread_mutex_unlock(&p->mu);
            ingest_build(j, p->opts, cl);
            j->gen = gen;
            pthread_mutex_lock(&p->mu);
            j->state = JS_DONE;
        } else {
            pthread_cond_wait(&p->done, &p->mu);
        }
    }
    if (j) {
        p->head = j->next;
        if (!p->head) p->tail = NULL;
        p->njobs--;
        p->bytes -= j->weight;
    }
    pthread_mutex_unlock(&p->mu);
    return j;
}

void ingest_pool_retag(ingest_pool *p, const claims *cl, int gen)
{
    pthread_mutex_lock(&p->mu);
    for (size_t i = 0; i < p->nthreads; i++) {
        char *e = NULL;
        claims_free(p->fresh[i]);
        p->fresh[i] = NULL;
        /* without a clone the worker keeps its builder, and the writer
         * tags what it builds again (ingest_write.c) */
        if (claims_clone(cl, &p->fresh[i], &e)) free(e);
    }
    p->gen = gen;
    pthread_mutex_unlock(&p->mu);
}

void ingest_pool_stop(ingest_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < p->nthreads; i++) {
        pthread_join(p->th[i], NULL);
        claims_free(p->cl[i]);
        claims_free(p->fresh[i]);
    }
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
}
