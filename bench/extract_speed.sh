#!/usr/bin/env bash
# Whole-process speed of `rasd extract --jsonl` (docs/benchmarks.md): runs it
# RUNS times over INPUT and prints, per run and as best / median, the CPU time
# (user + sys), MB/s and articles/s per core, and peak memory; then events per
# article. With PEER (another rasd binary, e.g. an older build), the two run
# alternately, so that both see the same machine: on a shared virtual machine
# the same binary's time varies by a third from one minute to the next.
# Usage: bench/extract_speed.sh RASD_BINARY [INPUT] [RUNS] [PEER]
set -euo pipefail
rasd=$1
input=${2:-$(dirname "$0")/../../shared/corpus/ant_multisource.jsonl}
runs=${3:-3}
peer=${4:-}
if [[ ! -f $input ]]; then
  echo "extract_speed: no input $input (../shared/corpus is needed)" >&2
  exit 77
fi
bytes=$(stat -c %s "$input")
articles=$(wc -l < "$input")
out=$(mktemp)
trap 'rm -f "$out" "$out.time" "$out.rasd"' EXIT

echo "input: $input ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB, $articles articles)"
declare -A times
run() {  # run LABEL BINARY
  /usr/bin/time -f "%U %S %M" -o "$out.time" "$2" extract --jsonl "$input" > "$out"
  read -r user sys rss < "$out.time"
  python3 - "$1" "$user" "$sys" "$rss" "$bytes" "$articles" <<'PY'
import sys
label, user, sys_, rss, size, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
cpu = user + sys_
print(f"{label:5s} {cpu:7.2f} s CPU  {size / 1e6 / cpu:5.2f} MB/s per core  {n / cpu:6.0f} articles/s  peak {rss / 1024:.0f} MB")
PY
  times[$1]+="$(awk '{print $1 + $2}' "$out.time") "
  [[ $1 == rasd ]] && mv "$out" "$out.rasd"
  return 0
}
for ((r = 1; r <= runs; r++)); do
  run rasd "$rasd"
  [[ -n $peer ]] && run peer "$peer"
done
events=$(python3 -c "
import json, sys
n = e = 0
for line in open(sys.argv[1], encoding='utf-8'):
    n += 1
    e += len(json.loads(line).get('events', []))
print(f'{e / max(n, 1):.2f}')" "$out.rasd")
for label in rasd ${peer:+peer}; do
  python3 - "$label" "$bytes" "$articles" ${times[$label]} <<'PY'
import statistics, sys
label, size, n, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sorted(map(float, sys.argv[4:]))
best, med = t[0], statistics.median(t)
print(f"{label}: best {best:.2f} s = {size / 1e6 / best:.2f} MB/s, {n / best:.0f} articles/s per core; "
      f"median {med:.2f} s = {size / 1e6 / med:.2f} MB/s, {n / med:.0f} articles/s per core")
PY
done
echo "events per article (rasd): $events"
