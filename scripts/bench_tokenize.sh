#!/usr/bin/env bash
# Whole-process benchmark of `rasd tokenize --format segments` against a
# Snowball Arabic stemmer peer (bench/snowball_peer.cc) over the same text.
#
#   scripts/bench_tokenize.sh [JSONL]     # default ../shared/corpus/ant_multisource.jsonl
#
# Environment:
#   RASD_BUILD_DIR        build with the `rasd` binary          (default: build)
#   RASD_BENCH_BUILD_DIR  build with bench/snowball_peer        (default: build-bench;
#                         configure it with `cmake --preset bench`)
#   RASD_BENCH_RUNS       runs per program                      (default: 3)
#   RASD_BENCH_MAX_MB     stop extracting after this many MB of text (default: all)
#
# Prints, per program: best and median wall time, MB/s (of input text),
# articles/s per core (articles / (user+sys CPU seconds)), peak RSS, and the
# rasd/Snowball speed ratio. Exit 77 (skip) when the corpus is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS=${1:-../shared/corpus/ant_multisource.jsonl}
BUILD_DIR=${RASD_BUILD_DIR:-build}
BENCH_BUILD_DIR=${RASD_BENCH_BUILD_DIR:-build-bench}
RUNS=${RASD_BENCH_RUNS:-3}
MAX_MB=${RASD_BENCH_MAX_MB:-0}

RASD=$BUILD_DIR/rasd
PEER=$BENCH_BUILD_DIR/bench/snowball_peer
if [ ! -f "$CORPUS" ]; then
  echo "bench_tokenize: corpus not found: $CORPUS (skipping)" >&2
  exit 77
fi
for exe in "$RASD" "$PEER"; do
  if [ ! -x "$exe" ]; then
    echo "bench_tokenize: $exe not built; run: cmake --preset bench && cmake --build --preset bench" >&2
    echo "  (or set RASD_BUILD_DIR / RASD_BENCH_BUILD_DIR)" >&2
    exit 1
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "bench_tokenize: /usr/bin/time missing (Debian package 'time')" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rasd-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Article texts, one blank line between articles (rasd reads it in 1 MB
# chunks cut at line breaks, so articles never merge into one another's tokens).
ARTICLES=$(python3 - "$CORPUS" "$TMP/text.txt" "$MAX_MB" <<'EOF'
import json, sys
src, dst, max_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
n = size = 0
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        t = json.loads(line).get("text") or ""
        if not t:
            continue
        data = t.strip("\n") + "\n\n"
        out.write(data)
        n += 1
        size += len(data.encode("utf-8"))
        if max_mb and size >= max_mb * 2**20:
            break
print(n)
EOF
)
BYTES=$(stat -c %s "$TMP/text.txt")
echo "corpus: $CORPUS -> $ARTICLES articles, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1048576}') MB of text"
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"

# run LABEL CMD...: $RUNS timed runs; writes "wall cpu rss_kb" lines to $TMP/LABEL.times.
run() {
  local label=$1; shift
  : > "$TMP/$label.times"
  for ((r = 1; r <= RUNS; r++)); do
    /usr/bin/time -v -o "$TMP/$label.time" "$@" "$TMP/text.txt" > "$TMP/$label.out" 2> "$TMP/$label.err" || {
      echo "bench_tokenize: $label failed:" >&2; cat "$TMP/$label.err" >&2; exit 1; }
    python3 - "$TMP/$label.time" >> "$TMP/$label.times" <<'EOF'
import sys
v = {}
for line in open(sys.argv[1]):
    k, _, val = line.strip().rpartition(": ")
    v[k] = val
w = v["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
cpu = float(v["User time (seconds)"]) + float(v["System time (seconds)"])
print(wall, cpu, v["Maximum resident set size (kbytes)"])
EOF
  done
}

run rasd "$RASD" tokenize --format segments
run snowball "$PEER"

python3 - "$TMP" "$BYTES" "$ARTICLES" "$RUNS" <<'EOF'
import statistics, sys
tmp, size, articles, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
mb = size / 2**20
res = {}
for label, name in (("rasd", "rasd tokenize --format segments"), ("snowball", "Snowball Arabic stemmer (peer)")):
    rows = [tuple(map(float, l.split())) for l in open(f"{tmp}/{label}.times")]
    walls = sorted(r[0] for r in rows)
    cpus = sorted(r[1] for r in rows)
    best, med = walls[0], statistics.median(walls)
    res[label] = best
    print(f"{name}:")
    print(f"  wall  best {best:.2f} s, median {med:.2f} s over {runs} runs")
    print(f"  speed best {mb / best:.1f} MB/s, median {mb / med:.1f} MB/s")
    print(f"  per core {articles / cpus[0]:.0f} articles/s, {mb / cpus[0]:.1f} MB/s (best user+sys {cpus[0]:.2f} s)")
    print(f"  peak RSS {max(r[2] for r in rows) / 1024:.0f} MB")
print(f"ratio: rasd takes {res['rasd'] / res['snowball']:.2f}x the Snowball peer's time "
      f"(Snowball is {res['rasd'] / res['snowball']:.2f}x faster)" if res['rasd'] >= res['snowball'] else
      f"ratio: rasd is {res['snowball'] / res['rasd']:.2f}x faster than the Snowball peer")
EOF
