#!/usr/bin/env bash
# Lexicon coverage: of the distinct LOC strings in ANERcorp train that occur
# at least 3 times, the share the lexicons know as one whole phrase; fails
# below 85%. Usage: anercorp_loc.sh RASD_BINARY SHARED_DIR (exit 77 = skipped)
set -euo pipefail
rasd=$1 shared=$2
train=$shared/data/anercorp/train.txt
if [ ! -f "$train" ]; then echo "SKIP: $train not found (../shared is absent)"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$train" > "$tmp/loc.txt" <<'PY'
import collections, sys
counts = collections.Counter()
for block in open(sys.argv[1], encoding='utf-8').read().split('\n\n'):
    cur = []
    for line in block.split('\n') + ['']:
        parts = line.split()
        tag = parts[-1] if parts else 'O'
        if tag == 'I-LOC' and cur:
            cur.append(parts[0])
            continue
        if cur:
            counts[' '.join(cur)] += 1
        cur = [parts[0]] if tag == 'B-LOC' else []
for s, n in counts.most_common():
    if n >= 3:
        print(s)
PY
"$rasd" lexicon lookup --file "$tmp/loc.txt" > "$tmp/out.txt" 2> "$tmp/summary.txt"
cat "$tmp/summary.txt"
echo "unknown: $(grep -P '\tunknown$' "$tmp/out.txt" | cut -f1 | tr '\n' ' ')"
python3 - "$tmp/out.txt" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
share = sum(r[1] == 'known' for r in rows) / len(rows)
print(f'ANERcorp LOC (>= 3 occurrences): {share:.3f} known')
sys.exit(0 if share >= 0.85 else 1)
PY
