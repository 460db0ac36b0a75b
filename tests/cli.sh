#!/bin/bash
# End-to-end tests of the tact command: readers keep every record in order,
# bad input gives an error field and never a crash or a lost record, exit
# codes follow grep's convention. Usage: tests/cli.sh path/to/tact
set -u
tact=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 TACT_CONFIG=
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "cli: FAIL: $*"; }
# check NAME EXPECTED ACTUAL
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2], got [$3]"; fi; }
# status NAME WANT CMD...: run CMD, compare its exit status
status() { local n=$1 w=$2; shift 2; "$@" >"$tmp/out" 2>"$tmp/err"; check "$n (exit status)" "$w" "$?"; }
records() { wc -l <"$1" | tr -d ' '; }

# --- records in = records out, in order, on every reader -----------------
printf '%s\n' '{"id":"a","role":"customer","text":"one"}' '[1,2]' '' '{"id":"c","text":5}' \
	'not json at all' '{"id":"e","role":"agent","text":"five","thread":"t1"}' '{"text":"no id"}' >"$tmp/in.jsonl"
status jsonl-run 0 "$tact" "$tmp/in.jsonl"
check jsonl-count 6 "$(records "$tmp/out")"
check jsonl-order "a 2 c 4 e 6" "$(jq -r .id "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check jsonl-index "1 2 3 4 5 6" "$(jq -r .index "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check jsonl-errors 3 "$(jq -r 'select(.error) | .id' "$tmp/out" | wc -l | tr -d ' ')"
check jsonl-not-object "JSON line is an array, not an object" "$(jq -r 'select(.id=="2") | .error' "$tmp/out")"
check jsonl-role "customer agent" "$(jq -r 'select(.id=="a" or .id=="e") | .role' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check jsonl-thread t1 "$(jq -r 'select(.id=="e") | .thread' "$tmp/out")"
# a stream cut in the middle of a record (tail -c) is still JSON lines: the
# cut first line gets a record with an error, each line after its own
printf '%s\n' 'lf the text", "role": "customer"}' '{"id":"x","text":"one"}' '{"id":"y","text":"two"}' \
	'{"id":"z","text":"three"}' >"$tmp/cut.jsonl"
status cut-jsonl-run 0 "$tact" -q <"$tmp/cut.jsonl"
check cut-jsonl-records "1:invalid x: y: z:" "$(jq -r '.id + ":" + ((.error // "") | split(" ")[0])' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# an mbox cut in the middle of a mail is still an mbox: the text before the
# first From_ line is a record, each mail after it one
printf '%s\n' 'the end of a mail cut in two' '' 'From a@example.com Mon Jan  1 10:00:00 2024' 'Subject: one' '' \
	'first body' '' 'From b@example.com Mon Jan  1 11:00:00 2024' 'Subject: two' '' 'second body' >"$tmp/cut.mbox"
status cut-mbox-run 0 "$tact" -q <"$tmp/cut.mbox"
check cut-mbox-records 3 "$(records "$tmp/out")"
# the role values of ticketing exports
printf '%s\n' '{"id":"z1","role":"end-user","text":"x"}' '{"id":"z2","role":"Requester","text":"x"}' \
	'{"id":"z3","role":"admin","text":"x"}' '{"id":"z4","role":"bot","text":"x"}' '{"id":"z5","role":"auditor","text":"x"}' >"$tmp/roles.jsonl"
status roles-run 0 "$tact" "$tmp/roles.jsonl"
check roles-export-values "customer customer agent agent unknown" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# nested fields by their dotted path; a top-level key with the dots wins
printf '%s\n' '{"id":"p1","author":{"type":"user"},"body":{"text":"cancel my account now"}}' \
	'{"id":"p2","body.text":"cancel my account"}' '{"id":"p3","body":"flat"}' >"$tmp/nested.jsonl"
status nested-run 0 "$tact" --text-field body.text --role-field author.type "$tmp/nested.jsonl"
check nested-path "p1 customer escalation.cancel|p2 unknown escalation.cancel|p3 unknown no \"body.text\" field" \
	"$(jq -r '"\(.id) \(.role) \(.error // (.labels | join(",")))"' "$tmp/out" | paste -sd'|')"
# ids and threads written as numbers keep the input's digits: a double
# cannot hold every one (9007199254740993 would become ...992, 0.1
# 0.10000000000000001)
printf '%s\n' '{"id":9007199254740993,"thread":0.1,"text":"x"}' '{"id":12345678901234567890,"text":"y"}' \
	'{"meta":{"n":[1,{"id":-2.50}]},"id" : 1e3 ,"text":"z","thread":true}' >"$tmp/numbers.jsonl"
status number-ids-run 0 "$tact" "$tmp/numbers.jsonl"
check number-ids "9007199254740993 0.1|12345678901234567890 null|1e3 true" "$(jq -r '"\(.id) \(.thread)"' "$tmp/out" | paste -sd'|')"

printf 'ticket,who,body,conv\n1,customer,"multi\nline, with ""quotes""",x\n2,agent\n3,agent,"bare\rcr",x\n4,customer,plain\rcr unquoted,y\n' >"$tmp/in.csv"
status csv-run 0 "$tact" --id-field ticket --role-field who --text-field body --thread-field conv --text "$tmp/in.csv"
check csv-count 4 "$(records "$tmp/out")"
check csv-order "1 2 3 4" "$(jq -r .id "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check csv-embedded-newline 'multi\nline, with "quotes"' "$(jq -r 'select(.id=="1") | .text' "$tmp/out" | sed -n '1h;2{H;x;s/\n/\\n/;p}')"
check csv-missing-column 1 "$(jq -r 'select(.id=="2") | .error' "$tmp/out" | grep -c 'row has 2 fields')"
check csv-bare-cr-quoted '"bare\rcr"' "$(jq -c 'select(.id=="3") | .text' "$tmp/out")"
check csv-bare-cr-unquoted '"plain\rcr unquoted"' "$(jq -c 'select(.id=="4") | .text' "$tmp/out")"
check csv-line "2 4 5 6" "$(jq -r .line "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# blank lines between rows are no rows, and the rows after them keep their lines
printf 'id,text\n1,a\n\n\n2,b\n  \n3,"c\nd"\n4,e\n' >"$tmp/blank.csv"
status csv-blank-lines-run 0 "$tact" "$tmp/blank.csv"
check csv-blank-lines "1:2 2:5 3:7 4:9" "$(jq -r '"\(.id):\(.line)"' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# an old Mac export, its lines ended by CR alone: each row knows its line,
# and max-message-bytes bounds a row, not the whole file
printf 'id,text\r1,"one\rtwo"\r2,three\r3,%s\r4,four\r' "$(head -c 300 /dev/zero | tr '\0' x)" >"$tmp/cr.csv"
status csv-cr-run 0 "$tact" -q --max-message-bytes 100 "$tmp/cr.csv"
check csv-cr-rows "1 2 null|2 4 null|3 5 CSV|4 6 null" "$(jq -r '"\(.id) \(.line) \(.error // "null" | split(" ")[0])"' "$tmp/out" | paste -sd'|')"
printf 'a,b\n1,2\n' >"$tmp/notext.csv"
status csv-no-text-column 2 "$tact" "$tmp/notext.csv"
check csv-no-text-column-msg 1 "$(grep -c "no 'text' column" "$tmp/err")"
# the header's names on one line in the message; a header too long says so
printf 'id,"te\nxt"\n1,hi\n' >"$tmp/nlname.csv"
status csv-newline-name 2 "$tact" "$tmp/nlname.csv"
check csv-newline-name-msg 1 "$(grep -c "(columns: 'id', 'te xt')" "$tmp/err")"
printf 'id,%s\n1,hi\n' "$(head -c 300 /dev/zero | tr '\0' x)" >"$tmp/longhead.csv"
status csv-long-header 2 "$tact" --max-message-bytes 100 "$tmp/longhead.csv"
check csv-long-header-msg 1 "$(grep -c 'CSV header longer than max-message-bytes (100)' "$tmp/err")"
# a semicolon export with a byte-order mark, and a TSV on standard input
printf '\357\273\277id;role;text\n1;customer;"I want to cancel my account; now"\n2;agent;Sorry, 3,5 days\n' >"$tmp/semi.csv"
status csv-semicolon 0 "$tact" --text "$tmp/semi.csv"
check csv-semicolon-rows "1 customer escalation.cancel|2 agent Sorry, 3,5 days" \
	"$(jq -r '"\(.id) \(.role) \(if .role == "agent" then .text else .labels[0] end)"' "$tmp/out" | paste -sd'|')"
printf 'id\trole\ttext\n1\tcustomer\tI will sue you, seriously\n' | "$tact" >"$tmp/out"
check tsv-stdin "1 customer escalation.legal" "$(jq -r '"\(.id) \(.role) \(.labels[0])"' "$tmp/out")"
printf 'id,text\n1,"never closed\n2,more\n' >"$tmp/open.csv"
status csv-open-quote 0 "$tact" "$tmp/open.csv"
check csv-open-quote-one-record 1 "$(records "$tmp/out")"
check csv-open-quote-error 1 "$(jq -r .error "$tmp/out" | grep -c 'never closes')"

printf 'Support chat, 3 May\nCustomer: my router is down\nagain since Monday\n\n[10:02] Agent (Kevin): Sorry to hear that.\nCustomer: ok\n' >"$tmp/chat.txt"
status transcript-run 0 "$tact" --text "$tmp/chat.txt"
check transcript-count 4 "$(records "$tmp/out")"
check transcript-roles "unknown customer agent customer" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check transcript-continuation 'my router is down\nagain since Monday' "$(jq -r 'select(.index==2) | .text' "$tmp/out" | sed -n '1h;2{H;x;s/\n/\\n/;p}')"
check transcript-lines "1 2 5 6" "$(jq -r .line "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check transcript-speaker "Agent (Kevin)" "$(jq -r 'select(.index==3) | .from' "$tmp/out")"
printf 'Kunde: hallo\nMitarbeiter: guten Tag\n' >"$tmp/de.txt"
# time-stamped turns are recognised when the format is sniffed too
for stamp in '[10:02] ' '14:31 ' '(09:14) '; do
	printf '%sCustomer: where is my order\n%sAgent: sorry, checking now\n' "$stamp" "$stamp" >"$tmp/stamped.txt"
	status "transcript-stamp-$stamp-run" 0 "$tact" "$tmp/stamped.txt"
	check "transcript-stamp-$stamp-roles" "customer agent" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
done
# chat exports: a 12-hour clock or a date with a separator, the role in
# parentheses after a name, a title ending in a role; a phrase with a
# colon in a turn starts none
printf '10:02 AM - John Smith (Customer): where is my order\n2024-06-03 10:03:11 | Live Chat Agent: sorry, checking now\nplease note to the agent: I paid\n' >"$tmp/chat2.txt"
status transcript-chat-run 0 "$tact" "$tmp/chat2.txt"
check transcript-chat-roles "customer agent" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check transcript-chat-speakers "John Smith (Customer)|Live Chat Agent" "$(jq -r .from "$tmp/out" | paste -sd'|')"
# a name a speaker line tagged with a role starts that role's turns alone
# later ("Anna:"); an untagged "Note:" still continues the turn
printf 'Support (Anna): Hi, how can I help?\nJohn Smith (Customer): my order never arrived\nAnna: sorry, I have re-sent it.\njohn smith: thanks\n[10:05] Anna: You are welcome!\nNote: I paid\n' >"$tmp/chat3.txt"
status transcript-learned-run 0 "$tact" "$tmp/chat3.txt"
check transcript-learned-roles "agent customer agent customer agent" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check transcript-learned-speakers "Support (Anna)|John Smith (Customer)|Anna|john smith|Anna" "$(jq -r .from "$tmp/out" | paste -sd'|')"
check transcript-learned-thanks "" "$(jq -r 'select(.index==3) | .labels[]' "$tmp/out" | grep gratitude)"
# a record lists at most 10,000 spans, and the first of each label after them
python3 -c "print('you idiot. ' * 10005 + 'I will sue you.')" >"$tmp/manyspans.txt"
status many-spans-run 0 "$tact" -f text "$tmp/manyspans.txt"
check many-spans-count "10001 escalation.legal" "$(jq -r '"\(.spans | length) \(.spans[-1].label)"' "$tmp/out")"
check many-spans-warning 1 "$(jq -r '.warnings[]' "$tmp/out" | grep -c '^10006 spans found; the first 10000 are listed')"
# the company's desk named as one: "Customer Service", "Support Team"
printf 'Customer: my order is late\nCustomer Service: sorry, checking now\nSupport Team: found it\n' >"$tmp/desk.txt"
status transcript-desk-run 0 "$tact" "$tmp/desk.txt"
check transcript-desk-roles "customer agent agent" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
# the text writer says whom an insult is aimed at
printf 'Customer: You idiots lost my bag. Kevin was a moron too.\n' >"$tmp/aimed.txt"
check text-insult-target "(the reader)|(someone else)" "$("$tact" -o text "$tmp/aimed.txt" | grep -o '(the reader)\|(someone else)' | paste -sd'|')"
# --explain: a signal that context kept from counting is a span "suppressed"
echo "I'm not going to cancel my account." >"$tmp/neg.txt"
check explain-off "" "$("$tact" -f text "$tmp/neg.txt" | jq -r '.spans[] | select(.label == "suppressed") | .message')"
check explain-on "escalation.cancel not counted: negated" "$("$tact" -f text --explain "$tmp/neg.txt" | jq -r '.spans[] | select(.label == "suppressed") | .message')"
check explain-level "low" "$("$tact" -f text --explain "$tmp/neg.txt" | jq -r .escalation.level)"
# other exports' field names, when no field option names them
printf '%s\n' '{"sender":"customer","message":"you idiots"}' '{"role":"assistant","body":"sorry"}' '{"x":1}' >"$tmp/alt.jsonl"
status jsonl-alt-fields-run 0 "$tact" "$tmp/alt.jsonl"
check jsonl-alt-fields-roles "customer agent unknown" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check jsonl-alt-fields-error "no \"text\" field (nor body, message, content, comment, description); name it with --text-field" "$(jq -r 'select(.index==3) | .error' "$tmp/out")"
printf 'id,sender,body\n1,customer,you idiots\n' >"$tmp/alt.csv"
status csv-alt-fields-run 0 "$tact" "$tmp/alt.csv"
check csv-alt-fields "customer insult" "$(jq -r '.role + " " + .derogatory' "$tmp/out")"
status transcript-names 0 "$tact" -f transcript --customer-name Kunde --agent-name Mitarbeiter "$tmp/de.txt"
check transcript-names-roles "customer agent" "$(jq -r .role "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"

printf 'Hello,\nthe whole input is one message.\n' >"$tmp/one.txt"
status text-run 0 "$tact" -f text "$tmp/one.txt"
check text-count 1 "$(records "$tmp/out")"
# a byte-order mark is not text, whether the format was sniffed or named
# (tact check names it)
printf '\357\273\277you idiot\n' >"$tmp/bom.txt"
check text-bom-sniffed '"you idiot\n" 4' "$("$tact" --text "$tmp/bom.txt" | jq -c '[.text, .spans[0].start] | "\(.[0] | tojson) \(.[1])"' -r)"
check text-bom-named '"you idiot\n" 4' "$("$tact" -f text --text "$tmp/bom.txt" | jq -c '[.text, .spans[0].start] | "\(.[0] | tojson) \(.[1])"' -r)"

# --- streaming: a record is written as soon as its input line has come ------
# (the format is sniffed from the first line, and -j hands a record over
# before it waits for more input), on one thread and on two
for j in 1 2; do
	coproc STREAM { "$tact" -j$j --line-buffered; }
	# bash unsets STREAM and STREAM_PID when the process ends: keep copies
	pid=$STREAM_PID
	exec {to}>&"${STREAM[1]}" {from}<&"${STREAM[0]}"
	printf '%s\n' '{"id":"s1","role":"customer","text":"I want a manager"}' >&"$to"
	if read -t 10 -r line <&"$from"; then got=$(jq -r .id <<<"$line"); else got=timeout; fi
	check "stream-j$j-first-record-before-next-line" s1 "$got"
	printf '%s\n' '{"id":"s2","text":"ok"}' >&"$to"
	exec {to}>&- {STREAM[1]}>&-
	read -t 10 -r line <&"$from"
	check "stream-j$j-second-record" s2 "$(jq -r .id <<<"$line")"
	exec {from}<&-
	wait "$pid"
done

# --- worker threads: the same bytes as one thread; per-thread state freed ---
# (non-ASCII text fills the normalizer's code point cache on each worker;
# under the sanitizers a leak fails the run)
for i in $(seq 300); do
	printf '{"id":"%d","role":"customer","text":"Ça va très mal: ﬁx this ÉNORME problème, Ｉ ＷＡＮＴ Ａ ＲＥＦＵＮＤ %d"}\n' "$i" "$i"
done >"$tmp/nonascii.jsonl"
status jobs-2-run 0 "$tact" -j2 "$tmp/nonascii.jsonl"
cp "$tmp/out" "$tmp/j2.out"
status jobs-1-run 0 "$tact" -j1 "$tmp/nonascii.jsonl"
check jobs-2-same-as-1 "" "$(cmp "$tmp/out" "$tmp/j2.out" 2>&1)"
check jobs-2-count 300 "$(records "$tmp/j2.out")"

# --- bad input --------------------------------------------------------------
printf 'ok \xff\xfe then \xe2\x82 cut' | "$tact" --text >"$tmp/out"
check utf8-replaced '"ok �� then � cut"' "$(jq -c .text "$tmp/out")"
check utf8-warning 1 "$(jq -r '.warnings[0]' "$tmp/out" | grep -c 'invalid UTF-8: 3 sequences')"
printf 'nul\0byte' | "$tact" --text >"$tmp/out"
check nul-kept '"nul\u0000byte"' "$(jq -c .text "$tmp/out")"
: | "$tact" -f text >"$tmp/out"
check empty-text-one-record 1 "$(records "$tmp/out")"
: | "$tact" -f jsonl >"$tmp/out"
check empty-jsonl-no-record 0 "$(records "$tmp/out")"
# a 50 MB line: cut at max-message-bytes, one record with an error, memory bounded
head -c 50000000 /dev/zero | tr '\0' a >"$tmp/big.txt"
rss() { /usr/bin/time -f %M "$@" 2>"$tmp/rss" >"$tmp/out"; tail -1 "$tmp/rss"; }
kb=$(rss "$tact" -f jsonl "$tmp/big.txt")
check big-line-jsonl-one-record 1 "$(records "$tmp/out")"
check big-line-jsonl-error 1 "$(jq -r .error "$tmp/out" | grep -c 'longer than max-message-bytes')"
# memory is measured on the plain build only: ASan's shadow memory and
# quarantine say nothing about tact's own use
if [ -n "${TACT_SANITIZED:-}" ]; then echo "cli: big-line-jsonl RSS check skipped under sanitizers"
elif [ "${kb:-0}" -lt 80000 ]; then ok; else bad "big-line-jsonl: peak RSS ${kb} kB"; fi
"$tact" -f text --text --max-message-bytes 1M "$tmp/big.txt" >"$tmp/out"
check big-text-truncated "48951424 bytes dropped 1048576" "$(jq -r '(.error | capture("(?<n>[0-9]+ bytes dropped)").n) + " " + (.text | length | tostring)' "$tmp/out")"
{ printf '{"id":"x","text":"'; head -c 3000000 /dev/zero | tr '\0' b; printf '"}\n{"id":"y","text":"after"}\n'; } >"$tmp/long.jsonl"
"$tact" --max-message-bytes 1M "$tmp/long.jsonl" >"$tmp/out"
check long-line-then-next "2 y" "$(records "$tmp/out") $(jq -r 'select(.index==2) | .id' "$tmp/out")"

# --- exit codes and messages ----------------------------------------------------
status help 0 "$tact" --help
status lexicon-help 0 "$tact" lexicon --help
check lexicon-help-usage 1 "$(grep -c '^Usage: tact lexicon lint' "$tmp/out")"
status version 0 "$tact" --version
check version-text 1 "$(grep -c '^tact [0-9.]* (schema 1)$' "$tmp/out")"
status bad-option 2 "$tact" --no-such-option
status bad-format 2 "$tact" --format nope
check bad-format-msg 1 "$(grep -c "not one of" "$tmp/err")"
status missing-file 2 "$tact" "$tmp/one.txt" "$tmp/nope.txt" "$tmp/in.jsonl"
check missing-file-others-run 7 "$(records "$tmp/out")"
check missing-file-msg 1 "$(grep -c "nope.txt: No such file" "$tmp/err")"
check missing-file-index "1 2 3 4 5 6 7" "$(jq -r .index "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
status closed-stdout 2 sh -c "\"$tact\" \"$tmp/one.txt\" >&-"
# output other than records that cannot be written is an I/O error too
for cmd in --help --version "lexicon test" "lexicon words" "lexicon allowlist"; do
	status "full-disk-$cmd" 2 sh -c "\"$tact\" $cmd >/dev/full"
	check "full-disk-$cmd-msg" "tact: write error: No space left on device" "$(grep -v 'innocent words' "$tmp/err")"
done
"$tact" "$tmp/in.jsonl" "$tmp/in.jsonl" "$tmp/in.jsonl" 2>"$tmp/err" | head -1 >/dev/null
check head-quiet "" "$(grep -v 'could not be analysed' "$tmp/err")"
# the same after an e-mail was decoded: GMime's start-up (gpgme) sets
# SIGPIPE to ignored, which turned the quiet end into "write error" and 2
for i in $(seq 2000); do printf 'From a@example.com Mon Jan  1 10:00:00 2024\nSubject: s\n\nbody %s\n\n' $i; done >"$tmp/many.mbox"
"$tact" "$tmp/many.mbox" 2>"$tmp/err" | head -1 >/dev/null
check head-quiet-mail "141" "${PIPESTATUS[0]}"
check head-quiet-mail-msg "" "$(grep -v 'could not be analysed' "$tmp/err")"
status fail-on-none-found 0 "$tact" --fail-on low "$tmp/one.txt"
status fail-on-bad-level 2 "$tact" --fail-on none "$tmp/one.txt"
# a label that does not exist (a typo) would never fail a draft: refused
status fail-on-unknown-label 2 "$tact" check --fail-on agent.polcy "$tmp/one.txt"
check fail-on-unknown-label-msg 1 "$(grep -c "agent.polcy" "$tmp/err")"
status fail-on-family 0 "$tact" --fail-on derogatory,agent.policy,escalation. "$tmp/one.txt"
printf '{"id":"a","role":"agent","text":"hi"}\n' | "$tact" --input-format jsonl | jq . >/dev/null
check issue-example-jq 0 "$?"
printf 'format = tsv\n' >"$tmp/cfg"
status config-file 0 "$tact" -c "$tmp/cfg" "$tmp/one.txt"
check config-file-format 1 "$(grep -c '^id	index	role	label' "$tmp/out")"
printf 'nonsense\n' >"$tmp/badcfg"
status config-file-bad 2 "$tact" -c "$tmp/badcfg" "$tmp/one.txt"
check config-file-bad-msg 1 "$(grep -c "badcfg:1: expected 'key = value'" "$tmp/err")"

# --- a transcript is one conversation: its turns share a thread ------------------
# (the source name), so thread.c sees repeat contact and a rise after the
# agent's reply; text before the first speaker line is not a turn
printf 'Chat export, 4 June\nCustomer: My internet has been down since Monday.\nAgent: Sorry to hear that.\nCustomer: It is still down. I want to speak to a manager.\n' >"$tmp/conv.txt"
printf 'Customer: It is still down. I want to speak to a manager.\n' >"$tmp/alone.txt"
status transcript-thread-run 0 "$tact" "$tmp/conv.txt" "$tmp/alone.txt"
check transcript-thread "null $tmp/conv.txt $tmp/conv.txt $tmp/conv.txt $tmp/alone.txt" "$(jq -r .thread "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check transcript-thread-adjusts true "$(jq -s '.[3].escalation.score > .[4].escalation.score' "$tmp/out")"
printf 'Customer: hello\nAgent: hi\n' | "$tact" -f transcript >"$tmp/out"
check transcript-thread-stdin "- -" "$(jq -r .thread "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"

# spelling (hunspell en_US): findings with suggestions, and without them on
# --no-suggest; British spellings, names, URLs, chat words and --dict-extra
# words are not findings; customers' words are not checked
printf '%s\n' '{"role":"agent","text":"I have recieved your order and will send a replacment today."}' \
	'{"role":"agent","text":"Sorry Priyanka, I apologise: your colour choice was cancelled. See https://exmple.com/x thx"}' \
	'{"role":"agent","text":"Your Zorblatt order ships today."}' \
	'{"role":"customer","text":"I have recieved nothing"}' >"$tmp/spell.jsonl"
printf 'zorblatt\n' >"$tmp/extra.dic"
status spell-run 0 "$tact" --spell "$tmp/spell.jsonl"
check spell-found "recieved replacment" "$(jq -r '.spans[] | select(.label=="spelling") | .match' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check spell-suggestions "received replacement" "$(jq -r '.spans[] | select(.label=="spelling") | .suggestions[0]' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
check spell-variants-names-urls 0 "$(sed -n 2p "$tmp/out" | jq '[.spans[] | select(.label=="spelling")] | length')"
check spell-customer-unchecked 0 "$(sed -n 4p "$tmp/out" | jq '[.spans[] | select(.label=="spelling")] | length')"
# words hunspell's edit search has nothing for get the n-gram search's
# suggestions (a second handle, spell.c)
printf '%s\n' '{"role":"agent","text":"Your room and acomodation are booked for tommorow evening as promised."}' >"$tmp/spell-ngram.jsonl"
status spell-ngram-run 0 "$tact" --spell "$tmp/spell-ngram.jsonl"
check spell-ngram-suggestions "accommodation tomorrow" "$(jq -r '.spans[] | select(.label=="spelling") | .suggestions[0]' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
status spell-no-suggest 0 "$tact" --spell --no-suggest "$tmp/spell.jsonl"
check spell-no-suggest-found 2 "$(jq '.spans[] | select(.label=="spelling")' "$tmp/out" | jq -s length)"
check spell-no-suggest-none 0 "$(jq '.spans[] | select(.suggestions)' "$tmp/out" | jq -s length)"
sed -n 3p "$tmp/spell.jsonl" | sed 's/Zorblatt/zorblatt/' >"$tmp/spell3.jsonl"
status spell-extra-unknown 0 "$tact" --spell "$tmp/spell3.jsonl"
check spell-extra-unknown-found zorblatt "$(jq -r '.spans[] | select(.label=="spelling") | .match' "$tmp/out")"
status spell-extra 0 "$tact" --spell --dict-extra "$tmp/extra.dic" "$tmp/spell3.jsonl"
check spell-extra-accepted 0 "$(jq '[.spans[] | select(.label=="spelling")] | length' "$tmp/out")"
# the same from a lexicon of one's own: a cue.spelling entry marks words
mkdir -p "$tmp/lexspell" "$tmp/lexspellbad"
printf '%s\n' '@version 1' 'u.words cue.spelling info - (zorblatt|frobnicate)' >"$tmp/lexspell/w.tact"
status spell-lexicon 0 "$tact" --spell --lexicons "$tmp/lexspell" "$tmp/spell3.jsonl"
check spell-lexicon-accepted 0 "$(jq '[.spans[] | select(.label=="spelling")] | length' "$tmp/out")"
printf '%s\n' '@version 1' 'u.words cue.spelling info - (zorblatt|two words)' >"$tmp/lexspellbad/w.tact"
status spell-lexicon-lint 2 "$tact" lexicon lint "$tmp/lexspellbad"
check spell-lexicon-lint-message 1 "$(grep -c 'w.tact:2:.*cue.spelling entry must be a choice of single words' "$tmp/err")"
# emoji of frustration are a word list too: one of one's own makes a complaint
mkdir -p "$tmp/lexemoji" "$tmp/lexemojibad"
printf '%s\n' '{"text":"my parcel came today 🥴","role":"customer"}' >"$tmp/emoji.jsonl"
status emoji-bundled 0 "$tact" "$tmp/emoji.jsonl"
check emoji-bundled-none none "$(jq -r '.escalation.level' "$tmp/out")"
printf '%s\n' '@version 1' 'u.emoji cue.emoji info - (🥴)' >"$tmp/lexemoji/e.tact"
status emoji-lexicon 0 "$tact" --lexicons "$tmp/lexemoji" "$tmp/emoji.jsonl"
check emoji-lexicon-low low "$(jq -r '.escalation.level' "$tmp/out")"
printf '%s\n' '@version 1' 'u.emoji cue.emoji info - (angry|🥴)' >"$tmp/lexemojibad/e.tact"
status emoji-lexicon-lint 2 "$tact" lexicon lint "$tmp/lexemojibad"
check emoji-lexicon-lint-message 1 "$(grep -c "e.tact:2:.*'angry' is not one emoji" "$tmp/err")"
# a backslash on the last line continues nothing: a warning, not an error
mkdir -p "$tmp/lexbackslash"
printf '%s\n' '@version 1' 'u.cut escalation.cancel medium - cancel my plan \' >"$tmp/lexbackslash/b.tact"
status backslash-lexicon-lint 0 "$tact" lexicon lint "$tmp/lexbackslash"
check backslash-lexicon-lint-message 1 "$(grep -c 'b.tact:2:.*warning: the last line ends in a backslash' "$tmp/err")"
# an entry with no `+` example is a warning, not an error: nothing shows it can
# match (a word list, which matches nothing, and an entry switched off need none).
# NAME FIXTURE STATUS COUNT PATTERN: lint tests/fixtures/lexicon/FIXTURE alone; COUNT
# lines of its messages match the grep -E PATTERN (the rest of the row)
while read -r name fixture want n pat; do
	status "$name" "$want" "$tact" lexicon lint --no-default-lexicons "$here/fixtures/lexicon/$fixture"
	check "$name-messages" "$n" "$(grep -cE -- "$pat" "$tmp/err")"
done <<'EOF'
unproven-minus     unproven     0 1 /u\.tact:5:1: warning: entry u\.minus has no example it must match$
unproven-none      unproven     0 1 /u\.tact:7:1: warning: entry u\.none has no example it must match$
unproven-only      unproven     0 2 has no example it must match
unproven-error     unproven-bad 2 1 /u\.tact:4: example \+ .* does not produce entry 'u\.fails'$
unproven-with-err  unproven-bad 2 1 /u\.tact:5:1: warning: entry u\.none has no example it must match$
EOF

# flag digit: for regexes whose every match holds a digit, checked on the examples
mkdir -p "$tmp/lexdigit" "$tmp/lexdigitbad" "$tmp/lexdigitphrase"
printf '%s\n' '@version 1' 'u.d escalation.ultimatum medium digit,anchor=within /\bwithin\s+\d+\s+days\b/' \
	'  + refund me within 14 days' >"$tmp/lexdigit/d.tact"
status digit-lint-ok 0 "$tact" lexicon lint "$tmp/lexdigit"
printf '%s\n' '{"text":"Refund me within 14 days."}' '{"text":"Refund me within days, not weeks."}' >"$tmp/digit.jsonl"
status digit-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexdigit" "$tmp/digit.jsonl"
check digit-run-found "u.d -" "$(jq -r '[.spans[].rule][0] // "-"' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')"
printf '%s\n' '@version 1' 'u.d escalation.ultimatum medium digit,anchor=within /\bwithin\s+(?:\d+|a\s+few)\s+days\b/' \
	'  + refund me within a few days' >"$tmp/lexdigitbad/d.tact"
status digit-lint-bad 2 "$tact" lexicon lint "$tmp/lexdigitbad"
check digit-lint-bad-message 1 "$(grep -c "d.tact:3:.*flag 'digit' but its regex matches 'within a few days'" "$tmp/err")"
printf '%s\n' '@version 1' 'u.d escalation.ultimatum medium digit within #num days' >"$tmp/lexdigitphrase/d.tact"
status digit-lint-phrase 2 "$tact" lexicon lint "$tmp/lexdigitphrase"
check digit-lint-phrase-message 1 "$(grep -c "d.tact:2:.*flag 'digit' is for regex entries" "$tmp/err")"

# flags back, bare, partner, curse: behaviour the detectors give the entries
# that carry them (never an entry named by id in the code), so an entry of a
# user's own takes part; the same entries without the flag do not
mkdir -p "$tmp/lexhook" "$tmp/lexnohook" "$tmp/lexhookbad"
printf '%s\n' '@version 1' \
	'u.recap agent.argumentative medium back as discussed' '  + As discussed, the fee stands.' \
	'u.handover agent.deflect medium partner can you take over this case' '  + @CityTrams can you take over this case please.' \
	"u.grim recovery.empathy info bare (that's|that is|it's|it is) grim" "  + That is grim for you, I'm sorry." \
	'u.frick derogatory.profanity low curse (frick|fricking)' '  + frick this router' >"$tmp/lexhook/u.tact"
sed -E 's/ (back|partner|bare|curse) / - /' "$tmp/lexhook/u.tact" >"$tmp/lexnohook/u.tact"
printf '%s\n' '{"id":"back","role":"agent","text":"As discussed, I have booked an engineer for Thursday."}' \
	'{"id":"partner","role":"agent","text":"@CityTrams can you take over this case please. Thank you!"}' \
	'{"id":"bare","role":"agent","text":"That is grim."}' '{"id":"curse","role":"customer","text":"frick them"}' >"$tmp/hook.jsonl"
hooks() { jq -r '.id + ":" + ([.recovery.elements[]?] | join("+")) + ":" + .derogatory' "$tmp/out" | paste -sd' '; }
status hook-lint 0 "$tact" lexicon lint "$tmp/lexhook"
status hook-test 0 "$tact" lexicon test "$tmp/lexhook"
status hook-run 0 "$tact" --lexicons "$tmp/lexhook" "$tmp/hook.jsonl"
check hook-flags "back::none partner::none bare::none curse::insult" "$(hooks)"
status hook-none-run 0 "$tact" --lexicons "$tmp/lexnohook" "$tmp/hook.jsonl"
check hook-no-flags "back:action:none partner:gratitude:none bare:empathy:none curse::profanity" "$(hooks)"
printf '%s\n' '@version 1' 'u.x escalation.cancel medium stem,back cancel my plan' '  + cancel my plan' >"$tmp/lexhookbad/u.tact"
status hook-lint-label 2 "$tact" lexicon lint "$tmp/lexhookbad"
check hook-lint-label-message 1 "$(grep -c "u.tact:2:35: flag 'back' is for agent.argumentative entries" "$tmp/err")"

# a message in another language than the lexicons' says so in a warning
# (lexicons/en/language.tact, src/language.c); English, with a foreign name
# or phrase in it, does not
mkdir -p "$tmp/lexforeign" "$tmp/lexforeignbad"
printf '%s\n' '{"text":"Hola, necesito ayuda con mi cuenta, no puedo entrar desde ayer"}' \
	'{"text":"アカウントにログインできません。助けてください"}' \
	'{"text":"I love De La Soul and my order from El Paso never arrived"}' \
	'{"text":"Vamos a ver"}' >"$tmp/lang.jsonl"
status lang-warning 0 "$tact" "$tmp/lang.jsonl"
check lang-warning-es 1 "$(sed -n 1p "$tmp/out" | jq '[.warnings[]? | select(test("another language than the lexicons. \\(en\\)"))] | length')"
check lang-warning-ja 1 "$(sed -n 2p "$tmp/out" | jq '[.warnings[]? | select(test("another language"))] | length')"
check lang-warning-en 0 "$(sed -n 3p "$tmp/out" | jq '[.warnings[]? | select(test("another language"))] | length')"
check lang-warning-short 0 "$(sed -n 4p "$tmp/out" | jq '[.warnings[]? | select(test("another language"))] | length')"
# only lexicons with cue.foreign lists check; theirs can be added to
printf '%s\n' '@version 1' 'u.x escalation.cancel medium - cancel my account' >"$tmp/lexforeign/x.tact"
status lang-nolist 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexforeign" "$tmp/lang.jsonl"
check lang-nolist-none 0 "$(jq -s '[.[].warnings[]? | select(test("another language"))] | length' "$tmp/out")"
printf '%s\n' '@version 1' 'u.sw cue.foreign info - (jag|och|inte|det|är|på|har)' >"$tmp/lexforeign/sv.tact"
printf '%s\n' '{"text":"Jag har inte fått mitt paket och det är en vecka sedan"}' >"$tmp/sv.jsonl"
status lang-userlist 0 "$tact" --lexicons "$tmp/lexforeign" "$tmp/sv.jsonl"
check lang-userlist-warns 1 "$(jq '[.warnings[]? | select(test("another language"))] | length' "$tmp/out")"
printf '%s\n' '@version 1' 'u.sw cue.foreign info - (jag och|inte)' >"$tmp/lexforeignbad/sv.tact"
status lang-list-lint 2 "$tact" lexicon lint "$tmp/lexforeignbad"
check lang-list-lint-message 1 "$(grep -c 'sv.tact:2:.*a cue.foreign entry must be a choice of single words' "$tmp/err")"
status spell-missing-dict 2 "$tact" --spell --dict xx_NOPE "$tmp/spell.jsonl"
check spell-missing-dict-message 1 "$(grep -c "spelling dictionary 'xx_NOPE' not found" "$tmp/err")"

# --- compiled lexicons kept on disk (src/cache.c) ----------------------------
# made on the first run, mapped by the next with the same bytes out; a
# damaged or cut file is compiled afresh and replaced; other lexicons get
# their own file; an unusable directory is no error; the newest 8 are kept
c=$tmp/cache/sub
printf '%s\n' 'Customer: Third time I call about this. Fix it by Friday or I cancel and sue, you idiots.' \
	'Agent: I am sorry, I made a mistake with your order. I have refunded it today.' >"$tmp/cache.txt"
status cache-off 0 "$tact" --cache-dir "$c" --no-cache -f transcript "$tmp/cache.txt"
cp "$tmp/out" "$tmp/cache.want"
check cache-off-writes-nothing "" "$(ls "$tmp/cache" 2>&1 | grep -v 'No such file')"
check cache-want-findings 1 "$(grep -c 'escalation.legal' "$tmp/cache.want")"
status cache-first 0 "$tact" --cache-dir "$c" -f transcript "$tmp/cache.txt"
check cache-first-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-made 1 "$(ls "$c" | grep -c '^matcher-[0-9a-f]*\.bin$')"
check cache-private 700 "$(stat -c %a "$c")"
f=$(ls "$c"/matcher-*.bin | head -1)
cp "$f" "$tmp/cache.bin"
ino=$(stat -c %i "$f")
status cache-hit 0 "$tact" --cache-dir "$c" -f transcript "$tmp/cache.txt"
check cache-hit-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-hit-not-rewritten "$ino" "$(stat -c %i "$f")"
check cache-hit-j2-same "" "$("$tact" -j2 --cache-dir "$c" -f transcript "$tmp/cache.txt" | cmp - "$tmp/cache.want" 2>&1)"
# flip every bit of the middle byte (a fixed byte could be the one already there)
mid=$(($(stat -c %s "$f") / 2))
byte=$(od -An -tu1 -j "$mid" -N1 "$f" | tr -d ' ')
printf "\\$(printf '%03o' $((byte ^ 255)))" | dd of="$f" bs=1 seek="$mid" conv=notrunc 2>/dev/null
check cache-damaged-differs 1 "$(cmp -s "$f" "$tmp/cache.bin"; echo $?)"
status cache-damaged 0 "$tact" --cache-dir "$c" -f transcript "$tmp/cache.txt"
check cache-damaged-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-damaged-replaced "" "$(cmp "$f" "$tmp/cache.bin" 2>&1)"
truncate -s 5000 "$f"
status cache-cut 0 "$tact" --cache-dir "$c" -f transcript "$tmp/cache.txt"
check cache-cut-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-cut-replaced "" "$(cmp "$f" "$tmp/cache.bin" 2>&1)"
printf '\001' | dd of="$f" bs=1 seek=40 conv=notrunc 2>/dev/null # a count in the header
status cache-count-damaged 0 "$tact" --cache-dir "$c" -f transcript "$tmp/cache.txt"
check cache-count-damaged-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-count-damaged-replaced "" "$(cmp "$f" "$tmp/cache.bin" 2>&1)"
status cache-other-lexicons 0 "$tact" --cache-dir "$c" --no-default-lexicons -f transcript "$tmp/cache.txt"
check cache-other-lexicons-file 2 "$(ls "$c" | grep -c '^matcher-')"
: >"$tmp/notadir"
status cache-unusable 0 "$tact" --cache-dir "$tmp/notadir/x" -f transcript "$tmp/cache.txt"
check cache-unusable-same "" "$(cmp "$tmp/out" "$tmp/cache.want" 2>&1)"
check cache-unusable-quiet "" "$(cat "$tmp/err")"
mkdir -p "$tmp/cache9"
for i in 1 2 3 4 5 6 7 8 9; do : >"$tmp/cache9/matcher-000000000000000$i.bin"; touch -d "2001-01-0$i" "$tmp/cache9/matcher-000000000000000$i.bin"; done
status cache-evict 0 "$tact" --cache-dir "$tmp/cache9" -f transcript "$tmp/cache.txt"
check cache-evict-kept "8 $(basename "$f")" "$(ls "$tmp/cache9" | grep -c '^matcher-') $(ls "$tmp/cache9" | grep -v '^matcher-000')"
check cache-evict-oldest-gone "" "$(ls "$tmp/cache9" | grep -E 'matcher-000000000000000[12]\.bin')"

# --- regex entries with flag start: tried at each anchor word, anchored ------
mkdir -p "$tmp/lexs" "$tmp/lexbad" "$tmp/lexphr"
printf '%s\n' 'u.sue escalation.legal high start,anchor=sue|suing /\b(?:sue|suing)\s+(?:you|your\s+company)\b/' \
	'  + I will sue you' >"$tmp/lexs/u.tact"
printf '%s\n' '{"id":"s","role":"customer","text":"I will sue you, then sue your company. Not suing."}' >"$tmp/sue.jsonl"
status start-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexs" "$tmp/sue.jsonl"
check start-spans "sue you|sue your company" "$(jq -r '[.spans[] | select(.rule=="u.sue") | .match] | join("|")' "$tmp/out")"
status start-lint-good 0 "$tact" lexicon lint "$tmp/lexs"
# the match begins at "small", before the anchor: the flag would lose it
printf '%s\n' 'u.court escalation.legal high start,anchor=court /\bsmall\s+claims\s+court\b/' \
	'  + see you in small claims court' >"$tmp/lexbad/u.tact"
status start-lint-bad 2 "$tact" lexicon lint "$tmp/lexbad"
check start-lint-bad-message 1 "$(grep -c "u.court.*flag 'start'.*small claims court" "$tmp/out" "$tmp/err" | awk -F: '{s+=$2} END {print s}')"
printf '%s\n' 'u.phrase escalation.legal high start  sue you' >"$tmp/lexphr/u.tact"
status start-on-phrase 2 "$tact" lexicon lint "$tmp/lexphr"

# --- a phrase item !(a|b): one word that is none of these ------------------------
mkdir -p "$tmp/lexnot" "$tmp/lexnotbad"
printf '%s\n' '@version 1' "u.cant escalation.manager medium -  (i|we) can't !(wait|thank) _" \
	"  + I can't reach anyone" "  - I can't wait for it" >"$tmp/lexnot/u.tact"
status not-lint-good 0 "$tact" lexicon lint "$tmp/lexnot"
printf '%s\n' '{"id":"n","role":"customer","text":"We can'"'"'t wait for it. I can'"'"'t thank you enough. I can'"'"'t reach anyone."}' >"$tmp/not.jsonl"
status not-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexnot" "$tmp/not.jsonl"
check not-spans "I can't reach anyone" "$(jq -r '[.spans[] | select(.rule=="u.cant") | .match] | join("|")' "$tmp/out")"
printf '%s\n' '@version 1' 'u.bad escalation.manager medium -  can'"'"'t !(wait for|thank) you' >"$tmp/lexnotbad/u.tact"
status not-lint-bad 2 "$tact" lexicon lint "$tmp/lexnotbad"
check not-lint-bad-message 1 "$(grep -c "u.tact:2:.*'!( )' takes single words only" "$tmp/err")"

# --- a contraction matches without its apostrophe, unless that is another word ---
mkdir -p "$tmp/lexbare"
printf '%s\n' '@version 1' "u.h escalation.cancel medium -  i haven't paid" "u.w escalation.cancel medium -  we're leaving" \
	>"$tmp/lexbare/u.tact"
printf '%s\n' '{"id":"b","role":"customer","text":"I havent paid. Were leaving at six. We'"'"'re leaving."}' >"$tmp/bare.jsonl"
status bare-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexbare" "$tmp/bare.jsonl"
check bare-spans "I havent paid|We're leaving" "$(jq -r '[.spans[].match] | join("|")' "$tmp/out")"

# --- a regex without start: every match up to the sentence's last anchor -----
mkdir -p "$tmp/lexw"
printf '%s\n' 'u.w escalation.legal high anchor=court /\b(?:small\s+claims\s+court|court\s+date|claims)\b/' \
	'  + see you in small claims court' >"$tmp/lexw/u.tact"
printf '%s\n' '{"id":"w","role":"customer","text":"small claims court, then a court date, then more claims"}' >"$tmp/w.jsonl"
status window-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexw" "$tmp/w.jsonl"
# "claims" at the end holds no anchor and starts after the last one: not looked for
check window-spans "small claims court|court date" "$(jq -r '[.spans[] | select(.rule=="u.w") | .match] | join("|")' "$tmp/out")"

# --- entries with the same regex are one search, a match for each ----------
mkdir -p "$tmp/lexg"
printf '%s\n' 'u.g1 escalation.legal high anchor=court /\bsmall\s+claims\s+court\b/' \
	'u.g2 escalation.public high anchor=court /\bsmall\s+claims\s+court\b/' \
	'u.g3 agent.policy low anchor=court /\bsmall\s+claims\s+court\b/' >"$tmp/lexg/u.tact"
printf '%s\n' '{"id":"g","role":"customer","text":"see you in small claims court"}' \
	'{"id":"h","role":"agent","text":"that is for small claims court"}' >"$tmp/g.jsonl"
status group-run 0 "$tact" --no-default-lexicons --lexicons "$tmp/lexg" "$tmp/g.jsonl"
check group-rules "u.g1 u.g2|u.g3" "$(jq -r '[.spans[] | select(.rule | startswith("u.g")) | .rule] | join(" ")' "$tmp/out" | paste -sd'|')"

# --- a directory is the files under it, sorted; dotfiles and a Maildir's tmp/ left out
mkdir -p "$tmp/md/cur" "$tmp/md/new" "$tmp/md/tmp" "$tmp/md/.git" "$tmp/emptydir"
printf 'From: a@example.com\nSubject: one\n\nI will sue you\n' >"$tmp/md/new/b"
printf 'From: a@example.com\nSubject: two\n\nthanks\n' >"$tmp/md/cur/a"
printf 'From: a@example.com\nSubject: partial\n\nidiot\n' >"$tmp/md/tmp/c"
printf 'From: a@example.com\nSubject: git\n\nidiot\n' >"$tmp/md/.git/d"
status dir-run 0 "$tact" "$tmp/md"
check dir-files "one two" "$(jq -r .subject "$tmp/out" | sort | paste -sd' ')"
check dir-order "$tmp/md/cur/a $tmp/md/new/b" "$(jq -r .source "$tmp/out" | paste -sd' ')"
echo 'ignored' | "$tact" -f text "$tmp/emptydir" >"$tmp/out"
check dir-empty-reads-no-stdin 0 "$(records "$tmp/out")"
# a link back up is not followed; a link to a file is read
mkdir -p "$tmp/loop/sub"
printf 'hi\n' >"$tmp/loop/sub/f.txt"
ln -s .. "$tmp/loop/sub/up"
ln -s f.txt "$tmp/loop/sub/g.txt"
status dir-symlinks 0 "$tact" -f text "$tmp/loop"
check dir-symlinks-files "$tmp/loop/sub/f.txt $tmp/loop/sub/g.txt" "$(jq -r .source "$tmp/out" | paste -sd' ')"

# --- tact check: one draft, exit 1 when it would fail service recovery ------
printf 'Sorry, I sent you the wrong size. The right one goes out today by tracked post.\n' >"$tmp/good.txt"
printf 'We apologise for any inconvenience. Our policy does not allow refunds after 14 days.\n' >"$tmp/policy.txt"
printf 'I will have to pass this to another department.\n' >"$tmp/deflect.txt"
printf 'You should have read the terms before booking.\n' >"$tmp/blame.txt"
printf "I'm sorry if you feel let down.\n" >"$tmp/cond.txt"
status check-good 0 "$tact" check "$tmp/good.txt"
status check-policy 1 "$tact" check "$tmp/policy.txt"
check check-policy-diagnostic 1 "$(grep -c "policy.txt:1:.*agent.policy" "$tmp/out")"
check check-policy-why "tact: the draft fails: agent.policy" "$(cat "$tmp/err")"
status check-policy-quiet 1 "$tact" check -q "$tmp/policy.txt"
check check-policy-quiet-silent 0 "$(wc -c <"$tmp/err" | tr -d ' ')"
status check-deflect 1 "$tact" check "$tmp/deflect.txt"
status check-blame-stdin 1 "$tact" check <"$tmp/blame.txt"
status check-conditional 1 "$tact" check "$tmp/cond.txt"
# --fail-on replaces the default: only blame fails now, a canned formula on request
status check-fail-on-blame 0 "$tact" check --fail-on agent.blame "$tmp/policy.txt"
status check-fail-on-canned 1 "$tact" check --fail-on apology.canned "$tmp/policy.txt"
status check-two-drafts 2 "$tact" check "$tmp/good.txt" "$tmp/policy.txt"
# an empty draft is one empty message (as an empty file is with -f text): nothing fails
status check-empty 0 "$tact" check </dev/null

# --- tact serve: one response line per request, in order, flushed at once ----
printf '%s\n' '{"id":"1","role":"agent","text":"Sorry if you feel that way."}' 'not json' \
	'{"id":"3","text":"I will sue you"}' >"$tmp/req.jsonl"
status serve-run 0 "$tact" serve <"$tmp/req.jsonl"
check serve-responses "1 apology.conditional|2 error|3 escalation.legal" \
	"$(jq -r '"\(.id) \(if .error then "error" else .labels[0] end)"' "$tmp/out" | paste -sd'|')"
# the answer comes while the client still holds standard input open
coproc SERVE { "$tact" serve 2>/dev/null; }
serve_pid=$SERVE_PID # bash unsets SERVE_PID when the coprocess ends: keep it now
printf '%s\n' '{"id":"a","role":"customer","text":"you idiot"}' >&"${SERVE[1]}"
answer=
IFS= read -r -t 10 answer <&"${SERVE[0]}"
check serve-flushed "a insult" "$(printf '%s' "$answer" | jq -r '"\(.id) \(.derogatory)"')"
exec {SERVE[1]}>&-
wait "$serve_pid" 2>/dev/null

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
