#!/bin/bash
# GNU parallel recipes from doc/performance.md, run locally with several
# jobs: the output must be byte-identical to a serial run. Positions
# (index, line, source) are per process, hence --no-positions; threads are
# kept whole in one job by --group-by, so thread features agree too.
# Usage: tests/parallel.sh path/to/tact
set -u
tact=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 TACT_CONFIG=
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "parallel: FAIL: $*"; }
if ! command -v parallel >/dev/null; then
	echo "parallel: skipped: GNU parallel not installed (apt-get install parallel)"
	echo "parallel: 0 passed, 0 failed"
	exit 0
fi
# JSON lines: the corpus, its threads made consecutive, repeated with fresh ids
for r in 1 2 3 4 5 6; do
	cat corpus/jsonl/*.jsonl | sed "s/\"id\": *\"/\"id\":\"r$r-/; s/\"thread\": *\"/\"thread\":\"r$r-/"
done >"$tmp/in.jsonl"
"$tact" -j1 --no-positions -f jsonl "$tmp/in.jsonl" >"$tmp/serial.jsonl"
parallel --will-cite --pipe --block 2k --keep-order -j4 \
	--group-by 's/.*"thread": *"([^"]*)".*/$1/' \
	"$tact" -j1 --no-positions -f jsonl <"$tmp/in.jsonl" >"$tmp/par.jsonl"
if cmp -s "$tmp/serial.jsonl" "$tmp/par.jsonl"; then ok; else bad "jsonl output differs from serial: $(diff "$tmp/serial.jsonl" "$tmp/par.jsonl" | head -3)"; fi
n=$(wc -l <"$tmp/par.jsonl")
[ "$n" -eq "$(wc -l <"$tmp/in.jsonl")" ] && ok || bad "jsonl records in != out ($n)"
# mbox: split at From_ lines; one mbox per job keeps threads whole
cat corpus/mbox/*.mbox >"$tmp/all.mbox"
"$tact" -j1 --no-positions -f mbox "$tmp/all.mbox" >"$tmp/serial.mbox.jsonl"
parallel --will-cite --pipe --recstart 'From ' --block 5k --keep-order -j4 \
	"$tact" -j1 --no-positions -f mbox <"$tmp/all.mbox" | jq -c 'del(.escalation)' >"$tmp/par.mbox.jsonl"
jq -c 'del(.escalation)' "$tmp/serial.mbox.jsonl" >"$tmp/serial.mbox.noesc"
if cmp -s "$tmp/serial.mbox.noesc" "$tmp/par.mbox.jsonl"; then ok; else bad "mbox output differs: $(diff "$tmp/serial.mbox.noesc" "$tmp/par.mbox.jsonl" | head -3)"; fi
ls corpus/mbox/*.mbox | parallel --will-cite --keep-order -j4 "$tact" -j1 --no-positions -f mbox {} >"$tmp/perfile.jsonl"
for f in corpus/mbox/*.mbox; do "$tact" -j1 --no-positions -f mbox "$f"; done >"$tmp/serialfiles.jsonl"
if cmp -s "$tmp/serialfiles.jsonl" "$tmp/perfile.jsonl"; then ok; else bad "one mbox per job differs from serial"; fi
echo "parallel: $pass passed, $fail failed"
[ "$fail" = 0 ]
