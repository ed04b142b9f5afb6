#!/bin/sh
# tests/bench/profile.sh - where `kb ingest` spends its time on the 1x
# benchmark set (the profile in docs/benchmarks.md).
#
#   sh tests/bench/profile.sh            after `make bench` (or it builds)
#   PROFILE_FREQ=999 sh tests/bench/profile.sh
#
# Records `kb ingest` of Debian's Python and Node.js HTML pages with
# `perf record --call-graph dwarf` (linux-perf is installed if missing),
# then folds the call chains into pipeline stages with stages.awk: each
# sample is charged to the kb function nearest its leaf that names a
# stage, so SQLite, libxml2 and libc time counts for the stage that
# asked for it.  Output: the stage table, the share per library and the
# costliest leaf functions, on stdout and in build-bench/profile.md;
# perf.data stays in build-bench/profile/ for `perf report`.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP"
W=build-bench
P=$W/profile
FREQ=${PROFILE_FREQ:-999}

command -v perf > /dev/null 2>&1 || {
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq linux-perf
}
[ -x "$W/kb" ] || make B=build-bench KBBIN=build-bench/kb build-bench/kb
set1=$(sh tests/bench/run.sh set)
rm -rf "$P"
mkdir -p "$P"
# a first ingest warms the page cache, as the benchmark's runs are warm
"$W/kb" --db "$P/warm.db" ingest --quiet "$set1"
rm -f "$P"/warm.db*
perf record -q -F "$FREQ" --call-graph dwarf,16384 -o "$P/perf.data" \
    "$W/kb" --db "$P/kb.db" ingest "$set1" 2> "$P/ingest.err"
{
    echo "## Profile of kb ingest, 1x set ($(tail -n 1 "$P/ingest.err"))"
    echo
    perf script -i "$P/perf.data" -F comm,period,ip,sym,dso 2> /dev/null |
        awk -v top=20 -f tests/bench/stages.awk
} > "$W/profile.md"
rm -f "$P"/kb.db*
cat "$W/profile.md"
echo "profile: written to $W/profile.md; perf report -i $P/perf.data for more" >&2
