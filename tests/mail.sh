#!/bin/bash
# End-to-end tests of e-mail input (issue 4): the mbox and eml readers and
# the GMime decoder give one record per message, in order, with decoded
# fields, text, roles, threads, attachments and quote/signature regions, on
# the fixtures in tests/fixtures/mail/ (written for this project) and on
# generated hostile input (deep nesting, a 100 MB attachment) with bounded
# memory. Usage: tests/mail.sh path/to/tact
set -u
tact=$1
here=$(cd "$(dirname "$0")" && pwd)
fx=$here/fixtures/mail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 TACT_CONFIG=
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "mail: FAIL: $*"; }
# check NAME EXPECTED ACTUAL
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2], got [$3]"; fi; }
records() { wc -l <"$1" | tr -d ' '; }
# run ARGS...: decode without lexicons (reading is under test, not
# detection); output in $tmp/out
run() {
	"$tact" --no-default-lexicons --text --own-text "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	[ $rc -le 1 ] || bad "exit status $rc: $*: $(tail -3 "$tmp/err")"
}
# q FILTER: jq over the output, one line per record joined by '|'
q() { jq -r "$1" "$tmp/out" | paste -sd '|' -; }

# --- one message per eml file, decoded ----------------------------------
run "$fx/alternative.eml"
check alt-count 1 "$(records "$tmp/out")"
check alt-plain-part 'Hello,\n\nmy order #4411 never arrived. This is the plain part.\n' "$(jq -j '.text' "$tmp/out" | sed -z 's/\n/\\n/g')"
check alt-fields 'alt-1@customer.example|alt-1@customer.example|Jane Doe <jane@customer.example>|Acme Support <help@acme.example>|Mon, 3 Jun 2024 10:15:00 +0200|Where is my order?|customer' \
	"$(jq -r '[.id, .thread, .from, .to, .date, .subject, .role] | join("|")' "$tmp/out")"

run "$fx/html-only.eml"
check html-text 'First paragraph & more.\n\nSecond line one\nsecond line two\n\n- item one\n- item two\n\nOn Mon, 3 Jun 2024 at 09:00, Support <help@acme.example> wrote:\n\n> You are an idiot, says the quote.' \
	"$(jq -j '.text' "$tmp/out" | sed -z 's/\n/\\n/g')"
check html-no-style-script 0 "$(jq -r .text "$tmp/out" | grep -c 'color\|alert\|Ignored title')"
check html-own-text 'First paragraph & more.|Second line one|second line two|- item one|- item two' "$(jq -r .own_text "$tmp/out" | grep . | paste -sd '|' -)"
check html-quote-region quote "$(jq -r '[.spans[] | select(.label == "quote")] | .[0].label' "$tmp/out")"

run "$fx/qp.eml"
check qp 'Café crème: this line is long enough that the sender wrapped it with a soft line break.|Equals sign: 1+1=2' "$(jq -r .text "$tmp/out" | grep . | paste -sd '|' -)"
run "$fx/base64.eml"
check base64 'Base64 body: naïve façade, 100 €.|Second line.' "$(jq -r .text "$tmp/out" | grep . | paste -sd '|' -)"
run "$fx/latin1.eml"
check iso-8859-1 "J'ai reçu un colis abîmé. Grüße, £ and ½." "$(jq -r .text "$tmp/out" | grep .)"
run "$fx/cp1252.eml"
check windows-1252 '“Smart quotes” cost €5 – that’s all…' "$(jq -r .text "$tmp/out" | grep .)"
run "$fx/shift_jis.eml"
check shift_jis '注文した商品が届きません。至急対応してください。|注文について' "$(jq -r '.text, .subject' "$tmp/out" | grep . | paste -sd '|' -)"
run "$fx/koi8r.eml"
check koi8-r 'Здравствуйте! Мой заказ не пришёл.|Жалоба' "$(jq -r '.text, .subject' "$tmp/out" | grep . | paste -sd '|' -)"
run "$fx/gb2312.eml"
check gb2312 '我的订单还没有到。请尽快处理。' "$(jq -r .text "$tmp/out" | grep .)"
run "$fx/rfc2047-subject.eml"
check rfc2047 'Re: reembolso pendiente — día 3|José Martínez <jose@customer.example>' "$(q '.subject, .from')"
check charset-no-warnings 0 "$(for f in qp base64 latin1 cp1252 shift_jis koi8r gb2312 rfc2047-subject; do
	"$tact" --no-default-lexicons "$fx/$f.eml" | jq -r '.warnings // [] | length'; done | awk '{ s += $1 } END { print s }')"

run "$fx/attachment.eml"
check attachment-listed 'invoice 42.pdf (application/pdf, 2064 bytes)|notes.txt (text/plain, 63 bytes)' "$(jq -r '.attachments | join("|")' "$tmp/out")"
check attachment-not-text 'Please see the invoice attached.' "$(jq -r .text "$tmp/out" | grep .)"

run "$fx/no-body.eml"
check no-body-one-record 1 "$(records "$tmp/out")"
check no-body 'Headers only||1' "$(jq -r '[.subject, .text, (.warnings | map(select(test("body is empty"))) | length)] | map(tostring) | join("|")' "$tmp/out")"
check no-body-no-error null "$(q .error)"

run "$fx/unknown-charset.eml"
check unknown-charset-text 'Café in an unknown charset.' "$(jq -r .text "$tmp/out" | grep .)"
check unknown-charset-warning 1 "$(jq -r '.warnings[]' "$tmp/out" | grep -c "unknown charset 'x-no-such-charset'")"

run "$fx/truncated-base64.eml"
check truncated-base64-text 'The end of this text is cut of' "$(q .text)"
check truncated-base64-warning 1 "$(jq -r '.warnings[]' "$tmp/out" | grep -c 'base64 content ends in the middle')"

# header fields nobody reads are dropped before GMime parses (mail.c); the
# fields read, folded values and the warning for a bad line stay as they were
printf 'Received: from a (a [192.0.2.1])\n\tby b; Mon, 3 Jun 2024 10:15:00 +0200\nFrom: Jane <jane@customer.example>\nX-Spam: yes\nbad header line\nTo: help@acme.example\nSubject: =?utf-8?q?caf=C3=A9?= order\nDKIM-Signature: v=1; a=rsa-sha256;\n b=abc\nMessage-ID: <drop-1@customer.example>\nReferences: <root@acme.example>\n  <parent@acme.example>\n\nBody text.\n' >"$tmp/unread.eml"
run "$tmp/unread.eml"
check unread-fields-dropped 'drop-1@customer.example|root@acme.example|Jane <jane@customer.example>|help@acme.example|café order|Body text.' \
	"$(jq -r '[.id, .thread, .from, .to, .subject, (.text | rtrimstr("\n"))] | join("|")' "$tmp/out")"
check unread-fields-warning 'MIME: invalid header name: part of the message may be skipped' "$(jq -r '.warnings | join("|")' "$tmp/out")"

# --- mbox: order, From_ quoting, threads, regions ------------------------
run "$fx/thread.mbox"
check mbox-count 4 "$(records "$tmp/out")"
check mbox-ids 'm1@customer.example|m2@acme.example|m3@customer.example|4' "$(q .id)"
check mbox-index '1|2|3|4' "$(q .index)"
check mbox-lines '2|15|37|52' "$(q .line)"
check mbox-threads 'm1@customer.example|m1@customer.example|m1@customer.example|null' "$(q .thread)"
check mbox-from-unquoted 'From now on I buy elsewhere.|>From the manual: "never breaks".' "$(jq -r 'select(.index == 1) | .text' "$tmp/out" | sed -n '2,3p' | paste -sd '|' -)"
check mbox-roles-default 'customer|customer|customer|customer' "$(q .role)"
check mbox-agent-own-text 'Hi Jane,|I am sorry about the blender. A replacement ships today.' \
	"$(jq -r 'select(.index == 2) | .own_text' "$tmp/out" | grep . | paste -sd '|' -)"
check mbox-agent-regions 'signature:sig-signoff|quote:quote-header|quote:quote-marker' \
	"$(jq -r 'select(.index == 2) | .spans[] | select(.label == "quote" or .label == "signature") | .label + ":" + .rule' "$tmp/out" | paste -sd '|' -)"
check mbox-mobile-signature 'Thanks, it arrived.' "$(jq -r 'select(.index == 3) | .own_text' "$tmp/out")"
# unquoted body lines that start with "From " and hold a time or a year
# are text, not separators: an envelope's date has both
printf '%s\n' 'From a@example.com Mon Jun  3 10:15:00 2024' 'Subject: waited' '' 'Hello,' '' \
	'From 9:30 until 11:45 I waited on hold.' '' 'From 2019 to 2023 I was a customer.' >"$tmp/from-body.mbox"
run "$tmp/from-body.mbox"
check from-body-one-record 1 "$(records "$tmp/out")"
check from-body-text 2 "$(jq -r .text "$tmp/out" | grep -c '^From ')"
"$tact" --no-default-lexicons <"$fx/thread.mbox" >"$tmp/out"
check mbox-stdin-sniffed 'm1@customer.example|m2@acme.example|m3@customer.example|4' "$(q .id)"

# --- who speaks: agent domains and addresses ------------------------------
roles() { "$tact" --no-default-lexicons "$@" >"$tmp/out" 2>"$tmp/err"; q .role; }
check agent-domain 'customer|agent|customer|agent' "$(roles --agent-domain acme.example "$fx/thread.mbox")"
check agent-domain-at 'customer|agent|customer|agent' "$(roles --agent-domain @ACME.example "$fx/thread.mbox")"
check agent-subdomain 'agent|agent|agent|agent' "$(roles --agent-domain example "$fx/thread.mbox")"
check agent-domain-not-suffix 'customer|customer|customer|customer' "$(roles --agent-domain me.example "$fx/thread.mbox")"
check agent-address 'agent|customer|agent|customer' "$(roles --agent-address JANE@customer.example "$fx/thread.mbox")"
check agent-address-named 'customer|agent|customer|customer' "$(roles --agent-address 'Sam <sam@acme.example>' "$fx/thread.mbox")"
check agent-repeatable 'agent|agent|agent|customer' "$(roles --agent-address sam@acme.example --agent-address jane@customer.example "$fx/thread.mbox")"
printf 'agent-domain = acme.example\nagent-address = jane@customer.example\n' >"$tmp/cfg"
check agent-config-file 'agent|agent|agent|agent' "$(roles -c "$tmp/cfg" "$fx/thread.mbox")"
check role-forced 'customer|customer|customer|customer' "$(roles --role customer --agent-domain acme.example "$fx/thread.mbox")"

# the agent quotes the customer's insult: not the agent's words; the same
# words as the agent's own are flagged (when the lexicons know them)
"$tact" --agent-domain acme.example "$fx/thread.mbox" >"$tmp/full" 2>/dev/null
printf 'You people are useless idiots.\n' | "$tact" -f text --role agent >"$tmp/own" 2>/dev/null
if [ "$(jq -r '.labels | map(select(startswith("derogatory"))) | length' "$tmp/own")" -gt 0 ]; then
	check quoted-insult-not-flagged 0 "$(jq -r 'select(.index == 2) | .labels | map(select(startswith("derogatory"))) | length' "$tmp/full")"
else
	echo "mail: note: the lexicons do not flag the control sentence; quoted-insult check skipped"
fi

# --- Maildir and file names -----------------------------------------------
mkdir -p "$tmp/maildir/cur"
cp "$fx/alternative.eml" "$tmp/maildir/cur/1717402500.M1P1.host:2,S"
cp "$fx/koi8r.eml" "$tmp/maildir/cur/1717402501.M2P1.host:2,S"
cp "$fx/attachment.eml" "$tmp/maildir/cur/1717402502.M3P1.host:2,RS"
"$tact" --no-default-lexicons "$tmp"/maildir/cur/* >"$tmp/out"
check maildir 'alt-1@customer.example|koi8-1@customer.example|att-1@customer.example' "$(q .id)"
check maildir-index '1|2|3' "$(q .index)"

# a byte-order mark before the first header (a file saved by a Windows
# editor) is not part of the header block, in an eml file and in an mbox
{ printf '\357\273\277'; cat "$fx/alternative.eml"; } >"$tmp/bom.eml"
run "$tmp/bom.eml"
check bom-eml 'alt-1@customer.example|Jane Doe <jane@customer.example>|' "$(jq -r '[.id, .from, .warnings // ""] | join("|")' "$tmp/out")"
{ printf '\357\273\277'; cat "$fx/thread.mbox"; } >"$tmp/bom.mbox"
run "$tmp/bom.mbox"
check bom-mbox 'm1@customer.example|m2@acme.example|m3@customer.example|4' "$(q .id)"
check bom-mbox-lines '2|15|37|52' "$(q .line)"

# --- bad input: one record each, errors where needed ----------------------
run "$fx/garbage.mbox"
check garbage-count 3 "$(records "$tmp/out")"
check garbage-ids '1|g1@customer.example|g2@customer.example' "$(q .id)"
check garbage-first-error 1 "$(jq -r 'select(.index == 1) | .error' "$tmp/out" | grep -c 'not an e-mail message')"
check garbage-after-intact 'Second message.' "$(jq -r 'select(.index == 3) | .text' "$tmp/out" | grep .)"
check garbage-warned 1 "$(jq -r 'select(.index == 2) | .warnings[]' "$tmp/out" | grep -c 'replaced by U+FFFD')"

: | "$tact" --no-default-lexicons -f eml >"$tmp/out" 2>/dev/null
check empty-eml 'empty message' "$(q .error)"
: | "$tact" --no-default-lexicons -f mbox >"$tmp/out"
check empty-mbox 0 "$(records "$tmp/out")"
printf 'Just a note, no headers at all.\n' | "$tact" --no-default-lexicons --text -f eml >"$tmp/out"
check headerless 'Just a note, no headers at all.|1' "$(jq -r '[.text, (.warnings | length)] | map(tostring) | join("|")' "$tmp/out" | tr -d '\n')"

# a message over max-message-bytes is cut with an error; the next survives
{ cat "$fx/thread.mbox"; printf '\nFrom x@y Mon Jun  3 10:15:00 2024\nSubject: big\n\n'
  head -c 3000 /dev/zero | tr '\0' 'x' | fold -w 70; printf '\nFrom x@y Mon Jun  3 10:16:00 2024\nSubject: after\n\nstill here\n'; } >"$tmp/cut.mbox"
run --max-message-bytes 1k "$tmp/cut.mbox"
check cut-count 6 "$(records "$tmp/out")"
check cut-error 1 "$(jq -r 'select(.subject == "big") | .error' "$tmp/out" | grep -c 'longer than max-message-bytes')"
check cut-next 'after|still here' "$(jq -r 'select(.index == 6) | .subject, .text' "$tmp/out" | grep . | paste -sd '|' -)"

# 1000 levels of nested multipart
python3 - "$tmp/deep.eml" <<'EOF'
import sys
n = 1000
p = ["From: a@b.example\nSubject: deep\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"]
p += ['--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i) for i in range(1, n)]
p.append("--b%d\nContent-Type: text/plain\n\ndeep text\n" % (n - 1))
p += ["--b%d--\n" % i for i in range(n - 1, -1, -1)]
open(sys.argv[1], "w").write("".join(p))
EOF
run "$tmp/deep.eml"
check deep-one-record 1 "$(records "$tmp/out")"
check deep-subject deep "$(q .subject)"

# a 100 MB attachment: one record, cut at max-message-bytes, memory flat
{ printf 'From: Jane <jane@customer.example>\nSubject: big attachment\nMessage-ID: <big@customer.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\nPlease find the data attached.\n\n--B\nContent-Type: application/octet-stream; name="data.bin"\nContent-Disposition: attachment; filename="data.bin"\nContent-Transfer-Encoding: base64\n\n'
  head -c 75000000 /dev/zero | base64 -w 76; printf -- '--B--\n'; } >"$tmp/big.eml"
rss() { /usr/bin/time -f %M "$@" 2>"$tmp/rss" >"$tmp/out"; tail -1 "$tmp/rss"; }
# whole-message buffering would need over 200 MB; sanitizers add their own
# shadow memory and quarantine, hence a looser bound under them
maxkb=120000
[ -n "${TACT_SANITIZED:-}" ] && maxkb=200000
kb=$(rss "$tact" --no-default-lexicons --text "$tmp/big.eml")
check big-one-record 1 "$(records "$tmp/out")"
check big-text 'Please find the data attached.' "$(jq -r .text "$tmp/out" | grep .)"
check big-error 1 "$(q .error | grep -c 'longer than max-message-bytes')"
check big-attachment-listed 1 "$(jq -r '.attachments[]' "$tmp/out" | grep -c '^data.bin (application/octet-stream, ')"
[ "${kb:-0}" -lt $maxkb ] && ok || bad "big-attachment: peak RSS ${kb} kB"
{ printf 'From x@y Mon Jun  3 10:15:00 2024\n'; cat "$tmp/big.eml"; printf '\nFrom x@y Mon Jun  3 10:16:00 2024\nSubject: after the big one\n\nok\n'; } >"$tmp/big.mbox"
kb=$(rss "$tact" --no-default-lexicons "$tmp/big.mbox")
check big-mbox 'big attachment|after the big one' "$(q .subject)"
[ "${kb:-0}" -lt $maxkb ] && ok || bad "big-attachment mbox: peak RSS ${kb} kB"

echo "mail: $pass passed, $fail failed"
[ "$fail" = 0 ]
