#!/usr/bin/env bash
# `yunjian exit verify` of one large file with and without chunk digests (issue 15: one 4 GiB file with chunked
# digests verifies >= 1.8x faster on 2 cores than without chunks).
# Usage: bench/exit-chunks.sh [work-dir] [runs] [size-MiB] [algorithm]
#   defaults: /tmp/yunjian-bench-chunks 3 4096 sm3   (needs target/yunjian.jar: ./mvnw package -DskipTests)
# Builds one file of random bytes and two signed manifests of it: version 1 (`--no-chunks`: one whole-file
# digest, hashed as one sequential chain) and version 2 (default 64 MiB chunk digests, hashed on every thread).
# Each round runs both verifications with --threads 2, interleaved, on a warm page cache; medians and the ratio
# are printed with the load average before and after (on a shared machine compare ratios, and only quiet runs).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/yunjian-bench-chunks}
runs=${2:-3}
mib=${3:-4096}
alg=${4:-sm3}
jar="$here/target/yunjian.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw package -DskipTests" >&2; exit 2; }
mkdir -p "$work/tree"
cd "$work"
if [ ! -f tree/big.bin ] || [ "$(stat -c %s tree/big.bin)" -ne $((mib * 1048576)) ]; then
  rm -f tree/big.bin m-*.jsonl
  head -c $((mib * 1048576)) /dev/urandom > tree/big.bin
fi
export YUNJIAN_KEY_PASSPHRASE=benchmark-passphrase
yj() { java -jar "$jar" "$@"; }
[ -f keys/b.key.pem ] || yj keys create --out keys --name b >/dev/null
[ -f "m-$alg-v1.jsonl" ] || yj exit manifest build tree --out "m-$alg-v1.jsonl" --key keys/b.key.pem --algorithm "$alg" --no-chunks >/dev/null
[ -f "m-$alg-v2.jsonl" ] || yj exit manifest build tree --out "m-$alg-v2.jsonl" --key keys/b.key.pem --algorithm "$alg" >/dev/null
grep -q '"version":1,' "m-$alg-v1.jsonl" && grep -q '"type":"chunk"' "m-$alg-v2.jsonl" \
  || { echo "manifests are not version 1 / chunked version 2" >&2; exit 2; }
cat tree/big.bin > /dev/null   # warm page cache
echo "file: $mib MiB, algorithm $alg, chunks: $(grep -c '"type":"chunk"' "m-$alg-v2.jsonl"), runs: $runs, cores: $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
whole=""; chunked=""
for r in $(seq "$runs"); do
  whole+="$(t yj exit verify --manifest "m-$alg-v1.jsonl" --pubkey keys/b.pub.pem --threads 2 tree) "
  chunked+="$(t yj exit verify --manifest "m-$alg-v2.jsonl" --pubkey keys/b.pub.pem --threads 2 tree) "
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
w=$(median "$whole"); c=$(median "$chunked")
printf 'without chunks (v1)  median %7.2f s   runs: %s\n' "$w" "$whole"
printf 'with chunks (v2)     median %7.2f s   runs: %s\n' "$c" "$chunked"
echo "speed-up with chunk digests = $(echo "scale=2; $w / $c" | bc)  (target >= 1.8 on 2 cores, 4096 MiB)"
