#!/usr/bin/env bash
# Whole-command timings for `yunjian exit verify` against hashdeep and the sha256sum / openssl SM3
# pipelines, on the issue's tree: 20,000 files of 1-64 KiB plus four 256 MiB files (about 1.7 GB).
# Usage: bench/exit-verify.sh [work-dir] [runs]   (needs target/yunjian.jar: ./mvnw package -DskipTests)
# Every tool runs once per round, interleaved, after a warm-up read; medians and ratios are printed, with
# the load average before and after (the build machine is shared: compare ratios, not seconds).
# yunjian runs two ways: `java -jar target/yunjian.jar` and the shipped launcher bin/yunjian (unpacked
# jar, serial collector); YUNJIAN_JAVA_OPTS reaches the launcher.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/yunjian-bench}
runs=${2:-3}
jar="$here/target/yunjian.jar"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw package -DskipTests" >&2; exit 2; }
mkdir -p "$work"
cd "$work"
if [ ! -d tree ]; then
  python3 - <<'PY'
import os, random
random.seed(1)
for i in range(20000):
    d = f'tree/d{i % 100:03d}'
    os.makedirs(d, exist_ok=True)
    with open(f'{d}/f{i:05d}.bin', 'wb') as f:
        f.write(os.urandom(random.randint(1024, 65536)))
for i in range(4):
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
[ -f known.hashdeep ] || (cd tree && hashdeep -c sha256 -l -r . > ../known.hashdeep)
cat tree/*/* tree/*.bin > /dev/null   # warm page cache
"$here/bin/yunjian" exit --help > /dev/null 2>&1   # unpacks the jar for the launcher once
# the launcher's first `exit verify` writes its class-data archive (target/cli/offline-exit-verify.jsa); the timed
# runs map it, as every run after a user's first does
"$here/bin/yunjian" exit verify --manifest m256.jsonl --pubkey keys/b.pub.pem tree > /dev/null 2>&1 || true
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
declare -A times
for r in $(seq "$runs"); do
  times[hashdeep]+="$(t bash -c 'cd tree && hashdeep -c sha256 -l -r -a -k ../known.hashdeep .') "
  times[sha256sum]+="$(t bash -c 'cd tree && find . -type f -print0 | xargs -0 -P2 -n 200 sha256sum') "
  times[openssl_sm3]+="$(t bash -c 'cd tree && find . -type f -print0 | xargs -0 -P2 -n 200 openssl dgst -sm3') "
  times[yunjian_sha256]+="$(t java -jar "$jar" exit verify --manifest m256.jsonl --pubkey keys/b.pub.pem tree) "
  times[yunjian_sm3]+="$(t java -jar "$jar" exit verify --manifest msm3.jsonl --pubkey keys/b.pub.pem tree) "
  times[launcher_sha256]+="$(t "$here/bin/yunjian" exit verify --manifest m256.jsonl --pubkey keys/b.pub.pem tree) "
  times[launcher_sm3]+="$(t "$here/bin/yunjian" exit verify --manifest msm3.jsonl --pubkey keys/b.pub.pem tree) "
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
best() { printf '%s\n' $1 | sort -n | head -1; }
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for k in hashdeep sha256sum openssl_sm3 yunjian_sha256 yunjian_sm3 launcher_sha256 launcher_sm3; do
  printf '%-16s median %6.2f s  best %6.2f s   runs: %s\n' "$k" "$(median "${times[$k]}")" \
    "$(best "${times[$k]}")" "${times[$k]}"
done
hd=$(median "${times[hashdeep]}"); os=$(median "${times[openssl_sm3]}")
y2=$(median "${times[yunjian_sha256]}"); y3=$(median "${times[yunjian_sm3]}")
l2=$(median "${times[launcher_sha256]}"); l3=$(median "${times[launcher_sm3]}")
echo "best of $runs: hashdeep audit / bin/yunjian sha256 verify = $(echo "scale=2; $(best "${times[hashdeep]}") / $(best "${times[launcher_sha256]}")" | bc)"
echo "hashdeep audit / yunjian sha256 verify = $(echo "scale=2; $hd / $y2" | bc) (java -jar), $(echo "scale=2; $hd / $l2" | bc) (bin/yunjian)  (target >= 2.5)"
echo "openssl -sm3 pipeline / yunjian sm3 verify = $(echo "scale=2; $os / $y3" | bc) (java -jar), $(echo "scale=2; $os / $l3" | bc) (bin/yunjian)  (target >= 1.3)"
