#!/usr/bin/env bash
# HTTP benchmark of `rasd serve` on loopback with wrk (Debian package `wrk`,
# not needed for the tests): POST /api/extract with the reference article and
# GET /api/events over a store of corpus articles. docs/server.md has figures.
#
#   bench/server_bench.sh            # 30 s each, 2 wrk threads, 16 connections
#
# Environment: RASD_BUILD_DIR (default build), BENCH_SECONDS (30),
# BENCH_CONNECTIONS (16), BENCH_THREADS (2 wrk threads), BENCH_ARTICLES
# (corpus articles ingested for /api/events, 2000). Exit 77 when ../shared
# or wrk is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${RASD_BUILD_DIR:-build}
SECONDS_EACH=${BENCH_SECONDS:-30}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
ARTICLES=${BENCH_ARTICLES:-2000}
ARTICLE=../shared/seed/article.txt
CORPUS=../shared/corpus/saudinewsnet.jsonl
command -v wrk >/dev/null || { echo "SKIP: wrk not installed (apt-get install wrk)"; exit 77; }
[ -f "$ARTICLE" ] && [ -f "$CORPUS" ] || { echo "SKIP: ../shared is absent"; exit 77; }

tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

head -n "$ARTICLES" "$CORPUS" > "$tmp/slice.jsonl"
"$BUILD/rasd" ingest --db "$tmp/bench.db" --threads 2 "$tmp/slice.jsonl" 2>&1 | tail -1
python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "date": "2024-11-23"}, ensure_ascii=False))' \
  "$ARTICLE" > "$tmp/article.json"

"$BUILD/rasd" serve --db "$tmp/bench.db" --port 0 > "$tmp/serve.out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/serve.out" && break; sleep 0.1; done
base=$(sed -n 's|.*listening on \(http://[^/]*\)/.*|\1|p' "$tmp/serve.out")
[ -n "$base" ] || { echo "rasd serve did not start"; exit 1; }

# CPU seconds used so far by the server (utime + stime): on a shared machine
# requests per server CPU-second is the figure that does not depend on load.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat"; }
run() {  # run NAME wrk-args...
  local name=$1; shift
  local c0 c1 out
  c0=$(cpu)
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$@")
  c1=$(cpu)
  echo "$out"
  local rps reqs
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  reqs=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "-- $name: $rps req/s; server CPU $(echo "$c1 - $c0" | bc) s for $reqs requests =" \
       "$(echo "scale=0; $reqs / ($c1 - $c0)" | bc) requests per server CPU-second; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "== $(date -u +%FT%TZ), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== POST /api/extract (reference article, $(wc -c < "$ARTICLE") bytes), ${SECONDS_EACH}s, -t$THREADS -c$CONNS"
RASD_ARTICLE="$tmp/article.json" run "POST /api/extract" -s bench/server_extract.lua "$base/api/extract"
echo "== GET /api/events?limit=20 (store of $ARTICLES articles), ${SECONDS_EACH}s, -t$THREADS -c$CONNS"
run "GET /api/events" "$base/api/events?limit=20"
echo "== GET /api/events?actor=USA&limit=20"
run "GET /api/events?actor=USA" "$base/api/events?actor=USA&limit=20"
echo "== GET /api/health (the HTTP layer alone)"
run "GET /api/health" "$base/api/health"
