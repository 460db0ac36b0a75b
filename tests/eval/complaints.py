#!/usr/bin/env python3
"""Complaint or not, on real customer tweets: does tact rate a message
above `none` (a complaint, a reported problem, frustration or any signal)
exactly when a careful reader would? The texts are real customer messages in
../shared/corpus-ext (twcs customer-support tweets and IBM customer-care
conversations); the labels are ours, made by reading each text by
TAXONOMY.md before tact ran on it (tests/eval/complaints.md). Only ids and
labels live in tests/eval/complaints.tsv; the texts are read in place.

Sets: dev1, dev2, dev3, dev4, dev5 (read for errors while the complaint cues
were written: tuning data), test, test2 and test3 (never read for errors: run
them for figures only).

Usage: complaints.py [-v] [SET...]
  -v    list the errors (never for the test sets: see complaints.md)"""

from common import corpus, prf, read_jsonl, read_labels, run_tact, wanted_sets

SETS = ["dev1", "dev2", "dev3", "dev4", "dev5", "test", "test2", "test3"]
BLIND = ["test", "test2", "test3"]


def texts():
    """id -> text of every customer message of twcs and IBM, or None."""
    twcs = corpus("twcs-customer-support-on-twitter-sample/twcs_head_sample.jsonl")
    ibm = [corpus("ibm-twitter-customer-care-document-prediction/%s.jsonl" % s) for s in ("dev", "test")]
    if not twcs or not all(ibm):
        return None
    t = {"twcs:%s" % r["id"]: r["text"] for r in read_jsonl(twcs) if r["label"] == "customer"}
    for path in ibm:
        t.update({"ibm:%s" % r["id"]: r["text"] for r in read_jsonl(path) if r["label"] == "customer"})
    return t


def main():
    want, verbose = wanted_sets("complaints.py", SETS, BLIND)
    t = texts()
    if t is None:
        return
    gold = [{"id": i, "set": s, "complaint": label == "complaint", "text": t[i]}
            for i, s, label in read_labels("complaints.tsv", want, 1, t)]
    out = run_tact(gold, role="customer")
    print("complaint or not, real customer tweets (level above none = complaint)")
    for s in want:
        tp = fp = fn = tn = 0
        for g, o in zip(gold, out):
            if g["set"] != s:
                continue
            p = (o.get("escalation") or {}).get("level", "none") != "none"
            tp += g["complaint"] and p
            fp += p and not g["complaint"]
            fn += g["complaint"] and not p
            tn += not g["complaint"] and not p
            if verbose and p != g["complaint"]:
                print("  %s %s | %s" % ("FN" if g["complaint"] else "FP", g["id"], g["text"][:160].replace("\n", " ")))
        P, R, F = prf(tp, fp, fn)
        print("%-6s n=%-4d P %.3f  R %.3f  F1 %.3f  accuracy %.3f   (tp %d fp %d fn %d tn %d)" %
              (s, tp + fp + fn + tn, P, R, F, (tp + tn) / max(tp + fp + fn + tn, 1), tp, fp, fn, tn))


if __name__ == "__main__":
    main()
