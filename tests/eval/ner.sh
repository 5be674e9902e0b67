#!/usr/bin/env bash
# NER micro-F1 of the built-in model on ANERcorp dev (../shared); fails below
# MIN_F1 (default 0.77, the acceptance bar of the "Entities" issue).
# Usage: ner.sh RASD_BINARY SHARED_DIR [MIN_F1]   (exit 77 = skipped)
set -euo pipefail
rasd=$1 shared=$2 min=${3:-0.77}
gold=$shared/data/anercorp/dev.txt
if [ ! -f "$gold" ]; then echo "SKIP: $gold not found (../shared is absent)"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$rasd" ner --conll "$gold" > "$tmp/pred.txt"
out=$(python3 "$shared/tools/score.py" ner --gold "$gold" --pred "$tmp/pred.txt")
echo "$out"
f1=$(echo "$out" | awk '$1 == "ALL" {print $NF}')
python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$min') else 1)" || { echo "FAIL: micro-F1 $f1 < $min"; exit 1; }
