/*
 * check_html_mem.c - libxml2's per-page arena: blocks keep their bytes
 * through realloc (in place, by copy, out to the heap), freed blocks are
 * used again, and heap blocks from before the arena are really freed
 * while it is active (valgrind and ASan see a leak otherwise), and a
 * thread's chunks serve its next page and go when the thread ends.
 */
#include <check.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "html_mem.h"
#include "testutil.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(seed + i * 7);
}

static int same(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7)) return 0;
    return 1;
}

START_TEST(test_realloc_keeps_bytes)
{
    html_mem m;
    html_mem_begin(&m);
    unsigned char *p = xmlMalloc(10);
    ck_assert_ptr_nonnull(p);
    fill(p, 10, 3);
    p = xmlRealloc(p, 100); /* the newest block: grows in place */
    ck_assert(same(p, 10, 3));
    fill(p, 100, 5);
    unsigned char *q = xmlMalloc(5);
    memset(q, 0xEE, 5);
    p = xmlRealloc(p, 300); /* no longer the newest: copied */
    ck_assert(same(p, 100, 5));
    ck_assert_int_eq(q[4], 0xEE);
    fill(p, 300, 9);
    p = xmlRealloc(p, 100000); /* large: out to the heap */
    ck_assert(same(p, 300, 9));
    fill(p, 100000, 11);
    p = xmlRealloc(p, 200000); /* and stays there */
    ck_assert(same(p, 100000, 11));
    xmlFree(p);
    xmlFree(q);
    html_mem_end(&m);
}
END_TEST

START_TEST(test_freed_blocks_are_reused)
{
    html_mem m;
    html_mem_begin(&m);
    void *a = xmlMalloc(40);
    void *b = xmlMalloc(40);
    xmlFree(a);
    void *c = xmlMalloc(33); /* same size class (40 rounds like 33) */
    ck_assert_ptr_eq(c, a);
    void *d = xmlMalloc(40); /* the class is empty again: a new block */
    ck_assert_ptr_ne(d, a);
    ck_assert_ptr_ne(d, b);
    char *s = xmlMemStrdup("an attribute value");
    ck_assert_str_eq(s, "an attribute value");
    html_mem_end(&m);
}
END_TEST

START_TEST(test_heap_blocks_freed_inside)
{
    html_mem_init();
    char *before = xmlMalloc(64); /* no arena: the heap */
    strcpy(before, "before");
    html_mem m;
    html_mem_begin(&m);
    char *grown = xmlRealloc(before, 128); /* a heap block stays one */
    ck_assert_str_eq(grown, "before");
    xmlFree(grown); /* really freed, or the memory checkers see a leak */
    html_mem_end(&m);
    char *after = xmlMalloc(16); /* the arena has gone: the heap again */
    strcpy(after, "after");
    xmlFree(after);
}
END_TEST

START_TEST(test_many_blocks_span_chunks)
{
    html_mem m;
    html_mem_begin(&m);
    enum { N = 20000 };
    unsigned char **p = malloc(N * sizeof *p);
    for (size_t i = 0; i < N; i++) {
        size_t n = 1 + i % 500;
        p[i] = xmlMalloc(n);
        fill(p[i], n, (unsigned)i);
    }
    for (size_t i = 0; i < N; i++) ck_assert(same(p[i], 1 + i % 500, (unsigned)i));
    for (size_t i = 0; i < N; i += 2) xmlFree(p[i]);
    free(p);
    html_mem_end(&m);
}
END_TEST

/* A page's chunks are kept for the thread's next page: its first block
 * is where the last page's was, even though the heap has meanwhile
 * handed out a block the size of a chunk (which would have taken the
 * chunk's memory had it been freed).  The kept chunks are bounded (a
 * page's arena of 6 MiB is not all kept), and a thread that ends gives
 * its chunks back (the memory checkers see a leak otherwise). */
START_TEST(test_chunks_kept_for_next_page)
{
    html_mem m;
    html_mem_begin(&m);
    unsigned char *first = xmlMalloc(100);
    fill(first, 100, 1);
    html_mem_end(&m);
    void *grab = malloc(64 << 10);
    ck_assert_ptr_nonnull(grab);
    html_mem_begin(&m);
    unsigned char *again = xmlMalloc(100);
    ck_assert_ptr_eq(again, first);
    fill(again, 100, 2);
    ck_assert(same(again, 100, 2));
    /* a big page: 6 MiB of blocks, in chunks of up to 4 MiB */
    for (size_t i = 0; i < 6 * 1024; i++) fill(xmlMalloc(1024), 1024, (unsigned)i);
    html_mem_end(&m);
    html_mem_begin(&m);
    ck_assert_ptr_eq(xmlMalloc(100), first);
    html_mem_end(&m);
    free(grab);
}
END_TEST

static void *page_in_thread(void *arg)
{
    html_mem m;
    html_mem_begin(&m);
    for (size_t i = 0; i < 1000; i++) fill(xmlMalloc(500), 500, (unsigned)i);
    html_mem_end(&m);
    *(int *)arg = 1;
    return NULL;
}

START_TEST(test_thread_gives_chunks_back)
{
    html_mem_init();
    int done = 0;
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, page_in_thread, &done), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    ck_assert_int_eq(done, 1);
}
END_TEST

static Suite *html_mem_suite(void)
{
    Suite *s = suite_create("html_mem");
    TCase *tc = tcase_create("arena");
    tcase_add_test(tc, test_realloc_keeps_bytes);
    tcase_add_test(tc, test_freed_blocks_are_reused);
    tcase_add_test(tc, test_heap_blocks_freed_inside);
    tcase_add_test(tc, test_many_blocks_span_chunks);
    tcase_add_test(tc, test_chunks_kept_for_next_page);
    tcase_add_test(tc, test_thread_gives_chunks_back);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(html_mem_suite());
}
