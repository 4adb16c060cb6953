#!/usr/bin/env bash
# The platform load benchmark of issue 15 (docs/performance.md, "Platform under load"): N cloud systems on
# PostgreSQL, wrk with C connections against the paginated read endpoints and the dashboard API, logged in as
# the demo customer user (who sees every seeded system). Reports requests/s, p50/p99 latency and errors per
# endpoint group. Targets: >= 1,000 req/s, p99 < 300 ms, no error (64 connections, 2,000 systems, 2 nodes).
#
# Usage: bench/platform-load.sh [options]
#   --systems N        systems to seed (default 2000)
#   --connections C    wrk connections (default 64), --threads T (default 2), --duration D (default 30s),
#   --warmup W         an unmeasured wrk run of W per group first, for the JIT and the pools (default 10s)
#   --targets URLS     comma-separated base URLs already running (one node, several nodes, or a proxy in front
#                      of them): no server is started; with --psql CONNINFO the systems are seeded into that
#                      database first (otherwise they must be there). Several URLs: each gets its own session
#                      and C/len(URLS) connections, run at the same time; the figures are summed.
#   --psql CONNINFO    (with --targets) where to seed, e.g. "host=127.0.0.1 port=5432 dbname=yunjian user=yunjian_owner"
#   --nodes N          (without --targets) application nodes to start on the one database (default 1); with 2 or
#                      more they keep sessions in the database and share one key directory, as in production
#                      (docs/operations.md), and wrk's connections are split between them
#   --groups G         comma-separated groups to run (default systems-pages,systems-filtered,dashboard,mixed);
#                      two more give the floor of this machine: 'account' (GET /api/account: the session and
#                      security filters, one small query) and 'static' (a stylesheet: the HTTP stack alone)
# With the nodes started here, each group also reports the CPU it cost per request (the nodes' JVMs, every
# PostgreSQL process and wrk itself, from /proc and /usr/bin/time) and the rate that cost allows on all cores of
# this machine ('ceiling'): a bound that other load on the machine barely moves, unlike req/s.
# Without --targets: a throw-away PostgreSQL cluster (from /usr/lib/postgresql/*/bin) and N nodes of
# target/yunjian.jar (demo profile settings, built if missing) on free ports, removed at the end.
# Needs Debian packages wrk, postgresql (server and psql), curl.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
systems=2000 connections=64 threads=2 duration=30s warmup=10s targets="" psql_conn="" nodes=1
run_groups="systems-pages,systems-filtered,dashboard,mixed"
while [ $# -gt 0 ]; do
  case "$1" in
    --systems) systems=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --psql) psql_conn=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --groups) run_groups=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 2; }
done
cd "$here"
work=$(mktemp -d /tmp/yunjian-platform-load.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -un)" = root ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
app_pid="" app_pids=() app_log="" pg_ctl=""
cleanup() {
  for p in "${app_pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  if [ -n "$pg_ctl" ]; then as_pg "$pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
psql_bin=${bin:+$bin/psql}
psql_bin=${psql_bin:-psql}

wait_up() { bench_wait_up "$1" "$app_pid" "$app_log"; } # base-url

if [ -z "$targets" ]; then
  [ -f target/yunjian.jar ] || ./mvnw -B -q package -DskipTests
  pg_ctl="$bin/pg_ctl"
  pgport=$(free_port) port=$(free_port)
  [ "$(id -un)" = root ] && chown postgres "$work"
  as_pg "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_pg "$pg_ctl" -D "$work/pg" -w -t 60 -l "$work/pg.log" \
    -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  "$psql_bin" -h 127.0.0.1 -p "$pgport" -U postgres -q -c "CREATE ROLE yunjian_owner LOGIN PASSWORD 'owner'" \
    -c "CREATE ROLE yunjian_app LOGIN PASSWORD 'app'" -c "CREATE DATABASE yunjian OWNER yunjian_owner ENCODING 'UTF8'"
  url="jdbc:postgresql://127.0.0.1:$pgport/yunjian"
  # the production profile 'postgres' refuses demo mode (well-known passwords); on this throw-away cluster the
  # demo accounts are wanted, so the same settings are given one by one
  mkdir -p "$work/keys"
  several=()
  [ "$nodes" -gt 1 ] && several=(--yunjian.sessions.store=database "--yunjian.key-dir=$work/keys")
  targets=""
  for n in $(seq 1 "$nodes"); do
    port=$(free_port)
    mkdir -p "$work/data$n"
    app_log="$work/app$n.log"
    java -jar target/yunjian.jar --spring.profiles.active=demo "--yunjian.data-dir=$work/data$n" "--server.port=$port" \
      --logging.level.root=WARN "--spring.datasource.url=$url" --spring.datasource.username=yunjian_app \
      --spring.datasource.password=app "--spring.flyway.url=$url" --spring.flyway.user=yunjian_owner \
      --spring.flyway.password=owner --yunjian.db.app-role=yunjian_app "${several[@]}" > "$app_log" 2>&1 &
    app_pid=$!
    app_pids+=("$app_pid")
    wait_up "http://127.0.0.1:$port"   # one at a time: the first migrates and seeds the demo data
    targets+="${targets:+,}http://127.0.0.1:$port"
  done
  psql_conn="host=127.0.0.1 port=$pgport dbname=yunjian user=yunjian_owner password=owner"
fi

IFS=',' read -r -a urls <<< "$targets"
for u in "${urls[@]}"; do wait_up "$u"; done

if [ -n "$psql_conn" ]; then
  # the demo seed must have run (the demo customer organisation exists) before the bulk systems go in
  for _ in $(seq 1 120); do
    n=$("$psql_bin" "$psql_conn" -tAc "SELECT COUNT(*) FROM organization WHERE name = '示例市人民政府办公厅'")
    [ "$n" = 1 ] && break
    sleep 1
  done
  t0=$(date +%s%N)
  "$psql_bin" "$psql_conn" -q -v ON_ERROR_STOP=1 -v systems="$systems" -f bench/platform-load-seed.sql
  echo "seeded $systems systems in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
fi

login() { bench_login "$1" "$2"; } # base-url cookie-jar -> prints the Cookie header value
cookies=()
for k in "${!urls[@]}"; do
  cookies[$k]=$(login "${urls[$k]}" "$work/jar$k")
  total=$(curl -fsS -H "Cookie: ${cookies[$k]}" "${urls[$k]}/api/systems?size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  echo "${urls[$k]}: logged in as customer, /api/systems total $total"
done

pages=$(( (systems + 49) / 50 )); [ "$pages" -lt 1 ] && pages=1
list_paths=""
for p in $(seq 1 "$(( pages < 40 ? pages : 40 ))"); do list_paths+="/api/systems?page=$p|"; done
declare -A groups=(
  [systems-pages]="${list_paths%|}"
  [systems-filtered]="/api/systems?q=%E8%B4%9F%E8%BD%BD&level=3|/api/systems?level=2&page=2|/api/systems?q=0042"
  [dashboard]="/api/dashboard|/api/dashboard?page=2|/api/dashboard?level=3"
  [mixed]="/api/systems?page=3|/api/dashboard|/api/systems?q=%E8%B4%9F%E8%BD%BD&level=3|/api/dashboard?page=5"
  [account]="/api/account"
  [static]="/css/app.css"
)
# CPU ticks (user + system) of the started nodes ("app") or of every process of the throw-away PostgreSQL cluster
ticks() { # app|pg
  local pids=() t=0 p
  if [ "$1" = app ]; then
    pids=("${app_pids[@]}")
  elif [ -f "$work/pg/postmaster.pid" ]; then
    local pm; pm=$(head -1 "$work/pg/postmaster.pid")
    pids=("$pm" $(pgrep -P "$pm" || true))
  fi
  for p in "${pids[@]}"; do
    [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
hz=$(getconf CLK_TCK) cores=$(nproc)
per=$(( connections / ${#urls[@]} )); [ "$per" -lt 1 ] && per=1
tpn=$(( threads < per ? threads : per ))
echo "wrk: $connections connections over ${#urls[@]} target(s), $threads threads, $duration per group; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %10s %9s %9s %9s %8s %12s %9s\n' group 'req/s' 'p50 ms' 'p99 ms' 'max ms' errors 'CPU ms/req' ceiling
for g in ${run_groups//,/ }; do
  [ -n "${groups[$g]:-}" ] || { echo "unknown group: $g" >&2; exit 2; }
  warm_pids=()
  for k in "${!urls[@]}"; do
    PATHS="${groups[$g]}" COOKIE="${cookies[$k]}" wrk -t "$tpn" -c "$per" -d "$warmup" --timeout 10s \
      -s bench/platform-load.lua "${urls[$k]}" > /dev/null 2>&1 &
    warm_pids+=($!)
  done
  wait "${warm_pids[@]}"
  wrk_pids=()
  app0=$(ticks app) pg0=$(ticks pg)
  for k in "${!urls[@]}"; do
    PATHS="${groups[$g]}" COOKIE="${cookies[$k]}" /usr/bin/time -f '%U %S' -o "$work/cpu-$g-$k.txt" \
      wrk -t "$tpn" -c "$per" -d "$duration" --timeout 10s \
      -s bench/platform-load.lua "${urls[$k]}" > "$work/wrk-$g-$k.txt" 2>&1 &
    wrk_pids+=($!)
  done
  wait "${wrk_pids[@]}"
  app_s=$(echo "scale=3; ($(ticks app) - $app0) / $hz" | bc)
  pg_s=$(echo "scale=3; ($(ticks pg) - $pg0) / $hz" | bc)
  wrk_s=$(cat "$work"/cpu-$g-*.txt | awk '{ s += $1 + $2 } END { print s + 0 }')
  cat "$work"/wrk-$g-*.txt | grep '^RESULT' | awk -v g="$g" -v own="${#app_pids[@]}" -v app="$app_s" -v pg="$pg_s" \
    -v wrkcpu="$wrk_s" -v cores="$cores" '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      rps += v["rps"]; if (v["p99_ms"] > p99) p99 = v["p99_ms"]; if (v["p50_ms"] > p50) p50 = v["p50_ms"];
      if (v["max_ms"] > mx) mx = v["max_ms"]; err += v["non200"] + v["socket_errors"]; n += v["requests"] }
    END { if (own > 0 && n > 0) { per = (app + pg + wrkcpu) * 1000 / n
            c = sprintf("%12.2f %9.0f   (nodes %.2f, PostgreSQL %.2f, wrk %.2f)", per, cores * 1000 / per,
                        app * 1000 / n, pg * 1000 / n, wrkcpu * 1000 / n) }
          else c = sprintf("%12s %9s", "-", "-")
          printf "%-18s %10.0f %9.1f %9.1f %9.1f %8d %s\n", g, rps, p50, p99, mx, err, c }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
