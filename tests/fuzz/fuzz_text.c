/*
 * fuzz_text.c - libFuzzer harness for text_extract (text.h), plain text
 * and Markdown rules on the same bytes, as `kb ingest` hands a .txt or
 * .md file over.  On KB_OK the doc's text must be the input unchanged
 * (offsets are offsets into the file) and keep doc.h's promises
 * (fuzz_check_doc); KB_ERR must come with a message and only for what
 * text.h lists: input that is not valid UTF-8, holds a NUL byte, or
 * whose section paths would outgrow it.
 */
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    int clean = norm_valid_utf8(in, size, NULL) && memchr(in, '\0', size) == NULL;
    for (int markdown = 0; markdown <= 1; markdown++) {
        doc d;
        doc_init(&d, DOC_TEXT);
        char *err = NULL;
        int rc = text_extract(in, size, markdown, &d, &err);
        if (rc == KB_OK) {
            FUZZ_CHECK(clean);
            FUZZ_CHECK(err == NULL);
            FUZZ_CHECK(d.format == (markdown ? DOC_MARKDOWN : DOC_TEXT));
            FUZZ_CHECK(d.len == size);
            FUZZ_CHECK(size == 0 || memcmp(d.text, in, size) == 0);
            fuzz_check_doc(&d);
        } else {
            FUZZ_CHECK(rc == KB_ERR && err != NULL);
            FUZZ_CHECK(!clean || strstr(err, "section paths") != NULL);
        }
        free(err);
        doc_free(&d);
    }
    return 0;
}
