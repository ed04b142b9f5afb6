/*
 * report_quote.c - the quote a report picks for a source among its
 * claims on one point (report.h's rule): one that names the subject,
 * then one that ends like a sentence, then one of 24 to 300 bytes, then
 * the shortest; ties keep the first in document order.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"

/* s lower-cased with everything but letters and digits dropped (bytes
 * >= 0x80 kept), so "Node.js", "NodeJS" and "node js" all read "nodejs". */
static char *rep_squash(const char *s, size_t n, size_t *len)
{
    char *o = kb_malloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') o[k++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) o[k++] = (char)c;
    }
    o[k] = '\0';
    *len = k;
    return o;
}

static int rep_names(const char *text, size_t len, const char *subject)
{
    size_t nl, hl;
    char *needle = rep_squash(subject, strlen(subject), &nl);
    char *hay = rep_squash(text, len, &hl);
    int found = nl > 0 && kb_memmem(hay, hl, needle, nl) != NULL;
    free(needle);
    free(hay);
    return found;
}

/* Does the claim end like a sentence (the report does not carry the
 * claim's kind, so table cells and bare list items are told by their
 * ending)? */
static int rep_sentence_end(const char *text, size_t n)
{
    if (n >= 3 && memcmp(text + n - 3, "\xe2\x80\x9d", 3) == 0) return 1;   /* ” */
    return n > 0 && text[n - 1] && strchr(".!?;)\"'", text[n - 1]) != NULL;
}

int rep_better_quote(const char *a, size_t alen, const char *b, size_t blen, const char *subject)
{
    int x = rep_names(a, alen, subject), y = rep_names(b, blen, subject);
    if (x != y) return x > y;
    x = rep_sentence_end(a, alen);
    y = rep_sentence_end(b, blen);
    if (x != y) return x > y;
    x = alen >= 24 && alen <= 300;
    y = blen >= 24 && blen <= 300;
    if (x != y) return x > y;
    if (alen != blen) return alen < blen;
    return 0;   /* equal: the first in document order stays */
}
