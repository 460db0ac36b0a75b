#!/usr/bin/env python3
"""Build the benchmark corpora from the real texts in ../shared/corpus-ext:
customer-care tweets (twcs), IBM customer-care conversations, CFPB complaint
narratives and Davidson tweets, repeated (with fresh ids) to at least the
target size, as JSON lines and as an mbox of simple messages; and a second
mbox of the real e-mails shipped with the MIME test suites (notmuch corpora,
mikel/mail, mime4j, stalwart), repeated likewise.

Usage: mkcorpus.py OUTDIR [MEGABYTES]   (default 64)"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("TACT_SHARED", os.path.join(os.path.dirname(ROOT), "shared", "corpus-ext"))


def texts():
    """(role, text) pairs from the four sets, in a fixed order."""
    sets = [
        ("twcs-customer-support-on-twitter-sample/twcs_head_sample.jsonl", lambda r: "agent" if r["label"] == "company" else "customer"),
        ("ibm-twitter-customer-care-document-prediction/dev.jsonl", lambda r: r["label"]),
        ("ibm-twitter-customer-care-document-prediction/test.jsonl", lambda r: r["label"]),
        ("cfpb-consumer-complaints-sample/complaints_sample_narratives.jsonl", lambda r: "customer"),
        ("davidson-hate-speech-and-offensive-language/labeled_data.jsonl", lambda r: "customer"),
    ]
    out = []
    for path, role in sets:
        p = os.path.join(SHARED, path)
        with open(p, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("text"):
                    out.append((role(r), r["text"]))
    return out


def mail_files():
    roots = ["email-notmuch-test-corpora", "email-mikel-mail", "email-apache-james-mime4j",
             "email-stalwartlabs-mail-parser"]
    files = []
    for r in roots:
        for d, _, names in os.walk(os.path.join(SHARED, r)):
            for n in sorted(names):
                if n.endswith((".json", ".xml", ".txt", ".out", ".md")) or "LICENSE" in n or "COPYING" in n:
                    continue
                p = os.path.join(d, n)
                with open(p, "rb") as f:
                    data = f.read()
                head = data[:2000].lower()
                if b"\nfrom:" in head or head.startswith(b"from:") or b"\nsubject:" in head or head.startswith(b"received:"):
                    files.append(data)
    files.sort()
    return files


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1].startswith("-") or \
            (len(sys.argv) == 3 and not sys.argv[2].isdigit()):
        sys.exit(__doc__)
    out = sys.argv[1]
    target = int(sys.argv[2] if len(sys.argv) > 2 else 64) << 20
    if not os.path.isdir(SHARED):
        sys.exit("mkcorpus: %s not found" % SHARED)
    os.makedirs(out, exist_ok=True)
    pairs = texts()
    n = 0
    size = 0
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as fj, \
            open(os.path.join(out, "corpus.mbox"), "w", encoding="utf-8") as fm:
        while size < target:
            for role, text in pairs:
                n += 1
                thread = "t%d" % (n // 4)
                line = json.dumps({"id": str(n), "role": role, "thread": thread, "text": text}, ensure_ascii=False)
                fj.write(line + "\n")
                size += len(line.encode()) + 1
                who = "agent@support.example" if role == "agent" else "customer%d@mail.example" % (n % 997)
                body = "\n".join((">" + l if l.startswith("From ") else l) for l in text.splitlines())
                fm.write("From %s Mon Jan  6 09:14:02 2025\nFrom: %s\nTo: help@support.example\n"
                         "Subject: ticket %d\nMessage-ID: <m%d@bench.example>\nDate: Mon, 6 Jan 2025 09:14:02 +0000\n"
                         "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s\n\n" % (who, who, n, n, body))
                if size >= target:
                    break
    # the texts alone, one message per line, for engine_bench (16 MB)
    with open(os.path.join(out, "text.txt"), "w", encoding="utf-8") as ft:
        size = 0
        for role, text in pairs:
            line = " ".join(text.split()) + "\n"
            ft.write(line)
            size += len(line.encode())
            if size >= 16 << 20:
                break
    mails = mail_files()
    size = 0
    k = 0
    with open(os.path.join(out, "real.mbox"), "wb") as f:
        while size < target and mails:
            for data in mails:
                k += 1
                data = data.replace(b"\r\n", b"\n")
                lines = [(b">" + l if l.startswith(b"From ") else l) for l in data.split(b"\n")]
                chunk = b"From bench@example Mon Jan  6 09:14:02 2025\n" + b"\n".join(lines).rstrip(b"\n") + b"\n\n"
                f.write(chunk)
                size += len(chunk)
                if size >= target:
                    break
    print("mkcorpus: %d records in corpus.jsonl/corpus.mbox, %d mails in real.mbox (%d distinct)" % (n, k, len(mails)))


if __name__ == "__main__":
    main()
