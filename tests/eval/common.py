"""Shared helpers for tact's evaluation scripts: run build/tact over
records, find the externally written data in ../shared/corpus-ext, and
compute precision, recall and F1. Standard library only."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TACT = os.environ.get("TACT", os.path.join(ROOT, "build", "tact"))
SHARED = os.environ.get("TACT_SHARED", os.path.join(os.path.dirname(ROOT), "shared", "corpus-ext"))


def corpus(path):
    """Path to a file under corpus-ext, or None (and a skip message)."""
    p = os.path.join(SHARED, path)
    if not os.path.exists(p):
        print("skipped: %s not found (../shared/corpus-ext is absent)" % p)
        return None
    return p


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def run_tact(records, role=None, args=()):
    """Analyse records ({"id","text","role"?}) with tact; returns the output
    records in input order (one per input, checked)."""
    lines = []
    for r in records:
        o = {"id": str(r["id"]), "text": r["text"]}
        if r.get("role"):
            o["role"] = r["role"]
        lines.append(json.dumps(o, ensure_ascii=False))
    cmd = [TACT, "--input-format", "jsonl", "--format", "jsonl"] + list(args)
    if role:
        cmd += ["--role", role]
    p = subprocess.run(cmd, input=("\n".join(lines) + "\n").encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0, 1):
        sys.exit("tact failed (%d): %s" % (p.returncode, p.stderr.decode()[:500]))
    out = [json.loads(l) for l in p.stdout.decode().splitlines()]
    if len(out) != len(records):
        sys.exit("tact returned %d records for %d inputs" % (len(out), len(records)))
    for r, o in zip(records, out):
        if o["id"] != str(r["id"]):
            sys.exit("record order differs at id %s" % r["id"])
    return out


def wanted_sets(prog, sets, blind):
    """The sets named on the command line (all when none) and whether -v was
    given; -v on a blind set, whose errors must stay unread, exits."""
    verbose = "-v" in sys.argv
    want = [a for a in sys.argv[1:] if not a.startswith("-")] or sets
    if verbose and any(b in want for b in blind):
        sys.exit("%s: -v would show a blind set's errors; run %s for figures only" % (prog, ", ".join(blind)))
    return want, verbose


def read_labels(name, want, set_col, texts):
    """The rows of the labels file tests/eval/NAME (tab-separated, '#'
    comments) whose column set_col names a wanted set (all when want is
    None); every row's first
    id-like column must be a text we have (the first column that is not
    the set)."""
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            row = line.rstrip("\n").split("\t")
            if want is not None and row[set_col] not in want:
                continue
            i = row[1 if set_col == 0 else 0]
            if i not in texts:
                sys.exit("%s: %s is not in ../shared/corpus-ext" % (name, i))
            rows.append(row)
    return rows


REAL_BLIND = ("test", "test2", "test3")  # the held-out sets of every real-message labels file


def read_real(path, want, fields, role):
    """Gold records of a labels file for real messages (read_labels: id,
    set, then the named fields), each record's text read in place from
    ../shared/corpus-ext by its id's prefix: twcs: and ibm: (the tweets of
    the role, company or agent ones for agents), cfpb:. A field named labels is a list
    (comma-separated, '-' for none). Keeps the rows of set want (all when
    None). None when ../shared is absent. With -v on the command line, a
    held-out set (REAL_BLIND), or all sets, exits: its errors stay unread."""
    if "-v" in sys.argv and want in REAL_BLIND + (None,):
        sys.exit("%s: -v would show a blind set's errors; name a set that is not %s"
                 % (os.path.basename(sys.argv[0]), ", ".join(REAL_BLIND)))
    twcs = corpus("twcs-customer-support-on-twitter-sample/twcs_head_sample.jsonl")
    cfpb = corpus("cfpb-consumer-complaints-sample/complaints_sample_narratives.jsonl")
    ibm = [corpus("ibm-twitter-customer-care-document-prediction/%s.jsonl" % s) for s in ("dev", "test")]
    if not twcs or not cfpb or not all(ibm):
        return None
    side = "company" if role == "agent" else role
    text = {"twcs:%s" % r["id"]: r["text"] for r in read_jsonl(twcs) if r["label"] == side}
    text.update({"cfpb:%s" % r["id"]: r["text"] for r in read_jsonl(cfpb)})
    for src in ibm:
        text.update({"ibm:%s" % r["id"]: r["text"] for r in read_jsonl(src)
                     if (r["label"] == "customer") == (role != "agent")})
    gold = []
    for row in read_labels(os.path.abspath(path), [want] if want else None, 1, text):
        r = {"id": row[0], "set": row[1], "role": role, "text": text[row[0]], "hard": None}
        for k, v in zip(fields, row[2:]):
            r[k] = ([] if v == "-" else v.split(",")) if k == "labels" else v
        gold.append(r)
    return gold


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def label_table(gold_sets, pred_sets, labels, title):
    """Print per-label precision/recall/F1; returns {label: (p, r, f, support)}."""
    res = {}
    print("%-26s %6s %6s %6s %8s" % (title, "P", "R", "F1", "support"))
    for lab in labels:
        tp = sum(1 for g, p in zip(gold_sets, pred_sets) if lab in g and lab in p)
        fp = sum(1 for g, p in zip(gold_sets, pred_sets) if lab not in g and lab in p)
        fn = sum(1 for g, p in zip(gold_sets, pred_sets) if lab in g and lab not in p)
        p, r, f = prf(tp, fp, fn)
        res[lab] = (p, r, f, tp + fn)
        print("%-26s %6.3f %6.3f %6.3f %8d" % (lab, p, r, f, tp + fn))
    return res
