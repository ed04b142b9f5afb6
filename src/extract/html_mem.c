/*
 * html_mem.c - libxml2's memory while one page is parsed: an arena.
 *
 * Building a page's tree makes a malloc for every element, attribute and
 * text node, and freeing it a free for each, plus glibc's consolidation
 * of the freed chunks: a large share of the ingest's work.  While a page
 * is parsed, walked and freed, libxml2's allocator (xmlMemSetup) takes memory from an arena of
 * the calling thread instead: an allocation is a pointer bump, a free
 * does nothing, and the whole arena goes at once when the page is done.
 *
 * Outside html_mem_begin/end, or in a thread with no arena, the hooks
 * are plain malloc/free/realloc/strdup, so libxml2's own set-up (and any
 * block allocated before the arena began) lives and dies on the heap:
 * a free looks up whether the block is inside one of the arena's chunks.
 */
#include "html_mem.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HM_FIRST_CHUNK ((size_t)64 << 10)  /* doubles up to HM_MAX_CHUNK */
#define HM_MAX_CHUNK ((size_t)64 << 20)
/* libxml2's blocks hold pointers, integers and strings: 8 bytes of
 * alignment (and of header) waste less than malloc's 16 */
#define HM_ALIGN ((size_t)8)
/* Blocks this large (the page's input buffer, long text being built)
 * stay on the heap, where a free or a realloc gives memory back: in the
 * arena every realloc would leave the old copy behind. */
#define HM_LARGE ((size_t)32 << 10)

struct html_mem_chunk {
    html_mem_chunk *next;
    char *start, *end; /* the usable bytes */
    char *used;        /* first free byte */
};

typedef struct hm_head {
    size_t size;
} hm_head;

/* Each block starts with its size, for realloc; a freed block of up to
 * HM_CLASSES * HM_ALIGN bytes goes on the free list of its size class
 * and is used again: the parser frees as it goes (each attribute value
 * is copied into the tree, then freed), and without reuse a page's
 * arena would grow well past the size of its tree. */

static _Thread_local html_mem *hm_cur;
static pthread_once_t hm_once = PTHREAD_ONCE_INIT;

/* A thread's chunks outlive its page, up to HM_KEEP bytes, smallest
 * first, and its next page starts in them: a fresh chunk of a megabyte
 * or more is a new mapping of its own (over malloc's mmap threshold)
 * whose every page faults in zeroed.  The thread's key gives them back
 * when it ends. */
#define HM_KEEP ((size_t)4 << 20)
static _Thread_local html_mem_chunk *hm_kept;
static pthread_key_t hm_key;
static int hm_key_ok;

static html_mem_chunk *hm_find(const html_mem *m, const void *p)
{
    const char *c = p;
    for (html_mem_chunk *k = m->chunks; k; k = k->next)
        if (c >= k->start && c < k->used) return k;
    return NULL;
}

/* A fresh chunk able to hold need bytes.  Chunks double in size: a
 * chunk's untouched pages cost no memory, and few chunks keep hm_find
 * short. */
static html_mem_chunk *hm_grow(html_mem *m, size_t need)
{
    size_t size = m->next_size ? m->next_size : HM_FIRST_CHUNK;
    if (size < need) size = need;
    html_mem_chunk *k = hm_kept;
    if (k && (size_t)(k->end - k->start) >= need) {
        hm_kept = k->next;
        size = (size_t)(k->end - k->start);
    } else {
        if ((k = malloc(sizeof *k + HM_ALIGN + size)) == NULL) return NULL;
        uintptr_t a = ((uintptr_t)(k + 1) + HM_ALIGN - 1) & ~(uintptr_t)(HM_ALIGN - 1);
        k->start = (char *)a;
        k->end = k->start + size;
    }
    k->used = k->start;
    k->next = m->chunks;
    m->chunks = k;
    m->next_size = size < HM_MAX_CHUNK / 2 ? size * 2 : HM_MAX_CHUNK;
    return k;
}

/* The size class of a block of n bytes, HTML_MEM_CLASSES if none. */
static size_t hm_class(size_t n)
{
    size_t c = (n + HM_ALIGN - 1) / HM_ALIGN;
    return c < HTML_MEM_CLASSES ? c : HTML_MEM_CLASSES;
}

static void *hm_alloc(html_mem *m, size_t n)
{
    if (n > SIZE_MAX - sizeof(hm_head) - HM_ALIGN) return NULL;
    size_t c = hm_class(n);
    if (c < HTML_MEM_CLASSES && m->spare[c]) {
        hm_head *h = m->spare[c];
        m->spare[c] = *(void **)(h + 1);
        h->size = n;
        return h + 1;
    }
    /* a block is rounded up to its class, so any block of the class
     * can take its place */
    size_t need = sizeof(hm_head) + (c < HTML_MEM_CLASSES ? c * HM_ALIGN : n);
    need = (need + HM_ALIGN - 1) & ~(HM_ALIGN - 1);
    html_mem_chunk *k = m->chunks; /* the newest */
    if (!k || (size_t)(k->end - k->used) < need) {
        if ((k = hm_grow(m, need)) == NULL) return NULL;
    }
    hm_head *h = (hm_head *)(void *)k->used;
    k->used += need;
    h->size = n;
    return h + 1;
}

static void *hm_malloc(size_t n)
{
    html_mem *m = hm_cur;
    return m && n < HM_LARGE ? hm_alloc(m, n) : malloc(n);
}

/* Put p, a block of m, on its free list (a large one stays unused). */
static void hm_release(html_mem *m, void *p)
{
    hm_head *h = (hm_head *)p - 1;
    size_t c = hm_class(h->size);
    if (c == 0 || c >= HTML_MEM_CLASSES) return;
    *(void **)p = m->spare[c];
    m->spare[c] = h;
}

static void hm_free(void *p)
{
    html_mem *m = hm_cur;
    if (!p) return;
    if (m && hm_find(m, p)) hm_release(m, p);
    else free(p);
}

static void *hm_realloc(void *p, size_t n)
{
    html_mem *m = hm_cur;
    if (!p) return hm_malloc(n);
    if (!m || !hm_find(m, p)) return realloc(p, n);
    hm_head *h = (hm_head *)p - 1;
    size_t old = h->size;
    if (n <= old) {
        h->size = n;
        return p;
    }
    /* the newest block grows where it is, if its chunk has room */
    html_mem_chunk *k = m->chunks;
    size_t have = (sizeof(hm_head) + old + HM_ALIGN - 1) & ~(HM_ALIGN - 1);
    size_t need = (sizeof(hm_head) + n + HM_ALIGN - 1) & ~(HM_ALIGN - 1);
    if (n < HM_LARGE && (char *)h + have == k->used && (size_t)(k->end - (char *)h) >= need) {
        k->used = (char *)h + need;
        h->size = n;
        return p;
    }
    void *q = n < HM_LARGE ? hm_alloc(m, n) : malloc(n);
    if (q) {
        memcpy(q, p, old);
        hm_release(m, p);
    }
    return q;
}

static char *hm_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = hm_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static void hm_free_chunks(html_mem_chunk *k)
{
    for (html_mem_chunk *next; k; k = next) {
        next = k->next;
        free(k);
    }
}

static void hm_thread_end(void *kept)
{
    hm_free_chunks(kept);
}

/* libxml2's globals (encoding handlers, locks) are set up here, on the
 * heap: set up lazily inside a page's arena, they would go with it. */
static void hm_setup(void)
{
    xmlMemSetup(hm_free, hm_malloc, hm_realloc, hm_strdup);
    xmlInitParser();
    /* without the key the chunks are not kept */
    hm_key_ok = pthread_key_create(&hm_key, hm_thread_end) == 0;
}

void html_mem_init(void)
{
    pthread_once(&hm_once, hm_setup);
}

void html_mem_begin(html_mem *m)
{
    html_mem_init();
    memset(m, 0, sizeof *m);
    hm_cur = m;
}

void html_mem_end(html_mem *m)
{
    /* The thread's last libxml2 error holds copies of its message and
     * file name, made in the arena: let go of them while freeing them
     * is still a no-op, or the next reset would free arena memory. */
    xmlResetLastError();
    hm_cur = NULL;
    /* Oldest (smallest) first, then what the page left unused. */
    html_mem_chunk *all = hm_kept;
    for (html_mem_chunk *k = m->chunks, *next; k; k = next) {
        next = k->next;
        k->next = all;
        all = k;
    }
    m->chunks = NULL;
    hm_kept = NULL;
    html_mem_chunk **tail = &hm_kept;
    size_t kept = 0;
    while (hm_key_ok && all && kept + (size_t)(all->end - all->start) <= HM_KEEP) {
        kept += (size_t)(all->end - all->start);
        *tail = all;
        tail = &all->next;
        all = all->next;
    }
    *tail = NULL;
    hm_free_chunks(all);
    /* the key's value is what its destructor frees when the thread ends */
    if (hm_key_ok && pthread_setspecific(hm_key, hm_kept) != 0) {
        hm_free_chunks(hm_kept);
        hm_kept = NULL;
    }
}
