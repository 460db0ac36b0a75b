#!/usr/bin/env python3
"""replyparse.py: does tact keep the author's own words of an e-mail reply?

Runs build/tact --own-text over the reply-parser fixtures of five peer
projects, read in place from ../shared/corpus-ext (SOURCES.md describes
them), and prints per set the share of messages whose own text equals the
expected new text, whitespace-normalised:

  talon       mailgun/talon: standard_replies/*.eml (expected: the shipped
              *_reply_text, else "Hello", talon's own rule), the HTML replies
              (talon's expected reply "Hi. I am fine." plus its "Thanks,
              Alex" sign-off, which is a signature here), the signature
              set stripped/ (expected: *_body minus the shipped *_signature)
              and a few more; expectations in tests/fixtures/reply/talon/
              or computed from the shipped files.
  github, zapier, crisp, willdurand
              the peers keep their expectations in test code, which was not
              copied; tests/fixtures/reply/<set>/<name>.expected were
              written for this project by reading each input.

Own text = the text without quote and signature regions. For talon's
standard replies the script also prints the figure talon itself measures
(the text without quotes, signatures kept) against the shipped replies.

Every fixture becomes one message of an mbox per set (plain text bodies as
UTF-8 text/plain, HTML as text/html, .eml files as they are), so the run
also checks that the mbox reader gives one record per message, in order.

Exit status: 1 when talon's figure is below 95% (or tact fails), else 0;
skipped (0) when ../shared/corpus-ext is absent.
Usage: tests/eval/replyparse.py [path/to/tact] [-v]
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get("TACT_CORPUS_EXT", os.path.join(ROOT, "..", "shared", "corpus-ext"))
EXPECT = os.path.join(ROOT, "tests", "fixtures", "reply")
GOAL = 95.0

SETS = {
    "github": "email-github-email_reply_parser/emails",
    "zapier": "email-zapier-email-reply-parser/emails",
    "crisp": "email-crisp-oss-email-reply-parser/fixtures",
    "willdurand": "email-willdurand-EmailReplyParser/Fixtures",
}
TALON = "email-mailgun-talon/fixtures"


def norm(s):
    return " ".join(s.split())


def expected_matches(expected, got):
    """expected is the text, or "sha256:<hex of the normalised text>" for
    long ones (so the project does not hold copies of big fixtures)."""
    if expected.startswith("sha256:"):
        return hashlib.sha256(norm(got).encode()).hexdigest() == expected.split(":", 1)[1].strip()
    return norm(expected) == norm(got)


def text_message(body, sender=None, ctype="text/plain"):
    if sender and "@" in sender:
        frm = sender
    elif sender:
        frm = "%s <sender@example.com>" % sender
    else:
        frm = "sender@example.com"
    head = ("From: %s\nTo: support@example.com\nSubject: reply\nMIME-Version: 1.0\n"
            "Content-Type: %s; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" % (frm, ctype))
    return head.encode() + body


def mbox(messages):
    """mboxrd: From_ lines between messages, body lines that look like
    one get a '>'."""
    out = []
    for raw in messages:
        raw = raw.replace(b"\r\n", b"\n")
        if raw.startswith(b"From "):
            raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
        out.append(b"From replyparse@tact.invalid Thu Jan  1 00:00:00 2015\n")
        for line in raw.split(b"\n"):
            if re.match(rb">*From ", line):
                line = b">" + line
            out.append(line + b"\n")
        out.append(b"\n")
    return b"".join(out)


def run_tact(tact, messages):
    with tempfile.NamedTemporaryFile(suffix=".mbox", delete=False) as f:
        f.write(mbox(messages))
        path = f.name
    try:
        p = subprocess.run([tact, "--no-default-lexicons", "-f", "mbox", "--text", "--own-text", path],
                           capture_output=True, timeout=300)
    finally:
        os.unlink(path)
    if p.returncode not in (0, 1):
        sys.exit("replyparse: tact failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")))
    recs = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    if len(recs) != len(messages):
        sys.exit("replyparse: %d messages in, %d records out" % (len(messages), len(recs)))
    return recs


def without(rec, label):
    """The record's text without the spans of one label (code points)."""
    text = rec.get("text", "")
    spans = sorted((s["cp_start"], s["cp_end"]) for s in rec["spans"] if s["label"] == label)
    out, pos = [], 0
    for a, b in spans:
        if a > pos:
            out.append(text[pos:a])
        pos = max(pos, b)
    out.append(text[pos:])
    return "".join(out)


def read_expected(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def talon_cases():
    """(name, message bytes, expected own text, talon's expected reply or None)"""
    base = os.path.join(CORPUS, TALON)
    cases = []
    sr = os.path.join(base, "standard_replies")
    for f in sorted(os.listdir(sr)):
        if not f.endswith(".eml"):
            continue
        name = f[:-4]
        shipped = os.path.join(sr, name + "_reply_text")
        reply = read_expected(shipped) if os.path.exists(shipped) else "Hello"
        cases.append(("standard_replies/" + f, open(os.path.join(sr, f), "rb").read(),
                      read_expected(os.path.join(EXPECT, "talon", "standard_replies-%s.expected" % name)), reply))
    hr = os.path.join(base, "html_replies")
    for f in sorted(os.listdir(hr)):
        name = f[:-5]
        cases.append(("html_replies/" + f, text_message(open(os.path.join(hr, f), "rb").read(), ctype="text/html"),
                      read_expected(os.path.join(EXPECT, "talon", "html_replies-%s.expected" % name)), None))
    for f in ("reply-separated-by-hr.html", "OLK_SRC_BODY_SECTION.html"):
        cases.append((f, text_message(open(os.path.join(base, f), "rb").read(), ctype="text/html"),
                      read_expected(os.path.join(EXPECT, "talon", f[:-5] + ".expected")), None))
    f = "reply-quotations-share-block.eml"
    cases.append((f, open(os.path.join(base, f), "rb").read(),
                  read_expected(os.path.join(EXPECT, "talon", f[:-4] + ".expected")), None))
    # signature extraction: body minus the shipped signature, as talon tests it
    st = os.path.join(base, "signature", "emails", "stripped")
    for f in sorted(os.listdir(st)):
        if not f.endswith("_body"):
            continue
        name = f[:-5]
        body = read_expected(os.path.join(st, f))
        sig = read_expected(os.path.join(st, name + "_signature"))
        sender = read_expected(os.path.join(st, name + "_sender")).strip()
        stripped = body.strip()
        own = stripped[:len(stripped) - len(sig.strip())] if sig.strip() else stripped
        cases.append(("signature/stripped/" + name, text_message(body.encode(), sender), own, None))
    um = os.path.join(base, "signature", "emails", "P", "unicode_msg")
    lines = read_expected(um).split("\n")
    sender = lines[0].split(":", 1)[1].strip()
    cases.append(("signature/P/unicode_msg", text_message("\n".join(lines[1:]).encode(), sender),
                  read_expected(os.path.join(EXPECT, "talon", "signature-P-unicode_msg.expected")), None))
    return cases


def set_cases(name, rel):
    d = os.path.join(CORPUS, rel)
    cases = []
    for f in sorted(os.listdir(d)):
        if not f.endswith(".txt"):
            continue
        raw = open(os.path.join(d, f), "rb").read()
        # a fixture that is a whole message (headers first) goes in as one
        msg = raw if raw.startswith(b"MIME-Version:") else text_message(raw)
        cases.append((f, msg, read_expected(os.path.join(EXPECT, name, f[:-4] + ".expected")), None))
    return cases


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv[1:]
    tact = args[0] if args else os.path.join(ROOT, "build", "tact")
    if not os.path.isdir(CORPUS):
        print("replyparse: skipped: %s is absent" % os.path.normpath(CORPUS))
        return 0
    status = 0
    talon_pct = None
    order = [("talon", talon_cases)] + [(n, (lambda n=n, r=r: set_cases(n, r))) for n, r in SETS.items()]
    for name, make in order:
        cases = make()
        recs = run_tact(tact, [c[1] for c in cases])
        ok = 0
        reply_ok = reply_n = 0
        for (fname, _, want, reply), rec in zip(cases, recs):
            got = rec.get("own_text", "")
            if expected_matches(want, got):
                ok += 1
            elif verbose:
                print("  %s/%s:\n    want: %r\n    got:  %r" % (name, fname, norm(want)[:300], norm(got)[:300]))
            if reply is not None:
                reply_n += 1
                reply_ok += norm(without(rec, "quote")) == norm(reply)
        pct = 100.0 * ok / len(cases)
        print("%s: %d/%d = %.1f%%" % (name, ok, len(cases), pct))
        if reply_n:
            print("%s (talon's measure: standard replies without quotes vs shipped replies): %d/%d = %.1f%%"
                  % (name, reply_ok, reply_n, 100.0 * reply_ok / reply_n))
        if name == "talon":
            talon_pct = pct
    if talon_pct is not None and talon_pct < GOAL:
        print("replyparse: FAIL: talon %.1f%% is below %.0f%%" % (talon_pct, GOAL))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
