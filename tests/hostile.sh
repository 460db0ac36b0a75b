#!/bin/bash
# Hostile input, one named case each: every message yields exactly one
# record, in order, with a clear "error" where it could not be analysed;
# nothing crashes, hangs or grows memory with the input; nothing in the
# input acts on a terminal. Usage: tests/hostile.sh path/to/tact
set -u
tact=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 TACT_CONFIG=
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hostile: FAIL: $*"; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2], got [$3]"; fi; }
records() { wc -l <"$1" | tr -d ' '; }
# run CMD with a time limit; the status of a hung run is 124
run() { timeout 120 "$@"; }
plain() { [ -z "${TACT_SANITIZED:-}" ]; }

# --- invalid UTF-8 of every kind ------------------------------------------------------
for c in 'overlong:\xc0\xaf' 'overlong3:\xe0\x80\xaf' 'surrogate:\xed\xa0\x80' 'truncated:\xe2\x82' \
	'lone-continuation:\x80\xbf' 'five-byte:\xf8\x88\x80\x80\x80' 'above-max:\xf4\x90\x80\x80' 'ff:\xff\xfe'; do
	name=${c%%:*} bytes=${c#*:}
	printf "ok $bytes end" | run "$tact" -f text --text >"$tmp/out"
	check "utf8-$name-one-record" 1 "$(records "$tmp/out")"
	check "utf8-$name-valid-json" ok "$(jq -r 'if (.text | test("^ok \ufffd+ end$")) then "ok" else .text end' "$tmp/out")"
	check "utf8-$name-warning" 1 "$(jq -r '.warnings[0]' "$tmp/out" | grep -c 'invalid UTF-8')"
done
printf '{"id":"a","text":"caf\xe9 \xff"}\n{"id":"b","text":"fine"}\n' | run "$tact" -f jsonl >"$tmp/out"
check utf8-in-jsonl-records "a b" "$(jq -r .id "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# a lone UTF-16 surrogate escape (an emoji cut in half, as Python's json
# writes it) is U+FFFD with a warning, as invalid UTF-8 is; a pair stays
printf '{"id":"a","text":"x\\ud83d y \\udc00 z \\ud83d\\ude00 \\\\ud800"}\n' | run "$tact" -f jsonl --text >"$tmp/out"
check surrogate-jsonl-text "$(printf 'x\357\277\275 y \357\277\275 z \360\237\230\200 \\ud800')" "$(jq -r .text "$tmp/out")"
check surrogate-jsonl-warning '2 lone UTF-16 surrogates replaced by U+FFFD' "$(jq -r '.warnings[]?' "$tmp/out")"

# --- NUL bytes --------------------------------------------------------------------------
printf 'Customer: a\0b\nAgent: c\n' | run "$tact" -f transcript --text >"$tmp/out"
check nul-transcript "2" "$(records "$tmp/out")"
printf '{"text":"x"}\0\n{"text":"y"}\n' | run "$tact" -f jsonl >"$tmp/out"
check nul-jsonl-two-records 2 "$(records "$tmp/out")"
check nul-jsonl-first-error 1 "$(jq -r 'select(.index==1) | .error' "$tmp/out" | grep -c 'invalid JSON')"
printf 'id,text\n1,"a\0b"\n2,c\n' | run "$tact" -f csv --text >"$tmp/out"
check nul-csv 2 "$(records "$tmp/out")"

# --- a 1 GB line streamed from a generator: cut, one record, flat memory ----------------
if plain; then
	kb=$( { /usr/bin/time -f %M sh -c "head -c 1000000000 /dev/zero | tr '\\\\0' a | $tact -f jsonl >$tmp/out" ; } 2>&1 | tail -1)
	check gigabyte-line-one-record 1 "$(records "$tmp/out")"
	check gigabyte-line-error 1 "$(jq -r .error "$tmp/out" | grep -c 'longer than max-message-bytes')"
	[ "${kb:-999999}" -lt 65536 ] && ok || bad "gigabyte-line: peak RSS ${kb} kB"
else
	echo "hostile: gigabyte line skipped under sanitizers (time)"
fi

# --- one long message: analysed a window at a time (512 KB), offsets the message's -----
python3 -c "import sys; sys.stdout.write('The parcel came late. ' * 40000 + 'I will cancel my account now.' + ' Thanks.' * 100000)" >"$tmp/long.txt"
run "$tact" -f text --role customer "$tmp/long.txt" >"$tmp/out"
check long-message-one-record 1 "$(records "$tmp/out")"
check long-message-span "escalation.cancel 880007 cancel my account" \
	"$(jq -r '.spans[] | select(.label == "escalation.cancel") | "\(.label) \(.start) \(.match)"' "$tmp/out")"
check long-message-level medium "$(jq -r .escalation.level "$tmp/out")"
# dense with findings: memory bounded by the window, not the message (700 MB
# when such a message was analysed whole)
if plain; then
	python3 -c "import sys; sys.stdout.write('you idiot. ' * 1500000)" >"$tmp/dense.txt"
	kb=$( { /usr/bin/time -f %M "$tact" -f text --role customer "$tmp/dense.txt" >"$tmp/out" ; } 2>&1 | tail -1)
	check dense-message-one-record 1 "$(records "$tmp/out")"
	check dense-message-count "1500000 spans found" "$(jq -r '.warnings[0]' "$tmp/out" | grep -o '^[0-9]* spans found')"
	check dense-message-kind insult "$(jq -r .derogatory "$tmp/out")"
	[ "${kb:-999999}" -lt 98304 ] && ok || bad "dense-message: peak RSS ${kb} kB"
else
	echo "hostile: dense message skipped under sanitizers (memory)"
fi

# --- 100,000 empty messages ----------------------------------------------------------------
python3 -c "import sys; sys.stdout.write('{\"text\":\"\"}\n' * 100000)" >"$tmp/empty.jsonl"
run "$tact" -j2 "$tmp/empty.jsonl" >"$tmp/out"
check hundred-thousand-empty 100000 "$(records "$tmp/out")"
check hundred-thousand-in-order 100000 "$(tail -1 "$tmp/out" | jq .index)"
python3 -c "import sys; sys.stdout.write('Customer:\n' * 20000)" | run "$tact" -f transcript >"$tmp/out"
check twenty-thousand-empty-turns 20000 "$(records "$tmp/out")"

# --- MIME ------------------------------------------------------------------------------------
python3 - "$tmp/deep.eml" <<'PY'
import sys
n = 10000
out = ["From: a@b.example", "Subject: deep", "MIME-Version: 1.0",
       'Content-Type: multipart/mixed; boundary="b0"', ""]
for i in range(n):
    out += ["--b%d" % i, 'Content-Type: multipart/mixed; boundary="b%d"' % (i + 1), ""]
out += ["--b%d" % n, "Content-Type: text/plain", "", "deep text", "--b%d--" % n]
for i in range(n - 1, -1, -1):
    out.append("--b%d--" % i)
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
run "$tact" -f eml "$tmp/deep.eml" >"$tmp/out"; st=$?
check ten-thousand-deep-multipart "0 1" "$st $(records "$tmp/out")"
printf 'From: a@b.example\nSubject: open\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\nthe boundary never closes\n' >"$tmp/open.eml"
run "$tact" -f eml --text "$tmp/open.eml" >"$tmp/out"
check boundary-never-closes "1 1" "$(records "$tmp/out") $(jq -r .text "$tmp/out" | grep -c 'never closes')"
printf 'From: a@b.example\nSubject: b64\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVsbG8gd29y!!!bGQ=@@@ not base64 at all\n' >"$tmp/b64.eml"
run "$tact" -f eml "$tmp/b64.eml" >"$tmp/out"
check base64-garbage-one-record 1 "$(records "$tmp/out")"

# --- JSON nested 100,000 deep ------------------------------------------------------------------
python3 -c "print('{\"text\":' + '[' * 100000 + ']' * 100000 + '}'); print('{\"id\":\"next\",\"text\":\"ok\"}')" >"$tmp/nest.jsonl"
run "$tact" "$tmp/nest.jsonl" >"$tmp/out"
check json-nested-deep-records 2 "$(records "$tmp/out")"
check json-nested-deep-error 1 "$(jq -r 'select(.index==1) | .error' "$tmp/out" | grep -c 'invalid JSON')"
check json-nested-deep-next next "$(jq -r 'select(.index==2) | .id' "$tmp/out")"

# --- CSV with a quote that never closes --------------------------------------------------------
printf 'id,text\n1,fine\n2,"never closed\n3,more\n4,and more\n' >"$tmp/q.csv"
run "$tact" "$tmp/q.csv" >"$tmp/out"
check csv-open-quote-records "1 2" "$(jq -r .id "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check csv-open-quote-error 1 "$(jq -r 'select(.id=="2") | .error' "$tmp/out" | grep -c 'never closes')"

# --- a user lexicon regex built for catastrophic backtracking ------------------------------------
mkdir -p "$tmp/lex"
# the classic ReDoS: nested quantifiers that fail only at the end of a long subject
printf 'evil.regex escalation.legal high anchor=aaaa /^(\\w+\\s?)*$/\n' >"$tmp/lex/evil.tact"
python3 -c "print('{\"id\":\"evil\",\"role\":\"customer\",\"text\":\"aaaa ' + 'ab ' * 5000 + 'a!\"}'); print('{\"id\":\"after\",\"role\":\"customer\",\"text\":\"see you in court\"}')" >"$tmp/evil.jsonl"
start=$(date +%s)
run "$tact" --lexicons "$tmp/lex" "$tmp/evil.jsonl" >"$tmp/out"; st=$?
took=$(( $(date +%s) - start ))
check regex-backtracking-status 0 "$st"
check regex-backtracking-records "evil after" "$(jq -r .id "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check regex-backtracking-error 1 "$(jq -r 'select(.id=="evil") | .error' "$tmp/out" | grep -c 'match limit')"
check regex-backtracking-next-analysed 1 "$(jq -r 'select(.id=="after") | .labels[]' "$tmp/out" | grep -c escalation.legal)"
[ "$took" -lt 30 ] && ok || bad "regex-backtracking took ${took}s"
# the same regex over the limit in each of 15,000 sentences (1 MB): tried until the first time only
printf 'evil.regex escalation.legal high anchor=aaaa /aaaa (\\w+\\s?)*\\d/\n' >"$tmp/lex/evil.tact"
python3 -c "import sys; sys.stdout.write(('aaaa ' + 'ab ' * 20 + 'a! ') * 15000)" >"$tmp/evil.txt"
start=$(date +%s)
run "$tact" -f text --lexicons "$tmp/lex" "$tmp/evil.txt" >"$tmp/out"; st=$?
took=$(( $(date +%s) - start ))
check regex-every-sentence-error 1 "$(jq -r .error "$tmp/out" | grep -c 'match limit')"
plain && { [ "$took" -lt 10 ] && ok || bad "regex-every-sentence took ${took}s"; }
# lint tries a `start` regex over its examples: with the analysis's limits
mkdir -p "$tmp/lint"
python3 -c "print('evil.start escalation.legal high start,anchor=aaaa /aaaa(?:\\\\s*\\\\w+)*\\\\d/'); print(('  - aaaa ' + 'ab ' * 25 + '!\\n') * 20, end='')" >"$tmp/lint/evil.tact"
start=$(date +%s)
run "$tact" lexicon lint "$tmp/lint" >"$tmp/out" 2>&1; st=$?
took=$(( $(date +%s) - start ))
check lint-regex-limit "2 20" "$st $(grep -c 'hits the pattern match limit' "$tmp/out")"
plain && { [ "$took" -lt 5 ] && ok || bad "lint-regex-limit took ${took}s"; }

# --- insults and threats in one sentence without a stop: the detectors look around each match -------
if plain; then
	python3 -c "import sys; sys.stdout.write('you idiot ' * 100000)" >"$tmp/ins1.txt"
	python3 -c "import sys; sys.stdout.write('\"quoted idiot\" ' * 30000)" >"$tmp/ins2.txt"
	python3 -c "import sys; sys.stdout.write('word ' * 20000 + '. ' + 'idiot ' * 20000)" >"$tmp/ins3.txt"
	python3 -c "import sys; sys.stdout.write('FUCKlNG ' * 30000)" >"$tmp/ins4.txt"
	python3 -c "import sys; sys.stdout.write('The Idiot Movie ' * 15000 + 'and then it broke.')" >"$tmp/ins5.txt"
	python3 -c "import sys; sys.stdout.write('I will post this on twitter ' * 70000)" >"$tmp/ins6.txt"
	for i in 1 2 3 4 5 6; do
		start=$(date +%s)
		run "$tact" -f text "$tmp/ins$i.txt" >"$tmp/out"; st=$?
		took=$(( $(date +%s) - start ))
		check "insults-$i-status" 0 "$st"
		[ "$took" -lt 15 ] && ok || bad "insults-$i took ${took}s"
	done
	# the text format shows each span on its line: one line of 100,000
	start=$(date +%s)
	run "$tact" -f text --format text "$tmp/ins1.txt" >"$tmp/out"; st=$?
	took=$(( $(date +%s) - start ))
	check insults-text-format-status 0 "$st"
	[ "$took" -lt 15 ] && ok || bad "insults-text-format took ${took}s"
fi

# --- a million PGP BEGIN lines that never END: quote.c looks for the END in one pass ----------------
if plain; then
	python3 -c "import sys; sys.stdout.write('hello\n' + '-----BEGIN PGP SIGNATURE-----\n' * 1000000)" >"$tmp/pgp.txt"
	start=$(date +%s)
	run "$tact" -f text "$tmp/pgp.txt" >"$tmp/out"; st=$?
	took=$(( $(date +%s) - start ))
	check pgp-begin-lines "0 1" "$st $(records "$tmp/out")"
	[ "$took" -lt 15 ] && ok || bad "pgp-begin-lines took ${took}s"
fi

# --- a huge patch in a mail body: quote.c reads each hunk by its counts, in one pass --------------
if plain; then
	python3 -c "import sys; sys.stdout.write('I called three times.\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,300000 +1,300000 @@\n' + ' I called you again, still broken\n' * 300000 + '@@ -1,9 +1,9 @@\n' * 100000 + '--- a/x\n' * 100000)" >"$tmp/patch.txt"
	start=$(date +%s)
	run "$tact" -f text --role customer "$tmp/patch.txt" >"$tmp/out"; st=$?
	took=$(( $(date +%s) - start ))
	check huge-patch "0 1 null" "$st $(records "$tmp/out") $(jq .error "$tmp/out")"
	check huge-patch-region "sig-patch 23" "$(jq -r '[.spans[] | select(.label=="signature")][0] | "\(.rule) \(.start)"' "$tmp/out")"
	[ "$took" -lt 15 ] && ok || bad "huge-patch took ${took}s"
fi

# --- an agent reply full of typos: hunspell suggests for the first few only --------------------------
if plain && [ -f /usr/share/hunspell/en_US.dic ]; then
	python3 - "$tmp/typos.txt" <<'PY'
import sys
# 2000 dictionary words with a letter dropped, among as many known words
words = [l.split("/")[0].strip() for l in open("/usr/share/hunspell/en_US.dic", encoding="latin-1")][1:]
words = [w for w in words if w.isalpha() and w.islower() and 7 <= len(w) <= 10][::20][:2000]
open(sys.argv[1], "w").write("Thank you. " + " ".join(w[:3] + w[4:] + " the" for w in words) + ".")
PY
	start=$(date +%s)
	run "$tact" -f text --role agent --spell "$tmp/typos.txt" >"$tmp/out"; st=$?
	took=$(( $(date +%s) - start ))
	check typos-status 0 "$st"
	check typos-suggested 16 "$(jq '[.spans[] | select(.suggestions)] | length' "$tmp/out")"
	[ "$(jq '[.spans[] | select(.label=="spelling")] | length' "$tmp/out")" -gt 1000 ] && ok || bad "typos: too few reported"
	[ "$took" -lt 15 ] && ok || bad "typos took ${took}s"
fi

# --- one unpunctuated sentence holding thousands of matches: time linear in it --------------------
python3 -c "print('{\"id\":\"long\",\"role\":\"customer\",\"text\":\"' + 'you idiot ' * 60000 + '\"}')" >"$tmp/sentence.jsonl"
start=$(date +%s)
run "$tact" "$tmp/sentence.jsonl" >"$tmp/out"; st=$?
took=$(( $(date +%s) - start ))
check long-sentence-record "0 long" "$st $(jq -r .id "$tmp/out")"
if plain; then [ "$took" -lt 10 ] && ok || bad "long-sentence took ${took}s"; fi

# --- terminal escape sequences: caret notation on a terminal format, escaped in JSON --------------
printf 'I WANT A MANAGER \033[2J\033]0;pwned\007 \302\233 NOW you idiot\n' >"$tmp/esc.txt"
run "$tact" -f text --role customer --format text --color=always --text "$tmp/esc.txt" >"$tmp/out"
check escapes-text-no-raw-esc 0 "$(grep -c "$(printf '\033\\[2J')" "$tmp/out")"
check escapes-text-no-osc 0 "$(grep -c "$(printf '\033]0')" "$tmp/out")"
check escapes-text-no-c1 0 "$(grep -c "$(printf '\302\233')" "$tmp/out")"
check escapes-text-caret 1 "$(grep -c '\^\[\[2J' "$tmp/out" | sed 's/[2-9]/1/')"
run "$tact" -f text --text "$tmp/esc.txt" >"$tmp/out"
check escapes-json-escaped 1 "$(grep -c '\\u001b\[2J' "$tmp/out")"
check escapes-json-no-raw 0 "$(grep -c "$(printf '\033')" "$tmp/out")"

# --- exit status with unreadable inputs and full disks -----------------------------------------------
printf 'one\n' >"$tmp/a.txt"
# a directory is read as the files under it (src/paths.c), not reported
mkdir -p "$tmp/dir.txt"
printf 'two\n' >"$tmp/dir.txt/b.txt"
run "$tact" -f text "$tmp/a.txt" "$tmp/dir.txt" "$tmp/missing.txt" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
check unreadable-status 2 "$st"
check unreadable-others-processed 3 "$(records "$tmp/out")"
check unreadable-reported 1 "$(grep -c 'missing.txt' "$tmp/err")"
check unreadable-dir-not-reported 0 "$(grep -c 'dir.txt' "$tmp/err")"
run "$tact" "$tmp/a.txt" >/dev/full 2>"$tmp/err"; st=$?
check full-disk-status 2 "$st"
check full-disk-message 1 "$(grep -c 'No space left on device' "$tmp/err")"
# on worker threads the write fails on a worker: the message still says why
for i in $(seq 3000); do printf '{"id":"%d","text":"where is my refund, this is the third time I ask"}\n' "$i"; done >"$tmp/many.jsonl"
run "$tact" -j2 --text "$tmp/many.jsonl" >/dev/full 2>"$tmp/err"; st=$?
check full-disk-jobs-status 2 "$st"
check full-disk-jobs-message 1 "$(grep -c 'No space left on device' "$tmp/err")"

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
