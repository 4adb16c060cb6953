#!/usr/bin/env bash
# The CLI against a running server (issue 35, docs/performance.md "The CLI against a running server"):
# one node of target/yunjian.jar (demo profile, H2, a data directory of its own under /tmp); the demo customer makes an
# API token; then `yunjian assessment list`, `catalog list` and `assessment report ID --format oscal -o FILE` (a
# download) through the server (YUNJIAN_SERVER + YUNJIAN_TOKEN) N times each, beside curl of the same endpoints, and — the
# server stopped — the offline `yunjian assessment list --as customer` on the same data directory M times, as the
# reference. Prints each run's wall and CPU seconds and the median, min and max of both.
#
# Usage: bench/remote-cli.sh [--jar target/yunjian.jar] [--port 18191] [--runs 20] [--offline-runs 3]
#                            [--client "java -jar target/yunjian.jar"]   (e.g. --client bin/yunjian)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/yunjian.jar port=18191 runs=20 offline_runs=3 client=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --offline-runs) offline_runs=$2; shift 2 ;;
    --client) client=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for tool in curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/yunjian-remote-cli.XXXXXX)
app_pid=""
cleanup() {
  [ $? -ne 0 ] && [ -f "$work/app.log" ] && { echo "server log (errors):"; grep -A12 -E "ERROR|Exception:" "$work/app.log" | grep -v "^\s*at " | head -60; }
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
base=http://127.0.0.1:$port
java -Xmx1g -jar "$jar" --spring.profiles.active=demo "--yunjian.data-dir=$work/data" "--server.port=$port" \
  --logging.level.root=WARN > "$work/app.log" 2>&1 &
app_pid=$!
bench_wait_up "$base" "$app_pid" "$work/app.log"
token=$(bench_token "$base" "$(bench_login "$base" "$work/cookies")" READ_ONLY)
# the demo seeds its assessments after the server answers: wait until the list stops changing
last="" same=0
while [ "$same" -lt 3 ]; do
  now=$(curl -fsS -H "Authorization: Bearer $token" "$base/api/assessments?size=200")
  if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; last=$now; fi
  sleep 1
done

# the server's own start-up work (the demo's seeding, its compiler) goes on for a minute or two after it answers:
# measure once it has been idle (under 0.1 CPU-s in 3 s), as a server is between a person's commands
busy() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
tick=$(getconf CLK_TCK)
for _ in $(seq 1 100); do
  a=$(busy); sleep 3; b=$(busy)
  [ $((b - a)) -lt $((tick / 10)) ] && break
done
TIMEFORMAT='%R %U %S'
measure() { # label count command...
  local label=$1 count=$2; shift 2
  : > "$work/$label.times"
  for i in $(seq 1 "$count"); do
    { time "$@" > "$work/$label.out" 2> "$work/$label.err"; } 2>> "$work/$label.times" \
      || { echo "$label run $i failed:"; cat "$work/$label.err"; exit 1; }
  done
  echo "$label: $(wc -l < "$work/$label.out") lines on stdout, $(wc -c < "$work/$label.err") bytes on stderr"
  local wall cpu
  wall=$(awk '{ print $1 }' "$work/$label.times" | sort -n | tr '\n' ' ')
  cpu=$(awk '{ print $2 + $3 }' "$work/$label.times" | sort -n | tr '\n' ' ')
  stats() { echo "$1" | tr ' ' '\n' | grep . | awk '{ v[NR] = $1 } END {
    printf "median=%.2fs min=%.2fs max=%.2fs", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'; }
  echo "$label: runs=$count wall $(stats "$wall"); cpu $(stats "$cpu")"
}
export YUNJIAN_SERVER=$base YUNJIAN_TOKEN=$token XDG_CONFIG_HOME=$work/config
[ -n "$client" ] || client="java -jar $jar"
# shellcheck disable=SC2086
$client assessment list > /dev/null   # warm the page cache (and extract the jar for bin/yunjian), not measured
# the reference: curl of the endpoints the commands call (the client's floor is the server's answer)
measure curl-assessments "$runs" curl -fsS -H "Authorization: Bearer $token" "$base/api/assessments?size=200&page=1"
measure curl-catalog "$runs" curl -fsS -H "Authorization: Bearer $token" "$base/api/catalog/standards"
# shellcheck disable=SC2086
measure remote "$runs" $client assessment list
# shellcheck disable=SC2086
measure remote-catalog "$runs" $client catalog list
first=$(printf '%s' "$last" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
# shellcheck disable=SC2086
measure remote-report "$runs" $client assessment report "$first" --format oscal -o "$work/report.json"
unset YUNJIAN_SERVER YUNJIAN_TOKEN
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
measure offline "$offline_runs" java "-Dyunjian.data-dir=$work/data" -jar "$jar" assessment list --as customer
