#!/usr/bin/env bash
# A manifest of N entries built and verified in a bounded heap (issue 15: 100 million entries in <= 256 MB).
# Usage: bench/manifest-scale.sh [entries] [heap-MB] [work-dir]
#   issue 15's size: bench/manifest-scale.sh 100000000 256 /tmp/yj-scale
# The store is synthetic (src/test/java/org/yunjian/exit/bench/SyntheticStore.java, `synthetic://N`): N objects of
# 1-64 bytes that exist only as arithmetic, listed in canonical order, so the run needs no N files; the manifest
# (SM3, signed) is a real file on disk (about 110 bytes per entry). The manifest is written straight from the store's
# arithmetic (ManifestScale: same entries as `exit manifest build synthetic://N`, checked in SyntheticStoreTest, but
# without the media-type sniffing, which costs about 1 MB of allocation per entry — docs/performance.md); the
# verification runs as the real CLI (org.yunjian.Application exit verify) with -Xmx<heap>m and a GC log. The script
# prints the time, the rate and the largest heap occupancy after any collection. Finishing at all with -Xmx<heap>m is
# the target; the occupancy shows the margin. With BUILD=cli the manifest is built by `exit manifest build` instead.
# Needs compiled classes: ./mvnw -o test-compile (the synthetic store is a test class).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000000}
heap=${2:-256}
work=${3:-/tmp/yunjian-manifest-scale}
mkdir -p "$work"
cd "$here"
[ -d target/test-classes/org/yunjian/exit/bench ] || { echo "compile first: ./mvnw -o test-compile" >&2; exit 2; }
[ -f "$work/cp.txt" ] || ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$here/target/test-classes:$here/target/classes:$(cat "$work/cp.txt")"
export YUNJIAN_KEY_PASSPHRASE=${YUNJIAN_KEY_PASSPHRASE:-benchmark-passphrase}
yj() { local log=$1; shift; java "-Xmx${heap}m" "-Xlog:gc:file=$work/$log" -cp "$cp" org.yunjian.Application "$@"; }
if [ "${BUILD:-direct}" = cli ]; then
  [ -f "$work/keys/b.key.pem" ] || java -cp "$cp" org.yunjian.Application keys create --out "$work/keys" --name b >/dev/null
else
  mkdir -p "$work/keys"
fi
peak() { # largest heap occupancy after a collection, in MB, from a -Xlog:gc file
  grep -o -- '->[0-9]*M' "$1" | tr -dc '0-9\n' | sort -n | tail -1
}
echo "entries $n, heap -Xmx${heap}m, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(date +%s.%N)
if [ "${BUILD:-direct}" = cli ]; then
  yj gc-build.log exit manifest build "synthetic://$n" --out "$work/m.jsonl" --key "$work/keys/b.key.pem" > "$work/build.out"
else
  java "-Xmx${heap}m" "-Xlog:gc:file=$work/gc-build.log" -cp "$cp" org.yunjian.exit.bench.ManifestScale "$n" "$work/m.jsonl" \
    "$work/keys/b.pub.pem"
fi
e=$(date +%s.%N)
b=$(echo "$e - $s" | bc)
printf 'build   %8.1f s  %9.0f entries/s  manifest %s bytes  heap after GC at most %s MB\n' "$b" "$(echo "$n / $b" | bc -l)" \
  "$(stat -c %s "$work/m.jsonl")" "$(peak "$work/gc-build.log")"
s=$(date +%s.%N)
rc=0
yj gc-verify.log exit verify "synthetic://$n" --manifest "$work/m.jsonl" --pubkey "$work/keys/b.pub.pem" > "$work/verify.out" || rc=$?
e=$(date +%s.%N)
v=$(echo "$e - $s" | bc)
printf 'verify  %8.1f s  %9.0f entries/s  exit %d  heap after GC at most %s MB\n' "$v" "$(echo "$n / $v" | bc -l)" "$rc" \
  "$(peak "$work/gc-verify.log")"
tail -2 "$work/verify.out"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
