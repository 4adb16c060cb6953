#!/usr/bin/env bash
# The cross-system lifecycle overview benchmark of issue 13: starts Yunjian (demo profile) on a fresh data directory,
# gives N cloud systems the demo portal's parties (batched JDBC), creates ten systems' lifecycle plans through the REST
# API as the demo customer (with a few due dates, one past) and copies them to the rest, spreads the plans' states with
# batched JDBC (due dates, some overdue; phases waiting on acceptance; plans in the acquisition phase), and measures
# /lifecycle/overview over HTTP as the demo customer and provider, with the home page, the assessment dashboard and
# the login page as references (org.yunjian.bench.LifecycleBenchmark, src/jmh/java). docs/performance.md, "Lifecycle overview across
# systems".
# Usage: bench/lifecycle.sh [h2|postgres] [systems] [requests]
# Needs target/yunjian.jar (./mvnw package -DskipTests) and the bench classes
# (./mvnw -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt);
# builds both if missing. PostgreSQL: a throw-away cluster from /usr/lib/postgresql/*/bin on a free port.
# Extra JVM options for the application: YUNJIAN_BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
db=${1:-h2}
systems=${2:-200}
requests=${3:-300}
cd "$here"
[ -f target/yunjian.jar ] || ./mvnw -B -q package -DskipTests
[ -f target/bench/classpath.txt ] && [ -f target/bench/classes/org/yunjian/bench/LifecycleBenchmark.class ] || \
  ./mvnw -B -q -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
work=$(mktemp -d /tmp/yunjian-lifecycle-bench.XXXXXX)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
app_pid=""
pg_ctl=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -f "$work/app.log" ] && cp "$work/app.log" "target/bench/lifecycle-$db-app.log"
  if [ -n "$pg_ctl" ]; then as_pg "$pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
as_pg() { if [ "$(id -un)" = root ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

app_args=(--spring.profiles.active=demo "--yunjian.data-dir=$work/data" "--server.port=$port"
          --logging.level.root=WARN)
if [ "$db" = postgres ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_ctl="$bin/pg_ctl"
  pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  [ "$(id -un)" = root ] && chown postgres "$work"
  as_pg "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  as_pg "$pg_ctl" -D "$work/pg" -w -t 60 -l "$work/pg.log" \
    -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -q -c "CREATE ROLE yunjian_owner LOGIN PASSWORD 'owner'" \
    -c "CREATE ROLE yunjian_app LOGIN PASSWORD 'app'" -c "CREATE DATABASE yunjian OWNER yunjian_owner ENCODING 'UTF8'"
  url="jdbc:postgresql://127.0.0.1:$pgport/yunjian"
  # the production profile 'postgres' refuses demo mode (well-known passwords); on this throw-away cluster the
  # demo seed is wanted, so the same settings are given one by one
  app_args+=("--spring.datasource.url=$url" --spring.datasource.username=yunjian_app
             --spring.datasource.password=app "--spring.flyway.url=$url" --spring.flyway.user=yunjian_owner
             --spring.flyway.password=owner --yunjian.db.app-role=yunjian_app)
  jdbc=(--jdbc "$url" --jdbc-user yunjian_owner --jdbc-password owner)
else
  # the benchmark writes into the running application's database from a second JVM: a throw-away database opened
  # with AUTO_SERVER (which the shipped configuration leaves off) and a password given here instead of generated
  h2="jdbc:h2:file:$work/data/db/yunjian;WRITE_DELAY=0;AUTO_SERVER=TRUE"
  app_args+=("--spring.datasource.url=$h2" --spring.datasource.password=bench)
  jdbc=(--jdbc "$h2" --jdbc-user yunjian --jdbc-password bench)
fi
mkdir -p "$work/data"
# shellcheck disable=SC2086
java ${YUNJIAN_BENCH_JAVA_OPTS:-} -jar target/yunjian.jar "${app_args[@]}" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/login" && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
echo "Yunjian ($db) up on port $port (pid $app_pid); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/bench/classes:$(cat target/bench/classpath.txt)" org.yunjian.bench.LifecycleBenchmark \
  --url "http://127.0.0.1:$port" "${jdbc[@]}" --systems "$systems" --requests "$requests" \
  --out "target/bench/lifecycle-$db.json"
