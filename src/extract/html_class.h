/*
 * html_class.h - what an element's class and id names say about it, for
 * the HTML extractor's furniture test (html_blocks.c).
 */
#ifndef KB_HTML_CLASS_H
#define KB_HTML_CLASS_H

#include <stddef.h>

/* Is s[0..n) one of list's words (lower case, NULL-terminated), ignoring
 * ASCII case? */
int html_class_word_in(const char *s, size_t n, const char *const *list);

/* Judge a class or id value v: sets *furn when one of its tokens names
 * page furniture, *content when one vouches for the element as content;
 * leaves them alone otherwise. */
void html_class_judge(const char *v, int *furn, int *content);

#endif
