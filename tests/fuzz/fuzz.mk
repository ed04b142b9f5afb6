# tests/fuzz/fuzz.mk - libFuzzer harnesses for kb's parsers (included by
# the Makefile).
#
#   make fuzz FUZZ_SECONDS=600              every harness, 600 s each
#   make fuzz FUZZ_TARGETS="qty query"      only these
#
# `fuzz` builds the library with clang, ASan and UBSan (and libFuzzer's
# coverage hooks) in its own folder, then `fuzz-run` links each harness
# (tests/fuzz/fuzz_NAME.c) and runs it, one after the other, on a working
# copy of its seeds (build-fuzz/corpus/NAME: what the fuzzer adds stays
# there between runs, tests/fuzz/seeds/ is never written).  A crash, leak,
# UB report or timeout fails the target; the input is saved as
# build-fuzz/artifacts/NAME/crash-... and the log is build-fuzz/logs/NAME.log.

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= html text segment qty query taxonomy sidecar tag
FUZZ_FLAGS   ?=
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)

fuzz:
	$(MAKE) B=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
	  FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" fuzz-run

$(B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/libkb.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(B)/libkb.a $(PKG_LIBS) -lm -lpthread

# One harness at a time; the summary line per harness comes from
# libFuzzer's final stats (-print_final_stats=1).
fuzz-run: $(patsubst %,$(B)/fuzz_%,$(FUZZ_TARGETS))
	@fail=0; mkdir -p $(B)/logs; for t in $(FUZZ_TARGETS); do \
	   mkdir -p $(B)/corpus/$$t $(B)/artifacts/$$t; \
	   cp tests/fuzz/seeds/$$t/* $(B)/corpus/$$t/; \
	   dict=""; [ -f tests/fuzz/$$t.dict ] && dict="-dict=tests/fuzz/$$t.dict"; \
	   echo "== fuzz_$$t: $(FUZZ_SECONDS) s, log $(B)/logs/$$t.log"; \
	   ./$(B)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
	     -artifact_prefix=$(B)/artifacts/$$t/ $$dict $(FUZZ_FLAGS) $(B)/corpus/$$t \
	     > $(B)/logs/$$t.log 2>&1; rc=$$?; \
	   awk -v t=$$t '/^stat::number_of_executed_units/ {n=$$2} /^stat::average_exec_per_sec/ {s=$$2} \
	        /^#[0-9]+.*(DONE|pulse|NEW|REDUCE)/ {for (i = 1; i < NF; i++) {if ($$i == "cov:") c=$$(i+1); if ($$i == "ft:") f=$$(i+1)}} \
	        END {printf "fuzz_%s: %s executions, %s exec/s, cov %s, ft %s\n", t, n, s, c, f}' $(B)/logs/$$t.log; \
	   if [ $$rc -ne 0 ]; then \
	     fail=1; echo "fuzz_$$t: FINDING (exit $$rc):"; \
	     grep -E '(^==[0-9]+==ERROR|^SUMMARY|runtime error|invariant failed|FTS5 rejected|Test unit written)' $(B)/logs/$$t.log | head -5; \
	   fi; \
	 done; \
	 if [ $$fail -ne 0 ]; then echo "make fuzz: FAILED"; exit 1; fi; echo "make fuzz: no findings"

.PHONY: fuzz-run

# `make clean` also drops the fuzzing build, corpora, logs and artifacts.
clean: fuzz-clean
fuzz-clean:
	rm -rf build-fuzz

.PHONY: fuzz-clean
