#!/usr/bin/env bash
# Segmentation F1 on UD Arabic-PUD dev (../shared); fails below 0.95.
# Usage: segmentation.sh RASD_BINARY SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 shared=$2
gold=$shared/data/ud-pud/dev.conllu
if [ ! -f "$gold" ]; then echo "SKIP: $gold not found (../shared is absent)"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
grep '^# text = ' "$gold" | sed 's/^# text = //' > "$tmp/input.txt"
"$rasd" tokenize --format segments "$tmp/input.txt" > "$tmp/pred.txt"
out=$(python3 "$shared/tools/score.py" segment --gold "$gold" --pred "$tmp/pred.txt")
echo "$out"
f1=$(echo "$out" | sed -n 's/.* f1=\([0-9.]*\).*/\1/p')
python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.95 else 1)" || { echo "FAIL: F1 $f1 < 0.95"; exit 1; }
