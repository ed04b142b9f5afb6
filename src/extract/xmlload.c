/*
 * xmlload.c - libxml2, loaded the first time kb calls it rather than at
 * every start.
 *
 * Why: libxml2 brings ICU, libstdc++, liblzma and zlib with it, and the
 * dynamic loader maps and relocates all of them before main() whether
 * or not the command parses HTML: about 3 million instructions and 1 ms
 * per process, nearly half of a whole `kb search` (docs/benchmarks.md).
 * Only `kb ingest` parses HTML.
 *
 * How: html.c, html_mem.c, charset.c and ingest.c call libxml2 by its
 * usual names.  For kb itself the Makefile reads this file's object:
 * each __wrap_NAME defined below becomes -Wl,--wrap=NAME, which sends
 * kb's calls to NAME here, and each xmlload_var_NAME becomes
 * -Wl,--defsym=NAME=xmlload_var_NAME; with --as-needed, libxml2 is then
 * not among the libraries kb needs at start-up, and the Makefile fails
 * the build, naming the function, if a call to libxml2 is left that no
 * wrapper takes.  The first call opens libxml2 with dlopen() under the
 * soname of the headers kb was compiled with, looks every symbol up
 * once, and each wrapper then calls the real function.  So a libxml2
 * function kb starts using needs an entry in XMLLOAD_FUNCS and a
 * wrapper here, and nothing else.
 *
 * `readelf -d kb` cannot list a library opened with dlopen(); the
 * dependency is stated in an ELF note instead (xmlload_note below).
 *
 * The test programs, the fuzz harnesses and `make XMLLOAD=no` link
 * libxml2 the usual way and never call into this file.
 *
 * A libxml2 that cannot be loaded ends kb as the dynamic loader would
 * have at start-up: a message and exit status 127.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
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

/* Every libxml2 function kb calls, each with its __wrap_ below
 * (xmlGenericError is a macro calling __xmlGenericError). */
/* clang-format off */
#define XMLLOAD_FUNCS(X)                                                     \
    X(htmlCtxtReadMemory) X(htmlFreeParserCtxt) X(htmlNewParserCtxt)         \
    X(xmlCharEncCloseFunc) X(xmlCtxtGetLastError) X(xmlDocGetRootElement)    \
    X(xmlFindCharEncodingHandler) X(xmlFreeDoc) X(xmlInitParser)             \
    X(xmlMemSetup) X(xmlResetLastError) X(xmlSetGenericErrorFunc)            \
    X(__xmlGenericError) X(__xmlGenericErrorContext)
/* clang-format on */

/* The real functions, typed by libxml2's own prototypes. */
static struct xmlload_lib {
#define XMLLOAD_FIELD(name) __typeof__(&name) name;
    XMLLOAD_FUNCS(XMLLOAD_FIELD)
#undef XMLLOAD_FIELD
} xmlload_lib;

/* Every libxml2 variable kb reads (xmlParserMaxDepth: html.c's message
 * for a page nested too deep).  Each is a copy, xmlload_var_NAME, taken
 * when the library is loaded, which is before any parse; the Makefile
 * makes NAME another name for it (--defsym, because GNU ld 2.40 crashes
 * on --wrap of a variable built with -g). */
#define XMLLOAD_VARS(X) X(xmlParserMaxDepth)

#define XMLLOAD_VAR(name) __typeof__(name) xmlload_var_##name;
XMLLOAD_VARS(XMLLOAD_VAR)
#undef XMLLOAD_VAR

/* The dependency, for `readelf -n kb` and the packaging tools that read
 * dlopen notes (systemd's ELF dlopen metadata: owner "FDO", type
 * 0x407c0c0a, a JSON description). */
#define XMLLOAD_NOTE_JSON                                                                                              \
    "[{\"feature\":\"html\",\"description\":\"reading HTML pages (kb ingest)\","                                       \
    "\"priority\":\"required\",\"soname\":[\"" XMLLOAD_SONAME "\"]}]"
#ifdef __clang__
#define XMLLOAD_NOTE_PLAIN __attribute__((no_sanitize("address"))) /* no ASan red zone padding the note */
#else
#define XMLLOAD_NOTE_PLAIN /* gcc's ASan leaves variables in a named section alone */
#endif
XMLLOAD_NOTE_PLAIN __attribute__((used, section(".note.dlopen"), aligned(4))) static const struct {
    uint32_t namesz, descsz, type;
    char name[4];
    char desc[(sizeof XMLLOAD_NOTE_JSON + 3) / 4 * 4];
} xmlload_note = {4, sizeof XMLLOAD_NOTE_JSON, 0x407c0c0a, "FDO", XMLLOAD_NOTE_JSON};

static pthread_once_t xmlload_once = PTHREAD_ONCE_INIT;

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
#define XMLLOAD_VAR(name) xmlload_var_##name = *(const __typeof__(name) *)xmlload_sym(h, #name);
    XMLLOAD_VARS(XMLLOAD_VAR)
#undef XMLLOAD_VAR
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

void __wrap_htmlFreeParserCtxt(htmlParserCtxtPtr ctxt)
{
    xmlload()->htmlFreeParserCtxt(ctxt);
}

htmlParserCtxtPtr __wrap_htmlNewParserCtxt(void)
{
    return xmlload()->htmlNewParserCtxt();
}

int __wrap_xmlCharEncCloseFunc(xmlCharEncodingHandler *handler)
{
    return xmlload()->xmlCharEncCloseFunc(handler);
}

__typeof__(xmlCtxtGetLastError(NULL)) __wrap_xmlCtxtGetLastError(void *ctx)
{
    return xmlload()->xmlCtxtGetLastError(ctx);
}

xmlNodePtr __wrap_xmlDocGetRootElement(const xmlDoc *doc)
{
    return xmlload()->xmlDocGetRootElement(doc);
}

xmlCharEncodingHandlerPtr __wrap_xmlFindCharEncodingHandler(const char *name)
{
    return xmlload()->xmlFindCharEncodingHandler(name);
}

void __wrap_xmlFreeDoc(xmlDocPtr doc)
{
    xmlload()->xmlFreeDoc(doc);
}

void __wrap_xmlInitParser(void)
{
    xmlload()->xmlInitParser();
}

int __wrap_xmlMemSetup(xmlFreeFunc free_fn, xmlMallocFunc malloc_fn, xmlReallocFunc realloc_fn, xmlStrdupFunc strdup_fn)
{
    return xmlload()->xmlMemSetup(free_fn, malloc_fn, realloc_fn, strdup_fn);
}

void __wrap_xmlResetLastError(void)
{
    xmlload()->xmlResetLastError();
}

void __wrap_xmlSetGenericErrorFunc(void *ctx, xmlGenericErrorFunc handler)
{
    xmlload()->xmlSetGenericErrorFunc(ctx, handler);
}

xmlGenericErrorFunc *__wrap___xmlGenericError(void)
{
    return xmlload()->__xmlGenericError();
}

void **__wrap___xmlGenericErrorContext(void)
{
    return xmlload()->__xmlGenericErrorContext();
}
