/*
 * fuzz_html.c - libFuzzer harness for html_extract, html_extract_whole
 * and html_sniff (html.h): any bytes, as `kb ingest` hands a file's
 * contents over (it uses html_extract_whole).  On KB_OK the doc must
 * keep doc.h's promises (fuzz_check_doc) and its text must be valid
 * UTF-8 without NUL bytes (it is stored as SQLite text and printed by
 * `kb show`); on KB_ERR there must be a message.  When the whole page
 * was read, both functions must give the same doc.
 */
#include <string.h>

#include "fuzz.h"
#include "html.h"
#include "util.h"

static int fuzz_extract(int whole, const char *in, size_t size, doc *d)
{
    char *err = NULL;
    doc_init(d, DOC_HTML);
    int rc = whole ? html_extract_whole(in, size, d, &err) : html_extract(in, size, d, &err);
    if (rc == KB_OK) {
        FUZZ_CHECK(err == NULL);
        fuzz_check_doc(d);
        FUZZ_CHECK(norm_valid_utf8(d->text, d->len, NULL));
        FUZZ_CHECK(memchr(d->text, '\0', d->len) == NULL);
    } else {
        FUZZ_CHECK(rc == KB_ERR && err != NULL);
    }
    free(err);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    (void)html_sniff(in, size);
    doc part, whole;
    int rp = fuzz_extract(0, in, size, &part);
    int rw = fuzz_extract(1, in, size, &whole);
    if (rw == KB_OK) {
        FUZZ_CHECK(rp == KB_OK);
        FUZZ_CHECK(part.len == whole.len && memcmp(part.text, whole.text, part.len) == 0);
        FUZZ_CHECK(part.nblocks == whole.nblocks);
    }
    doc_free(&part);
    doc_free(&whole);
    return 0;
}
