/*
 * html_mem.h - libxml2's memory while one page is parsed: an arena of the
 * calling thread, given back whole when the page is done (see html_mem.c).
 *
 *   html_mem m;
 *   html_mem_begin(&m);
 *   ... parse, walk, xmlFreeDoc, free the parser context ...
 *   html_mem_end(&m);
 *
 * Between begin and end, every block libxml2 allocates in this thread
 * lives until end, whatever libxml2 frees; nothing libxml2 allocated in
 * that time may be used after end.
 */
#ifndef KB_HTML_MEM_H
#define KB_HTML_MEM_H

#include <stddef.h>

typedef struct html_mem_chunk html_mem_chunk;

#define HTML_MEM_CLASSES 64 /* free lists, for blocks of up to 64 * 8 bytes */

typedef struct html_mem {
    html_mem_chunk *chunks; /* newest first */
    size_t next_size;
    void *spare[HTML_MEM_CLASSES]; /* freed blocks by size class */
} html_mem;

/* Installs the allocator into libxml2 and initializes libxml2 (once per
 * process).  Call before any other thread uses libxml2. */
void html_mem_init(void);

void html_mem_begin(html_mem *m);
void html_mem_end(html_mem *m);

#endif
