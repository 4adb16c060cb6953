#!/usr/bin/env python3
"""CPU seconds by kind of process while a command runs (docs/performance.md, "Test-suite time").

    tools/cpu-by-process.py OUT -- .ci/run

samples /proc once a second until the command ends, keeps each process's last user+system time under the kind its
current command line names (the test JVMs, the tests' server and CLI processes, Chromium, PostgreSQL, Maven,
LibreOffice), and writes one line per kind to OUT: seconds, processes, kind. A process's last second is not seen, so
the sums are a little low; the machine's own total is in /proc/stat (see the CI runs' tables).
"""
import os
import subprocess
import sys
import time
from collections import Counter

HZ = os.sysconf("SC_CLK_TCK")


def kind(pid, cmd):
    text = " ".join(cmd)
    exe = os.path.basename(cmd[0]) if cmd else ""
    if "java" in exe:
        if "surefire" in text:
            try:
                return "test JVM (" + os.path.basename(os.readlink(f"/proc/{pid}/cwd")) + ")"
            except OSError:
                return "test JVM"
        if "org.yunjian.Application serve" in text:
            return "server process (tests)"
        if "org.yunjian.Application" in text:
            return "CLI process (tests)"
        if "classworlds" in text or "org.codehaus.plexus" in text:
            return "Maven"
        return "other java"
    if "chrom" in exe:
        return "Chromium"
    if "postgres" in exe or text.startswith("postgres"):
        return "PostgreSQL"
    if "soffice" in text or "oosplash" in text:
        return "LibreOffice"
    return "other: " + exe


def main():
    out, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    seen = {}  # (pid, start) -> (kind, ticks)
    with open("/proc/uptime") as f:
        begun = float(f.read().split()[0]) * HZ - HZ  # processes started before the command are not counted
    proc = subprocess.Popen(command)
    while True:
        for p in os.listdir("/proc"):
            if not p.isdigit():
                continue
            try:
                with open(f"/proc/{p}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{p}/cmdline", "rb") as f:
                    cmd = [c.decode("utf-8", "replace") for c in f.read().split(b"\0") if c]
            except OSError:
                continue
            # a process that exec'd (a wrapper script into Maven's JVM) is counted under what it became
            if cmd and int(fields[19]) >= begun:
                seen[(p, fields[19])] = (kind(int(p), cmd), int(fields[11]) + int(fields[12]))
        if proc.poll() is not None:
            break
        time.sleep(1)
    totals, counts = Counter(), Counter()
    for k, ticks in seen.values():
        totals[k] += ticks / HZ
        counts[k] += 1
    with open(out, "w") as f:
        for k, v in totals.most_common():
            f.write(f"{v:9.1f} {counts[k]:5d} {k}\n")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
