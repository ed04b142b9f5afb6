/*
 * hash.h - SHA-256 of a byte string, as 64 lowercase hex digits.
 * kb keeps one per source to tell an unchanged file from a changed one.
 */
#ifndef KB_HASH_H
#define KB_HASH_H

#include <stddef.h>

void hash_sha256_hex(const void *data, size_t len, char out[65]);

/* on = 1 (the default) uses the CPU's SHA instructions if it has them,
 * 0 the portable code; returns 1 if the SHA instructions are in use.
 * For tests and measurements: both give the same hashes. */
int hash_set_accel(int on);

#endif
