#!/usr/bin/env python3
"""Agent-side evaluation on tests/eval/agent.jsonl (our own labelled set,
see agent.md): the apology class (confusion matrix, per-class P/R/F1 and
macro-F1 over sincere, canned, conditional, none) and per-label precision
and recall for the flags and recovery elements.
Usage: agent.py [-v] [FILE [SET]]   (-v lists the errors; FILE defaults to
agent.jsonl, e.g. agent-holdout.jsonl for the held-out set)

A FILE ending in .tsv holds labels of real replies whose text is read in
place from ../shared/corpus-ext (agent-real.tsv: company tweets of the twcs
sample and IBM agent tweets, agent-real.md); SET keeps the rows of one of its
sets (dev, dev2, dev3, dev4, dev5: tuned on; test, test2: held out).
Its test sets are blind (common.REAL_BLIND): -v on them exits, as it does on the held-out files
of HELD_OUT (agent.md: run them for figures only)."""
import os
import sys

from common import HERE, label_table, prf, read_jsonl, read_real, run_tact

HELD_OUT = ("agent-holdout2.jsonl", "agent-holdout3.jsonl")  # blind: figures only, never -v

CLASSES = ["sincere", "canned", "conditional", "none"]
LABELS = ["agent.argumentative", "agent.blame", "agent.policy", "agent.deflect", "recovery.ownership",
          "recovery.action", "recovery.compensation", "recovery.follow_up", "recovery.prevention",
          "recovery.gratitude", "recovery.empathy", "derogatory.profanity", "derogatory.insult"]


def main():
    verbose = "-v" in sys.argv
    files = [a for a in sys.argv[1:] if a != "-v"]
    path = files[0] if files else HERE + "/agent.jsonl"
    want = files[1] if len(files) > 1 else None
    if path.endswith(".tsv"):
        gold = read_real(path, want, ("apology", "labels"), "agent")
        if gold is None:
            return
    else:
        if verbose and os.path.basename(path) in HELD_OUT:
            sys.exit("agent.py: -v would show the errors of a held-out set (%s); run it for figures only"
                     % os.path.basename(path))
        gold = read_jsonl(path)
    print("%s%s" % (path, " (%s)" % want if want else ""))
    out = run_tact(gold, role="agent")
    print("apology class (n=%d): rows gold, columns predicted" % len(gold))
    print("%-12s" % "" + "".join("%12s" % c for c in CLASSES))
    for g in CLASSES:
        print("%-12s" % g + "".join("%12d" % sum(1 for r, o in zip(gold, out)
                                                  if r["apology"] == g and o["apology"] == p) for p in CLASSES))
    f1s = []
    for c in CLASSES:
        tp = sum(1 for r, o in zip(gold, out) if r["apology"] == c and o["apology"] == c)
        fp = sum(1 for r, o in zip(gold, out) if r["apology"] != c and o["apology"] == c)
        fn = sum(1 for r, o in zip(gold, out) if r["apology"] == c and o["apology"] != c)
        p, r, f = prf(tp, fp, fn)
        if tp + fp + fn:  # a class neither in the set nor predicted has no F1 to average
            f1s.append(f)
        print("  %-12s P %.3f R %.3f F1 %.3f" % (c, p, r, f))
    acc = sum(1 for r, o in zip(gold, out) if r["apology"] == o["apology"]) / len(gold)
    print("apology macro-F1 %.3f over %d classes, accuracy %.3f\n" % (sum(f1s) / max(len(f1s), 1), len(f1s), acc))
    g = [set(l for l in r["labels"] if l in LABELS) for r in gold]
    p = [set(l for l in o["labels"] if l in LABELS) for o in out]
    label_table(g, p, LABELS, "agent labels")
    kinds = {}
    for r, o in zip(gold, out):
        if r.get("hard"):
            k = kinds.setdefault(r["hard"], [0, 0])
            k[0] += r["apology"] == o["apology"] and set(r["labels"]) == set(
                l for l in o["labels"] if l in LABELS or l.startswith("apology."))
            k[1] += 1
    if kinds:
        print("hard cases, share fully right (class and labels):")
    for k in sorted(kinds):
        print("  %-24s %3d/%-3d" % (k, kinds[k][0], kinds[k][1]))
    if verbose:
        for r, o in zip(gold, out):
            gl = set(l for l in r["labels"] if l in LABELS)
            pl = set(l for l in o["labels"] if l in LABELS)
            if r["apology"] != o["apology"] or gl != pl:
                print("\n%s [%s] apology %s->%s missing %s extra %s\n  %s" % (
                    r["id"], r.get("hard"), r["apology"], o["apology"], sorted(gl - pl), sorted(pl - gl),
                    r["text"][:300].replace("\n", " ")))
                for s in o["spans"]:
                    if s["label"] in (pl - gl) or s["label"].startswith("apology."):
                        print("    + %s %s '%s'" % (s["label"], s["rule"], s["match"]))


if __name__ == "__main__":
    main()
