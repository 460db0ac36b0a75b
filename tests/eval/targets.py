#!/usr/bin/env python3
"""Whom an insult is aimed at: does the `target` of a derogatory.insult span
(`reader`, the one the message addresses; `other`, someone it speaks of) agree
with a careful reader? The texts are real, in ../shared/corpus-ext; only ids,
the span's words, which of its kind it is (nth) and our label live in
tests/eval/targets.tsv.

Sets:
  dev   the 55 insult spans tact found in the customer turns of twcs, IBM and
        CFPB (2026-12-07), labelled by reading each text; the target rules
        were corrected on it (the determiner and "a bunch of" rules): tuning
        data. For a complaint to CFPB the reader is the bureau, so the company
        and its staff are `other`; for a tweet to @company, the company.
  test  50 insult spans drawn at random (seed 27) from kaggle-train,
        labelled by reading before tact's targets were looked at; 45 kept (5
        were no insult of a person). Run it for figures only.
A span tact no longer finds counts as an error (shown as "missing").

Usage: targets.py [-v] [SET...]"""

from common import corpus, read_jsonl, read_labels, run_tact, wanted_sets

SETS = ["dev", "test"]


def texts():
    """id -> text for the ids the sets use, or None when a corpus is absent."""
    paths = {
        "twcs": "twcs-customer-support-on-twitter-sample/twcs_head_sample.jsonl",
        "ibm-dev": "ibm-twitter-customer-care-document-prediction/dev.jsonl",
        "ibm-test": "ibm-twitter-customer-care-document-prediction/test.jsonl",
        "cfpb": "cfpb-consumer-complaints-sample/complaints_sample_narratives.jsonl",
        "kaggle": "kaggle-detecting-insults-impermium/train.jsonl",
    }
    found = {k: corpus(p) for k, p in paths.items()}
    if not all(found.values()):
        return None
    t = {}
    for r in read_jsonl(found["twcs"]):
        if r["label"] == "customer":
            t["twcs:%s" % r["id"]] = r["text"]
    for k in ("ibm-dev", "ibm-test"):
        for r in read_jsonl(found[k]):
            if r["label"] == "customer":
                t["ibm:%s" % r["id"]] = r["text"]
    for r in read_jsonl(found["cfpb"]):
        t["cfpb:%s" % r["id"]] = r["text"]
    for r in read_jsonl(found["kaggle"]):
        t["kaggle-%s" % r["id"]] = r["text"]
    return t


def main():
    want, verbose = wanted_sets("targets.py", SETS, ["test"])
    t = texts()
    if t is None:
        return
    gold = [(s, i, words, int(nth), label) for s, i, words, nth, label in read_labels("targets.tsv", want, 0, t)]
    ids = sorted({g[1] for g in gold})
    out = dict(zip(ids, run_tact([{"id": i, "text": t[i]} for i in ids], role="customer")))
    print("whom an insult is aimed at (derogatory.insult span target)")
    for s in want:
        ok = n = 0
        conf = {}
        for gs, i, words, nth, label in gold:
            if gs != s:
                continue
            k, got = 0, "missing"
            for sp in out[i]["spans"]:
                if sp["label"] == "derogatory.insult" and sp["match"] == words:
                    k += 1
                    if k == nth:
                        got = sp.get("target", "missing")
            n += 1
            ok += got == label
            conf[(label, got)] = conf.get((label, got), 0) + 1
            if verbose and got != label:
                print("  %s %s '%s' #%d: gold %s, tact %s" % (s, i, words, nth, label, got))
        if not n:
            continue
        rr = conf.get(("reader", "reader"), 0)
        pr = sum(v for (g, p), v in conf.items() if p == "reader")
        gr = sum(v for (g, p), v in conf.items() if g == "reader")
        print("%-5s n=%-3d accuracy %.3f   reader: P %.3f R %.3f   (errors: %s)" % (
            s, n, ok / n, rr / pr if pr else 0.0, rr / gr if gr else 0.0,
            ", ".join("%s as %s %d" % (g, p, v) for (g, p), v in sorted(conf.items()) if g != p) or "none"))


if __name__ == "__main__":
    main()
