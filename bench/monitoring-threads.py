#!/usr/bin/env python3
"""Where a JVM's CPU goes, by thread (bench/monitoring.sh): user + system ticks of each thread from /proc.

  monitoring-threads.py snapshot PID > FILE     one line per thread: tid, ticks, name
  monitoring-threads.py diff BEFORE AFTER SECONDS
      the CPU seconds each group of threads used between the snapshots (threads named alike with their numbers
      dropped: "monitoring-fetch-3" counts as "monitoring-fetch-"), largest first, with its share and cores. Threads
      that ended between the snapshots are not seen (the process's own figure counts them).
"""
import os
import re
import sys

HZ = os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    for tid in os.listdir("/proc/%s/task" % pid):
        try:
            with open("/proc/%s/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
            with open("/proc/%s/task/%s/comm" % (pid, tid)) as f:
                name = f.read().strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        print("%s\t%d\t%s" % (tid, int(fields[11]) + int(fields[12]), name))


def load(path):
    out = {}
    for line in open(path):
        tid, ticks, name = line.rstrip("\n").split("\t", 2)
        out[tid] = (int(ticks), name)
    return out


def diff(before, after, seconds):
    a, b = load(before), load(after)
    groups = {}
    for tid, (ticks, name) in b.items():
        used = ticks - a.get(tid, (0, name))[0]
        group = re.sub(r"[#\-]?\d+$", "", re.sub(r"-\d+-", "-N-", name)) or name
        groups[group] = groups.get(group, 0) + used
    total = sum(groups.values()) or 1
    for group, ticks in sorted(groups.items(), key=lambda kv: -kv[1]):
        if ticks:
            print("%-24s %8.2f s %5.1f %% %6.3f cores" % (group, ticks / HZ, 100.0 * ticks / total,
                                                          ticks / HZ / seconds))


if sys.argv[1] == "snapshot":
    snapshot(sys.argv[2])
else:
    diff(sys.argv[2], sys.argv[3], float(sys.argv[4]))
