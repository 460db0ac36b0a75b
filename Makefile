# tact. Anchors: mblaze GNUmakefile, utf8proc Makefile, redis src/Makefile.
# `make` builds build/tact and build/libtact.a; `make test` runs every test,
# then again under AddressSanitizer and UndefinedBehaviorSanitizer.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
INCDIR  ?= $(PREFIX)/include
LIBDIR  ?= $(PREFIX)/lib
DATADIR ?= $(PREFIX)/share/tact
MANDIR  ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
PCDIR   ?= $(LIBDIR)/pkgconfig
B       ?= build
VERSION := $(shell sed -n 's/^\#define TACT_VERSION_STRING "\(.*\)"/\1/p' include/tact.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

# pkg-config names, and the Debian packages that provide what we need.
PKGS     = libpcre2-8 hunspell libutf8proc gmime-3.0 libcjson gumbo
DEB_PKGS = build-essential pkg-config valgrind libpcre2-dev libhunspell-dev hunspell-en-us \
           libutf8proc-dev libgmime-3.0-dev libcjson-dev libcsv-dev libgumbo-dev \
           python3 jq time parallel
DEPS_OK  = $(B)/.deps-ok

CFLAGS  ?= -O2 -g
override CFLAGS   += -std=c11 -Wall -Wextra -Wpedantic -Wno-overlength-strings -Werror -Wshadow -Wstrict-prototypes \
                     -Wno-error=deprecated-declarations -pthread -fPIC
override CPPFLAGS += -D_GNU_SOURCE -Iinclude -Isrc -DPCRE2_CODE_UNIT_WIDTH=8 \
                     -DTACT_DATADIR='"$(DATADIR)"' \
                     $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# hunspell and GMime are not linked: src/spell.c loads hunspell when spelling
# is asked for, src/mail.c GMime when the first e-mail is decoded.
LDLIBS  += $(shell pkg-config --libs $(filter-out hunspell gmime-3.0,$(PKGS)) 2>/dev/null) -lcsv -lpthread -lm

# libtact is every stage; the command is main.c, its progress line and the
# expansion of directories named on its command line.
CLISRC = src/main.c src/paths.c src/progress.c
LIBSRC = $(filter-out $(CLISRC),$(wildcard src/*.c))
OBJ    = $(LIBSRC:src/%.c=$(B)/%.o)
UNIT   = $(patsubst tests/unit/%.c,$(B)/%,$(wildcard tests/unit/*_test.c))
FUZZ   = $(patsubst tests/fuzz/%.c,$(B)/%,$(wildcard tests/fuzz/fuzz_*.c))

# Entry points install missing packages first, then build in a fresh make so
# that pkg-config sees what was just installed.
all: deps
	@$(MAKE) --no-print-directory $(B)/tact $(B)/libtact.so

# Install missing system packages (as root, on Debian) only when a library
# cannot be found; a stamp keeps later builds from asking again.
deps: $(DEPS_OK)
$(DEPS_OK):
	@mkdir -p $(B)
	@if ! pkg-config --exists $(PKGS) || [ ! -f /usr/include/csv.h ] || \
	    [ ! -f /usr/share/hunspell/en_US.dic ] || ! command -v jq >/dev/null || \
	    ! command -v python3 >/dev/null || [ ! -x /usr/bin/time ] || ! command -v parallel >/dev/null; then \
	  echo "make deps: installing $(DEB_PKGS)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(DEB_PKGS) >/dev/null; \
	fi
	@touch $@

# The compiled-lexicon cache (src/cache.c) is keyed by this hash of the
# sources; the header is rewritten only when it changes.
$(B)/build-id.h: $(LIBSRC) $(wildcard src/*.h src/*.inc) | $(DEPS_OK)
	@mkdir -p $(@D)
	@echo "#define TACT_BUILD_ID \"$$(cat $^ | sha256sum | cut -c1-16)\"" >$@.tmp; \
	  if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(B)/cache.o: $(B)/build-id.h
$(B)/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -I$(B) $(CFLAGS) -MMD -MP -c -o $@ $<
$(B)/libtact.a: $(OBJ)
	$(AR) rcs $@ $^
# The shared library exports only tact_* (src/libtact.map).
$(B)/libtact.so.$(VERSION): $(OBJ) src/libtact.map
	$(CC) -shared -Wl,-soname,libtact.so.$(SOMAJOR) -Wl,--version-script=src/libtact.map $(LDFLAGS) \
	  -o $@ $(OBJ) $(LDLIBS)
$(B)/libtact.so: $(B)/libtact.so.$(VERSION)
	ln -sf libtact.so.$(VERSION) $(B)/libtact.so.$(SOMAJOR)
	ln -sf libtact.so.$(VERSION) $@
$(B)/tact: $(B)/main.o $(B)/paths.o $(B)/progress.o $(B)/libtact.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/libtact.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(B)/libtact.a $(LDLIBS)
$(B)/%_test: tests/unit/%_test.c tests/unit/testing.h $(B)/libtact.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libtact.a $(LDLIBS)

# The README's first command: build, then analyse the bundled corpus.
demo: deps
	@$(MAKE) --no-print-directory $(B)/tact
	$(B)/tact -c corpus/tact.conf --format text --summary corpus/*/*

check-unit: $(UNIT)
	@tests/run-unit.sh $(UNIT)
check-golden: $(B)/tact
	@tests/golden.sh $(B)/tact
check-cli: $(B)/tact
	@tests/cli.sh $(B)/tact
# The GNU parallel recipes give the same bytes as a serial run.
check-parallel: $(B)/tact
	@tests/parallel.sh $(B)/tact
# Hostile input, named cases (tests/hostile.sh).
check-hostile: $(B)/tact
	@tests/hostile.sh $(B)/tact
# The golden tests under valgrind memcheck: no error, no leak.
VALGRIND = valgrind --quiet --error-exitcode=97 --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect
check-valgrind: $(B)/tact
	@command -v valgrind >/dev/null || { echo "check-valgrind: valgrind not installed"; exit 1; }
	@TACT_WRAP="$(VALGRIND)" tests/golden.sh $(B)/tact | sed 's/^golden:/valgrind golden:/'
# Every fuzz target over its seeds and saved regression cases (a crash
# aborts). Seeds: corpus/, the mail fixtures, the lexicons.
FUZZ_SEEDS = corpus tests/fixtures/mail lexicons/en
check-fuzz: $(FUZZ)
	@for f in $(FUZZ); do t=$${f##*/fuzz_}; \
	  TACT_LEXICONS=$(CURDIR)/lexicons $$f $(FUZZ_SEEDS) tests/fuzz/regress/$$t || exit 1; done
# Install into a temporary prefix, run from there, build the example with
# pkg-config, and check the exported symbols against the header.
check-install: $(B)/tact $(B)/libtact.so
	@EXAMPLE_CFLAGS="$(filter -fsanitize% -fno-sanitize%,$(CFLAGS))" tests/install.sh $(B)
# E-mail input: own fixtures, then the peers' fixtures in ../shared/corpus-ext
# (skipped when absent); a few seconds in all.
check-mail: $(B)/tact
	@tests/mail.sh $(B)/tact
	@python3 tests/eval/replyparse.py $(B)/tact
	@python3 tests/eval/mimeparse.py $(B)/tact
eval-mail: $(B)/tact
	python3 tests/eval/replyparse.py -v $(B)/tact
	python3 tests/eval/mimeparse.py $(B)/tact
# Lint every bundled lexicon and run its embedded examples.
check-lexicon: $(B)/tact
	@$(B)/tact lexicon lint && $(B)/tact lexicon test
# Spelling of agent replies: the typo cases of the agent sets, and skip cases.
check-spelling: $(B)/tact
	@TACT=$(B)/tact python3 tests/eval/spelling.py

# One pass of every suite against the build in $(B).
check: check-unit check-golden check-cli check-lexicon check-spelling check-mail check-install check-fuzz \
	check-hostile check-parallel

# libFuzzer (clang): make fuzz T=read_jsonl FUZZTIME=600; fuzz-smoke runs
# every target for SMOKETIME seconds (CI). New crashes are written to
# build-fuzz/; keep each as tests/fuzz/regress/<target>/<name>.
# FUZZFLAGS passes more libFuzzer options (run in build-fuzz/, so absolute
# paths), e.g. FUZZFLAGS=-dict=$PWD/tests/fuzz/formats.dict.
T ?= pipeline
FUZZTIME ?= 60
SMOKETIME ?= 15
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz-lib: deps
	@command -v clang >/dev/null && [ -n "$$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer-x86_64.a' 2>/dev/null)" ] || \
	  { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; echo "make fuzz: installing clang"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq clang libclang-rt-14-dev >/dev/null; }
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" build-fuzz/libtact.a
fuzz: fuzz-lib
	clang -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS) -o build-fuzz/fuzz-$(T) tests/fuzz/fuzz_$(T).c \
	  build-fuzz/libtact.a $(LDLIBS)
	mkdir -p build-fuzz/corpus-$(T)
	cd build-fuzz && TACT_LEXICONS=$(CURDIR)/lexicons ./fuzz-$(T) -max_total_time=$(FUZZTIME) -max_len=65536 \
	  -timeout=20 -rss_limit_mb=3000 -print_final_stats=1 $(FUZZFLAGS) corpus-$(T) $(addprefix $(CURDIR)/,$(FUZZ_SEEDS))
fuzz-smoke: fuzz-lib
	@for t in $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)); do \
	  $(MAKE) --no-print-directory fuzz T=$$t FUZZTIME=$(SMOKETIME) >build-fuzz/smoke-$$t.log 2>&1 || \
	  { tail -40 build-fuzz/smoke-$$t.log; exit 1; }; \
	  echo "fuzz-smoke $$t: $$(grep -o 'stat::number_of_executed_units: [0-9]*' build-fuzz/smoke-$$t.log)"; done

# Regenerate the Scunthorpe allowlist from the hunspell dictionary; review
# the diff. check-lexicon fails when it is out of date.
allowlist: $(B)/tact
	$(B)/tact lexicon allowlist -o lexicons/en/zz-innocent.tact
# Regenerate the look-alike table from Unicode's confusables data.
confusables:
	tools/gen-confusables.py > src/confusables.inc

# Throughput against cat, ripgrep and GMime on a corpus built from
# ../shared/corpus-ext (results: doc/performance.md).
bench: deps
	@$(MAKE) --no-print-directory $(B)/tact
	@command -v hyperfine >/dev/null && command -v rg >/dev/null || \
	  { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get install -y -qq hyperfine ripgrep >/dev/null; }
	tools/bench/run.sh $(B)

# The evaluations on labelled data (figures, not pass/fail).
eval: $(B)/tact
	@for f in escalation escalation-holdout escalation-holdout2; do \
	  TACT=$(B)/tact python3 tests/eval/escalation.py tests/eval/$$f.jsonl; echo; done
	@for f in agent agent-holdout agent-holdout2 agent-holdout3; do \
	  TACT=$(B)/tact python3 tests/eval/agent.py tests/eval/$$f.jsonl; echo; done
	@for s in dev dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10 dev11 dev12 test test2 test3; do TACT=$(B)/tact python3 tests/eval/escalation.py tests/eval/escalation-real.tsv $$s; echo; done
	@for s in dev dev2 dev3 dev4 dev5 test test2; do TACT=$(B)/tact python3 tests/eval/agent.py tests/eval/agent-real.tsv $$s; echo; done
	@TACT=$(B)/tact python3 tests/eval/derogatory.py
	@echo; TACT=$(B)/tact python3 tests/eval/complaints.py
	@echo; TACT=$(B)/tact python3 tests/eval/targets.py

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANB ?= build-san
# ASAN_OPTIONS intercept_tls_get_addr=0: LeakSanitizer (gcc 12, glibc 2.36)
# follows the dynamic TLS of libraries loaded with dlopen() (hunspell and its
# libstdc++, spell.c) and crashed at exit on a bogus range ("Tracer caught
# signal 11 ... DTLS 10 at 0xabb-0x1000001bbd") in most cold
# `--spell --lexicons DIR` runs under -j2; tact keeps nothing in that TLS.
san:
	TACT_SANITIZED=1 ASAN_OPTIONS=intercept_tls_get_addr=0$${ASAN_OPTIONS:+:$$ASAN_OPTIONS} \
	  $(MAKE) B=$(SANB) CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" check

# The README's second command.
test: deps
	@tests/run-all.sh

# The HTML report in a real browser: Debian's Chromium (installed when
# missing, as root, like `make deps`) driven by playwright-core from npm,
# which downloads no browser of its own. Builds the report from corpus/ and
# the XSS fixture, checks highlights, filters, tooltips, that nothing from
# the data runs and no console error appears; screenshot in $(B)/report.png.
CHROMIUM ?= /usr/bin/chromium
test-browser: $(B)/tact
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "make test-browser: installing chromium"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi
	@cd tests/browser && { [ -f node_modules/playwright-core/package.json ] || \
	  npm ci --no-audit --no-fund --loglevel=error; }
	@$(B)/tact --quiet --format html corpus/*/* tests/browser/xss.jsonl >$(B)/report.html
	@CHROMIUM=$(CHROMIUM) node tests/browser/report-test.js $(B)/report.html $(B)/report.png

golden-update: $(B)/tact
	tests/golden.sh $(B)/tact --update

install: $(B)/tact $(B)/libtact.so
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PCDIR) \
	  $(DESTDIR)$(DATADIR)/lexicons/en $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPDIR)
	install -m 0755 $(B)/tact $(DESTDIR)$(BINDIR)/tact
	install -m 0644 include/tact.h $(DESTDIR)$(INCDIR)/tact.h
	install -m 0644 $(B)/libtact.a $(DESTDIR)$(LIBDIR)/libtact.a
	install -m 0755 $(B)/libtact.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtact.so.$(VERSION)
	ln -sf libtact.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtact.so.$(SOMAJOR)
	ln -sf libtact.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtact.so
	install -m 0644 lexicons/en/*.tact $(DESTDIR)$(DATADIR)/lexicons/en/
	install -m 0644 lexicons/README.md $(DESTDIR)$(DATADIR)/lexicons/README.md
	install -m 0644 doc/tact.1 $(DESTDIR)$(MANDIR)/man1/tact.1
	install -m 0644 completions/tact.bash $(DESTDIR)$(COMPDIR)/tact
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	  -e 's|@DATADIR@|$(DATADIR)|' -e 's|@VERSION@|$(VERSION)|' tact.pc.in > $(DESTDIR)$(PCDIR)/tact.pc
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tact $(DESTDIR)$(INCDIR)/tact.h $(DESTDIR)$(LIBDIR)/libtact.a \
	  $(DESTDIR)$(LIBDIR)/libtact.so $(DESTDIR)$(LIBDIR)/libtact.so.$(SOMAJOR) \
	  $(DESTDIR)$(LIBDIR)/libtact.so.$(VERSION) $(DESTDIR)$(PCDIR)/tact.pc \
	  $(DESTDIR)$(MANDIR)/man1/tact.1 $(DESTDIR)$(COMPDIR)/tact
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz

.PHONY: all deps demo check check-unit check-golden check-cli check-lexicon check-mail check-install \
	eval-mail san test install uninstall check-spelling check-fuzz fuzz fuzz-lib fuzz-smoke check-hostile check-valgrind check-parallel \
	test-browser golden-update clean allowlist confusables eval bench
-include $(OBJ:.o=.d) $(B)/main.d $(B)/paths.d $(B)/progress.d
