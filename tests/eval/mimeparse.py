#!/usr/bin/env python3
"""mimeparse.py: every peer MIME fixture gives exactly one tact record.

Runs build/tact over the MIME parser fixtures of five peer projects, read in
place from ../shared/corpus-ext (SOURCES.md describes them): apache
james-mime4j, stalwartlabs mail-parser, mikel/mail, mailgun/flanker and the
notmuch test corpora. For each set it checks that every file gives one
record, in order, with no crash and no hang, then compares with the
expectations the fixtures ship:

  stalwart   NNN.json: the decoded Subject; the text body (the parts of
             "text_body" when they are all plain text) against tact's text
  mime4j     X_decoded.xml and X_decoded_N_M.txt: the text/plain parts tact
             reads as the body (transfer-decoded bytes, charset-decoded
             here), against tact's text; mbox.rlug split into the five
             messages mbox.rlug-0..4
  all sets   how many files "--input-format auto" recognises as e-mail

Comparisons are whitespace-normalised. Figures are printed; the exit
status is 1 only for a crash, a lost or extra record, or a hang. Skipped
(0) when ../shared/corpus-ext is absent.
Usage: tests/eval/mimeparse.py [path/to/tact] [-v]
"""
import codecs
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get("TACT_CORPUS_EXT", os.path.join(ROOT, "..", "shared", "corpus-ext"))
TIMEOUT = 120

NOT_MESSAGES = (".json", ".xml", ".txt", ".out", ".bin", ".gitattributes", "LICENSE", "NOTICE",
                "COPYING", "ARTISTIC-LICENSE.txt", "MIT-LICENSE")

SETS = [
    ("mime4j", "email-apache-james-mime4j", ("testmsgs", "mimetools-testmsgs")),
    ("stalwart", "email-stalwartlabs-mail-parser", ("eml",)),
    ("mikel", "email-mikel-mail", ("emails",)),
    ("flanker", "email-mailgun-flanker", ("messages",)),
    ("notmuch", "email-notmuch-test-corpora", ("corpora",)),
]


def norm(s):
    return " ".join(s.split())


def same(want, got):
    """Equal after whitespace normalisation; a U+FFFD in the expectation
    (the peer could not decode a byte) matches any one character."""
    want, got = norm(want), norm(got)
    if "\ufffd" not in want:
        return want == got
    return re.fullmatch(".".join(re.escape(p) for p in want.split("\ufffd")), got, re.S) is not None


def messages(base, subdirs):
    out = []
    for sub in subdirs:
        for root, dirs, files in os.walk(os.path.join(base, sub)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(NOT_MESSAGES) or f in NOT_MESSAGES or "LICENSE" in f:
                    continue
                out.append(os.path.join(root, f))
    return out


class Trouble(Exception):
    pass


def run(tact, args, files):
    """Records for files, one run per chunk; Trouble on a crash or hang."""
    recs = []
    for i in range(0, len(files), 200):
        chunk = files[i:i + 200]
        try:
            p = subprocess.run([tact, "--no-default-lexicons", "--text"] + args + chunk,
                               capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Trouble("hang (over %d s) on %s..." % (TIMEOUT, chunk[0]))
        if p.returncode not in (0, 1):
            raise Trouble("exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[-500:]))
        recs += [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    return recs


def find_crasher(tact, args, files):
    for f in files:
        try:
            run(tact, args, [f])
        except Trouble as e:
            return "%s: %s" % (f, e)
    return "no single file reproduces it"


# ---- stalwart ------------------------------------------------------------

def stalwart_expect(path):
    j = json.load(open(path[:-4] + ".json", encoding="utf-8"))
    top = j["parts"][0]
    subject = None
    for h in top["headers"]:
        if h["name"] == "subject":
            v = h["value"]
            subject = v.get("Text", "") if isinstance(v, dict) else ""
            break
    body = None
    texts = []
    for i in j["text_body"]:
        b = j["parts"][i]["body"]
        if isinstance(b, dict) and "Text" in b:
            texts.append(b["Text"])
        else:
            texts = None
            break
    if texts is not None and j["text_body"]:
        body = "\n".join(texts)
    return subject, body


# ---- mime4j --------------------------------------------------------------

def charset_decode(data, cs):
    cs = (cs or "us-ascii").strip().strip('"').lower()
    if cs in ("us-ascii", "ascii", "iso-8859-1", "latin1", "iso_8859-1"):
        cs = "cp1252"
    try:
        codecs.lookup(cs)
    except LookupError:
        cs = "utf-8"
    if cs in ("us-ascii", "cp1252"):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return data.decode(cs, errors="replace")


def fields(el):
    out = {}
    h = el.find("header")
    if h is None:
        return out
    for f in h.findall("field"):
        t = (f.text or "").strip()
        if ":" in t:
            k, v = t.split(":", 1)
            out.setdefault(k.strip().lower(), v.strip())
    return out


def param(value, name):
    for p in value.split(";")[1:]:
        if "=" in p:
            k, val = p.split("=", 1)
            if k.strip().lower() == name:
                return val.strip().strip('"')
    return None


def ctype(flds):
    v = flds.get("content-type", "text/plain")
    t = v.split(";", 1)[0].strip().lower() or "text/plain"
    return t, param(v, "charset")


def named(flds):
    return param(flds.get("content-type", ""), "name") or param(flds.get("content-disposition", ""), "filename")


def mime4j_expect(path):
    """The text tact should read, from X_decoded.xml, or None when the
    message's body is not plain text parts only."""
    xml = path[:-4] + "_decoded.xml"
    if not os.path.exists(xml):
        return None
    try:
        root = ET.parse(xml).getroot()
    except ET.ParseError:
        return None
    d = os.path.dirname(path)
    texts = []

    def walk(el, flds, first):
        t, cs = ctype(flds)
        disp = flds.get("content-disposition", "").lower()
        mp = el.find("multipart")
        if mp is not None:
            parts = mp.findall("body-part")
            if t == "multipart/alternative":
                for p in parts:
                    if ctype(fields(p))[0] == "text/plain":
                        return walk(p, fields(p), True)
                raise ValueError("alternative without plain text")
            for i, p in enumerate(parts):
                if t == "multipart/related" and i > 0:
                    continue
                walk(p, fields(p), i == 0)
            return True
        if el.find("message") is not None:
            return True  # message/rfc822: an attachment for tact
        tb = el.find("text-body")
        bb = el.find("binary-body")
        # the JMAP rule tact follows: a named text part after the first is
        # an attachment
        if disp.startswith("attachment") or (named(flds) and not first):
            return True
        if tb is not None and t == "text/plain":
            with open(os.path.join(d, tb.get("name")), "rb") as f:
                texts.append(charset_decode(f.read(), cs))
            return True
        if tb is not None and t.startswith("text/html"):
            raise ValueError("html body")
        return bb is not None or tb is not None

    try:
        walk(root, fields(root), True)
    except ValueError:
        return None
    if not texts:
        return None
    return "\n".join(texts)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv[1:]
    tact = args[0] if args else os.path.join(ROOT, "build", "tact")
    if not os.path.isdir(CORPUS):
        print("mimeparse: skipped: %s is absent" % os.path.normpath(CORPUS))
        return 0
    status = 0
    total = total_ok = 0
    for name, rel, subdirs in SETS:
        base = os.path.join(CORPUS, rel)
        files = messages(base, subdirs)
        try:
            recs = run(tact, ["-f", "eml"], files)
            auto = run(tact, [], files)
        except Trouble as e:
            print("mimeparse: FAIL: %s: %s (%s)" % (name, e, find_crasher(tact, ["-f", "eml"], files)))
            status = 1
            continue
        sources = [r.get("source") for r in recs]
        if sources != files:
            print("mimeparse: FAIL: %s: %d files, %d records (or out of order)" % (name, len(files), len(recs)))
            status = 1
            continue
        total += len(files)
        total_ok += len(files)
        errors = sum(1 for r in recs if r.get("error"))
        recognised = 0
        by_source = {}
        for r in auto:
            by_source.setdefault(r.get("source"), []).append(r)
        for r in recs:
            a = by_source.get(r["source"], [])
            if len(a) >= 1 and a[0].get("subject") == r.get("subject") and a[0].get("from") == r.get("from") \
                    and (r.get("subject") or r.get("from")):
                recognised += 1
        with_headers = sum(1 for r in recs if r.get("subject") or r.get("from"))
        print("%s: %d/%d files parsed, one record each (%d with an error field); "
              "auto format recognised %d/%d with From or Subject"
              % (name, len(files), len(files), errors, recognised, with_headers))
        if verbose:
            for r in recs:
                if r.get("error"):
                    print("  %s: error: %s" % (r["source"], r["error"]))

        if name == "stalwart":
            subj_ok = subj_n = body_ok = body_n = 0
            for f, r in zip(files, recs):
                subject, body = stalwart_expect(f)
                if subject is not None:
                    subj_n += 1
                    if same(subject, r.get("subject") or ""):
                        subj_ok += 1
                    elif verbose:
                        print("  subject %s:\n    want %r\n    got  %r" % (f, subject, r.get("subject")))
                if body is not None:
                    body_n += 1
                    if same(body, r.get("text", "")):
                        body_ok += 1
                    elif verbose:
                        print("  body %s:\n    want %r\n    got  %r" % (f, norm(body)[:200], norm(r.get("text", ""))[:200]))
            print("stalwart: decoded subjects %d/%d = %.1f%%, plain-text bodies %d/%d = %.1f%%"
                  % (subj_ok, subj_n, 100.0 * subj_ok / max(subj_n, 1), body_ok, body_n,
                     100.0 * body_ok / max(body_n, 1)))
        if name == "mime4j":
            body_ok = body_n = 0
            for f, r in zip(files, recs):
                body = mime4j_expect(f)
                if body is None:
                    continue
                body_n += 1
                if same(body, r.get("text", "")):
                    body_ok += 1
                elif verbose:
                    print("  body %s:\n    want %r\n    got  %r" % (f, norm(body)[:200], norm(r.get("text", ""))[:200]))
            print("mime4j: plain-text bodies %d/%d = %.1f%%" % (body_ok, body_n, 100.0 * body_ok / max(body_n, 1)))
            box = os.path.join(base, "mbox-test-1", "mbox.rlug")
            singles = sorted(p for p in (os.path.join(base, "mbox-test-1", x)
                                         for x in os.listdir(os.path.join(base, "mbox-test-1")))
                             if p.rsplit("-", 1)[-1].isdigit())
            try:
                split = run(tact, ["-f", "mbox"], [box])
                each = run(tact, ["-f", "eml"], singles)
            except Trouble as e:
                print("mimeparse: FAIL: mbox.rlug: %s" % e)
                status = 1
                continue
            equal = sum(1 for a, b in zip(split, each)
                       if a.get("id") == b.get("id") and a.get("subject") == b.get("subject")
                       and norm(a.get("text", "")) == norm(b.get("text", "")))
            print("mime4j: mbox.rlug split into %d messages (want %d), %d equal to the split files"
                  % (len(split), len(singles), equal))
            if len(split) != len(singles):
                status = 1
    print("mimeparse: %d/%d fixture files gave one record each" % (total_ok, total))
    return status


if __name__ == "__main__":
    sys.exit(main())
