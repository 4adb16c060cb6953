#!/usr/bin/env bash
# Spark local[N] verification against the single-process CLI on the same tree (issue 15: Spark local[2]
# throughput >= 0.8x the CLI's), and the per-core throughput the capacity plan in docs/spark.md is derived from.
# Usage: bench/spark-verify.sh [work-dir] [runs]
#   FILES=20000 BIG=4 (default: the exit-verify tree, 20,000 files of 1-64 KiB + four 256 MiB files, about 1.7 GB)
# Needs target/yunjian.jar (./mvnw package -DskipTests) and spark/target/yunjian-spark.jar
# (./mvnw -f spark/pom.xml package -DskipTests); Spark itself comes from the module's "provided" class path, as
# spark-submit would put it there. Each round runs, interleaved, on a warm page cache:
#   cli     java -jar target/yunjian.jar exit verify --threads 2      (whole command)
#   spark   java -cp yunjian-spark.jar:<spark> org.yunjian.spark.SparkVerify --master local[N] --timing
#           whole command (Spark start included) and the verification alone (the job's --timing line)
# for SHA-256 and SM3 manifests. Medians and ratios are printed with the load average before and after.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/yunjian-spark-bench}
runs=${2:-3}
files=${FILES:-20000}
big=${BIG:-4}
jar="$here/target/yunjian.jar"
sjar="$here/spark/target/yunjian-spark.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw package -DskipTests" >&2; exit 2; }
[ -f "$sjar" ] || { echo "build the job jar first: ./mvnw -f spark/pom.xml package -DskipTests" >&2; exit 2; }
cp_file="$here/spark/target/spark.classpath"
[ -f "$cp_file" ] || (cd "$here" && ./mvnw -q -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile=target/spark.classpath >/dev/null)
sparkcp="$sjar:$(cat "$cp_file")"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
mkdir -p "$work"
cd "$work"
if [ ! -d tree ]; then
  FILES=$files BIG=$big python3 - <<'PY'
import os, random
random.seed(1)
files, big = int(os.environ['FILES']), int(os.environ['BIG'])
for i in range(files):
    d = f'tree/d{i % 100:03d}'
    os.makedirs(d, exist_ok=True)
    with open(f'{d}/f{i:05d}.bin', 'wb') as f:
        f.write(os.urandom(random.randint(1024, 65536)))
for i in range(big):
    with open(f'tree/big{i}.bin', 'wb') as f:
        for _ in range(256):
            f.write(os.urandom(1 << 20))
PY
fi
export YUNJIAN_KEY_PASSPHRASE=benchmark-passphrase
yj() { java -jar "$jar" "$@"; }
[ -f keys/b.key.pem ] || yj keys create --out keys --name b >/dev/null
[ -f m256.jsonl ] || yj exit manifest build tree --out m256.jsonl --key keys/b.key.pem --algorithm sha256 >/dev/null
[ -f msm3.jsonl ] || yj exit manifest build tree --out msm3.jsonl --key keys/b.key.pem >/dev/null
find tree -type f -exec cat {} + > /dev/null   # warm page cache
echo "tree: $(find tree -type f | wc -l) files, $(du -sb tree | cut -f1) bytes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
# whole command time, and the job's own verification seconds (its --timing line) into $inner
spark_run() {
  local master=$1 manifest=$2 s e line
  s=$(date +%s.%N)
  line=$(java -Xmx1g $opens -Dspark.ui.enabled=false -cp "$sparkcp" org.yunjian.spark.SparkVerify tree \
    --manifest "$manifest" --pubkey keys/b.pub.pem --master "$master" --timing --lang=en 2>&1 >/dev/null \
    | grep '^verification:' || true)
  e=$(date +%s.%N)
  inner=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
  whole=$(echo "$e - $s" | bc)
}
declare -A times
for r in $(seq "$runs"); do
  for alg in 256 sm3; do
    times[cli_$alg]+="$(t java -jar "$jar" exit verify --threads 2 --manifest m$alg.jsonl --pubkey keys/b.pub.pem tree) "
    for n in 1 2; do
      spark_run "local[$n]" "m$alg.jsonl"
      times[spark${n}_whole_$alg]+="$whole "
      times[spark${n}_job_$alg]+="${inner:-nan} "
    done
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
bytes=$(du -sb tree | cut -f1)
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for alg in 256 sm3; do
  for k in cli spark1_whole spark1_job spark2_whole spark2_job; do
    m=$(median "${times[${k}_$alg]}")
    printf '%-5s %-13s median %7.2f s  %7.1f MiB/s   runs: %s\n' "$alg" "$k" "$m" \
      "$(echo "scale=1; $bytes / 1048576 / $m" | bc)" "${times[${k}_$alg]}"
  done
  c=$(median "${times[cli_$alg]}"); w=$(median "${times[spark2_whole_$alg]}"); j=$(median "${times[spark2_job_$alg]}")
  j1=$(median "${times[spark1_job_$alg]}")
  echo "$alg: spark local[2] / cli throughput = $(echo "scale=2; $c / $j" | bc) (verification alone), $(echo "scale=2; $c / $w" | bc) (whole command, Spark start included)  (target >= 0.8)"
  echo "$alg: per core (local[1], verification alone) = $(echo "scale=1; $bytes / 1048576 / $j1" | bc) MiB/s"
done
