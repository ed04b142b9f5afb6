# tests/bench/stages.awk - fold `perf script -F comm,period,ip,sym,dso`
# output of a kb run into pipeline stages (used by profile.sh).
#
# Each sample is charged to the stage of the kb function nearest to the
# leaf of its call chain that names one (rules below, in order), so the
# SQLite, libxml2 and libc time spent on behalf of a stage is that
# stage's; a sample with no such function is "other".  Prints, per
# stage, its share of the samples, then the share of each library
# (where the leaf frame is) and the top leaf functions.
function stage(f) {
    if (f ~ /^hash_/) return "SHA-256 of each file (hash.c)"
    if (f ~ /^html_(ex_|walk|blocks|furniture|class_scan|find_visit|meta_|content_root|text_visit|node_text|word_in|token_in|block|flush|add_text|cell|br$|trim_tail)/)
        return "HTML: walk the tree into blocks (html.c)"
    if (f ~ /^html_(parse|extract)/) return "HTML: libxml2 parse, tree build and free"
    if (f ~ /^norm_/) return "normalize (norm.c, utf8proc)"
    if (f ~ /^store_(source_put|text_put|source_lookup)$/) return "SQLite: source row, text, lookup"
    if (f ~ /^store_(claim_|claims_clear|unit_furniture|last_id)/) return "SQLite: insert claims and their tags"
    if (f == "store_units") return "SQLite: read the units back for claims"
    if (f ~ /^furn_/) return "furniture (furniture.c)"
    if (f ~ /^seg_/) return "sentence segmentation (segment.c)"
    if (f ~ /^qty_/) return "quantities (qty.c)"
    if (f ~ /^stance_/) return "stance (stance.c)"
    if (f ~ /^(tag_|tax_)/) return "subjects, dimensions (tag.c, taxonomy.c)"
    if (f ~ /^claims_/) return "claims: the rest (claims.c)"
    if (f ~ /^(store_open|cli_open|store_migrate)/) return "open the database"
    return ""
}
# SQL run by ingest.c through store.c's one-line wrappers, which end in
# a tail call to store_exec_stmt and so leave no frame of their own: tell
# them apart by the SQLite frames below (frames 1..k-1).  FTS5's own
# functions are static and show as [unknown]; what runs below a virtual
# table savepoint is FTS5 writing its pending terms as a segment, what
# runs in a nested sqlite3_step or in an unnamed function called by the
# VDBE is FTS5 tokenizing and buffering the rows it is given.
function sqlstage(k,    i, chain) {
    chain = ""
    for (i = k - 1; i >= 1; i--) chain = chain " " sym[i]
    if (chain ~ / (sqlite3WalDefaultHook|sqlite3_wal_checkpoint|sqlite3Checkpoint)/) return "SQLite: WAL checkpoints"
    if (chain ~ / sqlite3VtabSavepoint/) return "SQLite FTS5: write each source's segment (flush at statement end)"
    if (chain ~ / (sqlite3PagerCommitPhase|sqlite3BtreeCommitPhase)/) return "SQLite: commit (WAL writes)"
    if (sym[k] != "ingest_store") return ""
    if (chain ~ / sqlite3VdbeExec \[unknown\]/ || chain ~ / sqlite3VdbeExec .* sqlite3_step/) return "SQLite FTS5: tokenize and buffer the units (INSERT INTO unit_fts SELECT)"
    return "SQLite: insert unit rows and source text"
}
function sqlbelow(k,    i) {
    for (i = 1; i < k; i++) if (sym[i] ~ /^sqlite3_(step|reset)$/) return 1
    return 0
}
function flush(    i, s, real, whole) {
    if (!nf) return
    # an inlined frame belongs to the object of the frame it is inlined in,
    # listed after it
    real = ""
    for (i = nf; i >= 1; i--) { if (dso[i] == "inlined") dso[i] = real; else real = dso[i] }
    s = ""; whole = 0
    for (i = 1; i <= nf; i++) if (sym[i] ~ /^(main|_start|__libc_start_main.*|__libc_start_call_main)$/) whole = 1
    for (i = 1; i <= nf && s == ""; i++) {
        if (dso[i] != "kb") continue
        s = stage(sym[i])
        # claims.c calls store_claims.c's wrappers, which tail-call
        # store_exec_stmt like store.c's: SQLite below claims_* is inserts
        if (s ~ /^claims: the rest/ && sqlbelow(i)) s = stage("store_claim_")
        if (s == "" && sym[i] ~ /^ingest_(store|commit|bytes|run)$/) s = sqlstage(i)
    }
    if (s == "" && !whole) s = "unknown (call chain not unwound to main)"
    if (s == "") s = "other (reading files, walking folders, exit)"
    st[s]++; lib[dso[1]]++; leaf[sym[1] " (" dso[1] ")"]++; total++
    sl[s SUBSEP sym[1]]++
    nf = 0
}
/^[^ \t]/ { flush(); next }                       # a sample's header line
/^[ \t]+[0-9a-f]+ / {
    line = $0; sub(/^[ \t]+[0-9a-f]+ /, "", line)
    d = line; sub(/.*\(/, "", d); sub(/\)[ \t]*$/, "", d); sub(/.*\//, "", d)
    sub(/ \([^()]*\)[ \t]*$/, "", line); sub(/\+0x[0-9a-f]+$/, "", line)
    nf++; sym[nf] = line; dso[nf] = d
    next
}
/^[ \t]*$/ { flush() }
END {
    flush()
    printf "%d samples\n\n| stage | share | costliest leaf functions, %% of all |\n|---|---:|---|\n", total
    n = 0; for (k in st) key[++n] = k
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (st[key[j]] > st[key[i]]) { t = key[i]; key[i] = key[j]; key[j] = t }
    for (i = 1; i <= n; i++) {
        # the stage's three costliest leaf functions
        m = 0; split("", lk)
        for (k in sl) { split(k, kk, SUBSEP); if (kk[1] == key[i]) lk[++m] = kk[2] }
        for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (sl[key[i], lk[b]] > sl[key[i], lk[a]]) { t = lk[a]; lk[a] = lk[b]; lk[b] = t }
        top3 = ""
        for (a = 1; a <= m && a <= 3; a++) top3 = top3 (a > 1 ? ", " : "") sprintf("%s %.1f", lk[a], 100 * sl[key[i], lk[a]] / total)
        printf "| %s | %.1f%% | %s |\n", key[i], 100 * st[key[i]] / total, top3
    }
    printf "\n| library (leaf frame) | share |\n|---|---:|\n"
    n = 0; for (k in lib) key2[++n] = k
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (lib[key2[j]] > lib[key2[i]]) { t = key2[i]; key2[i] = key2[j]; key2[j] = t }
    for (i = 1; i <= n; i++) printf "| %s | %.1f%% |\n", key2[i], 100 * lib[key2[i]] / total
    printf "\n| leaf function (self) | share |\n|---|---:|\n"
    n = 0; for (k in leaf) key3[++n] = k
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (leaf[key3[j]] > leaf[key3[i]]) { t = key3[i]; key3[i] = key3[j]; key3[j] = t }
    for (i = 1; i <= n && i <= top; i++) printf "| %s | %.1f%% |\n", key3[i], 100 * leaf[key3[i]] / total
}
