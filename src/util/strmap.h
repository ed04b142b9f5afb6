/*
 * strmap.h - a hash map from byte strings to numbers, for the look-ups
 * and de-duplications whose cost must grow linearly with their input
 * (the variants of an alias list, the terms of a query) where a scan of
 * what came before would make it grow with its square.
 *
 * Open addressing over FNV-1a hashes, grown at half full.  Keys are
 * copied into the map (any bytes, NUL included); values are the
 * caller's, typically an index into an array of its own.
 */
#ifndef KB_STRMAP_H
#define KB_STRMAP_H

#include <stddef.h>

typedef struct strmap strmap;

strmap *strmap_new(void);
void strmap_free(strmap *m);   /* accepts NULL */
size_t strmap_count(const strmap *m);

/* Add key[0..n) with value v unless it is present.  Returns 1 when it
 * was added; 0 when it was there, with its value in *old (if not
 * NULL), unchanged. */
int strmap_add(strmap *m, const char *key, size_t n, size_t v, size_t *old);

/* 1 and the value in *v (if not NULL) when key[0..n) is present. */
int strmap_get(const strmap *m, const char *key, size_t n, size_t *v);

/* The hash strmap uses, computed piecewise: strmap_hash(STRMAP_HASH0,
 * "ab", 2) equals strmap_hash(strmap_hash(STRMAP_HASH0, "a", 1), "b", 1),
 * so a caller can hash every prefix of a key in one pass and look each
 * up with strmap_get_hashed. */
#define STRMAP_HASH0 ((size_t)14695981039346656037ull)
size_t strmap_hash(size_t h, const char *s, size_t n);
int strmap_get_hashed(const strmap *m, const char *key, size_t n, size_t h, size_t *v);

#endif
