#!/usr/bin/env python3
"""Latency of `tact serve` per request: sends N requests of about 1 KB (real
customer-care text from ../shared/corpus-ext, or a fixed reply) one at a
time, waits for each answer, and prints p50/p90/p99/max in milliseconds.
Usage: serve_latency.py TACT [N]"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("TACT_SHARED", os.path.join(os.path.dirname(ROOT), "shared", "corpus-ext"))


def messages():
    p = os.path.join(SHARED, "twcs-customer-support-on-twitter-sample", "twcs_head_sample.jsonl")
    texts = []
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                texts.append(("agent" if r["label"] == "company" else "customer", r["text"]))
    if not texts:
        texts = [("agent", "I'm sorry we charged you twice; I've refunded the fee and I'll check on Friday.")]
    out, i = [], 0
    while len(out) < 2000:
        role, t = texts[i % len(texts)]
        body = t
        while len(body) < 1000:  # about 1 KB per request
            i += 1
            body += " " + texts[i % len(texts)][1]
        out.append((role, body[:1024]))
        i += 1
    return out


def main():
    tact = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    msgs = messages()
    p = subprocess.Popen([tact, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    lat = []
    for k in range(n):
        role, text = msgs[k % len(msgs)]
        req = (json.dumps({"id": str(k), "role": role, "text": text}) + "\n").encode()
        t0 = time.perf_counter()
        p.stdin.write(req)
        line = p.stdout.readline()
        lat.append((time.perf_counter() - t0) * 1000)
        if not line:
            sys.exit("serve ended early")
    p.stdin.close()
    p.wait()
    lat.sort()
    q = lambda x: lat[min(len(lat) - 1, int(x * len(lat)))]
    print("serve latency over %d requests of ~1 KB (client round trip, ms): p50 %.3f p90 %.3f p99 %.3f max %.3f"
          % (n, q(0.5), q(0.9), q(0.99), lat[-1]))


if __name__ == "__main__":
    main()
