/*
 * fuzz_query.c - libFuzzer harness for query_translate (query.h) with
 * the default alias list, on any bytes (a query comes from the command
 * line; query_translate itself rejects invalid UTF-8).
 *
 * query.h promises a *safe* FTS5 expression: whatever the user types,
 * SQLite must accept what comes out.  So every translation is run as a
 * MATCH against a small FTS5 table configured as kb's (store.c), and
 * anything but a result row is a finding.  The expression must also be
 * valid UTF-8 and not empty, and hold at most QUERY_MAX_TERMS FTS5
 * strings; KB_ERR must come with a message.  The same bytes go through
 * query_check_raw (--fts), which must answer without a finding.
 */
#include <sqlite3.h>
#include <string.h>

#include "alias.h"
#include "buf.h"
#include "embed.h"
#include "fuzz.h"
#include "query.h"
#include "util.h"

static alias_set *fuzz_aliases;
static sqlite3 *fuzz_db;
static sqlite3_stmt *fuzz_match;

static void fuzz_setup(void)
{
    char *err = NULL;
    FUZZ_CHECK(alias_load(embed_aliases, strlen(embed_aliases), &fuzz_aliases, &err) == KB_OK);
    FUZZ_CHECK(sqlite3_open(":memory:", &fuzz_db) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_exec(fuzz_db,
                            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2');"
                            "INSERT INTO t VALUES ('node js is fast and python s gil is a global interpreter lock');",
                            NULL, NULL, NULL) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_prepare_v2(fuzz_db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &fuzz_match,
                                  NULL) == SQLITE_OK);
}

/* The FTS5 strings in expression e: "..." with "" inside one. */
static size_t fuzz_strings(const char *e, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (e[i] != '"') continue;
        count++;
        for (i++; i < n && !(e[i] == '"' && (i + 1 >= n || e[i + 1] != '"')); i++)
            if (e[i] == '"') i++;   /* a doubled quote */
    }
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_db) fuzz_setup();
    buf out = BUF_INIT;
    char *err = NULL;
    int rc = query_translate((const char *)data, size, fuzz_aliases, &out, &err);
    if (rc == KB_OK) {
        FUZZ_CHECK(err == NULL);
        FUZZ_CHECK(out.len > 0);
        FUZZ_CHECK(norm_valid_utf8(out.data, out.len, NULL));
        FUZZ_CHECK(memchr(out.data, '\0', out.len) == NULL);
        FUZZ_CHECK(fuzz_strings(out.data, out.len) <= QUERY_MAX_TERMS);
        sqlite3_bind_text(fuzz_match, 1, out.data, (int)out.len, SQLITE_STATIC);
        int src = sqlite3_step(fuzz_match);
        if (src != SQLITE_ROW)
            fprintf(stderr, "FTS5 rejected [%s]: %s\n", out.data, sqlite3_errmsg(fuzz_db));
        FUZZ_CHECK(src == SQLITE_ROW);
        sqlite3_reset(fuzz_match);
        sqlite3_clear_bindings(fuzz_match);
    } else {
        FUZZ_CHECK(err != NULL);
    }
    free(err);
    err = NULL;
    if (query_check_raw((const char *)data, size, &err) != KB_OK) FUZZ_CHECK(err != NULL);
    free(err);
    buf_free(&out);
    return 0;
}
