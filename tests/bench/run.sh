#!/bin/sh
# tests/bench/run.sh - the benchmark of issue 6 (`make bench`).
#
# On the HTML pages that Debian's python3.11-doc and nodejs-doc install
# (595 pages, 63 MB), and on copies of them under new names (2x, 4x,
# 8x), it measures side by side, as whole processes (wall time, user +
# system CPU time, peak RSS; the median of BENCH_RUNS runs):
#   the floor   xmllint --html --noout over every page (libxml2 parsing),
#               and the sqlite3 shell loading the text kb extracted from
#               the same pages into a plain FTS5 table in one transaction;
#   Recoll      recollindex with a private configuration limited to the
#               set, and recollq for each query;
#   kb          kb ingest of the set, kb search for each query of
#               tests/bench/queries.txt, kb disagreements, kb export;
# and, for each query, raw FTS5 MATCH with the sqlite3 shell on kb's own
# index and on the floor table.  It prints a Markdown report and writes
# it to build-bench/results.md; every run is in build-bench/bench-*.tsv.
#
# `make bench` builds build-bench/kb and build-bench/timeit (the timing
# helper, tests/bench/timeit.c) and runs this script from the top of the
# repository; `run.sh set` only makes the 1x set (profile.sh uses it).
# Environment:
#   BENCH_RUNS=3        runs of each measured step (medians are reported)
#   BENCH_SCALES="1 8"  sizes of the set, in copies of the 595 pages
#   BENCH_KEEP=0        1 keeps the sets, databases and extracted text in
#                       build-bench/ (about 1.6 GB at 8x); by default they
#                       are deleted at the end
# Missing Debian packages (the two doc packages, recollcmd,
# libxml2-utils, sqlite3) are installed with apt-get, as .ci/deps does.
# This is a measurement, not a test: it fails only when a tool does.
set -eu

TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
W=build-bench
KB=$TOP/$W/kb
TI=$TOP/$W/timeit
RUNS=${BENCH_RUNS:-3}
SCALES=${BENCH_SCALES:-1 8}
KEEP=${BENCH_KEEP:-0}
RAW=$W/bench-raw.tsv        # scale step wall_s cpu_s maxrss_kib status
QRAW=$W/bench-queries.tsv   # scale query_no tool run wall_s hits
SIZES=$W/bench-sizes.tsv    # scale key value
OUT=$W/results.md
FTS_TOKENIZE="porter unicode61 remove_diacritics 2"   # kb's (schema/001_init.sql)

for f in "$KB" "$TI"; do
    [ -x "$f" ] || { echo "bench: $f missing: run make bench" >&2; exit 2; }
done

bench_deps() {
    need=""
    for p in python3.11-doc nodejs-doc recollcmd libxml2-utils sqlite3; do
        dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
            need="$need $p"
    done
    [ -z "$need" ] && return 0
    echo "bench: installing missing packages:$need" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
}

# The 1x set: every .html page of the two packages, under python3.11/
# and nodejs/.  Hard links when build-bench/ is on the file system of
# /usr (no space used), else copies.  Not symbolic links: kb follows
# them, but Recoll does not by default.
bench_set1() {
    d=$W/sets/x1
    [ -f "$d.complete" ] && return 0
    rm -rf "$d"
    mkdir -p "$d"
    for spec in python3.11-doc:/usr/share/doc/python3.11/html:python3.11 \
                nodejs-doc:/usr/share/doc/nodejs/api:nodejs; do
        pkg=${spec%%:*}
        rest=${spec#*:}
        root=${rest%%:*}
        name=${rest#*:}
        dpkg -L "$pkg" | grep "^$root/.*\.html\$" | while IFS= read -r f; do
            [ -f "$f" ] || continue
            rel=${f#"$root"/}
            mkdir -p "$d/$name/$(dirname "$rel")"
            ln "$f" "$d/$name/$rel" 2>/dev/null || cp "$f" "$d/$name/$rel"
        done
    done
    touch "$d.complete"
}

# The Nx set: N copies of the 1x set under new names (copyK/...), so
# every tool sees N times as many distinct files.  kb stores a file
# whose bytes it already holds as a duplicate (a name only), so every
# copy but the first ends with a comment naming it: the same text, other
# bytes, and N times the work for every tool.
bench_setn() {
    n=$1
    d=$W/sets/x$n
    [ -f "$d.complete" ] && return 0
    rm -rf "$d"
    mkdir -p "$d"
    cp -al "$W/sets/x1" "$d/copy1" 2>/dev/null || cp -a "$W/sets/x1" "$d/copy1"
    k=2
    while [ "$k" -le "$n" ]; do
        (cd "$W/sets/x1" && find . -type f) | while IFS= read -r rel; do
            mkdir -p "$d/copy$k/$(dirname "$rel")"
            { cat "$W/sets/x1/$rel"; printf '\n<!-- copy %d -->\n' "$k"; } > "$d/copy$k/$rel"
        done
        k=$((k + 1))
    done
    touch "$d.complete"
}

# bench_run SCALE STEP IN OUT CMD...: run CMD once under timeit, stdin
# from IN, stdout to OUT, and append its figures to $RAW.  (Helpers use
# their own variable names: sh functions share the caller's.)
bench_run() {
    _br_s=$1 _br_step=$2 _br_in=$3 _br_out=$4
    shift 4
    _br_r=$("$TI" -i "$_br_in" -o "$_br_out" "$@" 2>&1) || true
    set -- $_br_r
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$_br_s" "$_br_step" "$1" "$2" "$3" "$4" >> "$RAW"
    # xmllint exits non-zero on the (recovered) HTML errors of every page
    if [ "$4" != 0 ] && [ "$_br_step" != parse ]; then
        echo "bench: $_br_step at ${_br_s}x exited with status $4" >&2
    fi
    return 0
}

# bench_q SCALE QNO TOOL RUN OUT HITPATTERN CMD...: one timed query.
bench_q() {
    _bq_s=$1 _bq_qno=$2 _bq_tool=$3 _bq_run=$4 _bq_out=$5 _bq_pat=$6
    shift 6
    _bq_r=$("$TI" -o "$_bq_out" "$@" 2>&1) || true
    set -- $_bq_r
    _bq_hits=$(grep -c -- "$_bq_pat" "$_bq_out" || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$_bq_s" "$_bq_qno" "$_bq_tool" "$_bq_run" "$1" "$_bq_hits" >> "$QRAW"
}

# A query as an FTS5 expression for the raw MATCH runs: each word an
# FTS5 string, each "phrase" kept, implicitly ANDed (what kb's query.c
# does, without the alias expansion); quotes doubled for SQL.
bench_fts_expr() {
    printf '%s\n' "$1" | awk -v q="'" '{
        out = ""; n = split($0, part, "\"")
        for (i = 1; i <= n; i++) {
            if (i % 2 == 0) { if (part[i] ~ /[^ ]/) out = out " \"" part[i] "\""; continue }
            m = split(part[i], w, /[ \t]+/)
            for (j = 1; j <= m; j++) if (w[j] != "") out = out " \"" w[j] "\""
        }
        sub(/^ /, "", out); gsub(q, q q, out); print out }'
}

# The floor's SQL: one transaction, one row per page (path, text),
# kb's tokenizer, WAL and synchronous=NORMAL like kb.
bench_floor_sql() {
    echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    echo "BEGIN;"
    echo "CREATE VIRTUAL TABLE doc USING fts5(path UNINDEXED, body, tokenize = '$FTS_TOKENIZE');"
    find "$1" -name '*.txt' | sort -V | awk -v q="'" '{
        gsub(q, q q); printf "INSERT INTO doc(path, body) VALUES (%s%s%s, CAST(readfile(%s%s%s) AS TEXT));\n", q, $0, q, q, $0, q }'
    echo "COMMIT;"
}

bench_sum_sizes() { find "$@" -type f -printf '%s\n' 2>/dev/null | awk '{ n += $1 } END { printf "%d\n", n }'; }

# ---- measuring -------------------------------------------------------------
#
# Each phase runs round by round, and in each round every scale in turn
# (1x, 8x, 1x, 8x, ...), so that a drift of the host's speed over the
# minutes a run takes hits both scales alike: the growth ratios compare
# runs made seconds apart, not one phase with another made minutes
# later (in one run of the earlier layout the floor's own parse grew
# 9.1x for 8x the pages).

# bench_paths SCALE: the set, databases and folders of one scale.
bench_paths() {
    s=$1
    set_=$W/sets/x$s
    db=$W/kb-x$s.db
    fdb=$W/floor-x$s.db
    txt=$W/text/x$s
    rdir=$W/recoll/x$s
}

bench_prepare() {
    bench_paths "$1"
    [ "$s" = 1 ] || bench_setn "$s"
    find "$set_" -name '*.html' -print0 | sort -z > "$W/pages-x$s.list"
    npages=$(tr -cd '\0' < "$W/pages-x$s.list" | wc -c)
    echo "bench: ${s}x: $npages pages" >&2
    # warm the page cache: every tool then reads from memory
    xargs -0 -a "$W/pages-x$s.list" cat > /dev/null
    mkdir -p "$rdir"
    printf 'topdirs = %s\nnoaspell = 1\n' "$TOP/$set_" > "$rdir/recoll.conf"
}

# Ingest-side steps of one scale, one run: kb, then the floor and
# Recoll on the same pages, so that a change in the machine's load hits
# every tool alike.
bench_ingest_round() {
    bench_paths "$1"
    r=$2
    echo "bench: ${s}x: run $r of $RUNS: kb ingest, xmllint, FTS5 load, recollindex" >&2
    rm -f "$db" "$db-wal" "$db-shm"
    bench_run "$s" ingest /dev/null "$W/ingest-x$s.out" "$KB" --db "$db" ingest "$set_"
    if [ "$r" = 1 ]; then
        # The floor indexes exactly the text kb extracted.
        rm -rf "$txt"
        mkdir -p "$txt"
        sqlite3 "$db" "SELECT count(writefile('$txt/' || source_id || '.txt', body)) FROM source_text" > /dev/null
        bench_floor_sql "$txt" > "$W/floor-x$s.sql"
    fi
    bench_run "$s" parse /dev/null /dev/null xargs -0 -a "$W/pages-x$s.list" xmllint --html --noout
    rm -f "$fdb" "$fdb-wal" "$fdb-shm"
    bench_run "$s" fts5 "$W/floor-x$s.sql" /dev/null sqlite3 "$fdb"
    rm -rf "$rdir/xapiandb"
    bench_run "$s" recollindex /dev/null /dev/null recollindex -c "$rdir" -z
}

# Sizes and the queries of one scale (on the last run's databases).
bench_queries() {
    bench_paths "$1"
    {
        printf '%s\tpages\t%s\n' "$s" "$(tr -cd '\0' < "$W/pages-x$s.list" | wc -c)"
        printf '%s\thtml_bytes\t%s\n' "$s" "$(xargs -0 -a "$W/pages-x$s.list" stat -c %s | awk '{ n += $1 } END { printf "%d", n }')"
        printf '%s\ttext_bytes\t%s\n' "$s" "$(sqlite3 "$db" 'SELECT sum(length(CAST(body AS BLOB))) FROM source_text')"
        printf '%s\tkb_db_bytes\t%s\n' "$s" "$(bench_sum_sizes "$db" "$db-wal")"
        printf '%s\tfloor_db_bytes\t%s\n' "$s" "$(bench_sum_sizes "$fdb" "$fdb-wal")"
        printf '%s\trecoll_db_bytes\t%s\n' "$s" "$(bench_sum_sizes "$rdir/xapiandb")"
        printf '%s\tsources\t%s\n' "$s" "$(sqlite3 "$db" 'SELECT count(*) FROM source')"
        printf '%s\tunits\t%s\n' "$s" "$(sqlite3 "$db" 'SELECT count(*) FROM unit')"
        printf '%s\tclaims\t%s\n' "$s" "$(sqlite3 "$db" 'SELECT count(*) FROM claim')"
    } >> "$SIZES"
    # where kb.db's bytes go (the shell's dbstat table), largest first
    sqlite3 -separator '	' "$db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC" \
        > "$W/bench-dbstat-x$s.tsv" 2> /dev/null || true

    # Queries: for each query and run, every tool in turn.
    echo "bench: ${s}x: $(wc -l < "$W/queries.list") queries x $RUNS runs x 5 tools" >&2
    qno=0
    while IFS= read -r q <&3; do
        qno=$((qno + 1))
        expr=$(bench_fts_expr "$q")
        r=1
        while [ "$r" -le "$RUNS" ]; do
            o=$W/query.out
            bench_q "$s" "$qno" kb "$r" "$o" '^[0-9][0-9]*\. ' \
                "$KB" --db "$db" search --limit 10 "$q"
            bench_q "$s" "$qno" fts_kb "$r" "$o" '^@@hit' sqlite3 "$db" \
                "SELECT '@@hit ' || u.id, u.text FROM unit_fts JOIN unit u ON u.id = unit_fts.rowid WHERE unit_fts MATCH '$expr' ORDER BY rank LIMIT 10"
            bench_q "$s" "$qno" fts_floor "$r" "$o" '^@@hit' sqlite3 "$fdb" \
                "SELECT '@@hit ' || rowid, path FROM doc WHERE doc MATCH '$expr' ORDER BY rank LIMIT 10"
            bench_q "$s" "$qno" recollq "$r" "$o" '^text/html' recollq -c "$rdir" -n 10 "$q"
            bench_q "$s" "$qno" recollq_A "$r" "$o" '^text/html' recollq -c "$rdir" -n 10 -A "$q"
            r=$((r + 1))
        done
    done 3< "$W/queries.list"
}

bench_report_round() {
    bench_paths "$1"
    echo "bench: ${s}x: run $2 of $RUNS: kb disagreements, kb export" >&2
    bench_run "$s" disagreements /dev/null "$W/disagreements-x$s.txt" "$KB" --db "$db" disagreements
    bench_run "$s" export /dev/null "$W/export-x$s.md" "$KB" --db "$db" export --format md
}

bench_finish() {
    bench_paths "$1"
    printf '%s\tdisagreements_lines\t%s\n' "$s" "$(grep -c '^#' "$W/disagreements-x$s.txt" || true)" >> "$SIZES"
    printf '%s\texport_bytes\t%s\n' "$s" "$(bench_sum_sizes "$W/export-x$s.md")" >> "$SIZES"
    if [ "$KEEP" != 1 ]; then
        rm -rf "$txt" "$rdir/xapiandb" "$fdb" "$fdb-wal" "$fdb-shm" "$db" "$db-wal" "$db-shm" \
               "$W/floor-x$s.sql" "$W/disagreements-x$s.txt" "$W/export-x$s.md"
        [ "$s" = 1 ] || rm -rf "$set_" "$set_.complete"
    fi
}

# ---- the report ------------------------------------------------------------

# med SCALE STEP FIELD: median over runs (fields: 3 wall, 4 cpu, 5 rss KiB)
med() {
    awk -F'\t' -v s="$1" -v st="$2" -v f="$3" '
        $1 == s && $2 == st { v[++n] = $f + 0 }
        END {
            if (!n) { print "nan"; exit }
            for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j > 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
            print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }' "$RAW"
}

# qpct SCALE TOOL: "p50 p95" in ms over the queries, each query's figure
# being its median over the runs; p95 by nearest rank.
qpct() {
    awk -F'\t' -v s="$1" -v t="$2" '
        function sort(a, n,    i, j, x) { for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x } }
        $1 == s && $3 == t { k = $2; if (!(k in c)) order[++nq] = k; v[k, ++c[k]] = $5 * 1000 }
        END {
            if (!nq) { print "nan nan"; exit }
            for (i = 1; i <= nq; i++) {
                k = order[i]; for (j = 1; j <= c[k]; j++) a[j] = v[k, j]; sort(a, c[k])
                n = c[k]; m[i] = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            }
            sort(m, nq)
            p50 = (nq % 2) ? m[(nq + 1) / 2] : (m[nq / 2] + m[nq / 2 + 1]) / 2
            r = int(0.95 * nq); if (r < 0.95 * nq) r++
            printf "%.1f %.1f\n", p50, m[r]
        }' "$QRAW"
}

# hits SCALE TOOL: queries with at least one hit / total hits shown (run 1)
hits() {
    awk -F'\t' -v s="$1" -v t="$2" '$1 == s && $3 == t && $4 == 1 { n++; if ($6 > 0) z++; h += $6 } END { printf "%d/%d", z, n }' "$QRAW"
}

size() { awk -F'\t' -v s="$1" -v k="$2" '$1 == s && $2 == k { print $3 }' "$SIZES" | tail -n 1; }
calc() { awk "BEGIN { x = $1; printf \"$2\", x }" 2> /dev/null || echo nan; }
mib() { calc "$1 / 1024" "%.0f"; }
mb() { calc "$1 / 1000000" "%.1f"; }

bench_report() {
    first=$(echo $SCALES | awk '{ print $1 }')
    last=$(echo $SCALES | awk '{ print $NF }')
    echo "## Results"
    echo
    echo "Machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { m = $2 } /^cpu family/ { f = $2 } /^model[ \t]*:/ { n = $2 }
                                          END { printf "%s (family %s model %s)", m, f, n }' /proc/cpuinfo)," \
         "$(awk '/^MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo)," \
         "Debian $(cat /etc/debian_version), Linux $(uname -r)."
    echo "Versions: SQLite $(sqlite3 --version | awk '{ print $1 }'), libxml2 $(xmllint --version 2>&1 | awk '/using libxml version/ { v = $NF; printf "%d.%d.%d", v / 10000, v / 100 % 100, v % 100; exit }')," \
         "Recoll $(dpkg-query -W -f '${Version}' recollcmd), kb $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git status --porcelain -- src schema 2>/dev/null | grep -q . && echo ' with uncommitted changes in src/ or schema/')."
    echo "Runs: median of $RUNS; scales: $SCALES; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    printf '| step |'
    for s in $SCALES; do printf ' %sx wall s | %sx CPU s | %sx peak RSS MiB |' "$s" "$s" "$s"; done
    echo
    printf '|---|'
    for s in $SCALES; do printf -- '---:|---:|---:|'; done
    echo
    for st in "parse:floor: libxml2 parse (xmllint --html --noout)" "fts5:floor: FTS5 load of kb's text (sqlite3, 1 transaction)" \
              "floor:floor: parse + FTS5" "recollindex:Recoll: recollindex" "ingest:kb ingest" \
              "disagreements:kb disagreements" "export:kb export --format md"; do
        key=${st%%:*}
        printf '| %s |' "${st#*:}"
        for s in $SCALES; do
            if [ "$key" = floor ]; then
                printf ' %s | %s | %s |' "$(calc "$(med "$s" parse 3) + $(med "$s" fts5 3)" %.2f)" \
                    "$(calc "$(med "$s" parse 4) + $(med "$s" fts5 4)" %.2f)" \
                    "$(mib "$(med "$s" parse 5)") / $(mib "$(med "$s" fts5 5)")"
            else
                printf ' %s | %s | %s |' "$(calc "$(med "$s" "$key" 3)" %.2f)" "$(calc "$(med "$s" "$key" 4)" %.2f)" "$(mib "$(med "$s" "$key" 5)")"
            fi
        done
        echo
    done
    echo
    echo "Queries (each a whole process, top 10; per query the median of $RUNS runs, then p50 / p95 over the $(wc -l < "$W/queries.list") queries, ms; queries with hits):"
    echo
    printf '| tool |'
    for s in $SCALES; do printf ' %sx p50 | %sx p95 | %sx with hits |' "$s" "$s" "$s"; done
    echo
    printf '|---|'
    for s in $SCALES; do printf -- '---:|---:|---:|'; done
    echo
    for t in "kb:kb search --limit 10" "fts_kb:sqlite3 MATCH on kb's unit_fts (+ unit text)" \
             "fts_floor:sqlite3 MATCH on the floor table (path)" "recollq:recollq -n 10" "recollq_A:recollq -n 10 -A (abstracts)"; do
        printf '| %s |' "${t#*:}"
        for s in $SCALES; do
            set -- $(qpct "$s" "${t%%:*}")
            printf ' %s | %s | %s |' "$1" "$2" "$(hits "$s" "${t%%:*}")"
        done
        echo
    done
    echo
    echo "Sizes:"
    echo
    printf '| |'
    for s in $SCALES; do printf ' %sx |' "$s"; done
    echo
    printf '|---|'
    for s in $SCALES; do printf -- '---:|'; done
    echo
    for k in "pages:pages" "html_bytes:HTML, MB" "text_bytes:text kb extracted, MB" "kb_db_bytes:kb.db, MB" \
             "floor_db_bytes:floor FTS5 db, MB" "recoll_db_bytes:Recoll index, MB" "units:kb units" "claims:kb claims" \
             "disagreements_lines:kb disagreements (groups)" "export_bytes:kb export, MB"; do
        printf '| %s |' "${k#*:}"
        for s in $SCALES; do
            v=$(size "$s" "${k%%:*}")
            case $k in *MB) v=$(mb "${v:-0}") ;; esac
            printf ' %s |' "$v"
        done
        echo
    done
    echo
    echo "Where kb.db's bytes go at ${first}x (dbstat; tables with their indexes listed apart):"
    echo
    echo "| object | MB | share |"
    echo "|---|---:|---:|"
    awk -F'\t' '{ n[NR] = $1; v[NR] = $2; t += $2 } END { for (i = 1; i <= NR && i <= 12; i++) printf "| %s | %.1f | %.0f%% |\n", n[i], v[i] / 1e6, 100 * v[i] / t }' \
        "$W/bench-dbstat-x$first.tsv"
    echo
    echo "Ratios (wall time unless said):"
    echo
    printf '| ratio |'
    for s in $SCALES; do printf ' %sx |' "$s"; done
    echo ' target |'
    printf '|---|'
    for s in $SCALES; do printf -- '---:|'; done
    echo '---|'
    row() { # LABEL TARGET EXPR: EXPR's STEP.FIELD words become that scale's medians
        printf '| %s |' "$1"
        for s in $SCALES; do printf ' %s |' "$(calc "$(echo "$3" | bench_expand)" %.2f)"; done
        echo " $2 |"
    }
    row "kb ingest / (parse + FTS5 floor)" "≤ 1.5 at 1x" "ingest.3 / (parse.3 + fts5.3)"
    row "same, CPU time" "" "ingest.4 / (parse.4 + fts5.4)"
    row "kb ingest / recollindex" "< 1" "ingest.3 / recollindex.3"
    row "same, CPU time" "" "ingest.4 / recollindex.4"
    for t in "fts_kb:≤ 1.5 (p50)" fts_floor recollq recollq_A; do
        for p in 1 2; do
            label=$([ $p = 1 ] && echo p50 || echo p95)
            printf '| query %s: kb / %s |' "$label" "${t%%:*}"
            for s in $SCALES; do
                a=$(qpct "$s" kb | awk -v p=$p '{ print $p }')
                b=$(qpct "$s" "${t%%:*}" | awk -v p=$p '{ print $p }')
                printf ' %s |' "$(calc "$a / $b" %.2f)"
            done
            tg=""
            [ $p = 1 ] && case $t in *:*) tg=${t#*:} ;; esac
            echo " $tg |"
        done
    done
    printf '| kb.db size / text size |'
    for s in $SCALES; do printf ' %s |' "$(calc "$(size "$s" kb_db_bytes) / $(size "$s" text_bytes)" %.2f)"; done
    echo ' |'
    printf '| kb.db size / HTML size |'
    for s in $SCALES; do printf ' %s |' "$(calc "$(size "$s" kb_db_bytes) / $(size "$s" html_bytes)" %.2f)"; done
    echo ' |'
    printf '| kb ingest peak RSS, MiB |'
    for s in $SCALES; do printf ' %s |' "$(mib "$(med "$s" ingest 5)")"; done
    echo ' |'
    if [ "$first" != "$last" ]; then
        k=$(calc "$last / $first" %g)
        echo
        echo "Growth ${first}x → ${last}x (linear = $k):"
        echo
        echo "| | ${last}x / ${first}x | target |"
        echo "|---|---:|---|"
        for st in ingest:"kb ingest wall" disagreements:"kb disagreements wall" export:"kb export wall" \
                  parse:"floor parse wall" fts5:"floor FTS5 wall" recollindex:"recollindex wall"; do
            tg=""
            case ${st%%:*} in ingest|disagreements) tg="≤ $(calc "$k * 9 / 8" %g)" ;; esac
            echo "| ${st#*:} | $(calc "$(med "$last" "${st%%:*}" 3) / $(med "$first" "${st%%:*}" 3)" %.2f) | $tg |"
        done
        for st in ingest:"kb ingest peak RSS" disagreements:"kb disagreements peak RSS" recollindex:"recollindex peak RSS"; do
            tg=""
            [ "${st%%:*}" = ingest ] && tg="≤ 1.2"
            echo "| ${st#*:} | $(calc "$(med "$last" "${st%%:*}" 5) / $(med "$first" "${st%%:*}" 5)" %.2f) | $tg |"
        done
        for t in kb:"kb search p50" fts_kb:"raw MATCH p50 (kb.db)" recollq:"recollq p50"; do
            echo "| ${t#*:} | $(calc "$(qpct "$last" "${t%%:*}" | awk '{ print $1 }') / $(qpct "$first" "${t%%:*}" | awk '{ print $1 }')" %.2f) | |"
        done
    fi
}

# bench_expand: the STEP.FIELD words of a row() expression on stdin ->
# their medians at scale $s.
bench_expand() {
    e=$(cat)
    for w in $(echo "$e" | grep -o '[a-z0-9_]*\.[345]' | sort -u); do
        v=$(med "$s" "${w%.*}" "${w#*.}")
        e=$(echo "$e" | sed "s/$w/$v/g")
    done
    echo "$e"
}

# ---- main --------------------------------------------------------------------

# `run.sh set` only makes the 1x set (for tests/bench/profile.sh).
if [ "${1:-}" = set ]; then
    bench_deps
    bench_set1
    echo "$W/sets/x1"
    exit 0
fi
bench_deps
mkdir -p "$W"
rm -f "$RAW" "$QRAW" "$SIZES" "$W"/bench-dbstat-x*.tsv
grep -v '^#' tests/bench/queries.txt | grep -v '^[[:space:]]*$' > "$W/queries.list"
bench_set1
# bench_rounds STEP: STEP SCALE RUN for each run, every scale in turn.
bench_rounds() {
    rr=1
    while [ "$rr" -le "$RUNS" ]; do
        for sc in $SCALES; do "$1" "$sc" "$rr"; done
        rr=$((rr + 1))
    done
}
for sc in $SCALES; do bench_prepare "$sc"; done
bench_rounds bench_ingest_round
for sc in $SCALES; do bench_queries "$sc"; done
bench_rounds bench_report_round
for sc in $SCALES; do bench_finish "$sc"; done
if [ "$KEEP" != 1 ]; then
    rm -rf "$W/sets" "$W/text" "$W/recoll" "$W/query.out" "$W"/pages-x*.list \
           "$W"/ingest-x*.out
fi
bench_report > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
echo "bench: written to $OUT (every run: $RAW, $QRAW, $SIZES)" >&2
