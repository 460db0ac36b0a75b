#!/bin/bash
# Install into a temporary prefix with DESTDIR, then: the installed binary
# finds its lexicons with no environment variable; tact --version agrees
# with the header; the example links with pkg-config and runs; the shared
# library exports exactly the functions the header declares; uninstall
# removes everything. Usage: tests/install.sh BUILD_DIR
set -u
B=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install: FAIL: $*"; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2], got [$3]"; fi; }
prefix=/opt/tact-test
make -s --no-print-directory install B="$B" PREFIX=$prefix DESTDIR="$root" >/dev/null 2>"$root.err" || { bad "make install: $(tail -3 "$root.err")"; }
P=$root$prefix
for f in bin/tact include/tact.h lib/libtact.a lib/libtact.so lib/pkgconfig/tact.pc share/man/man1/tact.1 \
	share/bash-completion/completions/tact share/tact/lexicons/en/escalation.tact; do
	[ -e "$P/$f" ] && ok || bad "missing $f"
done
# run from the install, no TACT_LEXICONS: lexicons found relative to the binary
out=$(printf 'I will see you in court.\n' | env -u TACT_LEXICONS "$P/bin/tact" -f text --role customer 2>&1)
check installed-finds-lexicons 1 "$(printf '%s' "$out" | grep -c 'escalation.legal')"
hv=$(sed -n 's/^#define TACT_VERSION_STRING "\(.*\)"/\1/p' include/tact.h)
check version-matches-header "tact $hv (schema 1)" "$("$P/bin/tact" --version)"
grep -q "## $hv" CHANGELOG.md && ok || bad "CHANGELOG.md has no entry for $hv"
# the example, built with pkg-config against the installed library
export PKG_CONFIG_PATH=$P/lib/pkgconfig
flags=$(pkg-config --define-variable=prefix="$P" --cflags --libs tact 2>&1) || bad "pkg-config: $flags"
flags=$(printf '%s' "$flags" | sed "s|$prefix|$P|g")
# under the sanitizers the library needs their runtime: build the example alike
if cc ${EXAMPLE_CFLAGS:-} -o "$root/check_draft" examples/check_draft.c $flags 2>"$root/cc.err"; then
	ok
	out=$(LD_LIBRARY_PATH=$P/lib TACT_LEXICONS=$P/share/tact/lexicons "$root/check_draft" "Calm down, it is your responsibility to read the terms.")
	check example-fails-bad-draft 1 "$?"
	[ "$(printf '%s\n' "$out" | grep -c '^agent.blame')" -ge 1 ] && ok || bad "example-finds-blame: $out"
	LD_LIBRARY_PATH=$P/lib TACT_LEXICONS=$P/share/tact/lexicons "$root/check_draft" "Thanks, I've refunded the fee today." >/dev/null
	check example-passes-good-draft 0 "$?"
else
	bad "example does not build: $(head -5 "$root/cc.err")"
fi
# exported symbols = functions declared in the header
exported=$(nm -D --defined-only "$P/lib/libtact.so" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u)
declared=$(gcc -fpreprocessed -dD -E -P include/tact.h 2>/dev/null | grep -oE '\btact_[a-z0-9_]+[[:space:]]*\(' |
	sed 's/[[:space:]]*($//' | sort -u)
check exported-symbols-match-header "$declared" "$exported"
[ -z "$(printf '%s\n' "$exported" | grep -v '^tact_')" ] && ok || bad "non-tact symbols exported"
make -s --no-print-directory uninstall B="$B" PREFIX=$prefix DESTDIR="$root" >/dev/null
left=$(find "$P" -type f 2>/dev/null | head -3)
check uninstall-removes-all "" "$left"
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
