#!/usr/bin/env bash
# S3 verification at network speed: `yunjian exit verify s3://…` against `rclone check --download` (Debian's
# rclone), both reading the same bucket on a local S3 server with the same concurrency, on the same machine.
# Usage: bench/s3-verify.sh [work-dir] [small-objects] [large-objects] [large-MiB] [concurrency] [runs]
#   issue 15's size: bench/s3-verify.sh /tmp/yj-s3 5000 2 1024 16 3   (≥ 5,000 objects incl. ≥ 1 GiB ones)
#   a quick check:   bench/s3-verify.sh /tmp/yj-s3-small 500 1 256 16 1
# The server is S3Proxy from the test classpath (in-memory `transient` store, so disk speed does not count) started
# on a free local port and stopped at the end. The bucket holds small objects of 1-256 KiB in 50 "folders" plus the
# large objects, copied from a local tree with rclone. yunjian verifies against a SHA-256 and an SM3 manifest of the
# bucket; rclone compares every object's bytes with the local tree (`--download`), so it also reads the tree (warm
# page cache). Needs rclone (apt-get install rclone) and either target/yunjian.jar or compiled target/classes.
# Prints medians of wall time, of the tool's CPU time and of the server's CPU time meanwhile, with their sum over the
# cores as the lower bound of the wall time on this machine; the ratio rclone / yunjian (target ≥ 1.5) and the load average: a loaded machine's figures
# are not a measurement of the target. More rows put the figures in context:
#   yunjian_sha256_bin  the same verification through bin/yunjian, the CLI as the README gives it (the jar unpacked
#                  once, the serial collector, the digest loop compiled early; docs/performance.md), and
#                  yunjian_sha256_bin_local the same on the local tree
#   yunjian_*_cds  the same verification from the extracted jar with a class-data-sharing archive (trained once on
#                  a small verification here): what start-up costs (docs/exit-manifest.md, "Start-up")
#   curl_null      one curl process fetching every object with the same concurrency to /dev/null (no hashing, no
#                  comparison): what the server delivers on this machine to the lightest client, the ceiling for all
#   yunjian_*_local the same verification of the local tree (page cache): the CPU that start-up and hashing alone
#                  cost; with the server's and curl's CPU it gives the least wall time any verifying client can take
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/yunjian-s3-bench}
small=${2:-5000}
large=${3:-2}
large_mib=${4:-1024}
conc=${5:-16}
runs=${6:-3}
command -v rclone >/dev/null || { echo "rclone is needed: apt-get install rclone" >&2; exit 2; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
cd "$here"
[ -f "$work/cp.txt" ] || ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
if [ -f target/yunjian.jar ]; then
  yjc=(java -jar "$here/target/yunjian.jar")
else
  [ -d target/classes ] || { echo "build first: ./mvnw package -DskipTests (or compile)" >&2; exit 2; }
  yjc=(java -cp "$here/target/classes:$(cat "$work/cp.txt")" org.yunjian.Application)
fi
yj() { "${yjc[@]}" "$@"; }
cd "$work"

# the tree, once per size
tree="tree-$small-$large-$large_mib"
if [ ! -d "$tree" ]; then
  python3 - "$tree" "$small" "$large" "$large_mib" <<'PY'
import os, random, sys
tree, small, large, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(15)
for i in range(small):
    d = f'{tree}/d{i % 50:02d}'
    os.makedirs(d, exist_ok=True)
    with open(f'{d}/o{i:05d}.bin', 'wb') as f:
        f.write(os.urandom(random.randint(1024, 256 * 1024)))
os.makedirs(f'{tree}/large', exist_ok=True)
for i in range(large):
    with open(f'{tree}/large/l{i}.img', 'wb') as f:
        for _ in range(mib):
            f.write(os.urandom(1 << 20))
PY
fi
bytes=$(du -sb "$tree" | cut -f1)

# the server
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > s3proxy.conf <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=transient
jclouds.identity=bench
jclouds.credential=bench-secret
CONF
heap=$(( (bytes / 1048576) * 2 + 1024 ))
java -Xmx${heap}m -cp "$(cat cp.txt)" org.gaul.s3proxy.Main --properties s3proxy.conf > s3proxy.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.5
done

unset AWS_CA_BUNDLE   # a local http endpoint: a CA bundle from the environment makes rclone's S3 backend refuse to start
export RCLONE_CONFIG_BENCH_TYPE=s3 RCLONE_CONFIG_BENCH_PROVIDER=Other RCLONE_CONFIG_BENCH_ENDPOINT="http://127.0.0.1:$port" \
  RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=bench RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=bench-secret RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret YUNJIAN_KEY_PASSPHRASE=benchmark-passphrase
rclone mkdir bench:bench
rclone copy "$tree" bench:bench --transfers "$conc" --checkers "$conc" --s3-upload-concurrency 4 >/dev/null
[ -f keys/b.key.pem ] || yj keys create --out keys --name b >/dev/null
s3=(--endpoint "http://127.0.0.1:$port" --s3-concurrency "$conc")
yj exit manifest build s3://bench --out m256.jsonl --key keys/b.key.pem --algorithm sha256 "${s3[@]}" >/dev/null
yj exit manifest build s3://bench --out msm3.jsonl --key keys/b.key.pem "${s3[@]}" >/dev/null
cat "$tree"/*/* > /dev/null   # warm page cache for rclone's side
# the extracted jar and its class-data-sharing archive, trained on a verification of one "folder"
if [ -f "$here/target/yunjian.jar" ]; then
  rm -rf cds && java -Djarmode=tools -jar "$here/target/yunjian.jar" extract --destination cds >/dev/null
  first=$(cd "$tree" && find . -mindepth 1 -maxdepth 1 -type d | sort | head -1 | sed 's|^\./||')
  yj exit manifest build "s3://bench/$first" --out mtrain.jsonl --key keys/b.key.pem "${s3[@]}" >/dev/null
  java -XX:ArchiveClassesAtExit=cds/yunjian.jsa -jar cds/yunjian.jar exit verify "s3://bench/$first" --manifest mtrain.jsonl \
    --pubkey keys/b.pub.pem "${s3[@]}" >/dev/null 2>&1
  yjcds=(java -XX:SharedArchiveFile="$work/cds/yunjian.jsa" -Xshare:auto -jar "$work/cds/yunjian.jar")
fi
(cd "$tree" && find . -type f | sed 's|^\./||' | sort) | awk -v p="$port" '{print "url = \"http://127.0.0.1:" p "/bench/" $0 "\"\noutput = \"/dev/null\""}' > urls.cfg
curl_null=(curl -sf --parallel --parallel-max "$conc" --aws-sigv4 "aws:amz:us-east-1:s3" --user bench:bench-secret
  -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -K urls.cfg)
echo "bucket: $(find "$tree" -type f | wc -l) objects, $bytes bytes; concurrency $conc; runs $runs"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# t: runs one command and records its wall time, its own CPU time (user + system, children included) and the CPU
# time the S3 server spent meanwhile; on 2 cores shared by client and server, (client CPU + server CPU) / cores is a
# lower bound of the wall time that no client code can go below
server_cpu() { awk '{print ($14 + $15) / 100}' "/proc/$server/stat"; }
t() {
  local key=$1 s e s0 s1; shift
  s0=$(server_cpu); s=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/last.cpu" "$@" >/dev/null 2>"$work/last.err" || { echo "failed: $*" >&2; cat "$work/last.err" >&2; }
  e=$(date +%s.%N); s1=$(server_cpu)
  times[$key]+="$(echo "$e - $s" | bc) "
  cpu[$key]+="$(awk '{print $1 + $2}' "$work/last.cpu") "
  srv[$key]+="$(echo "$s1 - $s0" | bc) "
}
declare -A times cpu srv
for r in $(seq "$runs"); do
  t rclone_check rclone check --download --one-way "$tree" bench:bench --checkers "$conc"
  t yunjian_sha256 "${yjc[@]}" exit verify s3://bench --manifest m256.jsonl --pubkey keys/b.pub.pem "${s3[@]}"
  t yunjian_sm3 "${yjc[@]}" exit verify s3://bench --manifest msm3.jsonl --pubkey keys/b.pub.pem "${s3[@]}"
  if [ -n "${yjcds+x}" ]; then
    t yunjian_sha256_cds "${yjcds[@]}" exit verify s3://bench --manifest m256.jsonl --pubkey keys/b.pub.pem "${s3[@]}"
    t yunjian_sm3_cds "${yjcds[@]}" exit verify s3://bench --manifest msm3.jsonl --pubkey keys/b.pub.pem "${s3[@]}"
  fi
  if [ -f "$here/target/yunjian.jar" ]; then
    t yunjian_sha256_bin "$here/bin/yunjian" exit verify s3://bench --manifest m256.jsonl --pubkey keys/b.pub.pem "${s3[@]}"
    t yunjian_sha256_bin_local "$here/bin/yunjian" exit verify "$tree" --manifest m256.jsonl --pubkey keys/b.pub.pem
  fi
  t curl_null "${curl_null[@]}"
  t yunjian_sha256_local "${yjc[@]}" exit verify "$tree" --manifest m256.jsonl --pubkey keys/b.pub.pem
  t yunjian_sm3_local "${yjc[@]}" exit verify "$tree" --manifest msm3.jsonl --pubkey keys/b.pub.pem
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cores=$(nproc)
printf '%-24s %8s %9s %12s %12s %12s\n' tool wall MB/s client-CPU server-CPU 'bound (s)'
for k in rclone_check yunjian_sha256 yunjian_sm3 yunjian_sha256_bin yunjian_sha256_cds yunjian_sm3_cds curl_null yunjian_sha256_local \
    yunjian_sm3_local yunjian_sha256_bin_local; do
  [ -n "${times[$k]:-}" ] || continue
  m=$(median "${times[$k]}"); c=$(median "${cpu[$k]}"); v=$(median "${srv[$k]}")
  printf '%-24s %7.2fs %9.1f %11.2fs %11.2fs %11.2fs   runs: %s\n' "$k" "$m" "$(echo "$bytes / $m / 1000000" | bc -l)" \
    "$c" "$v" "$(echo "($c + $v) / $cores" | bc -l)" "${times[$k]}"
done
rc=$(median "${times[rclone_check]}"); y2=$(median "${times[yunjian_sha256]}"); y3=$(median "${times[yunjian_sm3]}")
echo "rclone check --download / yunjian verify = $(echo "scale=2; $rc / $y2" | bc) (sha256), $(echo "scale=2; $rc / $y3" | bc) (sm3)  (target >= 1.5)"
if [ -n "${times[yunjian_sha256_bin]:-}" ]; then
  echo "rclone check --download / bin/yunjian exit verify = $(echo "scale=2; $rc / $(median "${times[yunjian_sha256_bin]}")" | bc) (sha256)"
fi
if [ -n "${times[yunjian_sha256_cds]:-}" ]; then
  c2=$(median "${times[yunjian_sha256_cds]}"); c3=$(median "${times[yunjian_sm3_cds]}")
  echo "rclone check --download / yunjian verify with CDS = $(echo "scale=2; $rc / $c2" | bc) (sha256), $(echo "scale=2; $rc / $c3" | bc) (sm3)"
fi
cn=$(median "${times[curl_null]}")
echo "rclone check --download / curl to /dev/null = $(echo "scale=2; $rc / $cn" | bc)  (the most any client can gain on this machine and server)"
# the least wall time any verifying client can take here: the server's CPU to send the bytes, the lightest client's
# CPU to receive them (curl) and the CPU to hash them and start (the same verification of the local tree)
for a in sha256 sm3 sha256_bin; do
  [ -n "${cpu[yunjian_${a}_local]:-}" ] || continue
  b=$(echo "($(median "${srv[curl_null]}") + $(median "${cpu[curl_null]}") + $(median "${cpu[yunjian_${a}_local]}")) / $cores" | bc -l)
  printf 'bound for a %s verification: (server %.2f + receive %.2f + hash and start %.2f CPU-s) / %d cores = %.2f s; ratio at that bound %.2f\n' \
    "$a" "$(median "${srv[curl_null]}")" "$(median "${cpu[curl_null]}")" "$(median "${cpu[yunjian_${a}_local]}")" "$cores" "$b" "$(echo "$rc / $b" | bc -l)"
done
