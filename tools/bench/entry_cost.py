#!/usr/bin/env python3
"""What lexicon entries cost: the instructions `tact -j1 FILE` executes
(valgrind --tool=callgrind) with the bundled lexicons, and again without each
entry named, one at a time. A regex entry's cost shows above the noise;
dropping a phrase entry moves the count by up to about 1 M instructions on
2 MB of text, because the trie's layout changes.

Usage: tools/bench/entry_cost.py FILE ID [ID...]
  FILE  input for tact, e.g. the first 2 MB of build/bench/corpus.jsonl
  ID    entry ids (lexicons/en/*.tact), e.g. cancel.bare policy.after
Needs valgrind; run from the project root after `make`."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TACT = os.path.join(ROOT, "build", "tact")
LEX = os.path.join(ROOT, "lexicons", "en")


def without(dst, drop):
    """Copy lexicons/en to dst leaving out the entries in drop (an entry is
    its first line and the indented lines and examples after it)."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(LEX, dst)
    for name in os.listdir(dst):
        if not name.endswith(".tact"):
            continue
        path, out, skip = os.path.join(dst, name), [], False
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"([a-z][\w.]*)\s", line)
                if m:
                    skip = m.group(1) in drop
                elif not line.strip() or line[0] in "#@":
                    skip = False
                if not skip:
                    out.append(line)
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(out)


def instructions(lexdir, path):
    args = [TACT, "--no-default-lexicons", "--lexicons", lexdir, "-j1", path]
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm the cache
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + args,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    m = re.search(r"refs:\s+([\d,]+)", p.stderr)
    if not m:
        sys.exit("entry_cost: no count from valgrind:\n" + p.stderr[-500:])
    return int(m.group(1).replace(",", ""))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, ids = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        lexdir = os.path.join(tmp, "en")
        without(lexdir, set())
        base = instructions(lexdir, path)
        print("%-24s %14s" % ("all entries", format(base, ",")))
        for i in ids:
            without(lexdir, {i})
            n = instructions(lexdir, path)
            print("%-24s %14s  (entry costs %s)" % ("without " + i, format(n, ","), format(base - n, ",")))


if __name__ == "__main__":
    main()
