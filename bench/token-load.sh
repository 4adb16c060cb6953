#!/usr/bin/env bash
# Bearer-token requests against session requests (issue 33, docs/performance.md "API tokens against sessions"):
# one node of target/yunjian.jar (demo profile, H2, a data directory of its own under /tmp), logged in as the demo
# customer; a READ_ONLY API token made from that session. wrk with C connections on the same path, alternating
# session and token runs (R rounds), and prints req/s, p50/p99 and the server's resident memory after each run.
# Target: token within 1.5x of session.
#
# Usage: bench/token-load.sh [--jar target/yunjian.jar] [--port 18181] [--connections 16] [--threads 2]
#                            [--duration 20s] [--warmup 10s] [--rounds 2] [--path /api/systems]
#                            [--profile FILE.jfr]   (records a JFR profile of the token runs into FILE)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/yunjian.jar port=18181 connections=16 threads=2 duration=20s warmup=10s rounds=2 path=/api/systems
profile=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
work=$(mktemp -d /tmp/yunjian-token-load.XXXXXX)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
base=http://127.0.0.1:$port
java -Xmx1g -jar "$jar" --spring.profiles.active=demo "--yunjian.data-dir=$work/data" "--server.port=$port" \
  --logging.level.root=WARN > "$work/app.log" 2>&1 &
app_pid=$!
bench_wait_up "$base" "$app_pid" "$work/app.log"
cookie=$(bench_login "$base" "$work/cookies")
token=$(bench_token "$base" "$cookie" READ_ONLY)
echo "session and token: $(curl -fsS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")" \
  "$(curl -fsS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base$path")"
rss() { awk '/VmRSS/ { printf "%dMB", $2 / 1024 }' "/proc/$app_pid/status"; }
# the heap in use after a full collection: what the server keeps, not what it has not collected yet
live() { jcmd "$app_pid" GC.run >/dev/null; jcmd "$app_pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 \
  | awk '{ printf "%dMB", $2 / 1024 }'; }
sessions() { jcmd "$app_pid" GC.class_histogram 2>/dev/null | awk '$4 == "org.apache.catalina.session.StandardSession" { n = $2 } END { print n + 0 }'; }
cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }   # server CPU in clock ticks (user + system)
hz=$(getconf CLK_TCK)
run() { # label duration cookie authorization
  local before after out requests
  before=$(cpu)
  out=$(PATHS=$path COOKIE=$3 AUTHORIZATION=$4 wrk -t "$threads" -c "$connections" -d "$2" --timeout 10s \
    -s "$here/bench/platform-load.lua" "$base" | grep RESULT | sed "s/^RESULT/$1/")
  after=$(cpu)
  requests=$(printf '%s' "$out" | grep -o 'requests=[0-9]*' | cut -d= -f2)
  # server CPU per request: unlike req/s, barely moved by other load on the machine
  echo "$out cpu_ms_per_request=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
}
run warmup-session "$warmup" "$cookie" "" >/dev/null
run warmup-token "$warmup" "" "Bearer $token" >/dev/null
echo "after warm-up: rss=$(rss) live_heap=$(live) sessions=$(sessions)"
for r in $(seq 1 "$rounds"); do
  echo "$(run session "$duration" "$cookie" "") rss=$(rss) live_heap=$(live) sessions=$(sessions)"
  if [ -n "$profile" ] && [ "$r" = 1 ]; then
    jcmd "$app_pid" JFR.start name=token settings=profile "filename=$profile" >/dev/null
  fi
  echo "$(run token "$duration" "" "Bearer $token") rss=$(rss) live_heap=$(live) sessions=$(sessions)"
  if [ -n "$profile" ] && [ "$r" = 1 ]; then
    jcmd "$app_pid" JFR.stop name=token >/dev/null
  fi
done
