#!/usr/bin/env python3
"""The REST side of bench/monitoring.sh (a bearer token of the demo customer in YUNJIAN_TOKEN).

  monitoring-api.py BASE setup PAGES_TSV PORT INTERVAL IDS_OUT
      adds one monitor per page of PAGES_TSV (host, path, ...) to the first system the customer may add monitors
      to, at INTERVAL seconds, then approves each one's baseline (the page and its resources fetched by the
      platform); writes the monitors' ids to IDS_OUT.
  monitoring-api.py BASE count IDS FROM_EPOCH TO_EPOCH INTERVAL TICK
      the probes that started in [FROM, TO): how many, their outcomes, how many found something, the gaps between
      a monitor's probes that overlap the window, the last one open until now (late: over the interval plus a
      twentieth of jitter plus two ticks) and the monitors with no probe at all in the window. Prints key=value lines.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime

BASE = sys.argv[1]
TOKEN = os.environ["YUNJIAN_TOKEN"]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + TOKEN)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=120) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def setup(tsv, port, interval, ids_out):
    pages = [line.rstrip("\n").split("\t") for line in open(tsv)]
    systems = call("GET", "/api/systems?size=200")["items"]
    system = None
    ids = []
    t0 = time.time()
    for n, (host, path, *_) in enumerate(pages, 1):
        body = {"name": "bench %05d" % n, "url": "http://%s:%s%s" % (host, port, path),
                "intervalSeconds": interval, "timeoutSeconds": 10}
        if system is None:
            for s in systems:
                try:
                    ids.append(call("POST", "/api/systems/%s/monitors" % s["id"], body)["id"])
                    system = s["id"]
                    break
                except urllib.error.HTTPError as e:
                    if e.code not in (403, 404):
                        raise
            if system is None:
                sys.exit("no system the customer may add monitors to")
        else:
            ids.append(call("POST", "/api/systems/%s/monitors" % system, body)["id"])
    t1 = time.time()
    print("added %d monitors in %.1f s" % (len(ids), t1 - t0), flush=True)
    resources = 0
    for i in ids:
        resources += call("POST", "/api/monitors/%s/baseline" % i)["resources"]
    print("approved %d baselines (%d resources) in %.1f s" % (len(ids), resources, time.time() - t1), flush=True)
    with open(ids_out, "w") as f:
        f.write("\n".join(ids) + "\n")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def count(ids_file, start, end, interval, tick):
    ids = [i for i in open(ids_file).read().split() if i]
    probes = 0
    outcomes = {}
    findings = 0
    gaps = []
    silent = 0
    now = time.time()
    for i in ids:
        items = call("GET", "/api/monitors/%s/probes?size=100" % i)["items"]
        started = sorted(instant(p["startedAt"]) for p in items)
        inside = [p for p in items if start <= instant(p["startedAt"]) < end]
        if not inside:
            silent += 1
        probes += len(inside)
        for p in inside:
            outcomes[p["outcome"]] = outcomes.get(p["outcome"], 0) + 1
            findings += 1 if p["findings"] else 0
        # the gaps between probes that overlap the window, and the one still open after the last probe
        for a, b in zip(started, started[1:] + [now]):
            if a < end and b > start:
                gaps.append(b - a)
    gaps.sort()
    late_after = interval * 1.05 + 2 * tick

    def q(f):
        return gaps[min(len(gaps) - 1, int(f * len(gaps)))] if gaps else 0

    print("probes=%d" % probes)
    print("outcomes=%s" % ",".join("%s:%d" % kv for kv in sorted(outcomes.items())))
    print("with_findings=%d" % findings)
    print("monitors_without_probe=%d" % silent)
    print("gap_p50=%.1f gap_p99=%.1f gap_max=%.1f" % (q(0.5), q(0.99), gaps[-1] if gaps else 0))
    print("late=%d late_after=%.0f" % (sum(1 for g in gaps if g > late_after), late_after))


if sys.argv[2] == "setup":
    setup(sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
elif sys.argv[2] == "count":
    count(sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]))
else:
    sys.exit("unknown command " + sys.argv[2])
