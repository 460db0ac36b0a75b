#!/usr/bin/env python3
"""alternate.py: time shell commands taken in turn, round after round, so
that a slow spell of the machine falls on every command alike; prints each
command's median and minimum wall time, its ratio to the first command's
median, and the median of the per-round ratios of the second to the first.
Used for the figures in doc/performance.md that compare two commands (tact
against the bare GMime parse, one build against another).

Usage: alternate.py ROUNDS CMD1 CMD2 [CMD...]   (run in build/bench)"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    rounds, cmds = int(sys.argv[1]), sys.argv[2:]
    times = [[] for _ in cmds]
    for _ in range(rounds):
        for k, cmd in enumerate(cmds):
            t0 = time.perf_counter()
            rc = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL).returncode
            times[k].append(time.perf_counter() - t0)
            if rc:
                sys.exit("%s: exit status %d" % (cmd, rc))
    base = statistics.median(times[0])
    for cmd, t in zip(cmds, times):
        print("%8.3f s  min %.3f  x%.3f  %s" % (statistics.median(t), min(t), statistics.median(t) / base, cmd))
    paired = statistics.median(b / a for a, b in zip(times[0], times[1]))
    print("median per-round ratio, second to first: %.3f" % paired)


if __name__ == "__main__":
    main()
