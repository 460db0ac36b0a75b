#!/bin/sh
# Golden-file tests. Each tests/golden/<case>/ holds:
#   args      the command-line arguments (shell words; run inside the case dir)
#   input     standard input (optional; /dev/null when absent)
#   expected  the exact standard output
#   status    the expected exit status (optional; 0 when absent)
# Usage: tests/golden.sh path/to/tact [--update]
# TACT_WRAP, when set, is a command put before tact (valgrind for
# `make check-valgrind`).
# --update rewrites expected and status from the current build: review the
# diff before committing it.
tact=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=${2:-}
root=$(cd "$(dirname "$0")/golden" && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/*/; do
	name=$(basename "$dir")
	[ -f "$dir/args" ] || continue
	in=/dev/null
	[ -f "$dir/input" ] && in="$dir/input"
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	(cd "$dir" && eval "NO_COLOR= TACT_CONFIG= ${TACT_WRAP:-} \"$tact\" $(cat args)" <"$in" >"$tmp/out" 2>"$tmp/err")
	got_status=$?
	if [ "$update" = "--update" ]; then
		cp "$tmp/out" "$dir/expected"
		if [ "$got_status" != 0 ]; then echo "$got_status" >"$dir/status"; else rm -f "$dir/status"; fi
		echo "updated $name"
		continue
	fi
	if ! cmp -s "$tmp/out" "$dir/expected"; then
		echo "golden $name: output differs:"
		diff -u "$dir/expected" "$tmp/out" | head -40
		fail=$((fail + 1))
	elif [ "$got_status" != "$want_status" ]; then
		echo "golden $name: exit status $got_status, want $want_status"
		sed 's/^/  stderr: /' "$tmp/err" | head -5
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
[ "$update" = "--update" ] && exit 0
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
