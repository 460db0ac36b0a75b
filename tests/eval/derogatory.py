#!/usr/bin/env python3
"""Derogatory-language evaluation on real labelled data in ../shared/corpus-ext
(offensive-language sets written by others; see its SOURCES.md). Runs
`tact --role customer` and prints n, precision, recall and F1 per set.

The printed figures are held out: no set below is one the lexicons are
tuned on. Davidson and OLID have no official test split here, so each is
split in two by a fixed hash of the record id (CRC-32 of the id string):
ids with an even hash are the tuning half (davidson-tune, olid-tune, with
--dev), ids with an odd hash the held-out half that `davidson` and `olid`
report. Kaggle's held-out set is its test_with_solutions file (tuning:
train.jsonl); Toxic Spans' is the trial split (tuning: the train split).
(Lexicon work before the split looked at all of Davidson and OLID, so their
odd halves are held out from then on, not from the start.)

Sets and what counts as a positive prediction (TAXONOMY.md):
  davidson  Davidson et al. 2017, the held-out half (odd id hash, 12,390 of
            24,783 tweets). Gold positive: class
            hate_speech or offensive_language. Predicted positive: the
            record's `derogatory` is not none. HTML entities left in the
            tweets (&amp;, &#128514;) are decoded first, as a tweet reader
            would.
  kaggle    Kaggle "Detecting Insults in Social Commentary" test set
            (test_with_solutions, 2,647). Gold positive: Insult = 1 (insulting
            a participant of the conversation). Predicted positive:
            `derogatory` is insult or identity (profanity not aimed at a
            person is not an insult). The Kaggle label leaves out insults of
            third parties, which the TAXONOMY counts: they are false
            positives here.
  olid      OLID v1.0 training set, the held-out half (odd id hash, 6,607
            of 13,240 tweets), subtask A. Gold positive:
            OFF. Predicted positive: `derogatory` is not none, an
            escalation.threat span (OLID's OFF covers threats), or a
            harsh word of a derogatory rule that tact judged aimed at a
            thing or at nobody (label "complaint", rule insult.*: "the
            most idiotic thing I've ever seen"): OLID's guidelines
            (olid-annotation.txt) count an offense whose target is "an
            organization, a situation, an event, or an issue".
  spans     SemEval-2021 Task 5 Toxic Spans, trial split (690 posts). Predicted
            offsets: the characters [cp_start, cp_end) of every derogatory.*
            span, every escalation.threat span (annotators marked threats
            such as "shoot them"), and every span of a derogatory rule that
            tact judged aimed at a thing (label "complaint", rule insult.*,
            prof.* or identity.*: "this stupid law"): the task marks the
            words that make a post toxic, whoever they are aimed at, and
            the aim is what the label says, not whether the word is there.
            For the same reason the derogatory words tact found and did not
            count (`--explain`'s `suppressed` spans: quoted, negated,
            reported, hypothetical, an idiom) are predicted too: the
            annotators marked "not stupid" and a quoted "idiot" as toxic
            words, and a moderator looking for such words gets them from
            `tact --explain`. Score: the task's own metric, F1 of
            predicted vs gold character offsets per post (a post with no gold
            offsets scores 1 when nothing is predicted, else 0), averaged
            over posts. P and R are the per-post averages of the same sets.
Development sets (the data the lexicons are tuned on), with --dev:
  kaggle-train, kaggle-verify (impermium_verification_labels), spans-train,
  davidson-tune and olid-tune (the even-hash halves).
Clean customer-service text, with --clean: derogatory spans per 1000
  messages on the twcs sample (customer tweets), CFPB narratives, IBM
  customer care (customer turns) and the Stanford politeness requests.

Usage: derogatory.py [-v] [--dev] [--clean] [SET...]
  -v       list false positives and false negatives (for tuning)
  SET      run only these sets (names above)"""
import html
import os
import sys
import time
import zlib

from common import SHARED, corpus, prf, read_jsonl, run_tact

DEROG = ("derogatory.profanity", "derogatory.insult", "derogatory.identity")
MAIN = ["davidson", "kaggle", "olid", "spans"]
DEV = ["kaggle-train", "kaggle-verify", "spans-train", "davidson-tune", "olid-tune"]
CLEAN = ["clean"]
VERBOSE = False


def show(kind, r, o, extra=""):
    spans = "; ".join("%s %s '%s'" % (s["label"].split(".")[1], s["rule"], s["match"]) for s in o["spans"]
                      if s["label"] in DEROG or s["label"] == "escalation.threat")
    print("  %s %s %s| %s\n      -> %s" % (kind, r["id"], extra, r["text"][:240].replace("\n", " "), spans or "-"))


def binary(name, recs, gold_pos, pred_pos, note=""):
    t0 = time.time()
    out = run_tact([{"id": r["id"], "text": r["text"]} for r in recs], role="customer")
    tp = fp = fn = 0
    errs = []
    for r, o in zip(recs, out):
        g, p = gold_pos(r), pred_pos(o)
        tp += g and p
        fp += p and not g
        fn += g and not p
        if g != p:
            errs.append(("FP" if p else "FN", r, o))
    p, rc, f = prf(tp, fp, fn)
    print("%-14s n=%-6d P %.3f  R %.3f  F1 %.3f   (tp %d fp %d fn %d; %.1fs)%s" % (
        name, len(recs), p, rc, f, tp, fp, fn, time.time() - t0, note))
    if VERBOSE:
        for kind, r, o in errs:
            show(kind, r, o, "[%s] " % r.get("label"))
    return f


def half(recs, tune):
    """The tuning half (even CRC-32 of the id) or the held-out half (odd)."""
    return [r for r in recs if (zlib.crc32(str(r["id"]).encode()) % 2 == 0) == tune]


def derog_kind(o):
    return o.get("derogatory") or "none"


def davidson(name="davidson", tune=False):
    path = corpus("davidson-hate-speech-and-offensive-language/labeled_data.jsonl")
    if not path:
        return
    recs = half(read_jsonl(path), tune)
    for r in recs:
        r["text"] = html.unescape(r["text"])
    binary(name, recs, lambda r: r["label"] != "neither", lambda o: derog_kind(o) != "none",
           "" if tune else "  goal F1 >= 0.95")


def kaggle(name, fname, goal=""):
    path = corpus("kaggle-detecting-insults-impermium/" + fname)
    if not path:
        return
    recs = read_jsonl(path)
    binary(name, recs, lambda r: r["label"] == "insult", lambda o: derog_kind(o) in ("insult", "identity"), goal)


def harsh_word(s):
    """A span of a derogatory rule that tact judged aimed at a thing or at
    nobody: a complaint span, not a derogatory one."""
    return s["label"] == "complaint" and s["rule"].startswith(("insult.", "prof.", "identity."))


def olid(name="olid", tune=False):
    path = corpus("olid-offenseval2019-train/olid-training-v1.0.jsonl")
    if not path:
        return
    recs = half(read_jsonl(path), tune)
    binary(name, recs, lambda r: r["label"] == "OFF",
           lambda o: derog_kind(o) != "none" or any(s["label"] == "escalation.threat" or harsh_word(s)
                                                     for s in o["spans"]),
           "" if tune else "  goal F1 >= 0.65")


def span_offsets(o):
    off = set()
    for s in o["spans"]:
        if s["label"] in DEROG or s["label"] == "escalation.threat" or harsh_word(s) or \
                (s["label"] == "suppressed" and s["message"].startswith("derogatory.")):
            off.update(range(s["cp_start"], s["cp_end"]))
    return off


def toxic_spans(name, path, goal=""):
    path = corpus(path)
    if not path:
        return
    recs = read_jsonl(path)
    t0 = time.time()
    out = run_tact([{"id": r["id"], "text": r["text"]} for r in recs], role="customer", args=["--explain"])
    fs, ps, rs = [], [], []
    for r, o in zip(recs, out):
        gold = set(r["span_char_offsets"])
        pred = span_offsets(o)
        if not gold:
            f = p = rc = 1.0 if not pred else 0.0
        elif not pred:
            f = p = rc = 0.0
        else:
            inter = len(gold & pred)
            p, rc = inter / len(pred), inter / len(gold)
            f = 2 * inter / (len(pred) + len(gold))
        fs.append(f)
        ps.append(p)
        rs.append(rc)
        if VERBOSE and f < 1.0:
            t = r["text"]
            got = sorted(pred)
            print("  F1 %.2f %s | %s\n      gold: %s\n      pred: %s" % (
                f, r["id"], t[:240].replace("\n", " "), r["span_texts"],
                [t[a:b] for a, b in runs(got)]))
    n = len(recs)
    print("%-14s n=%-6d P %.3f  R %.3f  F1 %.3f   (per-post char offsets, SemEval-2021 Task 5; %.1fs)%s" % (
        name, n, sum(ps) / n, sum(rs) / n, sum(fs) / n, time.time() - t0, goal))


def runs(offs):
    res = []
    for x in offs:
        if res and res[-1][1] == x:
            res[-1][1] = x + 1
        else:
            res.append([x, x + 1])
    return res


def clean():
    """Derogatory spans on customer-service text that should be mostly clean."""
    sets = [
        ("twcs customer", "twcs-customer-support-on-twitter-sample/twcs_head_sample.jsonl",
         lambda r: r["label"] == "customer"),
        ("cfpb narratives", "cfpb-consumer-complaints-sample/complaints_sample_narratives.jsonl", None),
        ("ibm dev", "ibm-twitter-customer-care-document-prediction/dev.jsonl",
         lambda r: r["label"] == "customer"),
        ("ibm test", "ibm-twitter-customer-care-document-prediction/test.jsonl",
         lambda r: r["label"] == "customer"),
        ("politeness wiki", "stanford-politeness-corpus/wikipedia.annotated.jsonl", None),
        ("politeness se", "stanford-politeness-corpus/stack-exchange.annotated.jsonl", None),
    ]
    for name, rel, keep in sets:
        path = corpus(rel)
        if not path:
            continue
        recs = [r for r in read_jsonl(path) if keep is None or keep(r)]
        out = run_tact([{"id": r["id"], "text": r["text"]} for r in recs], role="customer")
        counts = {k: 0 for k in DEROG}
        msgs = 0
        for r, o in zip(recs, out):
            ds = [s for s in o["spans"] if s["label"] in DEROG]
            for s in ds:
                counts[s["label"]] += 1
            msgs += bool(ds)
            if VERBOSE and ds:
                show("  ", r, o)
        n = len(recs)
        tot = sum(counts.values())
        print("%-16s n=%-5d derogatory spans %4d (%.1f per 1000 messages; profanity %d, insult %d, identity %d);"
              " messages with one %d" % (name, n, tot, 1000 * tot / n, counts[DEROG[0]], counts[DEROG[1]],
                                         counts[DEROG[2]], msgs))


def main():
    global VERBOSE
    args = sys.argv[1:]
    VERBOSE = "-v" in args
    names = [a for a in args if not a.startswith("-")]
    if not names:
        names = list(MAIN)
        if "--dev" in args:
            names += DEV
        if "--clean" in args:
            names += CLEAN
    if not os.path.isdir(SHARED):
        print("skipped: %s is absent" % SHARED)
        return
    print("derogatory evaluation (tact --role customer)")
    for n in names:
        if n == "davidson":
            davidson()
        elif n == "davidson-tune":
            davidson("davidson-tune", True)
        elif n == "olid-tune":
            olid("olid-tune", True)
        elif n == "kaggle":
            kaggle("kaggle", "test_with_solutions.jsonl", "  goal F1 >= 0.70")
        elif n == "kaggle-train":
            kaggle("kaggle-train", "train.jsonl")
        elif n == "kaggle-verify":
            kaggle("kaggle-verify", "impermium_verification_labels.jsonl")
        elif n == "olid":
            olid()
        elif n == "spans":
            toxic_spans("spans", "toxic-spans-semeval2021-trial/tsd_trial.jsonl", "  goal F1 >= 0.70")
        elif n == "spans-train":
            toxic_spans("spans-train", "toxic-spans-semeval2021-train/tsd_train.jsonl")
        elif n == "clean":
            clean()
        else:
            sys.exit("unknown set %s (sets: %s)" % (n, " ".join(MAIN + DEV + CLEAN)))


if __name__ == "__main__":
    main()
