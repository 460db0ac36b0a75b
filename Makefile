# tact. Anchors: mblaze GNUmakefile, utf8proc Makefile, redis src/Makefile.
# `make` builds build/tact and build/libtact.a; `make test` runs every test,
# then again under AddressSanitizer and UndefinedBehaviorSanitizer.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
INCDIR  ?= $(PREFIX)/include
LIBDIR  ?= $(PREFIX)/lib
DATADIR ?= $(PREFIX)/share/tact
B       ?= build

# pkg-config names, and the Debian packages that provide what we need.
PKGS     = libpcre2-8 hunspell libutf8proc gmime-3.0 libcjson gumbo
DEB_PKGS = build-essential pkg-config libpcre2-dev libhunspell-dev hunspell-en-us \
           libutf8proc-dev libgmime-3.0-dev libcjson-dev libcsv-dev libgumbo-dev \
           python3 jq time
DEPS_OK  = $(B)/.deps-ok

CFLAGS  ?= -O2 -g
override CFLAGS   += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                     -Wno-error=deprecated-declarations -pthread
override CPPFLAGS += -D_GNU_SOURCE -Iinclude -Isrc -DPCRE2_CODE_UNIT_WIDTH=8 \
                     -DTACT_DATADIR='"$(DATADIR)"' \
                     $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm

LIBSRC = $(filter-out src/main.c,$(wildcard src/*.c))
OBJ    = $(LIBSRC:src/%.c=$(B)/%.o)
UNIT   = $(patsubst tests/unit/%.c,$(B)/%,$(wildcard tests/unit/*_test.c))

# Entry points install missing packages first, then build in a fresh make so
# that pkg-config sees what was just installed.
all: deps
	@$(MAKE) --no-print-directory $(B)/tact

# Install missing system packages (as root, on Debian) only when a library
# cannot be found; a stamp keeps later builds from asking again.
deps: $(DEPS_OK)
$(DEPS_OK):
	@mkdir -p $(B)
	@if ! pkg-config --exists $(PKGS) || [ ! -f /usr/include/csv.h ] || \
	    [ ! -f /usr/share/hunspell/en_US.dic ] || ! command -v jq >/dev/null || \
	    ! command -v python3 >/dev/null || [ ! -x /usr/bin/time ]; then \
	  echo "make deps: installing $(DEB_PKGS)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(DEB_PKGS) >/dev/null; \
	fi
	@touch $@

$(B)/%.o: src/%.c | $(DEPS_OK)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<
$(B)/libtact.a: $(OBJ)
	$(AR) rcs $@ $^
$(B)/tact: $(B)/main.o $(B)/libtact.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(B)/%_test: tests/unit/%_test.c tests/unit/testing.h $(B)/libtact.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libtact.a $(LDLIBS)

# The README's first command: build, then analyse the bundled corpus.
demo: deps
	@$(MAKE) --no-print-directory $(B)/tact
	$(B)/tact --format text --summary corpus/*/*

check-unit: $(UNIT)
	@tests/run-unit.sh $(UNIT)
check-golden: $(B)/tact
	@tests/golden.sh $(B)/tact
check-cli: $(B)/tact
	@tests/cli.sh $(B)/tact
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

# One pass of every suite against the build in $(B).
check: check-unit check-golden check-cli check-lexicon check-mail

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
	@for s in tests/eval/escalation.py tests/eval/agent.py tests/eval/derogatory.py; do \
	  [ -f $$s ] && TACT=$(B)/tact python3 $$s; echo; done

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANB ?= build-san
san:
	TACT_SANITIZED=1 $(MAKE) B=$(SANB) CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" check

# The README's second command.
test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory san
	@echo "make test: all suites passed (plain and ASan+UBSan)"

golden-update: $(B)/tact
	tests/golden.sh $(B)/tact --update

clean:
	rm -rf build build-san build-fuzz

.PHONY: all deps demo check check-unit check-golden check-cli check-lexicon check-mail eval-mail san test \
	golden-update clean allowlist confusables eval
-include $(OBJ:.o=.d) $(B)/main.d
