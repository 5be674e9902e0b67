#!/usr/bin/env bash
# The load figure of docs/server.md (issue #17): `rasd serve` at its default
# settings, 64 keep-alive wrk clients POSTing the reference article to
# /api/extract while 110 slow clients (bench/slow_clients.py: one header line
# every 5 s, never finishing) stay connected. Prints wrk's latency
# percentiles, non-200 answers, and the server's peak memory (VmHWM).
#
#   bench/server_load.sh          # 30 s; RASD_BUILD_DIR (build), LOAD_SECONDS, LOAD_CLIENTS, LOAD_SLOW
#
# Exit 77 when ../shared or wrk is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${RASD_BUILD_DIR:-build}
SECONDS_RUN=${LOAD_SECONDS:-30}
CLIENTS=${LOAD_CLIENTS:-64}
SLOW=${LOAD_SLOW:-110}
ARTICLE=../shared/seed/article.txt
command -v wrk >/dev/null || { echo "SKIP: wrk not installed (apt-get install wrk)"; exit 77; }
[ -f "$ARTICLE" ] || { echo "SKIP: ../shared is absent"; exit 77; }

tmp=$(mktemp -d)
pid="" slow=""
cleanup() { [ -n "$slow" ] && kill "$slow" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "date": "2024-11-23"}, ensure_ascii=False))' \
  "$ARTICLE" > "$tmp/article.json"

"$BUILD/rasd" serve --db "$tmp/none.db" --port 0 > "$tmp/serve.out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/serve.out" && break; sleep 0.1; done
base=$(sed -n 's|.*listening on \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
port=${base##*:}
[ -n "$base" ] || { echo "rasd serve did not start"; exit 1; }
echo "== $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); server RSS at start $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
python3 bench/slow_clients.py 127.0.0.1 "$port" "$SLOW" 5 $((SECONDS_RUN + 10)) &
slow=$!
sleep 3
echo "== $CLIENTS keep-alive clients, POST /api/extract (reference article), ${SECONDS_RUN}s, $SLOW slow clients connected"
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat"; }
c0=$(cpu)
out=$(RASD_ARTICLE="$tmp/article.json" wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s bench/server_extract.lua "$base/api/extract")
c1=$(cpu)
echo "$out"
reqs=$(echo "$out" | awk '/requests in/ { print $1 }')
echo "== server CPU $(echo "$c1 - $c0" | bc) s for $reqs requests: $(echo "scale=2; 1000 * ($c1 - $c0) / $reqs" | bc) ms of CPU per request"
echo "== server peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status); now $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status); load $(cut -d' ' -f1-3 /proc/loadavg)"
wait "$slow" || true
slow=""
