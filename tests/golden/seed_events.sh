#!/usr/bin/env bash
# The reference article (../shared/seed): all `must` events and no false
# positive (score.py events: precision = recall = 1.000).
# Usage: seed_events.sh RASD_BINARY SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 shared=$2
seed=$shared/seed
if [ ! -f "$seed/article.txt" ]; then echo "SKIP: $seed not found (../shared is absent)"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$rasd" extract --date 2024-11-23 "$seed/article.txt" > "$tmp/out.json"
out=$(python3 "$shared/tools/score.py" events -v --gold "$seed/expected.json" --pred "$tmp/out.json")
echo "$out"
echo "$out" | tail -n 1 | grep -q "precision=1.000 recall=1.000" || { echo "FAIL: reference events"; exit 1; }
