#!/bin/bash
# make bench: throughput of tact against reference points on the same bytes,
# with hyperfine. Builds a >= 64 MB corpus from ../shared/corpus-ext (JSON
# lines and mbox), then times: cat; ripgrep with every lexicon word; tact
# (jsonl in, jsonl out) on one thread, with spelling (and without its
# suggestions), on the mbox, on two threads (with and without spelling);
# GMime's bare parse of real mail and tact on the same mbox; the startup
# with the bundled lexicons. Prints a markdown table (MB/s, ratios),
# the in-process stage throughput and lexicon load (engine_bench), the
# latency of `tact serve` per request, and peak memory for 64 MB and 640 MB.
# Usage: tools/bench/run.sh BUILD_DIR   (e.g. build)
set -euo pipefail
B=${1:-build}
TACT=$B/tact
OUT=$B/bench
RUNS=${BENCH_RUNS:-3}
mkdir -p "$OUT"
[ -f "$OUT/corpus.jsonl" ] || python3 tools/bench/mkcorpus.py "$OUT" "${BENCH_MB:-64}"
[ -f "$OUT/text.txt" ] || python3 tools/bench/mkcorpus.py "$OUT" "${BENCH_MB:-64}"
cc -O2 -o "$OUT/gmime_parse" tools/bench/gmime_parse.c $(pkg-config --cflags --libs gmime-3.0)
cc -O2 -D_GNU_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 -Iinclude -Isrc -o "$OUT/engine_bench" tools/bench/engine_bench.c \
	"$B/libtact.a" $(pkg-config --cflags --libs libpcre2-8 hunspell libutf8proc libcjson gmime-3.0 gumbo) -lcsv -lpthread
"$TACT" lexicon words > "$OUT/words.txt"
size() { stat -c %s "$1"; }
J=$OUT/corpus.jsonl M=$OUT/corpus.mbox R=$OUT/real.mbox
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/results.json" \
	-n cat "cat $J" \
	-n ripgrep "rg -c -i -w -F -f $OUT/words.txt $J" \
	-n tact "$TACT -j1 $J" \
	-n tact-spell "$TACT -j1 --spell $J" \
	-n tact-spell-nosuggest "$TACT -j1 --spell --no-suggest $J" \
	-n tact-j2 "$TACT -j2 $J" \
	-n tact-spell-j2 "$TACT -j2 --spell $J" \
	-n tact-mbox "$TACT -j1 $M" \
	-n gmime-real-mbox "$OUT/gmime_parse $R" \
	-n tact-real-mbox "$TACT -j1 $R" \
	-n tact-real-mbox-j2 "$TACT -j2 $R" \
	>/dev/null
# start-up: with the compiled lexicons in the cache (made by the warm-up
# run), and compiled afresh
hyperfine -N --warmup 3 --runs 20 --export-json "$OUT/startup.json" -n startup "$TACT /dev/null" \
	-n startup-no-cache "$TACT --no-cache /dev/null" >/dev/null
python3 - "$OUT" "$(size $J)" "$(size $M)" "$(size $R)" <<'PY'
import json, sys
out, js, ms, rs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
res = {r["command"]: r for r in json.load(open(out + "/results.json"))["results"]}
size = {"cat": js, "ripgrep": js, "tact": js, "tact-spell": js, "tact-spell-nosuggest": js, "tact-j2": js, "tact-spell-j2": js, "tact-mbox": ms,
        "gmime-real-mbox": rs, "tact-real-mbox": rs, "tact-real-mbox-j2": rs}
print("| command | input | mean s | MB/s |")
print("|---|---|---:|---:|")
for name in size:
    r = res[name]
    print("| %s | %.0f MB | %.3f | %.1f |" % (name, size[name] / 2**20, r["mean"], size[name] / 2**20 / r["mean"]))
st, nc = json.load(open(out + "/startup.json"))["results"]
print("\nstartup with the bundled lexicons (tact /dev/null): %.1f ms mean, %.1f ms min; compiling them afresh "
      "(--no-cache) %.1f ms mean" % (st["mean"] * 1e3, st["min"] * 1e3, nc["mean"] * 1e3))
m = lambda n: size[n] / 2**20 / res[n]["mean"]
print("tact / ripgrep: %.2f; -j2 speed-up: %.2fx; tact mbox / bare GMime parse: %.2fx the time"
      % (m("tact") / m("ripgrep"), m("tact-j2") / m("tact"), res["tact-real-mbox"]["mean"] / res["gmime-real-mbox"]["mean"]))
PY
echo
TACT_LEXICONS=${TACT_LEXICONS:-$PWD/lexicons} "$OUT/engine_bench" "$OUT/text.txt" 3
echo
python3 tools/bench/serve_latency.py "$TACT" 2000
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "peak RSS, one thread: 64 MB input $(rss "$TACT" -j1 "$J") kB; 640 MB input (streamed) \
$(rss sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do cat $J; done | $TACT -j1") kB; -j2 on 640 MB \
$(rss sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do cat $J; done | $TACT -j2") kB"
