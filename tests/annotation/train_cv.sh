#!/usr/bin/env bash
# train_cv.py: five-fold cross-validation of the event models over the annotation train split (the
# yardstick changes are chosen by, docs/events.md). This checks it runs end to end, scores every
# article of the split once (the document row counts all its `must` events) and prints the three rows;
# the figures themselves are in docs/events.md, not asserted.
# Usage: train_cv.sh RASD_BINARY PROJECT_DIR SHARED_DIR   (exit 77 = skipped)
set -euo pipefail
rasd=$1 project=$2 shared=$3
if [ ! -d "$shared/corpus" ] || [ ! -d "$shared/data/arabic_event_gsr" ]; then
  echo "SKIP: $shared/corpus or arabic_event_gsr not found (../shared is absent)"; exit 77
fi
export RASD_SHARED=$shared
out=$(python3 "$project/tools/annotation/train_cv.py" --rasd "$rasd")
echo "$out"
OUT="$out" PROJECT="$project" python3 - <<'PY'
import json, os, re, sys
sys.path.insert(0, os.path.join(os.environ["PROJECT"], "tools", "annotation"))
import scoring
must = 0
with open(os.path.join(os.environ["PROJECT"], "data", "annotations", "train.jsonl"), encoding="utf-8") as f:
    for line in f:
        must += sum(1 for g in scoring.gold_doc_events(json.loads(line)) if g["must"])
rows = {}
for line in os.environ["OUT"].splitlines():
    m = re.match(r"train split, 5-fold, (\w+): all\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", line)
    if m:
        rows[m.group(1)] = (int(m.group(2)), float(m.group(7)))
assert set(rows) == {"document", "span", "strict"}, rows
assert rows["document"][0] == must, (rows["document"][0], must)
assert all(0.0 <= f1 <= 1.0 for _, f1 in rows.values()), rows
print("train cv: every article scored once, three rows")
PY
