#!/usr/bin/env bash
# Single-request latency of the dashboard (issue 15, docs/performance.md "Dashboard overview from stored item
# sums"): logs in to a running node as the demo customer, sends W unmeasured requests, then N requests per URL one
# after the other, and prints min / median / max in ms and the answer's size, with the load average before and
# after (the machine is shared). Usage: bench/dashboard-latency.sh BASE-URL [N] [W]. Needs curl.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
base=$1 n=${2:-5} warm=${3:-20}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
bench_login "$base" "$jar" >/dev/null
urls=("/api/dashboard?" "/api/dashboard?page=2" "/api/dashboard?level=3" "/api/dashboard?q=%E8%B4%9F%E8%BD%BD"
      "/api/dashboard?conclusion=POOR" "/api/dashboard?overdue=true" "/api/dashboard?page=40" "/dashboard")
for _ in $(seq 1 "$warm"); do curl -fsS -o /dev/null -b "$jar" "$base${urls[0]}"; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for u in "${urls[@]}"; do
  times=() size=0
  for _ in $(seq 1 "$n"); do
    read -r t s < <(curl -fsS -o /dev/null -b "$jar" -w '%{time_total} %{size_download}\n' "$base$u")
    times+=("$t") size=$s
  done
  printf '%-38s %s  %6s bytes\n' "$u" "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 * 1000 }
    END { printf "min %7.1f  median %7.1f  max %7.1f ms", v[1], v[int((NR + 1) / 2)], v[NR] }')" "$size"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
