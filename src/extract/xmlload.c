/*
 * xmlload.c - libxml2, loaded the first time kb calls it rather than at
 * every start.
 *
 * Why: libxml2 brings ICU, libstdc++, liblzma and zlib with it, and the
 * dynamic loader maps and relocates all of them before main() whether
 * or not the command parses HTML: about 3 million instructions and 1 ms
 * per process, a quarter of a whole `kb search` (docs/benchmarks.md).
 * Only `kb ingest` parses HTML.
 *
 * How: the Makefile links kb with -Wl,--wrap=NAME for each libxml2
 * symbol kb uses (html.c, html_mem.c, charset.c, ingest.c call them by
 * their usual names), so the linker sends those references to the
 * __wrap_NAME definitions below, and with --as-needed, so libxml2 is
 * not among the libraries kb needs at start-up (`readelf -d kb` does
 * not list it).  The first call opens libxml2 with dlopen() under the
 * soname of the headers kb was compiled with, looks every symbol up
 * once, and each wrapper then calls the real function.  A libxml2
 * symbol kb starts using belongs in XMLLOAD_FUNCS and in the Makefile's
 * --wrap list; one missing from both still works, but brings libxml2
 * back into every start.
 *
 * The test programs, the fuzz harnesses and any build whose LDFLAGS are
 * set on the command line (`make asan`) link libxml2 the usual way and
 * never call into this file.
 *
 * A libxml2 that cannot be loaded ends kb as the dynamic loader would
 * have at start-up: a message and exit status 127.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlversion.h>

/* libxml2 2.14 changed its soname. */
#if LIBXML_VERSION >= 21400
#define XMLLOAD_SONAME "libxml2.so.16"
#else
#define XMLLOAD_SONAME "libxml2.so.2"
#endif

/* Every libxml2 function kb calls (xmlGenericError is a macro calling
 * __xmlGenericError). */
#define XMLLOAD_FUNCS(X)                                                     \
    X(htmlCtxtReadMemory) X(htmlFreeParserCtxt) X(htmlNewParserCtxt)         \
    X(xmlCharEncCloseFunc) X(xmlCtxtGetLastError) X(xmlDocGetRootElement)    \
    X(xmlFindCharEncodingHandler) X(xmlFreeDoc) X(xmlInitParser)             \
    X(xmlMemSetup) X(xmlResetLastError) X(xmlSetGenericErrorFunc)            \
    X(__xmlGenericError) X(__xmlGenericErrorContext)

/* The real functions, typed by libxml2's own prototypes. */
static struct xmlload_lib {
#define XMLLOAD_FIELD(name) __typeof__(&name) name;
    XMLLOAD_FUNCS(XMLLOAD_FIELD)
#undef XMLLOAD_FIELD
} xmlload_lib;

static pthread_once_t xmlload_once = PTHREAD_ONCE_INIT;

/* The one libxml2 variable kb reads, in html.c's message for a page
 * nested too deep: the Makefile makes xmlParserMaxDepth another name
 * for this copy (--defsym; ld 2.40 crashes on --wrap of a variable),
 * taken when the library is loaded, which is before any parse. */
unsigned int xmlload_max_depth;

static void xmlload_fail(void)
{
    fprintf(stderr, "kb: cannot load libxml2: %s\n", dlerror());
    exit(127);
}

static void *xmlload_sym(void *h, const char *name)
{
    void *p = dlsym(h, name);
    if (!p) xmlload_fail();
    return p;
}

static void xmlload_open(void)
{
    void *h = dlopen(XMLLOAD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) xmlload_fail();
#define XMLLOAD_SYM(name) xmlload_lib.name = (__typeof__(&name))xmlload_sym(h, #name);
    XMLLOAD_FUNCS(XMLLOAD_SYM)
#undef XMLLOAD_SYM
    xmlload_max_depth = *(const unsigned int *)xmlload_sym(h, "xmlParserMaxDepth");
}

/* The library, loaded on the first call from any thread. */
static const struct xmlload_lib *xmlload(void)
{
    pthread_once(&xmlload_once, xmlload_open);
    return &xmlload_lib;
}

htmlDocPtr __wrap_htmlCtxtReadMemory(htmlParserCtxtPtr ctxt, const char *buffer, int size, const char *url,
                                     const char *encoding, int options)
{
    return xmlload()->htmlCtxtReadMemory(ctxt, buffer, size, url, encoding, options);
}

void __wrap_htmlFreeParserCtxt(htmlParserCtxtPtr ctxt) { xmlload()->htmlFreeParserCtxt(ctxt); }

htmlParserCtxtPtr __wrap_htmlNewParserCtxt(void) { return xmlload()->htmlNewParserCtxt(); }

int __wrap_xmlCharEncCloseFunc(xmlCharEncodingHandler *handler)
{
    return xmlload()->xmlCharEncCloseFunc(handler);
}

__typeof__(xmlCtxtGetLastError(NULL)) __wrap_xmlCtxtGetLastError(void *ctx)
{
    return xmlload()->xmlCtxtGetLastError(ctx);
}

xmlNodePtr __wrap_xmlDocGetRootElement(const xmlDoc *doc) { return xmlload()->xmlDocGetRootElement(doc); }

xmlCharEncodingHandlerPtr __wrap_xmlFindCharEncodingHandler(const char *name)
{
    return xmlload()->xmlFindCharEncodingHandler(name);
}

void __wrap_xmlFreeDoc(xmlDocPtr doc) { xmlload()->xmlFreeDoc(doc); }

void __wrap_xmlInitParser(void) { xmlload()->xmlInitParser(); }

int __wrap_xmlMemSetup(xmlFreeFunc free_fn, xmlMallocFunc malloc_fn, xmlReallocFunc realloc_fn,
                       xmlStrdupFunc strdup_fn)
{
    return xmlload()->xmlMemSetup(free_fn, malloc_fn, realloc_fn, strdup_fn);
}

void __wrap_xmlResetLastError(void) { xmlload()->xmlResetLastError(); }

void __wrap_xmlSetGenericErrorFunc(void *ctx, xmlGenericErrorFunc handler)
{
    xmlload()->xmlSetGenericErrorFunc(ctx, handler);
}

xmlGenericErrorFunc *__wrap___xmlGenericError(void) { return xmlload()->__xmlGenericError(); }

void **__wrap___xmlGenericErrorContext(void) { return xmlload()->__xmlGenericErrorContext(); }
