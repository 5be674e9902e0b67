#!/usr/bin/env bash
# The README's first command: install dependencies, build, and run rasd's main
# job on the bundled example articles (CLI, event store, Python module).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo
echo "== rasd extract --summary --date 2024-11-23 examples/*.txt"
./build/rasd extract --summary --date 2024-11-23 examples/*.txt
echo
echo "== rasd ingest --db rasd.db examples/*.txt   (the event store, docs/storage.md)"
./build/rasd ingest --db rasd.db --date 2024-11-23 examples/*.txt
echo
echo "== rasd query --db rasd.db --limit 10"
./build/rasd query --db rasd.db --limit 10
if [ -d build/python/rasd ]; then
  echo
  echo "== Python: rasd.events_frame(rasd.extract_many(examples))   (docs/python.md)"
  PYTHONPATH=build/python /usr/bin/python3 - <<'PY'
import glob, rasd
docs = rasd.extract_many([{"id": p, "date": "2024-11-23", "text": open(p, encoding="utf-8").read()}
                          for p in sorted(glob.glob("examples/*.txt"))], threads=2)
print(rasd.events_frame(docs)[["doc_id", "type", "cameo", "actor_codes", "recipient_codes", "anchor"]].to_string())
PY
fi
echo
echo "== next: build/rasd serve --db rasd.db   then open http://127.0.0.1:8080/ (docs/server.md)"
