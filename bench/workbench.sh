#!/usr/bin/env bash
# The workbench benchmark of issue 14: imports NIST SP 800-53 rev5 HIGH (../shared/oscal) with the CLI into a fresh
# data directory, starts Yunjian (demo profile) on it, and measures as the demo assessor over HTTP the table-mode
# save of a 78-item 等保 L3 assessment and the item list of a 370-item assessment scoped to the imported catalog
# (org.yunjian.bench.WorkbenchBenchmark, src/jmh/java). H2 only (the file database of the shipped configuration).
# Usage: bench/workbench.sh [requests] [warmup]
# Needs target/yunjian.jar (./mvnw package -DskipTests) and the bench classes
# (./mvnw -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt);
# builds both if missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-200}
warmup=${2:-40}
cd "$here"
catalog=${YUNJIAN_BENCH_CATALOG:-$here/../shared/oscal/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json}
[ -f "$catalog" ] || { echo "catalog $catalog not found (set YUNJIAN_BENCH_CATALOG)" >&2; exit 2; }
[ -f target/yunjian.jar ] || ./mvnw -B -q package -DskipTests
[ -f target/bench/classpath.txt ] && [ -f target/bench/classes/org/yunjian/bench/WorkbenchBenchmark.class ] || \
  ./mvnw -B -q -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
work=$(mktemp -d /tmp/yunjian-workbench-bench.XXXXXX)
chmod 755 "$work"
port=${YUNJIAN_BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data" && chmod 700 "$work/data"
h2="jdbc:h2:file:$work/data/db/yunjian;WRITE_DELAY=0"
# the catalog is imported before the server starts (an import through the REST API needs the system administrator's
# second factor); the server then loads it with the built-in standards
YUNJIAN_DATA_DIR="$work/data" SPRING_DATASOURCE_URL="$h2" SPRING_DATASOURCE_PASSWORD=bench \
  java -jar target/yunjian.jar catalog import --file "$catalog" > "$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
tail -1 "$work/import.log"
# shellcheck disable=SC2086
java ${YUNJIAN_BENCH_JAVA_OPTS:-} -jar target/yunjian.jar --spring.profiles.active=demo "--yunjian.data-dir=$work/data" \
  "--server.port=$port" --logging.level.root=WARN "--spring.datasource.url=$h2" --spring.datasource.password=bench \
  > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/login" && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
echo "Yunjian (h2) up on port $port (pid $app_pid); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/bench/classes:$(cat target/bench/classpath.txt)" org.yunjian.bench.WorkbenchBenchmark \
  --url "http://127.0.0.1:$port" --requests "$requests" --warmup "$warmup" --out "target/bench/workbench-h2.json"
