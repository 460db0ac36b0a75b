#!/usr/bin/env python3
"""Latency of `tact serve` per request: sends N requests of about 1 KB (real
customer-care text from ../shared/corpus-ext, or a fixed reply) one at a
time, waits for each answer, and prints p50/p90/p99/max in milliseconds.
The same client against `cat`, which answers with no work at all, gives the
floor that pipes, scheduling and this Python client add; and the N requests
sent at once give tact's own time per request (minus its start-up).
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


def round_trips(cmd, reqs):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    lat = []
    for req in reqs:
        t0 = time.perf_counter()
        p.stdin.write(req)
        line = p.stdout.readline()
        lat.append((time.perf_counter() - t0) * 1000)
        if not line:
            sys.exit("%s ended early" % cmd[0])
    p.stdin.close()
    p.wait()
    lat.sort()
    return lambda x: lat[min(len(lat) - 1, int(x * len(lat)))]


def wall(cmd, data):
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    tact = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    msgs = messages()
    reqs = [(json.dumps({"id": str(k), "role": role, "text": text}) + "\n").encode()
            for k, (role, text) in ((k, msgs[k % len(msgs)]) for k in range(n))]
    fmt = "p50 %.3f p90 %.3f p99 %.3f max %.3f"
    q = round_trips([tact, "serve"], reqs)
    print(("serve latency over %d requests of ~1 KB (client round trip, ms): " + fmt)
          % (n, q(0.5), q(0.9), q(0.99), q(1)))
    q = round_trips(["cat"], reqs)
    print(("  floor: the same client against cat (ms): " + fmt) % (q(0.5), q(0.9), q(0.99), q(1)))
    per = (wall([tact, "serve"], b"".join(reqs)) - wall([tact, "serve"], b"")) / n
    print("  tact's own time per request, %d sent at once, start-up subtracted: %.3f ms" % (n, per * 1000))


if __name__ == "__main__":
    main()
