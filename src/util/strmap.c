/*
 * strmap.c - a hash map from byte strings to numbers; see strmap.h.
 *
 * Entries sit in one array in insertion order, their keys end to end in
 * one buffer (offsets, since the buffer moves as it grows); the slot
 * table holds entry index + 1 (0 is empty) and is probed linearly.
 * Each entry keeps its full hash, so growing never rehashes a key and a
 * probe compares bytes only when the hashes are equal.
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

typedef struct strmap_entry {
    size_t off, len;   /* the key: keys.data[off .. off+len) */
    size_t hash;
    size_t value;
} strmap_entry;

struct strmap {
    buf keys;
    strmap_entry *ent;
    size_t n, cap;
    size_t *slot;
    size_t nslot;      /* a power of two, at least twice n */
};

strmap *strmap_new(void)
{
    strmap *m = kb_calloc(1, sizeof *m);
    m->nslot = 64;
    m->slot = kb_calloc(m->nslot, sizeof *m->slot);
    return m;
}

void strmap_free(strmap *m)
{
    if (!m) return;
    buf_free(&m->keys);
    free(m->ent);
    free(m->slot);
    free(m);
}

size_t strmap_count(const strmap *m)
{
    return m->n;
}

size_t strmap_hash(size_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ull;
    return h;
}

/* The slot that holds key, or the empty slot where it would go. */
static size_t strmap_find(const strmap *m, const char *key, size_t n, size_t h)
{
    size_t mask = m->nslot - 1, i = h & mask;
    while (m->slot[i]) {
        const strmap_entry *e = &m->ent[m->slot[i] - 1];
        if (e->hash == h && e->len == n && (n == 0 || memcmp(m->keys.data + e->off, key, n) == 0)) return i;
        i = (i + 1) & mask;
    }
    return i;
}

static void strmap_grow(strmap *m)
{
    size_t ns = m->nslot * 2, mask = ns - 1;
    size_t *slot = kb_calloc(ns, sizeof *slot);
    for (size_t k = 0; k < m->n; k++) {
        size_t i = m->ent[k].hash & mask;
        while (slot[i]) i = (i + 1) & mask;
        slot[i] = k + 1;
    }
    free(m->slot);
    m->slot = slot;
    m->nslot = ns;
}

int strmap_get_hashed(const strmap *m, const char *key, size_t n, size_t h, size_t *v)
{
    size_t i = strmap_find(m, key, n, h);
    if (!m->slot[i]) return 0;
    if (v) *v = m->ent[m->slot[i] - 1].value;
    return 1;
}

int strmap_get(const strmap *m, const char *key, size_t n, size_t *v)
{
    return strmap_get_hashed(m, key, n, strmap_hash(STRMAP_HASH0, key, n), v);
}

int strmap_add(strmap *m, const char *key, size_t n, size_t v, size_t *old)
{
    size_t h = strmap_hash(STRMAP_HASH0, key, n), i = strmap_find(m, key, n, h);
    if (m->slot[i]) {
        if (old) *old = m->ent[m->slot[i] - 1].value;
        return 0;
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 32;
        m->ent = kb_realloc(m->ent, m->cap * sizeof *m->ent);
    }
    strmap_entry *e = &m->ent[m->n];
    e->off = m->keys.len;
    e->len = n;
    e->hash = h;
    e->value = v;
    buf_add(&m->keys, key, n);
    m->slot[i] = ++m->n;
    if (2 * m->n > m->nslot) strmap_grow(m);
    return 1;
}
