# tests/bench/bench.mk - `make bench`: issue 6's benchmark (included by
# the Makefile).
#
#   make bench                               1x and 8x, 3 runs each
#   make bench BENCH_SCALES="1 2 4 8" BENCH_RUNS=5
#   make bench BENCH_KEEP=1                  keep sets and databases
#
# Builds ./kb with the normal flags in its own folder (build-bench/kb)
# and the timing helper (build-bench/timeit), then runs
# tests/bench/run.sh, which installs the Debian doc packages and Recoll
# if missing, measures, and writes build-bench/results.md.  Nothing in
# `make check` depends on it.

BENCH_RUNS   ?= 3
BENCH_SCALES ?= 1 8
BENCH_KEEP   ?= 0

bench:
	$(MAKE) B=build-bench KBBIN=build-bench/kb build-bench/kb build-bench/timeit
	BENCH_RUNS="$(BENCH_RUNS)" BENCH_SCALES="$(BENCH_SCALES)" BENCH_KEEP="$(BENCH_KEEP)" \
	  sh tests/bench/run.sh

build-bench/timeit: tests/bench/timeit.c
	@mkdir -p build-bench
	$(CC) $(WARN) -O2 -o $@ $<
