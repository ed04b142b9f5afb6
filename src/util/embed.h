/*
 * embed.h - the schema migrations and default data files, compiled in
 * from schema/ by the Makefile (build/embed.c).
 */
#ifndef KB_EMBED_H
#define KB_EMBED_H

/* embed_migrations[i] brings the store from user_version i to i + 1. */
extern const char *const embed_migrations[];
extern const int embed_migration_count;
/* the default data files, each NUL-terminated text */
extern const char embed_aliases[];       /* schema/aliases.tsv */
extern const char embed_taxonomy[];      /* schema/taxonomy.tsv */
extern const char embed_furniture[];     /* schema/furniture.tsv */
extern const char embed_abbreviations[]; /* schema/abbreviations.txt */
extern const char embed_stance[];        /* schema/stance.tsv */
extern const char embed_reconcile[];     /* schema/reconcile.tsv */
extern const char embed_words[];         /* schema/words.tsv */

#endif
