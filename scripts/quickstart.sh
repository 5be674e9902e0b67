#!/usr/bin/env bash
# The README's first command: install dependencies, build, and run rasd's main
# job on the bundled example articles.
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
echo
echo "== next: build/rasd serve --db rasd.db   then open http://127.0.0.1:8080/ (docs/server.md)"
