#!/usr/bin/env python3
"""Customer-side evaluation on tests/eval/escalation.jsonl (our own labelled
set, see escalation.md): per-label precision and recall, the escalation
level and derogatory kind, and accuracy on each kind of hard case.
Usage: escalation.py [-v] [-c] [FILE [SET]]
  -v    list the errors
  -c    also print the level confusion table (gold rows, tact columns)
  FILE  another set in the same format, e.g. escalation-holdout.jsonl; or
        labels of real messages read in place from ../shared/corpus-ext
        (escalation-real.tsv, escalation-real.md), SET one of its sets
        (dev to dev12, test, test2, test3); its test, test2 and test3 sets
        are blind: -v on them exits"""
import os
import sys

from common import HERE, label_table, read_jsonl, read_real, run_tact


LABELS = ["escalation.cancel", "escalation.legal", "escalation.regulator", "escalation.public",
          "escalation.manager", "escalation.repeat", "escalation.chargeback", "escalation.ultimatum",
          "escalation.threat", "escalation.shouting", "derogatory.profanity", "derogatory.insult",
          "derogatory.identity"]


def main():
    verbose = "-v" in sys.argv
    files = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = files[0] if files else HERE + "/escalation.jsonl"
    if not os.path.exists(path) and os.path.exists(os.path.join(HERE, path)):
        path = os.path.join(HERE, path)
    want = files[1] if len(files) > 1 else None
    if path.endswith(".tsv"):
        gold = read_real(path, want, ("level", "derogatory", "labels"), "customer")
        if gold is None:
            return
    else:
        gold = read_jsonl(path)
    out = run_tact(gold, role="customer")
    g = [set(r["labels"]) for r in gold]
    p = [set(l for l in o["labels"] if l in LABELS) for o in out]
    res = label_table(g, p, LABELS, "%s%s (n=%d)" % (os.path.basename(path).rsplit(".", 1)[0], " " + want if want else "", len(gold)))
    # over the labels the set has or tact predicts: a label absent from both
    # has no F1 to average (the holdout has no identity slur, say)
    seen = [l for l in res if any(l in a or l in b for a, b in zip(g, p))]
    macro = sum(res[l][2] for l in seen) / max(len(seen), 1)
    tp = sum(len(a & b) for a, b in zip(g, p))
    fp = sum(len(b - a) for a, b in zip(g, p))
    fn = sum(len(a - b) for a, b in zip(g, p))
    mp, mr = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print("micro P %.3f R %.3f F1 %.3f; macro F1 %.3f over %d labels" % (mp, mr, 2 * mp * mr / max(mp + mr, 1e-9), macro,
                                                                     len(seen)))
    order = ["none", "low", "medium", "high", "critical"]
    lv = sum(1 for r, o in zip(gold, out) if r["level"] == o["escalation"]["level"])
    lv1 = sum(1 for r, o in zip(gold, out)
              if abs(order.index(r["level"]) - order.index(o["escalation"]["level"])) <= 1)
    dg = sum(1 for r, o in zip(gold, out) if r["derogatory"] == o["derogatory"])
    print("level exact %.3f, within one %.3f; derogatory kind %.3f" % (lv / len(gold), lv1 / len(gold),
                                                                      dg / len(gold)))
    if "-c" in sys.argv:
        print("level confusion (rows gold, columns tact): " + " ".join("%8s" % o for o in order))
        for gl in order:
            row = [sum(1 for r, o in zip(gold, out) if r["level"] == gl and o["escalation"]["level"] == pl)
                   for pl in order]
            print("  %-8s %s" % (gl, " ".join("%8d" % n for n in row)))
    kinds = {}
    for r, a, b in zip(gold, g, p):
        if r.get("hard"):
            k = kinds.setdefault(r["hard"], [0, 0])
            k[0] += a == b
            k[1] += 1
    if kinds:
        print("hard cases, share with exactly the gold labels:")
    for k in sorted(kinds):
        print("  %-20s %3d/%-3d %.2f" % (k, kinds[k][0], kinds[k][1], kinds[k][0] / kinds[k][1]))
    if verbose:
        for r, o, a, b in zip(gold, out, g, p):
            if a != b:
                print("\n%s [%s] missing %s extra %s\n  %s" % (r["id"], r.get("hard"), sorted(a - b), sorted(b - a),
                                                              r["text"][:300].replace("\n", " ")))
                for s in o["spans"]:
                    if s["label"] in b - a:
                        print("    + %s %s '%s'" % (s["label"], s["rule"], s["match"]))


if __name__ == "__main__":
    main()
