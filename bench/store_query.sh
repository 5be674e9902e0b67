#!/usr/bin/env bash
# Latency of `rasd query` on an ingested database (docs/storage.md): runs a
# filtered query and a full-text query 50 times each, as separate processes
# (what a user waits for), and prints p50 and p95 in milliseconds.
# Usage: bench/store_query.sh RASD_BINARY DB [RUNS]
set -euo pipefail
rasd=$1 db=$2 runs=${3:-50}

measure() {  # measure NAME ARGS...
  local name=$1; shift
  local rows
  rows=$("$rasd" query --db "$db" --format csv "$@" | tail -n +2 | wc -l)
  python3 - "$runs" "$name" "$rows" "$rasd" "$db" "$@" <<'PY'
import subprocess, sys, time
runs, name, rows, rasd, db, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run([rasd, "query", "--db", db, "--format", "csv", *args], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{name:12s} {rows:>5s} rows  p50 {p(0.50):7.1f} ms  p95 {p(0.95):7.1f} ms  ({runs} runs: {' '.join(args)})")
PY
}

measure filtered --actor SAU --type CONSULT --since 2017-01-01 --limit 100
measure filtered-all --actor PSE --limit 0
measure full-text --text "الأردن" --limit 100
measure text+filter --text "الأمم المتحدة" --type REQUEST --limit 100

# The same queries' SQL in one process (no rasd start-up, no Engine::Create
# for --text): what a server holding the Store open would pay. Mirrors the SQL
# that Store::QueryEvents builds (storage/sqlite_store.cc).
python3 - "$db" "$runs" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
runs = int(sys.argv[2])
base = ("SELECT d.id, e.idx FROM events e JOIN documents d ON d.doc_key = e.doc_key WHERE 1 {} "
        "ORDER BY e.date DESC, d.id, e.idx LIMIT 100")
actor = ("AND (e.doc_key, e.idx) IN (SELECT doc_key, event_idx FROM event_participants WHERE role = 'actor' "
         "AND country = ?1 UNION SELECT doc_key, event_idx FROM event_participants WHERE role = 'actor' "
         "AND code >= ?1 AND code < ?2)")
fts = "AND e.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{})"
queries = {
    "filtered": (base.format(actor + " AND e.type = ?3 AND e.date >= ?4"), ["SAU", "SAU\x7f", "CONSULT", "2017-01-01"]),
    "full-text": (base.format(fts.format(1)), ['"الاردن"']),
    "text+filter": (base.format("AND e.type = ?1 " + fts.format(2)), ["REQUEST", '"الامم" AND "المتحده"']),
}
for name, (sql, params) in queries.items():
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        rows = db.execute(sql, params).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"in-process {name:12s} {len(rows):>4d} rows  p50 {p(0.5):6.1f} ms  p95 {p(0.95):6.1f} ms")
PY
