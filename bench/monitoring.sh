#!/usr/bin/env bash
# The website monitoring benchmark of issue 38 (docs/performance.md, "Website monitoring: 2,000 pages at 5
# minutes"): Debian nginx on loopback serves N generated government pages (20-40 KB, seven same-host resources
# each: two stylesheets, two scripts, a logo, a banner and the article's image) spread over S sites (127.0.0.1 to
# 127.0.0.S, so the per-host politeness works as on real sites); one node of target/yunjian.jar (demo profile, H2,
# a fresh data directory, the scheduler on, loopback allowed) gets N monitors through REST at INTERVAL seconds, each
# with its baseline approved (so every probe fetches the page and its resources and checks tampering, hidden links,
# harmful words and personal data). After a warm-up of one and a half intervals it measures a window of two: the
# platform JVM's
# CPU seconds (utime + stime of the process and its children, /proc/PID/stat) over wall seconds = average cores, the
# probes that started in the window against N * window / INTERVAL, late probes (a gap over the interval, a twentieth of
# jitter and two ticks) and monitors never probed, nginx's CPU and the machine's (/proc/stat), and the platform's CPU
# by thread (probe workers: parsing and checks; the HTTP client's threads: fetching). Then, the platform
# stopped, the reference: curl fetching the same pages and resources at the same rate for REFERENCE seconds (one
# process per 5-second batch, connections reused in it), its CPU and nginx's, so the figures say how much of the
# platform's CPU is fetching and how much is checking and recording.
# Exits 1 when the platform's average exceeds --max-cores (1).
#
# Usage: bench/monitoring.sh [--pages 2000] [--sites 20] [--interval 300] [--warmup SECONDS (= 1.5 intervals)]
#                            [--window SECONDS (= 2 intervals)] [--reference SECONDS (= interval)]
#                            [--max-cores 1] [--jar target/yunjian.jar] [--xmx 1g]
#                            [--platform-option --yunjian.monitoring.concurrency=8 ...]
# Needs Debian nginx, curl, python3, java 17.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")/.." && pwd)
pages=2000 sites=20 interval=300 warmup="" window="" reference="" max_cores=1 jar=$here/target/yunjian.jar xmx=1g
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages=$2; shift 2 ;;
    --sites) sites=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --window) window=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --max-cores) max_cores=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --platform-option) extra+=("$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
# the warm-up: a monitor's second probe comes half an interval to one and a half after its first (MonitorScheduler
# spreads monitors added together); only then are gaps over the interval late
warmup=${warmup:-$((interval * 3 / 2))} window=${window:-$((2 * interval))} reference=${reference:-$interval}
[ "$sites" -ge 1 ] && [ "$sites" -le 250 ] || { echo "--sites 1..250" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is missing: apt-get install -y nginx-light (or nginx)" >&2; exit 2; }
for tool in curl python3 java bc; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q package -DskipTests)
work=$(mktemp -d /tmp/yunjian-monitoring-bench.XXXXXX)
chmod 755 "$work"   # nginx's workers may run as another user
app_pid="" nginx_pid="" ref_pid=""
cleanup() {
  local rc=$?
  [ "$rc" -ne 0 ] && [ -f "$work/app.log" ] && { echo "server log (errors):"; grep -A12 -E "ERROR|Exception:" "$work/app.log" | grep -v "^\s*at " | head -40; }
  [ -n "$ref_pid" ] && kill "$ref_pid" 2>/dev/null && wait "$ref_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
  return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
hz=$(getconf CLK_TCK)
# CPU ticks (user + system, with waited-for children) of a process and of its child processes
ticks() { # pid...
  local t=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 + $14 + $15 }')))
  done
  echo "$t"
}
nginx_ticks() { ticks "$nginx_pid" $(pgrep -P "$nginx_pid" || true); }
machine() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
secs() { printf '%.2f' "$(echo "scale=2; $1 / $hz" | bc)"; }
f3() { printf '%.3f' "$(echo "scale=4; $1" | bc)"; }

# --- the websites
mkdir -p "$work/www" "$work/nginx/logs"
t0=$(date +%s)
python3 "$here/bench/monitoring-site.py" "$work/www" "$pages" "$sites" > "$work/pages.tsv"
echo "generated $pages pages on $sites sites ($(du -sm "$work/www" | cut -f1) MB) in $(( $(date +%s) - t0 )) s"
web_port=$(free_port)
listens=""
for k in $(seq 1 "$sites"); do listens+="    listen 127.0.0.$k:$web_port;"$'\n'; done
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; text/css css; application/javascript js; image/png png; image/jpeg jpg; }
  default_type application/octet-stream;
  log_format bench '\$msec \$status \$body_bytes_sent';
  access_log $work/nginx/logs/access.log bench buffer=64k flush=1s;
  client_body_temp_path $work/nginx/tmp-body; proxy_temp_path $work/nginx/tmp-proxy;
  fastcgi_temp_path $work/nginx/tmp-fcgi; uwsgi_temp_path $work/nginx/tmp-uwsgi; scgi_temp_path $work/nginx/tmp-scgi;
  sendfile on; keepalive_requests 10000; keepalive_timeout 75s;
  server {
$listens    root $work/www/\$server_addr;
  }
}
EOF
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
first=$(head -1 "$work/pages.tsv" | cut -f1,2 --output-delimiter=:$web_port)
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://$first" && break; sleep 0.2; done
curl -fs -o /dev/null "http://$first" || { cat "$work/nginx/logs/error.log"; exit 1; }
echo "nginx $("$nginx_bin" -v 2>&1 | cut -d/ -f2) on 127.0.0.1-$sites:$web_port"

# --- the platform
port=$(free_port) base=""
base=http://127.0.0.1:$port
java "-Xmx$xmx" -jar "$jar" --spring.profiles.active=demo "--yunjian.data-dir=$work/data" "--server.port=$port" \
  --logging.level.root=WARN --yunjian.monitoring.scheduler=true --yunjian.outbound.monitoring.allowed-ranges.bench-sites=127.0.0.0/8 \
  "${extra[@]}" > "$work/app.log" 2>&1 &
app_pid=$!
bench_wait_up "$base" "$app_pid" "$work/app.log"
token=$(bench_token "$base" "$(bench_login "$base" "$work/cookies")" READ_WRITE)
export YUNJIAN_TOKEN=$token
# the demo seeds its systems after the server answers: wait until the customer sees one
for _ in $(seq 1 120); do
  curl -fsS -H "Authorization: Bearer $token" "$base/api/systems?size=1" | grep -q '"total":[1-9]' && break
  sleep 1
done
python3 "$here/bench/monitoring-api.py" "$base" setup "$work/pages.tsv" "$web_port" "$interval" "$work/ids"

# --- the platform, measured
echo "warm-up: $warmup s; then a window of $window s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
sleep "$warmup"
w0=$(date +%s.%N) a0=$(ticks "$app_pid") n0=$(nginx_ticks)
read -r m0b m0t < <(machine)
python3 "$here/bench/monitoring-threads.py" snapshot "$app_pid" > "$work/threads0"
r0=$(wc -l < "$work/nginx/logs/access.log")
sleep "$window"
w1=$(date +%s.%N) a1=$(ticks "$app_pid") n1=$(nginx_ticks)
read -r m1b m1t < <(machine)
python3 "$here/bench/monitoring-threads.py" snapshot "$app_pid" > "$work/threads1"
sleep 2   # nginx flushes its log every second
r1=$(wc -l < "$work/nginx/logs/access.log")
wall=$(echo "$w1 - $w0" | bc)
python3 "$here/bench/monitoring-api.py" "$base" count "$work/ids" "$w0" "$w1" "$interval" 5 > "$work/count"
rss=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$app_pid/status")
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
cat "$work/count"
echo "the platform's CPU in the window by thread:"
python3 "$here/bench/monitoring-threads.py" diff "$work/threads0" "$work/threads1" "$wall" | head -12

# --- the reference: curl, the same pages and resources at the same rate
q0=$(date +%s.%N) rn0=$(nginx_ticks) rr0=$(wc -l < "$work/nginx/logs/access.log")
read -r rm0b rm0t < <(machine)
python3 "$here/bench/monitoring-reference.py" "$work/pages.tsv" "$web_port" "$interval" "$reference" > "$work/ref" &
ref_pid=$!
wait "$ref_pid"; ref_pid=""
q1=$(date +%s.%N) rn1=$(nginx_ticks)
read -r rm1b rm1t < <(machine)
sleep 2
rr1=$(wc -l < "$work/nginx/logs/access.log")
ref_wall=$(echo "$q1 - $q0" | bc)
ref_cpu=$(grep -o 'cpu=[0-9.]*' "$work/ref" | cut -d= -f2)
ref_pages=$(grep -o 'pages=[0-9]*' "$work/ref" | cut -d= -f2)
echo "reference: $(cat "$work/ref")"

# --- the summary
probes=$(grep -o '^probes=[0-9]*' "$work/count" | cut -d= -f2)
expected=$(echo "$pages * $wall / $interval" | bc)
app_s=$(secs $((a1 - a0))) nginx_s=$(secs $((n1 - n0))) ref_nginx_s=$(secs $((rn1 - rn0)))
cores=$(f3 "$app_s / $wall")
machine_busy=$(echo "scale=2; $(nproc) * ($m1b - $m0b) / ($m1t - $m0t)" | bc)
ref_machine=$(echo "scale=2; $(nproc) * ($rm1b - $rm0b) / ($rm1t - $rm0t)" | bc)
per() { printf '%.2f' "$(echo "scale=3; 1000 * $1 / $2" | bc)"; }
echo
echo "Website monitoring: $pages pages on $sites sites, every $interval s; window $(printf '%.0f' "$wall") s; $(nproc) cores"
printf '%-34s %10s %10s %10s %12s %12s\n' "" "CPU s" "cores" "pages" "requests" "CPU ms/page"
printf '%-34s %10s %10s %10s %12s %12s\n' "platform (JVM, probes + checks)" "$app_s" "$cores" "$probes" \
  "$((r1 - r0))" "$(per "$app_s" "$probes")"
printf '%-34s %10s %10s %10s %12s %12s\n' "  nginx serving it" "$nginx_s" "$(f3 "$nginx_s / $wall")" \
  "" "" "$(per "$nginx_s" "$probes")"
printf '%-34s %10s %10s %10s %12s %12s\n' "reference: curl, same rate" "$ref_cpu" \
  "$(f3 "$ref_cpu / $ref_wall")" "$ref_pages" "$((rr1 - rr0))" "$(per "$ref_cpu" "$ref_pages")"
printf '%-34s %10s %10s %10s %12s %12s\n' "  nginx serving it" "$ref_nginx_s" \
  "$(f3 "$ref_nginx_s / $ref_wall")" "" "" "$(per "$ref_nginx_s" "$ref_pages")"
echo "probes in the window: $probes of $expected expected ($(echo "scale=1; 100 * $probes / $expected" | bc) %)"
echo "platform peak RSS: $rss MiB (-Xmx$xmx)"
echo "machine busy: $machine_busy of $(nproc) cores during the window, $ref_machine during the reference" \
  "(others: $(f3 "$machine_busy - $cores - $nginx_s / $wall") cores)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$(echo "$cores > $max_cores" | bc)" = 1 ]; then
  echo "FAIL: the platform used $cores cores on average, over $max_cores"
  exit 1
fi
