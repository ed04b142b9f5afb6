/*
 * embed.h - the schema migrations and default data files, compiled in
 * from schema/ by the Makefile (build/embed.c).
 */
#ifndef KB_EMBED_H
#define KB_EMBED_H

/* embed_migrations[i] brings the store from user_version i to i + 1. */
extern const char *const embed_migrations[];
extern const int embed_migration_count;
/* schema/aliases.tsv */
extern const char embed_aliases[];

#endif
