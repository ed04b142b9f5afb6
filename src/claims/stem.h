/*
 * stem.h - the stem of an English word, by Porter's algorithm (1980):
 * "threads", "threaded", "threading" -> "thread"; "compilation",
 * "compiler", "compile" -> "compil"; "readable", "readability" ->
 * "readabl".  Words that are not plain lower-case ASCII letters, and
 * words of one or two letters, are returned as they are.
 */
#ifndef KB_STEM_H
#define KB_STEM_H

#include <stddef.h>

/* Write the stem of word[0..n) to out (cap bytes, NUL-terminated);
 * returns its length.  Stems are never longer than the word. */
size_t stem_porter(const char *word, size_t n, char *out, size_t cap);

#endif
