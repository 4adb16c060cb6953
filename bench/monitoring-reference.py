#!/usr/bin/env python3
"""The reference of bench/monitoring.sh: curl fetching the benchmark's pages and their resources at the platform's
rate, PAGES every INTERVAL seconds, one curl process per BATCH seconds (its connections reused within it, 8 at a
time), for SECONDS seconds.

Usage: monitoring-reference.py PAGES_TSV PORT INTERVAL SECONDS [BATCH]
Prints pages=, requests=, failed= (curl's exit codes other than 0) and cpu= (the curl processes' user + system
seconds, from getrusage of this process's children: nothing else is started).
"""
import resource
import subprocess
import sys
import tempfile
import time

tsv, port, interval, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
batch = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
pages = [line.rstrip("\n").split("\t") for line in open(tsv)]
configs = ["".join('url = "http://%s:%s%s"\noutput = "/dev/null"\n' % (p[0], port, path) for path in p[1:])
           for p in pages]
start = time.monotonic()
carry = 0.0
nxt = 0
fetched = requests = failed = 0
with tempfile.NamedTemporaryFile("w", suffix=".cfg") as cfg:
    while time.monotonic() - start < seconds:
        began = time.monotonic()
        carry += len(pages) * batch / interval
        take = int(carry)
        carry -= take
        if take:
            cfg.seek(0)
            cfg.truncate()
            for _ in range(take):
                cfg.write(configs[nxt])
                requests += len(pages[nxt]) - 1
                nxt = (nxt + 1) % len(pages)
            cfg.flush()
            rc = subprocess.call(["curl", "-s", "--no-progress-meter", "--parallel", "--parallel-max", "8", "-K",
                                  cfg.name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            failed += 1 if rc else 0
            fetched += take
        time.sleep(max(0.0, batch - (time.monotonic() - began)))
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print("pages=%d requests=%d failed=%d cpu=%.3f wall=%.1f" % (
    fetched, requests, failed, used.ru_utime + used.ru_stime, time.monotonic() - start))
