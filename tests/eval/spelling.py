#!/usr/bin/env python3
"""Spelling check on agent replies (tact --spell), against the `typo` hard
cases of agent.jsonl and agent-holdout.jsonl: every listed misspelling that
is not itself a dictionary word must be flagged, and nothing else in any
reply of those sets may be (British spellings, names, codes, URLs, quoted
text and signatures are not misspellings). Listed misspellings that are
real words ("Were" for "We're", "its" for "it's") are out of reach of a
dictionary check; they are reported, not failed.
Usage: spelling.py [-v]   (exit 1 on a failure)"""
import json
import subprocess
import sys

from common import HERE, TACT, read_jsonl


def flagged(texts):
    """The words tact --spell flags in each text, as lists."""
    lines = "".join(json.dumps({"id": str(i), "text": t, "role": "agent"}) + "\n" for i, t in enumerate(texts))
    p = subprocess.run([TACT, "--input-format", "jsonl", "--format", "jsonl", "--spell"], input=lines.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0, 1):
        sys.exit("tact failed (%d): %s" % (p.returncode, p.stderr.decode()[:500]))
    out = [json.loads(l) for l in p.stdout.decode().splitlines()]
    return [[s["match"] for s in o["spans"] if s["label"] == "spelling"] for o in out]


# What must not be flagged, each next to one misspelling that must be.
CASES = [
    ("Please see https://exmple.com/helpp/artcle or email suport@exmple.com and quote ref QX7ZRT; the adress "
     "is fine.", ["adress"]),                                      # URL, e-mail, code
    ("Your order 12345-ABX shipped on 3rd Nov. PLEAZE NOTE the new adress format.", ["adress"]),  # numbers, capitals
    ("You wrote \"the servise is awfull\" and I agree the adress was wrong.", ["adress"]),     # quoted
    ("I've reset your ruoter.\n\n-- \nKind regards,\nJhonny Smiht\nSenoir Advisor", ["ruoter"]),   # signature
    ("> my biil is rong\nI've corected the bill today.", ["corected"]),                        # quoted message
    ("Thanks Ms Okafor, Mr Xanthopoulos has rebooked your pre-authorised payment and cancelled the "
     "cheque; sory. ^RK", ["sory"]),                              # names, prefixes, British spelling, sign-off
    ("You\u00b4re right, the courier\u2019s van and everyone else's parcels were late; I\u2019ve rebooked your "
     "mum's for tommorow.", ["tommorow"]),                        # typed apostrophes, possessives
    ("Oh noooo, I'm sooo sorry! Awwww, your licences were never recieved.", ["recieved"]),  # drawn-out letters
    ("Hola Ana, lo sentimos. Por favor revisa el enlace con la informaci\u00f3n de tu pedido y si tienes "
     "m\u00e1s preguntas escr\u00edbenos.", []),                # another language: not judged
    ("Revisa el siguiente enlace para problemas al introducir la informacion de cobro.", []),  # another language, few unknown words
    ("Have a great trip! #travelgoals #smilesfromustoyou Your refnd is on its way.", ["refnd"]),  # hashtags
    ("Please bring a secondary form of ID to the branch, the adress is below. ^ag", ["adress"]),  # tweet initials
    ("Sory for the delai, we hav fixd your acount and refundd the paymnt today.",
     ["Sory", "delai", "hav", "fixd", "acount", "refundd", "paymnt"]),  # a sloppy draft is still checked
    ("Request it at reportaproblem.apple.com on your macOS device; the eco setting and your enquiry were "
     "moulded into one tiket.", ["tiket"]),                       # a bare host name, a brand's casing, British forms
    ("Hi Jos\u00e9, I've refunded the payment and the confirmaton is in your inbox.", ["confirmaton"]),  # accented name
]


def main():
    verbose = "-v" in sys.argv
    recs = read_jsonl(HERE + "/agent.jsonl") + read_jsonl(HERE + "/agent-holdout.jsonl")
    got = flagged([r["text"] for r in recs])
    listed = sorted({w for r in recs for w in r.get("misspellings", [])})
    # a listed word the dictionary accepts on its own is a real-word error
    alone = dict(zip(listed, flagged([w.lower() for w in listed])))
    real = {w for w in listed if not alone[w]}
    fails, tp, fn, fp, nreal = [], 0, 0, 0, 0
    for r, g in zip(recs, got):
        want = r.get("misspellings", [])
        for w in want:
            if w in real:
                nreal += 1
                if verbose:
                    print("%s: '%s' is a real word (not a dictionary error)" % (r["id"], w))
            elif w in g:
                tp += 1
            else:
                fn += 1
                fails.append("%s: '%s' not flagged" % (r["id"], w))
        for w in g:
            if w not in want:
                fp += 1
                fails.append("%s: '%s' flagged but spelled right" % (r["id"], w))
    for (text, want), g in zip(CASES, flagged([c[0] for c in CASES])):
        if sorted(g) != sorted(want):
            fails.append("case %r: flagged %s, want %s" % (text[:40], g, want))
    typo = sum(1 for r in recs if r.get("misspellings"))
    print("spelling: %d replies (%d with misspellings): %d flagged as listed, %d missed, %d false flags; "
          "%d real-word errors out of reach; %d skip cases" % (len(recs), typo, tp, fn, fp, nreal, len(CASES)))
    for f in fails:
        print("  " + f)
    checks = tp + fn + fp + len(CASES)
    print("spelling: %d passed, %d failed" % (checks - len(fails), len(fails)))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
