# kb - a knowledge base of articles: build, test, install.
#
#   make            build ./kb (a missing package stops it: run `make deps`)
#   make deps       install the missing Debian packages (apt-get)
#   make check      install missing packages, build and run the Check suites
#   make demo       install missing packages, build, ingest corpus/, query
#   make asan       install missing packages, the suites under ASan + UBSan
#   make valgrind   the suites under valgrind
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean

CC      ?= cc
PKGS    := sqlite3 libxml-2.0 libutf8proc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
# Deferred (=) so that they are read after the deps step below, which may
# have installed whatever pkg-config could not find.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS   = $(shell pkg-config --libs check)
# src/ holds one folder per stage of the pipeline (util/ is what they
# share, cmd/ the command line); every folder's headers are found by name.
SRCDIRS := $(sort $(patsubst %/,%,$(dir $(wildcard src/*/*.c src/*/*.h))))
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(addprefix -I,$(SRCDIRS)) -Ibuild
ALL_CFLAGS = $(WARN) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
# kb loads libxml2 (and the ICU, libstdc++, liblzma it brings) when it
# first parses HTML, not at every start (src/extract/xmlload.c): linked
# the usual way, libxml2 nearly doubles the instructions of a `kb search`
# that never parses HTML (docs/benchmarks.md), so it stays.  The list of
# what to wrap is read from xmlload.o itself (its __wrap_NAME functions
# and xmlload_var_NAME copies), never written here; --as-needed then
# leaves libxml2 out of kb's start-up, and XMLLOAD_CHECK fails the link,
# naming the function, if kb calls libxml2 anywhere xmlload.c does not
# wrap.  `readelf -d kb` does not list libxml2; `readelf -n kb` shows the
# note xmlload.c carries for it.  `make XMLLOAD=no` links libxml2 the
# usual way (readelf -d lists it), as the test programs and the fuzz
# harnesses always do.
XMLLOAD ?= yes
ifeq ($(XMLLOAD),yes)
XMLLOAD_LDFLAGS = -Wl,--as-needed $(shell nm -P --defined-only $(B)/extract/xmlload.o | sed -n \
                    -e 's/^__wrap_\([^ ]*\) T .*/-Wl,--wrap=\1/p' \
                    -e 's/^xmlload_var_\([^ ]*\) [BD] .*/-Wl,--defsym=\1=xmlload_var_\1/p')
XMLLOAD_CHECK   = if readelf -d $@ | grep -q 'NEEDED.*libxml2'; then \
                    echo "$@ calls libxml2 directly; give these a wrapper in src/extract/xmlload.c:" \
                      $$(nm -D --undefined-only $@ | sed -nE 's/^ +U ((__)?(xml|html)[^@]*).*/\1/p') >&2; \
                    rm -f $@; exit 1; fi
endif

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man

B       := build
SRC     := $(wildcard src/*/*.c)
CMDSRC  := $(wildcard src/cmd/*.c)
LIBSRC  := $(filter-out $(CMDSRC),$(SRC))
# An object's path is its source's (src/extract/html.c -> build/extract/html.o),
# and only the dependency files of today's objects are read (at the end):
# after a source moves, the old one, which names the old path, is ignored.
LIBOBJ  := $(patsubst src/%.c,$(B)/%.o,$(LIBSRC)) $(B)/embed.o
CMDOBJ  := $(patsubst src/%.c,$(B)/%.o,$(CMDSRC))
TESTSRC := $(wildcard tests/check_*.c)
TESTBIN := $(patsubst tests/%.c,$(B)/%,$(TESTSRC))
# Data files compiled in: name in schema/ -> C symbol embed_NAME.
DATA    := aliases.tsv:aliases taxonomy.tsv:taxonomy furniture.tsv:furniture \
           abbreviations.txt:abbreviations stance.tsv:stance reconcile.tsv:reconcile \
           words.tsv:words
SCHEMA  := $(sort $(wildcard schema/[0-9]*.sql)) $(addprefix schema/,$(foreach d,$(DATA),$(firstword $(subst :, ,$(d)))))

# The binary; sanitizer builds put theirs in their own folder.
KBBIN   ?= kb

all: $(KBBIN)

$(KBBIN): $(CMDOBJ) $(B)/libkb.a
	$(CC) $(CFLAGS) $(LDFLAGS) $(XMLLOAD_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm -lpthread
	@$(XMLLOAD_CHECK)

$(B)/libkb.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: src/%.c | $(B)/.deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The schema and the default data files are compiled into the binary so
# that an installed kb needs nothing from the source tree.
$(B)/embed.c: $(SCHEMA) Makefile | $(B)/.deps
	@{ echo '/* generated from schema/ by the Makefile; do not edit */'; \
	   echo '#include "embed.h"'; \
	   n=0; for f in $(filter %.sql,$(SCHEMA)); do \
	     n=$$((n+1)); echo "static const char mig_$$n[] ="; \
	     sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; echo ';'; \
	   done; \
	   echo 'const char *const embed_migrations[] = {'; \
	   i=1; while [ $$i -le $$n ]; do echo "    mig_$$i,"; i=$$((i+1)); done; \
	   echo '};'; echo "const int embed_migration_count = $$n;"; \
	   for d in $(DATA); do \
	     echo "const char embed_$${d#*:}[] = \"\""; \
	     sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' -e 's/^/"/' -e 's/$$/\\n"/' schema/$${d%%:*}; echo ';'; \
	   done; \
	 } > $@.tmp && mv $@.tmp $@

$(B)/embed.o: $(B)/embed.c src/util/embed.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/check_%: tests/check_%.c $(wildcard tests/*.h) $(B)/libkb.a
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -o $@ $< $(B)/libkb.a $(PKG_LIBS) $(CHECK_LIBS) -lm -lpthread

# The Debian packages kb builds with, looked for once per build folder
# before anything is compiled.  Only `make deps` and the targets a fresh
# machine starts with (the README's `make demo` and `make check asan`;
# asan runs check) install what is missing; any other build stops with a
# message naming the packages and saying to run `make deps`.
DEPS_INSTALL := $(filter deps demo check asan,$(MAKECMDGOALS))

$(B)/.deps: .ci/deps
	./.ci/deps $(if $(DEPS_INSTALL),,--check)
	@mkdir -p $(B) && touch $@

deps:
	./.ci/deps
	@mkdir -p $(B) && touch $(B)/.deps

# Each suite runs from the top directory (fixtures are found relative to
# it) against the freshly built ./kb.
check: $(KBBIN) $(TESTBIN)
	@fail=0; rm -f $(B)/check.log; for t in $(TESTBIN); do \
	   echo "== $$t"; KB=$(CURDIR)/$(KBBIN) $(TEST_WRAP) $$t > $(B)/check.out 2>&1 || fail=1; \
	   cat $(B)/check.out; cat $(B)/check.out >> $(B)/check.log; \
	 done; \
	 awk -F'Checks: ' '/Checks: /{split($$2,a,", "); n+=a[1]; sub("Failures: ","",a[2]); sub("Errors: ","",a[3]); f+=a[2]+a[3]} \
	      END {printf "make check: %d passed, %d failed\n", n-f, f}' $(B)/check.log; \
	 if [ $$fail -ne 0 ]; then echo "make check: FAILED"; exit 1; fi

# clang when it is installed, else gcc: a fresh Debian 12 may lack clang,
# and gcc-12 ships libasan and libubsan.
asan:
	cc=$$(command -v clang >/dev/null 2>&1 && echo clang || echo gcc); echo "asan: CC=$$cc"; \
	$(MAKE) B=build-asan KBBIN=build-asan/kb CC=$$cc \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

# Check forks each test by default; under valgrind run them in-process.
valgrind:
	CK_FORK=no $(MAKE) check TEST_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"

# demo: the main job on the bundled corpus, from a fresh Debian machine.
demo: kb
	rm -f kb.db kb.db-wal kb.db-shm
	./kb ingest corpus/
	./kb sources
	./kb search --limit 3 GIL
	./kb search --limit 3 "python's syntax"
	./kb claims --subject Python --dimension concurrency | head -30
	./kb disagreements --subject Python
	./kb export --format html -o kb-summary.html --force
	./kb export --format md | head -40
	@echo "demo: the full cited summary is in kb-summary.html"

# eval: precision and recall of the claim tags against the hand-labelled
# gold set (tests/gold/).  A measurement, not a test.
eval: $(KBBIN) $(B)/eval eval-dis
	@rm -f $(B)/eval.db* $(B)/eval-dbms.db*
	@echo "== corpus/ (Node.js vs Python), gold: tests/gold/corpus.tsv"
	@./$(KBBIN) --db $(B)/eval.db ingest --quiet corpus/
	@$(B)/eval $(B)/eval.db tests/gold/corpus.tsv corpus $(EVAL_FLAGS)
	@echo "== second domain (PostgreSQL vs MySQL), its own taxonomy: tests/fixtures/dbms/"
	@./$(KBBIN) --db $(B)/eval-dbms.db init --taxonomy tests/fixtures/dbms/taxonomy.tsv 2>/dev/null
	@./$(KBBIN) --db $(B)/eval-dbms.db ingest --quiet tests/fixtures/dbms/postgres-vs-mysql.md
	@$(B)/eval $(B)/eval-dbms.db tests/fixtures/dbms/expected.tsv tests/fixtures/dbms $(EVAL_FLAGS)

# eval-dis: kb disagreements against the gold lists of disagreements:
# corpus/ and, apart, the development set (tests/dev/*/: real articles on
# other comparisons, each folder with its taxonomy and gold list).
DEVDIRS := $(patsubst %/disagreements.tsv,%,$(wildcard tests/dev/*/disagreements.tsv))
eval-dis: $(KBBIN) $(B)/eval_dis
	@rm -f $(B)/eval.db* $(B)/eval-dev-*
	@./$(KBBIN) --db $(B)/eval.db ingest --quiet corpus/
	@echo "== corpus/ (Node.js vs Python), gold: tests/gold/disagreements.tsv"
	@$(B)/eval_dis $(EVAL_FLAGS) $(B)/eval.db tests/gold/disagreements.tsv corpus
	@set -e; args=; for d in $(DEVDIRS); do n=$$(basename $$d); \
	   ./$(KBBIN) --db $(B)/eval-dev-$$n.db init --taxonomy $$d/taxonomy.tsv >/dev/null 2>&1; \
	   ./$(KBBIN) --db $(B)/eval-dev-$$n.db ingest --quiet $$(ls $$d/[0-9]* ); \
	   args="$$args $(B)/eval-dev-$$n.db $$d/disagreements.tsv $$d"; done; \
	 if [ -n "$$args" ]; then echo "== development set ($(DEVDIRS))"; $(B)/eval_dis $(EVAL_FLAGS) $$args; fi

$(B)/eval_dis: tests/eval_dis.c $(B)/libkb.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libkb.a $(PKG_LIBS) -lm -lpthread

$(B)/eval: tests/eval.c | $(B)/.deps
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS) -lm

install: kb
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 kb $(DESTDIR)$(BINDIR)/kb
	install -m 644 docs/kb.1 $(DESTDIR)$(MANDIR)/man1/kb.1

clean:
	rm -rf build build-asan build-vg kb kb-summary.html

include tests/fuzz/fuzz.mk
include tests/bench/bench.mk

.PHONY: all deps check asan valgrind demo eval eval-dis install clean fuzz bench

-include $(patsubst %.o,%.d,$(CMDOBJ) $(LIBOBJ))
