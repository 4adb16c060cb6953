#!/usr/bin/env python3
"""CPU seconds by kind of process while a command runs (docs/performance.md, "Test-suite time").

    tools/cpu-by-process.py OUT -- .ci/run

samples /proc once a second until the command ends, keeps each process's last user+system time under the kind its
current command line names (the test JVMs, the tests' server and CLI processes, Chromium, PostgreSQL, Maven,
LibreOffice), and writes one line per kind to OUT: seconds, processes, kind.

Sampling misses a process's last second and every process that lives less than one (Chromium's renderers, the
tools the tests call). Run as root with `accton` installed (Debian: acct), it also turns on the kernel's process
accounting for the command's lifetime, which records every process that exits with its whole CPU time; then the
sums are those records, each process under the kind sampled for it, or for its nearest sampled ancestor with its
own name added ("test JVM child: pg_dump").
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter

ACCT_V3 = struct.Struct("<BBHIIIIIIfHHHHHHHH16s")  # struct acct_v3 (linux/acct.h), 64 bytes


def comp_t(v):
    return (v & 0x1FFF) << (3 * (v >> 13))


def accounted(path):
    """(pid, ppid, comm, seconds) of each process the kernel recorded exiting (AHZ = 100 ticks a second)."""
    with open(path, "rb") as f:
        data = f.read()
    for off in range(0, len(data) - ACCT_V3.size + 1, ACCT_V3.size):
        r = ACCT_V3.unpack_from(data, off)
        if r[1] & 0x0F != 3:
            continue
        comm = r[18].split(b"\0", 1)[0].decode("utf-8", "replace")
        yield r[6], r[7], comm, (comp_t(r[10]) + comp_t(r[11])) / 100.0


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
    acct = None
    if os.geteuid() == 0 and shutil.which("accton"):
        acct = tempfile.NamedTemporaryFile(prefix="cpu-acct-", delete=False).name
        subprocess.run(["accton", acct], check=True, stdout=subprocess.DEVNULL)
    try:
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
    finally:
        if acct:  # accounting is machine-wide: never left on, whatever stopped the command
            subprocess.run(["accton", "off"], check=True, stdout=subprocess.DEVNULL)
    totals, counts = Counter(), Counter()
    if acct:
        kinds = {int(p): k for (p, _), (k, _) in seen.items()}
        kinds.pop(os.getpid(), None)  # this script's own accton calls are not the command's
        records = list(accounted(acct))
        parent = {pid: ppid for pid, ppid, _, _ in records}
        for pid, _, comm, sec in records:
            k, a, walked = kinds.get(pid), parent.get(pid), {pid}
            while k is None and a is not None and a not in walked:  # a reused pid could make a loop
                walked.add(a)
                k, a = kinds.get(a), parent.get(a)
            if k is None:
                continue  # not the command's: nothing sampled of it or of its ancestors
            if pid not in kinds and not k.startswith(("Chromium", "PostgreSQL", "LibreOffice")):
                k = f"{k} child: {comm}"
            totals[k] += sec
            counts[k] += 1
        os.unlink(acct)
    else:
        for k, ticks in seen.values():
            totals[k] += ticks / HZ
            counts[k] += 1
    with open(out, "w") as f:
        for k, v in totals.most_common():
            f.write(f"{v:9.1f} {counts[k]:5d} {k}\n")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
